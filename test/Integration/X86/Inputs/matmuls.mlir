// Matmuls whose shapes are not multiples of any tile, in every layout, with
// fixed-point and DFP operands of 8 to 16 bits, adversarial magnitudes and
// several chunks, then convolutions (NHWC with an even channel count, NCHW
// with an odd window, a weight gradient) and a batched contraction with a
// transposed result; main prints every result's bits.
func.func @fixed(%a: tensor<13x37x!fxp.fixed<16, 8>>, %b: tensor<37x21x!fxp.fixed<16, 8>>) -> tensor<13x21xf32> attributes {no_inline} {
  %c = fxp.matmul %a, %b chunk 2 symmetric : tensor<13x37x!fxp.fixed<16, 8>>, tensor<37x21x!fxp.fixed<16, 8>> -> tensor<13x21xf32>
  return %c : tensor<13x21xf32>
}
func.func @transposed(%a: tensor<37x13x!fxp.fixed<14, 8>>, %b: tensor<21x37x!fxp.fixed<14, 3>>) -> tensor<13x21xf32> attributes {no_inline} {
  %c = fxp.matmul %a, %b chunk 32 symmetric transpose_a transpose_b : tensor<37x13x!fxp.fixed<14, 8>>, tensor<21x37x!fxp.fixed<14, 3>> -> tensor<13x21xf32>
  return %c : tensor<13x21xf32>
}
func.func @narrow(%a: tensor<7x300x!fxp.fixed<8, 2>>, %b: tensor<300x33x!fxp.fixed<8, 2>>) -> tensor<7x33xf32> attributes {no_inline} {
  %c = fxp.matmul %a, %b chunk 8190 : tensor<7x300x!fxp.fixed<8, 2>>, tensor<300x33x!fxp.fixed<8, 2>> -> tensor<7x33xf32>
  return %c : tensor<7x33xf32>
}
func.func @dfp(%x: tensor<13x37xf32>, %y: tensor<21x37xf32>, %seed: i64) -> tensor<13x21xf32> attributes {no_inline} {
  %ex = fxp.shared_exponent %x width 14 : tensor<13x37xf32> -> tensor<i32>
  %dx = fxp.quantize_dfp %x, %ex rounding <stochastic> overflow <saturate_symmetric> seed %seed stream 1 : tensor<13x37xf32>, tensor<i32> -> !fxp.dfp<13x37, 14>
  %ey = fxp.shared_exponent %y width 14 : tensor<21x37xf32> -> tensor<i32>
  %dy = fxp.quantize_dfp %y, %ey rounding <stochastic> overflow <saturate_symmetric> seed %seed stream 2 : tensor<21x37xf32>, tensor<i32> -> !fxp.dfp<21x37, 14>
  %c = fxp.contract %dx, %dy maps [affine_map<(i, j, k) -> (i, k)>, affine_map<(i, j, k) -> (j, k)>, affine_map<(i, j, k) -> (i, j)>]
         chunk 32 symmetric : !fxp.dfp<13x37, 14>, !fxp.dfp<21x37, 14> -> tensor<13x21xf32>
  return %c : tensor<13x21xf32>
}
func.func @conv_nhwc(%in: tensor<2x9x10x6x!fxp.fixed<16, 8>>, %f: tensor<3x3x6x7x!fxp.fixed<16, 8>>) -> tensor<2x7x8x7xf32> attributes {no_inline} {
  %c = fxp.contract %in, %f maps [affine_map<(n, h, w, f, kh, kw, c) -> (n, h + kh, w + kw, c)>, affine_map<(n, h, w, f, kh, kw, c) -> (kh, kw, c, f)>, affine_map<(n, h, w, f, kh, kw, c) -> (n, h, w, f)>]
         chunk 2 symmetric : tensor<2x9x10x6x!fxp.fixed<16, 8>>, tensor<3x3x6x7x!fxp.fixed<16, 8>> -> tensor<2x7x8x7xf32>
  return %c : tensor<2x7x8x7xf32>
}
func.func @conv_nchw(%in: tensor<?x5x9x10x!fxp.fixed<14, 6>>, %f: tensor<7x5x3x3x!fxp.fixed<14, 6>>) -> tensor<?x7x7x8xf32> attributes {no_inline} {
  %c = fxp.contract %in, %f maps [affine_map<(n, f, h, w, c, kh, kw) -> (n, c, h + kh, w + kw)>, affine_map<(n, f, h, w, c, kh, kw) -> (f, c, kh, kw)>, affine_map<(n, f, h, w, c, kh, kw) -> (n, f, h, w)>]
         chunk 32 symmetric : tensor<?x5x9x10x!fxp.fixed<14, 6>>, tensor<7x5x3x3x!fxp.fixed<14, 6>> -> tensor<?x7x7x8xf32>
  return %c : tensor<?x7x7x8xf32>
}
func.func @conv_weight_gradient(%in: tensor<2x9x10x6x!fxp.fixed<12, 4>>, %dy: tensor<2x7x8x7x!fxp.fixed<12, 4>>) -> tensor<3x3x6x7xf32> attributes {no_inline} {
  %c = fxp.contract %in, %dy maps [affine_map<(kh, kw, c, f, n, h, w) -> (n, h + kh, w + kw, c)>, affine_map<(kh, kw, c, f, n, h, w) -> (n, h, w, f)>, affine_map<(kh, kw, c, f, n, h, w) -> (kh, kw, c, f)>]
         chunk 100 : tensor<2x9x10x6x!fxp.fixed<12, 4>>, tensor<2x7x8x7x!fxp.fixed<12, 4>> -> tensor<3x3x6x7xf32>
  return %c : tensor<3x3x6x7xf32>
}
func.func @batched(%a: tensor<3x37x13x!fxp.fixed<16, 8>>, %b: tensor<3x21x37x!fxp.fixed<16, 8>>) -> tensor<3x21x13xf32> attributes {no_inline} {
  %c = fxp.contract %a, %b maps [affine_map<(b, i, j, k) -> (b, k, i)>, affine_map<(b, i, j, k) -> (b, j, k)>, affine_map<(b, i, j, k) -> (b, j, i)>]
         saturating symmetric : tensor<3x37x13x!fxp.fixed<16, 8>>, tensor<3x21x37x!fxp.fixed<16, 8>> -> tensor<3x21x13xf32>
  return %c : tensor<3x21x13xf32>
}
func.func private @printMemrefI32(tensor<*xi32>)
func.func @print(%t: tensor<?x?xf32>) {
  %bits = arith.bitcast %t : tensor<?x?xf32> to tensor<?x?xi32>
  %u = tensor.cast %bits : tensor<?x?xi32> to tensor<*xi32>
  call @printMemrefI32(%u) : (tensor<*xi32>) -> ()
  return
}
func.func @main() {
  // Pseudo-random i16 values covering the whole range, qmin included.
  %x = tensor.generate {
  ^bb0(%i: index, %j: index):
    %ii = arith.index_cast %i : index to i32
    %jj = arith.index_cast %j : index to i32
    %p = arith.muli %ii, %jj : i32
    %q = arith.addi %p, %ii : i32
    %c = arith.constant 7919 : i32
    %r = arith.muli %q, %c : i32
    %u = arith.trunci %r : i32 to i16
    tensor.yield %u : i16
  } : tensor<300x300xi16>
  %a16 = tensor.extract_slice %x[0, 0] [13, 37] [1, 1] : tensor<300x300xi16> to tensor<13x37xi16>
  %b16 = tensor.extract_slice %x[1, 5] [37, 21] [1, 1] : tensor<300x300xi16> to tensor<37x21xi16>
  %a = fxp.from_storage %a16 : tensor<13x37xi16> -> tensor<13x37x!fxp.fixed<16, 8>>
  %b = fxp.from_storage %b16 : tensor<37x21xi16> -> tensor<37x21x!fxp.fixed<16, 8>>
  %r0 = call @fixed(%a, %b) : (tensor<13x37x!fxp.fixed<16, 8>>, tensor<37x21x!fxp.fixed<16, 8>>) -> tensor<13x21xf32>
  %p0 = tensor.cast %r0 : tensor<13x21xf32> to tensor<?x?xf32>
  call @print(%p0) : (tensor<?x?xf32>) -> ()
  %at16 = tensor.extract_slice %x[2, 0] [37, 13] [1, 1] : tensor<300x300xi16> to tensor<37x13xi16>
  %bt16 = tensor.extract_slice %x[0, 3] [21, 37] [1, 1] : tensor<300x300xi16> to tensor<21x37xi16>
  %at = fxp.from_storage %at16 : tensor<37x13xi16> -> tensor<37x13x!fxp.fixed<14, 8>>
  %bt = fxp.from_storage %bt16 : tensor<21x37xi16> -> tensor<21x37x!fxp.fixed<14, 3>>
  %r1 = call @transposed(%at, %bt) : (tensor<37x13x!fxp.fixed<14, 8>>, tensor<21x37x!fxp.fixed<14, 3>>) -> tensor<13x21xf32>
  %p1 = tensor.cast %r1 : tensor<13x21xf32> to tensor<?x?xf32>
  call @print(%p1) : (tensor<?x?xf32>) -> ()
  // 8-bit operands at their extremes: long chunks sum to the i32 bound.
  %n8 = tensor.generate {
  ^bb0(%i: index, %j: index):
    %s = arith.addi %i, %j : index
    %two = arith.constant 2 : index
    %odd = arith.remui %s, %two : index
    %is = arith.index_cast %odd : index to i32
    %lo = arith.constant -128 : i8
    %hi = arith.constant 127 : i8
    %c0 = arith.constant 0 : i32
    %e = arith.cmpi eq, %is, %c0 : i32
    %v = arith.select %e, %lo, %hi : i8
    tensor.yield %v : i8
  } : tensor<300x300xi8>
  %a8 = tensor.extract_slice %n8[0, 0] [7, 300] [1, 1] : tensor<300x300xi8> to tensor<7x300xi8>
  %b8 = tensor.extract_slice %n8[0, 0] [300, 33] [1, 1] : tensor<300x300xi8> to tensor<300x33xi8>
  %an = fxp.from_storage %a8 : tensor<7x300xi8> -> tensor<7x300x!fxp.fixed<8, 2>>
  %bn = fxp.from_storage %b8 : tensor<300x33xi8> -> tensor<300x33x!fxp.fixed<8, 2>>
  %r2 = call @narrow(%an, %bn) : (tensor<7x300x!fxp.fixed<8, 2>>, tensor<300x33x!fxp.fixed<8, 2>>) -> tensor<7x33xf32>
  %p2 = tensor.cast %r2 : tensor<7x33xf32> to tensor<?x?xf32>
  call @print(%p2) : (tensor<?x?xf32>) -> ()
  %xf = arith.sitofp %a16 : tensor<13x37xi16> to tensor<13x37xf32>
  %yf = arith.sitofp %bt16 : tensor<21x37xi16> to tensor<21x37xf32>
  %seed = arith.constant 77 : i64
  %r3 = call @dfp(%xf, %yf, %seed) : (tensor<13x37xf32>, tensor<21x37xf32>, i64) -> tensor<13x21xf32>
  %p3 = tensor.cast %r3 : tensor<13x21xf32> to tensor<?x?xf32>
  call @print(%p3) : (tensor<?x?xf32>) -> ()
  %in16 = tensor.generate {
  ^bb0(%i0: index, %i1: index, %i2: index, %i3: index):
    %linin16 = affine.apply affine_map<(d0, d1, d2, d3) -> (d0 * 1 + d1 * 31 + d2 * 97 + d3 * 389)>(%i0, %i1, %i2, %i3)
    %l32in16 = arith.index_cast %linin16 : index to i32
    %sqin16 = arith.muli %l32in16, %l32in16 : i32
    %kin16 = arith.constant 7919 : i32
    %rin16 = arith.muli %sqin16, %kin16 : i32
    %uin16 = arith.trunci %rin16 : i32 to i16
    tensor.yield %uin16 : i16
  } : tensor<2x9x10x6xi16>
  %f16 = tensor.generate {
  ^bb0(%i0: index, %i1: index, %i2: index, %i3: index):
    %linf16 = affine.apply affine_map<(d0, d1, d2, d3) -> (d0 * 1 + d1 * 31 + d2 * 97 + d3 * 389)>(%i0, %i1, %i2, %i3)
    %l32f16 = arith.index_cast %linf16 : index to i32
    %sqf16 = arith.muli %l32f16, %l32f16 : i32
    %kf16 = arith.constant 7919 : i32
    %rf16 = arith.muli %sqf16, %kf16 : i32
    %uf16 = arith.trunci %rf16 : i32 to i16
    tensor.yield %uf16 : i16
  } : tensor<3x3x6x7xi16>
  %inc16 = tensor.generate {
  ^bb0(%i0: index, %i1: index, %i2: index, %i3: index):
    %lininc16 = affine.apply affine_map<(d0, d1, d2, d3) -> (d0 * 1 + d1 * 31 + d2 * 97 + d3 * 389)>(%i0, %i1, %i2, %i3)
    %l32inc16 = arith.index_cast %lininc16 : index to i32
    %sqinc16 = arith.muli %l32inc16, %l32inc16 : i32
    %kinc16 = arith.constant 7919 : i32
    %rinc16 = arith.muli %sqinc16, %kinc16 : i32
    %uinc16 = arith.trunci %rinc16 : i32 to i16
    tensor.yield %uinc16 : i16
  } : tensor<2x5x9x10xi16>
  %fc16 = tensor.generate {
  ^bb0(%i0: index, %i1: index, %i2: index, %i3: index):
    %linfc16 = affine.apply affine_map<(d0, d1, d2, d3) -> (d0 * 1 + d1 * 31 + d2 * 97 + d3 * 389)>(%i0, %i1, %i2, %i3)
    %l32fc16 = arith.index_cast %linfc16 : index to i32
    %sqfc16 = arith.muli %l32fc16, %l32fc16 : i32
    %kfc16 = arith.constant 7919 : i32
    %rfc16 = arith.muli %sqfc16, %kfc16 : i32
    %ufc16 = arith.trunci %rfc16 : i32 to i16
    tensor.yield %ufc16 : i16
  } : tensor<7x5x3x3xi16>
  %dy16 = tensor.generate {
  ^bb0(%i0: index, %i1: index, %i2: index, %i3: index):
    %lindy16 = affine.apply affine_map<(d0, d1, d2, d3) -> (d0 * 1 + d1 * 31 + d2 * 97 + d3 * 389)>(%i0, %i1, %i2, %i3)
    %l32dy16 = arith.index_cast %lindy16 : index to i32
    %sqdy16 = arith.muli %l32dy16, %l32dy16 : i32
    %kdy16 = arith.constant 7919 : i32
    %rdy16 = arith.muli %sqdy16, %kdy16 : i32
    %udy16 = arith.trunci %rdy16 : i32 to i16
    tensor.yield %udy16 : i16
  } : tensor<2x7x8x7xi16>
  %ba16 = tensor.generate {
  ^bb0(%i0: index, %i1: index, %i2: index):
    %linba16 = affine.apply affine_map<(d0, d1, d2) -> (d0 * 1 + d1 * 31 + d2 * 97)>(%i0, %i1, %i2)
    %l32ba16 = arith.index_cast %linba16 : index to i32
    %sqba16 = arith.muli %l32ba16, %l32ba16 : i32
    %kba16 = arith.constant 7919 : i32
    %rba16 = arith.muli %sqba16, %kba16 : i32
    %uba16 = arith.trunci %rba16 : i32 to i16
    tensor.yield %uba16 : i16
  } : tensor<3x37x13xi16>
  %bb16 = tensor.generate {
  ^bb0(%i0: index, %i1: index, %i2: index):
    %linbb16 = affine.apply affine_map<(d0, d1, d2) -> (d0 * 1 + d1 * 31 + d2 * 97)>(%i0, %i1, %i2)
    %l32bb16 = arith.index_cast %linbb16 : index to i32
    %sqbb16 = arith.muli %l32bb16, %l32bb16 : i32
    %kbb16 = arith.constant 7919 : i32
    %rbb16 = arith.muli %sqbb16, %kbb16 : i32
    %ubb16 = arith.trunci %rbb16 : i32 to i16
    tensor.yield %ubb16 : i16
  } : tensor<3x21x37xi16>
  %in = fxp.from_storage %in16 : tensor<2x9x10x6xi16> -> tensor<2x9x10x6x!fxp.fixed<16, 8>>
  %fl = fxp.from_storage %f16 : tensor<3x3x6x7xi16> -> tensor<3x3x6x7x!fxp.fixed<16, 8>>
  %r4 = call @conv_nhwc(%in, %fl) : (tensor<2x9x10x6x!fxp.fixed<16, 8>>, tensor<3x3x6x7x!fxp.fixed<16, 8>>) -> tensor<2x7x8x7xf32>
  %f4 = tensor.collapse_shape %r4 [[0, 1, 2], [3]] : tensor<2x7x8x7xf32> into tensor<112x7xf32>
  %p4 = tensor.cast %f4 : tensor<112x7xf32> to tensor<?x?xf32>
  call @print(%p4) : (tensor<?x?xf32>) -> ()
  %inc = fxp.from_storage %inc16 : tensor<2x5x9x10xi16> -> tensor<2x5x9x10x!fxp.fixed<14, 6>>
  %incd = tensor.cast %inc : tensor<2x5x9x10x!fxp.fixed<14, 6>> to tensor<?x5x9x10x!fxp.fixed<14, 6>>
  %fc = fxp.from_storage %fc16 : tensor<7x5x3x3xi16> -> tensor<7x5x3x3x!fxp.fixed<14, 6>>
  %r5 = call @conv_nchw(%incd, %fc) : (tensor<?x5x9x10x!fxp.fixed<14, 6>>, tensor<7x5x3x3x!fxp.fixed<14, 6>>) -> tensor<?x7x7x8xf32>
  %f5 = tensor.collapse_shape %r5 [[0, 1, 2], [3]] : tensor<?x7x7x8xf32> into tensor<?x8xf32>
  %p5 = tensor.cast %f5 : tensor<?x8xf32> to tensor<?x?xf32>
  call @print(%p5) : (tensor<?x?xf32>) -> ()
  %in12 = fxp.from_storage %in16 : tensor<2x9x10x6xi16> -> tensor<2x9x10x6x!fxp.fixed<16, 4>>
  %in12s = fxp.saturate %in12 : tensor<2x9x10x6x!fxp.fixed<16, 4>> -> tensor<2x9x10x6x!fxp.fixed<12, 4>>
  %dy = fxp.from_storage %dy16 : tensor<2x7x8x7xi16> -> tensor<2x7x8x7x!fxp.fixed<16, 4>>
  %dys = fxp.saturate %dy : tensor<2x7x8x7x!fxp.fixed<16, 4>> -> tensor<2x7x8x7x!fxp.fixed<12, 4>>
  %r6 = call @conv_weight_gradient(%in12s, %dys) : (tensor<2x9x10x6x!fxp.fixed<12, 4>>, tensor<2x7x8x7x!fxp.fixed<12, 4>>) -> tensor<3x3x6x7xf32>
  %f6 = tensor.collapse_shape %r6 [[0, 1, 2], [3]] : tensor<3x3x6x7xf32> into tensor<54x7xf32>
  %p6 = tensor.cast %f6 : tensor<54x7xf32> to tensor<?x?xf32>
  call @print(%p6) : (tensor<?x?xf32>) -> ()
  %ba = fxp.from_storage %ba16 : tensor<3x37x13xi16> -> tensor<3x37x13x!fxp.fixed<16, 8>>
  %bb = fxp.from_storage %bb16 : tensor<3x21x37xi16> -> tensor<3x21x37x!fxp.fixed<16, 8>>
  %r7 = call @batched(%ba, %bb) : (tensor<3x37x13x!fxp.fixed<16, 8>>, tensor<3x21x37x!fxp.fixed<16, 8>>) -> tensor<3x21x13xf32>
  %f7 = tensor.collapse_shape %r7 [[0, 1], [2]] : tensor<3x21x13xf32> into tensor<63x13xf32>
  %p7 = tensor.cast %f7 : tensor<63x13xf32> to tensor<?x?xf32>
  call @print(%p7) : (tensor<?x?xf32>) -> ()
  return
}
