"""The numeric contract (docs/Semantics.md) in NumPy, bit for bit.

A vectorized twin of the C++ reference model (lib/Reference): rounding and
overflow, the counter-based random bits, quantization of binary32 values,
shared exponents, dequantization and the contractions of §6 (chunked,
saturating, per-block). The compiled code, the C++ model and this module
agree on every bit.
"""

import numpy as np

ROUNDING_MODES = ("floor", "toward_zero", "nearest_even", "nearest_away",
                  "nearest_up", "biased", "stochastic")
OVERFLOW_MODES = ("saturate", "saturate_symmetric", "wrap")

_U32 = np.uint32


def fmix32(x):
    x = np.asarray(x, dtype=_U32)
    with np.errstate(over="ignore"):
        x = x ^ (x >> _U32(16))
        x = x * _U32(0x85EBCA6B)
        x = x ^ (x >> _U32(13))
        x = x * _U32(0xC2B2AE35)
        return x ^ (x >> _U32(16))


def stream_key(seed, stream):
    """§4: the key of a rounding op's stream under a 64-bit seed."""
    seed = int(seed) & (2**64 - 1)
    inner = fmix32(_U32((seed >> 32) & 0xFFFFFFFF) ^ fmix32(_U32(stream) ^ _U32(0x9E3779B9)))
    return _U32(fmix32(_U32(seed & 0xFFFFFFFF) ^ inner))


def random_bits(key, index):
    """§4: 32 random bits of each element `index` (uint64 array)."""
    index = np.asarray(index, dtype=np.uint64)
    low = (index & np.uint64(0xFFFFFFFF)).astype(_U32)
    high = (index >> np.uint64(32)).astype(_U32)
    with np.errstate(over="ignore"):
        return fmix32(fmix32(low ^ _U32(key)) + high + _U32(key))


def _bounds(width, overflow):
    hi = (1 << (width - 1)) - 1
    return (-hi if overflow == "saturate_symmetric" else -hi - 1), hi


def _wrap(v, width):
    shift = np.int64(64 - width)
    return (v << shift) >> shift


def round_shifted(q, shift, width, rounding="nearest_even", overflow="saturate",
                  random=None):
    """§2 and §3: rounds t = q * 2^-shift (int64 q with |q| < 2^62, any int
    shift) to `width` bits."""
    q = np.asarray(q, dtype=np.int64)
    shift = np.broadcast_to(np.asarray(shift, dtype=np.int64), q.shape)
    lo, hi = _bounds(width, overflow)
    # Right shifts: n = floor(t), r = the first 32 fractional bits.
    s = np.clip(shift, 0, 63)
    n = q >> s
    up_amount = np.clip(32 - shift, 0, 32)
    down_amount = np.clip(shift - 32, 0, 63)
    r = ((q << up_amount) >> down_amount).astype(np.uint64) & np.uint64(0xFFFFFFFF)
    r = r.astype(_U32)
    half, quarter = _U32(1 << 31), _U32(1 << 30)
    negative = n < 0
    if rounding == "floor":
        up = np.zeros(q.shape, bool)
    elif rounding == "toward_zero":
        up = negative & (r != 0)
    elif rounding == "nearest_even":
        up = (r > half) | ((r == half) & ((n & 1) == 1))
    elif rounding == "nearest_away":
        up = (r > half) | ((r == half) & ~negative)
    elif rounding == "nearest_up":
        up = r >= half
    elif rounding == "biased":
        up = np.where(negative, r > _U32(3 * (1 << 30)), r >= quarter)
    elif rounding == "stochastic":
        up = np.asarray(random, dtype=_U32) < r
    else:
        raise ValueError(f"unknown rounding mode {rounding}")
    right = n + up.astype(np.int64)
    right = _wrap(right, width) if overflow == "wrap" else np.clip(right, lo, hi)
    # Left shifts are exact; they saturate (or wrap) without losing bits.
    d = np.clip(-shift, 0, 63)
    shifted = q << d
    if overflow == "wrap":
        left = _wrap(shifted, width)
    else:
        max_q = np.int64(hi) >> d
        min_q = -(np.int64(-lo) >> d)
        left = np.where(q > max_q, hi, np.where(q < min_q, lo, shifted))
    return np.where(shift < 0, left, right)


def _element_random(shape, rounding, seed, stream):
    if rounding != "stochastic":
        return None
    count = int(np.prod(shape))
    return random_bits(stream_key(seed, stream), np.arange(count, dtype=np.uint64)).reshape(shape)


