//===- FXPDialect.td - fxp dialect definition --------------*- tablegen -*-===//
//
// The fxp dialect: fixed-point and shared-exponent (dynamic fixed point)
// arithmetic for training neural networks in integers.
//
//===----------------------------------------------------------------------===//

#ifndef FXP_DIALECT_FXP_IR_FXPDIALECT_TD
#define FXP_DIALECT_FXP_IR_FXPDIALECT_TD

include "mlir/IR/OpBase.td"

def FXP_Dialect : Dialect {
  let name = "fxp";
  let cppNamespace = "::mlir::fxp";
  let summary = "Fixed-point and shared-exponent arithmetic for training";
  let description = [{
    The `fxp` dialect expresses the numeric contract of fxp (`docs/Semantics.md`):
    fixed-point values `!fxp.fixed<W, F>` (a `W`-bit two's-complement integer
    `q` meaning `q * 2^-F`), dynamic fixed-point tensors `!fxp.dfp<...>` whose
    integer mantissas share one exponent per tensor or per block, the seven
    rounding modes (stochastic rounding is seeded and reproducible), the
    overflow modes, and a contraction whose `i32` accumulation can never
    overflow silently.

    Every op has exactly one meaning, bit for bit, and every lowering of it
    (portable or vectorized) produces the same bits as the reference model
    in `lib/Reference`.
  }];
  let dependentDialects = ["::mlir::arith::ArithDialect"];
  let useDefaultTypePrinterParser = 1;
  let useDefaultAttributePrinterParser = 1;
  let hasConstantMaterializer = 1;
  let extraClassDeclaration = [{
    void registerTypes();
    void registerAttributes();
  }];
}

class FXP_Op<string mnemonic, list<Trait> traits = []>
    : Op<FXP_Dialect, mnemonic, traits>;

#endif // FXP_DIALECT_FXP_IR_FXPDIALECT_TD
