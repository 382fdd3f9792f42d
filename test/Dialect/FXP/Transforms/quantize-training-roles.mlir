// RUN: fxp-opt %s -split-input-file -fxp-quantize-training="rounding=nearest_even" | FileCheck %s --check-prefix=DFP
// RUN: fxp-opt %s -split-input-file -fxp-quantize-training="recipe=gupta rounding=nearest_even" | FileCheck %s --check-prefix=GUPTA

// WAGE-like formats from the attributes of a weight argument: w1 itself is
// 4 bits, the activations multiplied by it 8, the errors 10, and its
// gradient rounds to 12. w2 has no roles: its layer keeps the defaults.
// One layer of forward and backward: h = x w1, y = h w2, dy = y - t,
// dh = dy w2^T, dw2 = h^T dy, dw1 = x^T dh, SGD.
// DFP-LABEL: func.func @step
// h = x w1: an activation (8) by the weight (4).
// DFP: %[[X:.*]] = fxp.quantize_dfp %arg0, {{.*}} -> !fxp.dfp<4x8, 8>
// DFP: %[[W1:.*]] = fxp.quantize_dfp %arg1, {{.*}} -> !fxp.dfp<8x6, 4>
// DFP: fxp.contract %[[X]], %[[W1]]
// y = h w2 and dh = dy w2^T: defaults; dh reads the one quantized w2
// through its transpose.
// DFP: %[[W2:.*]] = fxp.quantize_dfp %arg2, {{.*}} -> !fxp.dfp<6x3, 14>
// DFP: fxp.contract %{{.*}}, %[[W2]] {{.*}} : !fxp.dfp<4x6, 14>, !fxp.dfp<6x3, 14>
// DFP: fxp.contract %{{.*}}, %[[W2]] {{.*}} : !fxp.dfp<4x3, 14>, !fxp.dfp<6x3, 14>
// dw2 = h^T dy: defaults, no rounding of the result.
// DFP: %[[DW2:.*]] = fxp.contract {{.*}} : !fxp.dfp<4x6, 14>, !fxp.dfp<4x3, 14>
// DFP-NOT: fxp.dequantize
// DFP: arith.subf
// dw1 = x^T dh: the activation x (8, quantized once for both uses) and the
// error dh (10); the gradient rounds to 12 bits.
// DFP: %[[DH:.*]] = fxp.quantize_dfp {{.*}} -> !fxp.dfp<4x6, 10>
// DFP: %[[DW1:.*]] = fxp.contract %[[X]], %[[DH]] {{.*}} : !fxp.dfp<4x8, 8>, !fxp.dfp<4x6, 10>
// DFP: fxp.shared_exponent %[[DW1]] width 12
// DFP: %[[Q:.*]] = fxp.quantize_dfp %[[DW1]], {{.*}} -> !fxp.dfp<8x6, 12>
// DFP: fxp.dequantize %[[Q]]
// GUPTA-LABEL: func.func @step
// GUPTA: fxp.quantize %arg0 {{.*}} -> tensor<4x8x!fxp.fixed<8, 6>>
// GUPTA: fxp.quantize %arg1 {{.*}} -> tensor<8x6x!fxp.fixed<4, 3>>
// GUPTA: fxp.quantize {{.*}} -> tensor<4x6x!fxp.fixed<10, 12>>
// GUPTA: fxp.contract {{.*}} : tensor<4x8x!fxp.fixed<8, 6>>, tensor<4x6x!fxp.fixed<10, 12>>
// GUPTA: fxp.quantize {{.*}} -> tensor<8x6x!fxp.fixed<12, 10>>
func.func @step(%x: tensor<4x8xf32>,
                %w1: tensor<8x6xf32> {fxp.width = 4 : i32, fxp.frac_bits = 3 : i32,
                                      fxp.activations = {width = 8 : i32, frac_bits = 6 : i32},
                                      fxp.errors = {width = 10 : i32},
                                      fxp.gradients = {width = 12 : i32, frac_bits = 10 : i32}},
                %w2: tensor<6x3xf32>, %t: tensor<4x3xf32>)
    -> (tensor<8x6xf32>, tensor<6x3xf32>) {
  %zero = arith.constant 0.0 : f32
  %e46 = tensor.empty() : tensor<4x6xf32>
  %f46 = linalg.fill ins(%zero : f32) outs(%e46 : tensor<4x6xf32>) -> tensor<4x6xf32>
  %h = linalg.matmul ins(%x, %w1 : tensor<4x8xf32>, tensor<8x6xf32>) outs(%f46 : tensor<4x6xf32>) -> tensor<4x6xf32>
  %e43 = tensor.empty() : tensor<4x3xf32>
  %f43 = linalg.fill ins(%zero : f32) outs(%e43 : tensor<4x3xf32>) -> tensor<4x3xf32>
  %y = linalg.matmul ins(%h, %w2 : tensor<4x6xf32>, tensor<6x3xf32>) outs(%f43 : tensor<4x3xf32>) -> tensor<4x3xf32>
  %dy = arith.subf %y, %t : tensor<4x3xf32>
  %e36 = tensor.empty() : tensor<3x6xf32>
  %w2t = linalg.transpose ins(%w2 : tensor<6x3xf32>) outs(%e36 : tensor<3x6xf32>) permutation = [1, 0]
  %dh = linalg.matmul ins(%dy, %w2t : tensor<4x3xf32>, tensor<3x6xf32>) outs(%f46 : tensor<4x6xf32>) -> tensor<4x6xf32>
  %e63 = tensor.empty() : tensor<6x3xf32>
  %f63 = linalg.fill ins(%zero : f32) outs(%e63 : tensor<6x3xf32>) -> tensor<6x3xf32>
  %dw2 = linalg.matmul indexing_maps = [affine_map<(m, n, k) -> (k, m)>, affine_map<(m, n, k) -> (k, n)>, affine_map<(m, n, k) -> (m, n)>]
         ins(%h, %dy : tensor<4x6xf32>, tensor<4x3xf32>) outs(%f63 : tensor<6x3xf32>) -> tensor<6x3xf32>
  %w2n = arith.subf %w2, %dw2 : tensor<6x3xf32>
  %e86 = tensor.empty() : tensor<8x6xf32>
  %f86 = linalg.fill ins(%zero : f32) outs(%e86 : tensor<8x6xf32>) -> tensor<8x6xf32>
  %dw1 = linalg.matmul indexing_maps = [affine_map<(m, n, k) -> (k, m)>, affine_map<(m, n, k) -> (k, n)>, affine_map<(m, n, k) -> (m, n)>]
         ins(%x, %dh : tensor<4x8xf32>, tensor<4x6xf32>) outs(%f86 : tensor<8x6xf32>) -> tensor<8x6xf32>
  %w1n = arith.subf %w1, %dw1 : tensor<8x6xf32>
  return %w1n, %w2n : tensor<8x6xf32>, tensor<6x3xf32>
}
