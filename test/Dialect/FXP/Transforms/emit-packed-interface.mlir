// RUN: fxp-opt %s -fxp-emit-packed-interface | FileCheck %s
// Running it again changes nothing.
// RUN: fxp-opt %s -fxp-emit-packed-interface -fxp-emit-packed-interface \
// RUN:   | FileCheck %s --check-prefix=TWICE
// TWICE-COUNT-2: llvm.func @_fxp_packed_
// TWICE-NOT: llvm.func @_fxp_packed_

// Each parameter is loaded from the pointer in its element of the array;
// the results' descriptors and the memref arguments are pointers too.
// CHECK-LABEL: llvm.func @_fxp_packed_step(
// CHECK-SAME: %[[ARGS:.*]]: !llvm.ptr) {
// CHECK: %[[A0:.*]] = llvm.getelementptr %[[ARGS]][0] : (!llvm.ptr) -> !llvm.ptr, !llvm.ptr
// CHECK: %[[P0:.*]] = llvm.load %[[A0]] : !llvm.ptr -> !llvm.ptr
// CHECK: %[[OUT:.*]] = llvm.load %[[P0]] : !llvm.ptr -> !llvm.ptr
// CHECK: %[[A1:.*]] = llvm.getelementptr %[[ARGS]][1]
// CHECK: %[[P1:.*]] = llvm.load %[[A1]] : !llvm.ptr -> !llvm.ptr
// CHECK: %[[X:.*]] = llvm.load %[[P1]] : !llvm.ptr -> !llvm.ptr
// CHECK: %[[A2:.*]] = llvm.getelementptr %[[ARGS]][2]
// CHECK: %[[P2:.*]] = llvm.load %[[A2]] : !llvm.ptr -> !llvm.ptr
// CHECK: %[[LR:.*]] = llvm.load %[[P2]] : !llvm.ptr -> f32
// CHECK: llvm.call @_mlir_ciface_step(%[[OUT]], %[[X]], %[[LR]]) : (!llvm.ptr, !llvm.ptr, f32) -> ()
// CHECK-NEXT: llvm.return
llvm.func @_mlir_ciface_step(%out: !llvm.ptr, %x: !llvm.ptr, %lr: f32) {
  llvm.return
}

// A returned value is stored through the pointer after the parameters'.
// CHECK-LABEL: llvm.func @_fxp_packed_count(
// CHECK-SAME: %[[ARGS:.*]]: !llvm.ptr) {
// CHECK: %[[N:.*]] = llvm.load %{{.*}} : !llvm.ptr -> i64
// CHECK: %[[R:.*]] = llvm.call @_mlir_ciface_count(%[[N]]) : (i64) -> i64
// CHECK: %[[A1:.*]] = llvm.getelementptr %[[ARGS]][1]
// CHECK: %[[P1:.*]] = llvm.load %[[A1]] : !llvm.ptr -> !llvm.ptr
// CHECK: llvm.store %[[R]], %[[P1]] : i64, !llvm.ptr
llvm.func @_mlir_ciface_count(%n: i64) -> i64 {
  llvm.return %n : i64
}

// Declarations and functions without a C interface get nothing.
// CHECK-NOT: _fxp_packed_external
// CHECK-NOT: _fxp_packed_helper
llvm.func @_mlir_ciface_external(!llvm.ptr)
llvm.func @helper() {
  llvm.return
}
