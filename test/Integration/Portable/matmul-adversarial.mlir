// fxp.matmul with every operand at its largest magnitude (qmin or qmax, or
// -qmax when symmetric), constant along K, so that every chunk sum reaches
// +-chunk * max|a| * max|b|, the i32 bound of SEMANTICS §6, and the f32
// accumulator adds hundreds of such chunks; compared bit for bit with the
// reference model (see lit.local.cfg).
// RUN: fxp-testgen --op=matmul --adversarial --m=3 --n=5 --k=1000 --in=16,8 --chunk=2 --symmetric > %t.1.mlir
// RUN: fxp-opt %t.1.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.1.mlir
// RUN: fxp-testgen --op=matmul --adversarial --m=3 --n=5 --k=1000 --in=14,8 --chunk=32 --symmetric --transpose-a > %t.2.mlir
// RUN: fxp-opt %t.2.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.2.mlir
// RUN: fxp-testgen --op=matmul --adversarial --m=3 --n=5 --k=999 --in=16,8 --chunk=1 > %t.3.mlir
// RUN: fxp-opt %t.3.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.3.mlir
// RUN: fxp-testgen --op=matmul --adversarial --m=3 --n=5 --k=1000 --in=12,8 --chunk=512 --symmetric --transpose-b > %t.4.mlir
// RUN: fxp-opt %t.4.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.4.mlir
// RUN: fxp-testgen --op=matmul --adversarial --m=3 --n=4 --k=1000 --in=15,0 --chunk=8 --symmetric --batch=2 > %t.5.mlir
// RUN: fxp-opt %t.5.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.5.mlir
// RUN: fxp-testgen --op=matmul --adversarial --m=2 --n=3 --k=1000 --in=8,0 --chunk=131071 > %t.6.mlir
// RUN: fxp-opt %t.6.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.6.mlir
// RUN: fxp-testgen --op=matmul --adversarial --m=3 --n=4 --k=1000 --dfp --width=16 --chunk=2 --symmetric > %t.7.mlir
// RUN: fxp-opt %t.7.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.7.mlir
// RUN: fxp-testgen --op=matmul --adversarial --m=3 --n=4 --k=1000 --dfp --width=13 --chunk=128 --symmetric --dynamic > %t.8.mlir
// RUN: fxp-opt %t.8.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.8.mlir
