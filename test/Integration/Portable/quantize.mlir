// fxp.quantize and fxp.dequantize, compared bit for bit with the reference
// model (see lit.local.cfg). Every rounding mode with overflow `saturate`, at
// widths 2 to 24, with F < 0, F = 0 and F > W.
// RUN: fxp-testgen --op=quantize --shape=13x5 --rounding=floor --overflow=saturate --out=2,0 > %t.1.mlir
// RUN: fxp-opt %t.1.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.1.mlir
// RUN: fxp-testgen --op=quantize --shape=13x5 --rounding=toward_zero --overflow=saturate --out=5,-3 > %t.2.mlir
// RUN: fxp-opt %t.2.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.2.mlir
// RUN: fxp-testgen --op=quantize --shape=13x5 --rounding=nearest_even --overflow=saturate --out=8,4 > %t.3.mlir
// RUN: fxp-opt %t.3.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.3.mlir
// RUN: fxp-testgen --op=quantize --shape=13x5 --rounding=nearest_away --overflow=saturate --out=12,14 > %t.4.mlir
// RUN: fxp-opt %t.4.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.4.mlir
// RUN: fxp-testgen --op=quantize --shape=13x5 --rounding=nearest_up --overflow=saturate --out=16,8 > %t.5.mlir
// RUN: fxp-opt %t.5.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.5.mlir
// RUN: fxp-testgen --op=quantize --shape=13x5 --rounding=biased --overflow=saturate --out=17,20 > %t.6.mlir
// RUN: fxp-opt %t.6.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.6.mlir
// RUN: fxp-testgen --op=quantize --shape=13x5 --rounding=stochastic --overflow=saturate --out=24,30 > %t.7.mlir
// RUN: fxp-opt %t.7.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.7.mlir

// Every rounding mode with `saturate_symmetric`, at W = 2 to 32 and F = -64
// and 64.
// RUN: fxp-testgen --op=quantize --shape=3x17x2 --rounding=floor --overflow=saturate_symmetric --out=31,-10 > %t.8.mlir
// RUN: fxp-opt %t.8.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.8.mlir
// RUN: fxp-testgen --op=quantize --shape=3x17x2 --rounding=toward_zero --overflow=saturate_symmetric --out=32,64 > %t.9.mlir
// RUN: fxp-opt %t.9.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.9.mlir
// RUN: fxp-testgen --op=quantize --shape=3x17x2 --rounding=nearest_even --overflow=saturate_symmetric --out=32,-64 > %t.10.mlir
// RUN: fxp-opt %t.10.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.10.mlir
// RUN: fxp-testgen --op=quantize --shape=3x17x2 --rounding=nearest_away --overflow=saturate_symmetric --out=16,0 > %t.11.mlir
// RUN: fxp-opt %t.11.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.11.mlir
// RUN: fxp-testgen --op=quantize --shape=3x17x2 --rounding=nearest_up --overflow=saturate_symmetric --out=2,64 > %t.12.mlir
// RUN: fxp-opt %t.12.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.12.mlir
// RUN: fxp-testgen --op=quantize --shape=3x17x2 --rounding=biased --overflow=saturate_symmetric --out=8,-64 > %t.13.mlir
// RUN: fxp-opt %t.13.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.13.mlir
// RUN: fxp-testgen --op=quantize --shape=3x17x2 --rounding=stochastic --overflow=saturate_symmetric --out=12,3 > %t.14.mlir
// RUN: fxp-opt %t.14.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.14.mlir

// The default rounding and overflow (nearest_even, saturate); shapes 1, 7 and
// rank 0.
// RUN: fxp-testgen --op=quantize --shape=1 --out=8,4 > %t.15.mlir
// RUN: fxp-opt %t.15.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.15.mlir
// RUN: fxp-testgen --op=quantize --shape=7 --out=32,31 > %t.16.mlir
// RUN: fxp-opt %t.16.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.16.mlir
// RUN: fxp-testgen --op=quantize --shape= --rounding=stochastic --out=16,12 > %t.17.mlir
// RUN: fxp-opt %t.17.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.17.mlir

