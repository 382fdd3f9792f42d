// RUN: fxp-opt %s -split-input-file -fxp-quantize-training="rounding=nearest_even" | FileCheck %s
// RUN: fxp-opt %s -split-input-file -fxp-quantize-training="recipe=gupta rounding=nearest_even" | FileCheck %s --check-prefix=GUPTA

// A convolution whose output positions are dynamic: no operand dimension
// gives their loop's size (the input reads it as o + w), so fxp.contract
// takes the result's dynamic sizes from the linalg op's init.

// CHECK-LABEL: func.func @conv_1d
// CHECK-SAME:    %[[INIT:[^:]*]]: tensor<?xf32>)
// CHECK:         %[[N:.*]] = tensor.dim %[[INIT]], %{{.*}} : tensor<?xf32>
// CHECK:         fxp.contract %{{.*}}, %{{.*}} sizes(%[[N]]) maps [{{.*}}] chunk {{.*}} : !fxp.dfp<?, 14>, !fxp.dfp<3, 14> -> tensor<?xf32>
// GUPTA-LABEL: func.func @conv_1d
// GUPTA:         fxp.contract %{{.*}}, %{{.*}} sizes(%{{.*}}) maps
func.func @conv_1d(%x: tensor<?xf32>, %k: tensor<3xf32>, %init: tensor<?xf32>) -> tensor<?xf32> {
  %c = linalg.conv_1d ins(%x, %k : tensor<?xf32>, tensor<3xf32>)
                      outs(%init : tensor<?xf32>) -> tensor<?xf32>
  return %c : tensor<?xf32>
}

// -----

// CHECK-LABEL: func.func @conv_2d_dynamic_height
// CHECK:         %[[E:.*]] = tensor.empty(%[[OH:.*]]) : tensor<2x?x6x5xf32>
// CHECK:         %[[Z:.*]] = linalg.fill {{.*}} outs(%[[E]]
// CHECK:         %[[H:.*]] = tensor.dim %[[Z]], %{{.*}} : tensor<2x?x6x5xf32>
// CHECK:         fxp.contract %{{.*}}, %{{.*}} sizes(%[[H]]) maps [{{.*}}] chunk {{.*}} : !fxp.dfp<2x?x8x3, 14>, !fxp.dfp<3x3x3x5, 14> -> tensor<2x?x6x5xf32>
func.func @conv_2d_dynamic_height(%x: tensor<2x?x8x3xf32>, %k: tensor<3x3x3x5xf32>, %oh: index) -> tensor<2x?x6x5xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty(%oh) : tensor<2x?x6x5xf32>
  %z = linalg.fill ins(%zero : f32) outs(%e : tensor<2x?x6x5xf32>) -> tensor<2x?x6x5xf32>
  %c = linalg.conv_2d_nhwc_hwcf ins(%x, %k : tensor<2x?x8x3xf32>, tensor<3x3x3x5xf32>) outs(%z : tensor<2x?x6x5xf32>) -> tensor<2x?x6x5xf32>
  return %c : tensor<2x?x6x5xf32>
}

// -----

// A dynamic batch indexes the input alone: no sizes.
// CHECK-LABEL: func.func @conv_dynamic_batch
// CHECK:         fxp.contract %{{.*}}, %{{.*}} maps
func.func @conv_dynamic_batch(%x: tensor<?x8x8x3xf32>, %k: tensor<3x3x3x5xf32>, %init: tensor<?x6x6x5xf32>) -> tensor<?x6x6x5xf32> {
  %c = linalg.conv_2d_nhwc_hwcf ins(%x, %k : tensor<?x8x8x3xf32>, tensor<3x3x3x5xf32>) outs(%init : tensor<?x6x6x5xf32>) -> tensor<?x6x6x5xf32>
  return %c : tensor<?x6x6x5xf32>
}
