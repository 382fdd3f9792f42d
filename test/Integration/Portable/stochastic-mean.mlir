// Stochastic rounding is unbiased: 2^16 copies of one value quantized with one
// seed; the results must match the reference model bit for bit (see
// lit.local.cfg), and their mean must be within 5 standard deviations of the
// value (`unbiased 1`; the mean error is printed). With a fixed seed the test
// is deterministic, never flaky.
// RUN: fxp-testgen --op=quantize --shape=65536 --splat=0.3 --out=8,4 --rounding=stochastic --seed=1 > %t.1.mlir
// RUN: fxp-opt %t.1.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.1.mlir
// RUN: fxp-testgen --op=quantize --shape=256x256 --splat=-1.37 --out=16,10 --rounding=stochastic --seed=99 --stream=5 > %t.2.mlir
// RUN: fxp-opt %t.2.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.2.mlir
// RUN: fxp-testgen --op=quantize --shape=65536 --splat=0.00048828125 --out=8,4 --rounding=stochastic --seed=3 > %t.3.mlir
// RUN: fxp-opt %t.3.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.3.mlir
// RUN: fxp-testgen --op=quantize --shape=65536 --splat=-0.5 --out=12,0 --rounding=stochastic --seed=4 > %t.4.mlir
// RUN: fxp-opt %t.4.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.4.mlir
// The corners of stochastic rounding in f32 arithmetic: a tiny negative t
// (its fraction 1 - |t| is not a binary32), and negative and positive
// subnormals scaled so far down that x * 2^frac underflows to zero.
// RUN: fxp-testgen --op=quantize --shape=4096 --splat=-1e-30 --rounding=stochastic --seed=3 --out=16,8 > %t.c1.mlir
// RUN: fxp-opt %t.c1.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.c1.mlir
// RUN: fxp-testgen --op=quantize --shape=4096 --splat=-1.4e-45 --rounding=stochastic --seed=3 --out=16,-64 > %t.c2.mlir
// RUN: fxp-opt %t.c2.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.c2.mlir
// RUN: fxp-testgen --op=quantize --shape=4096 --splat=1.4e-45 --rounding=stochastic --seed=3 --out=16,-64 > %t.c3.mlir
// RUN: fxp-opt %t.c3.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.c3.mlir
