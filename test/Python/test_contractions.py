"""The NumPy twin's contractions (fxp.reference: chunked, saturating,
per-block) against fxp.matmul compiled for the portable target, bit for
bit."""

import numpy as np
import pytest

from fxp import reference as ref
from fxp.compiler import compile_module

M, N, K = 5, 7, 77


def compiled(accumulation, block):
    a_type = f"!fxp.dfp<{M}x{K}, 16" + (f", block = {block}, axis = 1>" if block else ">")
    b_type = f"!fxp.dfp<{K}x{N}, 16" + (f", block = {block}, axis = 0>" if block else ">")
    ea = f"{M}x{-(-K // block)}xi32" if block else "i32"
    eb = f"{-(-K // block)}x{N}xi32" if block else "i32"
    text = f"""
func.func @f(%a: tensor<{M}x{K}xi16>, %ea: tensor<{ea}>, %b: tensor<{K}x{N}xi16>, %eb: tensor<{eb}>) -> tensor<{M}x{N}xf32> {{
  %fa = fxp.from_storage %a : tensor<{M}x{K}xi16> -> tensor<{M}x{K}x!fxp.fixed<16, 0>>
  %da = fxp.make_dfp %fa, %ea : tensor<{M}x{K}x!fxp.fixed<16, 0>>, tensor<{ea}> -> {a_type}
  %fb = fxp.from_storage %b : tensor<{K}x{N}xi16> -> tensor<{K}x{N}x!fxp.fixed<16, 0>>
  %db = fxp.make_dfp %fb, %eb : tensor<{K}x{N}x!fxp.fixed<16, 0>>, tensor<{eb}> -> {b_type}
  %c = fxp.matmul %da, %db {accumulation} symmetric : {a_type}, {b_type} -> tensor<{M}x{N}xf32>
  return %c : tensor<{M}x{N}xf32>
}}"""
    rank = 2 if block else 0
    return compile_module(text, target="portable").function(
        "f", [("memref", 2, "i16"), ("memref", rank, "i32"),
              ("memref", 2, "i16"), ("memref", rank, "i32")],
        [("memref", 2, "f32")])


@pytest.mark.parametrize("accumulation", ["chunk 2", "saturating"])
@pytest.mark.parametrize("block", [0, 10])
def test_matmul(accumulation, block):
    rng = np.random.RandomState(7)
    # Symmetric 16-bit operands: long saturating sums clamp and come back.
    a = rng.randint(-32767, 32768, (M, K)).astype(np.int16)
    b = rng.randint(-32767, 32768, (K, N)).astype(np.int16)
    segments = -(-K // block) if block else 1
    ea = rng.randint(-30, 5, (M, segments) if block else ()).astype(np.int32)
    eb = rng.randint(-30, 5, (segments, N) if block else ()).astype(np.int32)
    (result,) = compiled(accumulation, block)(a, ea, b, eb)
    chunk = 2 if accumulation == "chunk 2" else None
    if block:
        exp2 = [ea[:, s:s + 1] + eb[s:s + 1, :] for s in range(segments)]
        expected = ref.blocked_matmul(a, b, block, exp2, chunk)
    elif chunk:
        expected = ref.chunked_matmul(a, b, chunk, int(ea) + int(eb))
    else:
        expected = ref.saturating_matmul(a, b, int(ea) + int(eb))
    np.testing.assert_array_equal(result.view(np.uint32), expected.view(np.uint32))
