// RUN: fxp-opt %s --split-input-file --pass-pipeline="builtin.module(func.func(fxp-parallelize-elementwise))" | FileCheck %s
// RUN: fxp-opt %s --split-input-file --pass-pipeline="builtin.module(func.func(fxp-parallelize-elementwise{tiles=4 min-elements=16}))" | FileCheck %s --check-prefix=SMALL

#id = affine_map<(i, j) -> (i, j)>
#scalar = affine_map<(i, j) -> ()>

// A large element-wise op becomes 32 tiles of its first loop; each tile
// keeps its indices (linalg.index is offset by the tile's first row).
// CHECK-LABEL: func.func @elementwise
// CHECK:         %[[R:.*]] = scf.forall (%[[I:.*]]) = (0) to (1024) step (32) shared_outs(%[[OUT:.*]] = %{{.*}}) -> (tensor<1024x512xi32>)
// CHECK:           %[[IN:.*]] = tensor.extract_slice %{{.*}}[%[[I]], 0] [32, 512] [1, 1] : tensor<1024x512xf32> to tensor<32x512xf32>
// CHECK:           %[[SLICE:.*]] = tensor.extract_slice %[[OUT]][%[[I]], 0] [32, 512] [1, 1]
// CHECK:           %[[T:.*]] = linalg.generic {{.*}} ins(%[[IN]], %{{.*}} : tensor<32x512xf32>, tensor<i32>) outs(%[[SLICE]] : tensor<32x512xi32>)
// CHECK:             %[[ROW:.*]] = linalg.index 0
// CHECK:             affine.apply #{{.*}}(%[[I]])[%[[ROW]]]
// CHECK:           tensor.parallel_insert_slice %[[T]] into %[[OUT]][%[[I]], 0] [32, 512] [1, 1]
// CHECK:         return %[[R]]
func.func @elementwise(%x: tensor<1024x512xf32>, %e: tensor<i32>) -> tensor<1024x512xi32> {
  %init = tensor.empty() : tensor<1024x512xi32>
  %r = linalg.generic {indexing_maps = [#id, #scalar, #id],
                       iterator_types = ["parallel", "parallel"]}
      ins(%x, %e : tensor<1024x512xf32>, tensor<i32>) outs(%init : tensor<1024x512xi32>) {
  ^bb0(%v: f32, %s: i32, %out: i32):
    %row = linalg.index 0 : index
    %r32 = arith.index_cast %row : index to i32
    %q = arith.fptosi %v : f32 to i32
    %sum = arith.addi %q, %r32 : i32
    %y = arith.addi %sum, %s : i32
    linalg.yield %y : i32
  } -> tensor<1024x512xi32>
  return %r : tensor<1024x512xi32>
}

// -----

// A first loop of size 1 is skipped for the next; a dynamic size splits
// into max(ceil(size / 32), 1) rows a tile (an empty loop must not step by
// 0). The init, also an input but unread by the payload (an update in
// place), becomes a fresh tensor: threads writing it while others read it
// would make bufferization copy it.
// CHECK-LABEL: func.func @dynamic
// CHECK-SAME:    (%[[X:.*]]: tensor<1x?xf32>)
// CHECK:         %[[D:.*]] = tensor.dim %[[X]], %c1
// CHECK:         %[[FRESH:.*]] = tensor.empty(%[[D]]) : tensor<1x?xf32>
// CHECK:         %[[D1:.*]] = tensor.dim %[[X]], %c1
// CHECK:         %[[STEP:.*]] = affine.max #{{.*}}()[%[[D1]]]
// CHECK:         %[[D2:.*]] = tensor.dim %[[X]], %c1
// CHECK:         scf.forall (%{{.*}}) = (0) to (%[[D2]]) step (%[[STEP]]) shared_outs(%{{.*}} = %[[FRESH]])
// CHECK:           linalg.generic {{.*}} ins(%{{.*}} : tensor<1x?xf32>) outs(%{{.*}} : tensor<1x?xf32>)
func.func @dynamic(%x: tensor<1x?xf32>) -> tensor<1x?xf32> {
  %r = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i, j)>],
                       iterator_types = ["parallel", "parallel"]}
      ins(%x : tensor<1x?xf32>) outs(%x : tensor<1x?xf32>) {
  ^bb0(%v: f32, %out: f32):
    %y = arith.negf %v : f32
    linalg.yield %y : f32
  } -> tensor<1x?xf32>
  return %r : tensor<1x?xf32>
}

