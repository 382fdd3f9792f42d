// RUN: fxp-opt %s --pass-pipeline="builtin.module(func.func(fxp-lower-strided-copies))" | FileCheck %s

// A copy into a strided subview (a bufferized tensor.pad) becomes linalg.copy.
// CHECK-LABEL: func.func @into_subview
// CHECK: %[[SUB:.*]] = memref.subview
// CHECK-NOT: memref.copy
// CHECK: linalg.copy ins(%{{.*}} : memref<?x784xi16>) outs(%[[SUB]] : memref<?x784xi16, strided<[784, 1]>>)
func.func @into_subview(%src: memref<?x784xi16>, %padded: memref<?x784xi16>, %rows: index) {
  %sub = memref.subview %padded[0, 0] [%rows, 784] [1, 1]
      : memref<?x784xi16> to memref<?x784xi16, strided<[784, 1]>>
  memref.copy %src, %sub : memref<?x784xi16> to memref<?x784xi16, strided<[784, 1]>>
  return
}

// Copies that finalize-memref-to-llvm turns into llvm.memcpy stay: identity
// layouts, and static contiguous strided ones.
// CHECK-LABEL: func.func @contiguous
// CHECK-COUNT-2: memref.copy
// CHECK-NOT: linalg.copy
func.func @contiguous(%a: memref<?x8xf32>, %b: memref<?x8xf32>,
                      %c: memref<4x8xf32, strided<[8, 1], offset: 8>>, %d: memref<4x8xf32>) {
  memref.copy %a, %b : memref<?x8xf32> to memref<?x8xf32>
  memref.copy %c, %d : memref<4x8xf32, strided<[8, 1], offset: 8>> to memref<4x8xf32>
  return
}

// A static copy with gaps between its rows is strided too.
// CHECK-LABEL: func.func @gaps
// CHECK: linalg.copy
func.func @gaps(%a: memref<4x8xf32, strided<[16, 1]>>, %b: memref<4x8xf32>) {
  memref.copy %a, %b : memref<4x8xf32, strided<[16, 1]>> to memref<4x8xf32>
  return
}
