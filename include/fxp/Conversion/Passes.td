//===- Passes.td - fxp conversion passes -------------------*- tablegen -*-===//

#ifndef FXP_CONVERSION_PASSES_TD
#define FXP_CONVERSION_PASSES_TD

include "mlir/Pass/PassBase.td"

def ConvertFXPToArithPass : Pass<"convert-fxp-to-arith", "::mlir::ModuleOp"> {
  let summary = "Lower fxp types and ops to integer arith on tensors";
  let description = [{
    Lowers every fxp type and op to upstream dialects, on tensors, before
    bufferization: `!fxp.fixed<W, F>` becomes its storage integer (`i8`,
    `i16` or `i32`), a tensor of them a tensor of the storage, and a DFP tensor
    the pair (mantissa tensor, `i32` exponent tensor), function signatures,
    calls and returns included (a 1:N conversion).

    Element-wise ops become `linalg.generic`s whose bodies compute the
    contract of `docs/Semantics.md` with integer `arith` only (the random bits
    of stochastic rounding included, from the element's linear index), so they
    vectorize; `fxp.shared_exponent` becomes a max-magnitude reduction and
    `fxp.matmul` a reduction that flushes each chunk's `i32` sum to f32.

    ```mlir
    // fxp-opt --convert-fxp-to-arith
    %q = fxp.quantize %x : tensor<4xf32> -> tensor<4x!fxp.fixed<16, 12>>
    // becomes a linalg.generic producing tensor<4xi16>
    ```
    Ops the pass cannot lower (an upstream op on fxp types that it does not
    know) are reported with their name; nothing is left half converted.
  }];
  let dependentDialects = [
    "::mlir::arith::ArithDialect",
    "::mlir::linalg::LinalgDialect",
    "::mlir::math::MathDialect",
    "::mlir::tensor::TensorDialect",
  ];
}

#endif // FXP_CONVERSION_PASSES_TD
