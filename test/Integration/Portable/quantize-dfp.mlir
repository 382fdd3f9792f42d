// fxp.quantize_dfp, compared bit for bit with the reference model (see
// lit.local.cfg), with the exponents of fxp.shared_exponent: every rounding
// mode with both overflow modes, W from 2 to 32, headroom, per-tensor and
// per-block exponents along every axis, block maxima from 2^-104 to 2^104.
// RUN: fxp-testgen --op=quantize_dfp --shape=7x13x3 --rounding=floor --overflow=saturate --width=16 --headroom=0 --scale=0 --data-seed=1 > %t.1.mlir
// RUN: fxp-opt %t.1.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.1.mlir
// RUN: fxp-testgen --op=quantize_dfp --shape=7x13x3 --rounding=toward_zero --overflow=saturate_symmetric --width=8 --headroom=1 --scale=-3 --block=4 --axis=1 --data-seed=2 > %t.2.mlir
// RUN: fxp-opt %t.2.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.2.mlir
// RUN: fxp-testgen --op=quantize_dfp --shape=7x13x3 --rounding=nearest_even --overflow=saturate --width=2 --headroom=0 --scale=0 --block=3 --axis=0 --data-seed=3 > %t.3.mlir
// RUN: fxp-opt %t.3.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.3.mlir
// RUN: fxp-testgen --op=quantize_dfp --shape=7x13x3 --rounding=nearest_away --overflow=saturate_symmetric --width=12 --headroom=3 --scale=20 --block=1 --axis=2 --data-seed=4 > %t.4.mlir
// RUN: fxp-opt %t.4.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.4.mlir
// RUN: fxp-testgen --op=quantize_dfp --shape=7x13x3 --rounding=nearest_up --overflow=saturate --width=24 --headroom=0 --scale=-100 --block=32 --axis=1 --data-seed=5 > %t.5.mlir
// RUN: fxp-opt %t.5.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.5.mlir
// RUN: fxp-testgen --op=quantize_dfp --shape=7x13x3 --rounding=biased --overflow=saturate_symmetric --width=32 --headroom=2 --scale=100 --block=5 --axis=2 --data-seed=6 > %t.6.mlir
// RUN: fxp-opt %t.6.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.6.mlir
// RUN: fxp-testgen --op=quantize_dfp --shape=7x13x3 --rounding=stochastic --overflow=saturate --width=14 --headroom=0 --scale=5 --data-seed=7 > %t.7.mlir
// RUN: fxp-opt %t.7.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.7.mlir

// The other overflow mode for a few of them, and a dynamic dimension 0.
// RUN: fxp-testgen --op=quantize_dfp --shape=7x13x3 --rounding=stochastic --overflow=saturate --width=16 --block=4 --axis=1 --data-seed=8 > %t.8.mlir
// RUN: fxp-opt %t.8.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.8.mlir
// RUN: fxp-testgen --op=quantize_dfp --shape=7x13x3 --rounding=nearest_even --overflow=saturate_symmetric --width=8 --data-seed=9 > %t.9.mlir
// RUN: fxp-opt %t.9.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.9.mlir
// RUN: fxp-testgen --op=quantize_dfp --shape=7x13 --dynamic --rounding=stochastic --width=16 --block=4 --axis=0 > %t.10.mlir
// RUN: fxp-opt %t.10.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.10.mlir
// RUN: fxp-testgen --op=quantize_dfp --shape=7x13 --dynamic --rounding=biased --width=12 --block=5 --axis=1 > %t.11.mlir
// RUN: fxp-opt %t.11.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.11.mlir

// Exponents so large (block maxima near FLT_MAX, plus headroom) that x * 2^-e
// of an infinity, computed like a finite number, would not saturate.
// RUN: fxp-testgen --op=quantize_dfp --shape=7x13 --width=8 --headroom=10 --scale=124 --block=4 --axis=1 > %t.12.mlir
// RUN: fxp-opt %t.12.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.12.mlir
// RUN: fxp-testgen --op=quantize_dfp --shape=7x13 --width=2 --headroom=30 --scale=124 --overflow=saturate_symmetric > %t.13.mlir
// RUN: fxp-opt %t.13.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.13.mlir

// Any exponents, up to the ends of the i32 range (fxp.quantize_dfp takes them
// as an operand).
// RUN: fxp-testgen --op=quantize_dfp --any-exponents --shape=7x13x3 --width=16 --block=3 --axis=1 --rounding=stochastic > %t.14.mlir
// RUN: fxp-opt %t.14.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.14.mlir
// RUN: fxp-testgen --op=quantize_dfp --any-exponents --shape=7x13x3 --width=32 --scale=40 --rounding=biased --overflow=saturate_symmetric > %t.15.mlir
// RUN: fxp-opt %t.15.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.15.mlir
// RUN: fxp-testgen --op=quantize_dfp --any-exponents --shape=7x13x3 --width=2 --scale=-60 --block=2 --axis=0 --rounding=toward_zero > %t.16.mlir
// RUN: fxp-opt %t.16.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.16.mlir
