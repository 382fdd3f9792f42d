"""The NumPy twin's contractions (fxp.reference: chunked, saturating,
per-block) against fxp.matmul compiled for each target (x86 targets this CPU
lacks run emulated), bit for bit."""

import numpy as np
import pytest

from fxp import reference as ref
from fxp.compiler import compile_module, host_targets

M, N, K = 5, 7, 77
TARGETS = ["portable", "avx2", "avx512vnni"]


def compiled(accumulation, block, target="portable"):
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
    return compile_module(text, target=target,
                          emulate_x86=target not in host_targets() + ["portable"]).function(
        "f", [("memref", 2, "i16"), ("memref", rank, "i32"),
              ("memref", 2, "i16"), ("memref", rank, "i32")],
        [("memref", 2, "f32")])


def expected_matmul(a, ea, b, eb, accumulation, block):
    chunk = 2 if accumulation == "chunk 2" else None
    if block:
        segments = -(-K // block)
        exp2 = [ea[:, s:s + 1] + eb[s:s + 1, :] for s in range(segments)]
        return ref.blocked_matmul(a, b, block, exp2, chunk)
    if chunk:
        return ref.chunked_matmul(a, b, chunk, int(ea) + int(eb))
    return ref.saturating_matmul(a, b, int(ea) + int(eb))


@pytest.mark.parametrize("target", TARGETS)
@pytest.mark.parametrize("accumulation", ["chunk 2", "saturating"])
@pytest.mark.parametrize("block", [0, 10])
def test_matmul(target, accumulation, block):
    rng = np.random.RandomState(7)
    # Symmetric 16-bit operands: long saturating sums clamp and come back.
    a = rng.randint(-32767, 32768, (M, K)).astype(np.int16)
    b = rng.randint(-32767, 32768, (K, N)).astype(np.int16)
    segments = -(-K // block) if block else 1
    ea = rng.randint(-30, 5, (M, segments) if block else ()).astype(np.int32)
    eb = rng.randint(-30, 5, (segments, N) if block else ()).astype(np.int32)
    (result,) = compiled(accumulation, block, target)(a, ea, b, eb)
    expected = expected_matmul(a, ea, b, eb, accumulation, block)
    np.testing.assert_array_equal(result.view(np.uint32), expected.view(np.uint32))


# Exponent sums around the ends of f32: the sums (up to 2^36 here) scale to
# zero, to subnormals, to normals and to infinity, and the two powers of two
# that scale them in f32 each leave f32's range on their own.
EXTREME_SUMS = [-400, -290, -276, -253, -252, -230, -190, -180, -170, -160,
                -150, -127, -126, -100, 0, 60, 91, 92, 93, 127, 128, 200, 300]


@pytest.mark.parametrize("target", TARGETS)
@pytest.mark.parametrize("block", [0, 10])
def test_extreme_exponents(target, block):
    rng = np.random.RandomState(11)
    a = rng.randint(-32767, 32768, (M, K)).astype(np.int16)
    b = rng.randint(-32767, 32768, (K, N)).astype(np.int16)
    a[0] = 0  # a row of zero sums
    a[1, :] = 1  # small sums
    a[1, 0] = -3
    function = compiled("chunk 2", block, target)
    segments = -(-K // block) if block else 1
    for total in EXTREME_SUMS:
        if block:
            # Every segment's exponents differ, around the sum.
            ea = (total // 2 + rng.randint(-40, 40, (M, segments))).astype(np.int32)
            eb = (total - total // 2 + rng.randint(-40, 40, (segments, N))).astype(np.int32)
        else:
            ea = np.array(total // 2, np.int32)
            eb = np.array(total - total // 2, np.int32)
        (result,) = function(a, ea, b, eb)
        expected = expected_matmul(a, ea, b, eb, "chunk 2", block)
        np.testing.assert_array_equal(result.view(np.uint32), expected.view(np.uint32),
                                      err_msg=f"exponent sum {total}")


# Convolutions whose innermost reduction loop has an odd length (NHWC with
# 1 or 3 channels, a weight gradient over an odd width), so that the x86
# kernels' pairs of k span its runs, with chunks that end inside windows:
# every x86 target gives the portable target's bits.
CONVOLUTIONS = {
    "nhwc_c1": ("2x8x8x1", "3x3x1x5", "2x6x6x5",
                "(n, h, w, f, kh, kw, c) -> (n, h + kh, w + kw, c)",
                "(n, h, w, f, kh, kw, c) -> (kh, kw, c, f)",
                "(n, h, w, f, kh, kw, c) -> (n, h, w, f)"),
    "nhwc_c3": ("2x7x9x3", "3x3x3x10", "2x5x7x10",
                "(n, h, w, f, kh, kw, c) -> (n, h + kh, w + kw, c)",
                "(n, h, w, f, kh, kw, c) -> (kh, kw, c, f)",
                "(n, h, w, f, kh, kw, c) -> (n, h, w, f)"),
    "weight_gradient": ("3x7x7x2", "3x5x5x9", "3x3x2x9",
                        "(kh, kw, c, f, n, h, w) -> (n, h + kh, w + kw, c)",
                        "(kh, kw, c, f, n, h, w) -> (n, h, w, f)",
                        "(kh, kw, c, f, n, h, w) -> (kh, kw, c, f)"),
}


def results_on_every_target(text, args, result, *arrays):
    """@f of `text` on each target (x86 ones emulated where this CPU lacks
    them), by target."""
    return {target: compile_module(
        text, target=target,
        emulate_x86=target not in host_targets() + ["portable"]).function(
            "f", args, [result])(*arrays)[0] for target in TARGETS}


def assert_same_bits(results, expected=None, case=""):
    """The portable result (by target, from results_on_every_target) has the
    bits of `expected` if given, and every x86 target's has the portable
    one's."""
    if expected is not None:
        np.testing.assert_array_equal(results["portable"].view(np.uint32),
                                      expected.view(np.uint32), err_msg=case)
    for target in TARGETS[1:]:
        np.testing.assert_array_equal(results[target].view(np.uint32),
                                      results["portable"].view(np.uint32),
                                      err_msg=f"{target} {case}")


@pytest.mark.parametrize("name", sorted(CONVOLUTIONS))
def test_odd_runs(name):
    x_shape, w_shape, y_shape, x_map, w_map, y_map = CONVOLUTIONS[name]
    text = f"""
func.func @f(%x: tensor<{x_shape}xi16>, %w: tensor<{w_shape}xi16>) -> tensor<{y_shape}xf32> {{
  %fx = fxp.from_storage %x : tensor<{x_shape}xi16> -> tensor<{x_shape}x!fxp.fixed<12, 4>>
  %fw = fxp.from_storage %w : tensor<{w_shape}xi16> -> tensor<{w_shape}x!fxp.fixed<12, 6>>
  %y = fxp.contract %fx, %fw maps [affine_map<{x_map}>, affine_map<{w_map}>, affine_map<{y_map}>]
      chunk 6 : tensor<{x_shape}x!fxp.fixed<12, 4>>, tensor<{w_shape}x!fxp.fixed<12, 6>> -> tensor<{y_shape}xf32>
  return %y : tensor<{y_shape}xf32>
}}"""
    rng = np.random.RandomState(3)
    shape = lambda s: [int(v) for v in s.split("x")]
    x = rng.randint(-2048, 2048, shape(x_shape)).astype(np.int16)
    w = rng.randint(-2048, 2048, shape(w_shape)).astype(np.int16)
    assert_same_bits(results_on_every_target(text, [("memref", 4, "i16")] * 2,
                                             ("memref", 4, "f32"), x, w))


@pytest.mark.parametrize("accumulation", ["chunk 6", "saturating"])
def test_dynamic_reduction(accumulation):
    """A batched contraction whose reduction size is dynamic (attention over
    a sequence of any length): the x86 kernels pair its k without knowing
    whether that size is even."""
    text = f"""
func.func @f(%x: tensor<2x3x?xi16>, %w: tensor<2x?x5xi16>) -> tensor<2x3x5xf32> {{
  %fx = fxp.from_storage %x : tensor<2x3x?xi16> -> tensor<2x3x?x!fxp.fixed<12, 4>>
  %fw = fxp.from_storage %w : tensor<2x?x5xi16> -> tensor<2x?x5x!fxp.fixed<12, 6>>
  %y = fxp.contract %fx, %fw maps [affine_map<(b, m, n, k) -> (b, m, k)>,
                                   affine_map<(b, m, n, k) -> (b, k, n)>,
                                   affine_map<(b, m, n, k) -> (b, m, n)>]
      {accumulation} : tensor<2x3x?x!fxp.fixed<12, 4>>, tensor<2x?x5x!fxp.fixed<12, 6>> -> tensor<2x3x5xf32>
  return %y : tensor<2x3x5xf32>
}}"""
    rng = np.random.RandomState(4)
    for k in [1, 7, 10]:
        x = rng.randint(-2048, 2048, (2, 3, k)).astype(np.int16)
        w = rng.randint(-2048, 2048, (2, k, 5)).astype(np.int16)
        results = results_on_every_target(text, [("memref", 3, "i16")] * 2,
                                          ("memref", 3, "f32"), x, w)
        expected = (np.stack([ref.chunked_matmul(x[i], w[i], 6, -10) for i in range(2)])
                    if accumulation == "chunk 6" else None)
        assert_same_bits(results, expected, f"k = {k}")


@pytest.mark.parametrize("accumulation", ["chunk 2", "saturating"])
def test_dynamic_output_positions(accumulation):
    """A convolution whose output positions have a dynamic size, which only
    the contraction's `sizes` give (the input reads them as o + w): every
    target takes that loop's size from them, and the tails of any length."""
    text = f"""
func.func @f(%x: tensor<?xi16>, %w: tensor<3xi16>) -> tensor<?xf32> {{
  %c0 = arith.constant 0 : index
  %c2 = arith.constant 2 : index
  %n = tensor.dim %x, %c0 : tensor<?xi16>
  %o = arith.subi %n, %c2 : index
  %fx = fxp.from_storage %x : tensor<?xi16> -> tensor<?x!fxp.fixed<16, 4>>
  %fw = fxp.from_storage %w : tensor<3xi16> -> tensor<3x!fxp.fixed<16, 6>>
  %y = fxp.contract %fx, %fw sizes(%o)
      maps [affine_map<(o, w) -> (o + w)>, affine_map<(o, w) -> (w)>, affine_map<(o, w) -> (o)>]
      {accumulation} symmetric : tensor<?x!fxp.fixed<16, 4>>, tensor<3x!fxp.fixed<16, 6>> -> tensor<?xf32>
  return %y : tensor<?xf32>
}}"""
    rng = np.random.RandomState(6)
    for length in [3, 4, 40, 101]:
        x = rng.randint(-32767, 32768, length).astype(np.int16)
        w = rng.randint(-32767, 32768, 3).astype(np.int16)
        results = results_on_every_target(text, [("memref", 1, "i16")] * 2,
                                          ("memref", 1, "f32"), x, w)
        windows = np.lib.stride_tricks.sliding_window_view(x, 3)
        expected = (ref.chunked_matmul(windows, w[:, None], 2, -10)[:, 0]
                    if accumulation == "chunk 2" else None)
        assert_same_bits(results, expected, f"length {length}")


# f32 values whose quantization takes every path: specials, magnitudes that
# saturate (asymmetric: qmin), ties at every rounding, -0, subnormals.
SPECIALS = [np.nan, np.inf, -np.inf, 0.0, -0.0, 1e-45, -1e-45, 1e38, -1e38,
            0.5, -0.5, 1.5, -2.5]


@pytest.mark.parametrize("rounding", ["nearest_even", "nearest_up", "nearest_away"])
@pytest.mark.parametrize("overflow", ["saturate", "saturate_symmetric"])
@pytest.mark.parametrize("layout", ["NN", "TN", "NT", "TT"])
def test_quantized_operands(rounding, overflow, layout):
    """Operands that fxp.quantize_dfp quantizes with round-to-nearest: the
    x86 kernels quantize them as they pack them (the mantissas are never
    stored); every target gives the reference's bits, for operands in any
    layout, of sizes that are not whole tiles, with a fixed exponent (where
    values saturate and round to ties) and shared ones. A contraction on
    asymmetric saturation is `symmetric` (qmin must become -qmax), and two
    layouts quantize into 8 bits (i8 conversions)."""
    m, n, k = 13, 37, 45
    width = 8 if layout in ("NN", "TT") else 12
    symmetric = "symmetric" if overflow == "saturate" else ""
    ta, tb = layout[0] == "T", layout[1] == "T"
    a_shape, b_shape = ((k, m) if ta else (m, k)), ((n, k) if tb else (k, n))
    shape = lambda s: "x".join(map(str, s))
    a_dfp, b_dfp = (f"!fxp.dfp<{shape(s)}, {width}>" for s in (a_shape, b_shape))
    transposes = " ".join(t for t, on in [("transpose_a", ta), ("transpose_b", tb)] if on)
    text = f"""
func.func @f(%a: tensor<{shape(a_shape)}xf32>, %ea: tensor<i32>, %b: tensor<{shape(b_shape)}xf32>, %eb: tensor<i32>) -> tensor<{m}x{n}xf32> {{
  %da = fxp.quantize_dfp %a, %ea rounding <{rounding}> overflow <{overflow}>
      : tensor<{shape(a_shape)}xf32>, tensor<i32> -> {a_dfp}
  %db = fxp.quantize_dfp %b, %eb rounding <{rounding}> overflow <{overflow}>
      : tensor<{shape(b_shape)}xf32>, tensor<i32> -> {b_dfp}
  %c = fxp.matmul %da, %db chunk 8 {symmetric} {transposes} : {a_dfp}, {b_dfp} -> tensor<{m}x{n}xf32>
  return %c : tensor<{m}x{n}xf32>
}}"""
    rng = np.random.RandomState(5)
    a = (rng.randn(*a_shape) * 300).astype(np.float32)
    b = (rng.randn(*b_shape) * 300).astype(np.float32)
    a.flat[:len(SPECIALS)] = SPECIALS
    b.flat[-len(SPECIALS):] = SPECIALS
    f32, e = ("memref", 2, "f32"), ("memref", 0, "i32")
    functions = {target: compile_module(
        text, target=target,
        emulate_x86=target not in host_targets() + ["portable"]).function(
            "f", [f32, e, f32, e], [f32]) for target in TARGETS}
    # Shared exponents of the values without the huge ones (which would
    # round all others to 0).
    finite = lambda x: np.where(np.abs(x) < 1e30, x, 0)
    shared = (ref.shared_exponent(finite(a), width), ref.shared_exponent(finite(b), width))
    qmax = 2 ** (width - 1) - 1
    for ea, eb in [(0, -1), shared]:
        qa = ref.quantize(a, width, -ea, rounding, overflow)
        qb = ref.quantize(b, width, -eb, rounding, overflow)
        if symmetric:
            qa, qb = np.maximum(qa, -qmax), np.maximum(qb, -qmax)
        expected = ref.chunked_matmul(qa.T if ta else qa, qb.T if tb else qb, 8, ea + eb)
        for target, function in functions.items():
            (result,) = function(a, np.array(ea, np.int32), b, np.array(eb, np.int32))
            np.testing.assert_array_equal(result.view(np.uint32), expected.view(np.uint32),
                                          err_msg=f"{target}, exponents {ea}, {eb}")