// A dynamic dimension 0 (the kernel takes tensor<?x13xf32>), and scalar ops
// (stochastic rounding of a scalar uses element index 0).
// RUN: fxp-testgen --op=quantize --shape=7x13 --dynamic --rounding=stochastic --out=16,12 > %t.18.mlir
// RUN: fxp-opt %t.18.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.18.mlir
// RUN: fxp-testgen --op=quantize --shape=7x13 --dynamic --rounding=biased --overflow=saturate_symmetric --out=9,2 > %t.19.mlir
// RUN: fxp-opt %t.19.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.19.mlir
// RUN: fxp-testgen --op=quantize --shape=37 --scalar --rounding=stochastic --out=8,4 > %t.20.mlir
// RUN: fxp-opt %t.20.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.20.mlir
// RUN: fxp-testgen --op=quantize --shape=37 --scalar --rounding=nearest_away --overflow=saturate_symmetric --out=24,-5 > %t.21.mlir
// RUN: fxp-opt %t.21.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.21.mlir

// Stochastic rounding with other seeds and streams, all 64 and 32 bits of them
// used; more random data at common formats.
// RUN: fxp-testgen --op=quantize --shape=5x33 --rounding=stochastic --seed=18446744073709551615 --stream=4294967295 --out=16,8 > %t.22.mlir
// RUN: fxp-opt %t.22.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.22.mlir
// RUN: fxp-testgen --op=quantize --shape=5x33 --rounding=stochastic --seed=0 --stream=0 --out=16,8 --data-seed=2 > %t.23.mlir
// RUN: fxp-opt %t.23.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.23.mlir
// RUN: fxp-testgen --op=quantize --shape=64x16 --rounding=nearest_even --out=16,12 --data-seed=3 > %t.24.mlir
// RUN: fxp-opt %t.24.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.24.mlir
// RUN: fxp-testgen --op=quantize --shape=64x16 --rounding=stochastic --out=8,5 --data-seed=4 > %t.25.mlir
// RUN: fxp-opt %t.25.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.25.mlir

// fxp.dequantize: exact up to W = 24, rounded to nearest even beyond.
// RUN: fxp-testgen --op=dequantize --shape=13x5 --in=2,0 > %t.26.mlir
// RUN: fxp-opt %t.26.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.26.mlir
// RUN: fxp-testgen --op=dequantize --shape=13x5 --in=8,-64 > %t.27.mlir
// RUN: fxp-opt %t.27.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.27.mlir
// RUN: fxp-testgen --op=dequantize --shape=13x5 --in=16,64 > %t.28.mlir
// RUN: fxp-opt %t.28.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.28.mlir
// RUN: fxp-testgen --op=dequantize --shape=3x17x2 --in=24,30 > %t.29.mlir
// RUN: fxp-opt %t.29.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.29.mlir
// RUN: fxp-testgen --op=dequantize --shape=3x17x2 --in=25,0 > %t.30.mlir
// RUN: fxp-opt %t.30.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.30.mlir
// RUN: fxp-testgen --op=dequantize --shape=3x17x2 --in=31,-3 > %t.31.mlir
// RUN: fxp-opt %t.31.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.31.mlir
// RUN: fxp-testgen --op=dequantize --shape=3x17x2 --in=32,17 > %t.32.mlir
// RUN: fxp-opt %t.32.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.32.mlir
// RUN: fxp-testgen --op=dequantize --shape=7x13 --dynamic --in=12,6 > %t.33.mlir
// RUN: fxp-opt %t.33.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.33.mlir
// RUN: fxp-testgen --op=dequantize --shape=19 --scalar --in=32,0 > %t.34.mlir
// RUN: fxp-opt %t.34.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.34.mlir
