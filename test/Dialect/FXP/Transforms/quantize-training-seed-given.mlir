// RUN: fxp-opt %s -fxp-quantize-training | FileCheck %s

// A step that takes its seed already (a trailing i64 marked fxp.seed) rounds
// with it and gains no second one.
// CHECK-LABEL: func.func @seeded
// CHECK-SAME:    (%{{.*}}: tensor<4x8xf32>, %{{.*}}: tensor<8x3xf32>, %[[SEED:.*]]: i64 {fxp.seed}) -> tensor<4x3xf32>
// CHECK:         fxp.quantize_dfp {{.*}} seed %[[SEED]] stream 0
// CHECK:         fxp.quantize_dfp {{.*}} seed %[[SEED]] stream 1
func.func @seeded(%x: tensor<4x8xf32>, %w: tensor<8x3xf32>, %seed: i64 {fxp.seed}) -> tensor<4x3xf32> {
  %zero = arith.constant 0.0 : f32
  %empty = tensor.empty() : tensor<4x3xf32>
  %init = linalg.fill ins(%zero : f32) outs(%empty : tensor<4x3xf32>) -> tensor<4x3xf32>
  %y = linalg.matmul ins(%x, %w : tensor<4x8xf32>, tensor<8x3xf32>)
                     outs(%init : tensor<4x3xf32>) -> tensor<4x3xf32>
  return %y : tensor<4x3xf32>
}
