// RUN: fxp-opt %s -split-input-file -fxp-quantize-training | FileCheck %s --check-prefix=DFP
// RUN: fxp-opt %s -split-input-file -fxp-quantize-training="recipe=gupta frac-bits=10 rounding=nearest_even" | FileCheck %s --check-prefix=GUPTA
// RUN: fxp-opt %s -split-input-file -fxp-quantize-training="accumulate=saturating width=16" | FileCheck %s --check-prefix=SAT

// DFP-LABEL: func.func @matmul
// DFP-SAME: (%[[X:.*]]: tensor<?x64xf32>, %[[W:.*]]: tensor<64x10xf32>, %[[SEED:.*]]: i64 {fxp.seed})
// DFP: %[[EX:.*]] = fxp.shared_exponent %[[X]] width 14 : tensor<?x64xf32> -> tensor<i32>
// DFP: %[[DX:.*]] = fxp.quantize_dfp %[[X]], %[[EX]] rounding <stochastic> overflow <saturate_symmetric> seed %[[SEED]] stream 0 : tensor<?x64xf32>, tensor<i32> -> !fxp.dfp<?x64, 14>
// DFP: %[[EW:.*]] = fxp.shared_exponent %[[W]] width 14
// DFP: %[[DW:.*]] = fxp.quantize_dfp %[[W]], %[[EW]] rounding <stochastic> overflow <saturate_symmetric> seed %[[SEED]] stream 1
// DFP: %[[C:.*]] = fxp.contract %[[DX]], %[[DW]] maps [#{{.*}}, #{{.*}}, #{{.*}}] chunk 32 symmetric : !fxp.dfp<?x64, 14>, !fxp.dfp<64x10, 14> -> tensor<?x10xf32>
// DFP-NOT: linalg.matmul
// DFP: return %[[C]]

// With accumulate=saturating, no chunk: one saturating i32 sum.
// SAT-LABEL: func.func @matmul
// SAT: fxp.contract %{{.*}}, %{{.*}} maps [#{{.*}}, #{{.*}}, #{{.*}}] saturating symmetric : !fxp.dfp<?x64, 16>, !fxp.dfp<64x10, 16> -> tensor<?x10xf32>

// GUPTA-LABEL: func.func @matmul
// GUPTA-SAME: (%[[X:.*]]: tensor<?x64xf32>, %[[W:.*]]: tensor<64x10xf32>) -> tensor<?x10xf32>
// GUPTA: %[[QX:.*]] = fxp.quantize %[[X]] overflow <saturate_symmetric> : tensor<?x64xf32> -> tensor<?x64x!fxp.fixed<16, 10>>
// GUPTA: %[[QW:.*]] = fxp.quantize %[[W]] overflow <saturate_symmetric> : tensor<64x10xf32> -> tensor<64x10x!fxp.fixed<16, 10>>
// GUPTA: %[[C:.*]] = fxp.contract %[[QX]], %[[QW]] maps [{{.*}}] chunk 2 symmetric
// GUPTA: %[[QC:.*]] = fxp.quantize %[[C]] : tensor<?x10xf32> -> tensor<?x10x!fxp.fixed<16, 10>>
// GUPTA: %[[R:.*]] = fxp.dequantize %[[QC]]
// The step's results are rounded to the format too (there are no FP32 weights).
// GUPTA: %[[QR:.*]] = fxp.quantize %[[R]] : tensor<?x10xf32> -> tensor<?x10x!fxp.fixed<16, 10>>
// GUPTA: %[[RR:.*]] = fxp.dequantize %[[QR]]
// GUPTA: return %[[RR]]
func.func @matmul(%x: tensor<?x64xf32>, %w: tensor<64x10xf32>) -> tensor<?x10xf32> {
  %c0 = arith.constant 0 : index
  %zero = arith.constant 0.0 : f32
  %b = tensor.dim %x, %c0 : tensor<?x64xf32>
  %e = tensor.empty(%b) : tensor<?x10xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<?x10xf32>) -> tensor<?x10xf32>
  %y = linalg.matmul ins(%x, %w : tensor<?x64xf32>, tensor<64x10xf32>) outs(%f : tensor<?x10xf32>) -> tensor<?x10xf32>
  return %y : tensor<?x10xf32>
}

