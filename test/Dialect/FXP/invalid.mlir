// RUN: fxp-opt %s -split-input-file -verify-diagnostics

// expected-error @+1 {{fixed-point width must be in [2, 32], got 33}}
func.func @width_too_large(%x: !fxp.fixed<33, 0>)

// -----

// expected-error @+1 {{fixed-point width must be in [2, 32], got 1}}
func.func @width_too_small(%x: !fxp.fixed<1, 0>)

// -----

// A negative width is reported as written, not as a wrapped unsigned.
// expected-error @+1 {{fixed-point width must be in [2, 32], got -1}}
func.func @width_negative(%x: !fxp.fixed<-1, 0>)

// -----

// expected-error @+1 {{fixed-point width must be in [2, 32], got 4294967298}}
func.func @width_past_unsigned(%x: !fxp.fixed<4294967298, 0>)

// -----

// expected-error @+1 {{fixed-point fraction bits must be in [-64, 64], got 65}}
func.func @frac_too_large(%x: !fxp.fixed<16, 65>)

// -----

// expected-error @+1 {{fixed-point fraction bits must be in [-64, 64], got -65}}
func.func @frac_too_small(%x: !fxp.fixed<16, -65>)

// -----

// expected-error @+1 {{DFP mantissa width must be in [2, 32], got 40}}
func.func @dfp_width(%x: !fxp.dfp<4x4, 40>)

// -----

// expected-error @+1 {{DFP block axis 2 out of range for rank 2}}
func.func @dfp_axis(%x: !fxp.dfp<4x4, 16, block = 2, axis = 2>)

// -----

// expected-error @+1 {{DFP mantissa width must be in [2, 32], got -16}}
func.func @dfp_negative_width(%x: !fxp.dfp<4x4, -16>)

// -----

// expected-error @+1 {{DFP block axis -1 out of range for rank 2}}
func.func @dfp_negative_axis(%x: !fxp.dfp<4x4, 16, block = 2, axis = -1>)

// -----

// expected-error @+1 {{DFP block size must be positive, got 0}}
func.func @dfp_zero_block(%x: !fxp.dfp<4x4, 16, block = 0, axis = 0>)

// -----

