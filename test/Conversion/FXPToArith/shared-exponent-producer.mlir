// RUN: fxp-opt %s -split-input-file -convert-fxp-to-arith -canonicalize | FileCheck %s

// An element-wise producer computes the maximum of its own result: split
// into parts along its first loop (the batch), each part computes its rows
// and reduces them while they are in cache. The producer itself is gone;
// its users (here the return) take the parts' result.
// CHECK-LABEL: func.func @bias_relu
// CHECK-SAME:    (%[[X:.*]]: tensor<?x64xf32>, %[[B:.*]]: tensor<64xf32>)
// CHECK:         %[[PARTS:.*]]:2 = scf.forall (%[[P:.*]]) in (%{{.*}}) shared_outs(%[[Y:.*]] = %{{.*}}, %[[M:.*]] = %{{.*}}) -> (tensor<?x64xf32>, tensor<32xi32>)
// CHECK:           %[[XS:.*]] = tensor.extract_slice %[[X]][%[[ROW:.*]], 0] [%[[ROWS:.*]], 64] [1, 1]
// CHECK:           %[[YS:.*]] = tensor.extract_slice %[[Y]][%[[ROW]], 0] [%[[ROWS]], 64] [1, 1]
// CHECK:           %[[TILE:.*]] = linalg.generic {{.*}} ins(%[[XS]], %[[B]] : tensor<?x64xf32>, tensor<64xf32>) outs(%[[YS]] : tensor<?x64xf32>)
// CHECK:             arith.maximumf
// CHECK:           %[[FLAT:.*]] = tensor.collapse_shape %[[TILE]]
// CHECK:           vector.transfer_read %[[FLAT]]
// CHECK:           arith.maxui %{{.*}} : vector<16xi32>
// CHECK:           scf.forall.in_parallel
// CHECK-NEXT:        tensor.parallel_insert_slice %[[TILE]] into %[[Y]][%[[ROW]], 0] [%[[ROWS]], 64] [1, 1]
// CHECK-NEXT:        tensor.parallel_insert_slice %{{.*}} into %[[M]][%[[P]]] [1] [1]
// CHECK-NOT:     linalg.generic
// The exact pass, over the whole result, only when a part met inf or NaN.
// CHECK:         %[[WHOLE:.*]] = tensor.collapse_shape %[[PARTS]]#0
// CHECK:         vector.transfer_read %[[PARTS]]#1
// CHECK:         vector.reduction <maxui>
// CHECK:         scf.if
// CHECK:           vector.transfer_read %[[WHOLE]]
// CHECK:         return %[[PARTS]]#0, %{{.*}} : tensor<?x64xf32>, tensor<i32>
func.func @bias_relu(%x: tensor<?x64xf32>, %bias: tensor<64xf32>) -> (tensor<?x64xf32>, tensor<i32>) {
  %c0 = arith.constant 0 : index
  %n = tensor.dim %x, %c0 : tensor<?x64xf32>
  %zero = arith.constant 0.0 : f32
  %init = tensor.empty(%n) : tensor<?x64xf32>
  %y = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (j)>, affine_map<(i, j) -> (i, j)>],
                       iterator_types = ["parallel", "parallel"]}
      ins(%x, %bias : tensor<?x64xf32>, tensor<64xf32>) outs(%init : tensor<?x64xf32>) {
  ^bb0(%a: f32, %b: f32, %out: f32):
    %s = arith.addf %a, %b : f32
    %r = arith.maximumf %s, %zero : f32
    linalg.yield %r : f32
  } -> tensor<?x64xf32>
  %e = fxp.shared_exponent %y width 14 : tensor<?x64xf32> -> tensor<i32>
  return %y, %e : tensor<?x64xf32>, tensor<i32>
}

// -----

