"""Compiled element-wise fixed-point arithmetic (fxp.mul, fxp.add, fxp.sub)
through the whole pipeline, opt -O3's vectorizer included (the lit execution
tests run unoptimized code), against the NumPy reference model bit for bit,
on the portable target and every x86 target this CPU runs."""

import numpy as np
import pytest

from fxp import reference as ref
from fxp.compiler import compile_module, host_targets

SEED = 0x0123456789ABCDEF
STREAM = 7
# Not a multiple of any vector width: vector loops and their remainders.
COUNT = 259

# (op, lhs (W, F), rhs (W, F), result (W, F), rounding, overflow)
CASES = [
    # A negative product shifted right by 24 into 16 bits: LLVM 22's x86
    # backend loses its sign when the product is an i64 (vpmulhw, then a
    # logical shift).
    ("mul", (15, 12), (8, 12), (16, 0), "toward_zero", "saturate"),
    ("mul", (16, 8), (16, 8), (16, 8), "nearest_even", "saturate_symmetric"),
    ("mul", (16, 15), (16, 15), (32, 30), "stochastic", "saturate"),
    ("mul", (17, 3), (15, 3), (8, 0), "floor", "saturate_symmetric"),
    ("mul", (8, 4), (8, 4), (8, -2), "biased", "wrap"),
    # Left shifts by 31 (the most an i32 product takes) and by 40.
    ("mul", (16, 0), (16, 0), (32, 31), "nearest_even", "wrap"),
    ("mul", (16, 0), (16, 0), (32, 40), "nearest_even", "wrap"),
    ("mul", (16, 0), (16, 0), (32, 31), "nearest_up", "saturate"),
    # Products of more than 32 bits.
    ("mul", (24, 10), (12, 3), (16, 5), "nearest_away", "saturate"),
    ("mul", (2, 0), (31, 0), (32, -5), "nearest_up", "saturate"),
    ("add", (16, 8), (16, 4), (16, 6), "stochastic", "saturate"),
    ("sub", (32, 0), (32, 31), (32, 16), "nearest_even", "wrap"),
]


def storage(width):
    return "i8" if width <= 8 else "i16" if width <= 16 else "i32"


def compiled(case, target):
    op, (wa, fa), (wb, fb), (wo, fo), rounding, overflow = case
    fixed = lambda w, f: f"tensor<{COUNT}x!fxp.fixed<{w}, {f}>>"
    stored = lambda w: f"tensor<{COUNT}x{storage(w)}>"
    random = f"seed %seed stream {STREAM}" if rounding == "stochastic" else ""
    text = f"""
func.func @f(%sa: {stored(wa)}, %sb: {stored(wb)}, %seed: i64) -> {stored(wo)} {{
  %a = fxp.from_storage %sa : {stored(wa)} -> {fixed(wa, fa)}
  %b = fxp.from_storage %sb : {stored(wb)} -> {fixed(wb, fb)}
  %r = fxp.{op} %a, %b rounding <{rounding}> overflow <{overflow}> {random}
      : {fixed(wa, fa)}, {fixed(wb, fb)} -> {fixed(wo, fo)}
  %s = fxp.to_storage %r : {fixed(wo, fo)} -> {stored(wo)}
  return %s : {stored(wo)}
}}"""
    return compile_module(text, target=target).function(
        "f", [("memref", 1, storage(wa)), ("memref", 1, storage(wb)), "i64"],
        [("memref", 1, storage(wo))])


def operand(rng, width):
    lo, hi = -(1 << (width - 1)), (1 << (width - 1)) - 1
    edges = [lo, hi, 0, -1, 1, lo + 1, hi - 1]
    values = np.concatenate([edges, rng.randint(lo, hi + 1, COUNT - len(edges),
                                                dtype=np.int64)])
    return values.astype({"i8": np.int8, "i16": np.int16, "i32": np.int32}[storage(width)])


def expected(case, a, b):
    op, (wa, fa), (wb, fb), (wo, fo), rounding, overflow = case
    a, b = a.astype(np.int64), b.astype(np.int64)
    if op == "mul":
        exact, frac = a * b, fa + fb
    else:
        frac = max(fa, fb)
        a, b = a << (frac - fa), b << (frac - fb)
        exact = a + b if op == "add" else a - b
    random = (ref.random_bits(ref.stream_key(SEED, STREAM), np.arange(COUNT, dtype=np.uint64))
              if rounding == "stochastic" else None)
    return ref.round_shifted(exact, frac - fo, wo, rounding, overflow, random)


@pytest.mark.parametrize("target", ["portable"] + host_targets())
@pytest.mark.parametrize("case", CASES, ids=lambda case: "-".join(map(str, case)))
def test_binary_op(target, case):
    rng = np.random.RandomState(len(str(case)))
    a, b = operand(rng, case[1][0]), operand(rng, case[2][0])
    (result,) = compiled(case, target)(a, b, SEED)
    np.testing.assert_array_equal(result.astype(np.int64), expected(case, a, b))
