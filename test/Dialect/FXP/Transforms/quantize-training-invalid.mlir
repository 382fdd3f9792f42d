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
// expected-error @+1 {{'func.func' op argument #0: 'fxp.width' must be an integer in [2, 32], got 1 : i32}}
func.func @bad_width(%x: tensor<4x8xf32> {fxp.width = 1 : i32}, %w: tensor<8x3xf32>) -> tensor<4x3xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<4x3xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<4x3xf32>) -> tensor<4x3xf32>
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

// -----

// A width beyond 32 bits is not truncated (2^32 + 14 is not 14).
// expected-error @+1 {{'func.func' op argument #1: 'fxp.width' must be an integer in [2, 32], got 4294967310 : i64}}
func.func @f(%x: tensor<4x8xf32>, %w: tensor<8x3xf32> {fxp.width = 4294967310 : i64}) -> tensor<4x3xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<4x3xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<4x3xf32>) -> tensor<4x3xf32>
  %y = linalg.matmul ins(%x, %w : tensor<4x8xf32>, tensor<8x3xf32>) outs(%f : tensor<4x3xf32>) -> tensor<4x3xf32>
  return %y : tensor<4x3xf32>
}

// -----

// A negative width is reported as written.
// expected-error @+1 {{'func.func' op argument #1: 'fxp.width' must be an integer in [2, 32], got -3 : i32}}
func.func @f(%x: tensor<4x8xf32>, %w: tensor<8x3xf32> {fxp.width = -3 : i32}) -> tensor<4x3xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<4x3xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<4x3xf32>) -> tensor<4x3xf32>
  %y = linalg.matmul ins(%x, %w : tensor<4x8xf32>, tensor<8x3xf32>) outs(%f : tensor<4x3xf32>) -> tensor<4x3xf32>
  return %y : tensor<4x3xf32>
}

// -----

// A width that is not an integer is not ignored.
// expected-error @+1 {{'func.func' op argument #1: 'fxp.width' must be an integer in [2, 32], got 1.200000e+01 : f32}}
func.func @f(%x: tensor<4x8xf32>, %w: tensor<8x3xf32> {fxp.width = 1.200000e+01 : f32}) -> tensor<4x3xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<4x3xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<4x3xf32>) -> tensor<4x3xf32>
  %y = linalg.matmul ins(%x, %w : tensor<4x8xf32>, tensor<8x3xf32>) outs(%f : tensor<4x3xf32>) -> tensor<4x3xf32>
  return %y : tensor<4x3xf32>
}

// -----

// Nor is a boolean.
// expected-error @+1 {{'func.func' op argument #1: 'fxp.width' must be an integer in [2, 32], got true}}
func.func @f(%x: tensor<4x8xf32>, %w: tensor<8x3xf32> {fxp.width = true}) -> tensor<4x3xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<4x3xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<4x3xf32>) -> tensor<4x3xf32>
  %y = linalg.matmul ins(%x, %w : tensor<4x8xf32>, tensor<8x3xf32>) outs(%f : tensor<4x3xf32>) -> tensor<4x3xf32>
  return %y : tensor<4x3xf32>
}

// -----

// Fraction bits beyond 32 bits are not truncated (2^32 + 8 is not 8).
// expected-error @+1 {{'func.func' op argument #1: 'fxp.frac_bits' must be an integer in [-64, 64], got 4294967304 : i64}}
func.func @f(%x: tensor<4x8xf32>, %w: tensor<8x3xf32> {fxp.frac_bits = 4294967304 : i64}) -> tensor<4x3xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<4x3xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<4x3xf32>) -> tensor<4x3xf32>
  %y = linalg.matmul ins(%x, %w : tensor<4x8xf32>, tensor<8x3xf32>) outs(%f : tensor<4x3xf32>) -> tensor<4x3xf32>
  return %y : tensor<4x3xf32>
}

// -----

// An unsigned width out of range.
// expected-error @+1 {{'func.func' op argument #1: 'fxp.width' must be an integer in [2, 32], got 255 : ui8}}
func.func @f(%x: tensor<4x8xf32>, %w: tensor<8x3xf32> {fxp.width = 255 : ui8}) -> tensor<4x3xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<4x3xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<4x3xf32>) -> tensor<4x3xf32>
  %y = linalg.matmul ins(%x, %w : tensor<4x8xf32>, tensor<8x3xf32>) outs(%f : tensor<4x3xf32>) -> tensor<4x3xf32>
  return %y : tensor<4x3xf32>
}

// -----

// A role width beyond 32 bits.
// expected-error @+1 {{'func.func' op argument #1: 'fxp.activations' width must be an integer in [2, 32], got 4294967310 : i64}}
func.func @f(%x: tensor<4x8xf32>, %w: tensor<8x3xf32> {fxp.activations = {width = 4294967310 : i64}}) -> tensor<4x3xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<4x3xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<4x3xf32>) -> tensor<4x3xf32>
  %y = linalg.matmul ins(%x, %w : tensor<4x8xf32>, tensor<8x3xf32>) outs(%f : tensor<4x3xf32>) -> tensor<4x3xf32>
  return %y : tensor<4x3xf32>
}

// -----

// Role fraction bits out of range.
// expected-error @+1 {{'func.func' op argument #1: 'fxp.gradients' frac_bits must be an integer in [-64, 64], got -65 : i32}}
func.func @f(%x: tensor<4x8xf32>, %w: tensor<8x3xf32> {fxp.gradients = {width = 16 : i32, frac_bits = -65 : i32}}) -> tensor<4x3xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<4x3xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<4x3xf32>) -> tensor<4x3xf32>
  %y = linalg.matmul ins(%x, %w : tensor<4x8xf32>, tensor<8x3xf32>) outs(%f : tensor<4x3xf32>) -> tensor<4x3xf32>
  return %y : tensor<4x3xf32>
}

// -----

// A role width that is not an integer.
// expected-error @+1 {{'func.func' op argument #1: 'fxp.errors' width must be an integer in [2, 32], got 8.000000e+00 : f32}}
func.func @f(%x: tensor<4x8xf32>, %w: tensor<8x3xf32> {fxp.errors = {width = 8.000000e+00 : f32}}) -> tensor<4x3xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<4x3xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<4x3xf32>) -> tensor<4x3xf32>
  %y = linalg.matmul ins(%x, %w : tensor<4x8xf32>, tensor<8x3xf32>) outs(%f : tensor<4x3xf32>) -> tensor<4x3xf32>
  return %y : tensor<4x3xf32>
}

// -----

// A role format with a key it does not know.
// expected-error @+1 {{'func.func' op argument #1: 'fxp.errors' must be {width = W : i32} or {width = W : i32, frac_bits = F : i32}}}
func.func @f(%x: tensor<4x8xf32>, %w: tensor<8x3xf32> {fxp.errors = {width = 8 : i32, frac = 4 : i32}}) -> tensor<4x3xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<4x3xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<4x3xf32>) -> tensor<4x3xf32>
  %y = linalg.matmul ins(%x, %w : tensor<4x8xf32>, tensor<8x3xf32>) outs(%f : tensor<4x3xf32>) -> tensor<4x3xf32>
  return %y : tensor<4x3xf32>
}