// -----

// Small ops, reductions and ops inside loops stay as they are.
// CHECK-LABEL: func.func @left_alone
// CHECK-NOT:     scf.forall
// SMALL-LABEL: func.func @left_alone
// SMALL:         scf.forall (%{{.*}}) = (0) to (8) step (2)
// SMALL:           linalg.fill {{.*}} -> tensor<2x8xf32>
// SMALL:         scf.forall.in_parallel
// SMALL-NOT:     scf.forall (
func.func @left_alone(%x: tensor<512x512xf32>, %n: index) -> (tensor<8x8xf32>, tensor<f32>, tensor<512x512xf32>) {
  %zero = arith.constant 0.0 : f32
  %small = tensor.empty() : tensor<8x8xf32>
  %filled = linalg.fill ins(%zero : f32) outs(%small : tensor<8x8xf32>) -> tensor<8x8xf32>
  %acc = tensor.empty() : tensor<f32>
  %sum = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> ()>],
                         iterator_types = ["reduction", "reduction"]}
      ins(%x : tensor<512x512xf32>) outs(%acc : tensor<f32>) {
  ^bb0(%v: f32, %out: f32):
    %y = arith.addf %v, %out : f32
    linalg.yield %y : f32
  } -> tensor<f32>
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %looped = scf.for %i = %c0 to %n step %c1 iter_args(%t = %x) -> tensor<512x512xf32> {
    %neg = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i, j)>],
                           iterator_types = ["parallel", "parallel"]}
        ins(%t : tensor<512x512xf32>) outs(%t : tensor<512x512xf32>) {
    ^bb0(%v: f32, %out: f32):
      %y = arith.negf %v : f32
      linalg.yield %y : f32
    } -> tensor<512x512xf32>
    scf.yield %neg : tensor<512x512xf32>
  }
  return %filled, %sum, %looped : tensor<8x8xf32>, tensor<f32>, tensor<512x512xf32>
}

// -----

// An op without iterations (a dynamic size, and a static 0) has nothing to
// share.
// CHECK-LABEL: func.func @empty
// CHECK-NOT:     scf.forall
// SMALL-LABEL: func.func @empty
// SMALL-NOT:     scf.forall
func.func @empty(%x: tensor<?x0xf32>) -> tensor<?x0xf32> {
  %c0 = arith.constant 0 : index
  %n = tensor.dim %x, %c0 : tensor<?x0xf32>
  %init = tensor.empty(%n) : tensor<?x0xf32>
  %neg = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i, j)>],
                         iterator_types = ["parallel", "parallel"]}
      ins(%x : tensor<?x0xf32>) outs(%init : tensor<?x0xf32>) {
  ^bb0(%v: f32, %out: f32):
    %y = arith.negf %v : f32
    linalg.yield %y : f32
  } -> tensor<?x0xf32>
  return %neg : tensor<?x0xf32>
}

// -----

// An init the payload reads (an accumulation) stays the shared output.
// CHECK-LABEL: func.func @reads_init
// CHECK-SAME:    (%[[X:.*]]: tensor<512x512xf32>, %[[ACC:.*]]: tensor<512x512xf32>)
// CHECK-NOT:     tensor.empty
// CHECK:         scf.forall {{.*}} shared_outs(%{{.*}} = %[[ACC]])
// SMALL-LABEL: func.func @reads_init
func.func @reads_init(%x: tensor<512x512xf32>, %acc: tensor<512x512xf32>) -> tensor<512x512xf32> {
  %r = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i, j)>],
                       iterator_types = ["parallel", "parallel"]}
      ins(%x : tensor<512x512xf32>) outs(%acc : tensor<512x512xf32>) {
  ^bb0(%v: f32, %out: f32):
    %y = arith.addf %v, %out : f32
    linalg.yield %y : f32
  } -> tensor<512x512xf32>
  return %r : tensor<512x512xf32>
}

