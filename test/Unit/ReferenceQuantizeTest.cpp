//===- ReferenceQuantizeTest.cpp - Float quantization tests -----*- C++ -*-===//
//
// quantize (binary32 -> fixed<W, F>) and scaleToFloat (fixed -> binary32) of
// the reference model: hand-computed literals for ties, NaN, infinities,
// signed zeros, subnormals, negative F and F > W, plus property tests against
// exact rational rounding and against long double libm rounding.
//
//===----------------------------------------------------------------------===//

#include "ReferenceTestUtils.h"

#include "fxp/Reference/Reference.h"

#include "gtest/gtest.h"

#include <cfloat>
#include <climits>
#include <cmath>
#include <cstdint>
#include <limits>

using namespace mlir::fxp::ref;
using fxp_test::bitsFromFloat;
using fxp_test::exactRound;
using fxp_test::expectedOverflow;
using fxp_test::floatFromBits;
using fxp_test::kDeterministicModes;
using fxp_test::TestRng;

namespace {

constexpr int64_t kInt32Max = INT32_MAX;
constexpr int64_t kInt32Min = INT32_MIN;
const float kNaN = std::numeric_limits<float>::quiet_NaN();
const float kInf = std::numeric_limits<float>::infinity();

/// Floor, TowardZero, NearestEven, NearestAway, NearestUp, Biased.
struct ModeResults {
  int64_t expected[6];
};

void expectQuantize(float x, unsigned w, int f, ModeResults results,
                    Overflow ovf = Overflow::Saturate) {
  for (int i = 0; i < 6; ++i)
    EXPECT_EQ(quantize(x, w, f, kDeterministicModes[i], ovf, 0),
              results.expected[i])
        << "x = " << x << " (bits 0x" << std::hex << bitsFromFloat(x)
        << std::dec << "), fixed<" << w << ", " << f << ">, mode " << i;
}

void expectAllModes(float x, unsigned w, int f, int64_t expected,
                    Overflow ovf = Overflow::Saturate) {
  expectQuantize(x, w, f,
                 {{expected, expected, expected, expected, expected, expected}},
                 ovf);
  for (uint32_t k : {0u, 0x80000000u, 0xFFFFFFFFu})
    EXPECT_EQ(quantize(x, w, f, Rounding::Stochastic, ovf, k), expected)
        << "x = " << x << ", stochastic, k = " << k;
}

TEST(ReferenceQuantize, Ties) {
  // Results: floor, toward_zero, nearest_even, nearest_away, nearest_up,
  // biased.
  expectQuantize(2.5f, 8, 0, {{2, 2, 2, 3, 3, 3}});
  expectQuantize(-2.5f, 8, 0, {{-3, -2, -2, -3, -2, -3}});
  expectQuantize(3.5f, 8, 0, {{3, 3, 4, 4, 4, 4}});
  expectQuantize(-3.5f, 8, 0, {{-4, -3, -4, -4, -3, -4}});
  expectQuantize(0.5f, 8, 0, {{0, 0, 0, 1, 1, 1}});
  expectQuantize(-0.5f, 8, 0, {{-1, 0, 0, -1, 0, -1}});
  // Ties at a fractional F: 0.375 * 2^2 = 1.5.
  expectQuantize(0.375f, 8, 2, {{1, 1, 2, 2, 2, 2}});
  expectQuantize(-0.375f, 8, 2, {{-2, -1, -2, -2, -1, -2}});
}

TEST(ReferenceQuantize, AroundTies) {
  // 0.1f = 13421773 * 2^-27; at F = 8, t = 25.6000003814697...
  expectQuantize(0.1f, 8, 8, {{25, 25, 26, 26, 26, 26}});
  expectQuantize(-0.1f, 8, 8, {{-26, -25, -26, -26, -26, -26}});
  // The float neighbours of 2.5 and -2.5.
  expectQuantize(std::nextafter(2.5f, 3.0f), 8, 0, {{2, 2, 3, 3, 3, 3}});
  expectQuantize(std::nextafter(2.5f, 2.0f), 8, 0, {{2, 2, 2, 2, 2, 3}});
  expectQuantize(std::nextafter(-2.5f, -3.0f), 8, 0,
                 {{-3, -2, -3, -3, -3, -3}});
  expectQuantize(std::nextafter(-2.5f, -2.0f), 8, 0,
                 {{-3, -2, -2, -2, -2, -3}});
  // Biased rounding of small magnitudes.
  expectQuantize(0.3f, 8, 0, {{0, 0, 0, 0, 0, 1}});
  expectQuantize(-0.3f, 8, 0, {{-1, 0, 0, 0, 0, -1}});
  expectQuantize(-0.2f, 8, 0, {{-1, 0, 0, 0, 0, 0}});
  expectQuantize(0.25f, 8, 0, {{0, 0, 0, 0, 0, 1}});
  expectQuantize(-0.25f, 8, 0, {{-1, 0, 0, 0, 0, -1}});
}

TEST(ReferenceQuantize, NaNInfinitiesAndZeros) {
  for (unsigned w : {2u, 8u, 16u, 32u}) {
    for (int f : {-70, 0, 8, 200}) {
      expectAllModes(kNaN, w, f, 0);
      expectAllModes(-kNaN, w, f, 0);
      expectAllModes(floatFromBits(0x7F800001u), w, f, 0); // signalling NaN
      expectAllModes(0.0f, w, f, 0);
      expectAllModes(-0.0f, w, f, 0);
      const int64_t qmax = (int64_t(1) << (w - 1)) - 1;
      expectAllModes(kInf, w, f, qmax);
      expectAllModes(kInf, w, f, qmax, Overflow::SaturateSymmetric);
      expectAllModes(-kInf, w, f, -qmax - 1);
      expectAllModes(-kInf, w, f, -qmax, Overflow::SaturateSymmetric);
    }
  }
  expectAllModes(kInf, 8, 0, 127);
  expectAllModes(-kInf, 8, 0, -128);
  expectAllModes(-kInf, 8, 0, -127, Overflow::SaturateSymmetric);
  expectAllModes(kInf, 32, 0, kInt32Max);
  expectAllModes(-kInf, 32, 0, kInt32Min);
}

TEST(ReferenceQuantize, Subnormals) {
  // 1e-40f = 71362 * 2^-149 (bits 0x000116C2).
  ASSERT_EQ(bitsFromFloat(1e-40f), 0x000116C2u);
  expectQuantize(1e-40f, 8, 0, {{0, 0, 0, 0, 0, 0}});
  expectQuantize(-1e-40f, 8, 0, {{-1, 0, 0, 0, 0, 0}});
  // T = floor(1e-40 * 2^32) = 0, so r = 0: never rounds up.
  EXPECT_EQ(
      quantize(1e-40f, 8, 0, Rounding::Stochastic, Overflow::Saturate, 0u), 0);
  // -1e-40: T = -1, n = -1, r = 2^32 - 1.
  EXPECT_EQ(quantize(-1e-40f, 8, 0, Rounding::Stochastic, Overflow::Saturate,
                     0xFFFFFFFEu),
            0);
  EXPECT_EQ(quantize(-1e-40f, 8, 0, Rounding::Stochastic, Overflow::Saturate,
                     0xFFFFFFFFu),
            -1);
  expectAllModes(1e-40f, 32, 149, 71362);
  expectAllModes(-1e-40f, 32, 149, -71362);
  // 71362 / 2^9 = 139.37890625.
  expectQuantize(1e-40f, 32, 140, {{139, 139, 139, 139, 139, 140}});
  expectQuantize(-1e-40f, 32, 140, {{-140, -139, -139, -139, -139, -140}});
  // The smallest subnormal 2^-149: 1/2 at F = 148, 1 at F = 149.
  const float tiny = floatFromBits(1u);
  expectQuantize(tiny, 8, 148, {{0, 0, 0, 1, 1, 1}});
  expectQuantize(-tiny, 8, 148, {{-1, 0, 0, -1, 0, -1}});
  expectAllModes(tiny, 8, 149, 1);
  expectAllModes(-tiny, 8, 150, -2);
  expectQuantize(-tiny, 8, 0, {{-1, 0, 0, 0, 0, 0}});
  // The largest subnormal (2^23 - 1) * 2^-149.
  const float largest = floatFromBits(0x007FFFFFu);
  expectAllModes(largest, 32, 149, 8388607);
  expectQuantize(largest, 32, 126, {{0, 0, 1, 1, 1, 1}});
  expectQuantize(-largest, 32, 126, {{-1, 0, -1, -1, -1, -1}});
}

TEST(ReferenceQuantize, NegativeFrac) {
  expectAllModes(1000.0f, 8, -3, 125);
  expectQuantize(12.0f, 8, -3, {{1, 1, 2, 2, 2, 2}});        // 1.5
  expectQuantize(20.0f, 8, -3, {{2, 2, 2, 3, 3, 3}});        // 2.5
  expectQuantize(-20.0f, 8, -3, {{-3, -2, -2, -3, -2, -3}}); // -2.5
  // 1030 / 8 = 128.75 saturates in every mode.
  expectAllModes(1030.0f, 8, -3, 127);
  expectAllModes(-1030.0f, 8, -3, -128);
  expectAllModes(-1030.0f, 8, -3, -127, Overflow::SaturateSymmetric);
  expectAllModes(3.0e38f, 16, -64, 32767);
  expectAllModes(1.0f, 8, -200, 0);
  expectQuantize(-1.0f, 8, -200, {{-1, 0, 0, 0, 0, 0}});
}

TEST(ReferenceQuantize, FracBeyondWidth) {
  // 0.01f * 2^12 = 40.9599990844727.
  expectQuantize(0.01f, 8, 12, {{40, 40, 41, 41, 41, 41}});
  expectQuantize(-0.01f, 8, 12, {{-41, -40, -41, -41, -41, -41}});
  // 0.05f * 2^12 = 204.8 saturates.
  expectAllModes(0.05f, 8, 12, 127);
  expectAllModes(-0.05f, 8, 12, -128);
  expectAllModes(-0.05f, 8, 12, -127, Overflow::SaturateSymmetric);
  expectAllModes(1.0f, 32, 30, 1073741824);
  expectAllModes(1.5f, 32, 30, 1610612736);
  expectAllModes(2.0f, 32, 30, kInt32Max);
  expectAllModes(-2.0f, 32, 30, kInt32Min);
  expectAllModes(-2.0f, 32, 30, -kInt32Max, Overflow::SaturateSymmetric);
}

TEST(ReferenceQuantize, Saturation) {
  expectQuantize(127.4f, 8, 0, {{127, 127, 127, 127, 127, 127}});
  // 127.5 rounds to 128 in the nearest modes and saturates.
  expectQuantize(127.5f, 8, 0, {{127, 127, 127, 127, 127, 127}});
  // -128.5: floor and away give -129, nearest_even -128.
  expectQuantize(-128.5f, 8, 0, {{-128, -128, -128, -128, -128, -128}});
  expectQuantize(-128.5f, 8, 0, {{-127, -127, -127, -127, -127, -127}},
                 Overflow::SaturateSymmetric);
  expectQuantize(-128.4f, 8, 0, {{-128, -128, -128, -128, -128, -128}});
  expectQuantize(-127.6f, 8, 0, {{-127, -127, -127, -127, -127, -127}},
                 Overflow::SaturateSymmetric);
  // Values far beyond int64 saturate correctly.
  expectAllModes(FLT_MAX, 32, 64, kInt32Max);
  expectAllModes(-FLT_MAX, 32, 64, kInt32Min);
  expectAllModes(-FLT_MAX, 32, 64, -kInt32Max, Overflow::SaturateSymmetric);
  expectAllModes(0x1p62f, 32, 0, kInt32Max);
  expectAllModes(-0x1p63f, 32, 0, kInt32Min);
  expectAllModes(0x1p100f, 8, 0, 127);
  expectAllModes(-0x1p127f, 8, 64, -128);
  expectAllModes(0x1p31f, 32, 0, kInt32Max);
  expectAllModes(-0x1p31f, 32, 0, kInt32Min);
  expectAllModes(0x1.fffffep30f, 32, 0, 2147483520);
  expectAllModes(1.0f, 32, INT_MAX, kInt32Max);
  expectAllModes(-1.0f, 32, INT_MAX, kInt32Min);
  expectQuantize(1.0f, 32, INT_MIN, {{0, 0, 0, 0, 0, 0}});
  expectQuantize(-1.0f, 32, INT_MIN, {{-1, 0, 0, 0, 0, 0}});
}

TEST(ReferenceQuantize, AllWidths) {
  for (unsigned w = 2; w <= 32; ++w) {
    const int64_t qmax = (int64_t(1) << (w - 1)) - 1;
    const int64_t qmin = -qmax - 1;
    const float top = std::ldexp(1.0f, static_cast<int>(w) - 1); // 2^(W-1)
    expectAllModes(top, w, 0, qmax);
    expectAllModes(-top, w, 0, qmin);
    expectAllModes(-top, w, 0, -qmax, Overflow::SaturateSymmetric);
    // 2^-(W+2) at F = W + 3 is 2 (F > W; saturates to 1 at W = 2).
    expectAllModes(std::ldexp(1.0f, -static_cast<int>(w) - 2), w,
                   static_cast<int>(w) + 3, w == 2 ? 1 : 2);
    // -1/2 at F = W + 3 is -2^(W+2): saturates, one end or the other.
    expectAllModes(-0.5f, w, static_cast<int>(w) + 3, qmin);
    // 2^(W-1) at F = -1 is exactly 2^(W-2), in range.
    expectAllModes(top, w, -1, int64_t(1) << (w - 2));
    if (w <= 24) {
      // qmax + 1/2 is exact in binary32 here.
      const float half = static_cast<float>(qmax) + 0.5f;
      expectQuantize(half, w, 0, {{qmax, qmax, qmax, qmax, qmax, qmax}});
      expectQuantize(-half, w, 0, {{qmin, -qmax, qmin, qmin, -qmax, qmin}});
    }
  }
}

TEST(ReferenceQuantizeDeathTest, WrapIsRejected) {
#if GTEST_HAS_DEATH_TEST && !defined(NDEBUG)
  EXPECT_DEATH(quantize(1.0f, 8, 0, Rounding::NearestEven, Overflow::Wrap, 0),
               "saturates");
#else
  GTEST_SKIP() << "assertions disabled";
#endif
}

//===----------------------------------------------------------------------===//
// Property tests
//===----------------------------------------------------------------------===//

/// A random finite float and a frac that puts t = x * 2^frac mostly near the
/// interesting range, sometimes anywhere.
struct Sample {
  float x;
  int frac;
  unsigned width;
};

Sample randomSample(TestRng &rng) {
  Sample s;
  uint32_t bits;
  do {
    bits = static_cast<uint32_t>(rng.next());
    if (rng.range(0, 7) == 0)
      bits &= 0x807FFFFFu | (static_cast<uint32_t>(rng.range(0, 3)) << 23);
  } while (((bits >> 23) & 0xFF) == 0xFF);
  s.x = floatFromBits(bits);
  s.width = static_cast<unsigned>(rng.range(2, 32));
  int exponent = 0;
  std::frexp(s.x, &exponent);
  if (rng.range(0, 9) == 0)
    s.frac = static_cast<int>(rng.range(-300, 300));
  else
    s.frac = -exponent + static_cast<int>(rng.range(-45, 34));
  return s;
}

TEST(ReferenceQuantize, PropertyMatchesExactRounding) {
  TestRng rng(11);
  for (int i = 0; i < 200000; ++i) {
    const Sample s = randomSample(rng);
    const Rounding mode = kDeterministicModes[rng.range(0, 5)];
    const Overflow ovf =
        rng.range(0, 1) ? Overflow::Saturate : Overflow::SaturateSymmetric;
    // Decompose x = +-m * 2^e2 and round t = +-m * 2^(e2 + frac) exactly.
    const uint32_t bits = bitsFromFloat(s.x);
    const bool negative = (bits >> 31) != 0;
    const uint32_t field = (bits >> 23) & 0xFF;
    const uint64_t m =
        field ? ((bits & 0x7FFFFF) | 0x800000) : (bits & 0x7FFFFF);
    const int e = (field ? static_cast<int>(field) - 150 : -149) + s.frac;
    __int128 rounded;
    if (m == 0)
      rounded = 0;
    else if (e > 40)
      rounded = (negative ? -1 : 1) * (static_cast<__int128>(1) << 70);
    else if (e >= 0)
      rounded = (negative ? -1 : 1) * static_cast<__int128>(m << e);
    else
      rounded = exactRound(negative, m, -e, mode);
    ASSERT_EQ(quantize(s.x, s.width, s.frac, mode, ovf, 0),
              expectedOverflow(rounded, s.width, ovf))
        << "x bits 0x" << std::hex << bits << std::dec << ", frac " << s.frac
        << ", width " << s.width << ", mode " << static_cast<int>(mode);
  }
}

TEST(ReferenceQuantize, PropertyMatchesLongDoubleLibm) {
  static_assert(std::numeric_limits<long double>::digits >= 64,
                "needs x87 extended precision");
  TestRng rng(12);
  for (int i = 0; i < 200000; ++i) {
    const Sample s = randomSample(rng);
    const Rounding mode = kDeterministicModes[rng.range(0, 5)];
    // Exact in long double (24-bit significand, wide exponent range).
    const long double t = std::ldexp(static_cast<long double>(s.x), s.frac);
    long double r;
    if (std::fabs(t) >= 0x1p40L) {
      r = t; // saturates
    } else {
      const bool tiny = std::fabs(t) < 0x1p-40L;
      switch (mode) {
      case Rounding::Floor:
        r = std::floor(t);
        break;
      case Rounding::TowardZero:
        r = std::trunc(t);
        break;
      case Rounding::NearestEven:
        r = std::nearbyint(t); // default rounding mode: to nearest even
        break;
      case Rounding::NearestAway:
        r = std::round(t);
        break;
      case Rounding::NearestUp:
        r = tiny ? 0.0L : std::floor(t + 0.5L);
        break;
      default: // Biased: the magnitude rounded up from a quarter.
        r = tiny ? 0.0L : std::copysign(std::floor(std::fabs(t) + 0.75L), t);
        break;
      }
    }
    const long double qmax = std::ldexp(1.0L, s.width - 1) - 1;
    const long double clamped = std::fmin(std::fmax(r, -qmax - 1), qmax);
    ASSERT_EQ(quantize(s.x, s.width, s.frac, mode, Overflow::Saturate, 0),
              static_cast<int64_t>(clamped))
        << "x = " << s.x << ", frac " << s.frac << ", width " << s.width
        << ", mode " << static_cast<int>(mode);
  }
}

TEST(ReferenceQuantize, PropertyStochasticThreshold) {
  // For 2^-9 <= |t| the 32 fractional bits hold t - floor(t) exactly: the
  // result is floor(t) + 1 exactly when k < r.
  TestRng rng(13);
  int checked = 0;
  for (int i = 0; i < 200000; ++i) {
    const Sample s = randomSample(rng);
    const long double t = std::ldexp(static_cast<long double>(s.x), s.frac);
    if (std::fabs(t) < 0x1p-9L || std::fabs(t) >= 0x1p30L)
      continue;
    ++checked;
    const long double n = std::floor(t);
    const uint64_t r = static_cast<uint64_t>(std::ldexp(t - n, 32));
    ASSERT_LT(r, uint64_t(1) << 32);
    const int64_t down = static_cast<int64_t>(n);
    auto q = [&](uint32_t k) {
      return quantize(s.x, 32, s.frac, Rounding::Stochastic, Overflow::Saturate,
                      k);
    };
    if (r == 0) {
      ASSERT_EQ(q(0), down) << s.x << " " << s.frac;
      ASSERT_EQ(q(0xFFFFFFFFu), down);
    } else {
      ASSERT_EQ(q(static_cast<uint32_t>(r - 1)), down + 1)
          << s.x << " " << s.frac;
      ASSERT_EQ(q(static_cast<uint32_t>(r)), down) << s.x << " " << s.frac;
      ASSERT_EQ(q(0), down + 1);
    }
  }
  EXPECT_GT(checked, 50000);
}

//===----------------------------------------------------------------------===//
// scaleToFloat
//===----------------------------------------------------------------------===//

TEST(ReferenceScaleToFloat, Literals) {
  EXPECT_EQ(bitsFromFloat(scaleToFloat(1, 0)), bitsFromFloat(1.0f));
  EXPECT_EQ(scaleToFloat(3, -1), 1.5f);
  EXPECT_EQ(scaleToFloat(-3, -1), -1.5f);
  EXPECT_EQ(scaleToFloat(-384, 8), -98304.0f);
  EXPECT_EQ(bitsFromFloat(scaleToFloat(0, 100)), 0u); // +0, not -0
  EXPECT_EQ(bitsFromFloat(scaleToFloat(0, -100)), 0u);
  EXPECT_EQ(scaleToFloat(kInt32Min, -31), -1.0f);
  EXPECT_EQ(scaleToFloat(1, 127), 0x1p127f);
  // Subnormal results round once: 2^-150 is a tie and goes to even (0),
  // 3 * 2^-150 is a tie between 1 and 2 units and goes to 2.
  EXPECT_EQ(bitsFromFloat(scaleToFloat(1, -149)), 0x00000001u);
  EXPECT_EQ(bitsFromFloat(scaleToFloat(1, -150)), 0x00000000u);
  EXPECT_EQ(bitsFromFloat(scaleToFloat(-1, -150)), 0x80000000u);
  EXPECT_EQ(bitsFromFloat(scaleToFloat(3, -150)), 0x00000002u);
  EXPECT_EQ(bitsFromFloat(scaleToFloat(1, -151)), 0x00000000u);
  // (5 * 2^24 + 1) * 2^-174 = (2.5 + 2^-25) * 2^-149: rounding the integer
  // to binary32 first would make it a tie (-> 2 units); one rounding gives 3.
  EXPECT_EQ(bitsFromFloat(scaleToFloat(83886081, -174)), 0x00000003u);
  EXPECT_EQ(bitsFromFloat(scaleToFloat(-83886081, -174)), 0x80000003u);
  EXPECT_EQ(bitsFromFloat(scaleToFloat(83886080, -174)), 0x00000002u);
  // Rounding of wide integers: 2^24 + 1 is a tie (-> even), 2^24 + 3 too.
  EXPECT_EQ(scaleToFloat(16777217, -24), 1.0f);
  EXPECT_EQ(bitsFromFloat(scaleToFloat(16777219, -24)), 0x3F800002u);
  EXPECT_EQ(scaleToFloat(33554431, 0), 33554432.0f);
  // Overflow to infinity: (2^31 - 1) * 2^97 is above FLT_MAX + ulp/2.
  EXPECT_EQ(scaleToFloat(kInt32Max, 97),
            std::numeric_limits<float>::infinity());
  EXPECT_EQ(scaleToFloat(kInt32Max, 96), 0x1p127f);
  EXPECT_EQ(scaleToFloat(1, 128), std::numeric_limits<float>::infinity());
  EXPECT_EQ(scaleToFloat(-1, 128), -std::numeric_limits<float>::infinity());
  EXPECT_EQ(scaleToFloat(1, 1000), std::numeric_limits<float>::infinity());
  EXPECT_EQ(bitsFromFloat(scaleToFloat(5, -400)), 0u);
  EXPECT_EQ(bitsFromFloat(scaleToFloat(-5, -1000)), 0x80000000u);
  EXPECT_EQ(scaleToFloat(kInt32Max, INT_MAX),
            std::numeric_limits<float>::infinity());
  EXPECT_EQ(bitsFromFloat(scaleToFloat(kInt32Max, INT_MIN)), 0u);
}

TEST(ReferenceScaleToFloat, PropertyMatchesLongDouble) {
  TestRng rng(14);
  for (int i = 0; i < 200000; ++i) {
    const int64_t q = static_cast<int32_t>(rng.next()) >> rng.range(0, 31);
    const int exp2 = static_cast<int>(rng.range(-220, 160));
    // Exact in long double; the conversion to float rounds once.
    const float expected =
        static_cast<float>(std::ldexp(static_cast<long double>(q), exp2));
    ASSERT_EQ(bitsFromFloat(scaleToFloat(q, exp2)), bitsFromFloat(expected))
        << q << " * 2^" << exp2;
  }
}

TEST(ReferenceScaleToFloat, RoundTripsQuantize) {
  // Quantizing a dequantized value gives it back in every mode.
  TestRng rng(15);
  for (int i = 0; i < 20000; ++i) {
    const unsigned w = static_cast<unsigned>(rng.range(2, 24));
    const int64_t q =
        rng.range(-(int64_t(1) << (w - 1)), (int64_t(1) << (w - 1)) - 1);
    const int f = static_cast<int>(rng.range(-100, 120));
    const float x = scaleToFloat(q, -f);
    for (Rounding mode : kDeterministicModes)
      ASSERT_EQ(quantize(x, w, f, mode, Overflow::Saturate, 0), q)
          << q << " at fixed<" << w << ", " << f << ">";
  }
}

} // namespace
