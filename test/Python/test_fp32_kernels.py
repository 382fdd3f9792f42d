"""FP32 contractions compiled for each x86 target (register-tiled
FMA kernels: matmuls, batched matmuls, convolutions, with a nonzero init)
agree with NumPy to FP32 rounding, and on threads with themselves bit for bit."""

import numpy as np
import pytest

from fxp.compiler import compile_module, host_targets

CASES = {
    "conv_nhwc": ("""
func.func @f(%x: tensor<3x9x10x5xf32>, %w: tensor<3x3x5x7xf32>, %init: tensor<3x7x8x7xf32>) -> tensor<3x7x8x7xf32> {
  %y = linalg.conv_2d_nhwc_hwcf ins(%x, %w : tensor<3x9x10x5xf32>, tensor<3x3x5x7xf32>)
                                outs(%init : tensor<3x7x8x7xf32>) -> tensor<3x7x8x7xf32>
  return %y : tensor<3x7x8x7xf32>
}""", [(3, 9, 10, 5), (3, 3, 5, 7), (3, 7, 8, 7)],
        lambda x, w, init: init + np.einsum(
            "nhwkltc,klcf->nhwf",
            np.lib.stride_tricks.sliding_window_view(x, (3, 3), axis=(1, 2))
            .transpose(0, 1, 2, 4, 5, 3)[..., None, :], w)),
    "conv_nchw": ("""
func.func @f(%x: tensor<2x5x9x10xf32>, %w: tensor<7x5x3x3xf32>, %init: tensor<2x7x7x8xf32>) -> tensor<2x7x7x8xf32> {
  %y = linalg.conv_2d_nchw_fchw ins(%x, %w : tensor<2x5x9x10xf32>, tensor<7x5x3x3xf32>)
                                outs(%init : tensor<2x7x7x8xf32>) -> tensor<2x7x7x8xf32>
  return %y : tensor<2x7x7x8xf32>
}""", [(2, 5, 9, 10), (7, 5, 3, 3), (2, 7, 7, 8)],
        lambda x, w, init: init + np.einsum(
            "nchwkl,fckl->nfhw",
            np.lib.stride_tricks.sliding_window_view(x, (3, 3), axis=(2, 3)), w)),
    # Many row tiles and column panels, long k, tails everywhere.
    "matmul_long": ("""
func.func @f(%a: tensor<200x600xf32>, %b: tensor<600x37xf32>, %init: tensor<200x37xf32>) -> tensor<200x37xf32> {
  %y = linalg.matmul ins(%a, %b : tensor<200x600xf32>, tensor<600x37xf32>)
                     outs(%init : tensor<200x37xf32>) -> tensor<200x37xf32>
  return %y : tensor<200x37xf32>
}""", [(200, 600), (600, 37), (200, 37)],
        lambda a, b, init: init + a @ b),
    # Transposed operands, packed in transposed blocks, with ragged edges.
    "matmul_transpose_a": ("""
func.func @f(%a: tensor<300x45xf32>, %b: tensor<300x37xf32>, %init: tensor<45x37xf32>) -> tensor<45x37xf32> {
  %y = linalg.matmul indexing_maps = [affine_map<(m, n, k) -> (k, m)>,
                                      affine_map<(m, n, k) -> (k, n)>,
                                      affine_map<(m, n, k) -> (m, n)>]
                     ins(%a, %b : tensor<300x45xf32>, tensor<300x37xf32>)
                     outs(%init : tensor<45x37xf32>) -> tensor<45x37xf32>
  return %y : tensor<45x37xf32>
}""", [(300, 45), (300, 37), (45, 37)],
        lambda a, b, init: init + a.T @ b),
    "matmul_transpose_b": ("""
func.func @f(%a: tensor<29x301xf32>, %b: tensor<43x301xf32>, %init: tensor<29x43xf32>) -> tensor<29x43xf32> {
  %y = linalg.matmul indexing_maps = [affine_map<(m, n, k) -> (m, k)>,
                                      affine_map<(m, n, k) -> (n, k)>,
                                      affine_map<(m, n, k) -> (m, n)>]
                     ins(%a, %b : tensor<29x301xf32>, tensor<43x301xf32>)
                     outs(%init : tensor<29x43xf32>) -> tensor<29x43xf32>
  return %y : tensor<29x43xf32>
}""", [(29, 301), (43, 301), (29, 43)],
        lambda a, b, init: init + a @ b.T),
    "batch_matmul": ("""
func.func @f(%a: tensor<4x13x37xf32>, %b: tensor<4x37x21xf32>, %init: tensor<4x13x21xf32>) -> tensor<4x13x21xf32> {
  %y = linalg.batch_matmul ins(%a, %b : tensor<4x13x37xf32>, tensor<4x37x21xf32>)
                           outs(%init : tensor<4x13x21xf32>) -> tensor<4x13x21xf32>
  return %y : tensor<4x13x21xf32>
}""", [(4, 13, 37), (4, 37, 21), (4, 13, 21)],
        lambda a, b, init: init + a @ b),
    # Dynamic output positions, which only the init indexes alone.
    "conv_1d_dynamic": ("""
func.func @f(%x: tensor<?xf32>, %w: tensor<3xf32>, %init: tensor<?xf32>) -> tensor<?xf32> {
  %y = linalg.conv_1d ins(%x, %w : tensor<?xf32>, tensor<3xf32>)
                      outs(%init : tensor<?xf32>) -> tensor<?xf32>
  return %y : tensor<?xf32>
}""", [(50,), (3,), (48,)],
        lambda x, w, init: init + np.lib.stride_tricks.sliding_window_view(x, 3) @ w),
    "conv_nhwc_dynamic_height": ("""
func.func @f(%x: tensor<2x?x9x3xf32>, %w: tensor<3x3x3x5xf32>, %init: tensor<2x?x7x5xf32>) -> tensor<2x?x7x5xf32> {
  %y = linalg.conv_2d_nhwc_hwcf ins(%x, %w : tensor<2x?x9x3xf32>, tensor<3x3x3x5xf32>)
                                outs(%init : tensor<2x?x7x5xf32>) -> tensor<2x?x7x5xf32>
  return %y : tensor<2x?x7x5xf32>
}""", [(2, 12, 9, 3), (3, 3, 3, 5), (2, 10, 7, 5)],
        lambda x, w, init: init + np.einsum(
            "nhwcij,ijcf->nhwf",
            np.lib.stride_tricks.sliding_window_view(x, (3, 3), axis=(1, 2)), w)),
}