// -----

// A reduction along rows (a bias gradient) splits along its parallel loop,
// the columns; each tile reduces its columns over all rows, in order.
// CHECK-LABEL: func.func @column_sums
// CHECK:         scf.forall (%[[J:.*]]) = (0) to (1024) step (32)
// CHECK:           %[[IN:.*]] = tensor.extract_slice %{{.*}}[0, %[[J]]] [256, 32] [1, 1]
// CHECK:           linalg.reduce ins(%[[IN]] : tensor<256x32xf32>) outs(%{{.*}} : tensor<32xf32>) dimensions = [0]
func.func @column_sums(%x: tensor<256x1024xf32>, %init: tensor<1024xf32>) -> tensor<1024xf32> {
  %r = linalg.reduce ins(%x : tensor<256x1024xf32>) outs(%init : tensor<1024xf32>) dimensions = [0]
    (%a: f32, %s: f32) {
      %y = arith.addf %a, %s : f32
      linalg.yield %y : f32
    }
  return %r : tensor<1024xf32>
}

// -----

// Per-block exponents (`i floordiv 32`): tiles keep the maps, which see the
// tile's own rows, so tiles start on whole blocks: ceil(2000 / 32) = 63
// rows a tile, rounded up to 64.
// CHECK-LABEL: func.func @blocks
// CHECK:         scf.forall (%[[I:.*]]) = (0) to (2000) step (64)
// CHECK:           affine.min
// CHECK:           tensor.extract_slice %{{.*}}[%[[I]], 0]
// CHECK:           linalg.generic
func.func @blocks(%x: tensor<2000x64xf32>, %e: tensor<63x64xi32>) -> tensor<2000x64xi32> {
  %init = tensor.empty() : tensor<2000x64xi32>
  %r = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i floordiv 32, j)>,
                                        affine_map<(i, j) -> (i, j)>],
                       iterator_types = ["parallel", "parallel"]}
      ins(%x, %e : tensor<2000x64xf32>, tensor<63x64xi32>) outs(%init : tensor<2000x64xi32>) {
  ^bb0(%v: f32, %s: i32, %out: i32):
    %q = arith.fptosi %v : f32 to i32
    %y = arith.addi %q, %s : i32
    linalg.yield %y : i32
  } -> tensor<2000x64xi32>
  return %r : tensor<2000x64xi32>
}

// -----

// A loop that a map reads otherwise (here `i mod 4`) is not tiled: the next
// parallel loop is.
// CHECK-LABEL: func.func @modulo
// CHECK:         scf.forall (%[[J:.*]]) = (0) to (2048) step (64)
// CHECK:           tensor.extract_slice %{{.*}}[0, %[[J]]] [64, 64]
func.func @modulo(%x: tensor<64x2048xf32>, %e: tensor<4x2048xi32>) -> tensor<64x2048xi32> {
  %init = tensor.empty() : tensor<64x2048xi32>
  %r = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i mod 4, j)>,
                                        affine_map<(i, j) -> (i, j)>],
                       iterator_types = ["parallel", "parallel"]}
      ins(%x, %e : tensor<64x2048xf32>, tensor<4x2048xi32>) outs(%init : tensor<64x2048xi32>) {
  ^bb0(%v: f32, %s: i32, %out: i32):
    %q = arith.fptosi %v : f32 to i32
    %y = arith.addi %q, %s : i32
    linalg.yield %y : i32
  } -> tensor<64x2048xi32>
  return %r : tensor<64x2048xi32>
}
