// RUN: fxp-opt %s | fxp-opt | FileCheck %s
// RUN: fxp-opt %s --mlir-print-op-generic | fxp-opt | FileCheck %s

// The convolution map of @contract, printed as an alias first.
// CHECK-DAG: #[[IN:.*]] = affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d0, d1 + d4, d2 + d5, d6)>

// CHECK-LABEL: func.func @types
// CHECK-SAME: !fxp.fixed<16, 12>
// CHECK-SAME: !fxp.fixed<2, -64>
// CHECK-SAME: !fxp.fixed<32, 64>
// CHECK-SAME: tensor<4x?x!fxp.fixed<12, 8>>
// CHECK-SAME: !fxp.dfp<64x128, 16>
// CHECK-SAME: !fxp.dfp<?x256, 14, block = 32, axis = 1>
// CHECK-SAME: !fxp.dfp<7, 8, block = 4, axis = 0>
func.func @types(%a: !fxp.fixed<16, 12>, %b: !fxp.fixed<2, -64>,
                 %c: !fxp.fixed<32, 64>, %d: tensor<4x?x!fxp.fixed<12, 8>>,
                 %e: !fxp.dfp<64x128, 16>,
                 %f: !fxp.dfp<?x256, 14, block = 32, axis = 1>,
                 %g: !fxp.dfp<7, 8, block = 4, axis = 0>) {
  return
}

