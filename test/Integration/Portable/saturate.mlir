// fxp.saturate and fxp.from_storage, compared bit for bit with the reference
// model (see lit.local.cfg). Saturating to a narrower width or symmetrically.
// RUN: fxp-testgen --op=saturate --shape=13x5 --in=16,8 --out=8,8 > %t.1.mlir
// RUN: fxp-opt %t.1.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.1.mlir
// RUN: fxp-testgen --op=saturate --shape=13x5 --in=16,8 --out=16,8 --symmetric > %t.2.mlir
// RUN: fxp-opt %t.2.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.2.mlir
// RUN: fxp-testgen --op=saturate --shape=3x17x2 --in=32,-3 --out=2,-3 --symmetric > %t.3.mlir
// RUN: fxp-opt %t.3.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.3.mlir
// RUN: fxp-testgen --op=saturate --shape=3x17x2 --in=32,40 --out=17,40 > %t.4.mlir
// RUN: fxp-opt %t.4.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.4.mlir
// RUN: fxp-testgen --op=saturate --shape=7x13 --dynamic --in=24,0 --out=12,0 --symmetric > %t.5.mlir
// RUN: fxp-opt %t.5.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.5.mlir
// RUN: fxp-testgen --op=saturate --shape=17 --scalar --in=12,5 --out=5,5 > %t.6.mlir
// RUN: fxp-opt %t.6.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.6.mlir

// fxp.from_storage keeps the low W bits of any storage integer.
// RUN: fxp-testgen --op=from_storage --shape=13x5 --out=2,0 > %t.7.mlir
// RUN: fxp-opt %t.7.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.7.mlir
// RUN: fxp-testgen --op=from_storage --shape=13x5 --out=5,3 > %t.8.mlir
// RUN: fxp-opt %t.8.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.8.mlir
// RUN: fxp-testgen --op=from_storage --shape=3x17x2 --out=12,-4 > %t.9.mlir
// RUN: fxp-opt %t.9.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.9.mlir
// RUN: fxp-testgen --op=from_storage --shape=3x17x2 --out=17,20 > %t.10.mlir
// RUN: fxp-opt %t.10.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.10.mlir
// RUN: fxp-testgen --op=from_storage --shape=7x13 --dynamic --out=31,31 > %t.11.mlir
// RUN: fxp-opt %t.11.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.11.mlir
// RUN: fxp-testgen --op=from_storage --shape=17 --scalar --out=9,1 > %t.12.mlir
// RUN: fxp-opt %t.12.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.12.mlir
