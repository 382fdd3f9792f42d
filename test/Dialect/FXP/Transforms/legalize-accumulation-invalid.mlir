// RUN: fxp-opt %s -split-input-file -fxp-legalize-accumulation="min-chunk=32 narrow=true" -verify-diagnostics

// Only quantized operands can be narrowed.
func.func @argument(%x: tensor<4x64x!fxp.fixed<16, 8>>, %w: tensor<64x3x!fxp.fixed<16, 8>>) -> tensor<4x3xf32> {
  // expected-error @+1 {{cannot narrow operand #0: it is not produced by fxp.quantize or fxp.quantize_dfp}}
  %c = fxp.matmul %x, %w chunk 1 symmetric : tensor<4x64x!fxp.fixed<16, 8>>, tensor<64x3x!fxp.fixed<16, 8>> -> tensor<4x3xf32>
  return %c : tensor<4x3xf32>
}

// -----

func.func @other_user(%x: tensor<4x64xf32>, %w: tensor<64x3x!fxp.fixed<14, 8>>) -> (tensor<4x3xf32>, tensor<4x64x!fxp.fixed<16, 12>>) {
  %qx = fxp.quantize %x : tensor<4x64xf32> -> tensor<4x64x!fxp.fixed<16, 12>>
  %s = fxp.saturate %qx symmetric : tensor<4x64x!fxp.fixed<16, 12>> -> tensor<4x64x!fxp.fixed<16, 12>>
  // expected-error @+1 {{cannot narrow operand #0: it is also used by fxp.saturate}}
  %c = fxp.matmul %qx, %w chunk 1 symmetric : tensor<4x64x!fxp.fixed<16, 12>>, tensor<64x3x!fxp.fixed<14, 8>> -> tensor<4x3xf32>
  return %c, %s : tensor<4x3xf32>, tensor<4x64x!fxp.fixed<16, 12>>
}
