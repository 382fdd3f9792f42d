// RUN: fxp-opt %s -split-input-file -convert-fxp-to-arith | FileCheck %s

// Element-wise ops become linalg.generics on the storage integers. Rounding
// to nearest scales and rounds in f32 (exact, see emitQuantizeNearest);
// other modes work on the float's bits. Their loops run as one (the
// dynamic size too), so that the inner loop is long enough to vectorize.
// CHECK-LABEL: func.func @quantize
// CHECK-SAME: (%[[X:.*]]: tensor<?x5xf32>, %{{.*}}: tensor<?x5xf32>) -> (tensor<?x5xi16>, tensor<?x5xi16>)
// CHECK: %[[FLAT:.*]] = tensor.collapse_shape %[[X]] {{\[\[}}0, 1]] : tensor<?x5xf32> into tensor<?xf32>
// CHECK: %[[E:.*]] = tensor.empty(%{{.*}}) : tensor<?xi16>
// CHECK: %[[Q:.*]] = linalg.generic {{.*}} ins(%[[FLAT]] : tensor<?xf32>) outs(%[[E]] : tensor<?xi16>)
// CHECK: arith.mulf
// CHECK: math.roundeven
// CHECK: arith.fptosi
// CHECK: arith.trunci %{{.*}} : i64 to i16
// CHECK: %[[ROWS:.*]] = tensor.dim %[[X]], %c0
// CHECK: %[[R:.*]] = tensor.expand_shape %[[Q]] {{\[\[}}0, 1]] output_shape [%[[ROWS]], 5] : tensor<?xi16> into tensor<?x5xi16>
// CHECK: linalg.generic
// CHECK: arith.bitcast %{{.*}} : f32 to i32
// CHECK: arith.trunci %{{.*}} : i64 to i16
// CHECK: return %[[R]]
func.func @quantize(%x: tensor<?x5xf32>, %y: tensor<?x5xf32>) -> (tensor<?x5x!fxp.fixed<12, 4>>, tensor<?x5x!fxp.fixed<12, 4>>) {
  %q = fxp.quantize %x : tensor<?x5xf32> -> tensor<?x5x!fxp.fixed<12, 4>>
  %f = fxp.quantize %y rounding <floor> : tensor<?x5xf32> -> tensor<?x5x!fxp.fixed<12, 4>>
  return %q, %f : tensor<?x5x!fxp.fixed<12, 4>>, tensor<?x5x!fxp.fixed<12, 4>>
}

// -----

