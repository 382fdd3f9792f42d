// Math ops without an LLVM intrinsic call libm: on scalars (in a tensor op's
// loops) and lane by lane on vectors; intrinsic ones stay intrinsics.
// RUN: fxp-opt %s --fxp-lower-to-llvm=target=portable | FileCheck %s
// CHECK: llvm.func @erff(f32) -> f32
// CHECK-LABEL: llvm.func @on_tensor
// CHECK: llvm.call @erff
// CHECK-LABEL: llvm.func @on_vector
// CHECK-COUNT-4: llvm.call @erff
// CHECK: llvm.intr.floor
func.func @on_tensor(%x: tensor<4xf32>) -> tensor<4xf32> {
  %e = tensor.empty() : tensor<4xf32>
  %y = linalg.map ins(%x : tensor<4xf32>) outs(%e : tensor<4xf32>)
    (%in: f32, %init: f32) {
      %v = math.erf %in : f32
      linalg.yield %v : f32
    }
  return %y : tensor<4xf32>
}
func.func @on_vector(%x: vector<4xf32>) -> vector<4xf32> {
  %y = math.erf %x : vector<4xf32>
  %z = math.floor %y : vector<4xf32>
  return %z : vector<4xf32>
}
