// RUN: fxp-opt %s -split-input-file -fxp-quantize-training -verify-diagnostics
// RUN: fxp-opt %s -split-input-file -fxp-quantize-training="rounding=nearest_even" | FileCheck %s

// Without a seed, calls through addresses stay as they are.
// CHECK-LABEL: func.func @inner
// CHECK-LABEL: func.func @f
// CHECK:         %[[FN:.*]] = constant @inner : (tensor<4x8xf32>, tensor<8x3xf32>) -> tensor<4x3xf32>
// CHECK:         call_indirect %[[FN]]
// CHECK-LABEL: func.func private @inner
// CHECK-LABEL: func.func private @middle
// CHECK-LABEL: func.func @f
// CHECK:         %[[FN:.*]] = constant @middle : (tensor<4x8xf32>, tensor<8x3xf32>) -> tensor<4x3xf32>
// CHECK:         call_indirect %[[FN]]

// Stochastic rounding gives @inner a seed argument; a call through its
// address cannot pass one.
func.func @inner(%x: tensor<4x8xf32>, %w: tensor<8x3xf32>) -> tensor<4x3xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<4x3xf32>
  %z = linalg.fill ins(%zero : f32) outs(%e : tensor<4x3xf32>) -> tensor<4x3xf32>
  %c = linalg.matmul ins(%x, %w : tensor<4x8xf32>, tensor<8x3xf32>) outs(%z : tensor<4x3xf32>) -> tensor<4x3xf32>
  return %c : tensor<4x3xf32>
}
func.func @f(%x: tensor<4x8xf32>, %w: tensor<8x3xf32>) -> tensor<4x3xf32> {
  // expected-error @+1 {{'func.constant' op takes the address of @inner, which stochastic rounding gives a trailing i64 seed argument (fxp.seed); fxp-quantize-training passes the seed only through direct func.call: call @inner directly, or choose a deterministic rounding}}
  %fn = func.constant @inner : (tensor<4x8xf32>, tensor<8x3xf32>) -> tensor<4x3xf32>
  %a = func.call_indirect %fn(%x, %w) : (tensor<4x8xf32>, tensor<8x3xf32>) -> tensor<4x3xf32>
  return %a : tensor<4x3xf32>
}

// -----

// The same for a function that gains a seed only because it calls one
// that rounds.
func.func private @inner(%x: tensor<4x8xf32>, %w: tensor<8x3xf32>) -> tensor<4x3xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<4x3xf32>
  %z = linalg.fill ins(%zero : f32) outs(%e : tensor<4x3xf32>) -> tensor<4x3xf32>
  %c = linalg.matmul ins(%x, %w : tensor<4x8xf32>, tensor<8x3xf32>) outs(%z : tensor<4x3xf32>) -> tensor<4x3xf32>
  return %c : tensor<4x3xf32>
}
func.func private @middle(%x: tensor<4x8xf32>, %w: tensor<8x3xf32>) -> tensor<4x3xf32> {
  %c = func.call @inner(%x, %w) : (tensor<4x8xf32>, tensor<8x3xf32>) -> tensor<4x3xf32>
  return %c : tensor<4x3xf32>
}
func.func @f(%x: tensor<4x8xf32>, %w: tensor<8x3xf32>) -> tensor<4x3xf32> {
  // expected-error @+1 {{'func.constant' op takes the address of @middle}}
  %fn = func.constant @middle : (tensor<4x8xf32>, tensor<8x3xf32>) -> tensor<4x3xf32>
  %a = func.call_indirect %fn(%x, %w) : (tensor<4x8xf32>, tensor<8x3xf32>) -> tensor<4x3xf32>
  return %a : tensor<4x3xf32>
}
