// RUN: fxp-opt %s -split-input-file -fxp-quantize-training | FileCheck %s

// Ops that multiply, but are no contraction of two inputs, stay FP32
// without a diagnostic.

#id2 = affine_map<(b, c) -> (b, c)>
#col = affine_map<(b, c) -> (b)>
#scalar2 = affine_map<(b, c) -> ()>

// CHECK-LABEL: func.func @cross_entropy
// CHECK-NOT:     fxp.
// CHECK:         linalg.generic
// CHECK:           arith.mulf
func.func @cross_entropy(%v: tensor<?x10xf32>, %m: tensor<?xf32>, %s: tensor<?xf32>, %t: tensor<?x10xf32>, %init: tensor<f32>) -> tensor<f32> {
  %loss = linalg.generic {indexing_maps = [#id2, #col, #col, #id2, #scalar2], iterator_types = ["reduction", "reduction"]}
      ins(%v, %m, %s, %t : tensor<?x10xf32>, tensor<?xf32>, tensor<?xf32>, tensor<?x10xf32>) outs(%init : tensor<f32>) {
  ^bb0(%x: f32, %mx: f32, %sum: f32, %y: f32, %acc: f32):
    %ls = math.log %sum : f32
    %lse = arith.addf %ls, %mx : f32
    %nll = arith.subf %lse, %x : f32
    %wt = arith.mulf %nll, %y : f32
    %r = arith.addf %acc, %wt : f32
    linalg.yield %r : f32
  } -> tensor<f32>
  return %loss : tensor<f32>
}

// -----

#id2 = affine_map<(b, c) -> (b, c)>
#row = affine_map<(b, c) -> (c)>

// A variance: the product of a value computed from two inputs with itself.
// CHECK-LABEL: func.func @variance
// CHECK-NOT:     fxp.
// CHECK:         linalg.generic
func.func @variance(%x: tensor<8x4xf32>, %mean: tensor<4xf32>, %init: tensor<4xf32>) -> tensor<4xf32> {
  %v = linalg.generic {indexing_maps = [#id2, #row, #row], iterator_types = ["reduction", "parallel"]}
      ins(%x, %mean : tensor<8x4xf32>, tensor<4xf32>) outs(%init : tensor<4xf32>) {
  ^bb0(%a: f32, %m: f32, %acc: f32):
    %d = arith.subf %a, %m : f32
    %sq = arith.mulf %d, %d : f32
    %r = arith.addf %acc, %sq : f32
    linalg.yield %r : f32
  } -> tensor<4xf32>
  return %v : tensor<4xf32>
}

// -----

#id2 = affine_map<(b, c) -> (b, c)>
#row = affine_map<(b, c) -> (c)>

// Sums of one input: of squares, and scaled by a constant and by an
// argument.
// CHECK-LABEL: func.func @one_input
// CHECK-NOT:     fxp.
// CHECK:         linalg.generic
// CHECK:         linalg.generic
func.func @one_input(%x: tensor<8x4xf32>, %init: tensor<4xf32>, %scale: f32) -> (tensor<4xf32>, tensor<4xf32>) {
  %sq = linalg.generic {indexing_maps = [#id2, #row], iterator_types = ["reduction", "parallel"]}
      ins(%x : tensor<8x4xf32>) outs(%init : tensor<4xf32>) {
  ^bb0(%a: f32, %acc: f32):
    %p = arith.mulf %a, %a : f32
    %r = arith.addf %acc, %p : f32
    linalg.yield %r : f32
  } -> tensor<4xf32>
  %scaled = linalg.generic {indexing_maps = [#id2, #row], iterator_types = ["reduction", "parallel"]}
      ins(%x : tensor<8x4xf32>) outs(%init : tensor<4xf32>) {
  ^bb0(%a: f32, %acc: f32):
    %half = arith.constant 0.5 : f32
    %p = arith.mulf %a, %half : f32
    %q = arith.mulf %scale, %p : f32
    %r = arith.addf %acc, %q : f32
    linalg.yield %r : f32
  } -> tensor<4xf32>
  return %sq, %scaled : tensor<4xf32>, tensor<4xf32>
}

// -----

// A product of the accumulator and one input.
// CHECK-LABEL: func.func @product_reduction
// CHECK-NOT:     fxp.
// CHECK:         linalg.reduce
func.func @product_reduction(%x: tensor<8x4xf32>, %init: tensor<4xf32>) -> tensor<4xf32> {
  %p = linalg.reduce ins(%x : tensor<8x4xf32>) outs(%init : tensor<4xf32>) dimensions = [0]
    (%a: f32, %acc: f32) {
      %r = arith.mulf %a, %acc : f32
      linalg.yield %r : f32
    }
  return %p : tensor<4xf32>
}

// -----

// An element-wise product of two inputs (no reduction), and an integer
// contraction (no f32 operand).
// CHECK-LABEL: func.func @no_float_contraction
// CHECK-NOT:     fxp.
// CHECK:         linalg.mul
// CHECK:         linalg.matmul
func.func @no_float_contraction(%a: tensor<4x8xf32>, %b: tensor<4x8xf32>, %i: tensor<4x8xi8>, %j: tensor<8x3xi8>, %acc: tensor<4x3xi32>) -> (tensor<4x8xf32>, tensor<4x3xi32>) {
  %e = tensor.empty() : tensor<4x8xf32>
  %m = linalg.mul ins(%a, %b : tensor<4x8xf32>, tensor<4x8xf32>) outs(%e : tensor<4x8xf32>) -> tensor<4x8xf32>
  %c = linalg.matmul ins(%i, %j : tensor<4x8xi8>, tensor<8x3xi8>) outs(%acc : tensor<4x3xi32>) -> tensor<4x3xi32>
  return %m, %c : tensor<4x8xf32>, tensor<4x3xi32>
}
