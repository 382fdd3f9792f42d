// fxp.matmul on per-block DFP operands (blocks along k, one exponent per
// block), bit for bit against the reference model: chunks that restart at
// block boundaries (chunk 7 in blocks of 16), partial last blocks, random
// exponents per block (make_dfp) and exponents computed in the kernel,
// transposed, batched and dynamic operands, saturating accumulation.
// RUN: fxp-testgen --op=matmul --dfp --width=14 --m=5 --n=7 --k=100 --chunk=32 --symmetric --block=32 > %t.1.mlir
// RUN: fxp-opt %t.1.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.1.mlir
// RUN: fxp-testgen --op=matmul --dfp --width=14 --m=5 --n=7 --k=100 --chunk=7 --symmetric --block=16 --transpose-a --dynamic > %t.2.mlir
// RUN: fxp-opt %t.2.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.2.mlir
// RUN: fxp-testgen --op=matmul --dfp --width=16 --m=4 --n=6 --k=77 --saturating --symmetric --block=10 --transpose-b > %t.3.mlir
// RUN: fxp-opt %t.3.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.3.mlir
// RUN: fxp-testgen --op=matmul --from-float --dfp --m=9 --n=10 --k=70 --width=14 --chunk=32 --block=32 --symmetric --rounding=stochastic --overflow=saturate_symmetric --seed=5 > %t.4.mlir
// RUN: fxp-opt %t.4.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.4.mlir
// RUN: fxp-testgen --op=matmul --from-float --dfp --batch=2 --m=3 --n=10 --k=45 --width=12 --chunk=100 --block=8 --rounding=nearest_even --overflow=saturate_symmetric --dynamic > %t.5.mlir
// RUN: fxp-opt %t.5.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.5.mlir
