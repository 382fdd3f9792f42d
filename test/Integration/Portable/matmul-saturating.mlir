// fxp.matmul with saturating accumulation (vpdpwssds semantics), bit for bit
// against the reference model: random 16-bit operands whose long sums
// saturate and come back, an odd K (a lone last product), DFP, transposed,
// batched and dynamic operands, adversarial magnitudes that stay saturated.
// RUN: fxp-testgen --op=matmul --m=5 --n=7 --k=1001 --in=16,8 --saturating --symmetric > %t.1.mlir
// RUN: fxp-opt %t.1.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.1.mlir
// RUN: fxp-testgen --op=matmul --m=7 --n=33 --k=999 --dfp --width=16 --saturating --symmetric --dynamic --transpose-b > %t.2.mlir
// RUN: fxp-opt %t.2.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.2.mlir
// RUN: fxp-testgen --op=matmul --batch=2 --m=3 --n=4 --k=301 --in=15,3 --saturating --transpose-a > %t.3.mlir
// RUN: fxp-opt %t.3.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.3.mlir
// RUN: fxp-testgen --op=matmul --adversarial --m=3 --n=5 --k=1000 --in=16,8 --saturating --symmetric > %t.4.mlir
// RUN: fxp-opt %t.4.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.4.mlir
// RUN: fxp-testgen --op=matmul --from-float --dfp --m=20 --n=18 --k=64 --width=16 --saturating --symmetric --rounding=stochastic --overflow=saturate_symmetric --seed=3 > %t.5.mlir
// RUN: fxp-opt %t.5.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.5.mlir
