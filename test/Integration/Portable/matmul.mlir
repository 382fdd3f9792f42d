// fxp.matmul on fixed-point operands, compared bit for bit with the reference
// model (see lit.local.cfg): chunks of 1 (the largest legal at W = 16), 2 (the
// largest symmetric one), 3, 4, 32, 512 and whole, K not a multiple of them.
// RUN: fxp-testgen --op=matmul --m=5 --n=7 --k=33 --in=8,4 --chunk=4 > %t.1.mlir
// RUN: fxp-opt %t.1.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.1.mlir
// RUN: fxp-testgen --op=matmul --m=5 --n=7 --k=33 --in=8,4 --rhs=8,-2 --chunk=33 > %t.2.mlir
// RUN: fxp-opt %t.2.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.2.mlir
// RUN: fxp-testgen --op=matmul --m=5 --n=7 --k=33 --in=16,8 --chunk=1 > %t.3.mlir
// RUN: fxp-opt %t.3.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.3.mlir
// RUN: fxp-testgen --op=matmul --m=5 --n=7 --k=33 --in=16,8 --rhs=16,-3 --chunk=2 --symmetric > %t.4.mlir
// RUN: fxp-opt %t.4.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.4.mlir
// RUN: fxp-testgen --op=matmul --m=3 --n=9 --k=100 --in=14,3 --rhs=14,-5 --chunk=32 --symmetric > %t.5.mlir
// RUN: fxp-opt %t.5.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.5.mlir
// RUN: fxp-testgen --op=matmul --m=4 --n=5 --k=1100 --in=12,4 --chunk=512 --symmetric > %t.6.mlir
// RUN: fxp-opt %t.6.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.6.mlir
// RUN: fxp-testgen --op=matmul --m=2 --n=3 --k=17 --in=2,0 --rhs=32,10 --chunk=1 --symmetric > %t.7.mlir
// RUN: fxp-opt %t.7.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.7.mlir

// Transposed and batched operands, and a dynamic dimension 0 (M, K or the
// batch).
// RUN: fxp-testgen --op=matmul --m=6 --n=5 --k=9 --in=8,4 --chunk=3 --transpose-a > %t.8.mlir
// RUN: fxp-opt %t.8.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.8.mlir
// RUN: fxp-testgen --op=matmul --m=6 --n=5 --k=9 --in=8,4 --chunk=3 --transpose-b > %t.9.mlir
// RUN: fxp-opt %t.9.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.9.mlir
// RUN: fxp-testgen --op=matmul --m=6 --n=5 --k=9 --batch=3 --in=8,4 --chunk=2 --transpose-a --transpose-b > %t.10.mlir
// RUN: fxp-opt %t.10.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.10.mlir
// RUN: fxp-testgen --op=matmul --m=6 --n=5 --k=19 --batch=2 --in=10,6 --rhs=6,2 --chunk=5 > %t.11.mlir
// RUN: fxp-opt %t.11.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.11.mlir
// RUN: fxp-testgen --op=matmul --m=7 --n=3 --k=13 --dynamic --in=8,4 --chunk=4 > %t.12.mlir
// RUN: fxp-opt %t.12.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.12.mlir
// RUN: fxp-testgen --op=matmul --m=7 --n=3 --k=13 --dynamic --transpose-a --in=8,4 --chunk=4 > %t.13.mlir
// RUN: fxp-opt %t.13.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.13.mlir
// RUN: fxp-testgen --op=matmul --m=7 --n=3 --k=13 --dynamic --batch=2 --transpose-b --in=8,4 --chunk=4 > %t.14.mlir
// RUN: fxp-opt %t.14.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.14.mlir

// Per-tensor DFP operands (fxp.make_dfp): the scale is 2^(ea + eb).
// RUN: fxp-testgen --op=matmul --dfp --width=16 --m=5 --n=7 --k=33 --chunk=2 --symmetric > %t.15.mlir
// RUN: fxp-opt %t.15.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.15.mlir
// RUN: fxp-testgen --op=matmul --dfp --width=8 --m=5 --n=7 --k=33 --chunk=100 --transpose-b --batch=2 > %t.16.mlir
// RUN: fxp-opt %t.16.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.16.mlir
// RUN: fxp-testgen --op=matmul --dfp --width=14 --m=5 --n=4 --k=65 --chunk=32 --symmetric --dynamic --transpose-a > %t.17.mlir
// RUN: fxp-opt %t.17.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.17.mlir

// Operands quantized in the kernel (fxp.quantize, or fxp.shared_exponent and
// fxp.quantize_dfp: the DFP16 recipe) from f32 with NaN, infinities and values
// beyond the range.
// RUN: fxp-testgen --op=matmul --from-float --m=5 --n=7 --k=33 --in=8,4 --chunk=4 --rounding=stochastic > %t.18.mlir
// RUN: fxp-opt %t.18.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.18.mlir
// RUN: fxp-testgen --op=matmul --from-float --m=5 --n=7 --k=33 --batch=2 --transpose-a --in=16,12 --chunk=2 --symmetric --rounding=stochastic --overflow=saturate_symmetric > %t.19.mlir
// RUN: fxp-opt %t.19.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.19.mlir
// RUN: fxp-testgen --op=matmul --from-float --dfp --width=14 --m=5 --n=7 --k=40 --scale=3 --chunk=32 --symmetric --rounding=stochastic --overflow=saturate_symmetric > %t.20.mlir
// RUN: fxp-opt %t.20.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.20.mlir
// RUN: fxp-testgen --op=matmul --from-float --dfp --width=16 --m=5 --n=7 --k=33 --headroom=1 --chunk=1 --dynamic > %t.21.mlir
// RUN: fxp-opt %t.21.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.21.mlir
