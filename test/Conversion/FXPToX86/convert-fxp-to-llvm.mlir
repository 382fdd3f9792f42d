// RUN: fxp-opt %s -convert-fxp-to-llvm | FileCheck %s

// CHECK-LABEL: func.func @intrinsics
// CHECK: llvm.call_intrinsic "llvm.x86.avx512.vpdpwssd.512"(%{{.*}}, %{{.*}}, %{{.*}}) : (vector<16xi32>, vector<32xi16>, vector<32xi16>) -> vector<16xi32>
// CHECK: llvm.call_intrinsic "llvm.x86.avx512.vpdpwssds.512"(%{{.*}}, %{{.*}}, %{{.*}}) : (vector<16xi32>, vector<32xi16>, vector<32xi16>) -> vector<16xi32>
// CHECK: llvm.call_intrinsic "llvm.x86.avx2.pmadd.wd"(%{{.*}}, %{{.*}}) : (vector<16xi16>, vector<16xi16>) -> vector<8xi32>
// CHECK: llvm.call_intrinsic "llvm.x86.avx512.pmaddw.d.512"(%{{.*}}, %{{.*}}) : (vector<32xi16>, vector<32xi16>) -> vector<16xi32>
func.func @intrinsics(%acc: vector<16xi32>, %a: vector<32xi16>, %b: vector<16xi16>) -> (vector<16xi32>, vector<16xi32>, vector<8xi32>, vector<16xi32>) {
  %0 = fxp.x86.vpdpwssd %acc, %a, %a : vector<16xi32>, vector<32xi16>
  %s = fxp.x86.vpdpwssds %acc, %a, %a : vector<16xi32>, vector<32xi16>
  %1 = fxp.x86.vpmaddwd %b, %b : vector<16xi16> -> vector<8xi32>
  %2 = fxp.x86.vpmaddwd %a, %a : vector<32xi16> -> vector<16xi32>
  return %0, %s, %1, %2 : vector<16xi32>, vector<16xi32>, vector<8xi32>, vector<16xi32>
}