// CHECK-LABEL: func.func @attributes
// CHECK: test.overflow = [#fxp.overflow<saturate>, #fxp.overflow<saturate_symmetric>, #fxp.overflow<wrap>]
// CHECK-SAME: test.rounding = [#fxp.rounding<floor>
// CHECK-SAME: #fxp.rounding<toward_zero>
// CHECK-SAME: #fxp.rounding<nearest_even>
// CHECK-SAME: #fxp.rounding<nearest_away>
// CHECK-SAME: #fxp.rounding<nearest_up>
// CHECK-SAME: #fxp.rounding<biased>
// CHECK-SAME: #fxp.rounding<stochastic>
func.func @attributes() attributes {
    test.rounding = [#fxp.rounding<floor>, #fxp.rounding<toward_zero>,
                     #fxp.rounding<nearest_even>, #fxp.rounding<nearest_away>,
                     #fxp.rounding<nearest_up>, #fxp.rounding<biased>,
                     #fxp.rounding<stochastic>],
    test.overflow = [#fxp.overflow<saturate>, #fxp.overflow<saturate_symmetric>,
                     #fxp.overflow<wrap>]} {
  return
}

// CHECK-LABEL: func.func @constant
func.func @constant() -> (tensor<2x!fxp.fixed<16, 8>>, !fxp.fixed<12, 4>) {
  // CHECK: fxp.constant dense<[384, -64]> : tensor<2xi16> -> tensor<2x!fxp.fixed<16, 8>>
  %0 = fxp.constant dense<[384, -64]> : tensor<2xi16> -> tensor<2x!fxp.fixed<16, 8>>
  // CHECK: fxp.constant -2048 : i16 -> !fxp.fixed<12, 4>
  %1 = fxp.constant -2048 : i16 -> !fxp.fixed<12, 4>
  return %0, %1 : tensor<2x!fxp.fixed<16, 8>>, !fxp.fixed<12, 4>
}

// CHECK-LABEL: func.func @quantize
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>, %[[S:.*]]: f32, %[[SEED:.*]]: i64)
func.func @quantize(%x: tensor<4xf32>, %s: f32, %seed: i64) {
  // CHECK: fxp.quantize %[[X]] : tensor<4xf32> -> tensor<4x!fxp.fixed<16, 12>>
  %0 = fxp.quantize %x : tensor<4xf32> -> tensor<4x!fxp.fixed<16, 12>>
  // CHECK: fxp.quantize %[[X]] rounding <biased> overflow <saturate_symmetric> : tensor<4xf32> -> tensor<4x!fxp.fixed<8, 3>>
  %1 = fxp.quantize %x rounding <biased> overflow <saturate_symmetric> : tensor<4xf32> -> tensor<4x!fxp.fixed<8, 3>>
  // CHECK: fxp.quantize %[[X]] rounding <stochastic> seed %[[SEED]] stream 7 : tensor<4xf32> -> tensor<4x!fxp.fixed<16, 12>>
  %2 = fxp.quantize %x rounding <stochastic> seed %seed stream 7 : tensor<4xf32> -> tensor<4x!fxp.fixed<16, 12>>
  // CHECK: fxp.quantize %[[S]] rounding <floor> : f32 -> !fxp.fixed<32, -3>
  %3 = fxp.quantize %s rounding <floor> : f32 -> !fxp.fixed<32, -3>
  return
}

// CHECK-LABEL: func.func @dequantize
func.func @dequantize(%q: tensor<4x!fxp.fixed<16, 12>>, %d: !fxp.dfp<64x128, 16>) {
  // CHECK: fxp.dequantize %{{.*}} : tensor<4x!fxp.fixed<16, 12>> -> tensor<4xf32>
  %0 = fxp.dequantize %q : tensor<4x!fxp.fixed<16, 12>> -> tensor<4xf32>
  // CHECK: fxp.dequantize %{{.*}} : !fxp.dfp<64x128, 16> -> tensor<64x128xf32>
  %1 = fxp.dequantize %d : !fxp.dfp<64x128, 16> -> tensor<64x128xf32>
  return
}

// CHECK-LABEL: func.func @rescale_saturate
func.func @rescale_saturate(%x: tensor<8x!fxp.fixed<32, 20>>, %seed: i64) {
  // CHECK: fxp.rescale %{{.*}} rounding <nearest_up> overflow <wrap> : tensor<8x!fxp.fixed<32, 20>> -> tensor<8x!fxp.fixed<16, 8>>
  %0 = fxp.rescale %x rounding <nearest_up> overflow <wrap> : tensor<8x!fxp.fixed<32, 20>> -> tensor<8x!fxp.fixed<16, 8>>
  // CHECK: fxp.rescale %{{.*}} rounding <stochastic> seed %{{.*}} stream 2 : tensor<8x!fxp.fixed<32, 20>> -> tensor<8x!fxp.fixed<16, 8>>
  %1 = fxp.rescale %x rounding <stochastic> seed %seed stream 2 : tensor<8x!fxp.fixed<32, 20>> -> tensor<8x!fxp.fixed<16, 8>>
  // CHECK: fxp.saturate %{{.*}} symmetric : tensor<8x!fxp.fixed<16, 8>> -> tensor<8x!fxp.fixed<16, 8>>
  %2 = fxp.saturate %0 symmetric : tensor<8x!fxp.fixed<16, 8>> -> tensor<8x!fxp.fixed<16, 8>>
  // CHECK: fxp.saturate %{{.*}} : tensor<8x!fxp.fixed<32, 20>> -> tensor<8x!fxp.fixed<24, 20>>
  %3 = fxp.saturate %x : tensor<8x!fxp.fixed<32, 20>> -> tensor<8x!fxp.fixed<24, 20>>
  // As many integer bits: rounding up can overflow, and a widening can meet
  // qmin, so both overflow modes are meaningful.
  // CHECK: fxp.rescale %{{.*}} overflow <wrap> : tensor<8x!fxp.fixed<32, 20>> -> tensor<8x!fxp.fixed<24, 12>>
  %4 = fxp.rescale %x overflow <wrap> : tensor<8x!fxp.fixed<32, 20>> -> tensor<8x!fxp.fixed<24, 12>>
  // CHECK: fxp.rescale %{{.*}} overflow <saturate_symmetric> : tensor<8x!fxp.fixed<16, 8>> -> tensor<8x!fxp.fixed<20, 12>>
  %5 = fxp.rescale %0 overflow <saturate_symmetric> : tensor<8x!fxp.fixed<16, 8>> -> tensor<8x!fxp.fixed<20, 12>>
  return
}

// CHECK-LABEL: func.func @arithmetic
func.func @arithmetic(%a: !fxp.fixed<16, 8>, %b: !fxp.fixed<16, 4>,
                      %t: tensor<4x!fxp.fixed<16, 8>>, %seed: i64) {
  // CHECK: fxp.add %{{.*}}, %{{.*}} overflow <wrap> : !fxp.fixed<16, 8>, !fxp.fixed<16, 4> -> !fxp.fixed<16, 8>
  %0 = fxp.add %a, %b overflow <wrap> : !fxp.fixed<16, 8>, !fxp.fixed<16, 4> -> !fxp.fixed<16, 8>
  // CHECK: fxp.sub %{{.*}}, %{{.*}} : tensor<4x!fxp.fixed<16, 8>>, tensor<4x!fxp.fixed<16, 8>> -> tensor<4x!fxp.fixed<16, 8>>
  %1 = fxp.sub %t, %t : tensor<4x!fxp.fixed<16, 8>>, tensor<4x!fxp.fixed<16, 8>> -> tensor<4x!fxp.fixed<16, 8>>
  // CHECK: fxp.mul %{{.*}}, %{{.*}} rounding <stochastic> seed %{{.*}} stream 3 : !fxp.fixed<16, 8>, !fxp.fixed<16, 4> -> !fxp.fixed<16, 8>
  %2 = fxp.mul %a, %b rounding <stochastic> seed %seed stream 3 : !fxp.fixed<16, 8>, !fxp.fixed<16, 4> -> !fxp.fixed<16, 8>
  return
}

// CHECK-LABEL: func.func @dfp
func.func @dfp(%x: tensor<64x128xf32>, %y: tensor<?x128xf32>, %seed: i64) {
  // CHECK: %[[E:.*]] = fxp.shared_exponent %{{.*}} width 16 : tensor<64x128xf32> -> tensor<i32>
  %e = fxp.shared_exponent %x width 16 : tensor<64x128xf32> -> tensor<i32>
  // CHECK: fxp.shared_exponent %{{.*}} width 14 headroom 1 block 32 axis 1 : tensor<64x128xf32> -> tensor<64x4xi32>
  %b = fxp.shared_exponent %x width 14 headroom 1 block 32 axis 1 : tensor<64x128xf32> -> tensor<64x4xi32>
  // CHECK: fxp.shared_exponent %{{.*}} width 16 block 5 : tensor<?x128xf32> -> tensor<?x128xi32>
  %c = fxp.shared_exponent %y width 16 block 5 : tensor<?x128xf32> -> tensor<?x128xi32>
  // CHECK: fxp.shared_exponent %{{.*}} width 16 headroom 64 : tensor<64x128xf32> -> tensor<i32>
  %h = fxp.shared_exponent %x width 16 headroom 64 : tensor<64x128xf32> -> tensor<i32>
  // CHECK: %[[D:.*]] = fxp.quantize_dfp %{{.*}}, %[[E]] rounding <stochastic> seed %{{.*}} stream 1 : tensor<64x128xf32>, tensor<i32> -> !fxp.dfp<64x128, 16>
  %d = fxp.quantize_dfp %x, %e rounding <stochastic> seed %seed stream 1 : tensor<64x128xf32>, tensor<i32> -> !fxp.dfp<64x128, 16>
  // CHECK: fxp.quantize_dfp %{{.*}}, %{{.*}} : tensor<64x128xf32>, tensor<64x4xi32> -> !fxp.dfp<64x128, 14, block = 32, axis = 1>
  %f = fxp.quantize_dfp %x, %b : tensor<64x128xf32>, tensor<64x4xi32> -> !fxp.dfp<64x128, 14, block = 32, axis = 1>
  // CHECK: %[[M:.*]] = fxp.mantissas %[[D]] : !fxp.dfp<64x128, 16> -> tensor<64x128x!fxp.fixed<16, 0>>
  %m = fxp.mantissas %d : !fxp.dfp<64x128, 16> -> tensor<64x128x!fxp.fixed<16, 0>>
  // CHECK: %[[X:.*]] = fxp.exponents %[[D]] : !fxp.dfp<64x128, 16> -> tensor<i32>
  %x2 = fxp.exponents %d : !fxp.dfp<64x128, 16> -> tensor<i32>
  // CHECK: fxp.make_dfp %[[M]], %[[X]] : tensor<64x128x!fxp.fixed<16, 0>>, tensor<i32> -> !fxp.dfp<64x128, 16>
  %g = fxp.make_dfp %m, %x2 : tensor<64x128x!fxp.fixed<16, 0>>, tensor<i32> -> !fxp.dfp<64x128, 16>
  return
}

// CHECK-LABEL: func.func @matmul
func.func @matmul(%a: tensor<64x256x!fxp.fixed<14, 10>>, %b: tensor<256x32x!fxp.fixed<14, 12>>,
                  %x: !fxp.dfp<64x256, 16>, %w: !fxp.dfp<32x256, 16>,
                  %xb: !fxp.dfp<64x256, 14, block = 32, axis = 1>, %wt: !fxp.dfp<256x32, 14>,
                  %ba: tensor<?x8x16x!fxp.fixed<16, 8>>, %bb: tensor<?x8x16x!fxp.fixed<16, 8>>) {
  // CHECK: fxp.matmul %{{.*}}, %{{.*}} chunk 32 symmetric : tensor<64x256x!fxp.fixed<14, 10>>, tensor<256x32x!fxp.fixed<14, 12>> -> tensor<64x32xf32>
  %0 = fxp.matmul %a, %b chunk 32 symmetric : tensor<64x256x!fxp.fixed<14, 10>>, tensor<256x32x!fxp.fixed<14, 12>> -> tensor<64x32xf32>
  // CHECK: fxp.matmul %{{.*}}, %{{.*}} chunk 2 symmetric transpose_b : !fxp.dfp<64x256, 16>, !fxp.dfp<32x256, 16> -> tensor<64x32xf32>
  %1 = fxp.matmul %x, %w chunk 2 symmetric transpose_b : !fxp.dfp<64x256, 16>, !fxp.dfp<32x256, 16> -> tensor<64x32xf32>
  // CHECK: fxp.matmul %{{.*}}, %{{.*}} chunk 1 transpose_a : tensor<?x8x16x!fxp.fixed<16, 8>>, tensor<?x8x16x!fxp.fixed<16, 8>> -> tensor<?x16x16xf32>
  %2 = fxp.matmul %ba, %bb chunk 1 transpose_a : tensor<?x8x16x!fxp.fixed<16, 8>>, tensor<?x8x16x!fxp.fixed<16, 8>> -> tensor<?x16x16xf32>
  // CHECK: fxp.matmul %{{.*}}, %{{.*}} saturating symmetric transpose_b : !fxp.dfp<64x256, 16>, !fxp.dfp<32x256, 16> -> tensor<64x32xf32>
  %s = fxp.matmul %x, %w saturating symmetric transpose_b : !fxp.dfp<64x256, 16>, !fxp.dfp<32x256, 16> -> tensor<64x32xf32>
  // CHECK: fxp.matmul %{{.*}}, %{{.*}} chunk 32 symmetric : !fxp.dfp<64x256, 14, block = 32, axis = 1>, !fxp.dfp<256x32, 14> -> tensor<64x32xf32>
  %blocks = fxp.matmul %xb, %wt chunk 32 symmetric : !fxp.dfp<64x256, 14, block = 32, axis = 1>, !fxp.dfp<256x32, 14> -> tensor<64x32xf32>
  return
}

// CHECK-LABEL: func.func @storage
func.func @storage(%q: tensor<4x!fxp.fixed<12, 8>>, %s: i8) -> (tensor<4xi16>, !fxp.fixed<5, 2>) {
  // CHECK: fxp.to_storage %{{.*}} : tensor<4x!fxp.fixed<12, 8>> -> tensor<4xi16>
  %0 = fxp.to_storage %q : tensor<4x!fxp.fixed<12, 8>> -> tensor<4xi16>
  // CHECK: fxp.from_storage %{{.*}} : i8 -> !fxp.fixed<5, 2>
  %1 = fxp.from_storage %s : i8 -> !fxp.fixed<5, 2>
  return %0, %1 : tensor<4xi16>, !fxp.fixed<5, 2>
}

// CHECK-LABEL: func.func @contract
func.func @contract(%in: tensor<8x10x10x16x!fxp.fixed<14, 10>>, %filter: tensor<3x3x16x32x!fxp.fixed<14, 12>>,
                    %a: !fxp.dfp<?x64, 14>, %b: !fxp.dfp<64x10, 14>,
                    %row: tensor<1x9x16x!fxp.fixed<14, 10>>, %taps: tensor<3x16x32x!fxp.fixed<14, 12>>) {
  // CHECK: fxp.contract %{{.*}}, %{{.*}} maps [#[[IN]], #{{.*}}, #{{.*}}] chunk 32 symmetric : tensor<8x10x10x16x!fxp.fixed<14, 10>>, tensor<3x3x16x32x!fxp.fixed<14, 12>> -> tensor<8x8x8x32xf32>
  %0 = fxp.contract %in, %filter
         maps [affine_map<(n, h, w, f, kh, kw, c) -> (n, h + kh, w + kw, c)>,
               affine_map<(n, h, w, f, kh, kw, c) -> (kh, kw, c, f)>,
               affine_map<(n, h, w, f, kh, kw, c) -> (n, h, w, f)>]
         chunk 32 symmetric
       : tensor<8x10x10x16x!fxp.fixed<14, 10>>, tensor<3x3x16x32x!fxp.fixed<14, 12>> -> tensor<8x8x8x32xf32>
  // CHECK: fxp.contract %{{.*}}, %{{.*}} maps [{{.*}}] chunk 7 : !fxp.dfp<?x64, 14>, !fxp.dfp<64x10, 14> -> tensor<?x10xf32>
  %1 = fxp.contract %a, %b maps [affine_map<(i, j, k) -> (i, k)>, affine_map<(i, j, k) -> (k, j)>, affine_map<(i, j, k) -> (i, j)>]
         chunk 7 : !fxp.dfp<?x64, 14>, !fxp.dfp<64x10, 14> -> tensor<?x10xf32>
  // A stride of 2 reads rows up to 2 * 3 + 2 = 8 of 9.
  // CHECK: fxp.contract %{{.*}}, %{{.*}} maps [{{.*}}] chunk 31 : tensor<1x9x16x!fxp.fixed<14, 10>>, tensor<3x16x32x!fxp.fixed<14, 12>> -> tensor<1x4x32xf32>
  %2 = fxp.contract %row, %taps
         maps [affine_map<(n, h, f, kh, c) -> (n, h * 2 + kh, c)>,
               affine_map<(n, h, f, kh, c) -> (kh, c, f)>,
               affine_map<(n, h, f, kh, c) -> (n, h, f)>]
         chunk 31
       : tensor<1x9x16x!fxp.fixed<14, 10>>, tensor<3x16x32x!fxp.fixed<14, 12>> -> tensor<1x4x32xf32>
  return
}

// A dynamic output position (read as o + w) sized by `sizes`.
// CHECK-LABEL: func.func @contract_sizes
// CHECK-SAME:    %[[N:[^:]*]]: index)
func.func @contract_sizes(%x: !fxp.dfp<?, 14>, %k: !fxp.dfp<3, 14>, %n: index) -> tensor<?xf32> {
  // CHECK: fxp.contract %{{.*}}, %{{.*}} sizes(%[[N]]) maps [{{.*}}] chunk 32 symmetric : !fxp.dfp<?, 14>, !fxp.dfp<3, 14> -> tensor<?xf32>
  %0 = fxp.contract %x, %k sizes(%n)
         maps [affine_map<(o, w) -> (o + w)>, affine_map<(o, w) -> (w)>, affine_map<(o, w) -> (o)>]
         chunk 32 symmetric : !fxp.dfp<?, 14>, !fxp.dfp<3, 14> -> tensor<?xf32>
  return %0 : tensor<?xf32>
}

// CHECK-LABEL: func.func @x86
func.func @x86(%acc: vector<16xi32>, %a: vector<32xi16>, %b: vector<16xi16>) -> (vector<16xi32>, vector<8xi32>) {
  // CHECK: fxp.x86.vpdpwssd %{{.*}}, %{{.*}}, %{{.*}} : vector<16xi32>, vector<32xi16>
  %0 = fxp.x86.vpdpwssd %acc, %a, %a : vector<16xi32>, vector<32xi16>
  // CHECK: fxp.x86.vpmaddwd %{{.*}}, %{{.*}} : vector<16xi16> -> vector<8xi32>
  %1 = fxp.x86.vpmaddwd %b, %b : vector<16xi16> -> vector<8xi32>
  return %0, %1 : vector<16xi32>, vector<8xi32>
}
