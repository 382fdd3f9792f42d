// RUN: fxp-opt %s -split-input-file -fxp-quantize-training="block=32 rounding=nearest_even" | FileCheck %s

// Per-block exponents along k: the activation's blocks run along its rows,
// the weight's along its columns.
// CHECK-LABEL: func.func @matmul
// CHECK: %[[EX:.*]] = fxp.shared_exponent %{{.*}} width 14 block 32 axis 1 : tensor<?x64xf32> -> tensor<?x2xi32>
// CHECK: fxp.quantize_dfp %{{.*}}, %[[EX]] {{.*}} -> !fxp.dfp<?x64, 14, block = 32, axis = 1>
// CHECK: %[[EW:.*]] = fxp.shared_exponent %{{.*}} width 14 block 32 : tensor<64x10xf32> -> tensor<2x10xi32>
// CHECK: fxp.quantize_dfp %{{.*}}, %[[EW]] {{.*}} -> !fxp.dfp<64x10, 14, block = 32, axis = 0>
// CHECK: fxp.contract {{.*}} chunk 32 symmetric : !fxp.dfp<?x64, 14, block = 32, axis = 1>, !fxp.dfp<64x10, 14, block = 32, axis = 0> -> tensor<?x10xf32>
func.func @matmul(%x: tensor<?x64xf32>, %w: tensor<64x10xf32>) -> tensor<?x10xf32> {
  %c0 = arith.constant 0 : index
  %zero = arith.constant 0.0 : f32
  %b = tensor.dim %x, %c0 : tensor<?x64xf32>
  %e = tensor.empty(%b) : tensor<?x10xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<?x10xf32>) -> tensor<?x10xf32>
  %y = linalg.matmul ins(%x, %w : tensor<?x64xf32>, tensor<64x10xf32>) outs(%f : tensor<?x10xf32>) -> tensor<?x10xf32>
  return %y : tensor<?x10xf32>
}

// -----

// An NCHW convolution reduces over (c, kh, kw): c, the loop both operands
// index alone, moves last so that the blocks run along the channels.
// CHECK-DAG: #[[IN:.*]] = affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d0, d6, d2 + d4, d3 + d5)>
// CHECK-DAG: #[[FILTER:.*]] = affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d1, d6, d4, d5)>
// CHECK-LABEL: func.func @conv_nchw
// CHECK: fxp.shared_exponent %{{.*}} width 14 block 32 axis 1 : tensor<2x64x6x6xf32> -> tensor<2x2x6x6xi32>
// CHECK: fxp.shared_exponent %{{.*}} width 14 block 32 axis 1 : tensor<8x64x3x3xf32> -> tensor<8x2x3x3xi32>
// CHECK: fxp.contract {{.*}} maps [#[[IN]], #[[FILTER]], {{.*}}] chunk 32 symmetric : !fxp.dfp<2x64x6x6, 14, block = 32, axis = 1>, !fxp.dfp<8x64x3x3, 14, block = 32, axis = 1>
func.func @conv_nchw(%img: tensor<2x64x6x6xf32>, %filter: tensor<8x64x3x3xf32>) -> tensor<2x8x4x4xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x8x4x4xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<2x8x4x4xf32>) -> tensor<2x8x4x4xf32>
  %y = linalg.conv_2d_nchw_fchw ins(%img, %filter : tensor<2x64x6x6xf32>, tensor<8x64x3x3xf32>) outs(%f : tensor<2x8x4x4xf32>) -> tensor<2x8x4x4xf32>
  return %y : tensor<2x8x4x4xf32>
}

// -----

// A depthwise convolution reduces only over its window, which the input
// reads at h + kh: its operands keep one exponent per tensor.
// CHECK-LABEL: func.func @depthwise
// CHECK: fxp.shared_exponent %{{.*}} width 14 : tensor<1x6x6x4xf32> -> tensor<i32>
// CHECK: fxp.contract {{.*}} : !fxp.dfp<1x6x6x4, 14>, !fxp.dfp<3x3x4, 14>
func.func @depthwise(%img: tensor<1x6x6x4xf32>, %filter: tensor<3x3x4xf32>) -> tensor<1x4x4x4xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x4x4x4xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<1x4x4x4xf32>) -> tensor<1x4x4x4xf32>
  %y = linalg.depthwise_conv_2d_nhwc_hwc ins(%img, %filter : tensor<1x6x6x4xf32>, tensor<3x3x4xf32>) outs(%f : tensor<1x4x4x4xf32>) -> tensor<1x4x4x4xf32>
  return %y : tensor<1x4x4x4xf32>
}

// -----

// Two forward matmuls reduce x along its columns, the weight gradient along
// its rows: x is quantized once per block axis.
// CHECK-LABEL: func.func @forward_backward
// CHECK: fxp.shared_exponent %arg0 width 14 block 32 axis 1
// CHECK-NOT: fxp.shared_exponent %arg0
// CHECK: fxp.shared_exponent %arg0 width 14 block 32 : tensor<64x48xf32> -> tensor<2x48xi32>
// CHECK-NOT: fxp.shared_exponent %arg0
func.func @forward_backward(%x: tensor<64x48xf32>, %w: tensor<48x10xf32>, %v: tensor<48x10xf32>, %dy: tensor<64x10xf32>)
    -> (tensor<64x10xf32>, tensor<64x10xf32>, tensor<48x10xf32>) {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<64x10xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<64x10xf32>) -> tensor<64x10xf32>
  %y = linalg.matmul ins(%x, %w : tensor<64x48xf32>, tensor<48x10xf32>) outs(%f : tensor<64x10xf32>) -> tensor<64x10xf32>
  %z = linalg.matmul ins(%x, %v : tensor<64x48xf32>, tensor<48x10xf32>) outs(%f : tensor<64x10xf32>) -> tensor<64x10xf32>
  %eg = tensor.empty() : tensor<48x10xf32>
  %fg = linalg.fill ins(%zero : f32) outs(%eg : tensor<48x10xf32>) -> tensor<48x10xf32>
  %dw = linalg.matmul indexing_maps = [affine_map<(m, n, k) -> (k, m)>, affine_map<(m, n, k) -> (k, n)>, affine_map<(m, n, k) -> (m, n)>]
        ins(%x, %dy : tensor<64x48xf32>, tensor<64x10xf32>) outs(%fg : tensor<48x10xf32>) -> tensor<48x10xf32>
  return %y, %z, %dw : tensor<64x10xf32>, tensor<64x10xf32>, tensor<48x10xf32>
}
