"""Compiled quantization (fxp.quantize_dfp: every rounding mode, widths on
both sides of the fast paths' limits, exponents at and beyond the clamps)
against the NumPy reference model, bit for bit, for the portable target and
every x86 target this CPU runs."""

import numpy as np
import pytest

from fxp import reference as ref
from fxp.compiler import compile_module, host_targets

SEED = 0x0123456789ABCDEF


def inputs(seed):
    """Specials, values around the edges of the f32 fast paths (t near 2^21
    and 2^23, tiny negatives whose t is in (-1, 0), subnormals) and random ones
    at many scales. The caller scales them by 2^-e."""
    rng = np.random.RandomState(seed)
    specials = [0.0, -0.0, np.inf, -np.inf, np.nan, 1e-45, -1e-45, 1e-40, -1e-40,
                0.5, -0.5, 1.0, -1.0, 1.5, -2.5, 3.4e38, -3.4e38,
                2.0 ** 21, -(2.0 ** 21), 2.0 ** 21 - 1, -(2.0 ** 21) + 1,
                2.0 ** 20 - 0.5, -(2.0 ** 20) - 0.5, 2.0 ** -9, -(2.0 ** -9),
                2.0 ** -33, -(2.0 ** -33), -(2.0 ** -140),
                2.0 ** 23 - 0.5, -(2.0 ** 23) + 0.5, 2.0 ** 23, -(2.0 ** 23),
                2.0 ** 23 + 2, -(2.0 ** 23) - 2, 2.0 ** 24 - 1, -(2.0 ** 24) + 1]
    scaled = rng.randn(4000) * np.float32(2.0) ** rng.randint(-40, 24, 4000)
    fractions = rng.randint(-40, 40, 2000) + rng.randint(1, 2 ** 24, 2000) / 2.0 ** 24
    return np.concatenate([np.array(specials), scaled, fractions]).astype(np.float32)


def compiled(shape, width, rounding, target, overflow="saturate_symmetric"):
    n = shape[0]
    storage = "i8" if width <= 8 else "i16" if width <= 16 else "i32"
    random = "seed %seed stream 3" if rounding == "stochastic" else ""
    text = f"""
func.func @q(%x: tensor<{n}xf32>, %e: tensor<i32>, %seed: i64) -> tensor<{n}x{storage}> {{
  %d = fxp.quantize_dfp %x, %e rounding <{rounding}> overflow <{overflow}> {random}
      : tensor<{n}xf32>, tensor<i32> -> !fxp.dfp<{n}, {width}>
  %m = fxp.mantissas %d : !fxp.dfp<{n}, {width}> -> tensor<{n}x!fxp.fixed<{width}, 0>>
  %s = fxp.to_storage %m : tensor<{n}x!fxp.fixed<{width}, 0>> -> tensor<{n}x{storage}>
  return %s : tensor<{n}x{storage}>
}}"""
    return compile_module(text, target=target).function(
        "q", [("memref", 1, "f32"), ("memref", 0, "i32"), "i64"],
        [("memref", 1, storage)])


@pytest.mark.parametrize("target", ["portable"] + host_targets())
@pytest.mark.parametrize("rounding", ref.ROUNDING_MODES)
@pytest.mark.parametrize("width", [8, 16, 21, 22, 24, 25])
def test_quantize_dfp(target, rounding, width):
    x = inputs(width)
    fn = compiled(x.shape, width, rounding, target)
    # Exponents that put the inputs' integer parts anywhere from beyond the
    # range to nothing, and ones past the lowering's clamp at +-512.
    for exponent in [-13, 0, 6, -40, 30, -700, 700]:
        (result,) = fn(x, np.array(exponent, np.int32), SEED)
        expected = ref.quantize(x, width, -exponent, rounding, "saturate_symmetric",
                                seed=SEED, stream=3)
        np.testing.assert_array_equal(result.astype(np.int64), expected,
                                      err_msg=f"exponent {exponent}")


@pytest.mark.parametrize("target", ["portable"] + host_targets())
@pytest.mark.parametrize("rounding", ["nearest_even", "stochastic"])
@pytest.mark.parametrize("width", [2, 3, 15, 24])
def test_asymmetric_saturation(target, rounding, width):
    """Saturation to [-2^(W-1), 2^(W-1) - 1]: the stochastic path's
    floor(t * 2^(32 - W)) reaches -2^31 at the lower end."""
    x = inputs(width)
    fn = compiled(x.shape, width, rounding, target, overflow="saturate")
    for exponent in [-13, 0, -40, 30]:
        (result,) = fn(x, np.array(exponent, np.int32), SEED)
        expected = ref.quantize(x, width, -exponent, rounding, "saturate",
                                seed=SEED, stream=3)
        np.testing.assert_array_equal(result.astype(np.int64), expected,
                                      err_msg=f"exponent {exponent}")
    assert np.any(expected == -(1 << (width - 1)))