// expected-error @+2 {{expected one of [floor, toward_zero, nearest_even, nearest_away, nearest_up, biased, stochastic] for rounding mode of SEMANTICS §2, got: up}}
// expected-error @+1 {{failed to parse FXP_RoundingModeAttr parameter 'value'}}
func.func @bad_rounding() attributes {r = #fxp.rounding<up>}

// -----

func.func @constant_type() {
  // expected-error @+1 {{value must have type 'tensor<2xi16>' (the storage of 'tensor<2x!fxp.fixed<16, 8>>'), got 'tensor<2xi32>'}}
  %0 = fxp.constant dense<[1, 2]> : tensor<2xi32> -> tensor<2x!fxp.fixed<16, 8>>
  return
}

// -----

func.func @constant_range() {
  // expected-error @+1 {{value 2048 is out of range for '!fxp.fixed<12, 4>'}}
  %0 = fxp.constant 2048 : i16 -> !fxp.fixed<12, 4>
  return
}

// -----

func.func @constant_dense_range() {
  // expected-error @+1 {{value -9 is out of range for '!fxp.fixed<4, 0>'}}
  %0 = fxp.constant dense<[1, -9]> : tensor<2xi8> -> tensor<2x!fxp.fixed<4, 0>>
  return
}

// -----

func.func @quantize_wrap(%x: f32) {
  // expected-error @+1 {{quantizing a float always saturates: overflow mode 'wrap' is not allowed}}
  %0 = fxp.quantize %x overflow <wrap> : f32 -> !fxp.fixed<16, 8>
  return
}

// -----

func.func @quantize_no_seed(%x: f32) {
  // expected-error @+1 {{stochastic rounding requires a 'seed' operand and a 'stream' attribute}}
  %0 = fxp.quantize %x rounding <stochastic> : f32 -> !fxp.fixed<16, 8>
  return
}

// -----

func.func @quantize_no_stream(%x: f32, %s: i64) {
  // expected-error @+1 {{stochastic rounding requires a 'seed' operand and a 'stream' attribute}}
  %0 = fxp.quantize %x rounding <stochastic> seed %s : f32 -> !fxp.fixed<16, 8>
  return
}

// -----

func.func @quantize_useless_seed(%x: f32, %s: i64) {
  // expected-error @+1 {{'seed' and 'stream' are only meaningful with stochastic rounding, not with rounding 'floor'}}
  %0 = fxp.quantize %x rounding <floor> seed %s stream 1 : f32 -> !fxp.fixed<16, 8>
  return
}

// -----

func.func @quantize_kind(%x: tensor<2xf32>) {
  // expected-error @+1 {{operand and result must both be scalars or both tensors}}
  %0 = "fxp.quantize"(%x) : (tensor<2xf32>) -> !fxp.fixed<16, 8>
  return
}

// -----

func.func @quantize_shape(%x: tensor<2xf32>) {
  // expected-error @+1 {{operand and result shapes differ}}
  %0 = fxp.quantize %x : tensor<2xf32> -> tensor<3x!fxp.fixed<16, 8>>
  return
}

// -----

func.func @quantize_f16(%x: f16) {
  // expected-error @+1 {{operand #0 must be f32 scalar or ranked tensor of f32}}
  %0 = fxp.quantize %x : f16 -> !fxp.fixed<16, 8>
  return
}

// -----

func.func @dequantize_shape(%x: tensor<2x!fxp.fixed<16, 8>>) {
  // expected-error @+1 {{operand and result shapes differ}}
  %0 = fxp.dequantize %x : tensor<2x!fxp.fixed<16, 8>> -> tensor<3xf32>
  return
}

// -----

func.func @dequantize_dfp_shape(%x: !fxp.dfp<2x3, 16>) {
  // expected-error @+1 {{result must be an f32 tensor of shape}}
  %0 = fxp.dequantize %x : !fxp.dfp<2x3, 16> -> tensor<3x2xf32>
  return
}

// -----

func.func @rescale_no_effect(%x: !fxp.fixed<16, 8>) {
  // expected-error @+1 {{rounding 'toward_zero' has no effect: rescaling '!fxp.fixed<16, 8>' to '!fxp.fixed<32, 16>' drops no bits}}
  %0 = fxp.rescale %x rounding <toward_zero> : !fxp.fixed<16, 8> -> !fxp.fixed<32, 16>
  return
}

// -----

func.func @rescale_wrap_no_effect(%x: !fxp.fixed<8, 0>) {
  // expected-error @+1 {{overflow 'wrap' has no effect: rescaling '!fxp.fixed<8, 0>' to '!fxp.fixed<16, 0>' cannot overflow}}
  %0 = fxp.rescale %x overflow <wrap> : !fxp.fixed<8, 0> -> !fxp.fixed<16, 0>
  return
}

// -----

// Rounding 31 bits down by one cannot overflow 31 bits, whatever the mode.
func.func @rescale_rounded_wrap_no_effect(%x: !fxp.fixed<31, 31>) {
  // expected-error @+1 {{overflow 'wrap' has no effect: rescaling '!fxp.fixed<31, 31>' to '!fxp.fixed<31, 30>' cannot overflow}}
  %0 = fxp.rescale %x rounding <nearest_up> overflow <wrap> : !fxp.fixed<31, 31> -> !fxp.fixed<31, 30>
  return
}

// -----

func.func @rescale_symmetric_no_effect(%x: !fxp.fixed<16, 8>) {
  // expected-error @+1 {{overflow 'saturate_symmetric' has no effect: rescaling '!fxp.fixed<16, 8>' to '!fxp.fixed<20, 8>' cannot reach qmin}}
  %0 = fxp.rescale %x overflow <saturate_symmetric> : !fxp.fixed<16, 8> -> !fxp.fixed<20, 8>
  return
}

// -----

func.func @saturate_frac(%x: !fxp.fixed<16, 8>) {
  // expected-error @+1 {{saturating keeps the fraction bits}}
  %0 = fxp.saturate %x : !fxp.fixed<16, 8> -> !fxp.fixed<8, 4>
  return
}

// -----

func.func @saturate_wider(%x: !fxp.fixed<8, 4>) {
  // expected-error @+1 {{result width 16 exceeds the input width 8}}
  %0 = fxp.saturate %x : !fxp.fixed<8, 4> -> !fxp.fixed<16, 4>
  return
}

// -----

func.func @add_too_wide(%a: !fxp.fixed<32, 64>, %b: !fxp.fixed<32, -30>) {
  // expected-error @+1 {{needs 127 bits; at most 64 are supported}}
  %0 = fxp.add %a, %b : !fxp.fixed<32, 64>, !fxp.fixed<32, -30> -> !fxp.fixed<32, 0>
  return
}

// -----

func.func @mul_seed(%a: !fxp.fixed<16, 8>, %s: i64) {
  // expected-error @+1 {{'seed' and 'stream' are only meaningful with stochastic rounding}}
  %0 = fxp.mul %a, %a seed %s stream 2 : !fxp.fixed<16, 8>, !fxp.fixed<16, 8> -> !fxp.fixed<16, 8>
  return
}

// -----

func.func @exponent_axis(%x: tensor<4x8xf32>) {
  // expected-error @+1 {{block axis 2 is out of range for rank 2}}
  %0 = fxp.shared_exponent %x width 16 block 2 axis 2 : tensor<4x8xf32> -> tensor<4x4xi32>
  return
}

// -----

func.func @exponent_axis_without_block(%x: tensor<4x8xf32>) {
  // expected-error @+1 {{'axis' requires a 'block' size}}
  %0 = fxp.shared_exponent %x width 16 axis 1 : tensor<4x8xf32> -> tensor<i32>
  return
}

// -----

func.func @exponent_shape(%x: tensor<4x8xf32>) {
  // expected-error @+1 {{result must be 'tensor<4x3xi32>', got 'tensor<4x2xi32>'}}
  %0 = fxp.shared_exponent %x width 16 block 3 axis 1 : tensor<4x8xf32> -> tensor<4x2xi32>
  return
}

// -----

func.func @exponent_width(%x: tensor<4x8xf32>) {
  // expected-error @+1 {{attribute 'width' failed to satisfy constraint}}
  %0 = fxp.shared_exponent %x width 1 : tensor<4x8xf32> -> tensor<i32>
  return
}

// -----

// The exponent, E(M) - 15 + headroom, would overflow i32.
func.func @exponent_headroom(%x: tensor<4x8xf32>) {
  // expected-error @+1 {{headroom must be in [0, 64], got 2147483647}}
  %0 = fxp.shared_exponent %x width 16 headroom 2147483647 : tensor<4x8xf32> -> tensor<i32>
  return
}

// -----

func.func @exponent_negative_headroom(%x: tensor<4x8xf32>) {
  // expected-error @+1 {{headroom must be in [0, 64], got -1}}
  %0 = fxp.shared_exponent %x width 16 headroom -1 : tensor<4x8xf32> -> tensor<i32>
  return
}

// -----

func.func @quantize_dfp_exponents(%x: tensor<4x8xf32>, %e: tensor<i32>) {
  // expected-error @+1 {{exponents must be 'tensor<4x2xi32>'}}
  %0 = fxp.quantize_dfp %x, %e : tensor<4x8xf32>, tensor<i32> -> !fxp.dfp<4x8, 16, block = 4, axis = 1>
  return
}

// -----

func.func @quantize_dfp_shape(%x: tensor<4x8xf32>, %e: tensor<i32>) {
  // expected-error @+1 {{input shape differs from the result's}}
  %0 = fxp.quantize_dfp %x, %e : tensor<4x8xf32>, tensor<i32> -> !fxp.dfp<8x4, 16>
  return
}

// -----

func.func @quantize_dfp_wrap(%x: tensor<4x8xf32>, %e: tensor<i32>) {
  // expected-error @+1 {{overflow mode 'wrap' is not allowed}}
  %0 = fxp.quantize_dfp %x, %e overflow <wrap> : tensor<4x8xf32>, tensor<i32> -> !fxp.dfp<4x8, 16>
  return
}

// -----

func.func @mantissas_type(%d: !fxp.dfp<4x8, 16>) {
  // expected-error @+1 {{result must be 'tensor<4x8x!fxp.fixed<16, 0>>'}}
  %0 = fxp.mantissas %d : !fxp.dfp<4x8, 16> -> tensor<4x8x!fxp.fixed<16, 2>>
  return
}

// -----

func.func @exponents_type(%d: !fxp.dfp<4x8, 16>) {
  // expected-error @+1 {{result must be 'tensor<i32>'}}
  %0 = fxp.exponents %d : !fxp.dfp<4x8, 16> -> tensor<1xi32>
  return
}

// -----

func.func @make_dfp_exponents(%m: tensor<4x8x!fxp.fixed<16, 0>>, %e: tensor<4xi32>) {
  // expected-error @+1 {{exponents must be 'tensor<i32>'}}
  %0 = fxp.make_dfp %m, %e : tensor<4x8x!fxp.fixed<16, 0>>, tensor<4xi32> -> !fxp.dfp<4x8, 16>
  return
}

// -----

func.func @make_dfp_mantissas(%m: tensor<4x8x!fxp.fixed<12, 0>>, %e: tensor<i32>) {
  // expected-error @+1 {{mantissas must be 'tensor<4x8x!fxp.fixed<16, 0>>'}}
  %0 = fxp.make_dfp %m, %e : tensor<4x8x!fxp.fixed<12, 0>>, tensor<i32> -> !fxp.dfp<4x8, 16>
  return
}

// -----

func.func @matmul_chunk(%a: tensor<4x8x!fxp.fixed<16, 8>>, %b: tensor<8x2x!fxp.fixed<16, 8>>) {
  // expected-error @+1 {{a chunk of 2 products can overflow i32: 2 * 32768 * 32768 > 2^31 - 1 (largest safe chunk: 1; 'symmetric' allows more)}}
  %0 = fxp.matmul %a, %b chunk 2 : tensor<4x8x!fxp.fixed<16, 8>>, tensor<8x2x!fxp.fixed<16, 8>> -> tensor<4x2xf32>
  return
}

// -----

func.func @matmul_chunk_symmetric(%a: tensor<4x8x!fxp.fixed<14, 8>>, %b: tensor<8x2x!fxp.fixed<14, 8>>) {
  // expected-error @+1 {{a chunk of 33 products can overflow i32: 33 * 8191 * 8191 > 2^31 - 1 (largest safe chunk: 32)}}
  %0 = fxp.matmul %a, %b chunk 33 symmetric : tensor<4x8x!fxp.fixed<14, 8>>, tensor<8x2x!fxp.fixed<14, 8>> -> tensor<4x2xf32>
  return
}

// -----

func.func @matmul_chunk_zero(%a: tensor<4x8x!fxp.fixed<14, 8>>, %b: tensor<8x2x!fxp.fixed<14, 8>>) {
  // expected-error @+1 {{attribute 'chunk' failed to satisfy constraint}}
  %0 = fxp.matmul %a, %b chunk 0 : tensor<4x8x!fxp.fixed<14, 8>>, tensor<8x2x!fxp.fixed<14, 8>> -> tensor<4x2xf32>
  return
}

// -----

func.func @matmul_k(%a: tensor<4x8x!fxp.fixed<8, 0>>, %b: tensor<7x2x!fxp.fixed<8, 0>>) {
  // expected-error @+1 {{reduction dimensions differ: 8 vs 7}}
  %0 = fxp.matmul %a, %b chunk 4 : tensor<4x8x!fxp.fixed<8, 0>>, tensor<7x2x!fxp.fixed<8, 0>> -> tensor<4x2xf32>
  return
}

// -----

func.func @matmul_result(%a: tensor<4x8x!fxp.fixed<8, 0>>, %b: tensor<8x2x!fxp.fixed<8, 0>>) {
  // expected-error @+1 {{result shape must be compatible with [4, 2]}}
  %0 = fxp.matmul %a, %b chunk 4 : tensor<4x8x!fxp.fixed<8, 0>>, tensor<8x2x!fxp.fixed<8, 0>> -> tensor<2x4xf32>
  return
}

// -----

func.func @matmul_rank(%a: tensor<8x!fxp.fixed<8, 0>>, %b: tensor<8x2x!fxp.fixed<8, 0>>) {
  // expected-error @+1 {{operands and result must all have rank 2, or all rank 3 (batched)}}
  %0 = fxp.matmul %a, %b chunk 4 : tensor<8x!fxp.fixed<8, 0>>, tensor<8x2x!fxp.fixed<8, 0>> -> tensor<2xf32>
  return
}

// -----

func.func @matmul_batch(%a: tensor<3x4x8x!fxp.fixed<8, 0>>, %b: tensor<2x8x2x!fxp.fixed<8, 0>>) {
  // expected-error @+1 {{batch dimensions differ: 3 vs 2}}
  %0 = fxp.matmul %a, %b chunk 4 : tensor<3x4x8x!fxp.fixed<8, 0>>, tensor<2x8x2x!fxp.fixed<8, 0>> -> tensor<3x4x2xf32>
  return
}

// -----

func.func @matmul_mixed(%a: tensor<4x8x!fxp.fixed<8, 0>>, %b: !fxp.dfp<8x2, 8>) {
  // expected-error @+1 {{operands must both be fixed-point tensors or both DFP tensors}}
  %0 = fxp.matmul %a, %b chunk 4 : tensor<4x8x!fxp.fixed<8, 0>>, !fxp.dfp<8x2, 8> -> tensor<4x2xf32>
  return
}

// -----

// Blocks along m: the exponent would change with every product.
func.func @matmul_blocks_along_m(%a: !fxp.dfp<4x8, 8, block = 2, axis = 0>, %b: !fxp.dfp<8x2, 8>) {
  // expected-error @+1 {{operand #0 has blocks along axis 0, which is not indexed by the last reduction loop alone}}
  %0 = fxp.matmul %a, %b chunk 4 : !fxp.dfp<4x8, 8, block = 2, axis = 0>, !fxp.dfp<8x2, 8> -> tensor<4x2xf32>
  return
}

// -----

func.func @matmul_block_sizes(%a: !fxp.dfp<4x8, 8, block = 4, axis = 1>, %b: !fxp.dfp<8x2, 8, block = 2, axis = 0>) {
  // expected-error @+1 {{operands have blocks of 4 and 2 elements; per-block operands must share the block size}}
  %0 = fxp.matmul %a, %b chunk 4 : !fxp.dfp<4x8, 8, block = 4, axis = 1>, !fxp.dfp<8x2, 8, block = 2, axis = 0> -> tensor<4x2xf32>
  return
}

// -----

// A convolution reads its input at h + kh: only the channel axis can hold blocks.
func.func @contract_blocks_on_window(%in: !fxp.dfp<1x6x4, 8, block = 2, axis = 1>, %f: !fxp.dfp<3x4x2, 8>) {
  // expected-error @+1 {{operand #0 has blocks along axis 1, which is not indexed by the last reduction loop alone}}
  %0 = fxp.contract %in, %f maps [affine_map<(n, h, f, kh, c) -> (n, h + kh, c)>, affine_map<(n, h, f, kh, c) -> (kh, c, f)>, affine_map<(n, h, f, kh, c) -> (n, h, f)>] chunk 4
       : !fxp.dfp<1x6x4, 8, block = 2, axis = 1>, !fxp.dfp<3x4x2, 8> -> tensor<1x4x2xf32>
  return
}

// -----

func.func @to_storage_type(%q: tensor<4x!fxp.fixed<12, 8>>) {
  // expected-error @+1 {{the storage of 'tensor<4x!fxp.fixed<12, 8>>' is 'tensor<4xi16>', not 'tensor<4xi32>'}}
  %0 = fxp.to_storage %q : tensor<4x!fxp.fixed<12, 8>> -> tensor<4xi32>
  return
}

// -----

func.func @from_storage_kind(%s: tensor<4xi8>) {
  // expected-error @+1 {{operand and result must both be scalars or both tensors}}
  %0 = fxp.from_storage %s : tensor<4xi8> -> !fxp.fixed<5, 2>
  return
}

// -----

func.func @contract_maps(%a: tensor<4x8x!fxp.fixed<8, 0>>, %b: tensor<8x2x!fxp.fixed<8, 0>>) {
  // expected-error @+1 {{expects 3 indexing maps (lhs, rhs, result), got 2}}
  %0 = fxp.contract %a, %b maps [affine_map<(i, j, k) -> (i, k)>, affine_map<(i, j, k) -> (k, j)>] chunk 4
       : tensor<4x8x!fxp.fixed<8, 0>>, tensor<8x2x!fxp.fixed<8, 0>> -> tensor<4x2xf32>
  return
}

// -----

func.func @contract_rank(%a: tensor<4x8x!fxp.fixed<8, 0>>, %b: tensor<8x2x!fxp.fixed<8, 0>>) {
  // expected-error @+1 {{indexing map #1 has 1 results for an operand of rank 2}}
  %0 = fxp.contract %a, %b maps [affine_map<(i, j, k) -> (i, k)>, affine_map<(i, j, k) -> (k)>, affine_map<(i, j, k) -> (i, j)>] chunk 4
       : tensor<4x8x!fxp.fixed<8, 0>>, tensor<8x2x!fxp.fixed<8, 0>> -> tensor<4x2xf32>
  return
}

// -----

func.func @contract_result_map(%a: tensor<4x8x!fxp.fixed<8, 0>>, %b: tensor<8x2x!fxp.fixed<8, 0>>) {
  // expected-error @+1 {{the result map must be a projected permutation}}
  %0 = fxp.contract %a, %b maps [affine_map<(i, j, k) -> (i, k)>, affine_map<(i, j, k) -> (k, j)>, affine_map<(i, j, k) -> (i + j, j)>] chunk 4
       : tensor<4x8x!fxp.fixed<8, 0>>, tensor<8x2x!fxp.fixed<8, 0>> -> tensor<4x2xf32>
  return
}

// -----

func.func @contract_unbounded_loop(%a: tensor<4x8x!fxp.fixed<8, 0>>, %b: tensor<8x2x!fxp.fixed<8, 0>>) {
  // expected-error @+1 {{the size of loop d3 is unknown: no operand dimension is indexed by it alone, and no static result dimension or `sizes`}}
  %0 = fxp.contract %a, %b maps [affine_map<(i, j, k, l) -> (i, k + l)>, affine_map<(i, j, k, l) -> (k, j)>, affine_map<(i, j, k, l) -> (i, j)>] chunk 4
       : tensor<4x8x!fxp.fixed<8, 0>>, tensor<8x2x!fxp.fixed<8, 0>> -> tensor<4x2xf32>
  return
}

// -----

func.func @contract_wide(%a: tensor<4x8x!fxp.fixed<32, 0>>, %b: tensor<8x2x!fxp.fixed<32, 0>>) {
  // expected-error @+1 {{no chunk is safe: a single product of magnitudes 2147483648 and 2147483648 exceeds 2^31 - 1}}
  %0 = fxp.contract %a, %b maps [affine_map<(i, j, k) -> (i, k)>, affine_map<(i, j, k) -> (k, j)>, affine_map<(i, j, k) -> (i, j)>] chunk 1
       : tensor<4x8x!fxp.fixed<32, 0>>, tensor<8x2x!fxp.fixed<32, 0>> -> tensor<4x2xf32>
  return
}

// -----

func.func @vpmaddwd_lanes(%a: vector<32xi16>) {
  // expected-error @+1 {{operands must be vectors of 16 i16 for 8 i32 lanes}}
  %0 = fxp.x86.vpmaddwd %a, %a : vector<32xi16> -> vector<8xi32>
  return
}

// -----

func.func @vpdpwssd_type(%acc: vector<8xi32>, %a: vector<32xi16>) {
  // expected-error @+1 {{operand #0 must be vector of 32-bit signless integer values of length 16}}
  %0 = fxp.x86.vpdpwssd %acc, %a, %a : vector<8xi32>, vector<32xi16>
  return
}

// -----

func.func @contract_sizes(%a: tensor<4x8x!fxp.fixed<8, 0>>, %b: tensor<7x2x!fxp.fixed<8, 0>>) {
  // expected-error @+1 {{loop d2 has size 8 in one operand and 7 in another}}
  %0 = fxp.contract %a, %b maps [affine_map<(i, j, k) -> (i, k)>, affine_map<(i, j, k) -> (k, j)>, affine_map<(i, j, k) -> (i, j)>] chunk 4
       : tensor<4x8x!fxp.fixed<8, 0>>, tensor<7x2x!fxp.fixed<8, 0>> -> tensor<4x2xf32>
  return
}

// -----

func.func @contract_result_size(%a: tensor<4x8x!fxp.fixed<8, 0>>, %b: tensor<8x2x!fxp.fixed<8, 0>>) {
  // expected-error @+1 {{loop d0 has size 4 in one operand and 5 in another}}
  %0 = fxp.contract %a, %b maps [affine_map<(i, j, k) -> (i, k)>, affine_map<(i, j, k) -> (k, j)>, affine_map<(i, j, k) -> (i, j)>] chunk 4
       : tensor<4x8x!fxp.fixed<8, 0>>, tensor<8x2x!fxp.fixed<8, 0>> -> tensor<5x2xf32>
  return
}

// -----

// k runs over 0..7 (from %a), so k + 1 reaches row 8 of the 8-row %b.
func.func @contract_out_of_bounds(%a: tensor<4x8x!fxp.fixed<8, 0>>, %b: tensor<8x4x!fxp.fixed<8, 0>>) {
  // expected-error @+1 {{indexing map #1 reaches index 8 in dimension #0 (d2 + 1), which has size 8}}
  %0 = fxp.contract %a, %b maps [affine_map<(i, j, k) -> (i, k)>, affine_map<(i, j, k) -> (k + 1, j)>, affine_map<(i, j, k) -> (i, j)>] chunk 1
       : tensor<4x8x!fxp.fixed<8, 0>>, tensor<8x4x!fxp.fixed<8, 0>> -> tensor<4x4xf32>
  return
}

// -----

func.func @contract_negative_index(%a: tensor<4x8x!fxp.fixed<8, 0>>, %b: tensor<?x4x!fxp.fixed<8, 0>>) {
  // expected-error @+1 {{indexing map #1 reaches index -1 in dimension #0 (d2 - 1)}}
  %0 = fxp.contract %a, %b maps [affine_map<(i, j, k) -> (i, k)>, affine_map<(i, j, k) -> (k - 1, j)>, affine_map<(i, j, k) -> (i, j)>] chunk 1
       : tensor<4x8x!fxp.fixed<8, 0>>, tensor<?x4x!fxp.fixed<8, 0>> -> tensor<4x4xf32>
  return
}

// -----

// k mod 3 takes every value up to 2 (k runs over 0..7): row 2 of a 2-row %b.
func.func @contract_modulo_out_of_bounds(%a: tensor<4x8x!fxp.fixed<8, 0>>, %b: tensor<2x4x!fxp.fixed<8, 0>>) {
  // expected-error @+1 {{indexing map #1 reaches index 2 in dimension #0 (d2 mod 3), which has size 2}}
  %0 = fxp.contract %a, %b maps [affine_map<(i, j, k) -> (i, k)>, affine_map<(i, j, k) -> (k mod 3, j)>, affine_map<(i, j, k) -> (i, j)>] chunk 1
       : tensor<4x8x!fxp.fixed<8, 0>>, tensor<2x4x!fxp.fixed<8, 0>> -> tensor<4x4xf32>
  return
}

// -----

// A stride of 2 over 4 outputs and 3 taps reads rows up to 2 * 3 + 2 = 8.
func.func @contract_strided_window(%in: tensor<1x8x4x!fxp.fixed<8, 0>>, %f: tensor<3x4x2x!fxp.fixed<8, 0>>) {
  // expected-error @+1 {{indexing map #0 reaches index 8 in dimension #1 (d1 * 2 + d3), which has size 8}}
  %0 = fxp.contract %in, %f maps [affine_map<(n, h, f, kh, c) -> (n, h * 2 + kh, c)>, affine_map<(n, h, f, kh, c) -> (kh, c, f)>, affine_map<(n, h, f, kh, c) -> (n, h, f)>] chunk 4
       : tensor<1x8x4x!fxp.fixed<8, 0>>, tensor<3x4x2x!fxp.fixed<8, 0>> -> tensor<1x4x2xf32>
  return
}

// -----

func.func @matmul_chunk_and_saturating(%a: tensor<4x8x!fxp.fixed<14, 8>>, %b: tensor<8x2x!fxp.fixed<14, 8>>) {
  // expected-error @+1 {{expects exactly one of 'chunk' and 'saturating'}}
  %0 = fxp.matmul %a, %b chunk 4 saturating : tensor<4x8x!fxp.fixed<14, 8>>, tensor<8x2x!fxp.fixed<14, 8>> -> tensor<4x2xf32>
  return
}

// -----

func.func @contract_no_accumulation(%a: tensor<4x8x!fxp.fixed<14, 8>>, %b: tensor<8x2x!fxp.fixed<14, 8>>) {
  // expected-error @+1 {{expects exactly one of 'chunk' and 'saturating'}}
  %0 = fxp.contract %a, %b maps [affine_map<(i, j, k) -> (i, k)>, affine_map<(i, j, k) -> (k, j)>, affine_map<(i, j, k) -> (i, j)>]
       : tensor<4x8x!fxp.fixed<14, 8>>, tensor<8x2x!fxp.fixed<14, 8>> -> tensor<4x2xf32>
  return
}

// -----

// Two products of -2^15 * -2^15 sum to 2^31: vpdpwssds would be exact, the
// pair sum of vpmaddwd would wrap.
func.func @saturating_pair_overflow(%a: tensor<4x8x!fxp.fixed<16, 8>>, %b: tensor<8x2x!fxp.fixed<16, 8>>) {
  // expected-error @+1 {{a pair of products of magnitudes 32768 and 32768 can overflow i32 before it saturates ('symmetric' prevents it)}}
  %0 = fxp.matmul %a, %b saturating : tensor<4x8x!fxp.fixed<16, 8>>, tensor<8x2x!fxp.fixed<16, 8>> -> tensor<4x2xf32>
  return
}

// -----

func.func @contract_sizes_count(%a: !fxp.dfp<?, 14>, %b: !fxp.dfp<3, 14>, %n: index) {
  // expected-error @+1 {{sizes must list the result's 1 dynamic dimensions, got 2}}
  %0 = fxp.contract %a, %b sizes(%n, %n) maps [affine_map<(o, w) -> (o + w)>, affine_map<(o, w) -> (w)>, affine_map<(o, w) -> (o)>] chunk 4
       : !fxp.dfp<?, 14>, !fxp.dfp<3, 14> -> tensor<?xf32>
  return
}

// -----

// A dynamic output position that no operand dimension sizes needs `sizes`.
func.func @contract_dynamic_output_without_sizes(%a: !fxp.dfp<?, 14>, %b: !fxp.dfp<3, 14>) {
  // expected-error @+1 {{the size of loop d0 is unknown: no operand dimension is indexed by it alone, and no static result dimension or `sizes`}}
  %0 = fxp.contract %a, %b maps [affine_map<(o, w) -> (o + w)>, affine_map<(o, w) -> (w)>, affine_map<(o, w) -> (o)>] chunk 4
       : !fxp.dfp<?, 14>, !fxp.dfp<3, 14> -> tensor<?xf32>
  return
}
