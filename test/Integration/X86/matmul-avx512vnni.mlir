// The matmuls of ../Portable (shapes off the tiles, transposes, DFP,
// adversarial magnitudes with long K, the 256^3 acceptance case) through
// the avx512vnni kernels, bit for bit against the reference model.
// On CPUs without AVX512-VNNI, %target_avx512vnni runs the kernels emulated.
// RUN: fxp-testgen --op=matmul --m=5 --n=7 --k=33 --in=8,4 --chunk=4 > %t.1.mlir
// RUN: fxp-opt %t.1.mlir --fxp-lower-to-llvm="%target_avx512vnni" | %run-main \
// RUN:   | FileCheck %t.1.mlir
// RUN: fxp-testgen --op=matmul --m=5 --n=7 --k=33 --in=16,8 --rhs=16,-3 --chunk=2 --symmetric > %t.2.mlir
// RUN: fxp-opt %t.2.mlir --fxp-lower-to-llvm="%target_avx512vnni" | %run-main \
// RUN:   | FileCheck %t.2.mlir
// RUN: fxp-testgen --op=matmul --m=3 --n=9 --k=100 --in=14,3 --rhs=14,-5 --chunk=32 --symmetric > %t.3.mlir
// RUN: fxp-opt %t.3.mlir --fxp-lower-to-llvm="%target_avx512vnni" | %run-main \
// RUN:   | FileCheck %t.3.mlir
// RUN: fxp-testgen --op=matmul --m=7 --n=3 --k=13 --dynamic --transpose-a --in=8,4 --chunk=4 > %t.4.mlir
// RUN: fxp-opt %t.4.mlir --fxp-lower-to-llvm="%target_avx512vnni" | %run-main \
// RUN:   | FileCheck %t.4.mlir
// RUN: fxp-testgen --op=matmul --m=7 --n=3 --k=13 --transpose-b --in=12,4 --chunk=100 > %t.5.mlir
// RUN: fxp-opt %t.5.mlir --fxp-lower-to-llvm="%target_avx512vnni" | %run-main \
// RUN:   | FileCheck %t.5.mlir
// RUN: fxp-testgen --op=matmul --dfp --width=16 --m=5 --n=7 --k=33 --chunk=2 --symmetric > %t.6.mlir
// RUN: fxp-opt %t.6.mlir --fxp-lower-to-llvm="%target_avx512vnni" | %run-main \
// RUN:   | FileCheck %t.6.mlir
// RUN: fxp-testgen --op=matmul --adversarial --m=3 --n=5 --k=1000 --in=16,8 --chunk=2 --symmetric > %t.7.mlir
// RUN: fxp-opt %t.7.mlir --fxp-lower-to-llvm="%target_avx512vnni" | %run-main \
// RUN:   | FileCheck %t.7.mlir
// RUN: fxp-testgen --op=matmul --adversarial --m=2 --n=3 --k=1000 --in=8,0 --chunk=131070 > %t.8.mlir
// RUN: fxp-opt %t.8.mlir --fxp-lower-to-llvm="%target_avx512vnni" | %run-main \
// RUN:   | FileCheck %t.8.mlir
// RUN: fxp-testgen --op=matmul --adversarial --m=3 --n=4 --k=1000 --dfp --width=13 --chunk=128 --symmetric --dynamic > %t.9.mlir
// RUN: fxp-opt %t.9.mlir --fxp-lower-to-llvm="%target_avx512vnni" | %run-main \
// RUN:   | FileCheck %t.9.mlir
// RUN: fxp-testgen --op=matmul --from-float --dfp --m=256 --n=256 --k=256 --width=16 --chunk=2 --symmetric --rounding=stochastic --overflow=saturate_symmetric --seed=7 --scale=2 > %t.10.mlir
// RUN: fxp-opt %t.10.mlir --fxp-lower-to-llvm="%target_avx512vnni" | %run-main \
// RUN:   | FileCheck %t.10.mlir
// Many row tiles and column panels, 25 chunks, tails everywhere.
// RUN: fxp-testgen --op=matmul --dfp --width=14 --m=200 --n=40 --k=777 --chunk=32 --symmetric --transpose-b > %t.c1.mlir
// RUN: fxp-opt %t.c1.mlir --fxp-lower-to-llvm="%target_avx512vnni" | %run-main \
// RUN:   | FileCheck %t.c1.mlir
// Transposed operands packed in register-transposed blocks: several blocks
// and ragged edges along m, n and k, i16 and i8 storage.
// RUN: fxp-testgen --op=matmul --dfp --width=16 --m=37 --n=20 --k=301 --chunk=2 --symmetric --transpose-a > %t.t1.mlir
// RUN: fxp-opt %t.t1.mlir --fxp-lower-to-llvm="%target_avx512vnni" | %run-main \
// RUN:   | FileCheck %t.t1.mlir
// RUN: fxp-testgen --op=matmul --m=19 --n=35 --k=99 --in=8,4 --chunk=4 --transpose-a --transpose-b > %t.t2.mlir
// RUN: fxp-opt %t.t2.mlir --fxp-lower-to-llvm="%target_avx512vnni" | %run-main \
// RUN:   | FileCheck %t.t2.mlir
// One block of 16 rows, whose 3 row tiles reach into the padding.
// RUN: fxp-testgen --op=matmul --m=16 --n=17 --k=40 --in=12,4 --chunk=16 --transpose-a > %t.t3.mlir
// RUN: fxp-opt %t.t3.mlir --fxp-lower-to-llvm="%target_avx512vnni" | %run-main \
// RUN:   | FileCheck %t.t3.mlir
// Saturating accumulation: one saturating i32 sum per result element.
// RUN: fxp-testgen --op=matmul --m=5 --n=7 --k=1001 --in=16,8 --saturating --symmetric > %t.s1.mlir
// RUN: fxp-opt %t.s1.mlir --fxp-lower-to-llvm="%target_avx512vnni" | %run-main \
// RUN:   | FileCheck %t.s1.mlir
// RUN: fxp-testgen --op=matmul --m=7 --n=33 --k=999 --dfp --width=16 --saturating --symmetric --dynamic --transpose-b > %t.s2.mlir
// RUN: fxp-opt %t.s2.mlir --fxp-lower-to-llvm="%target_avx512vnni" | %run-main \
// RUN:   | FileCheck %t.s2.mlir
// RUN: fxp-testgen --op=matmul --adversarial --m=3 --n=5 --k=1000 --in=16,8 --saturating --symmetric > %t.s3.mlir
// RUN: fxp-opt %t.s3.mlir --fxp-lower-to-llvm="%target_avx512vnni" | %run-main \
// RUN:   | FileCheck %t.s3.mlir
// Batched matmuls gather their operands and run the kernel per batch.
// RUN: fxp-testgen --op=matmul --batch=3 --m=5 --n=7 --k=33 --in=8,4 --chunk=4 > %t.g1.mlir
// RUN: fxp-opt %t.g1.mlir --fxp-lower-to-llvm="%target_avx512vnni" | %run-main \
// RUN:   | FileCheck %t.g1.mlir
// RUN: fxp-testgen --op=matmul --batch=2 --m=7 --n=19 --k=40 --in=14,3 --chunk=32 --symmetric --transpose-a --dynamic > %t.g2.mlir
// RUN: fxp-opt %t.g2.mlir --fxp-lower-to-llvm="%target_avx512vnni" | %run-main \
// RUN:   | FileCheck %t.g2.mlir
// RUN: fxp-testgen --op=matmul --batch=2 --m=3 --n=4 --k=301 --in=15,3 --saturating --transpose-b > %t.g3.mlir
// RUN: fxp-opt %t.g3.mlir --fxp-lower-to-llvm="%target_avx512vnni" | %run-main \
// RUN:   | FileCheck %t.g3.mlir
// Per-block DFP operands: a segment per block, scaled in the epilogue.
// RUN: fxp-testgen --op=matmul --dfp --width=14 --m=5 --n=7 --k=100 --chunk=32 --symmetric --block=32 > %t.p1.mlir
// RUN: fxp-opt %t.p1.mlir --fxp-lower-to-llvm="%target_avx512vnni" | %run-main \
// RUN:   | FileCheck %t.p1.mlir
// RUN: fxp-testgen --op=matmul --dfp --width=14 --m=13 --n=37 --k=130 --chunk=6 --symmetric --block=20 --transpose-a --transpose-b > %t.p2.mlir
// RUN: fxp-opt %t.p2.mlir --fxp-lower-to-llvm="%target_avx512vnni" | %run-main \
// RUN:   | FileCheck %t.p2.mlir
// RUN: fxp-testgen --op=matmul --dfp --width=16 --m=4 --n=6 --k=77 --saturating --symmetric --block=10 --transpose-b --dynamic > %t.p3.mlir
// RUN: fxp-opt %t.p3.mlir --fxp-lower-to-llvm="%target_avx512vnni" | %run-main \
// RUN:   | FileCheck %t.p3.mlir
// RUN: fxp-testgen --op=matmul --from-float --dfp --m=9 --n=10 --k=70 --width=14 --chunk=32 --block=32 --symmetric --rounding=stochastic --overflow=saturate_symmetric --seed=5 > %t.p4.mlir
// RUN: fxp-opt %t.p4.mlir --fxp-lower-to-llvm="%target_avx512vnni" | %run-main \
// RUN:   | FileCheck %t.p4.mlir