@pytest.mark.parametrize("target", ["portable"] + host_targets())
@pytest.mark.parametrize("width", [16, 24, 25])
def test_stochastic_decision_boundaries(target, width):
    """Rounds up exactly when k < r: elements whose fraction r is their own
    random word k (stays down) or k + 1 (goes up), for t in (-1, 1); both are
    exact in binary32 where the low byte of k is 0 or 0xFF."""
    n = 1 << 16
    k = ref.random_bits(ref.stream_key(SEED, 3), np.arange(n, dtype=np.uint64))
    k = k.astype(np.int64)
    r = np.where(k & 0xFF == 0xFF, k + 1, k)
    x = np.where(np.arange(n) % 2 == 0, r, r - 2 ** 32) * 2.0 ** -32
    x = np.where((k & 0xFF == 0) | (k & 0xFF == 0xFF), x, 0.0).astype(np.float32)
    assert np.all(x.astype(np.float64) * 2.0 ** 32 % 1 == 0)
    (result,) = compiled(x.shape, width, "stochastic", target)(x, np.array(0, np.int32), SEED)
    expected = ref.quantize(x, width, 0, "stochastic", "saturate_symmetric",
                            seed=SEED, stream=3)
    np.testing.assert_array_equal(result.astype(np.int64), expected)
    # Both decisions occur, so neither comparison is tested vacuously.
    up = (k & 0xFF == 0xFF)
    assert np.all(expected[up] == np.where(np.arange(n)[up] % 2 == 0, 1, 0))
    assert np.all(expected[k & 0xFF == 0] == np.where(np.arange(n)[k & 0xFF == 0] % 2 == 0, 0, -1))


def _fmix32_inverse(x):
    x = np.asarray(x, dtype=np.uint32)
    with np.errstate(over="ignore"):
        x = x ^ (x >> np.uint32(16))
        x = x * np.uint32(pow(0xC2B2AE35, -1, 2 ** 32))
        x = x ^ (x >> np.uint32(13)) ^ (x >> np.uint32(26))
        x = x * np.uint32(pow(0x85EBCA6B, -1, 2 ** 32))
        return x ^ (x >> np.uint32(16))


def _seed_with_all_ones_word(stream, below):
    """A seed (below 2^32) and an element index below `below` whose random
    word is 0xFFFFFFFF: fmix32 is a bijection, so the index follows from the
    key (§4 with a zero upper index half)."""
    inner = ref.fmix32(np.uint32(0) ^ ref.fmix32(np.uint32(stream) ^ np.uint32(0x9E3779B9)))
    seeds = np.arange(1 << 22, dtype=np.uint32)
    keys = ref.fmix32(seeds ^ inner)
    with np.errstate(over="ignore"):
        index = keys ^ _fmix32_inverse(_fmix32_inverse(np.uint32(0xFFFFFFFF)) - keys)
    found = np.flatnonzero(index < below)[0]
    return int(seeds[found]), int(index[found])


@pytest.mark.parametrize("target", ["portable"] + host_targets())
@pytest.mark.parametrize("width", [16, 24])
def test_stochastic_all_ones_word(target, width):
    """The one random word that tells a tiny negative t (n = -1, r = 2^32 - 1:
    stays -1) from -0.0 and from t rounded to 0 (both 0): scalings that
    underflow f32 must not lose a negative t."""
    seed, index = _seed_with_all_ones_word(3, 4096)
    assert ref.random_bits(ref.stream_key(seed, 3), np.array([index], np.uint64))[0] == 0xFFFFFFFF
    fn = compiled((index + 1,), width, "stochastic", target)
    cases = [(-(2.0 ** -140), 700, -1), (-(2.0 ** -140), 0, -1), (-(2.0 ** -33), 0, -1),
             (-(2.0 ** -32), 0, -1), (-0.0, 0, 0), (2.0 ** -140, 700, 0), (-3.0, 0, -3)]
    for value, exponent, expected_element in cases:
        x = np.zeros(index + 1, np.float32)
        x[index] = value
        (result,) = fn(x, np.array(exponent, np.int32), seed)
        expected = ref.quantize(x, width, -exponent, "stochastic", "saturate_symmetric",
                                seed=seed, stream=3)
        assert expected[index] == expected_element, (value, exponent)
        np.testing.assert_array_equal(result.astype(np.int64), expected,
                                      err_msg=f"x = {value}, exponent {exponent}")


