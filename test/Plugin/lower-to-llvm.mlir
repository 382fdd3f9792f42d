// The fxp-lower-to-llvm pipeline from the plugin, in upstream mlir-opt, and
// the result runs with mlir-runner.
// RUN: mlir-opt --load-dialect-plugin=%fxp_plugin --load-pass-plugin=%fxp_plugin %s \
// RUN:   --pass-pipeline='builtin.module(fxp-lower-to-llvm{target=portable})' \
// RUN:   | FileCheck %s --check-prefix=LLVM
// RUN: mlir-opt --load-dialect-plugin=%fxp_plugin --load-pass-plugin=%fxp_plugin %s \
// RUN:   --pass-pipeline='builtin.module(fxp-lower-to-llvm)' \
// RUN:   | mlir-runner -e main -entry-point-result=void -shared-libs=%mlir_c_runner_utils \
// RUN:   | FileCheck %s

// LLVM-NOT: fxp.
// LLVM-NOT: unrealized_conversion_cast
// LLVM: llvm.func @kernel(
// LLVM: llvm.func @_mlir_ciface_kernel(

func.func @kernel(%x: tensor<8xf32>) -> tensor<8x!fxp.fixed<8, 4>> attributes {no_inline} {
  %q = fxp.quantize %x : tensor<8xf32> -> tensor<8x!fxp.fixed<8, 4>>
  return %q : tensor<8x!fxp.fixed<8, 4>>
}

func.func @main() {
  %x = arith.constant dense<[1.5, -0.25, 100.0, 0.03125, 0.1, -0.1, 0.7, -7.9]> : tensor<8xf32>
  %q = call @kernel(%x) : (tensor<8xf32>) -> tensor<8x!fxp.fixed<8, 4>>
  %s = fxp.to_storage %q : tensor<8x!fxp.fixed<8, 4>> -> tensor<8xi8>
  %c0 = arith.constant 0 : index
  %pad = arith.constant 0 : i8
  %v = vector.transfer_read %s[%c0], %pad : tensor<8xi8>, vector<8xi8>
  // Units of 1/16, nearest_even, saturated at 127 and -128.
  // CHECK: ( 24, -4, 127, 0, 2, -2, 11, -126 )
  vector.print %v : vector<8xi8>
  return
}