// A leading loop of size 1 cannot be split: the parts (4 of 2^16 elements)
// go along the next.
// CHECK-LABEL: func.func @leading_unit
// CHECK:         scf.forall (%{{.*}}) in (4)
// CHECK:           tensor.extract_slice %{{.*}}[0, %{{.*}}] [1, %{{.*}}] [1, 1] : tensor<1x262144xf32> to tensor<1x?xf32>
// CHECK:           linalg.generic
// CHECK:             arith.negf
func.func @leading_unit(%x: tensor<1x262144xf32>) -> (tensor<1x262144xf32>, tensor<i32>) {
  %init = tensor.empty() : tensor<1x262144xf32>
  %y = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i, j)>],
                       iterator_types = ["parallel", "parallel"]}
      ins(%x : tensor<1x262144xf32>) outs(%init : tensor<1x262144xf32>) {
  ^bb0(%a: f32, %out: f32):
    %r = arith.negf %a : f32
    linalg.yield %r : f32
  } -> tensor<1x262144xf32>
  %e = fxp.shared_exponent %y width 16 : tensor<1x262144xf32> -> tensor<i32>
  return %y, %e : tensor<1x262144xf32>, tensor<i32>
}

// -----

// Producers that are not split: one reading its indices (linalg.index), a
// reduction, and one whose result takes per-block exponents. Each stays as
// it is and the maximum reads its result.
// CHECK-LABEL: func.func @not_split
// CHECK:         %[[INDEXED:.*]] = linalg.generic
// CHECK:           linalg.index
// CHECK:         tensor.collapse_shape %[[INDEXED]]
// CHECK:         %[[SUMS:.*]] = linalg.generic {{.*}} iterator_types = ["parallel", "reduction"]
// CHECK:         vector.transfer_read %[[SUMS]]
// CHECK:         %[[NEG:.*]] = linalg.generic
// CHECK:           arith.negf
// CHECK:         linalg.generic {{.*}} ins(%[[NEG]] : tensor<8x64xf32>)
func.func @not_split(%x: tensor<8x64xf32>) -> (tensor<i32>, tensor<i32>, tensor<8x2xi32>) {
  %init = tensor.empty() : tensor<8x64xf32>
  %indexed = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i, j)>],
                             iterator_types = ["parallel", "parallel"]}
      ins(%x : tensor<8x64xf32>) outs(%init : tensor<8x64xf32>) {
  ^bb0(%a: f32, %out: f32):
    %j = linalg.index 1 : index
    %ji = arith.index_cast %j : index to i32
    %jf = arith.sitofp %ji : i32 to f32
    %r = arith.mulf %a, %jf : f32
    linalg.yield %r : f32
  } -> tensor<8x64xf32>
  %e0 = fxp.shared_exponent %indexed width 16 : tensor<8x64xf32> -> tensor<i32>
  %zero = arith.constant 0.0 : f32
  %empty = tensor.empty() : tensor<8xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%empty : tensor<8xf32>) -> tensor<8xf32>
  %sums = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i)>],
                          iterator_types = ["parallel", "reduction"]}
      ins(%x : tensor<8x64xf32>) outs(%acc : tensor<8xf32>) {
  ^bb0(%a: f32, %out: f32):
    %r = arith.addf %a, %out : f32
    linalg.yield %r : f32
  } -> tensor<8xf32>
  %e1 = fxp.shared_exponent %sums width 16 : tensor<8xf32> -> tensor<i32>
  %neg = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i, j)>],
                         iterator_types = ["parallel", "parallel"]}
      ins(%x : tensor<8x64xf32>) outs(%init : tensor<8x64xf32>) {
  ^bb0(%a: f32, %out: f32):
    %r = arith.negf %a : f32
    linalg.yield %r : f32
  } -> tensor<8x64xf32>
  %e2 = fxp.shared_exponent %neg width 16 block 32 axis 1 : tensor<8x64xf32> -> tensor<8x2xi32>
  return %e0, %e1, %e2 : tensor<i32>, tensor<i32>, tensor<8x2xi32>
}
