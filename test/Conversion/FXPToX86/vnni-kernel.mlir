// RUN: fxp-opt %s -convert-fxp-to-x86=target=avx512vnni | FileCheck %s --check-prefix=VNNI
// RUN: fxp-opt %s -convert-fxp-to-x86=target=avx2 | FileCheck %s --check-prefix=AVX2

// The pair-product step: one vpdpwssd per 16 lanes with VNNI, vpmaddwd and an
// add on 8 lanes with AVX2; chunks flush i32 into f32 accumulators. Both
// operands are packed as i32 words of two consecutive k (the even one low),
// in blocks of L x L words: A as [M][K/2], rows padded to whole tiles and
// blocks, B as [N/L][K/2][L], whose L words the kernel reads as 2L i16
// lanes (K/2 rounded up to whole blocks of L). A's packing reads 2L lanes of
// a row of A as L words; B's reads 2L lanes (a tile's two column vectors)
// of two rows of B, interleaves them and stores two vectors; reads are plain loads inside the tensor, masked ones at its
// edges. Whole chunks of k pairs run a pair loop of constant trip count; a
// shorter last chunk (here 17 pairs: one of 16, then 1) its own.
// VNNI-LABEL: func.func @matmul
// VNNI: %[[A:.*]] = tensor.empty() : tensor<64x32xi32>
// VNNI: scf.for {{.*}} iter_args(%{{.*}} = %[[A]]) -> (tensor<64x32xi32>)
// VNNI:   vector.transfer_read {{.*}} {in_bounds = [true]} : tensor<50x33xi16>, vector<32xi16>
// VNNI:   vector.bitcast %{{.*}} : vector<32xi16> to vector<16xi32>
// VNNI:   vector.transfer_write {{.*}} : vector<16xi32>, tensor<64x32xi32>
// VNNI: %[[B:.*]] = tensor.empty() : tensor<6x32x16xi32>
// VNNI: scf.for {{.*}} iter_args(%{{.*}} = %[[B]]) -> (tensor<6x32x16xi32>)
// VNNI: scf.for
// VNNI: %[[EVEN:.*]] = scf.if %{{.*}} -> (vector<32xi16>)
// VNNI:   vector.transfer_read {{.*}} {in_bounds = [true]} : tensor<33x70xi16>, vector<32xi16>
// VNNI: } else {
// VNNI:   vector.transfer_read {{.*}} : tensor<33x70xi16>, vector<32xi16>
// VNNI: %[[ODD:.*]] = scf.if %{{.*}} -> (vector<32xi16>)
// VNNI: %[[PAIRS:.*]] = vector.shuffle %{{.*}}, %{{.*}} [0, 32, 1, 33, 2, 34, 3, 35, 4, 36, 5, 37, 6, 38, 7, 39, 8, 40, 9, 41, 10, 42, 11, 43, 12, 44, 13, 45, 14, 46, 15, 47, 16, 48, 17, 49, 18, 50, 19, 51, 20, 52, 21, 53, 22, 54, 23, 55, 24, 56, 25, 57, 26, 58, 27, 59, 28, 60, 29, 61, 30, 62, 31, 63]
// VNNI: %[[WORDS:.*]] = vector.bitcast %[[PAIRS]] : vector<64xi16> to vector<32xi32>
// VNNI: %[[LOW:.*]] = vector.extract_strided_slice %[[WORDS]] {offsets = [0], sizes = [16], strides = [1]}
// VNNI: vector.transfer_write %[[LOW]]{{.*}} : vector<16xi32>, tensor<6x32x16xi32>
// VNNI: %[[HIGH:.*]] = vector.extract_strided_slice %[[WORDS]] {offsets = [16], sizes = [16], strides = [1]}
// VNNI: vector.transfer_write %[[HIGH]]{{.*}} : vector<16xi32>, tensor<6x32x16xi32>
// VNNI: scf.for
// VNNI: scf.for
// VNNI: %[[WHOLE:.*]] = arith.divui %{{.*}}, %c16 : index
// VNNI: %[[CHUNKS:.*]]:12 = scf.for %[[CHUNK:.*]] = %c0 to %[[WHOLE]] {{.*}} -> (vector<16xf32>,
// VNNI: %[[FIRST:.*]] = arith.addi
// VNNI: %[[LAST:.*]] = arith.addi %[[FIRST]], %c16 : index
// VNNI: scf.for %{{.*}} = %[[FIRST]] to %[[LAST]] {{.*}} -> (vector<16xi32>,
// VNNI: vector.transfer_read {{.*}} : tensor<6x32x16xi32>, vector<16xi32>
// VNNI: vector.bitcast %{{.*}} : vector<16xi32> to vector<32xi16>
// VNNI-COUNT-12: fxp.x86.vpdpwssd %{{.*}} : vector<16xi32>, vector<32xi16>
// VNNI: arith.sitofp %{{.*}} : vector<16xi32> to vector<16xf32>
// VNNI: scf.if %{{.*}} -> (vector<16xf32>,
// VNNI: scf.for {{.*}} -> (vector<16xi32>,
// VNNI-COUNT-12: fxp.x86.vpdpwssd %{{.*}} : vector<16xi32>, vector<32xi16>
// VNNI: arith.sitofp %{{.*}} : vector<16xi32> to vector<16xf32>
// VNNI: } else {
// VNNI: scf.yield %[[CHUNKS]]#0,
// VNNI: %[[POWER:.*]] = arith.bitcast %{{.*}} : vector<16xi32> to vector<16xf32>
// VNNI: arith.mulf %{{.*}}, %[[POWER]] : vector<16xf32>
// VNNI: tensor.extract_slice %{{.*}}[0, 0] [50, 70] [1, 1]
// VNNI-NOT: fxp.matmul
// AVX2-LABEL: func.func @matmul
// AVX2-COUNT-8: fxp.x86.vpmaddwd %{{.*}} : vector<16xi16> -> vector<8xi32>
func.func @matmul(%a: tensor<50x33x!fxp.fixed<14, 8>>, %b: tensor<33x70x!fxp.fixed<14, 4>>) -> tensor<50x70xf32> {
  %c = fxp.matmul %a, %b chunk 32 symmetric : tensor<50x33x!fxp.fixed<14, 8>>, tensor<33x70x!fxp.fixed<14, 4>> -> tensor<50x70xf32>
  return %c : tensor<50x70xf32>
}

