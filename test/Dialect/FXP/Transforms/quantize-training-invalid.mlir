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

// -----

// `out - a * b` (a residual update).
#mk = affine_map<(m, n, k) -> (m, k)>
#kn = affine_map<(m, n, k) -> (k, n)>
#mn = affine_map<(m, n, k) -> (m, n)>
func.func @sub(%a: tensor<4x8xf32>, %b: tensor<8x3xf32>, %init: tensor<4x3xf32>) -> tensor<4x3xf32> {
  // expected-error @+1 {{'linalg.generic' op cannot be rewritten into fixed point: fxp-quantize-training handles contractions of two f32 tensors whose body is `out + a * b` or `fma(a, b, out)`}}
  %c = linalg.generic {indexing_maps = [#mk, #kn, #mn], iterator_types = ["parallel", "parallel", "reduction"]}
      ins(%a, %b : tensor<4x8xf32>, tensor<8x3xf32>) outs(%init : tensor<4x3xf32>) {
  ^bb0(%x: f32, %y: f32, %acc: f32):
    %p = arith.mulf %x, %y : f32
    %r = arith.subf %acc, %p : f32
    linalg.yield %r : f32
  } -> tensor<4x3xf32>
  return %c : tensor<4x3xf32>
}

// -----

// `out + (a * b) * 2` (addmm with alpha).
#mk = affine_map<(m, n, k) -> (m, k)>
#kn = affine_map<(m, n, k) -> (k, n)>
#mn = affine_map<(m, n, k) -> (m, n)>
func.func @scaled(%a: tensor<4x8xf32>, %b: tensor<8x3xf32>, %init: tensor<4x3xf32>) -> tensor<4x3xf32> {
  // expected-error @+1 {{'linalg.generic' op cannot be rewritten into fixed point: fxp-quantize-training handles contractions of two f32 tensors whose body is `out + a * b` or `fma(a, b, out)`}}
  %c = linalg.generic {indexing_maps = [#mk, #kn, #mn], iterator_types = ["parallel", "parallel", "reduction"]}
      ins(%a, %b : tensor<4x8xf32>, tensor<8x3xf32>) outs(%init : tensor<4x3xf32>) {
  ^bb0(%x: f32, %y: f32, %acc: f32):
    %two = arith.constant 2.0 : f32
    %p = arith.mulf %x, %y : f32
    %q = arith.mulf %p, %two : f32
    %r = arith.addf %acc, %q : f32
    linalg.yield %r : f32
  } -> tensor<4x3xf32>
  return %c : tensor<4x3xf32>
}

// -----

// `out + (alpha * a) * b`, alpha an argument: a factor scaled before the product.
#mk = affine_map<(m, n, k) -> (m, k)>
#kn = affine_map<(m, n, k) -> (k, n)>
#mn = affine_map<(m, n, k) -> (m, n)>
func.func @scaled_factor(%a: tensor<4x8xf32>, %b: tensor<8x3xf32>, %alpha: f32, %init: tensor<4x3xf32>) -> tensor<4x3xf32> {
  // expected-error @+1 {{'linalg.generic' op cannot be rewritten into fixed point: fxp-quantize-training handles contractions of two f32 tensors whose body is `out + a * b` or `fma(a, b, out)`}}
  %c = linalg.generic {indexing_maps = [#mk, #kn, #mn], iterator_types = ["parallel", "parallel", "reduction"]}
      ins(%a, %b : tensor<4x8xf32>, tensor<8x3xf32>) outs(%init : tensor<4x3xf32>) {
  ^bb0(%x: f32, %y: f32, %acc: f32):
    %sx = arith.mulf %alpha, %x : f32
    %p = arith.mulf %sx, %y : f32
    %r = arith.addf %acc, %p : f32
    linalg.yield %r : f32
  } -> tensor<4x3xf32>
  return %c : tensor<4x3xf32>
}

// -----

// `out + a * b * s` with a per-k scale as a third input.
#mk = affine_map<(m, n, k) -> (m, k)>
#kn = affine_map<(m, n, k) -> (k, n)>
#mn = affine_map<(m, n, k) -> (m, n)>
func.func @three_inputs(%a: tensor<4x8xf32>, %b: tensor<8x3xf32>, %s: tensor<8xf32>, %init: tensor<4x3xf32>) -> tensor<4x3xf32> {
  // expected-error @+1 {{'linalg.generic' op cannot be rewritten into fixed point: fxp-quantize-training handles contractions of two f32 tensors whose body is `out + a * b` or `fma(a, b, out)`}}
  %c = linalg.generic {indexing_maps = [#mk, #kn, affine_map<(m, n, k) -> (k)>, #mn], iterator_types = ["parallel", "parallel", "reduction"]}
      ins(%a, %b, %s : tensor<4x8xf32>, tensor<8x3xf32>, tensor<8xf32>) outs(%init : tensor<4x3xf32>) {
  ^bb0(%x: f32, %y: f32, %w: f32, %acc: f32):
    %p = arith.mulf %x, %y : f32
    %q = arith.mulf %p, %w : f32
    %r = arith.addf %acc, %q : f32
    linalg.yield %r : f32
  } -> tensor<4x3xf32>
  return %c : tensor<4x3xf32>
}

// -----

// `fma(-a, b, out)`.
#mk = affine_map<(m, n, k) -> (m, k)>
#kn = affine_map<(m, n, k) -> (k, n)>
#mn = affine_map<(m, n, k) -> (m, n)>
func.func @fma_negated(%a: tensor<4x8xf32>, %b: tensor<8x3xf32>, %init: tensor<4x3xf32>) -> tensor<4x3xf32> {
  // expected-error @+1 {{'linalg.generic' op cannot be rewritten into fixed point: fxp-quantize-training handles contractions of two f32 tensors whose body is `out + a * b` or `fma(a, b, out)`}}
  %c = linalg.generic {indexing_maps = [#mk, #kn, #mn], iterator_types = ["parallel", "parallel", "reduction"]}
      ins(%a, %b : tensor<4x8xf32>, tensor<8x3xf32>) outs(%init : tensor<4x3xf32>) {
  ^bb0(%x: f32, %y: f32, %acc: f32):
    %n = arith.negf %x : f32
    %r = math.fma %n, %y, %acc : f32
    linalg.yield %r : f32
  } -> tensor<4x3xf32>
  return %c : tensor<4x3xf32>
}

// -----

// A product and a row sum fused into one op with two results.
#mk = affine_map<(m, n, k) -> (m, k)>
#kn = affine_map<(m, n, k) -> (k, n)>
#mn = affine_map<(m, n, k) -> (m, n)>
func.func @two_results(%a: tensor<4x8xf32>, %b: tensor<8x3xf32>, %i1: tensor<4x3xf32>, %i2: tensor<4x3xf32>) -> (tensor<4x3xf32>, tensor<4x3xf32>) {
  // expected-error @+1 {{'linalg.generic' op cannot be rewritten into fixed point: fxp-quantize-training handles contractions of two f32 tensors whose body is `out + a * b` or `fma(a, b, out)`}}
  %c:2 = linalg.generic {indexing_maps = [#mk, #kn, #mn, #mn], iterator_types = ["parallel", "parallel", "reduction"]}
      ins(%a, %b : tensor<4x8xf32>, tensor<8x3xf32>) outs(%i1, %i2 : tensor<4x3xf32>, tensor<4x3xf32>) {
  ^bb0(%x: f32, %y: f32, %acc: f32, %acc2: f32):
    %p = arith.mulf %x, %y : f32
    %r = arith.addf %acc, %p : f32
    %r2 = arith.addf %acc2, %x : f32
    linalg.yield %r, %r2 : f32, f32
  } -> (tensor<4x3xf32>, tensor<4x3xf32>)
  return %c#0, %c#1 : tensor<4x3xf32>, tensor<4x3xf32>
}

// -----

// f32 operands accumulated in f64.
func.func @f32_into_f64(%a: tensor<4x8xf32>, %b: tensor<8x3xf32>, %init: tensor<4x3xf64>) -> tensor<4x3xf64> {
  // expected-error @+1 {{'linalg.matmul' op cannot be rewritten into fixed point: fxp-quantize-training handles contractions of two f32 tensors whose body is `out + a * b` or `fma(a, b, out)`}}
  %c = linalg.matmul ins(%a, %b : tensor<4x8xf32>, tensor<8x3xf32>) outs(%init : tensor<4x3xf64>) -> tensor<4x3xf64>
  return %c : tensor<4x3xf64>
}

// -----

// Integer operands accumulated in f32.
func.func @i8_into_f32(%a: tensor<4x8xi8>, %b: tensor<8x3xi8>, %init: tensor<4x3xf32>) -> tensor<4x3xf32> {
  // expected-error @+1 {{'linalg.matmul' op cannot be rewritten into fixed point: fxp-quantize-training handles contractions of two f32 tensors whose body is `out + a * b` or `fma(a, b, out)`}}
  %c = linalg.matmul ins(%a, %b : tensor<4x8xi8>, tensor<8x3xi8>) outs(%init : tensor<4x3xf32>) -> tensor<4x3xf32>
  return %c : tensor<4x3xf32>
}

// -----

// A contraction on buffers.
func.func @on_memrefs(%a: memref<4x8xf32>, %b: memref<8x3xf32>, %c: memref<4x3xf32>) {
  // expected-error @+1 {{'linalg.matmul' op cannot be rewritten into fixed point: fxp-quantize-training handles contractions of two f32 tensors whose body is `out + a * b` or `fma(a, b, out)`}}
  linalg.matmul ins(%a, %b : memref<4x8xf32>, memref<8x3xf32>) outs(%c : memref<4x3xf32>)
  return
}
