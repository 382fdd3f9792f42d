// Buffers come from aligned_alloc, whose pointer LLVM knows to alias nothing
// (malloc's, aligned by integer arithmetic, did not say so): loops that
// write fresh buffers then vectorize, such as this bias and ReLU over NHWC
// tensors of 8 channels (scalar with malloc).
// RUN: fxp-opt %s --fxp-lower-to-llvm=target=portable | FileCheck %s --check-prefix=LLVM
// RUN: fxp-opt %s --fxp-lower-to-llvm=target=portable | mlir-translate --mlir-to-llvmir \
// RUN:   | opt -O3 -mtriple=x86_64-unknown-linux-gnu -mattr=+avx2 \
// RUN:   | llc -O3 -mattr=+avx2 | FileCheck %s
// LLVM-NOT: @malloc
// LLVM: llvm.call @aligned_alloc
// CHECK: vmaxps {{.*}}%ymm
#nhwc = affine_map<(n, h, w, c) -> (n, h, w, c)>
#channel = affine_map<(n, h, w, c) -> (c)>
func.func @bias_relu(%x: tensor<32x6x6x8xf32>, %b: tensor<8xf32>) -> tensor<32x6x6x8xf32> {
  %empty = tensor.empty() : tensor<32x6x6x8xf32>
  %zero = arith.constant 0.0 : f32
  %y = linalg.generic {indexing_maps = [#nhwc, #channel, #nhwc],
                       iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%x, %b : tensor<32x6x6x8xf32>, tensor<8xf32>) outs(%empty : tensor<32x6x6x8xf32>) {
  ^bb0(%in: f32, %bias: f32, %out: f32):
    %sum = arith.addf %in, %bias : f32
    %relu = arith.maximumf %sum, %zero : f32
    linalg.yield %relu : f32
  } -> tensor<32x6x6x8xf32>
  return %y : tensor<32x6x6x8xf32>
}
