//===- Reference.cpp - fxp bit-exact reference model ------------*- C++ -*-===//
//
// Implements the numeric contract of SEMANTICS.md literally. Every rounding
// decision is taken from the exact integers n = floor(t) and r = the first 32
// fractional bits of t (§2); no floating-point operation takes part in it.
//
//===----------------------------------------------------------------------===//

#include "fxp/Reference/Reference.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstring>
#include <limits>

namespace mlir::fxp::ref {

namespace {

using i128 = __int128;
using u128 = unsigned __int128;

void checkWidth(unsigned width) {
  (void)width;
  assert(width >= 2 && width <= 32 && "fixed-point width must be in [2, 32]");
}

/// Rounds t = q * 2^-shift per §2 and handles overflow per §3, for any q that
/// fits in an __int128 and any shift.
int64_t roundShifted128(i128 q, int64_t shift, unsigned width,
                        Rounding rounding, Overflow overflow, uint32_t random) {
  checkWidth(width);
  if (shift <= 0) {
    // t = q * 2^k is an integer: r = 0, every mode returns n = t exactly.
    int64_t k = -shift;
    if (q == 0)
      return 0;
    if (overflow == Overflow::Wrap) {
      // Only the low W <= 32 bits of q * 2^k are kept.
      if (k >= 32)
        return 0;
      return handleOverflow(static_cast<i128>(static_cast<u128>(q) << k), width,
                            overflow);
    }
    // Saturating: any |t| >= 2^40 saturates like t itself, so clamp q to
    // +-2^40 first; the shifted value then stays below 2^80.
    const i128 limit = static_cast<i128>(1) << 40;
    if (k >= 40)
      return handleOverflow(q > 0 ? limit : -limit, width, overflow);
    i128 clamped = std::clamp(q, -limit, limit);
    return handleOverflow(clamped * (static_cast<i128>(1) << k), width,
                          overflow);
  }
  // shift > 0: T = floor(q * 2^(32 - shift)), n = T >> 32 = q >> shift,
  // r = T mod 2^32.
  i128 n = q >> std::min<int64_t>(shift, 127);
  uint32_t r;
  if (shift <= 32) {
    u128 mask = (static_cast<u128>(1) << shift) - 1;
    r = static_cast<uint32_t>((static_cast<u128>(q) & mask) << (32 - shift));
  } else {
    // The top 32 bits of q mod 2^shift (sign bits for a negative q once
    // shift - 32 reaches the width of q).
    r = static_cast<uint32_t>(q >> std::min<int64_t>(shift - 32, 127));
  }
  return handleOverflow(applyRounding(n, r, rounding, random), width, overflow);
}

/// Returns v * 2^k exactly, asserting that the magnitude stays below 2^126.
i128 alignExact(int64_t v, int64_t k) {
  assert(k >= 0);
  if (v == 0)
    return 0;
  assert(k < 126 && "add/sub: operand alignment does not fit in 127 bits");
  i128 high = static_cast<i128>(v) >> (126 - k);
  (void)high;
  assert((high == 0 || high == -1) &&
         "add/sub: operand alignment does not fit in 127 bits");
  return static_cast<i128>(v) * (static_cast<i128>(1) << k);
}

int64_t addExact(int64_t a, int fa, int64_t b, int fb, bool subtract,
                 unsigned outWidth, int outFrac, Rounding rounding,
                 Overflow overflow, uint32_t random) {
  int64_t frac = std::max<int64_t>(fa, fb);
  i128 x = alignExact(a, frac - fa);
  i128 y = alignExact(b, frac - fb);
  i128 sum = subtract ? x - y : x + y;
  return roundShifted128(sum, frac - outFrac, outWidth, rounding, overflow,
                         random);
}

/// Returns v * 2^exp2 rounded once to binary32. v must be zero or an
/// integer-valued double with 1 <= |v| < 2^129 (any integer of at most 53 bits,
/// or a float holding a sum of integers): the product is then exact in binary64
/// for |exp2| <= 600, so only the final conversion rounds, and clamping exp2 to
/// that range does not change the result (beyond it the value overflows to inf
/// or rounds to zero in binary32 either way).
float scaleDouble(double v, int exp2) {
  int e = std::clamp(exp2, -600, 600);
  return static_cast<float>(std::ldexp(v, e));
}

} // namespace

//===----------------------------------------------------------------------===//
// Ranges
//===----------------------------------------------------------------------===//

int64_t minValue(unsigned width) {
  checkWidth(width);
  return -(static_cast<int64_t>(1) << (width - 1));
}

int64_t maxValue(unsigned width) {
  checkWidth(width);
  return (static_cast<int64_t>(1) << (width - 1)) - 1;
}

unsigned storageBits(unsigned width) {
  checkWidth(width);
  if (width <= 8)
    return 8;
  if (width <= 16)
    return 16;
  return 32;
}

//===----------------------------------------------------------------------===//
// Random bits
//===----------------------------------------------------------------------===//

uint32_t fmix32(uint32_t x) {
  x ^= x >> 16;
  x *= 0x85EBCA6Bu;
  x ^= x >> 13;
  x *= 0xC2B2AE35u;
  x ^= x >> 16;
  return x;
}

uint32_t streamKey(uint64_t seed, uint32_t stream) {
  return fmix32(
      static_cast<uint32_t>(seed) ^
      fmix32(static_cast<uint32_t>(seed >> 32) ^ fmix32(stream ^ 0x9E3779B9u)));
}

uint32_t randomBits(uint32_t key, uint64_t index) {
  return fmix32(fmix32(static_cast<uint32_t>(index) ^ key) +
                static_cast<uint32_t>(index >> 32) + key);
}

//===----------------------------------------------------------------------===//
// Rounding and overflow
//===----------------------------------------------------------------------===//

__int128 applyRounding(__int128 n, uint32_t r, Rounding mode, uint32_t random) {
  const uint32_t half = 0x80000000u;    // 2^31
  const uint32_t quarter = 0x40000000u; // 2^30
  const bool negative = n < 0;          // t < 0 exactly when n < 0
  bool up = false;
  switch (mode) {
  case Rounding::Floor:
    up = false;
    break;
  case Rounding::TowardZero:
    up = negative && r != 0;
    break;
  case Rounding::NearestEven:
    up = r > half || (r == half && (n & 1) != 0);
    break;
  case Rounding::NearestAway:
    up = r > half || (r == half && !negative);
    break;
  case Rounding::NearestUp:
    up = r >= half;
    break;
  case Rounding::Biased:
    up = negative ? r > 3 * quarter : r >= quarter;
    break;
  case Rounding::Stochastic:
    up = random < r;
    break;
  }
  return up ? n + 1 : n;
}

int64_t handleOverflow(__int128 v, unsigned width, Overflow mode) {
  checkWidth(width);
  const int64_t lo = minValue(width), hi = maxValue(width);
  switch (mode) {
  case Overflow::Saturate:
    return static_cast<int64_t>(std::clamp<i128>(v, lo, hi));
  case Overflow::SaturateSymmetric:
    return static_cast<int64_t>(std::clamp<i128>(v, -hi, hi));
  case Overflow::Wrap: {
    // Keep the low W bits and sign-extend them.
    uint64_t low = static_cast<uint64_t>(static_cast<u128>(v));
    return static_cast<int64_t>(low << (64 - width)) >> (64 - width);
  }
  }
  assert(false && "unknown overflow mode");
  return 0;
}

int64_t roundShifted(int64_t q, int shift, unsigned width, Rounding rounding,
                     Overflow overflow, uint32_t random) {
  return roundShifted128(q, shift, width, rounding, overflow, random);
}

int64_t quantize(float x, unsigned width, int frac, Rounding rounding,
                 Overflow overflow, uint32_t random) {
  assert(overflow != Overflow::Wrap && "quantizing a float always saturates");
  checkWidth(width);
  uint32_t bits;
  std::memcpy(&bits, &x, sizeof(bits));
  const bool negative = (bits >> 31) != 0;
  const uint32_t exponentField = (bits >> 23) & 0xFFu;
  const uint32_t mantissa = bits & 0x7FFFFFu;
  if (exponentField == 0xFFu) {
    if (mantissa != 0)
      return 0; // NaN
    const i128 huge = static_cast<i128>(1) << 100;
    return handleOverflow(negative ? -huge : huge, width, overflow);
  }
  // x = significand * 2^exponent exactly.
  int64_t significand = mantissa;
  int64_t exponent = -149; // subnormals and zeros
  if (exponentField != 0) {
    significand |= 0x800000;
    exponent = static_cast<int64_t>(exponentField) - 150;
  }
  if (negative)
    significand = -significand; // -0 becomes 0
  // t = x * 2^frac = significand * 2^-(-(exponent + frac)).
  return roundShifted128(significand, -(exponent + frac), width, rounding,
                         overflow, random);
}

int64_t rescale(int64_t q, int fromFrac, unsigned toWidth, int toFrac,
                Rounding rounding, Overflow overflow, uint32_t random) {
  return roundShifted128(q, static_cast<int64_t>(fromFrac) - toFrac, toWidth,
                         rounding, overflow, random);
}

int64_t add(int64_t a, int fa, int64_t b, int fb, unsigned outWidth,
            int outFrac, Rounding rounding, Overflow overflow,
            uint32_t random) {
  return addExact(a, fa, b, fb, /*subtract=*/false, outWidth, outFrac, rounding,
                  overflow, random);
}

int64_t sub(int64_t a, int fa, int64_t b, int fb, unsigned outWidth,
            int outFrac, Rounding rounding, Overflow overflow,
            uint32_t random) {
  return addExact(a, fa, b, fb, /*subtract=*/true, outWidth, outFrac, rounding,
                  overflow, random);
}

int64_t mul(int64_t a, int fa, int64_t b, int fb, unsigned outWidth,
            int outFrac, Rounding rounding, Overflow overflow,
            uint32_t random) {
  i128 product = static_cast<i128>(a) * b;
  int64_t shift = static_cast<int64_t>(fa) + fb - outFrac;
  return roundShifted128(product, shift, outWidth, rounding, overflow, random);
}

float scaleToFloat(int64_t q, int exp2) {
  const int64_t exactLimit = static_cast<int64_t>(1) << 53;
  (void)exactLimit;
  assert(q >= -exactLimit && q <= exactLimit &&
         "scaleToFloat: q must be exact in binary64");
  return scaleDouble(static_cast<double>(q), exp2);
}

//===----------------------------------------------------------------------===//
// Shared-exponent tensors
//===----------------------------------------------------------------------===//

int32_t sharedExponent(const float *values, size_t count, size_t stride,
                       unsigned width, int headroom) {
  checkWidth(width);
  // For finite floats, the magnitude orders like the bits without the sign.
  uint32_t maxBits = 0;
  for (size_t i = 0; i < count; ++i) {
    uint32_t bits;
    std::memcpy(&bits, &values[i * stride], sizeof(bits));
    bits &= 0x7FFFFFFFu;
    if (bits >= 0x7F800000u)
      continue; // NaN or infinity
    maxBits = std::max(maxBits, bits);
  }
  if (maxBits == 0)
    return 0;
  const uint32_t exponentField = maxBits >> 23;
  int32_t e;
  if (exponentField != 0) {
    // M = 1.m * 2^(field - 127), so 2^(field - 127) <= M < 2^(field - 126).
    e = static_cast<int32_t>(exponentField) - 126;
  } else {
    // M = m * 2^-149 with 1 <= m < 2^23: E(M) = bitlength(m) - 149.
    int bitLength = 0;
    for (uint32_t m = maxBits; m != 0; m >>= 1)
      ++bitLength;
    e = bitLength - 149;
  }
  return e - static_cast<int32_t>(width - 1) + headroom;
}

namespace {

int64_t numElements(const std::vector<int64_t> &shape) {
  int64_t count = 1;
  for (int64_t d : shape) {
    assert(d >= 0 && "negative dimension");
    count *= d;
  }
  return count;
}

/// The blocking of a row-major tensor along `axis`: outer x dim x inner.
struct Blocking {
  int64_t outer = 1, dim = 1, inner = 1, numBlocks = 1;
};

Blocking getBlocking(const std::vector<int64_t> &shape, int64_t block,
                     unsigned axis) {
  assert(block > 0 && axis < shape.size() && "invalid block or axis");
  Blocking result;
  for (unsigned i = 0; i < axis; ++i)
    result.outer *= shape[i];
  result.dim = shape[axis];
  for (size_t i = axis + 1; i < shape.size(); ++i)
    result.inner *= shape[i];
  result.numBlocks = (result.dim + block - 1) / block;
  return result;
}

} // namespace

std::vector<int32_t> sharedExponents(const std::vector<float> &x,
                                     const std::vector<int64_t> &shape,
                                     unsigned width, int headroom,
                                     int64_t block, unsigned axis) {
  assert(static_cast<int64_t>(x.size()) == numElements(shape) &&
         "tensor size does not match its shape");
  if (block == 0)
    return {sharedExponent(x.data(), x.size(), 1, width, headroom)};
  Blocking b = getBlocking(shape, block, axis);
  std::vector<int32_t> result;
  result.reserve(b.outer * b.numBlocks * b.inner);
  for (int64_t o = 0; o < b.outer; ++o) {
    for (int64_t j = 0; j < b.numBlocks; ++j) {
      int64_t begin = j * block;
      int64_t count = std::min(block, b.dim - begin);
      for (int64_t i = 0; i < b.inner; ++i) {
        const float *first = x.data() + (o * b.dim + begin) * b.inner + i;
        result.push_back(
            sharedExponent(first, count, b.inner, width, headroom));
      }
    }
  }
  return result;
}

std::vector<int64_t> quantizeDFP(const std::vector<float> &x,
                                 const std::vector<int64_t> &shape,
                                 const std::vector<int32_t> &exponents,
                                 unsigned width, int64_t block, unsigned axis,
                                 Rounding rounding, Overflow overflow,
                                 uint64_t seed, uint32_t stream) {
  const int64_t size = numElements(shape);
  assert(static_cast<int64_t>(x.size()) == size &&
         "tensor size does not match its shape");
  const uint32_t key = streamKey(seed, stream);
  Blocking b;
  if (block == 0) {
    assert(exponents.size() == 1 && "expected one exponent per tensor");
  } else {
    b = getBlocking(shape, block, axis);
    assert(static_cast<int64_t>(exponents.size()) ==
               b.outer * b.numBlocks * b.inner &&
           "exponent tensor does not match the blocking");
  }
  std::vector<int64_t> result(size);
  for (int64_t index = 0; index < size; ++index) {
    int64_t e = exponents[0];
    if (block != 0) {
      int64_t i = index % b.inner;
      int64_t d = (index / b.inner) % b.dim;
      int64_t o = index / (b.inner * b.dim);
      e = exponents[(o * b.numBlocks + d / block) * b.inner + i];
    }
    // The quantization exponent -e of an i32 exponent fits in an int except
    // for INT32_MIN, where clamping keeps every result (t is huge anyway).
    int frac = static_cast<int>(std::clamp<int64_t>(-e, -100000, 100000));
    result[index] = quantize(x[index], width, frac, rounding, overflow,
                             randomBits(key, static_cast<uint64_t>(index)));
  }
  return result;
}

//===----------------------------------------------------------------------===//
// Products and accumulation
//===----------------------------------------------------------------------===//

int64_t maxMagnitude(unsigned width, bool symmetric) {
  return symmetric ? maxValue(width) : -minValue(width);
}

int64_t maxChunk(int64_t maxAbsA, int64_t maxAbsB) {
  const int64_t limit = (static_cast<int64_t>(1) << 31);
  (void)limit;
  assert(maxAbsA >= 0 && maxAbsA <= limit && maxAbsB >= 0 && maxAbsB <= limit &&
         "operand bounds must be in [0, 2^31]");
  int64_t product = maxAbsA * maxAbsB;
  if (product == 0)
    return std::numeric_limits<int64_t>::max();
  return std::numeric_limits<int32_t>::max() / product;
}

float chunkedDot(const int64_t *a, size_t strideA, const int64_t *b,
                 size_t strideB, int64_t k, int64_t chunk, int exp2) {
  assert(chunk >= 1 && "chunk must be positive");
  float accumulator = 0.0f;
  for (int64_t begin = 0; begin < k; begin += chunk) {
    int64_t end = std::min(k, begin + chunk);
    int64_t sum = 0; // the int32 accumulator, checked after every product
    for (int64_t i = begin; i < end; ++i) {
      sum += a[i * strideA] * b[i * strideB];
      assert(sum >= std::numeric_limits<int32_t>::min() &&
             sum <= std::numeric_limits<int32_t>::max() &&
             "chunk sum overflows int32");
    }
    accumulator += static_cast<float>(static_cast<int32_t>(sum));
  }
  return scaleDouble(static_cast<double>(accumulator), exp2);
}

float saturatingDot(const int64_t *a, size_t strideA, const int64_t *b,
                    size_t strideB, int64_t k, int exp2) {
  constexpr int64_t lowest = std::numeric_limits<int32_t>::min();
  constexpr int64_t highest = std::numeric_limits<int32_t>::max();
  int64_t accumulator = 0;
  for (int64_t i = 0; i < k; i += 2) {
    int64_t pair = a[i * strideA] * b[i * strideB];
    if (i + 1 < k)
      pair += a[(i + 1) * strideA] * b[(i + 1) * strideB];
    assert(pair >= lowest && pair <= highest && "a pair overflows int32");
    accumulator = std::clamp(accumulator + pair, lowest, highest);
  }
  return scaleDouble(static_cast<double>(static_cast<float>(accumulator)),
                     exp2);
}

float blockedDot(const int64_t *a, size_t strideA, const int64_t *b,
                 size_t strideB, int64_t k, int64_t block, const int *exp2,
                 int64_t chunk, bool saturating) {
  assert(block >= 1 && "block must be positive");
  float total = 0.0f;
  for (int64_t begin = 0, segment = 0; begin < k; begin += block, ++segment) {
    int64_t length = std::min(block, k - begin);
    const int64_t *sa = a + begin * strideA, *sb = b + begin * strideB;
    total += saturating ? saturatingDot(sa, strideA, sb, strideB, length,
                                        exp2[segment])
                        : chunkedDot(sa, strideA, sb, strideB, length, chunk,
                                     exp2[segment]);
  }
  return total;
}

std::vector<float> matmul(const std::vector<int64_t> &a,
                          const std::vector<int64_t> &b, int64_t m, int64_t n,
                          int64_t k, int64_t chunk, int exp2) {
  assert(static_cast<int64_t>(a.size()) == m * k &&
         static_cast<int64_t>(b.size()) == k * n && "operand shape mismatch");
  std::vector<float> result(m * n);
  for (int64_t i = 0; i < m; ++i)
    for (int64_t j = 0; j < n; ++j)
      result[i * n + j] = chunkedDot(a.data() + i * k, 1, b.data() + j,
                                     static_cast<size_t>(n), k, chunk, exp2);
  return result;
}

} // namespace mlir::fxp::ref
