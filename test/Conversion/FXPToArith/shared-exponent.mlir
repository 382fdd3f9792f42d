// RUN: fxp-opt %s -convert-fxp-to-arith | FileCheck %s

// Run alone (no other pass loads them), the pass still creates the scf and
// vector ops of the max-magnitude reduction: it declares their dialects.
// CHECK-LABEL: func.func @shared_exponent
// CHECK: tensor.collapse_shape %{{.*}} {{\[\[}}0, 1]] : tensor<4x10xf32> into tensor<40xf32>
// CHECK: scf.forall
// CHECK: scf.for
// CHECK: vector.transfer_read
// CHECK: arith.maxui %{{.*}} : vector<16xi32>
// CHECK: math.ctlz
func.func @shared_exponent(%x: tensor<4x10xf32>) -> tensor<i32> {
  %e = fxp.shared_exponent %x width 14 : tensor<4x10xf32> -> tensor<i32>
  return %e : tensor<i32>
}
