// RUN: fxp-opt %s -canonicalize -split-input-file | FileCheck %s

// CHECK-LABEL: func.func @fold_quantize
// CHECK: %[[C:.*]] = fxp.constant dense<[24, -4, 127, -128, 0, 0, 0]> : tensor<7xi8> -> tensor<7x!fxp.fixed<8, 4>>
// CHECK: return %[[C]]
func.func @fold_quantize() -> tensor<7x!fxp.fixed<8, 4>> {
  // 1.5, -0.25, beyond range both ways, a tie (0.5 ulp, rounds to even 0),
  // NaN, and -0.0.
  %x = arith.constant dense<[1.5, -0.25, 100.0, -1.0e30, 0.03125, 0x7FC00000, -0.0]> : tensor<7xf32>
  %q = fxp.quantize %x : tensor<7xf32> -> tensor<7x!fxp.fixed<8, 4>>
  return %q : tensor<7x!fxp.fixed<8, 4>>
}

// -----

// CHECK-LABEL: func.func @fold_quantize_modes
// CHECK-DAG: fxp.constant dense<[1, -1, 0]> : tensor<3xi8> -> tensor<3x!fxp.fixed<8, 4>>
// CHECK-DAG: fxp.constant dense<[0, -1, 0]> : tensor<3xi8> -> tensor<3x!fxp.fixed<8, 4>>
// CHECK-DAG: fxp.constant dense<0> : tensor<3xi8> -> tensor<3x!fxp.fixed<8, 4>>
// CHECK-DAG: fxp.constant dense<[1, 0, 0]> : tensor<3xi8> -> tensor<3x!fxp.fixed<8, 4>>
// CHECK-DAG: fxp.constant dense<[1, -1, 1]> : tensor<3xi8> -> tensor<3x!fxp.fixed<8, 4>>
func.func @fold_quantize_modes() -> (tensor<3x!fxp.fixed<8, 4>>, tensor<3x!fxp.fixed<8, 4>>,
    tensor<3x!fxp.fixed<8, 4>>, tensor<3x!fxp.fixed<8, 4>>, tensor<3x!fxp.fixed<8, 4>>) {
  // t = 0.5, -0.5, 0.25 + 2^-6 (just above a quarter: biased rounds it up).
  %x = arith.constant dense<[0.03125, -0.03125, 0.0166015625]> : tensor<3xf32>
  %a = fxp.quantize %x rounding <nearest_away> : tensor<3xf32> -> tensor<3x!fxp.fixed<8, 4>>
  %b = fxp.quantize %x rounding <floor> : tensor<3xf32> -> tensor<3x!fxp.fixed<8, 4>>
  %c = fxp.quantize %x rounding <toward_zero> : tensor<3xf32> -> tensor<3x!fxp.fixed<8, 4>>
  %d = fxp.quantize %x rounding <nearest_up> : tensor<3xf32> -> tensor<3x!fxp.fixed<8, 4>>
  %e = fxp.quantize %x rounding <biased> : tensor<3xf32> -> tensor<3x!fxp.fixed<8, 4>>
  return %a, %b, %c, %d, %e : tensor<3x!fxp.fixed<8, 4>>, tensor<3x!fxp.fixed<8, 4>>,
    tensor<3x!fxp.fixed<8, 4>>, tensor<3x!fxp.fixed<8, 4>>, tensor<3x!fxp.fixed<8, 4>>
}

// -----

// Exact values need no random bits: a constant seed folds, a variable one does not.
// CHECK-LABEL: func.func @fold_stochastic
// CHECK-SAME: (%[[SEED:.*]]: i64)
// CHECK-DAG: %[[C:.*]] = fxp.constant dense<[24, -4]> : tensor<2xi8> -> tensor<2x!fxp.fixed<8, 4>>
// CHECK-DAG: %[[V:.*]] = fxp.quantize %{{.*}} rounding <stochastic> seed %[[SEED]] stream 2
// CHECK: return %[[C]], %[[V]]
func.func @fold_stochastic(%seed: i64) -> (tensor<2x!fxp.fixed<8, 4>>, tensor<2x!fxp.fixed<8, 4>>) {
  %x = arith.constant dense<[1.5, -0.25]> : tensor<2xf32>
  %s = arith.constant 42 : i64
  %a = fxp.quantize %x rounding <stochastic> seed %s stream 1 : tensor<2xf32> -> tensor<2x!fxp.fixed<8, 4>>
  %b = fxp.quantize %x rounding <stochastic> seed %seed stream 2 : tensor<2xf32> -> tensor<2x!fxp.fixed<8, 4>>
  return %a, %b : tensor<2x!fxp.fixed<8, 4>>, tensor<2x!fxp.fixed<8, 4>>
}

