// Upstream mlir-opt parses and prints fxp IR with the dialect plugin, in the
// custom and the generic form.
// RUN: mlir-opt --load-dialect-plugin=%fxp_plugin %s | mlir-opt --load-dialect-plugin=%fxp_plugin | FileCheck %s
// RUN: mlir-opt --load-dialect-plugin=%fxp_plugin %s --mlir-print-op-generic | mlir-opt --load-dialect-plugin=%fxp_plugin | FileCheck %s

// CHECK-LABEL: func.func @types
// CHECK-SAME: !fxp.fixed<16, 12>
// CHECK-SAME: !fxp.dfp<?x256, 14, block = 32, axis = 1>
func.func @types(%a: !fxp.fixed<16, 12>,
                 %b: !fxp.dfp<?x256, 14, block = 32, axis = 1>) {
  return
}

// CHECK-LABEL: func.func @ops
// CHECK-SAME: (%[[X:.*]]: tensor<8xf32>, %[[A:.*]]: tensor<4x8x!fxp.fixed<8, 4>>, %[[B:.*]]: tensor<8x3x!fxp.fixed<8, 4>>)
// CHECK: fxp.quantize %[[X]] rounding <nearest_away> : tensor<8xf32> -> tensor<8x!fxp.fixed<8, 4>>
// CHECK: fxp.matmul %[[A]], %[[B]] chunk 4 : tensor<4x8x!fxp.fixed<8, 4>>, tensor<8x3x!fxp.fixed<8, 4>> -> tensor<4x3xf32>
func.func @ops(%x: tensor<8xf32>, %a: tensor<4x8x!fxp.fixed<8, 4>>,
               %b: tensor<8x3x!fxp.fixed<8, 4>>)
    -> (tensor<8x!fxp.fixed<8, 4>>, tensor<4x3xf32>) {
  %q = fxp.quantize %x rounding <nearest_away> : tensor<8xf32> -> tensor<8x!fxp.fixed<8, 4>>
  %c = fxp.matmul %a, %b chunk 4 : tensor<4x8x!fxp.fixed<8, 4>>, tensor<8x3x!fxp.fixed<8, 4>>
       -> tensor<4x3xf32>
  return %q, %c : tensor<8x!fxp.fixed<8, 4>>, tensor<4x3xf32>
}

// CHECK-LABEL: func.func @attributes
// CHECK-SAME: test.overflow = #fxp.overflow<saturate_symmetric>
// CHECK-SAME: test.rounding = #fxp.rounding<stochastic>
func.func @attributes() attributes {test.rounding = #fxp.rounding<stochastic>,
                                    test.overflow = #fxp.overflow<saturate_symmetric>} {
  return
}
