//===- FXPTypes.td - fxp types -----------------------------*- tablegen -*-===//

#ifndef FXP_DIALECT_FXP_IR_FXPTYPES_TD
#define FXP_DIALECT_FXP_IR_FXPTYPES_TD

include "fxp/Dialect/FXP/IR/FXPDialect.td"
include "mlir/IR/AttrTypeBase.td"

class FXP_Type<string name, string typeMnemonic, list<Trait> traits = []>
    : TypeDef<FXP_Dialect, name, traits> {
  let mnemonic = typeMnemonic;
}

def FXP_FixedType : FXP_Type<"Fixed", "fixed"> {
  let summary = "Fixed-point number: a W-bit integer q meaning q * 2^-F";
  let description = [{
    A signed two's-complement integer `q` of `W` bits (`2 <= W <= 32`) that
    means `q * 2^-F`, with `F` in `[-64, 64]` (it may be negative or exceed
    `W`). Range `[-2^(W-1), 2^(W-1) - 1]`, resolution `2^-F`. Gupta et al.'s
    `<IL, FL>` is `!fxp.fixed<IL+FL, FL>`.

    It is stored in the narrowest of `i8`, `i16` and `i32` that holds `W`
    bits, always sign-extended. It can be the element type of a tensor.

    Example: `!fxp.fixed<16, 12>`, `tensor<64x128x!fxp.fixed<12, 8>>`
  }];
  let parameters = (ins "unsigned":$width, "int":$frac);
  // `<` W `,` F `>`, with W read as a signed integer so that a negative
  // width is reported as written (the declarative parser would wrap it).
  let hasCustomAssemblyFormat = 1;
  let genVerifyDecl = 1;
  let extraClassDeclaration = [{
    /// Smallest and largest integer of the range.
    int64_t getMinValue() const;
    int64_t getMaxValue() const;
    /// The signless integer type that stores the value (i8, i16 or i32).
    IntegerType getStorageType() const;
  }];
}

def FXP_DFPType : FXP_Type<"DFP", "dfp"> {
  let summary = "Dynamic fixed-point tensor: integer mantissas sharing exponents";
  let description = [{
    A ranked tensor of `W`-bit integer mantissas `m` (`!fxp.fixed<W, 0>`)
    with `i32` exponents `e`; element value `m * 2^e`. Without `block`, one
    exponent is shared by the whole tensor (Flexpoint, DFP16); with
    `block = B, axis = A`, by each run of `B` consecutive elements along axis
    `A` (the last run of a row may be shorter).

    The mantissas are a `tensor<shape x !fxp.fixed<W, 0>>` and the exponents
    a `tensor<i32>` (per tensor) or a tensor of the shape with dimension `A`
    replaced by `ceildiv(shape[A], B)` (per block); `fxp.mantissas` and
    `fxp.exponents` return them, and lowering turns the type into that pair.

    Example: `!fxp.dfp<64x128, 16>`,
    `!fxp.dfp<?x256, 16, block = 32, axis = 1>`
  }];
  let parameters = (ins ArrayRefParameter<"int64_t">:$shape, "unsigned":$width,
                    "int64_t":$block, "unsigned":$axis);
  // `axis = 0` must print whenever `block` does, which the declarative
  // format cannot say (it elides default-valued parameters one by one).
  let hasCustomAssemblyFormat = 1;
  let genVerifyDecl = 1;
  let extraClassDeclaration = [{
    bool isPerTensor() const { return getBlock() == 0; }
    /// The mantissa element type, `!fxp.fixed<W, 0>`.
    FixedType getMantissaElementType() const;
    /// `tensor<shape x !fxp.fixed<W, 0>>`.
    RankedTensorType getMantissaType() const;
    /// The same shape on the storage integers, `tensor<shape x iN>`.
    RankedTensorType getMantissaStorageType() const;
    /// `tensor<i32>` per tensor, else the block grid's shape of `i32`.
    RankedTensorType getExponentType() const;
  }];
}

#endif // FXP_DIALECT_FXP_IR_FXPTYPES_TD