// Transposed layouts, DFP operands and dynamic sizes take the same path.
// VNNI-LABEL: func.func @contract_dfp
// VNNI: fxp.mantissas
// VNNI: fxp.exponents
// VNNI: fxp.x86.vpdpwssd
// VNNI-NOT: fxp.contract
func.func @contract_dfp(%a: !fxp.dfp<?x64, 14>, %b: !fxp.dfp<10x64, 14>) -> tensor<?x10xf32> {
  %c = fxp.contract %a, %b maps [affine_map<(i, j, k) -> (i, k)>, affine_map<(i, j, k) -> (j, k)>, affine_map<(i, j, k) -> (i, j)>]
         chunk 32 symmetric : !fxp.dfp<?x64, 14>, !fxp.dfp<10x64, 14> -> tensor<?x10xf32>
  return %c : tensor<?x10xf32>
}

// Batched matmuls and convolutions gather their operands into the packed
// layouts through their indexing maps (zeros beyond the problem), run the
// same kernel per batch, and copy the [batch, m, n] tiles into the result.
// Where A reads the innermost k loop alone in its last dimension (here k
// itself; an NHWC convolution's channels), each run of it is one vector
// load of its rows; other operands gather element by element.
// VNNI-LABEL: func.func @gathered
// VNNI: scf.for
// VNNI: scf.for {{.*}} -> (tensor<6x4xi32>)
// VNNI: vector.transfer_read {{.*}} {in_bounds = [true]} : tensor<2x4x8xi8>, vector<8xi8>
// VNNI: vector.bitcast %{{.*}} : vector<8xi16> to vector<4xi32>
// VNNI: vector.transfer_write {{.*}} : vector<4xi32>, tensor<6x4xi32>
// VNNI: linalg.generic {{.*}} outs(%{{.*}} : tensor<2x4x16xi32>)
// VNNI: tensor.extract
// VNNI: fxp.x86.vpdpwssd
// VNNI: tensor.insert_slice
// VNNI-NOT: outs(%{{.*}} : tensor<2x4x3xf32>)
// VNNI: fxp.x86.vpdpwssd
// A result laid out as the batch, m and n loops in order is the computed
// [batch, m, n] as it is (the batched matmul), or reshaped (the convolution,
// which has no batch loops).
// VNNI: tensor.expand_shape %{{.*}} {{\[}}[0, 1, 2], [3]] output_shape [1, 4, 4, 4] : tensor<16x4xf32> into tensor<1x4x4x4xf32>
// VNNI-NOT: fxp.matmul
// VNNI-NOT: fxp.contract
func.func @gathered(%e: tensor<2x4x8x!fxp.fixed<8, 0>>, %f: tensor<2x8x3x!fxp.fixed<8, 0>>,
                    %img: tensor<1x6x6x2x!fxp.fixed<8, 0>>, %k: tensor<3x3x2x4x!fxp.fixed<8, 0>>)
    -> (tensor<2x4x3xf32>, tensor<1x4x4x4xf32>) {
  %0 = fxp.matmul %e, %f chunk 2 : tensor<2x4x8x!fxp.fixed<8, 0>>, tensor<2x8x3x!fxp.fixed<8, 0>> -> tensor<2x4x3xf32>
  %1 = fxp.contract %img, %k
         maps [affine_map<(n, h, w, f, kh, kw, c) -> (n, h + kh, w + kw, c)>,
               affine_map<(n, h, w, f, kh, kw, c) -> (kh, kw, c, f)>,
               affine_map<(n, h, w, f, kh, kw, c) -> (n, h, w, f)>] chunk 2
       : tensor<1x6x6x2x!fxp.fixed<8, 0>>, tensor<3x3x2x4x!fxp.fixed<8, 0>> -> tensor<1x4x4x4xf32>
  return %0, %1 : tensor<2x4x3xf32>, tensor<1x4x4x4xf32>
}