# Targets this CPU lacks run with their x86 instructions emulated.
@pytest.mark.parametrize("target", ["portable", "avx2", "avx512vnni"])
@pytest.mark.parametrize("case", sorted(CASES))
def test_fp32_contraction(target, case):
    text, shapes, expected = CASES[case]
    spec = [("memref", len(s), "f32") for s in shapes]
    fn = compile_module(text, target=target,
                        emulate_x86=target not in host_targets()).function("f", spec, [spec[-1]])
    rng = np.random.RandomState(0)
    args = [rng.randn(*s).astype(np.float32) for s in shapes]
    (result,) = fn(*args)
    np.testing.assert_allclose(result, expected(*args), rtol=1e-4, atol=1e-4)


@pytest.mark.parametrize("target", ["avx2", "avx512vnni"])
@pytest.mark.parametrize("case", sorted(CASES))
def test_fp32_contraction_on_threads(target, case):
    """Packing (the runs of an NHWC convolution's rows among it) and column
    panels on OpenMP threads: the same bits as on one."""
    text, shapes, _ = CASES[case]
    spec = [("memref", len(s), "f32") for s in shapes]
    emulate = target not in host_targets()
    serial, threaded = (compile_module(text, target=target, emulate_x86=emulate,
                                       parallel=parallel).function("f", spec, [spec[-1]])
                        for parallel in (False, True))
    rng = np.random.RandomState(1)
    args = [rng.randn(*s).astype(np.float32) for s in shapes]
    np.testing.assert_array_equal(threaded(*args)[0], serial(*args)[0])