// -----

// linalg accumulates into a non-zero init: the result is added to it.
// DFP-LABEL: func.func @accumulate
// DFP-SAME: (%{{.*}}: tensor<4x8xf32>, %{{.*}}: tensor<8x3xf32>, %[[INIT:.*]]: tensor<4x3xf32>, %{{.*}}: i64 {fxp.seed})
// DFP: %[[C:.*]] = fxp.contract
// DFP: %[[S:.*]] = linalg.add ins(%[[C]], %[[INIT]] : tensor<4x3xf32>, tensor<4x3xf32>)
// DFP: return %[[S]]
func.func @accumulate(%a: tensor<4x8xf32>, %b: tensor<8x3xf32>, %init: tensor<4x3xf32>) -> tensor<4x3xf32> {
  %y = linalg.matmul ins(%a, %b : tensor<4x8xf32>, tensor<8x3xf32>) outs(%init : tensor<4x3xf32>) -> tensor<4x3xf32>
  return %y : tensor<4x3xf32>
}

// -----

// Batched, transposed and generic contractions and a convolution keep their
// indexing maps; stream numbers continue after those already in the module.
// DFP-DAG: #[[CONV_IN:.*]] = affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d0, d1 + d4, d2 + d5, d6)>
// DFP-DAG: #[[TRANS:.*]] = affine_map<(d0, d1, d2) -> (d2, d0)>
// DFP-LABEL: func.func @kinds
// DFP: fxp.quantize {{.*}} stream 6
// DFP: fxp.quantize_dfp {{.*}} stream 7
// DFP: fxp.quantize_dfp {{.*}} stream 8
// DFP: fxp.contract {{.*}} : !fxp.dfp<2x4x8, 14>, !fxp.dfp<2x8x3, 14> -> tensor<2x4x3xf32>
// DFP: fxp.contract {{.*}} maps [#[[TRANS]], {{.*}} : !fxp.dfp<8x4, 14>, !fxp.dfp<8x3, 14> -> tensor<4x3xf32>
// DFP: fxp.contract {{.*}} maps [#[[CONV_IN]], {{.*}} : !fxp.dfp<1x6x6x2, 14>, !fxp.dfp<3x3x2x4, 14> -> tensor<1x4x4x4xf32>
// DFP: fxp.contract {{.*}} : !fxp.dfp<4x8, 14>, !fxp.dfp<3x8, 14> -> tensor<4x3xf32>
// DFP-NOT: linalg.batch_matmul
// DFP-NOT: linalg.conv
func.func @kinds(%a: tensor<2x4x8xf32>, %b: tensor<2x8x3xf32>, %at: tensor<8x4xf32>, %m: tensor<8x3xf32>,
                 %img: tensor<1x6x6x2xf32>, %filter: tensor<3x3x2x4xf32>, %g: tensor<4x8xf32>, %h: tensor<3x8xf32>,
                 %s: f32, %seed0: i64)
    -> (tensor<2x4x3xf32>, tensor<4x3xf32>, tensor<1x4x4x4xf32>, tensor<4x3xf32>, tensor<f32>) {
  %zero = arith.constant 0.0 : f32
  %existing = fxp.quantize %s rounding <stochastic> seed %seed0 stream 6 : f32 -> !fxp.fixed<16, 8>
  %e0 = tensor.empty() : tensor<2x4x3xf32>
  %f0 = linalg.fill ins(%zero : f32) outs(%e0 : tensor<2x4x3xf32>) -> tensor<2x4x3xf32>
  %0 = linalg.batch_matmul ins(%a, %b : tensor<2x4x8xf32>, tensor<2x8x3xf32>) outs(%f0 : tensor<2x4x3xf32>) -> tensor<2x4x3xf32>
  %e1 = tensor.empty() : tensor<4x3xf32>
  %f1 = linalg.fill ins(%zero : f32) outs(%e1 : tensor<4x3xf32>) -> tensor<4x3xf32>
  %1 = linalg.matmul indexing_maps = [affine_map<(m, n, k) -> (k, m)>, affine_map<(m, n, k) -> (k, n)>, affine_map<(m, n, k) -> (m, n)>]
       ins(%at, %m : tensor<8x4xf32>, tensor<8x3xf32>) outs(%f1 : tensor<4x3xf32>) -> tensor<4x3xf32>
  %e2 = tensor.empty() : tensor<1x4x4x4xf32>
  %f2 = linalg.fill ins(%zero : f32) outs(%e2 : tensor<1x4x4x4xf32>) -> tensor<1x4x4x4xf32>
  %2 = linalg.conv_2d_nhwc_hwcf ins(%img, %filter : tensor<1x6x6x2xf32>, tensor<3x3x2x4xf32>) outs(%f2 : tensor<1x4x4x4xf32>) -> tensor<1x4x4x4xf32>
  %3 = linalg.generic {indexing_maps = [affine_map<(i, j, k) -> (i, k)>, affine_map<(i, j, k) -> (j, k)>, affine_map<(i, j, k) -> (i, j)>],
                       iterator_types = ["parallel", "parallel", "reduction"]}
      ins(%g, %h : tensor<4x8xf32>, tensor<3x8xf32>) outs(%f1 : tensor<4x3xf32>) {
  ^bb0(%x: f32, %y: f32, %acc: f32):
    %p = arith.mulf %y, %x : f32
    %r = arith.addf %p, %acc : f32
    linalg.yield %r : f32
  } -> tensor<4x3xf32>
  %d = fxp.dequantize %existing : !fxp.fixed<16, 8> -> f32
  %t = tensor.from_elements %d : tensor<f32>
  return %0, %1, %2, %3, %t : tensor<2x4x3xf32>, tensor<4x3xf32>, tensor<1x4x4x4xf32>, tensor<4x3xf32>, tensor<f32>
}

