// The kernels' hot loops are vpdpwssd with AVX512-VNNI and vpmaddwd + vpaddd
// with AVX2 (the CPU features are pinned, so this runs on any machine).
// RUN: fxp-opt %s --fxp-lower-to-llvm=target=avx512vnni | mlir-translate --mlir-to-llvmir | llc -O3 -mattr=+avx512f,+avx512bw,+avx512vl,+avx512vnni | FileCheck %s --check-prefix=VNNI
// RUN: fxp-opt %s --fxp-lower-to-llvm=target=avx2 | mlir-translate --mlir-to-llvmir | llc -O3 -mattr=+avx2 | FileCheck %s --check-prefix=AVX2
// RUN: fxp-opt %s --fxp-lower-to-llvm=target=avx512vnni | FileCheck %s --check-prefix=LLVM
// VNNI-COUNT-12: vpdpwssd {{.*}}%zmm
// AVX2-COUNT-8: vpmaddwd {{.*}}%ymm
// LLVM: llvm.call_intrinsic "llvm.x86.avx512.vpdpwssd.512"
func.func @matmul(%a: tensor<96x256x!fxp.fixed<14, 8>>, %b: tensor<256x64x!fxp.fixed<14, 4>>) -> tensor<96x64xf32> {
  %c = fxp.matmul %a, %b chunk 32 symmetric : tensor<96x256x!fxp.fixed<14, 8>>, tensor<256x64x!fxp.fixed<14, 4>> -> tensor<96x64xf32>
  return %c : tensor<96x64xf32>
}