// -----

// CHECK-LABEL: func.func @fold_scalar
// CHECK: fxp.constant -3 : i32 -> !fxp.fixed<20, -2>
func.func @fold_scalar() -> !fxp.fixed<20, -2> {
  %x = arith.constant -10.0 : f32
  %q = fxp.quantize %x rounding <floor> : f32 -> !fxp.fixed<20, -2>
  return %q : !fxp.fixed<20, -2>
}

// -----

// CHECK-LABEL: func.func @fold_dequantize
// CHECK: %[[C:.*]] = arith.constant dense<[1.500000e+00, -2.500000e-01, -1.280000e+02]> : tensor<3xf32>
// CHECK: return %[[C]]
func.func @fold_dequantize() -> tensor<3xf32> {
  %q = fxp.constant dense<[384, -64, -32768]> : tensor<3xi16> -> tensor<3x!fxp.fixed<16, 8>>
  %x = fxp.dequantize %q : tensor<3x!fxp.fixed<16, 8>> -> tensor<3xf32>
  return %x : tensor<3xf32>
}

// -----

// CHECK-LABEL: func.func @fold_rescale
// CHECK-DAG: fxp.constant dense<[24, -4, 127, -128]> : tensor<4xi8> -> tensor<4x!fxp.fixed<8, 4>>
// CHECK-DAG: fxp.constant dense<[24, -4, 0, 0]> : tensor<4xi8> -> tensor<4x!fxp.fixed<8, 4>>
func.func @fold_rescale() -> (tensor<4x!fxp.fixed<8, 4>>, tensor<4x!fxp.fixed<8, 4>>) {
  %q = fxp.constant dense<[384, -64, 32767, -32768]> : tensor<4xi16> -> tensor<4x!fxp.fixed<16, 8>>
  %a = fxp.rescale %q : tensor<4x!fxp.fixed<16, 8>> -> tensor<4x!fxp.fixed<8, 4>>
  %b = fxp.rescale %q overflow <wrap> : tensor<4x!fxp.fixed<16, 8>> -> tensor<4x!fxp.fixed<8, 4>>
  return %a, %b : tensor<4x!fxp.fixed<8, 4>>, tensor<4x!fxp.fixed<8, 4>>
}

// -----

// CHECK-LABEL: func.func @identity_rescale
// CHECK-SAME: (%[[X:.*]]: tensor<4x!fxp.fixed<16, 8>>)
// CHECK-NEXT: return %[[X]]
func.func @identity_rescale(%x: tensor<4x!fxp.fixed<16, 8>>) -> tensor<4x!fxp.fixed<16, 8>> {
  %0 = fxp.rescale %x : tensor<4x!fxp.fixed<16, 8>> -> tensor<4x!fxp.fixed<16, 8>>
  return %0 : tensor<4x!fxp.fixed<16, 8>>
}

// -----

// A symmetric saturation maps qmin to -qmax: not an identity.
// CHECK-LABEL: func.func @identity_rescale_symmetric
// CHECK: fxp.rescale %{{.*}} overflow <saturate_symmetric>
func.func @identity_rescale_symmetric(%x: tensor<4x!fxp.fixed<16, 8>>) -> tensor<4x!fxp.fixed<16, 8>> {
  %0 = fxp.rescale %x overflow <saturate_symmetric> : tensor<4x!fxp.fixed<16, 8>> -> tensor<4x!fxp.fixed<16, 8>>
  return %0 : tensor<4x!fxp.fixed<16, 8>>
}

// -----