// Stochastic rounding hashes the linear index of each element with the key
// of its stream (computed once, outside the loop). A static tensor's loops
// run as one, so its row-major index is the loop's, in i32 when at most
// 2^32 elements. Up to 24 bits, the rounding itself is f32 arithmetic: n
// and r from the exact floors of t * 2^(32 - W) and t * 2^32 (Design.md);
// here W = 8.
// CHECK-LABEL: func.func @stochastic
// CHECK-SAME: (%{{.*}}: tensor<3x4xf32>, %{{.*}}: i64) -> tensor<3x4xi8>
// CHECK: arith.constant -1640531524 : i32
// The constant is 5 ^ 0x9E3779B9: stream 5 enters the key.
// CHECK: tensor.collapse_shape %{{.*}} {{\[\[}}0, 1]] : tensor<3x4xf32> into tensor<12xf32>
// CHECK: linalg.generic
// CHECK-SAME: iterator_types = ["parallel"]
// CHECK: linalg.index 0
// CHECK: arith.index_castui %{{.*}} : index to i32
// CHECK-NOT: linalg.index
// CHECK: arith.extui %{{.*}} : i32 to i64
// CHECK-NOT: f64
// CHECK: %[[A:.*]] = math.floor %{{.*}} : f32
// CHECK: %[[B:.*]] = math.floor %{{.*}} : f32
// CHECK: %[[AW:.*]] = arith.mulf %[[A]], %{{.*}} : f32
// CHECK: %[[V:.*]] = arith.subf %[[B]], %[[AW]] : f32
// CHECK: %[[AI:.*]] = arith.fptosi %[[A]] : f32 to i32
// CHECK: %[[AH:.*]] = arith.shli %[[AI]], %{{.*}} : i32
// CHECK: %[[VI:.*]] = arith.fptosi %[[V]] : f32 to i32
// CHECK: %[[R:.*]] = arith.ori %[[AH]], %[[VI]] : i32
// CHECK: %[[N:.*]] = arith.shrsi %[[AI]], %{{.*}} : i32
// CHECK: %[[UP:.*]] = arith.cmpi ult, %{{.*}}, %[[R]] : i32
// CHECK: %[[INC:.*]] = arith.extui %[[UP]] : i1 to i32
// CHECK: arith.addi %[[N]], %[[INC]] : i32
// CHECK-NOT: math.floor
// CHECK: tensor.expand_shape %{{.*}} {{\[\[}}0, 1]] output_shape [3, 4] : tensor<12xi8> into tensor<3x4xi8>
func.func @stochastic(%x: tensor<3x4xf32>, %seed: i64) -> tensor<3x4x!fxp.fixed<8, 2>> {
  %q = fxp.quantize %x rounding <stochastic> seed %seed stream 5 : tensor<3x4xf32> -> tensor<3x4x!fxp.fixed<8, 2>>
  return %q : tensor<3x4x!fxp.fixed<8, 2>>
}

// -----

// Wider results (25 bits and more) round with integer arithmetic on the
// significand (r is compared with k), and a dynamic shape's index is
// computed in i64.
// CHECK-LABEL: func.func @stochastic_wide
// CHECK: linalg.generic
// CHECK: arith.index_castui %{{.*}} : index to i64
// CHECK-NOT: math.floor
// CHECK: arith.cmpi ult
func.func @stochastic_wide(%x: tensor<?x4xf32>, %seed: i64) -> tensor<?x4x!fxp.fixed<25, 2>> {
  %q = fxp.quantize %x rounding <stochastic> seed %seed stream 5 : tensor<?x4xf32> -> tensor<?x4x!fxp.fixed<25, 2>>
  return %q : tensor<?x4x!fxp.fixed<25, 2>>
}

// -----

// A DFP tensor is two values (1:N), in signatures, calls and returns too.
// CHECK-LABEL: func.func @dfp_signature
// CHECK-SAME: (%[[M:.*]]: tensor<4x8xi16>, %[[E:.*]]: tensor<i32>) -> (tensor<4x8xi16>, tensor<i32>)
// CHECK: %[[R:.*]]:2 = call @dfp_signature(%[[M]], %[[E]])
// CHECK: return %[[R]]#0, %[[R]]#1
func.func @dfp_signature(%d: !fxp.dfp<4x8, 16>) -> !fxp.dfp<4x8, 16> {
  %r = call @dfp_signature(%d) : (!fxp.dfp<4x8, 16>) -> !fxp.dfp<4x8, 16>
  return %r : !fxp.dfp<4x8, 16>
}

// -----

// The chunked contraction: one generic with an i32 chunk accumulator and an
// f32 sum, then the scale: two multiplications by powers of two in f32.
// CHECK-LABEL: func.func @matmul
// CHECK: linalg.generic {{.*}} iterator_types = ["parallel", "parallel", "reduction"]
// CHECK-SAME: outs(%{{.*}}, %{{.*}} : tensor<4x3xi32>, tensor<4x3xf32>)
// CHECK: arith.muli %{{.*}} : i32
// CHECK: arith.remui
// CHECK: arith.sitofp %{{.*}} : i32 to f32
// CHECK: %[[FIRST:.*]] = arith.bitcast %{{.*}} : i32 to f32
// CHECK: %[[SCALED:.*]] = arith.mulf %{{.*}}, %[[FIRST]] : f32
// CHECK: %[[SECOND:.*]] = arith.bitcast %{{.*}} : i32 to f32
// CHECK: arith.mulf %[[SCALED]], %[[SECOND]] : f32
func.func @matmul(%a: tensor<4x8x!fxp.fixed<8, 4>>, %b: tensor<8x3x!fxp.fixed<8, 4>>) -> tensor<4x3xf32> {
  %c = fxp.matmul %a, %b chunk 4 : tensor<4x8x!fxp.fixed<8, 4>>, tensor<8x3x!fxp.fixed<8, 4>> -> tensor<4x3xf32>
  return %c : tensor<4x3xf32>
}

