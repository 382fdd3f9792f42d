// fxp.add and fxp.sub, compared bit for bit with the reference model (see
// lit.local.cfg): every rounding mode, every overflow mode, mixed formats with
// W from 2 to 32 and F < 0, 0 and > W.
// RUN: fxp-testgen --op=add --shape=13x5 --rounding=floor --overflow=saturate --in=16,8 --rhs=16,4 --out=16,4 --data-seed=1 > %t.1.mlir
// RUN: fxp-opt %t.1.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.1.mlir
// RUN: fxp-testgen --op=add --shape=3x17x2 --rounding=toward_zero --overflow=saturate_symmetric --in=8,4 --rhs=8,4 --out=8,2 --data-seed=2 > %t.2.mlir
// RUN: fxp-opt %t.2.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.2.mlir
// RUN: fxp-testgen --op=add --shape=7 --rounding=nearest_even --overflow=wrap --in=32,30 --rhs=32,0 --out=32,10 --data-seed=3 > %t.3.mlir
// RUN: fxp-opt %t.3.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.3.mlir
// RUN: fxp-testgen --op=add --shape=1 --rounding=nearest_away --overflow=saturate --in=2,0 --rhs=5,3 --out=2,-1 --data-seed=4 > %t.4.mlir
// RUN: fxp-opt %t.4.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.4.mlir
// RUN: fxp-testgen --op=add --shape=13x5 --rounding=nearest_up --overflow=saturate_symmetric --in=12,6 --rhs=17,10 --out=24,3 --data-seed=5 > %t.5.mlir
// RUN: fxp-opt %t.5.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.5.mlir
// RUN: fxp-testgen --op=add --shape=3x17x2 --rounding=biased --overflow=wrap --in=32,0 --rhs=32,31 --out=32,-20 --data-seed=6 > %t.6.mlir
// RUN: fxp-opt %t.6.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.6.mlir
// RUN: fxp-testgen --op=add --shape=7 --rounding=stochastic --overflow=saturate --in=31,-2 --rhs=24,4 --out=17,-3 --data-seed=7 > %t.7.mlir
// RUN: fxp-opt %t.7.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.7.mlir
// RUN: fxp-testgen --op=sub --shape=13x5 --rounding=floor --overflow=saturate --in=8,4 --rhs=8,4 --out=8,2 --data-seed=1 > %t.8.mlir
// RUN: fxp-opt %t.8.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.8.mlir
// RUN: fxp-testgen --op=sub --shape=3x17x2 --rounding=toward_zero --overflow=saturate_symmetric --in=16,8 --rhs=16,4 --out=16,4 --data-seed=2 > %t.9.mlir
// RUN: fxp-opt %t.9.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.9.mlir
// RUN: fxp-testgen --op=sub --shape=7 --rounding=nearest_even --overflow=wrap --in=2,0 --rhs=5,3 --out=2,-1 --data-seed=3 > %t.10.mlir
// RUN: fxp-opt %t.10.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.10.mlir
// RUN: fxp-testgen --op=sub --shape=1 --rounding=nearest_away --overflow=saturate --in=32,30 --rhs=32,0 --out=32,10 --data-seed=4 > %t.11.mlir
// RUN: fxp-opt %t.11.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.11.mlir
// RUN: fxp-testgen --op=sub --shape=13x5 --rounding=nearest_up --overflow=saturate_symmetric --in=32,0 --rhs=32,31 --out=32,-20 --data-seed=5 > %t.12.mlir
// RUN: fxp-opt %t.12.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.12.mlir
// RUN: fxp-testgen --op=sub --shape=3x17x2 --rounding=biased --overflow=wrap --in=12,6 --rhs=17,10 --out=24,3 --data-seed=6 > %t.13.mlir
// RUN: fxp-opt %t.13.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.13.mlir
// RUN: fxp-testgen --op=sub --shape=7 --rounding=stochastic --overflow=saturate --in=24,4 --rhs=31,-2 --out=17,-3 --data-seed=7 > %t.14.mlir
// RUN: fxp-opt %t.14.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.14.mlir

// Results with more fraction bits than the exact sum (exact, then saturated or
// wrapped), the default modes, a dynamic dimension 0 and scalar ops.
// RUN: fxp-testgen --op=add --shape=13x5 --in=16,4 --rhs=8,2 --out=16,8 > %t.15.mlir
// RUN: fxp-opt %t.15.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.15.mlir
// RUN: fxp-testgen --op=sub --shape=13x5 --in=16,4 --rhs=8,2 --out=12,10 --overflow=wrap > %t.16.mlir
// RUN: fxp-opt %t.16.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.16.mlir
// RUN: fxp-testgen --op=add --shape=7x13 --dynamic --rounding=stochastic --in=16,8 --rhs=16,8 --out=16,6 > %t.17.mlir
// RUN: fxp-opt %t.17.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.17.mlir
// RUN: fxp-testgen --op=sub --shape=23 --scalar --rounding=stochastic --overflow=wrap --in=16,8 --rhs=12,10 --out=8,3 > %t.18.mlir
// RUN: fxp-opt %t.18.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.18.mlir
