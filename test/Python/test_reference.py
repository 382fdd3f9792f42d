"""The NumPy reference model (fxp.reference) agrees bit for bit with the C++
one: fxp's folders compute constants with lib/Reference, so canonicalizing a
module of constant fxp ops prints the C++ model's results."""

import re

import numpy as np
import pytest

from fxp import _fxp
from fxp import reference as ref


def fold(ctx, body):
    module = _fxp.Module.parse(ctx, body)
    module.run("canonicalize")
    return str(module)


def dense_ints(text):
    """The integers of the folded fxp.constant: a list, a hex blob (large
    tensors print so, little-endian) or a splat."""
    match = re.search(r"fxp.constant dense<(.*?)> : tensor<\d+xi(\d+)>", text)
    values, bits = match.group(1), int(match.group(2))
    if values.startswith('"0x'):
        blob = bytes.fromhex(values.strip('"')[2:])
        return list(np.frombuffer(blob, dtype=f"<i{bits // 8}")), None
    if not values.startswith("["):
        return None, int(values)
    return [int(v) for v in values.strip("[]").split(",")], None


def float_inputs(count, seed):
    rng = np.random.RandomState(seed)
    specials = np.array([0.0, -0.0, np.inf, -np.inf, np.nan, 1e-40, -1e-40,
                         0.5, -0.5, 1.5, -2.5, 3.4e38, -3.4e38], np.float32)
    scaled = (rng.randn(count) * np.float32(2.0) ** rng.randint(-12, 12, count))
    ties = (rng.randint(-600, 600, count) + 0.5) / 16.0
    return np.concatenate([specials, scaled.astype(np.float32),
                           ties.astype(np.float32)])


def hex_dense(values):
    return ", ".join(f"0x{v:08X}" for v in values.view(np.uint32))


@pytest.mark.parametrize("rounding", ref.ROUNDING_MODES)
@pytest.mark.parametrize("overflow", ["saturate", "saturate_symmetric"])
@pytest.mark.parametrize("width, frac", [(8, 4), (16, 12), (5, -3), (31, 20)])
def test_quantize(rounding, overflow, width, frac):
    ctx = _fxp.Context()
    x = float_inputs(64, width * 100 + frac)
    n = len(x)
    storage = 8 if width <= 8 else 16 if width <= 16 else 32
    stochastic = (f"seed %s stream 9" if rounding == "stochastic" else "")
    body = f"""
    func.func @f() -> tensor<{n}x!fxp.fixed<{width}, {frac}>> {{
      %x = arith.constant dense<[{hex_dense(x)}]> : tensor<{n}xf32>
      %s = arith.constant 1234567890123 : i64
      %q = fxp.quantize %x rounding <{rounding}> overflow <{overflow}> {stochastic}
           : tensor<{n}xf32> -> tensor<{n}x!fxp.fixed<{width}, {frac}>>
      return %q : tensor<{n}x!fxp.fixed<{width}, {frac}>>
    }}"""
    values, splat = dense_ints(fold(ctx, body))
    expected = ref.quantize(x, width, frac, rounding, overflow,
                            seed=1234567890123, stream=9)
    assert f"tensor<{n}xi{storage}>" in fold(ctx, body)
    if splat is not None:
        assert np.all(expected == splat)
    else:
        np.testing.assert_array_equal(np.array(values), expected)


@pytest.mark.parametrize("rounding", ref.ROUNDING_MODES)
@pytest.mark.parametrize("overflow", ref.OVERFLOW_MODES)
def test_rescale(rounding, overflow):
    ctx = _fxp.Context()
    rng = np.random.RandomState(3)
    q = np.concatenate([[-32768, 32767, 0, 1, -1, 8, -8, 24, -24],
                        rng.randint(-32768, 32768, 100)]).astype(np.int64)
    n = len(q)
    stochastic = (f"seed %s stream 4" if rounding == "stochastic" else "")
    body = f"""
    func.func @f() -> tensor<{n}x!fxp.fixed<8, 2>> {{
      %q = fxp.constant dense<[{", ".join(map(str, q))}]> : tensor<{n}xi16>
           -> tensor<{n}x!fxp.fixed<16, 6>>
      %s = arith.constant 99 : i64
      %r = fxp.rescale %q rounding <{rounding}> overflow <{overflow}> {stochastic}
           : tensor<{n}x!fxp.fixed<16, 6>> -> tensor<{n}x!fxp.fixed<8, 2>>
      return %r : tensor<{n}x!fxp.fixed<8, 2>>
    }}"""
    values, splat = dense_ints(fold(ctx, body))
    random = (ref.random_bits(ref.stream_key(99, 4), np.arange(n, dtype=np.uint64))
              if rounding == "stochastic" else None)
    expected = ref.round_shifted(q, 4, 8, rounding, overflow, random)
    np.testing.assert_array_equal(np.array(values), expected)
