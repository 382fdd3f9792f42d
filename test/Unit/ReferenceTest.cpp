//===- ReferenceTest.cpp - Tests of the fxp reference model -----*- C++ -*-===//
//
// Ranges, the rounding table of §2 on integers, overflow handling (§3),
// rescale (§7) and exact add/sub/mul. Expected values are hand-computed
// literals; the property tests compare against the independent sign-magnitude
// formulation of ReferenceTestUtils.h.
//
//===----------------------------------------------------------------------===//

#include "ReferenceTestUtils.h"

#include "fxp/Reference/Reference.h"

#include "gtest/gtest.h"

#include <algorithm>
#include <climits>
#include <cstdint>

using namespace mlir::fxp::ref;
using fxp_test::exactRound;
using fxp_test::expectedOverflow;
using fxp_test::kDeterministicModes;
using fxp_test::TestRng;

namespace {

constexpr int64_t kInt32Max = INT32_MAX;
constexpr int64_t kInt32Min = INT32_MIN;

/// Expected results in the order of kDeterministicModes:
/// Floor, TowardZero, NearestEven, NearestAway, NearestUp, Biased.
struct ModeResults {
  int64_t expected[6];
};

const char *modeName(Rounding mode) {
  switch (mode) {
  case Rounding::Floor:
    return "floor";
  case Rounding::TowardZero:
    return "toward_zero";
  case Rounding::NearestEven:
    return "nearest_even";
  case Rounding::NearestAway:
    return "nearest_away";
  case Rounding::NearestUp:
    return "nearest_up";
  case Rounding::Biased:
    return "biased";
  case Rounding::Stochastic:
    return "stochastic";
  }
  return "?";
}

/// Checks roundShifted(q, shift) in every deterministic mode (saturating,
/// width 16, so nothing here overflows).
void expectRoundShifted(int64_t q, int shift, ModeResults results) {
  for (int i = 0; i < 6; ++i) {
    Rounding mode = kDeterministicModes[i];
    EXPECT_EQ(roundShifted(q, shift, 16, mode, Overflow::Saturate, 0),
              results.expected[i])
        << "q = " << q << ", shift = " << shift << ", " << modeName(mode);
  }
}

/// Expected results for Saturate, SaturateSymmetric, Wrap.
struct OverflowResults {
  int64_t saturate, symmetric, wrap;
};

void expectOverflow(__int128 v, unsigned width, OverflowResults results) {
  EXPECT_EQ(handleOverflow(v, width, Overflow::Saturate), results.saturate)
      << "width " << width;
  EXPECT_EQ(handleOverflow(v, width, Overflow::SaturateSymmetric),
            results.symmetric)
      << "width " << width;
  EXPECT_EQ(handleOverflow(v, width, Overflow::Wrap), results.wrap)
      << "width " << width;
}

//===----------------------------------------------------------------------===//
// Ranges
//===----------------------------------------------------------------------===//

TEST(ReferenceRanges, Literals) {
  EXPECT_EQ(minValue(2), -2);
  EXPECT_EQ(maxValue(2), 1);
  EXPECT_EQ(minValue(8), -128);
  EXPECT_EQ(maxValue(8), 127);
  EXPECT_EQ(minValue(12), -2048);
  EXPECT_EQ(maxValue(12), 2047);
  EXPECT_EQ(maxValue(16), 32767);
  EXPECT_EQ(minValue(32), -2147483648LL);
  EXPECT_EQ(maxValue(32), 2147483647LL);
  EXPECT_EQ(storageBits(2), 8u);
  EXPECT_EQ(storageBits(8), 8u);
  EXPECT_EQ(storageBits(9), 16u);
  EXPECT_EQ(storageBits(12), 16u);
  EXPECT_EQ(storageBits(16), 16u);
  EXPECT_EQ(storageBits(17), 32u);
  EXPECT_EQ(storageBits(32), 32u);
}

TEST(ReferenceRanges, AllWidths) {
  for (unsigned w = 2; w <= 32; ++w) {
    int64_t half = int64_t(1) << (w - 1);
    EXPECT_EQ(minValue(w), -half) << w;
    EXPECT_EQ(maxValue(w), half - 1) << w;
    EXPECT_EQ(storageBits(w), w <= 8 ? 8u : w <= 16 ? 16u : 32u) << w;
    EXPECT_GE(storageBits(w), w);
  }
}

//===----------------------------------------------------------------------===//
// Rounding decisions (§2)
//===----------------------------------------------------------------------===//

TEST(ReferenceRounding, ApplyRoundingDirect) {
  const __int128 big = static_cast<__int128>(1) << 100;
  EXPECT_TRUE(applyRounding(big, 0x80000001u, Rounding::NearestEven, 0) ==
              big + 1);
  EXPECT_TRUE(applyRounding(big, 0x80000000u, Rounding::NearestEven, 0) == big);
  EXPECT_TRUE(applyRounding(-big, 1u, Rounding::TowardZero, 0) == -big + 1);
  EXPECT_TRUE(applyRounding(-big, 0u, Rounding::TowardZero, 0) == -big);
  EXPECT_TRUE(applyRounding(5, 0x80000000u, Rounding::NearestEven, 0) == 6);
  EXPECT_TRUE(applyRounding(4, 0x80000000u, Rounding::NearestEven, 0) == 4);
  EXPECT_TRUE(applyRounding(-1, 0x80000000u, Rounding::NearestAway, 0) == -1);
  EXPECT_TRUE(applyRounding(0, 0x80000000u, Rounding::NearestAway, 0) == 1);
  EXPECT_TRUE(applyRounding(-1, 0x80000000u, Rounding::NearestUp, 0) == 0);
  EXPECT_TRUE(applyRounding(7, 0xFFFFFFFFu, Rounding::Floor, 0) == 7);
  EXPECT_TRUE(applyRounding(3, 0x40000000u, Rounding::Biased, 0) == 4);
  EXPECT_TRUE(applyRounding(3, 0x3FFFFFFFu, Rounding::Biased, 0) == 3);
  EXPECT_TRUE(applyRounding(-3, 0xC0000000u, Rounding::Biased, 0) == -3);
  EXPECT_TRUE(applyRounding(-3, 0xC0000001u, Rounding::Biased, 0) == -2);
  EXPECT_TRUE(applyRounding(2, 10u, Rounding::Stochastic, 9u) == 3);
  EXPECT_TRUE(applyRounding(2, 10u, Rounding::Stochastic, 10u) == 2);
  // The random word is ignored by the deterministic modes.
  EXPECT_TRUE(applyRounding(2, 10u, Rounding::Floor, 0u) == 2);
  EXPECT_TRUE(
      applyRounding(2, 0x90000000u, Rounding::NearestEven, 0xFFFFFFFFu) == 3);
}

TEST(ReferenceRounding, ExactTies) {
  // t = q / 2. Results: floor, toward_zero, nearest_even, nearest_away,
  // nearest_up, biased.
  expectRoundShifted(5, 1, {{2, 2, 2, 3, 3, 3}});        // 2.5
  expectRoundShifted(3, 1, {{1, 1, 2, 2, 2, 2}});        // 1.5
  expectRoundShifted(1, 1, {{0, 0, 0, 1, 1, 1}});        // 0.5
  expectRoundShifted(7, 1, {{3, 3, 4, 4, 4, 4}});        // 3.5
  expectRoundShifted(9, 1, {{4, 4, 4, 5, 5, 5}});        // 4.5
  expectRoundShifted(-1, 1, {{-1, 0, 0, -1, 0, -1}});    // -0.5
  expectRoundShifted(-3, 1, {{-2, -1, -2, -2, -1, -2}}); // -1.5
  expectRoundShifted(-5, 1, {{-3, -2, -2, -3, -2, -3}}); // -2.5
  expectRoundShifted(-7, 1, {{-4, -3, -4, -4, -3, -4}}); // -3.5
  expectRoundShifted(-9, 1, {{-5, -4, -4, -5, -4, -5}}); // -4.5
}

TEST(ReferenceRounding, AroundTies) {
  // t = q / 16.
  expectRoundShifted(41, 4, {{2, 2, 3, 3, 3, 3}});        // 2.5625
  expectRoundShifted(39, 4, {{2, 2, 2, 2, 2, 3}});        // 2.4375
  expectRoundShifted(-39, 4, {{-3, -2, -2, -2, -2, -3}}); // -2.4375
  expectRoundShifted(-41, 4, {{-3, -2, -3, -3, -3, -3}}); // -2.5625
  expectRoundShifted(12, 4, {{0, 0, 1, 1, 1, 1}});        // 0.75
  expectRoundShifted(-12, 4, {{-1, 0, -1, -1, -1, -1}});  // -0.75
  expectRoundShifted(-13, 4, {{-1, 0, -1, -1, -1, -1}});  // -0.8125
  expectRoundShifted(-48, 4, {{-3, -3, -3, -3, -3, -3}}); // -3 exactly
  expectRoundShifted(0, 4, {{0, 0, 0, 0, 0, 0}});
}

TEST(ReferenceRounding, BiasedQuarterBoundaries) {
  // Biased rounds the magnitude up when either of its top two dropped bits
  // is set, i.e. from a fraction of 1/4 of the magnitude.
  expectRoundShifted(4, 4, {{0, 0, 0, 0, 0, 1}});         // 0.25
  expectRoundShifted(3, 4, {{0, 0, 0, 0, 0, 0}});         // 0.1875
  expectRoundShifted(-4, 4, {{-1, 0, 0, 0, 0, -1}});      // -0.25
  expectRoundShifted(-3, 4, {{-1, 0, 0, 0, 0, 0}});       // -0.1875
  expectRoundShifted(21, 4, {{1, 1, 1, 1, 1, 2}});        // 1.3125
  expectRoundShifted(-21, 4, {{-2, -1, -1, -1, -1, -2}}); // -1.3125
  expectRoundShifted(19, 4, {{1, 1, 1, 1, 1, 1}});        // 1.1875
  expectRoundShifted(-19, 4, {{-2, -1, -1, -1, -1, -1}}); // -1.1875
}

TEST(ReferenceRounding, Stochastic) {
  const Rounding s = Rounding::Stochastic;
  const Overflow sat = Overflow::Saturate;
  // t = 2.25: r = 2^30, up when k < 2^30.
  EXPECT_EQ(roundShifted(9, 2, 8, s, sat, 0u), 3);
  EXPECT_EQ(roundShifted(9, 2, 8, s, sat, 0x3FFFFFFFu), 3);
  EXPECT_EQ(roundShifted(9, 2, 8, s, sat, 0x40000000u), 2);
  EXPECT_EQ(roundShifted(9, 2, 8, s, sat, 0xFFFFFFFFu), 2);
  // t = -2.25: n = -3, r = 3 * 2^30.
  EXPECT_EQ(roundShifted(-9, 2, 8, s, sat, 0xBFFFFFFFu), -2);
  EXPECT_EQ(roundShifted(-9, 2, 8, s, sat, 0xC0000000u), -3);
  // Exact values never move.
  EXPECT_EQ(roundShifted(12, 2, 8, s, sat, 0u), 3);
  EXPECT_EQ(roundShifted(-12, 2, 8, s, sat, 0u), -3);
  // shift 32: r is q's low word.
  EXPECT_EQ(roundShifted(1, 32, 8, s, sat, 0u), 1);
  EXPECT_EQ(roundShifted(1, 32, 8, s, sat, 1u), 0);
  // Saturation after stochastic rounding: 127.5 rounds to 128 -> 127.
  EXPECT_EQ(roundShifted(255, 1, 8, s, sat, 0u), 127);
  EXPECT_EQ(roundShifted(255, 1, 8, s, Overflow::Wrap, 0u), -128);
}

TEST(ReferenceRounding, ShiftsBeyond32) {
  // shift 32 and 33 are still exact.
  expectRoundShifted(int64_t(1) << 31, 32, {{0, 0, 0, 1, 1, 1}}); // 0.5
  expectRoundShifted(int64_t(3) << 31, 33, {{0, 0, 1, 1, 1, 1}}); // 0.75
  expectRoundShifted(-(int64_t(1) << 32), 33, {{-1, 0, 0, -1, 0, -1}});
  // INT64_MIN / 2^64 = -0.5; INT64_MIN / 2^63 = -1.
  expectRoundShifted(INT64_MIN, 64, {{-1, 0, 0, -1, 0, -1}});
  expectRoundShifted(INT64_MIN, 63, {{-1, -1, -1, -1, -1, -1}});
  // Tiny values: t = -2^-100 -> T = -1, n = -1, r = 2^32 - 1.
  expectRoundShifted(-1, 100, {{-1, 0, 0, 0, 0, 0}});
  expectRoundShifted(1, 100, {{0, 0, 0, 0, 0, 0}});
  expectRoundShifted(-1, 1000, {{-1, 0, 0, 0, 0, 0}});
  expectRoundShifted(INT64_MAX, INT_MAX, {{0, 0, 0, 0, 0, 0}});
  expectRoundShifted(INT64_MIN, INT_MAX, {{-1, 0, 0, 0, 0, 0}});
  const Rounding s = Rounding::Stochastic;
  EXPECT_EQ(roundShifted(-1, 100, 8, s, Overflow::Saturate, 0xFFFFFFFEu), 0);
  EXPECT_EQ(roundShifted(-1, 100, 8, s, Overflow::Saturate, 0xFFFFFFFFu), -1);
  EXPECT_EQ(roundShifted(1, 100, 8, s, Overflow::Saturate, 0u), 0);
  // (2^63 - 1) / 2^70: T = 2^25 - 1, so r = 0x1FFFFFF.
  expectRoundShifted(INT64_MAX, 70, {{0, 0, 0, 0, 0, 0}});
  EXPECT_EQ(roundShifted(INT64_MAX, 70, 8, s, Overflow::Saturate, 0x1FFFFFEu),
            1);
  EXPECT_EQ(roundShifted(INT64_MAX, 70, 8, s, Overflow::Saturate, 0x1FFFFFFu),
            0);
}

TEST(ReferenceRounding, OnlyThirtyTwoFractionalBitsDecide) {
  // §2 decides from T = floor(t * 2^32) alone. For shift > 32 the bits of q
  // below 2^(shift - 32) are dropped first, so these are the contract's
  // results even though exact rational rounding would differ:
  // t = 1/2 + 2^-40 is a tie (nearest_even gives 0, not 1) ...
  expectRoundShifted((int64_t(1) << 39) + 1, 40, {{0, 0, 0, 1, 1, 1}});
  // ... and t = -1 + 2^-40 has r = 0 (toward_zero gives -1, not 0).
  expectRoundShifted(-(int64_t(1) << 40) + 1, 40, {{-1, -1, -1, -1, -1, -1}});
  // One bit more inside the 32 and the results are the exact ones.
  expectRoundShifted((int64_t(1) << 39) + (int64_t(1) << 8), 40,
                     {{0, 0, 1, 1, 1, 1}});
  expectRoundShifted(-(int64_t(1) << 40) + (int64_t(1) << 8), 40,
                     {{-1, 0, -1, -1, -1, -1}});
}

TEST(ReferenceRounding, LeftShiftsAreExact) {
  expectRoundShifted(3, -4, {{48, 48, 48, 48, 48, 48}});
  expectRoundShifted(-5, -3, {{-40, -40, -40, -40, -40, -40}});
  expectRoundShifted(0, -1000, {{0, 0, 0, 0, 0, 0}});
  // Left shifts that overflow.
  const Rounding ne = Rounding::NearestEven;
  EXPECT_EQ(roundShifted(5, -5, 8, ne, Overflow::Saturate, 0), 127);
  EXPECT_EQ(roundShifted(5, -5, 8, ne, Overflow::SaturateSymmetric, 0), 127);
  EXPECT_EQ(roundShifted(5, -5, 8, ne, Overflow::Wrap, 0), -96);
  EXPECT_EQ(roundShifted(-5, -5, 8, ne, Overflow::Saturate, 0), -128);
  EXPECT_EQ(roundShifted(-5, -5, 8, ne, Overflow::SaturateSymmetric, 0), -127);
  EXPECT_EQ(roundShifted(-5, -5, 8, ne, Overflow::Wrap, 0), 96);
  EXPECT_EQ(roundShifted(-4, -5, 8, ne, Overflow::Saturate, 0), -128);
  EXPECT_EQ(roundShifted(-4, -5, 8, ne, Overflow::SaturateSymmetric, 0), -127);
  EXPECT_EQ(roundShifted(-4, -5, 8, ne, Overflow::Wrap, 0), -128);
  EXPECT_EQ(roundShifted(3, -62, 32, ne, Overflow::Saturate, 0), kInt32Max);
  EXPECT_EQ(roundShifted(3, -62, 32, ne, Overflow::Wrap, 0), 0);
  EXPECT_EQ(roundShifted(-3, -62, 32, ne, Overflow::Saturate, 0), kInt32Min);
  EXPECT_EQ(roundShifted(-3, -62, 32, ne, Overflow::SaturateSymmetric, 0),
            -kInt32Max);
  EXPECT_EQ(roundShifted(1, -31, 32, ne, Overflow::Saturate, 0), kInt32Max);
  EXPECT_EQ(roundShifted(1, -31, 32, ne, Overflow::Wrap, 0), kInt32Min);
  EXPECT_EQ(roundShifted(-1, -31, 32, ne, Overflow::Saturate, 0), kInt32Min);
  EXPECT_EQ(roundShifted(-1, -31, 32, ne, Overflow::SaturateSymmetric, 0),
            -kInt32Max);
  EXPECT_EQ(roundShifted(0x7FFF, -17, 32, ne, Overflow::Wrap, 0), -131072);
  EXPECT_EQ(roundShifted(0x7FFF, -17, 32, ne, Overflow::Saturate, 0),
            kInt32Max);
  EXPECT_EQ(roundShifted(INT64_MAX, -1, 32, ne, Overflow::Wrap, 0), -2);
  EXPECT_EQ(roundShifted(INT64_MIN, -1, 32, ne, Overflow::Saturate, 0),
            kInt32Min);
  EXPECT_EQ(roundShifted(1, -1000, 8, ne, Overflow::Saturate, 0), 127);
  EXPECT_EQ(roundShifted(-1, -1000, 8, ne, Overflow::SaturateSymmetric, 0),
            -127);
  EXPECT_EQ(roundShifted(-1, INT_MIN, 8, ne, Overflow::Saturate, 0), -128);
  EXPECT_EQ(roundShifted(1, -1000, 8, ne, Overflow::Wrap, 0), 0);
}

TEST(ReferenceRounding, TopOfRangeAllWidths) {
  for (unsigned w = 2; w <= 32; ++w) {
    const int64_t qmax = (int64_t(1) << (w - 1)) - 1;
    const int64_t qmin = -qmax - 1;
    // qmax + 1/2 (qmax is odd): nearest_even goes up and saturates.
    const int64_t q = 2 * qmax + 1;
    EXPECT_EQ(
        roundShifted(q, 1, w, Rounding::NearestEven, Overflow::Saturate, 0),
        qmax)
        << w;
    EXPECT_EQ(roundShifted(q, 1, w, Rounding::NearestEven, Overflow::Wrap, 0),
              qmin)
        << w;
    EXPECT_EQ(roundShifted(q, 1, w, Rounding::Floor, Overflow::Wrap, 0), qmax)
        << w;
    // qmin - 1/2: floor leaves the range, nearest_even stays at qmin.
    const int64_t p = 2 * qmin - 1;
    EXPECT_EQ(roundShifted(p, 1, w, Rounding::Floor, Overflow::Saturate, 0),
              qmin)
        << w;
    EXPECT_EQ(roundShifted(p, 1, w, Rounding::Floor, Overflow::Wrap, 0), qmax)
        << w;
    EXPECT_EQ(roundShifted(p, 1, w, Rounding::NearestEven, Overflow::Wrap, 0),
              qmin)
        << w;
    EXPECT_EQ(roundShifted(p, 1, w, Rounding::NearestEven,
                           Overflow::SaturateSymmetric, 0),
              -qmax)
        << w;
  }
}

//===----------------------------------------------------------------------===//
// Overflow (§3)
//===----------------------------------------------------------------------===//

TEST(ReferenceOverflow, Literals) {
  expectOverflow(0, 8, {0, 0, 0});
  expectOverflow(127, 8, {127, 127, 127});
  expectOverflow(-127, 8, {-127, -127, -127});
  expectOverflow(-128, 8, {-128, -127, -128});
  expectOverflow(128, 8, {127, 127, -128});
  expectOverflow(200, 8, {127, 127, -56});
  expectOverflow(-200, 8, {-128, -127, 56});
  expectOverflow(255, 8, {127, 127, -1});
  expectOverflow(256, 8, {127, 127, 0});
  expectOverflow(2, 2, {1, 1, -2});
  expectOverflow(-2, 2, {-2, -1, -2});
  expectOverflow(-3, 2, {-2, -1, 1});
  expectOverflow(4096 + 2047, 12, {2047, 2047, 2047});
  expectOverflow(2048, 12, {2047, 2047, -2048});
  expectOverflow(-32769, 16, {-32768, -32767, 32767});
  const __int128 big = static_cast<__int128>(1) << 100;
  expectOverflow(big, 32, {kInt32Max, kInt32Max, 0});
  expectOverflow(big + 5, 32, {kInt32Max, kInt32Max, 5});
  expectOverflow(-big - 1, 32, {kInt32Min, -kInt32Max, -1});
  expectOverflow(int64_t(1) << 31, 32, {kInt32Max, kInt32Max, kInt32Min});
  expectOverflow(int64_t(3) << 31, 32, {kInt32Max, kInt32Max, kInt32Min});
}

TEST(ReferenceOverflow, MatchesIndependentModelAllWidths) {
  TestRng rng(1);
  for (unsigned w = 2; w <= 32; ++w) {
    for (int i = 0; i < 300; ++i) {
      __int128 v = static_cast<int64_t>(rng.next()) >> rng.range(0, 63);
      if (i % 3 == 0)
        v *= static_cast<__int128>(1) << rng.range(0, 60);
      for (Overflow mode :
           {Overflow::Saturate, Overflow::SaturateSymmetric, Overflow::Wrap})
        ASSERT_EQ(handleOverflow(v, w, mode), expectedOverflow(v, w, mode))
            << "width " << w << ", value " << static_cast<int64_t>(v);
    }
  }
}

//===----------------------------------------------------------------------===//
// Property tests of roundShifted
//===----------------------------------------------------------------------===//

TEST(ReferenceRounding, PropertyMatchesExactRounding) {
  TestRng rng(2);
  for (int i = 0; i < 200000; ++i) {
    const int64_t q = static_cast<int64_t>(rng.next()) >> rng.range(0, 63);
    const unsigned w = static_cast<unsigned>(rng.range(2, 32));
    const Overflow ovf = static_cast<Overflow>(rng.range(0, 2));
    const Rounding mode = kDeterministicModes[rng.range(0, 5)];
    const int shift = static_cast<int>(rng.range(-40, 200));
    __int128 exact;
    if (shift <= 0) {
      // Exact left shift; large ones saturate by sign and wrap to 0.
      if (q != 0 && -shift > 40)
        exact = (q > 0 ? 1 : -1) * (static_cast<__int128>(1) << 100);
      else
        exact = static_cast<__int128>(q) * (int64_t(1) << -shift);
    } else if (shift <= 32) {
      // Exact rational rounding of q / 2^shift.
      const uint64_t m = q < 0 ? 0 - static_cast<uint64_t>(q) : q;
      exact = exactRound(q < 0, m, shift, mode);
    } else {
      // The contract: exact rounding of T / 2^32, T = floor(q / 2^(s-32)).
      const int64_t t = q >> std::min(shift - 32, 63);
      const uint64_t m = t < 0 ? 0 - static_cast<uint64_t>(t) : t;
      exact = exactRound(t < 0, m, 32, mode);
    }
    const int64_t expected = (shift < -40 && q != 0 && ovf == Overflow::Wrap)
                                 ? 0
                                 : expectedOverflow(exact, w, ovf);
    ASSERT_EQ(roundShifted(q, shift, w, mode, ovf, 0), expected)
        << "q = " << q << ", shift = " << shift << ", width " << w << ", "
        << modeName(mode) << ", overflow " << static_cast<int>(ovf);
  }
}

//===----------------------------------------------------------------------===//
// Rescale (§7)
//===----------------------------------------------------------------------===//

void expectRescale(int64_t q, int fromFrac, unsigned toWidth, int toFrac,
                   ModeResults results) {
  for (int i = 0; i < 6; ++i) {
    Rounding mode = kDeterministicModes[i];
    EXPECT_EQ(
        rescale(q, fromFrac, toWidth, toFrac, mode, Overflow::Saturate, 0),
        results.expected[i])
        << "q = " << q << ", " << modeName(mode);
  }
}

TEST(ReferenceRescale, Rounding) {
  // fixed<16,8> -> fixed<8,4>.
  expectRescale(384, 8, 8, 4, {{24, 24, 24, 24, 24, 24}}); // 1.5 exactly
  expectRescale(25, 8, 8, 4, {{1, 1, 2, 2, 2, 2}});        // 1.5625
  expectRescale(24, 8, 8, 4, {{1, 1, 2, 2, 2, 2}});        // 1.5
  expectRescale(-24, 8, 8, 4, {{-2, -1, -2, -2, -1, -2}}); // -1.5
  expectRescale(-20, 8, 8, 4, {{-2, -1, -1, -1, -1, -2}}); // -1.25
  // fixed<8,2> -> fixed<16,6>: exact left shift.
  expectRescale(-5, 2, 16, 6, {{-80, -80, -80, -80, -80, -80}});
  // fixed<16,20> -> fixed<8,-2>: t = -1000 * 2^-22.
  expectRescale(-1000, 20, 8, -2, {{-1, 0, 0, 0, 0, 0}});
  expectRescale(1000, 20, 8, -2, {{0, 0, 0, 0, 0, 0}});
  // From frac 64 to frac -64: shift 128.
  expectRescale(-1, 64, 8, -64, {{-1, 0, 0, 0, 0, 0}});
  // Stochastic: 1000 * 2^-22 has r = 1000 * 2^10.
  EXPECT_EQ(rescale(1000, 20, 8, -2, Rounding::Stochastic, Overflow::Saturate,
                    1023999u),
            1);
  EXPECT_EQ(rescale(1000, 20, 8, -2, Rounding::Stochastic, Overflow::Saturate,
                    1024000u),
            0);
}

TEST(ReferenceRescale, Overflow) {
  const Rounding ne = Rounding::NearestEven;
  // fixed<16,8> -> fixed<8,4>: 3000 / 16 = 187.5 -> 188.
  EXPECT_EQ(rescale(3000, 8, 8, 4, ne, Overflow::Saturate, 0), 127);
  EXPECT_EQ(rescale(3000, 8, 8, 4, ne, Overflow::SaturateSymmetric, 0), 127);
  EXPECT_EQ(rescale(3000, 8, 8, 4, ne, Overflow::Wrap, 0), -68);
  EXPECT_EQ(rescale(3000, 8, 8, 4, Rounding::Floor, Overflow::Wrap, 0), -69);
  EXPECT_EQ(rescale(-3000, 8, 8, 4, ne, Overflow::Saturate, 0), -128);
  EXPECT_EQ(rescale(-3000, 8, 8, 4, ne, Overflow::SaturateSymmetric, 0), -127);
  EXPECT_EQ(rescale(-3000, 8, 8, 4, ne, Overflow::Wrap, 0), 68);
  // 32767 / 16 = 2047.9375.
  EXPECT_EQ(rescale(32767, 8, 8, 4, ne, Overflow::Wrap, 0), 0);
  EXPECT_EQ(rescale(32767, 8, 8, 4, Rounding::Floor, Overflow::Wrap, 0), -1);
  // fixed<32,0> -> fixed<32,16>: 70000 * 2^16 = 4587520000.
  EXPECT_EQ(rescale(70000, 0, 32, 16, ne, Overflow::Saturate, 0), kInt32Max);
  EXPECT_EQ(rescale(70000, 0, 32, 16, ne, Overflow::Wrap, 0), 292552704);
  EXPECT_EQ(rescale(-70000, 0, 32, 16, ne, Overflow::Saturate, 0), kInt32Min);
  EXPECT_EQ(rescale(-70000, 0, 32, 16, ne, Overflow::SaturateSymmetric, 0),
            -kInt32Max);
  EXPECT_EQ(rescale(-70000, 0, 32, 16, ne, Overflow::Wrap, 0), -292552704);
  // F negative -> F > W: fixed<8,-4> -> fixed<16,10>: 3 * 2^14 = 49152.
  EXPECT_EQ(rescale(3, -4, 16, 10, ne, Overflow::Saturate, 0), 32767);
  EXPECT_EQ(rescale(3, -4, 16, 10, ne, Overflow::Wrap, 0), -16384);
  EXPECT_EQ(rescale(-2, -4, 16, 10, ne, Overflow::Saturate, 0), -32768);
  EXPECT_EQ(rescale(-2, -4, 16, 10, ne, Overflow::SaturateSymmetric, 0),
            -32767);
  EXPECT_EQ(rescale(-2, -4, 16, 10, ne, Overflow::Wrap, 0), -32768);
}

//===----------------------------------------------------------------------===//
// Exact add, sub, mul
//===----------------------------------------------------------------------===//

using BinaryFn = int64_t (*)(int64_t, int, int64_t, int, unsigned, int,
                             Rounding, Overflow, uint32_t);

void expectBinary(BinaryFn fn, int64_t a, int fa, int64_t b, int fb, unsigned w,
                  int f, ModeResults results) {
  for (int i = 0; i < 6; ++i) {
    Rounding mode = kDeterministicModes[i];
    EXPECT_EQ(fn(a, fa, b, fb, w, f, mode, Overflow::Saturate, 0),
              results.expected[i])
        << a << "@" << fa << ", " << b << "@" << fb << ", " << modeName(mode);
  }
}

void expectBinaryOverflow(BinaryFn fn, int64_t a, int fa, int64_t b, int fb,
                          unsigned w, int f, OverflowResults results) {
  const Rounding ne = Rounding::NearestEven;
  EXPECT_EQ(fn(a, fa, b, fb, w, f, ne, Overflow::Saturate, 0),
            results.saturate);
  EXPECT_EQ(fn(a, fa, b, fb, w, f, ne, Overflow::SaturateSymmetric, 0),
            results.symmetric);
  EXPECT_EQ(fn(a, fa, b, fb, w, f, ne, Overflow::Wrap, 0), results.wrap);
}

TEST(ReferenceArith, Add) {
  expectBinary(add, 384, 8, -20, 4, 8, 2, {{1, 1, 1, 1, 1, 1}}); // 0.25
  expectBinary(add, 128, 8, 2, 0, 8, 0, {{2, 2, 2, 3, 3, 3}});   // 2.5
  expectBinary(add, -128, 8, -2, 0, 8, 0, {{-3, -2, -2, -3, -2, -3}});
  // 3 * 2^-40 + 5 * 2^-41 = 22 * 2^-42.
  expectBinary(add, 3, 40, 5, 41, 8, 42, {{22, 22, 22, 22, 22, 22}});
  expectBinaryOverflow(add, 100, 0, 100, 0, 8, 0, {127, 127, -56});
  expectBinaryOverflow(add, -100, 0, -100, 0, 8, 0, {-128, -127, 56});
  expectBinaryOverflow(add, kInt32Max, 0, kInt32Max, 0, 32, 0,
                       {kInt32Max, kInt32Max, -2});
  expectBinaryOverflow(add, kInt32Min, 0, kInt32Min, 0, 32, 0,
                       {kInt32Min, -kInt32Max, 0});
  // Wide alignment: 2^-64 + 2^30, and 2^-64 - 2^30.
  expectBinaryOverflow(add, 1, 64, 1, -30, 32, 64, {kInt32Max, kInt32Max, 1});
  expectBinaryOverflow(add, 1, 64, -1, -30, 32, 64, {kInt32Min, -kInt32Max, 1});
  // -2^30 + 2^-64 at frac -30: t = -1 + 2^-94, and only 32 fractional bits
  // decide (§2), so even toward_zero gives -1.
  expectBinary(add, 1, 64, -1, -30, 8, -30, {{-1, -1, -1, -1, -1, -1}});
}

TEST(ReferenceArith, Sub) {
  expectBinary(sub, 5, 0, 7, 1, 8, 0, {{1, 1, 2, 2, 2, 2}});       // 1.5
  expectBinary(sub, 7, 1, 5, 0, 8, 0, {{-2, -1, -2, -2, -1, -2}}); // -1.5
  expectBinary(sub, 384, 8, 20, 4, 8, 2, {{1, 1, 1, 1, 1, 1}});    // 0.25
  expectBinaryOverflow(sub, 100, 0, -100, 0, 8, 0, {127, 127, -56});
  expectBinaryOverflow(sub, -100, 0, 100, 0, 8, 0, {-128, -127, 56});
  expectBinaryOverflow(sub, 0, 0, -128, 0, 8, 0, {127, 127, -128});
  expectBinaryOverflow(sub, kInt32Min, 0, kInt32Max, 0, 32, 0,
                       {kInt32Min, -kInt32Max, 1});
}

TEST(ReferenceArith, Mul) {
  // 1.5 * -2.5 = -3.75 and 1.5 * 2.5 = 3.75 (fixed<16,8> operands).
  expectBinary(mul, 384, 8, -640, 8, 16, 0, {{-4, -3, -4, -4, -4, -4}});
  expectBinary(mul, 384, 8, 640, 8, 16, 0, {{3, 3, 4, 4, 4, 4}});
  expectBinary(mul, 384, 8, -640, 8, 16, 2, {{-15, -15, -15, -15, -15, -15}});
  expectBinary(mul, 3, 0, 5, 0, 8, -1, {{7, 7, 8, 8, 8, 8}}); // 7.5
  // shift 192: t = -2^-192.
  expectBinary(mul, -1, 64, 1, 64, 8, -64, {{-1, 0, 0, 0, 0, 0}});
  // qmin * qmin = 2^62 at W = 32.
  expectBinaryOverflow(mul, kInt32Min, 0, kInt32Min, 0, 32, 0,
                       {kInt32Max, kInt32Max, 0});
  expectBinaryOverflow(mul, kInt32Min, 0, kInt32Min, 0, 32, -31,
                       {kInt32Max, kInt32Max, kInt32Min});
  expectBinaryOverflow(mul, kInt32Min, 0, kInt32Min, 0, 32, -32,
                       {1073741824, 1073741824, 1073741824});
  expectBinaryOverflow(mul, -128, 0, -128, 0, 8, 0, {127, 127, 0});
  expectBinaryOverflow(mul, -128, 0, 127, 0, 8, 0, {-128, -127, -128});
  expectBinaryOverflow(mul, -128, 0, -128, 0, 16, 0, {16384, 16384, 16384});
  // Full int64 operands: (2^63 - 1)^2 * 2^-126 = 1 - 2^-62 + 2^-126, so
  // T = 2^32 - 1: n = 0, r = 0xFFFFFFFF.
  expectBinary(mul, INT64_MAX, 0, INT64_MAX, 0, 8, -126, {{0, 0, 1, 1, 1, 1}});
  EXPECT_EQ(mul(INT64_MAX, 0, INT64_MAX, 0, 8, -126, Rounding::Stochastic,
                Overflow::Saturate, 0xFFFFFFFEu),
            1);
  EXPECT_EQ(mul(INT64_MAX, 0, INT64_MAX, 0, 8, -126, Rounding::Stochastic,
                Overflow::Saturate, 0xFFFFFFFFu),
            0);
  expectBinaryOverflow(mul, INT64_MIN, 0, INT64_MIN, 0, 32, 0,
                       {kInt32Max, kInt32Max, 0});
  expectBinaryOverflow(mul, INT64_MIN, 0, INT64_MAX, 0, 32, -95,
                       {kInt32Min, -kInt32Max, kInt32Min});
  // Stochastic: 7.5 has r = 2^31.
  EXPECT_EQ(mul(3, 0, 5, 0, 8, -1, Rounding::Stochastic, Overflow::Saturate,
                0x7FFFFFFFu),
            8);
  EXPECT_EQ(mul(3, 0, 5, 0, 8, -1, Rounding::Stochastic, Overflow::Saturate,
                0x80000000u),
            7);
}

TEST(ReferenceArith, PropertyMatchesExactRounding) {
  TestRng rng(3);
  for (int i = 0; i < 100000; ++i) {
    const unsigned w = static_cast<unsigned>(rng.range(2, 32));
    const Overflow ovf = static_cast<Overflow>(rng.range(0, 2));
    const Rounding mode = kDeterministicModes[rng.range(0, 5)];
    const int op = static_cast<int>(rng.range(0, 2));
    int64_t a, b;
    int fa, fb;
    __int128 exactValue; // at frac `frac`
    int frac;
    if (op == 2) {
      a = static_cast<int32_t>(rng.next()) >> rng.range(0, 31);
      b = static_cast<int32_t>(rng.next()) >> rng.range(0, 31);
      fa = static_cast<int>(rng.range(-64, 64));
      fb = static_cast<int>(rng.range(-64, 64));
      exactValue = static_cast<__int128>(a) * b;
      frac = fa + fb;
    } else {
      a = static_cast<int16_t>(rng.next()) >> rng.range(0, 15);
      b = static_cast<int16_t>(rng.next()) >> rng.range(0, 15);
      fa = static_cast<int>(rng.range(-20, 20));
      fb = static_cast<int>(rng.range(-20, 20));
      frac = std::max(fa, fb);
      __int128 x = static_cast<__int128>(a) * (int64_t(1) << (frac - fa));
      __int128 y = static_cast<__int128>(b) * (int64_t(1) << (frac - fb));
      exactValue = op == 0 ? x + y : x - y;
    }
    const int shift = static_cast<int>(rng.range(-20, 32));
    const int outFrac = frac - shift;
    __int128 rounded;
    if (shift <= 0) {
      rounded = exactValue * (int64_t(1) << -shift);
    } else {
      const bool negative = exactValue < 0;
      const uint64_t m =
          static_cast<uint64_t>(negative ? -exactValue : exactValue);
      rounded = exactRound(negative, m, shift, mode);
    }
    const int64_t expected = expectedOverflow(rounded, w, ovf);
    BinaryFn fn = op == 0 ? add : op == 1 ? sub : mul;
    ASSERT_EQ(fn(a, fa, b, fb, w, outFrac, mode, ovf, 0), expected)
        << "op " << op << ": " << a << "@" << fa << ", " << b << "@" << fb
        << " -> fixed<" << w << ", " << outFrac << ">, " << modeName(mode);
  }
}

#if GTEST_HAS_DEATH_TEST && !defined(NDEBUG)
TEST(ReferenceArithDeathTest, AddAlignmentPrecondition) {
  // Aligning 2^31 - 1 at frac -64 to frac 64 needs 159 bits.
  EXPECT_DEATH(add(kInt32Max, -64, 1, 64, 32, 0, Rounding::NearestEven,
                   Overflow::Saturate, 0),
               "alignment");
}
#endif

} // namespace
