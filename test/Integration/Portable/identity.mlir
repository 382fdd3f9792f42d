// Ops that lower to nothing: fxp.saturate to its own type without `symmetric`
// (folded away) and fxp.from_storage at W = 8, 16, 32, so the kernel returns
// its argument, which the buffer deallocation pipeline returns as a
// `bufferization.clone` (see lit.local.cfg for the RUN lines).
// RUN: fxp-testgen --op=saturate --shape=13x5 --in=32,40 --out=32,40 > %t.1.mlir
// RUN: fxp-opt %t.1.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.1.mlir
// RUN: fxp-testgen --op=from_storage --shape=13x5 --out=16,3 > %t.2.mlir
// RUN: fxp-opt %t.2.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.2.mlir
