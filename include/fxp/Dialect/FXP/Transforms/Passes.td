//===- Passes.td - fxp transform passes --------------------*- tablegen -*-===//

#ifndef FXP_DIALECT_FXP_TRANSFORMS_PASSES_TD
#define FXP_DIALECT_FXP_TRANSFORMS_PASSES_TD

include "mlir/Pass/PassBase.td"

def FXPEmitCInterfacePass : Pass<"fxp-emit-c-interface", "::mlir::ModuleOp"> {
  let summary = "Give every public function a C interface wrapper";
  let description = [{
    Marks each public `func.func` with `llvm.emit_c_interface`, so that
    `convert-func-to-llvm` emits a `_mlir_ciface_<name>` wrapper taking
    memref descriptors by pointer: the form C, C++ and Python callers use.
    Part of `fxp-lower-to-llvm`.

    ```mlir
    func.func @step(%x: tensor<4xf32>) -> tensor<4xf32>
    // becomes
    func.func @step(%x: tensor<4xf32>) -> tensor<4xf32> attributes {llvm.emit_c_interface}
    ```
  }];
}

#endif // FXP_DIALECT_FXP_TRANSFORMS_PASSES_TD
