// fxp.rescale, compared bit for bit with the reference model (see
// lit.local.cfg). Rescales that drop bits, with every rounding mode and every
// overflow mode; shifts from 1 to 84 bits (beyond the 32 bits of r). The
// formats that cannot overflow take the default overflow (the verifier
// rejects the others), so seeds 31 to 36 give their pairs of modes formats
// that can.
// RUN: fxp-testgen --op=rescale --shape=13x5 --rounding=floor --overflow=saturate --in=16,8 --out=8,4 --data-seed=1 > %t.1.mlir
// RUN: fxp-opt %t.1.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.1.mlir
// RUN: fxp-testgen --op=rescale --shape=3x17x2 --rounding=floor --overflow=saturate_symmetric --in=32,20 --out=16,8 --data-seed=2 > %t.2.mlir
// RUN: fxp-opt %t.2.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.2.mlir
// RUN: fxp-testgen --op=rescale --shape=7 --rounding=floor --in=32,64 --out=8,-20 --data-seed=3 > %t.3.mlir
// RUN: fxp-opt %t.3.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.3.mlir
// RUN: fxp-testgen --op=rescale --shape=3x17x2 --rounding=toward_zero --overflow=saturate --in=8,0 --out=2,-3 --data-seed=4 > %t.4.mlir
// RUN: fxp-opt %t.4.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.4.mlir
// RUN: fxp-testgen --op=rescale --shape=7 --rounding=toward_zero --overflow=saturate_symmetric --in=17,10 --out=12,5 --data-seed=5 > %t.5.mlir
// RUN: fxp-opt %t.5.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.5.mlir
// RUN: fxp-testgen --op=rescale --shape=13x5 --rounding=toward_zero --in=24,40 --out=5,0 --data-seed=6 > %t.6.mlir
// RUN: fxp-opt %t.6.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.6.mlir
// RUN: fxp-testgen --op=rescale --shape=7 --rounding=nearest_even --overflow=saturate --in=31,31 --out=31,30 --data-seed=7 > %t.7.mlir
// RUN: fxp-opt %t.7.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.7.mlir
// RUN: fxp-testgen --op=rescale --shape=13x5 --rounding=nearest_even --in=12,-4 --out=32,-40 --data-seed=8 > %t.8.mlir
// RUN: fxp-opt %t.8.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.8.mlir
// RUN: fxp-testgen --op=rescale --shape=3x17x2 --rounding=nearest_even --overflow=wrap --in=16,8 --out=8,4 --data-seed=9 > %t.9.mlir
// RUN: fxp-opt %t.9.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.9.mlir
// RUN: fxp-testgen --op=rescale --shape=13x5 --rounding=nearest_away --overflow=saturate --in=32,20 --out=16,8 --data-seed=10 > %t.10.mlir
// RUN: fxp-opt %t.10.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.10.mlir
// RUN: fxp-testgen --op=rescale --shape=3x17x2 --rounding=nearest_away --in=32,64 --out=8,-20 --data-seed=11 > %t.11.mlir
// RUN: fxp-opt %t.11.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.11.mlir
// RUN: fxp-testgen --op=rescale --shape=7 --rounding=nearest_away --overflow=wrap --in=8,0 --out=2,-3 --data-seed=12 > %t.12.mlir
// RUN: fxp-opt %t.12.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.12.mlir
// RUN: fxp-testgen --op=rescale --shape=3x17x2 --rounding=nearest_up --overflow=saturate --in=17,10 --out=12,5 --data-seed=13 > %t.13.mlir
// RUN: fxp-opt %t.13.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.13.mlir
// RUN: fxp-testgen --op=rescale --shape=7 --rounding=nearest_up --in=24,40 --out=5,0 --data-seed=14 > %t.14.mlir
// RUN: fxp-opt %t.14.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.14.mlir
// RUN: fxp-testgen --op=rescale --shape=13x5 --rounding=nearest_up --in=31,31 --out=31,30 --data-seed=15 > %t.15.mlir
// RUN: fxp-opt %t.15.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.15.mlir
// RUN: fxp-testgen --op=rescale --shape=7 --rounding=biased --overflow=saturate --in=12,-4 --out=32,-40 --data-seed=16 > %t.16.mlir
// RUN: fxp-opt %t.16.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.16.mlir
// RUN: fxp-testgen --op=rescale --shape=13x5 --rounding=biased --overflow=saturate_symmetric --in=16,8 --out=8,4 --data-seed=17 > %t.17.mlir
// RUN: fxp-opt %t.17.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.17.mlir
// RUN: fxp-testgen --op=rescale --shape=3x17x2 --rounding=biased --overflow=wrap --in=32,20 --out=16,8 --data-seed=18 > %t.18.mlir
// RUN: fxp-opt %t.18.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.18.mlir
// RUN: fxp-testgen --op=rescale --shape=13x5 --rounding=stochastic --overflow=saturate --in=32,64 --out=8,-20 --data-seed=19 > %t.19.mlir
// RUN: fxp-opt %t.19.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.19.mlir
// RUN: fxp-testgen --op=rescale --shape=3x17x2 --rounding=stochastic --overflow=saturate_symmetric --in=8,0 --out=2,-3 --data-seed=20 > %t.20.mlir
// RUN: fxp-opt %t.20.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.20.mlir
// RUN: fxp-testgen --op=rescale --shape=7 --rounding=stochastic --overflow=wrap --in=17,10 --out=12,5 --data-seed=21 > %t.21.mlir
// RUN: fxp-opt %t.21.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.21.mlir
// RUN: fxp-testgen --op=rescale --shape=7 --rounding=floor --overflow=wrap --in=17,10 --out=12,5 --data-seed=31 > %t.31.mlir
// RUN: fxp-opt %t.31.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.31.mlir
// RUN: fxp-testgen --op=rescale --shape=13x5 --rounding=toward_zero --overflow=wrap --in=32,20 --out=16,8 --data-seed=32 > %t.32.mlir
// RUN: fxp-opt %t.32.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.32.mlir
// RUN: fxp-testgen --op=rescale --shape=3x17x2 --rounding=nearest_up --overflow=wrap --in=16,8 --out=8,4 --data-seed=33 > %t.33.mlir
// RUN: fxp-opt %t.33.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.33.mlir
// RUN: fxp-testgen --op=rescale --shape=7 --rounding=nearest_even --overflow=saturate_symmetric --in=8,0 --out=2,-3 --data-seed=34 > %t.34.mlir
// RUN: fxp-opt %t.34.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.34.mlir
// RUN: fxp-testgen --op=rescale --shape=13x5 --rounding=nearest_away --overflow=saturate_symmetric --in=17,10 --out=12,5 --data-seed=35 > %t.35.mlir
// RUN: fxp-opt %t.35.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.35.mlir
// RUN: fxp-testgen --op=rescale --shape=3x17x2 --rounding=nearest_up --overflow=saturate_symmetric --in=32,20 --out=16,8 --data-seed=36 > %t.36.mlir
// RUN: fxp-opt %t.36.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.36.mlir