// An exact widening followed by a rounding rescale rounds once.
// CHECK-LABEL: func.func @rescale_chain
// CHECK-SAME: (%[[X:.*]]: !fxp.fixed<16, 8>)
// CHECK-NEXT: %[[R:.*]] = fxp.rescale %[[X]] rounding <floor> : !fxp.fixed<16, 8> -> !fxp.fixed<8, 2>
// CHECK-NEXT: return %[[R]]
func.func @rescale_chain(%x: !fxp.fixed<16, 8>) -> !fxp.fixed<8, 2> {
  %0 = fxp.rescale %x : !fxp.fixed<16, 8> -> !fxp.fixed<32, 12>
  %1 = fxp.rescale %0 rounding <floor> : !fxp.fixed<32, 12> -> !fxp.fixed<8, 2>
  return %1 : !fxp.fixed<8, 2>
}

// -----

// A symmetric widening with the same integer bits can meet its qmin, so it
// is not exact (with an integer bit to spare, the verifier rejects it).
// CHECK-LABEL: func.func @rescale_chain_symmetric
// CHECK-SAME: (%[[X:.*]]: !fxp.fixed<16, 8>)
// CHECK-NEXT: %[[S:.*]] = fxp.rescale %[[X]] overflow <saturate_symmetric> : !fxp.fixed<16, 8> -> !fxp.fixed<20, 12>
// CHECK-NEXT: %[[B:.*]] = fxp.rescale %[[S]] : !fxp.fixed<20, 12> -> !fxp.fixed<32, 8>
// CHECK-NEXT: return %[[B]]
func.func @rescale_chain_symmetric(%x: !fxp.fixed<16, 8>) -> !fxp.fixed<32, 8> {
  %0 = fxp.rescale %x overflow <saturate_symmetric> : !fxp.fixed<16, 8> -> !fxp.fixed<20, 12>
  %1 = fxp.rescale %0 : !fxp.fixed<20, 12> -> !fxp.fixed<32, 8>
  return %1 : !fxp.fixed<32, 8>
}

// -----

// The first rescale rounds: folding the chain would round differently.
// CHECK-LABEL: func.func @rescale_chain_lossy
// CHECK: fxp.rescale
// CHECK: fxp.rescale
func.func @rescale_chain_lossy(%x: !fxp.fixed<16, 8>) -> !fxp.fixed<8, 2> {
  %0 = fxp.rescale %x : !fxp.fixed<16, 8> -> !fxp.fixed<16, 4>
  %1 = fxp.rescale %0 rounding <floor> : !fxp.fixed<16, 4> -> !fxp.fixed<8, 2>
  return %1 : !fxp.fixed<8, 2>
}

// -----

// CHECK-LABEL: func.func @quantize_dequantize
// CHECK-SAME: (%[[X:.*]]: tensor<4x!fxp.fixed<24, 8>>)
// CHECK-NEXT: return %[[X]]
func.func @quantize_dequantize(%x: tensor<4x!fxp.fixed<24, 8>>) -> tensor<4x!fxp.fixed<24, 8>> {
  %0 = fxp.dequantize %x : tensor<4x!fxp.fixed<24, 8>> -> tensor<4xf32>
  %1 = fxp.quantize %0 rounding <floor> : tensor<4xf32> -> tensor<4x!fxp.fixed<24, 8>>
  return %1 : tensor<4x!fxp.fixed<24, 8>>
}

// -----

// 32-bit values need not be exact in f32: the round trip must stay.
// CHECK-LABEL: func.func @quantize_dequantize_wide
// CHECK: fxp.dequantize
// CHECK: fxp.quantize
func.func @quantize_dequantize_wide(%x: !fxp.fixed<32, 8>) -> !fxp.fixed<32, 8> {
  %0 = fxp.dequantize %x : !fxp.fixed<32, 8> -> f32
  %1 = fxp.quantize %0 : f32 -> !fxp.fixed<32, 8>
  return %1 : !fxp.fixed<32, 8>
}

// -----

// CHECK-LABEL: func.func @quantize_dequantize_other_type
// CHECK: fxp.dequantize
// CHECK: fxp.quantize
func.func @quantize_dequantize_other_type(%x: !fxp.fixed<16, 8>) -> !fxp.fixed<16, 4> {
  %0 = fxp.dequantize %x : !fxp.fixed<16, 8> -> f32
  %1 = fxp.quantize %0 : f32 -> !fxp.fixed<16, 4>
  return %1 : !fxp.fixed<16, 4>
}

