// RUN: fxp-opt %s -convert-fxp-to-llvm | FileCheck %s
// RUN: fxp-opt %s -convert-fxp-to-llvm=emulate=true | FileCheck %s --check-prefix=EMU

// CHECK-LABEL: func.func @intrinsics
// CHECK: llvm.call_intrinsic "llvm.x86.avx512.vpdpwssd.512"(%{{.*}}, %{{.*}}, %{{.*}}) : (vector<16xi32>, vector<32xi16>, vector<32xi16>) -> vector<16xi32>
// CHECK: llvm.call_intrinsic "llvm.x86.avx512.vpdpwssds.512"(%{{.*}}, %{{.*}}, %{{.*}}) : (vector<16xi32>, vector<32xi16>, vector<32xi16>) -> vector<16xi32>
// CHECK: llvm.call_intrinsic "llvm.x86.avx2.pmadd.wd"(%{{.*}}, %{{.*}}) : (vector<16xi16>, vector<16xi16>) -> vector<8xi32>
// CHECK: llvm.call_intrinsic "llvm.x86.avx512.pmaddw.d.512"(%{{.*}}, %{{.*}}) : (vector<32xi16>, vector<32xi16>) -> vector<16xi32>
// The emulation: exact i32 products, even and odd lanes added (wrapping),
// or added in i64 and clamped for vpdpwssds.
// EMU-LABEL: func.func @intrinsics(
// EMU-SAME:    %[[ACC:.*]]: vector<16xi32>, %[[A:.*]]: vector<32xi16>, %[[B:.*]]: vector<16xi16>
// EMU-DAG:   %[[MAX:.*]] = arith.constant dense<2147483647> : vector<16xi64>
// EMU-DAG:   %[[MIN:.*]] = arith.constant dense<-2147483648> : vector<16xi64>
// EMU:       %[[L:.*]] = arith.extsi %[[A]] : vector<32xi16> to vector<32xi32>
// EMU:       %[[R:.*]] = arith.extsi %[[A]] : vector<32xi16> to vector<32xi32>
// EMU:       %[[P:.*]] = arith.muli %[[L]], %[[R]] : vector<32xi32>
// EMU:       %[[EVEN:.*]] = vector.shuffle %[[P]], %[[P]] [0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30]
// EMU:       %[[ODD:.*]] = vector.shuffle %[[P]], %[[P]] [1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23, 25, 27, 29, 31]
// EMU:       %[[PAIRS:.*]] = arith.addi %[[EVEN]], %[[ODD]] : vector<16xi32>
// EMU:       %[[DOT:.*]] = arith.addi %[[ACC]], %[[PAIRS]] : vector<16xi32>
// EMU:       %[[WIDE:.*]] = arith.extsi %[[ACC]] : vector<16xi32> to vector<16xi64>
// EMU:       %[[BOTH:.*]] = arith.addi %{{.*}}, %{{.*}} : vector<16xi64>
// EMU:       %[[SUM:.*]] = arith.addi %[[WIDE]], %[[BOTH]] : vector<16xi64>
// EMU:       %[[LOW:.*]] = arith.maxsi %[[SUM]], %[[MIN]] : vector<16xi64>
// EMU:       %[[HIGH:.*]] = arith.minsi %[[LOW]], %[[MAX]] : vector<16xi64>
// EMU:       %[[SAT:.*]] = arith.trunci %[[HIGH]] : vector<16xi64> to vector<16xi32>
// EMU:       vector.shuffle {{.*}} [0, 2, 4, 6, 8, 10, 12, 14] : vector<16xi32>, vector<16xi32>
// EMU:       return %[[DOT]], %[[SAT]]
// EMU-NOT:   llvm.call_intrinsic
func.func @intrinsics(%acc: vector<16xi32>, %a: vector<32xi16>, %b: vector<16xi16>) -> (vector<16xi32>, vector<16xi32>, vector<8xi32>, vector<16xi32>) {
  %0 = fxp.x86.vpdpwssd %acc, %a, %a : vector<16xi32>, vector<32xi16>
  %s = fxp.x86.vpdpwssds %acc, %a, %a : vector<16xi32>, vector<32xi16>
  %1 = fxp.x86.vpmaddwd %b, %b : vector<16xi16> -> vector<8xi32>
  %2 = fxp.x86.vpmaddwd %a, %a : vector<32xi16> -> vector<16xi32>
  return %0, %s, %1, %2 : vector<16xi32>, vector<16xi32>, vector<8xi32>, vector<16xi32>
}