// -----

// Loops merge where every operand indexes them alike: per-block exponents
// along the first axis leave the other two to run as one loop (the exponent
// tensor collapses with them); along the middle axis nothing merges.
// CHECK-LABEL: func.func @collapse_blocks
// CHECK-DAG: tensor.collapse_shape %{{.*}} {{\[\[}}0], [1, 2]] : tensor<4x6x8xf32> into tensor<4x48xf32>
// CHECK-DAG: tensor.collapse_shape %{{.*}} {{\[\[}}0], [1, 2]] : tensor<2x6x8xi32> into tensor<2x48xi32>
// CHECK: linalg.generic {indexing_maps = [#[[ID:.*]], #[[BLOCK:.*]], #[[ID]]], iterator_types = ["parallel", "parallel"]}
// CHECK: tensor.expand_shape %{{.*}} {{\[\[}}0], [1, 2]] output_shape [4, 6, 8] : tensor<4x48xi16> into tensor<4x6x8xi16>
// CHECK-NOT: tensor.collapse_shape
// CHECK: linalg.generic
// CHECK-SAME: iterator_types = ["parallel", "parallel", "parallel"]
// CHECK-NOT: tensor.expand_shape
func.func @collapse_blocks(%x: tensor<4x6x8xf32>, %e: tensor<2x6x8xi32>, %f: tensor<4x2x8xi32>)
    -> (!fxp.dfp<4x6x8, 16, block = 2, axis = 0>, !fxp.dfp<4x6x8, 16, block = 3, axis = 1>) {
  %a = fxp.quantize_dfp %x, %e rounding <nearest_even> overflow <saturate_symmetric>
      : tensor<4x6x8xf32>, tensor<2x6x8xi32> -> !fxp.dfp<4x6x8, 16, block = 2, axis = 0>
  %b = fxp.quantize_dfp %x, %f rounding <nearest_even> overflow <saturate_symmetric>
      : tensor<4x6x8xf32>, tensor<4x2x8xi32> -> !fxp.dfp<4x6x8, 16, block = 3, axis = 1>
  return %a, %b : !fxp.dfp<4x6x8, 16, block = 2, axis = 0>, !fxp.dfp<4x6x8, 16, block = 3, axis = 1>
}

// -----

// A loop that only the result indexes takes its dynamic size from `sizes`.
// CHECK-LABEL: func.func @contract_sizes
// CHECK-SAME:    %[[N:[^:]*]]: index)
// CHECK:         tensor.empty(%[[N]]) : tensor<?xi32>
// CHECK:         linalg.generic
// CHECK-NOT:     fxp.contract
func.func @contract_sizes(%x: tensor<?x!fxp.fixed<14, 12>>, %k: tensor<3x!fxp.fixed<14, 12>>, %n: index) -> tensor<?xf32> {
  %0 = fxp.contract %x, %k sizes(%n)
         maps [affine_map<(o, w) -> (o + w)>, affine_map<(o, w) -> (w)>, affine_map<(o, w) -> (o)>]
         chunk 32 symmetric : tensor<?x!fxp.fixed<14, 12>>, tensor<3x!fxp.fixed<14, 12>> -> tensor<?xf32>
  return %0 : tensor<?xf32>
}