// Per-block DFP operands in a plain matmul: a segment per block, whose
// exponents scale its sums in the epilogue.
// VNNI-LABEL: func.func @blocks
// VNNI: fxp.exponents {{.*}} -> tensor<4x1xi32>
// VNNI: fxp.x86.vpdpwssd
// VNNI: tensor.extract %{{.*}} : tensor<4x1xi32>
// VNNI: arith.bitcast %{{.*}} : vector<16xi32> to vector<16xf32>
// VNNI-NOT: fxp.matmul
func.func @blocks(%p: !fxp.dfp<4x8, 14, block = 8, axis = 1>, %q: !fxp.dfp<8x3, 14>) -> tensor<4x3xf32> {
  %0 = fxp.matmul %p, %q chunk 32 symmetric : !fxp.dfp<4x8, 14, block = 8, axis = 1>, !fxp.dfp<8x3, 14> -> tensor<4x3xf32>
  return %0 : tensor<4x3xf32>
}

// Not rewritten: odd chunks (a pair would straddle two chunks), operands
// wider than 16 bits, odd blocks (a pair would straddle two), and a
// reduction whose inner loop has a dynamic size (the linearization needs
// constant strides).
// VNNI-LABEL: func.func @unchanged
// VNNI: fxp.matmul {{.*}} chunk 1
// VNNI: fxp.matmul {{.*}} chunk 2 {{.*}} tensor<4x8x!fxp.fixed<20, 0>>
// VNNI: fxp.matmul {{.*}} block = 5
// VNNI: fxp.contract
// VNNI-NOT: fxp.x86
func.func @unchanged(%a: tensor<4x8x!fxp.fixed<16, 0>>, %b: tensor<8x3x!fxp.fixed<16, 0>>,
                     %c: tensor<4x8x!fxp.fixed<20, 0>>, %d: tensor<8x3x!fxp.fixed<8, 0>>,
                     %p: !fxp.dfp<4x10, 14, block = 5, axis = 1>, %q: !fxp.dfp<10x3, 14>,
                     %x: tensor<4x3x?x!fxp.fixed<8, 0>>, %y: tensor<3x?x5x!fxp.fixed<8, 0>>)
    -> (tensor<4x3xf32>, tensor<4x3xf32>, tensor<4x3xf32>, tensor<4x5xf32>) {
  %0 = fxp.matmul %a, %b chunk 1 : tensor<4x8x!fxp.fixed<16, 0>>, tensor<8x3x!fxp.fixed<16, 0>> -> tensor<4x3xf32>
  %1 = fxp.matmul %c, %d chunk 2 : tensor<4x8x!fxp.fixed<20, 0>>, tensor<8x3x!fxp.fixed<8, 0>> -> tensor<4x3xf32>
  %2 = fxp.matmul %p, %q chunk 32 symmetric : !fxp.dfp<4x10, 14, block = 5, axis = 1>, !fxp.dfp<10x3, 14> -> tensor<4x3xf32>
  %3 = fxp.contract %x, %y
         maps [affine_map<(m, n, k1, k2) -> (m, k1, k2)>, affine_map<(m, n, k1, k2) -> (k1, k2, n)>,
               affine_map<(m, n, k1, k2) -> (m, n)>] chunk 2
       : tensor<4x3x?x!fxp.fixed<8, 0>>, tensor<3x?x5x!fxp.fixed<8, 0>> -> tensor<4x5xf32>
  return %0, %1, %2, %3 : tensor<4x3xf32>, tensor<4x3xf32>, tensor<4x3xf32>, tensor<4x5xf32>
}