def quantize(x, width, frac, rounding="nearest_even", overflow="saturate", seed=0, stream=0):
    """Rounds binary32 `x * 2^frac` to `width`-bit integers (`frac` may be an
    array broadcasting with x); NaN gives 0, infinities saturate. Element i
    (row-major) of a stochastic rounding uses random_bits(key, i)."""
    x = np.asarray(x, dtype=np.float32)
    bits = x.view(np.uint32).astype(np.int64)
    exponent = (bits >> 23) & 0xFF
    mantissa = bits & 0x7FFFFF
    significand = np.where(exponent == 0, mantissa, mantissa | 0x800000)
    q = np.where(bits >= (1 << 31), -significand, significand)
    q = np.where((exponent == 0xFF) & (mantissa != 0), 0, q)
    shift = 150 - np.maximum(exponent, 1) - np.asarray(frac, dtype=np.int64)
    random = _element_random(x.shape, rounding, seed, stream)
    rounded = round_shifted(q, shift, width, rounding, overflow, random)
    # Infinities saturate whatever frac is (as a number, 2^128 * 2^frac
    # could round to 0).
    lo, hi = _bounds(width, overflow)
    infinite = (exponent == 0xFF) & (mantissa == 0)
    return np.where(infinite, np.where(bits >= (1 << 31), lo, hi), rounded)


def scale_to_float(v, exp2):
    """v * 2^exp2 rounded once to binary32 (v integer or float32)."""
    wide = np.asarray(v).astype(np.float64)
    return (wide * np.ldexp(1.0, np.clip(np.asarray(exp2, dtype=np.int64), -1022, 1023))).astype(np.float32)


def dequantize(q, frac):
    return scale_to_float(q, -frac)


def shared_exponent(x, width, headroom=0):
    """§5: the exponent shared by all of `x` (NaN and infinities ignored)."""
    bits = np.asarray(x, dtype=np.float32).view(np.uint32) & _U32(0x7FFFFFFF)
    bits = np.where(bits < _U32(0x7F800000), bits, _U32(0))
    m = int(bits.max()) if bits.size else 0
    if m == 0:
        return 0
    biased = m >> 23
    e = (m.bit_length() - 149) if biased == 0 else biased - 126
    return e - (width - 1) + headroom


def max_chunk(max_a, max_b):
    return (2**31 - 1) // (max_a * max_b)


def chunked_matmul(a, b, chunk, exp2):
    """§6: [M, K] x [K, N] integer operands; each run of `chunk` products sums
    exactly (in int64 here, so overflow would be visible), converts to f32
    and adds into an f32 accumulator in increasing K; scaled by 2^exp2."""
    a = np.asarray(a, dtype=np.int64)
    b = np.asarray(b, dtype=np.int64)
    acc = np.zeros((a.shape[0], b.shape[1]), np.float32)
    for start in range(0, a.shape[1], chunk):
        partial = a[:, start:start + chunk] @ b[start:start + chunk]
        assert np.abs(partial).max(initial=0) <= 2**31 - 1, "chunk overflows i32"
        acc = (acc + partial.astype(np.float32)).astype(np.float32)
    return scale_to_float(acc, exp2)


def saturating_matmul(a, b, exp2):
    """vpdpwssds: [M, K] x [K, N]; products pair up in increasing K (an odd K
    ends with a lone product) and each step adds a pair's exact sum to an i32
    accumulator, clamping it; the f32 total is scaled by 2^exp2."""
    a = np.asarray(a, dtype=np.int64)
    b = np.asarray(b, dtype=np.int64)
    acc = np.zeros((a.shape[0], b.shape[1]), np.int64)
    for start in range(0, a.shape[1], 2):
        pair = a[:, start:start + 2] @ b[start:start + 2]
        assert np.abs(pair).max(initial=0) <= 2**31 - 1, "a pair overflows i32"
        acc = np.clip(acc + pair, -2**31, 2**31 - 1)
    return scale_to_float(acc.astype(np.float32), exp2)


def blocked_matmul(a, b, block, exp2, chunk=None):
    """Per-block DFP: [M, K] x [K, N] with exponents constant over segments of
    `block` consecutive K; exp2[s] is segment s's [M, N] exponent sum. Each
    segment is a chunked (or, without `chunk`, saturating) contraction scaled
    by its exponents; the segments add in f32 in increasing K."""
    a = np.asarray(a, dtype=np.int64)
    total = np.zeros((a.shape[0], np.shape(b)[1]), np.float32)
    for s, start in enumerate(range(0, a.shape[1], block)):
        sa, sb = a[:, start:start + block], np.asarray(b)[start:start + block]
        part = (chunked_matmul(sa, sb, chunk, exp2[s]) if chunk
                else saturating_matmul(sa, sb, exp2[s]))
        total = (total + part).astype(np.float32)
    return total
