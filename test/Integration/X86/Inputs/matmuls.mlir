// Matmuls whose shapes are not multiples of any tile, in every layout, with
// fixed-point and DFP operands of 8 to 16 bits, adversarial magnitudes and
// several chunks; main prints every result's bits.
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
  return
}