// -----

// Graphs without contractions, and ops that only look like them (a max
// reduction; an f64 matmul), pass through unchanged.
// DFP-LABEL: func.func @no_contraction
// DFP-SAME: (%{{[^:]*}}: tensor<4x8xf32>, %{{[^:]*}}: tensor<4x8xf64>, %{{[^:]*}}: tensor<8x8xf64>)
// DFP-NOT: fxp.
// DFP: return
func.func @no_contraction(%x: tensor<4x8xf32>, %a: tensor<4x8xf64>, %b: tensor<8x8xf64>) -> (tensor<4xf32>, tensor<4x8xf64>) {
  %zero = arith.constant 0.0 : f32
  %zd = arith.constant 0.0 : f64
  %e = tensor.empty() : tensor<4xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<4xf32>) -> tensor<4xf32>
  %m = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i)>], iterator_types = ["parallel", "reduction"]}
      ins(%x : tensor<4x8xf32>) outs(%f : tensor<4xf32>) {
  ^bb0(%v: f32, %acc: f32):
    %r = arith.maximumf %v, %acc : f32
    linalg.yield %r : f32
  } -> tensor<4xf32>
  %e2 = tensor.empty() : tensor<4x8xf64>
  %f2 = linalg.fill ins(%zd : f64) outs(%e2 : tensor<4x8xf64>) -> tensor<4x8xf64>
  %mm = linalg.matmul ins(%a, %b : tensor<4x8xf64>, tensor<8x8xf64>) outs(%f2 : tensor<4x8xf64>) -> tensor<4x8xf64>
  return %m, %mm : tensor<4xf32>, tensor<4x8xf64>
}

// -----

