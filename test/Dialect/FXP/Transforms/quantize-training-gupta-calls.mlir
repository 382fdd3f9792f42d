// RUN: fxp-opt %s -split-input-file -fxp-quantize-training="recipe=gupta rounding=nearest_even" | FileCheck %s
// RUN: fxp-opt %s -split-input-file -fxp-quantize-training="recipe=gupta" | FileCheck %s --check-prefix=SR

// gupta keeps no FP32 weights (SEMANTICS §8) also when the step's
// contractions are outlined: a public function that calls a function with
// a contraction, directly or through others, has its results rounded.

// CHECK-LABEL: func.func private @grad
// CHECK:         fxp.contract
// CHECK:         fxp.dequantize
// CHECK:         return
// CHECK-LABEL: func.func private @layer
// CHECK-NOT:     fxp.
// CHECK:         return
// CHECK-LABEL: func.func @step
// CHECK:         %[[G:.*]] = call @layer
// CHECK:         %[[W:.*]] = linalg.generic {{.*}} ins(%{{.*}}, %[[G]] :
// CHECK:         %[[QW:.*]] = fxp.quantize %[[W]] {{.*}} -> tensor<8x3x!fxp.fixed<16, 12>>
// CHECK:         %[[DW:.*]] = fxp.dequantize %[[QW]]
// CHECK:         return %[[DW]], %{{.*}} : tensor<8x3xf32>, f32
// CHECK-LABEL: func.func @no_contraction
// CHECK-NOT:     fxp.
// CHECK:         return

// With stochastic rounding, the step rounds with its own seed and passes
// it down.
// SR-LABEL: func.func private @grad
// SR-SAME:    %{{.*}}: i64 {fxp.seed}
// SR-LABEL: func.func private @layer
// SR-SAME:    (%{{.*}}: tensor<4x8xf32>, %{{.*}}: tensor<4x3xf32>, %[[LS:.*]]: i64 {fxp.seed})
// SR:         call @grad(%{{.*}}, %{{.*}}, %[[LS]])
// SR-LABEL: func.func @step
// SR-SAME:    %[[SEED:[^:]*]]: i64 {fxp.seed})
// SR:         call @layer(%{{.*}}, %{{.*}}, %[[SEED]])
// SR:         fxp.quantize %{{.*}} seed %[[SEED]]
// SR-LABEL: func.func @no_contraction
// SR-NOT:     i64
func.func private @grad(%x: tensor<4x8xf32>, %dy: tensor<4x3xf32>) -> tensor<8x3xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<8x3xf32>
  %z = linalg.fill ins(%zero : f32) outs(%e : tensor<8x3xf32>) -> tensor<8x3xf32>
  %g = linalg.matmul indexing_maps = [affine_map<(m, n, k) -> (k, m)>, affine_map<(m, n, k) -> (k, n)>, affine_map<(m, n, k) -> (m, n)>]
       ins(%x, %dy : tensor<4x8xf32>, tensor<4x3xf32>) outs(%z : tensor<8x3xf32>) -> tensor<8x3xf32>
  return %g : tensor<8x3xf32>
}
// A private function in between rounds nothing itself.
func.func private @layer(%x: tensor<4x8xf32>, %dy: tensor<4x3xf32>) -> tensor<8x3xf32> {
  %g = call @grad(%x, %dy) : (tensor<4x8xf32>, tensor<4x3xf32>) -> tensor<8x3xf32>
  return %g : tensor<8x3xf32>
}
func.func @step(%x: tensor<4x8xf32>, %dy: tensor<4x3xf32>, %w: tensor<8x3xf32>, %lr: f32) -> (tensor<8x3xf32>, f32) {
  %g = call @layer(%x, %dy) : (tensor<4x8xf32>, tensor<4x3xf32>) -> tensor<8x3xf32>
  %e = tensor.empty() : tensor<8x3xf32>
  %wn = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]}
      ins(%w, %g : tensor<8x3xf32>, tensor<8x3xf32>) outs(%e : tensor<8x3xf32>) {
  ^bb0(%p: f32, %d: f32, %o: f32):
    %s = arith.mulf %d, %lr : f32
    %r = arith.subf %p, %s : f32
    linalg.yield %r : f32
  } -> tensor<8x3xf32>
  return %wn, %lr : tensor<8x3xf32>, f32
}
// A public function that reaches no contraction keeps its results.
func.func @no_contraction(%w: tensor<8x3xf32>) -> tensor<8x3xf32> {
  return %w : tensor<8x3xf32>
}