// -----

// CHECK-LABEL: func.func @fold_saturate
// CHECK: fxp.constant dense<[-127, 127, 5]> : tensor<3xi8> -> tensor<3x!fxp.fixed<8, 0>>
func.func @fold_saturate() -> tensor<3x!fxp.fixed<8, 0>> {
  %q = fxp.constant dense<[-128, 127, 5]> : tensor<3xi8> -> tensor<3x!fxp.fixed<8, 0>>
  %s = fxp.saturate %q symmetric : tensor<3x!fxp.fixed<8, 0>> -> tensor<3x!fxp.fixed<8, 0>>
  return %s : tensor<3x!fxp.fixed<8, 0>>
}

// -----

// CHECK-LABEL: func.func @identity_saturate
// CHECK-SAME: (%[[X:.*]]: !fxp.fixed<8, 0>)
// CHECK-NEXT: %[[S:.*]] = fxp.saturate %[[X]] symmetric
// CHECK-NEXT: return %[[X]], %[[S]]
func.func @identity_saturate(%x: !fxp.fixed<8, 0>) -> (!fxp.fixed<8, 0>, !fxp.fixed<8, 0>) {
  %0 = fxp.saturate %x : !fxp.fixed<8, 0> -> !fxp.fixed<8, 0>
  %1 = fxp.saturate %x symmetric : !fxp.fixed<8, 0> -> !fxp.fixed<8, 0>
  return %0, %1 : !fxp.fixed<8, 0>, !fxp.fixed<8, 0>
}

// -----

// CHECK-LABEL: func.func @fold_arithmetic
// CHECK-DAG: fxp.constant 512 : i16 -> !fxp.fixed<16, 8>
// CHECK-DAG: fxp.constant 256 : i16 -> !fxp.fixed<16, 8>
// CHECK-DAG: fxp.constant 192 : i16 -> !fxp.fixed<16, 8>
func.func @fold_arithmetic() -> (!fxp.fixed<16, 8>, !fxp.fixed<16, 8>, !fxp.fixed<16, 8>) {
  %a = fxp.constant 384 : i16 -> !fxp.fixed<16, 8>
  %b = fxp.constant 8 : i16 -> !fxp.fixed<16, 4>
  %0 = fxp.add %a, %b : !fxp.fixed<16, 8>, !fxp.fixed<16, 4> -> !fxp.fixed<16, 8>
  %1 = fxp.sub %a, %b : !fxp.fixed<16, 8>, !fxp.fixed<16, 4> -> !fxp.fixed<16, 8>
  %2 = fxp.mul %a, %b : !fxp.fixed<16, 8>, !fxp.fixed<16, 4> -> !fxp.fixed<16, 8>
  return %0, %1, %2 : !fxp.fixed<16, 8>, !fxp.fixed<16, 8>, !fxp.fixed<16, 8>
}

// -----

// CHECK-LABEL: func.func @fold_shared_exponent
// CHECK-DAG: arith.constant dense<-6> : tensor<i32>
// CHECK-DAG: arith.constant dense<{{\[}}[-12, 0], [-5, -14]]> : tensor<2x2xi32>
func.func @fold_shared_exponent() -> (tensor<i32>, tensor<2x2xi32>) {
  // NaN and inf are ignored. Per tensor the largest magnitude is 256 < 2^9:
  // e = 9 - 15. Per block of 2 along axis 1 with one bit of headroom: maxima
  // 2 < 2^2 (e = 2 - 15 + 1), 0 (e = 0), 256 (e = 9 - 15 + 1), 0.5 < 2^0.
  %x = arith.constant dense<[[1.0, -2.0, 0.0, 0x7FC00000], [256.0, 0x7F800000, 0.5, -0.25]]> : tensor<2x4xf32>
  %e = fxp.shared_exponent %x width 16 : tensor<2x4xf32> -> tensor<i32>
  %b = fxp.shared_exponent %x width 16 headroom 1 block 2 axis 1 : tensor<2x4xf32> -> tensor<2x2xi32>
  return %e, %b : tensor<i32>, tensor<2x2xi32>
}

// -----