// Per-operand formats from argument attributes (WAGE-like mixes), and seeds
// passed down through calls.
// DFP-LABEL: func.func private @layer
// DFP-SAME: %{{.*}}: i64 {fxp.seed}
// DFP: fxp.shared_exponent %{{.*}} width 8
// DFP: fxp.quantize_dfp {{.*}} -> !fxp.dfp<4x8, 8>
// DFP: fxp.contract {{.*}} chunk 2064 symmetric : !fxp.dfp<4x8, 8>, !fxp.dfp<8x3, 14>
// DFP-LABEL: func.func @caller
// DFP-SAME: (%{{.*}}: tensor<4x8xf32>, %{{.*}}: tensor<8x3xf32>, %[[SEED:.*]]: i64 {fxp.seed})
// DFP: call @layer(%{{.*}}, %{{.*}}, %[[SEED]])
// GUPTA-LABEL: func.func private @layer
// GUPTA: fxp.quantize %{{.*}} overflow <saturate_symmetric> : tensor<4x8xf32> -> tensor<4x8x!fxp.fixed<8, 6>>
// GUPTA-LABEL: func.func @caller
// GUPTA-SAME: (%{{[^:]*}}: tensor<4x8xf32>, %{{[^:]*}}: tensor<8x3xf32>) ->
func.func private @layer(%x: tensor<4x8xf32> {fxp.width = 8 : i32, fxp.frac_bits = 6 : i32}, %w: tensor<8x3xf32>) -> tensor<4x3xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<4x3xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<4x3xf32>) -> tensor<4x3xf32>
  %y = linalg.matmul ins(%x, %w : tensor<4x8xf32>, tensor<8x3xf32>) outs(%f : tensor<4x3xf32>) -> tensor<4x3xf32>
  return %y : tensor<4x3xf32>
}
func.func @caller(%x: tensor<4x8xf32>, %w: tensor<8x3xf32>) -> tensor<4x3xf32> {
  %y = call @layer(%x, %w) : (tensor<4x8xf32>, tensor<8x3xf32>) -> tensor<4x3xf32>
  return %y : tensor<4x3xf32>
}

// -----

// A tensor feeding two contractions is quantized once, where that dominates
// both; one quantized inside a region is quantized again outside it.
// DFP-LABEL: func.func @shared
// DFP-COUNT-1: fxp.quantize_dfp %arg0,
// DFP: scf.if
// DFP: fxp.quantize_dfp %arg2,
// DFP: } else {
// DFP: fxp.quantize_dfp %arg2,
// DFP-NOT: fxp.quantize_dfp %arg0,
// DFP: return
func.func @shared(%x: tensor<4x8xf32>, %w: tensor<8x3xf32>, %v: tensor<8x3xf32>, %c: i1)
    -> (tensor<4x3xf32>, tensor<4x3xf32>, tensor<4x3xf32>) {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<4x3xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<4x3xf32>) -> tensor<4x3xf32>
  %a = linalg.matmul ins(%x, %w : tensor<4x8xf32>, tensor<8x3xf32>) outs(%f : tensor<4x3xf32>) -> tensor<4x3xf32>
  %b = scf.if %c -> tensor<4x3xf32> {
    %r = linalg.matmul ins(%x, %v : tensor<4x8xf32>, tensor<8x3xf32>) outs(%f : tensor<4x3xf32>) -> tensor<4x3xf32>
    scf.yield %r : tensor<4x3xf32>
  } else {
    scf.yield %f : tensor<4x3xf32>
  }
  %d = linalg.matmul ins(%x, %v : tensor<4x8xf32>, tensor<8x3xf32>) outs(%f : tensor<4x3xf32>) -> tensor<4x3xf32>
  return %a, %b, %d : tensor<4x3xf32>, tensor<4x3xf32>, tensor<4x3xf32>
}

// -----