@pytest.mark.parametrize("target", ["portable"] + host_targets())
def test_dynamic_dims(target):
    """A tensor with two dynamic dimensions (their loops stay apart: upstream
    cannot lower an expand_shape with two dynamic sizes in one group) and a
    static one: the same bits as the reference, row-major index included."""
    text = """
func.func @q(%x: tensor<?x?x6xf32>, %e: tensor<i32>, %seed: i64) -> tensor<?x?x6xi16> {
  %d = fxp.quantize_dfp %x, %e rounding <stochastic> overflow <saturate> seed %seed stream 3
      : tensor<?x?x6xf32>, tensor<i32> -> !fxp.dfp<?x?x6, 16>
  %m = fxp.mantissas %d : !fxp.dfp<?x?x6, 16> -> tensor<?x?x6x!fxp.fixed<16, 0>>
  %s = fxp.to_storage %m : tensor<?x?x6x!fxp.fixed<16, 0>> -> tensor<?x?x6xi16>
  return %s : tensor<?x?x6xi16>
}"""
    fn = compile_module(text, target=target).function(
        "q", [("memref", 3, "f32"), ("memref", 0, "i32"), "i64"], [("memref", 3, "i16")])
    x = inputs(3)[:5 * 7 * 6].reshape(5, 7, 6)
    (result,) = fn(x, np.array(-13, np.int32), SEED)
    expected = ref.quantize(x.ravel(), 16, 13, "stochastic", "saturate", seed=SEED, stream=3)
    np.testing.assert_array_equal(result.astype(np.int64).ravel(), expected)


@pytest.mark.parametrize("target", ["portable"] + host_targets())
@pytest.mark.parametrize("width", [8, 16, 24, 32])
def test_dequantize_dfp(target, width):
    """m * 2^e rounded once to binary32 for every mantissa width (f32
    arithmetic up to 24 bits, f64 beyond), with exponents that make the
    results normal, subnormal (rounding), zero and infinite."""
    storage = "i8" if width <= 8 else "i16" if width <= 16 else "i32"
    text = f"""
func.func @d(%s: tensor<4096x{storage}>, %e: tensor<i32>) -> tensor<4096xf32> {{
  %q = fxp.from_storage %s : tensor<4096x{storage}> -> tensor<4096x!fxp.fixed<{width}, 0>>
  %d = fxp.make_dfp %q, %e : tensor<4096x!fxp.fixed<{width}, 0>>, tensor<i32> -> !fxp.dfp<4096, {width}>
  %x = fxp.dequantize %d : !fxp.dfp<4096, {width}> -> tensor<4096xf32>
  return %x : tensor<4096xf32>
}}"""
    fn = compile_module(text, target=target).function(
        "d", [("memref", 1, storage), ("memref", 0, "i32")], [("memref", 1, "f32")])
    rng = np.random.RandomState(width)
    hi = 2 ** (width - 1) - 1
    m = rng.randint(-hi - 1, hi + 1, 4096, dtype=np.int64)
    m[:8] = [0, 1, -1, hi, -hi - 1, 3, -5, 2 ** (width - 2) + 1]
    m = m.astype(np.dtype(storage.replace("i", "int")))
    for exponent in [0, -20, 100, 127, 128, 200, 300, -126, -127, -140, -149 - width,
                     -160, -252, -253, -300]:
        (result,) = fn(m, np.array(exponent, np.int32))
        with np.errstate(over="ignore"):
            expected = ref.scale_to_float(m.astype(np.int64), exponent)
        np.testing.assert_array_equal(result.view(np.uint32), expected.view(np.uint32),
                                      err_msg=f"exponent {exponent}")


@pytest.mark.parametrize("shape", [(67, 19), (2000, 64)])
def test_parallel_blocks(shape):
    """Per-block exponents along the rows, with the ops on threads: tiles of
    rows start on whole blocks (a block split between two tiles read the
    previous block's exponent), so every bit is the one-thread result's."""
    text = """
func.func @q(%x: tensor<?x?xf32>, %seed: i64) -> tensor<?x?xf32> {
  %e = fxp.shared_exponent %x width 14 block 32 : tensor<?x?xf32> -> tensor<?x?xi32>
  %d = fxp.quantize_dfp %x, %e rounding <stochastic> overflow <saturate_symmetric> seed %seed stream 5
      : tensor<?x?xf32>, tensor<?x?xi32> -> !fxp.dfp<?x?, 14, block = 32, axis = 0>
  %y = fxp.dequantize %d : !fxp.dfp<?x?, 14, block = 32, axis = 0> -> tensor<?x?xf32>
  return %y : tensor<?x?xf32>
}"""
    signature = ([("memref", 2, "f32"), "i64"], [("memref", 2, "f32")])
    x = np.random.RandomState(5).randn(*shape).astype(np.float32)
    results = [compile_module(text, target=target, parallel=parallel).function(
        "q", *signature)(x, SEED)[0]
        for target in ["portable"] + host_targets() for parallel in [False, True]]
    assert np.abs(results[0] - x).max() < 1e-3 * np.abs(x).max()
    for result in results[1:]:
        np.testing.assert_array_equal(result.view(np.uint32), results[0].view(np.uint32))
