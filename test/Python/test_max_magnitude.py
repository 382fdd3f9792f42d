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


# A shared exponent of an element-wise op's result: the producer computes
# its rows part by part (1000 rows of 300: 5 parts of 200) and reduces each
# part as it goes.
ROWS, COLUMNS = 1000, 300
PRODUCED = """
func.func @e(%x: tensor<{rows}x300xf32>, %b: tensor<300xf32>) -> (tensor<{rows}x300xf32>, tensor<i32>) {{
  %c0 = arith.constant 0 : index
  %n = tensor.dim %x, %c0 : tensor<{rows}x300xf32>
  %init = tensor.empty({size}) : tensor<{rows}x300xf32>
  %y = linalg.generic {{indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (j)>,
                                         affine_map<(i, j) -> (i, j)>],
                        iterator_types = ["parallel", "parallel"]}}
      ins(%x, %b : tensor<{rows}x300xf32>, tensor<300xf32>) outs(%init : tensor<{rows}x300xf32>) {{
  ^bb0(%v: f32, %w: f32, %out: f32):
    %s = arith.subf %v, %w : f32
    linalg.yield %s : f32
  }} -> tensor<{rows}x300xf32>
  %e = fxp.shared_exponent %y width 14 : tensor<{rows}x300xf32> -> tensor<i32>
  return %y, %e : tensor<{rows}x300xf32>, tensor<i32>
}}"""


@pytest.mark.parametrize("parallel", [False, True])
@pytest.mark.parametrize("dynamic", [False, True])
def test_produced_maximum(parallel, dynamic):
    text = PRODUCED.format(rows="?" if dynamic else ROWS, size="%n" if dynamic else "")
    fn = compile_module(text, target="avx2", parallel=parallel).function(
        "e", [("memref", 2, "f32"), ("memref", 1, "f32")],
        [("memref", 2, "f32"), ("memref", 0, "i32")])
    rng = np.random.RandomState(5)
    b = rng.uniform(-1, 1, COLUMNS).astype(np.float32)
    for row in [0, 199, 200, 201, 599, 999]:
        for special in [None, np.inf, np.nan]:
            x = rng.uniform(-1, 1, (ROWS, COLUMNS)).astype(np.float32)
            x[row, rng.randint(COLUMNS)] = 2.5e4
            if special is not None:
                x[(row + ROWS // 2) % ROWS, 7] = special
            y, e = fn(x, b)
            expected = x - b
            np.testing.assert_array_equal(y, expected)
            assert int(e) == ref.shared_exponent(expected, 14), (row, special)
    # A few rows (one part), and none.
    if dynamic:
        for rows in [3, 0]:
            x = rng.uniform(-1, 1, (rows, COLUMNS)).astype(np.float32)
            y, e = fn(x, b)
            np.testing.assert_array_equal(y, x - b)
            assert int(e) == ref.shared_exponent(x - b, 14)


@pytest.mark.parametrize("parallel", [False, True])
def test_no_elements(parallel):
    """A tensor without elements (a dynamic size and a static 0) has M = 0."""
    text = """
func.func @e(%x: tensor<?x0xf32>) -> tensor<i32> {
  %e = fxp.shared_exponent %x width 16 : tensor<?x0xf32> -> tensor<i32>
  return %e : tensor<i32>
}"""
    fn = compile_module(text, target="avx2", parallel=parallel).function(
        "e", [("memref", 2, "f32")], [("memref", 0, "i32")])
    for rows in [0, 5]:
        (e,) = fn(np.zeros((rows, 0), np.float32))
        assert int(e) == 0