// A transposed operand is read through the contraction's map: the weight is
// quantized once for y = x w and dx = dy w^T, and the transpose goes unless
// something else reads it.
// DFP-LABEL: func.func @transposed
// DFP-NOT: linalg.transpose
// DFP: %[[W:.*]] = fxp.quantize_dfp %arg1,
// DFP: fxp.contract %{{.*}}, %[[W]] maps
// DFP: fxp.contract %{{.*}}, %[[W]] maps
// DFP-NOT: fxp.quantize_dfp %arg1,
// DFP-LABEL: func.func @transposed_chain
// DFP-NOT: linalg.transpose
// DFP-COUNT-1: fxp.quantize_dfp %arg1,
// DFP-NOT: linalg.transpose
// DFP: return
// DFP-LABEL: func.func @transposed_kept
// DFP: %[[T:.*]] = linalg.transpose
// DFP: fxp.contract
// DFP: return %{{.*}}, %[[T]]
func.func @transposed(%x: tensor<4x8xf32>, %w: tensor<8x3xf32>, %dy: tensor<4x3xf32>)
    -> (tensor<4x3xf32>, tensor<4x8xf32>) {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<4x3xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<4x3xf32>) -> tensor<4x3xf32>
  %y = linalg.matmul ins(%x, %w : tensor<4x8xf32>, tensor<8x3xf32>) outs(%f : tensor<4x3xf32>) -> tensor<4x3xf32>
  %et = tensor.empty() : tensor<3x8xf32>
  %wt = linalg.transpose ins(%w : tensor<8x3xf32>) outs(%et : tensor<3x8xf32>) permutation = [1, 0]
  %e2 = tensor.empty() : tensor<4x8xf32>
  %f2 = linalg.fill ins(%zero : f32) outs(%e2 : tensor<4x8xf32>) -> tensor<4x8xf32>
  %dx = linalg.matmul ins(%dy, %wt : tensor<4x3xf32>, tensor<3x8xf32>) outs(%f2 : tensor<4x8xf32>) -> tensor<4x8xf32>
  return %y, %dx : tensor<4x3xf32>, tensor<4x8xf32>
}

// w^T feeds one contraction and (w^T)^T another: both copies go.
func.func @transposed_chain(%x: tensor<4x3xf32>, %w: tensor<8x3xf32>, %dy: tensor<4x8xf32>)
    -> (tensor<4x8xf32>, tensor<4x3xf32>) {
  %zero = arith.constant 0.0 : f32
  %et = tensor.empty() : tensor<3x8xf32>
  %t1 = linalg.transpose ins(%w : tensor<8x3xf32>) outs(%et : tensor<3x8xf32>) permutation = [1, 0]
  %e = tensor.empty() : tensor<4x8xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<4x8xf32>) -> tensor<4x8xf32>
  %y = linalg.matmul ins(%x, %t1 : tensor<4x3xf32>, tensor<3x8xf32>) outs(%f : tensor<4x8xf32>) -> tensor<4x8xf32>
  %et2 = tensor.empty() : tensor<8x3xf32>
  %t2 = linalg.transpose ins(%t1 : tensor<3x8xf32>) outs(%et2 : tensor<8x3xf32>) permutation = [1, 0]
  %e2 = tensor.empty() : tensor<4x3xf32>
  %f2 = linalg.fill ins(%zero : f32) outs(%e2 : tensor<4x3xf32>) -> tensor<4x3xf32>
  %dx = linalg.matmul ins(%dy, %t2 : tensor<4x8xf32>, tensor<8x3xf32>) outs(%f2 : tensor<4x3xf32>) -> tensor<4x3xf32>
  return %y, %dx : tensor<4x8xf32>, tensor<4x3xf32>
}