// FP32 contractions get the same register tiles, with FMAs: a matmul starts
// from its init, a batched matmul gathers its operands per batch and adds
// its init last. Pooling shares the convolutions' interface but not their
// multiply-add body: it is left alone.
// VNNI-LABEL: func.func @f32
// VNNI: scf.for {{.*}} -> (vector<16xf32>,
// VNNI-COUNT-12: vector.fma %{{.*}} : vector<16xf32>
// VNNI: scf.for
// VNNI: vector.transfer_write {{.*}} : vector<8xf32>, tensor<6x8xf32>
// VNNI-COUNT-12: vector.fma %{{.*}} : vector<16xf32>
// VNNI: arith.addf
// VNNI-NOT: linalg.batch_matmul
// VNNI: linalg.pooling_nhwc_max
// AVX2-LABEL: func.func @f32
// AVX2-COUNT-12: vector.fma %{{.*}} : vector<8xf32>
func.func @f32(%a: tensor<?x37xf32>, %b: tensor<21x37xf32>, %c: tensor<?x21xf32>,
               %d: tensor<2x4x8xf32>, %e: tensor<2x8x3xf32>, %f: tensor<2x4x3xf32>,
               %img: tensor<1x6x6x2xf32>, %win: tensor<3x3xf32>, %pool: tensor<1x4x4x2xf32>)
    -> (tensor<?x21xf32>, tensor<2x4x3xf32>, tensor<1x4x4x2xf32>) {
  %r = linalg.matmul indexing_maps = [affine_map<(m, n, k) -> (m, k)>, affine_map<(m, n, k) -> (n, k)>, affine_map<(m, n, k) -> (m, n)>]
       ins(%a, %b : tensor<?x37xf32>, tensor<21x37xf32>) outs(%c : tensor<?x21xf32>) -> tensor<?x21xf32>
  %s = linalg.batch_matmul ins(%d, %e : tensor<2x4x8xf32>, tensor<2x8x3xf32>) outs(%f : tensor<2x4x3xf32>) -> tensor<2x4x3xf32>
  %p = linalg.pooling_nhwc_max ins(%img, %win : tensor<1x6x6x2xf32>, tensor<3x3xf32>) outs(%pool : tensor<1x4x4x2xf32>) -> tensor<1x4x4x2xf32>
  return %r, %s, %p : tensor<?x21xf32>, tensor<2x4x3xf32>, tensor<1x4x4x2xf32>
}

// An operand that fxp.quantize_dfp quantizes with round-to-nearest for the
// matmul alone is packed from its floats, quantized as they are read: its
// mantissas are never stored. The symmetric contraction still clamps them at
// -qmax (the quantization saturates at qmin). Other operands (here B, a
// function argument) pack their storage.
// VNNI-LABEL: func.func @quantized_operand
// VNNI-NOT: fxp.quantize_dfp
// VNNI: %[[QMAX:.*]] = arith.constant dense<-8191> : vector<32xi16>
// VNNI: fxp.mantissas %[[B:.*]] : !fxp.dfp<33x40, 14>
// VNNI: vector.transfer_read %[[A:.*]][%{{.*}}, %{{.*}}], %{{.*}} {in_bounds = [true]} : tensor<20x33xf32>, vector<32xf32>
// VNNI: math.roundeven %{{.*}} : vector<32xf32>
// VNNI: arith.fptosi %{{.*}} : vector<32xf32> to vector<32xi16>
// VNNI: arith.maxsi %{{.*}}, %[[QMAX]] : vector<32xi16>
// VNNI: vector.bitcast %{{.*}} : vector<32xi16> to vector<16xi32>
// VNNI: vector.transfer_read {{.*}} : tensor<33x40xi16>, vector<32xi16>
// VNNI: fxp.x86.vpdpwssd
// AVX2-LABEL: func.func @quantized_operand
// AVX2: vector.transfer_read {{.*}} : tensor<20x33xf32>, vector<16xf32>
// AVX2: vector.transfer_read {{.*}} : tensor<33x40xi16>, vector<16xi16>
// AVX2: vector.extract_strided_slice %{{.*}} {offsets = [8], sizes = [8], strides = [1]} : vector<16xi32> to vector<8xi32>
// AVX2: fxp.x86.vpmaddwd
func.func @quantized_operand(%a: tensor<20x33xf32>, %ea: tensor<i32>, %b: !fxp.dfp<33x40, 14>) -> tensor<20x40xf32> {
  %da = fxp.quantize_dfp %a, %ea overflow <saturate> : tensor<20x33xf32>, tensor<i32> -> !fxp.dfp<20x33, 14>
  %c = fxp.matmul %da, %b chunk 32 symmetric : !fxp.dfp<20x33, 14>, !fxp.dfp<33x40, 14> -> tensor<20x40xf32>
  return %c : tensor<20x40xf32>
}

