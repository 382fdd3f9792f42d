"""The whole-tensor shared exponent (its max-magnitude reduction runs in parts
of 2^16 elements or more, on threads with parallel=True, and redoes the pass
when it meets an infinity or NaN) against the NumPy twin, with the largest
magnitude planted at every kind of position: first, last, on and next to
part and vector boundaries."""

import numpy as np
import pytest

import fxp.reference as ref
from fxp.compiler import compile_module

N = 5 * 65536 + 3  # 6 parts (one per 2^16 elements, at most 32), ending off vectors


def compiled(parallel):
    text = f"""
func.func @e(%x: tensor<{N}xf32>) -> tensor<i32> {{
  %e = fxp.shared_exponent %x width 16 : tensor<{N}xf32> -> tensor<i32>
  return %e : tensor<i32>
}}"""
    return compile_module(text, target="avx2", parallel=parallel).function(
        "e", [("memref", 1, "f32")], [("memref", 0, "i32")])


PART = -(-N // min(32, -(-N // 65536)))
POSITIONS = sorted({0, 1, 15, 16, 63, 64, N - 1, N - 2, N - 17,
                    PART - 1, PART, PART + 1, 3 * PART + 5, 5 * PART - 1})


@pytest.mark.parametrize("parallel", [False, True])
def test_planted_maximum(parallel):
    fn = compiled(parallel)
    rng = np.random.RandomState(4)
    for position in POSITIONS:
        for special in [None, np.inf, np.nan]:
            x = rng.uniform(-1, 1, N).astype(np.float32)
            x[position] = -3.0e5
            if special is not None:
                # An infinity or NaN elsewhere counts as 0: the largest finite
                # magnitude still decides.
                x[(position + N // 2) % N] = special
            (e,) = fn(x)
            assert int(e) == ref.shared_exponent(x, 16), (position, special)
