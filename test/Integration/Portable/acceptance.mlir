// The acceptance test: a 256x256x256 fxp.matmul whose operands come from
// fxp.quantize with stochastic rounding, so that quantization and the chunked
// contraction both run, matching the reference model bit for bit (see
// lit.local.cfg); and the same size with DFP16 operands (fxp.shared_exponent
// and fxp.quantize_dfp with stochastic rounding, W = 16, chunk 2).
// RUN: fxp-testgen --op=matmul --from-float --m=256 --n=256 --k=256 --in=14,10 --rhs=14,12 --chunk=32 --symmetric --rounding=stochastic --overflow=saturate_symmetric --seed=2026 > %t.1.mlir
// RUN: fxp-opt %t.1.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.1.mlir
// RUN: fxp-testgen --op=matmul --from-float --dfp --m=256 --n=256 --k=256 --width=16 --chunk=2 --symmetric --rounding=stochastic --overflow=saturate_symmetric --seed=7 --scale=2 > %t.2.mlir
// RUN: fxp-opt %t.2.mlir --fxp-lower-to-llvm=target=portable | %run-main \
// RUN:   | FileCheck %t.2.mlir
