// RUN: fxp-opt %s -fxp-legalize-accumulation="min-chunk=32" -verify-diagnostics

// Without narrow=true, formats that cannot reach min-chunk are an error.
func.func @dfp16(%x: !fxp.dfp<4x64, 16>, %w: !fxp.dfp<64x3, 16>) -> tensor<4x3xf32> {
  // expected-error @+1 {{the operand formats allow chunks of at most 2 products, fewer than min-chunk=32 (narrow=true narrows the operands)}}
  %c = fxp.matmul %x, %w chunk 1 symmetric : !fxp.dfp<4x64, 16>, !fxp.dfp<64x3, 16> -> tensor<4x3xf32>
  return %c : tensor<4x3xf32>
}