// A quantized value that something else uses too is stored anyway: the
// matmul packs its mantissas rather than quantize a second time.
// VNNI-LABEL: func.func @shared_quantized_operand
// VNNI: fxp.quantize_dfp
// VNNI-NOT: vector<32xf32>
// VNNI: fxp.x86.vpdpwssd
func.func @shared_quantized_operand(%a: tensor<20x33xf32>, %ea: tensor<i32>, %b: !fxp.dfp<33x40, 14>) -> (tensor<20x40xf32>, !fxp.dfp<20x33, 14>) {
  %da = fxp.quantize_dfp %a, %ea overflow <saturate> : tensor<20x33xf32>, tensor<i32> -> !fxp.dfp<20x33, 14>
  %c = fxp.matmul %da, %b chunk 32 symmetric : !fxp.dfp<20x33, 14>, !fxp.dfp<33x40, 14> -> tensor<20x40xf32>
  return %c, %da : tensor<20x40xf32>, !fxp.dfp<20x33, 14>
}

// Stochastic rounding keeps its own pass (its random bits follow the
// element's index in the quantized tensor).
// VNNI-LABEL: func.func @stochastic_operand
// VNNI: fxp.quantize_dfp
// VNNI: fxp.x86.vpdpwssd
func.func @stochastic_operand(%a: tensor<20x33xf32>, %ea: tensor<i32>, %b: !fxp.dfp<33x40, 14>, %seed: i64) -> tensor<20x40xf32> {
  %da = fxp.quantize_dfp %a, %ea rounding <stochastic> overflow <saturate_symmetric> seed %seed stream 3 : tensor<20x33xf32>, tensor<i32> -> !fxp.dfp<20x33, 14>
  %c = fxp.matmul %da, %b chunk 32 symmetric : !fxp.dfp<20x33, 14>, !fxp.dfp<33x40, 14> -> tensor<20x40xf32>
  return %c : tensor<20x40xf32>
}

// A loop sized only by the result's `sizes` (a dynamic output position)
// takes its size from them: m is that loop.
// VNNI-LABEL: func.func @contract_sizes
// VNNI-SAME:    %[[N:[^:]*]]: index) -> tensor<?xf32>
// VNNI:         %[[SHAPE:.*]] = tensor.empty(%[[N]]) : tensor<?xf32>
// VNNI:         %[[M:.*]] = tensor.dim %[[SHAPE]], %{{.*}} : tensor<?xf32>
// VNNI:         fxp.x86.vpdpwssd
// VNNI-NOT:     fxp.contract
// AVX2-LABEL: func.func @contract_sizes
// AVX2:         fxp.x86.vpmaddwd
// AVX2-NOT:     fxp.contract
func.func @contract_sizes(%x: tensor<?x!fxp.fixed<14, 12>>, %k: tensor<3x!fxp.fixed<14, 12>>, %n: index) -> tensor<?xf32> {
  %0 = fxp.contract %x, %k sizes(%n)
         maps [affine_map<(o, w) -> (o + w)>, affine_map<(o, w) -> (w)>, affine_map<(o, w) -> (o)>]
         chunk 32 symmetric : tensor<?x!fxp.fixed<14, 12>>, tensor<3x!fxp.fixed<14, 12>> -> tensor<?xf32>
  return %0 : tensor<?xf32>
}
