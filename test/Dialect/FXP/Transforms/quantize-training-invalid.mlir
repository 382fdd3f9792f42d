// RUN: fxp-opt %s -split-input-file -fxp-quantize-training -verify-diagnostics

// Mixed precision: f16 operands widened in the body, accumulated in f32.
func.func @f16_operands(%a: tensor<4x8xf16>, %b: tensor<8x3xf16>) -> tensor<4x3xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<4x3xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<4x3xf32>) -> tensor<4x3xf32>
  // expected-error @+1 {{'linalg.matmul' op cannot be rewritten into fixed point: fxp-quantize-training handles contractions of two f32 tensors whose body is `out + a * b` or `fma(a, b, out)`}}
  %y = linalg.matmul ins(%a, %b : tensor<4x8xf16>, tensor<8x3xf16>) outs(%f : tensor<4x3xf32>) -> tensor<4x3xf32>
  return %y : tensor<4x3xf32>
}

// -----

// A per-argument format that does not exist.
func.func @bad_width(%x: tensor<4x8xf32> {fxp.width = 1 : i32}, %w: tensor<8x3xf32>) -> tensor<4x3xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<4x3xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<4x3xf32>) -> tensor<4x3xf32>
  // expected-error @+1 {{'linalg.matmul' op cannot quantize an operand for fxp: DFP mantissa width must be in [2, 32], got 1}}
  %y = linalg.matmul ins(%x, %w : tensor<4x8xf32>, tensor<8x3xf32>) outs(%f : tensor<4x3xf32>) -> tensor<4x3xf32>
  return %y : tensor<4x3xf32>
}

// -----

// A role format must say its width.
// expected-error @+1 {{'func.func' op argument #1: 'fxp.errors' must be {width = W : i32} or {width = W : i32, frac_bits = F : i32}}}
func.func @bad_role(%x: tensor<4x8xf32>, %w: tensor<8x3xf32> {fxp.errors = {frac_bits = 3 : i32}}) -> tensor<4x3xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<4x3xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<4x3xf32>) -> tensor<4x3xf32>
  %y = linalg.matmul ins(%x, %w : tensor<4x8xf32>, tensor<8x3xf32>) outs(%f : tensor<4x3xf32>) -> tensor<4x3xf32>
  return %y : tensor<4x3xf32>
}
