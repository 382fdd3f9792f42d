// Saturating accumulation: the hot loop is vpdpwssds with AVX512-VNNI, and
// vpmaddwd followed by a saturating add with AVX2 (CPU features pinned, so
// this runs on any machine).
// RUN: fxp-opt %s --fxp-lower-to-llvm=target=avx512vnni | mlir-translate --mlir-to-llvmir | llc -O3 -mattr=+avx512f,+avx512bw,+avx512vl,+avx512vnni | FileCheck %s --check-prefix=VNNI
// RUN: fxp-opt %s --fxp-lower-to-llvm=target=avx2 | mlir-translate --mlir-to-llvmir | llc -O3 -mattr=+avx2 | FileCheck %s --check-prefix=AVX2
// RUN: fxp-opt %s --fxp-lower-to-llvm=target=avx512vnni | FileCheck %s --check-prefix=LLVM
// VNNI-COUNT-12: vpdpwssds {{.*}}%zmm
// VNNI-NOT: vpdpwssd {{.*}}%zmm
// AVX2-COUNT-8: vpmaddwd {{.*}}%ymm
// LLVM: llvm.call_intrinsic "llvm.x86.avx512.vpdpwssds.512"
func.func @matmul(%a: tensor<96x256x!fxp.fixed<16, 8>>, %b: tensor<256x64x!fxp.fixed<16, 4>>) -> tensor<96x64xf32> {
  %c = fxp.matmul %a, %b saturating symmetric : tensor<96x256x!fxp.fixed<16, 8>>, tensor<256x64x!fxp.fixed<16, 4>> -> tensor<96x64xf32>
  return %c : tensor<96x64xf32>
}
