// fxp.shared_exponent, compared bit for bit with the reference model (see
// lit.local.cfg). Per tensor: normal values at any scale, zeros only,
// subnormals only, infinities and NaN next to small values, and only NaN and
// infinities (both give exponent 0).
// RUN: fxp-testgen --op=shared_exponent --shape=7x13x3 --width=16 --headroom=0 --data-seed=7 > %t.1.mlir
// RUN: fxp-opt %t.1.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.1.mlir
// RUN: fxp-testgen --op=shared_exponent --shape=7x13x3 --width=8 --headroom=1 --data-seed=1 > %t.2.mlir
// RUN: fxp-opt %t.2.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.2.mlir
// RUN: fxp-testgen --op=shared_exponent --shape=7x13x3 --width=2 --headroom=0 --data-seed=2 > %t.3.mlir
// RUN: fxp-opt %t.3.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.3.mlir
// RUN: fxp-testgen --op=shared_exponent --shape=7x13x3 --width=32 --headroom=1 --data-seed=3 > %t.4.mlir
// RUN: fxp-opt %t.4.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.4.mlir
// RUN: fxp-testgen --op=shared_exponent --shape=7x13x3 --width=12 --headroom=0 --data-seed=6 > %t.5.mlir
// RUN: fxp-opt %t.5.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.5.mlir

// Per block along every axis, with blocks of every kind (also zeros, exact
// powers of two, FLT_MAX), partial blocks and headroom.
// RUN: fxp-testgen --op=shared_exponent --shape=7x13x3 --width=16 --block=4 --axis=1 > %t.6.mlir
// RUN: fxp-opt %t.6.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.6.mlir
// RUN: fxp-testgen --op=shared_exponent --shape=7x13x3 --width=12 --headroom=1 --block=3 --axis=0 --data-seed=2 > %t.7.mlir
// RUN: fxp-opt %t.7.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.7.mlir
// RUN: fxp-testgen --op=shared_exponent --shape=7x13x3 --width=8 --headroom=5 --block=1 --axis=2 --data-seed=3 > %t.8.mlir
// RUN: fxp-opt %t.8.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.8.mlir
// RUN: fxp-testgen --op=shared_exponent --shape=7x13x3 --width=14 --block=32 --axis=1 --data-seed=4 > %t.9.mlir
// RUN: fxp-opt %t.9.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.9.mlir
// RUN: fxp-testgen --op=shared_exponent --shape=64x40 --width=16 --block=32 --axis=1 --data-seed=5 > %t.10.mlir
// RUN: fxp-opt %t.10.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.10.mlir
// RUN: fxp-testgen --op=shared_exponent --shape=7x13 --dynamic --width=16 --block=4 --axis=0 > %t.11.mlir
// RUN: fxp-opt %t.11.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.11.mlir
// RUN: fxp-testgen --op=shared_exponent --shape=7x13 --dynamic --width=16 --data-seed=5 > %t.12.mlir
// RUN: fxp-opt %t.12.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.12.mlir

// fxp.dequantize of DFP tensors (fxp.make_dfp of mantissas and exponents),
// with exponents whose results are normal, subnormal, zero or infinite.
// RUN: fxp-testgen --op=dequantize_dfp --shape=7x13x3 --width=16 > %t.13.mlir
// RUN: fxp-opt %t.13.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.13.mlir
// RUN: fxp-testgen --op=dequantize_dfp --shape=7x13x3 --width=8 --block=4 --axis=1 --data-seed=2 > %t.14.mlir
// RUN: fxp-opt %t.14.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.14.mlir
// RUN: fxp-testgen --op=dequantize_dfp --shape=7x13x3 --width=2 --block=3 --axis=0 --data-seed=3 > %t.15.mlir
// RUN: fxp-opt %t.15.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.15.mlir
// RUN: fxp-testgen --op=dequantize_dfp --shape=7x13x3 --width=32 --block=5 --axis=2 --data-seed=4 > %t.16.mlir
// RUN: fxp-opt %t.16.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.16.mlir
// RUN: fxp-testgen --op=dequantize_dfp --shape=7x13x3 --width=25 --block=1 --axis=1 --data-seed=5 > %t.17.mlir
// RUN: fxp-opt %t.17.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.17.mlir
// RUN: fxp-testgen --op=dequantize_dfp --shape=7x13 --dynamic --width=16 --block=4 --axis=0 > %t.18.mlir
// RUN: fxp-opt %t.18.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.18.mlir
// Dequantization with exponents at the ends of the i32 range (results
// that overflow to infinity or round to zero), 8 and 24 bits, per block.
// RUN: fxp-testgen --op=dequantize_dfp --shape=40x30 --width=24 --any-exponents --data-seed=4 --block=7 --axis=1 > %t.n1.mlir
// RUN: fxp-opt %t.n1.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.n1.mlir
// RUN: fxp-testgen --op=dequantize_dfp --shape=40x30 --width=8 --any-exponents --data-seed=5 > %t.n2.mlir
// RUN: fxp-opt %t.n2.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.n2.mlir