// Exact rescales (F2 >= F1, shifting left) that saturate or wrap; shifts of 64
// bits leave nothing (wrap) or saturate everything but 0.
// RUN: fxp-testgen --op=rescale --shape=13x5 --in=16,0 --out=8,4 > %t.22.mlir
// RUN: fxp-opt %t.22.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.22.mlir
// RUN: fxp-testgen --op=rescale --shape=13x5 --in=16,0 --out=8,4 --overflow=saturate_symmetric > %t.23.mlir
// RUN: fxp-opt %t.23.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.23.mlir
// RUN: fxp-testgen --op=rescale --shape=13x5 --in=16,0 --out=8,4 --overflow=wrap > %t.24.mlir
// RUN: fxp-opt %t.24.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.24.mlir
// RUN: fxp-testgen --op=rescale --shape=3x17x2 --in=32,-64 --out=32,0 > %t.25.mlir
// RUN: fxp-opt %t.25.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.25.mlir
// RUN: fxp-testgen --op=rescale --shape=3x17x2 --in=32,-64 --out=32,0 --overflow=wrap > %t.26.mlir
// RUN: fxp-opt %t.26.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.26.mlir
// RUN: fxp-testgen --op=rescale --shape=7 --in=5,2 --out=32,30 > %t.27.mlir
// RUN: fxp-opt %t.27.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.27.mlir

// A dynamic dimension 0, and scalar ops.
// RUN: fxp-testgen --op=rescale --shape=7x13 --dynamic --rounding=stochastic --in=16,8 --out=8,2 > %t.28.mlir
// RUN: fxp-opt %t.28.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.28.mlir
// RUN: fxp-testgen --op=rescale --shape=29 --scalar --rounding=stochastic --overflow=wrap --in=32,16 --out=12,3 > %t.29.mlir
// RUN: fxp-opt %t.29.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.29.mlir
// RUN: fxp-testgen --op=rescale --shape=29 --scalar --in=12,3 --out=32,20 > %t.30.mlir
// RUN: fxp-opt %t.30.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.30.mlir
