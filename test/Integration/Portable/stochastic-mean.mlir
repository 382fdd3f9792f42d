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
