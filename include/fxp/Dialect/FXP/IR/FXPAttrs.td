//===- FXPAttrs.td - fxp enums and attributes --------------*- tablegen -*-===//

#ifndef FXP_DIALECT_FXP_IR_FXPATTRS_TD
#define FXP_DIALECT_FXP_IR_FXPATTRS_TD

include "fxp/Dialect/FXP/IR/FXPDialect.td"
include "mlir/IR/AttrTypeBase.td"
include "mlir/IR/EnumAttr.td"

def FXP_RoundingMode : I32Enum<"RoundingMode", "rounding mode of SEMANTICS §2", [
    I32EnumCase<"Floor", 0, "floor">,
    I32EnumCase<"TowardZero", 1, "toward_zero">,
    I32EnumCase<"NearestEven", 2, "nearest_even">,
    I32EnumCase<"NearestAway", 3, "nearest_away">,
    I32EnumCase<"NearestUp", 4, "nearest_up">,
    I32EnumCase<"Biased", 5, "biased">,
    I32EnumCase<"Stochastic", 6, "stochastic">]> {
  let cppNamespace = "::mlir::fxp";
}

def FXP_RoundingModeAttr : EnumAttr<FXP_Dialect, FXP_RoundingMode, "rounding"> {
  let assemblyFormat = "`<` $value `>`";
  let summary = "How a value between two representable ones is rounded";
  let description = [{
    One of the seven rounding modes of the contract. With `t` the exact value
    in units of the result's resolution, `n = floor(t)` and `r` the first 32
    fractional bits of `t`:
    `floor` gives `n`; `toward_zero` rounds negative inexact values up;
    `nearest_even`, `nearest_away` and `nearest_up` (`floor(t + 1/2)`) round to
    nearest and differ on ties; `biased` rounds the magnitude up when either
    of its two top dropped bits is set (DFP16); `stochastic` rounds up when 32
    counter-based random bits are below `r` (probability `r / 2^32`).

    Example: `#fxp.rounding<stochastic>`
  }];
}

def FXP_OverflowMode : I32Enum<"OverflowMode", "overflow handling of SEMANTICS §3", [
    I32EnumCase<"Saturate", 0, "saturate">,
    I32EnumCase<"SaturateSymmetric", 1, "saturate_symmetric">,
    I32EnumCase<"Wrap", 2, "wrap">]> {
  let cppNamespace = "::mlir::fxp";
}

def FXP_OverflowModeAttr : EnumAttr<FXP_Dialect, FXP_OverflowMode, "overflow"> {
  let assemblyFormat = "`<` $value `>`";
  let summary = "How a rounded value outside the result's range is handled";
  let description = [{
    `saturate` clamps to `[qmin, qmax]`, `saturate_symmetric` to
    `[-qmax, qmax]` (so that `qmin * qmin` never enters a product), and `wrap`
    keeps the low `W` bits. Quantizing a float always saturates.

    Example: `#fxp.overflow<saturate_symmetric>`
  }];
}

#endif // FXP_DIALECT_FXP_IR_FXPATTRS_TD
