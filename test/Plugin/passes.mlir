// Upstream mlir-opt runs fxp passes from the plugin. Passes a plugin
// registers are not command-line flags of mlir-opt (its flags exist before
// plugins load): name them in --pass-pipeline. Loading the library as both
// plugins, in either order, registers everything once.
// RUN: mlir-opt --load-dialect-plugin=%fxp_plugin --load-pass-plugin=%fxp_plugin %s \
// RUN:   --pass-pipeline='builtin.module(fxp-legalize-accumulation)' | FileCheck %s
// RUN: mlir-opt --load-pass-plugin=%fxp_plugin --load-dialect-plugin=%fxp_plugin %s \
// RUN:   --pass-pipeline='builtin.module(fxp-legalize-accumulation{min-chunk=4})' | FileCheck %s
// RUN: mlir-opt --load-dialect-plugin=%fxp_plugin --load-pass-plugin=%fxp_plugin %s \
// RUN:   --pass-pipeline='builtin.module(fxp-legalize-accumulation,convert-fxp-to-arith,canonicalize)' \
// RUN:   | FileCheck %s --check-prefix=ARITH

// CHECK-LABEL: func.func @widen
// CHECK: fxp.matmul %{{.*}}, %{{.*}} chunk 32 symmetric
// ARITH-LABEL: func.func @widen
// ARITH-SAME: tensor<4x64xi16>
// ARITH-NOT: fxp.
// ARITH: linalg.generic
// ARITH-NOT: fxp.
// ARITH: return
func.func @widen(%a: tensor<4x64x!fxp.fixed<14, 10>>, %b: tensor<64x3x!fxp.fixed<14, 12>>)
    -> tensor<4x3xf32> {
  %0 = fxp.matmul %a, %b chunk 1 symmetric : tensor<4x64x!fxp.fixed<14, 10>>, tensor<64x3x!fxp.fixed<14, 12>> -> tensor<4x3xf32>
  return %0 : tensor<4x3xf32>
}
