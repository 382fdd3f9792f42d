"""fxp-quantize-training reads transposed operands (linalg.transpose, and
linalg.generic copies equal to one, chained) through the contraction's maps:
with a deterministic rounding this must give the bits of the same step fed
the transposed tensor directly."""

import numpy as np
import pytest

from fxp.compiler import compile_module

B, M, N, K = 3, 5, 7, 9

def batch_matmul(lhs, rhs):
    """The zero-initialized batch matmul of `lhs` and `rhs`, returned."""
    return f"""
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<{B}x{M}x{N}xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<{B}x{M}x{N}xf32>) -> tensor<{B}x{M}x{N}xf32>
  %c = linalg.batch_matmul ins({lhs}, {rhs} : tensor<{B}x{M}x{K}xf32>, tensor<{B}x{K}x{N}xf32>)
      outs(%init : tensor<{B}x{M}x{N}xf32>) -> tensor<{B}x{M}x{N}xf32>
  return %c : tensor<{B}x{M}x{N}xf32>
}}"""


# A [B, M, K] as A^T^T (two linalg.transposes), and B [B, K, N] as a generic
# copy of a [N, B, K] source: out[b, k, n] = in[n, b, k].
TRANSPOSED = f"""
#src = affine_map<(d0, d1, d2) -> (d2, d0, d1)>
#id = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
func.func @f(%a: tensor<{B}x{K}x{M}xf32>, %b: tensor<{N}x{B}x{K}xf32>) -> tensor<{B}x{M}x{N}xf32> {{
  %e1 = tensor.empty() : tensor<{M}x{B}x{K}xf32>
  %a1 = linalg.transpose ins(%a : tensor<{B}x{K}x{M}xf32>) outs(%e1 : tensor<{M}x{B}x{K}xf32>) permutation = [2, 0, 1]
  %e2 = tensor.empty() : tensor<{B}x{M}x{K}xf32>
  %a2 = linalg.transpose ins(%a1 : tensor<{M}x{B}x{K}xf32>) outs(%e2 : tensor<{B}x{M}x{K}xf32>) permutation = [1, 0, 2]
  %e3 = tensor.empty() : tensor<{B}x{K}x{N}xf32>
  %b1 = linalg.generic {{indexing_maps = [#src, #id], iterator_types = ["parallel", "parallel", "parallel"]}}
      ins(%b : tensor<{N}x{B}x{K}xf32>) outs(%e3 : tensor<{B}x{K}x{N}xf32>) {{
  ^bb0(%in: f32, %out: f32):
    linalg.yield %in : f32
  }} -> tensor<{B}x{K}x{N}xf32>""" + batch_matmul("%a2", "%b1")

DIRECT = f"""
func.func @f(%a: tensor<{B}x{M}x{K}xf32>, %b: tensor<{B}x{K}x{N}xf32>) -> tensor<{B}x{M}x{N}xf32> {{""" + \
    batch_matmul("%a", "%b")


@pytest.mark.parametrize("target", ["portable", "host"])
def test_transposed_operands(target):
    passes = '--fxp-quantize-training="recipe=dfp16 rounding=nearest_even"'
    signature = ([("memref", 3, "f32")] * 2, [("memref", 3, "f32")])
    transposed = compile_module(TRANSPOSED, passes, target=target).function("f", *signature)
    direct = compile_module(DIRECT, passes, target=target).function("f", *signature)
    rng = np.random.RandomState(3)
    a = rng.randn(B, K, M).astype(np.float32)
    b = rng.randn(N, B, K).astype(np.float32)
    (got,) = transposed(a, b)
    a_direct = np.ascontiguousarray(a.transpose(0, 2, 1))
    b_direct = np.ascontiguousarray(b.transpose(1, 2, 0))
    (expected,) = direct(a_direct, b_direct)
    np.testing.assert_array_equal(got.view(np.uint32), expected.view(np.uint32))
    # The quantized product is close to the FP32 one (the test is not vacuous).
    np.testing.assert_allclose(got, a_direct @ b_direct, atol=1e-2)