// CHECK-LABEL: func.func @dfp_parts
// CHECK-SAME: (%[[M:.*]]: tensor<4x!fxp.fixed<16, 0>>, %[[E:.*]]: tensor<i32>)
// CHECK-NEXT: return %[[M]], %[[E]]
func.func @dfp_parts(%m: tensor<4x!fxp.fixed<16, 0>>, %e: tensor<i32>) -> (tensor<4x!fxp.fixed<16, 0>>, tensor<i32>) {
  %d = fxp.make_dfp %m, %e : tensor<4x!fxp.fixed<16, 0>>, tensor<i32> -> !fxp.dfp<4, 16>
  %0 = fxp.mantissas %d : !fxp.dfp<4, 16> -> tensor<4x!fxp.fixed<16, 0>>
  %1 = fxp.exponents %d : !fxp.dfp<4, 16> -> tensor<i32>
  return %0, %1 : tensor<4x!fxp.fixed<16, 0>>, tensor<i32>
}

// -----

// from_storage keeps the low W bits, sign-extended.
// CHECK-LABEL: func.func @fold_storage
// CHECK: %[[C:.*]] = arith.constant dense<[15, -16, -1, 3]> : tensor<4xi8>
// CHECK: return %[[C]]
func.func @fold_storage() -> tensor<4xi8> {
  %s = arith.constant dense<[15, 16, 31, 35]> : tensor<4xi8>
  %q = fxp.from_storage %s : tensor<4xi8> -> tensor<4x!fxp.fixed<5, 2>>
  %i = fxp.to_storage %q : tensor<4x!fxp.fixed<5, 2>> -> tensor<4xi8>
  return %i : tensor<4xi8>
}

// -----

// CHECK-LABEL: func.func @storage_round_trip
// CHECK-SAME: (%[[Q:.*]]: tensor<4x!fxp.fixed<5, 2>>, %[[S:.*]]: tensor<4xi16>)
// CHECK: %[[F:.*]] = fxp.from_storage %[[S]]
// CHECK: %[[T:.*]] = fxp.to_storage %[[F]]
// CHECK: return %[[Q]], %[[T]]
func.func @storage_round_trip(%q: tensor<4x!fxp.fixed<5, 2>>, %s: tensor<4xi16>)
    -> (tensor<4x!fxp.fixed<5, 2>>, tensor<4xi16>) {
  %i = fxp.to_storage %q : tensor<4x!fxp.fixed<5, 2>> -> tensor<4xi8>
  %r = fxp.from_storage %i : tensor<4xi8> -> tensor<4x!fxp.fixed<5, 2>>
  // Not folded: from_storage drops the bits above 12.
  %f = fxp.from_storage %s : tensor<4xi16> -> tensor<4x!fxp.fixed<12, 2>>
  %t = fxp.to_storage %f : tensor<4x!fxp.fixed<12, 2>> -> tensor<4xi16>
  return %r, %t : tensor<4x!fxp.fixed<5, 2>>, tensor<4xi16>
}

// -----

// Quantizing symmetrically maps qmin to -qmax: the round trip must stay.
// CHECK-LABEL: func.func @quantize_dequantize_symmetric
// CHECK: fxp.dequantize
// CHECK: fxp.quantize
func.func @quantize_dequantize_symmetric(%x: !fxp.fixed<16, 8>) -> !fxp.fixed<16, 8> {
  %0 = fxp.dequantize %x : !fxp.fixed<16, 8> -> f32
  %1 = fxp.quantize %0 overflow <saturate_symmetric> : f32 -> !fxp.fixed<16, 8>
  return %1 : !fxp.fixed<16, 8>
}

// -----

// Folding the chain would make the outer overflow mode one that has no
// effect on the source type (invalid IR): the chain stays.
// CHECK-LABEL: func.func @rescale_chain_mode_kept
// CHECK: fxp.rescale
// CHECK: fxp.rescale %{{.*}} overflow <wrap>
func.func @rescale_chain_mode_kept(%x: !fxp.fixed<8, 0>) -> !fxp.fixed<12, 0> {
  %0 = fxp.rescale %x : !fxp.fixed<8, 0> -> !fxp.fixed<16, 0>
  %1 = fxp.rescale %0 overflow <wrap> : !fxp.fixed<16, 0> -> !fxp.fixed<12, 0>
  return %1 : !fxp.fixed<12, 0>
}
