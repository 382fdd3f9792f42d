// Options that ask for formats that do not exist are errors, not crashes.
// RUN: not fxp-opt %s -fxp-quantize-training="width=40" 2>&1 | FileCheck %s --check-prefix=WIDTH
// RUN: not fxp-opt %s -fxp-quantize-training="recipe=gupta frac-bits=100" 2>&1 | FileCheck %s --check-prefix=FRAC
// RUN: not fxp-opt %s -fxp-quantize-training="recipe=gupta block=32" 2>&1 | FileCheck %s --check-prefix=BLOCK
// RUN: not fxp-opt %s -fxp-quantize-training="headroom=-5" 2>&1 | FileCheck %s --check-prefix=HEADROOM
// RUN: not fxp-opt %s -fxp-quantize-training="headroom=65" 2>&1 | FileCheck %s --check-prefix=HEADROOM65
// RUN: not fxp-opt %s -fxp-quantize-training="min-chunk=-1" 2>&1 | FileCheck %s --check-prefix=MINCHUNK
// WIDTH: error: fxp-quantize-training: fixed-point width must be in [2, 32], got 40
// FRAC: error: fxp-quantize-training: fixed-point fraction bits must be in [-64, 64], got 100
// BLOCK: error: fxp-quantize-training: block=32 needs the dfp16 recipe and a non-negative size
// HEADROOM: error: fxp-quantize-training: headroom must be in [0, 64], got -5
// HEADROOM65: error: fxp-quantize-training: headroom must be in [0, 64], got 65
// MINCHUNK: error: fxp-quantize-training: min-chunk must be non-negative, got -1
func.func @f(%x: tensor<4x8xf32>, %w: tensor<8x3xf32>, %init: tensor<4x3xf32>) -> tensor<4x3xf32> {
  %y = linalg.matmul ins(%x, %w : tensor<4x8xf32>, tensor<8x3xf32>) outs(%init : tensor<4x3xf32>) -> tensor<4x3xf32>
  return %y : tensor<4x3xf32>
}
