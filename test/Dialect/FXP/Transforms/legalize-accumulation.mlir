// RUN: fxp-opt %s -split-input-file -fxp-legalize-accumulation | FileCheck %s
// RUN: fxp-opt %s -split-input-file -fxp-legalize-accumulation="min-chunk=32 narrow=true" | FileCheck %s --check-prefix=NARROW

// Chunks grow to the longest that provably sums in i32.
// CHECK-LABEL: func.func @widen
// CHECK: fxp.matmul %{{.*}}, %{{.*}} chunk 32 symmetric
// CHECK: fxp.contract %{{.*}}, %{{.*}} maps [{{.*}}] chunk 1023 :
func.func @widen(%a: tensor<4x64x!fxp.fixed<14, 10>>, %b: tensor<64x3x!fxp.fixed<14, 12>>,
                 %c: tensor<4x64x!fxp.fixed<12, 10>>, %d: tensor<64x3x!fxp.fixed<11, 10>>)
    -> (tensor<4x3xf32>, tensor<4x3xf32>) {
  %0 = fxp.matmul %a, %b chunk 1 symmetric : tensor<4x64x!fxp.fixed<14, 10>>, tensor<64x3x!fxp.fixed<14, 12>> -> tensor<4x3xf32>
  %1 = fxp.contract %c, %d maps [affine_map<(i, j, k) -> (i, k)>, affine_map<(i, j, k) -> (k, j)>, affine_map<(i, j, k) -> (i, j)>] chunk 3
       : tensor<4x64x!fxp.fixed<12, 10>>, tensor<64x3x!fxp.fixed<11, 10>> -> tensor<4x3xf32>
  return %0, %1 : tensor<4x3xf32>, tensor<4x3xf32>
}

// -----

// 16-bit DFP mantissas allow 2 products per chunk. With narrow=true they are
// narrowed to 14 bits (32 products), the exponents recomputed for 14 bits.
// CHECK-LABEL: func.func @dfp16
// CHECK: fxp.matmul %{{.*}}, %{{.*}} chunk 2 symmetric : !fxp.dfp<4x64, 16>, !fxp.dfp<64x3, 16>
// NARROW-LABEL: func.func @dfp16
// NARROW: %[[EA:.*]] = fxp.shared_exponent %{{.*}} width 14
// NARROW: fxp.quantize_dfp %{{.*}}, %[[EA]] {{.*}} -> !fxp.dfp<4x64, 14>
// NARROW: %[[EB:.*]] = fxp.shared_exponent %{{.*}} width 14
// NARROW: fxp.quantize_dfp %{{.*}}, %[[EB]] {{.*}} -> !fxp.dfp<64x3, 14>
// NARROW: fxp.matmul %{{.*}}, %{{.*}} chunk 32 symmetric : !fxp.dfp<4x64, 14>, !fxp.dfp<64x3, 14>
func.func @dfp16(%x: tensor<4x64xf32>, %w: tensor<64x3xf32>) -> tensor<4x3xf32> {
  %ex = fxp.shared_exponent %x width 16 : tensor<4x64xf32> -> tensor<i32>
  %dx = fxp.quantize_dfp %x, %ex overflow <saturate_symmetric> : tensor<4x64xf32>, tensor<i32> -> !fxp.dfp<4x64, 16>
  %ew = fxp.shared_exponent %w width 16 : tensor<64x3xf32> -> tensor<i32>
  %dw = fxp.quantize_dfp %w, %ew overflow <saturate_symmetric> : tensor<64x3xf32>, tensor<i32> -> !fxp.dfp<64x3, 16>
  %c = fxp.matmul %dx, %dw chunk 1 symmetric : !fxp.dfp<4x64, 16>, !fxp.dfp<64x3, 16> -> tensor<4x3xf32>
  return %c : tensor<4x3xf32>
}

// -----

// Fixed-point operands narrow by dropping low bits: the range stays.
// NARROW-LABEL: func.func @fixed
// NARROW: fxp.quantize %{{.*}} : tensor<4x64xf32> -> tensor<4x64x!fxp.fixed<14, 10>>
// NARROW: fxp.matmul {{.*}} chunk 32 symmetric : tensor<4x64x!fxp.fixed<14, 10>>, tensor<64x3x!fxp.fixed<14, 10>>
func.func @fixed(%x: tensor<4x64xf32>, %w: tensor<64x3xf32>) -> tensor<4x3xf32> {
  %qx = fxp.quantize %x : tensor<4x64xf32> -> tensor<4x64x!fxp.fixed<16, 12>>
  %qw = fxp.quantize %w : tensor<64x3xf32> -> tensor<64x3x!fxp.fixed<16, 12>>
  %c = fxp.matmul %qx, %qw chunk 1 symmetric : tensor<4x64x!fxp.fixed<16, 12>>, tensor<64x3x!fxp.fixed<16, 12>> -> tensor<4x3xf32>
  return %c : tensor<4x3xf32>
}

// -----

// A saturating accumulation has no chunks to legalize.
// CHECK-LABEL: func.func @saturating
// CHECK: fxp.matmul %{{.*}}, %{{.*}} saturating symmetric
func.func @saturating(%a: tensor<4x64x!fxp.fixed<16, 10>>, %b: tensor<64x3x!fxp.fixed<16, 12>>) -> tensor<4x3xf32> {
  %0 = fxp.matmul %a, %b saturating symmetric : tensor<4x64x!fxp.fixed<16, 10>>, tensor<64x3x!fxp.fixed<16, 12>> -> tensor<4x3xf32>
  return %0 : tensor<4x3xf32>
}