func.func @transposed_kept(%dy: tensor<4x3xf32>, %w: tensor<8x3xf32>)
    -> (tensor<4x8xf32>, tensor<3x8xf32>) {
  %zero = arith.constant 0.0 : f32
  %et = tensor.empty() : tensor<3x8xf32>
  %wt = linalg.transpose ins(%w : tensor<8x3xf32>) outs(%et : tensor<3x8xf32>) permutation = [1, 0]
  %e = tensor.empty() : tensor<4x8xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<4x8xf32>) -> tensor<4x8xf32>
  %dx = linalg.matmul ins(%dy, %wt : tensor<4x3xf32>, tensor<3x8xf32>) outs(%f : tensor<4x8xf32>) -> tensor<4x8xf32>
  return %dx, %wt : tensor<4x8xf32>, tensor<3x8xf32>
}

// -----

// Pooling is a convolution to linalg but multiplies nothing: it stays FP32,
// reading the quantized convolution's f32 result.
// DFP-LABEL: func.func @conv_then_pooling
// DFP:         %[[CONV:.*]] = fxp.contract
// DFP:         linalg.pooling_nhwc_max {{.*}} ins(%[[CONV]], %{{.*}} : tensor<2x4x4x2xf32>, tensor<2x2xf32>)
// DFP:         %[[SUM:.*]] = linalg.pooling_nhwc_sum
// DFP-NOT:     fxp.
// DFP:         return
func.func @conv_then_pooling(%x: tensor<2x9x9x1xf32>, %w: tensor<3x3x1x2xf32>) -> (tensor<2x2x2x2xf32>, tensor<2x3x3x2xf32>) {
  %zero = arith.constant 0.0 : f32
  %lowest = arith.constant 0xFF800000 : f32
  %e = tensor.empty() : tensor<2x4x4x2xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<2x4x4x2xf32>) -> tensor<2x4x4x2xf32>
  %conv = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>}
      ins(%x, %w : tensor<2x9x9x1xf32>, tensor<3x3x1x2xf32>) outs(%f : tensor<2x4x4x2xf32>) -> tensor<2x4x4x2xf32>
  %window = tensor.empty() : tensor<2x2xf32>
  %me = tensor.empty() : tensor<2x2x2x2xf32>
  %mf = linalg.fill ins(%lowest : f32) outs(%me : tensor<2x2x2x2xf32>) -> tensor<2x2x2x2xf32>
  %max = linalg.pooling_nhwc_max {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>}
      ins(%conv, %window : tensor<2x4x4x2xf32>, tensor<2x2xf32>) outs(%mf : tensor<2x2x2x2xf32>) -> tensor<2x2x2x2xf32>
  %se = tensor.empty() : tensor<2x3x3x2xf32>
  %sf = linalg.fill ins(%zero : f32) outs(%se : tensor<2x3x3x2xf32>) -> tensor<2x3x3x2xf32>
  %sum = linalg.pooling_nhwc_sum {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>}
      ins(%conv, %window : tensor<2x4x4x2xf32>, tensor<2x2xf32>) outs(%sf : tensor<2x3x3x2xf32>) -> tensor<2x3x3x2xf32>
  return %max, %sum : tensor<2x2x2x2xf32>, tensor<2x3x3x2xf32>
}

// -----

// A contraction whose body fuses its multiply-add (`fma(a, b, out)`) is one
// too.
// DFP-LABEL: func.func @fused_multiply_add
// DFP:         fxp.contract
// DFP-NOT:     math.fma
func.func @fused_multiply_add(%x: tensor<4x6xf32>, %w: tensor<6x3xf32>) -> tensor<4x3xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<4x3xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<4x3xf32>) -> tensor<4x3xf32>
  %y = linalg.generic {indexing_maps = [affine_map<(i, j, k) -> (i, k)>, affine_map<(i, j, k) -> (k, j)>,
                                        affine_map<(i, j, k) -> (i, j)>],
                       iterator_types = ["parallel", "parallel", "reduction"]}
      ins(%x, %w : tensor<4x6xf32>, tensor<6x3xf32>) outs(%f : tensor<4x3xf32>) {
  ^bb0(%a: f32, %b: f32, %out: f32):
    %r = math.fma %a, %b, %out : f32
    linalg.yield %r : f32
  } -> tensor<4x3xf32>
  return %y : tensor<4x3xf32>
}
