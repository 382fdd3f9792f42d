//===- ReferenceDFPTest.cpp - Shared exponents and accumulation -*- C++ -*-===//
//
// Shared-exponent (DFP) tensors of §5 and the chunked accumulation of §6 in
// the reference model.
//
//===----------------------------------------------------------------------===//

#include "ReferenceTestUtils.h"

#include "fxp/Reference/Reference.h"

#include "gtest/gtest.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <vector>

using namespace mlir::fxp::ref;
using fxp_test::floatFromBits;
using fxp_test::TestRng;

namespace {

const float kNaN = std::numeric_limits<float>::quiet_NaN();
const float kInf = std::numeric_limits<float>::infinity();

int32_t exponentOf(std::vector<float> values, unsigned width,
                   int headroom = 0) {
  return sharedExponent(values.data(), values.size(), 1, width, headroom);
}

//===----------------------------------------------------------------------===//
// sharedExponent
//===----------------------------------------------------------------------===//

TEST(ReferenceSharedExponent, Literals) {
  EXPECT_EQ(exponentOf({1.0f}, 8), -6); // E(1) = 1
  EXPECT_EQ(exponentOf({1.0f}, 16), -14);
  EXPECT_EQ(exponentOf({-3.0f, 2.0f}, 8), -5);                // E(3) = 2
  EXPECT_EQ(exponentOf({std::nextafter(1.0f, 0.0f)}, 8), -7); // E = 0
  EXPECT_EQ(exponentOf({0.75f, -0.5f}, 8), -7);
  EXPECT_EQ(exponentOf({100.0f}, 8), 0); // E = 7
  EXPECT_EQ(exponentOf({127.6f}, 8), 0);
  EXPECT_EQ(exponentOf({128.0f}, 8), 1);    // E = 8
  EXPECT_EQ(exponentOf({FLT_MAX}, 8), 121); // E = 128
  EXPECT_EQ(exponentOf({-FLT_MAX}, 32), 97);
  EXPECT_EQ(exponentOf({FLT_MIN}, 8), -132); // E = -125
}

TEST(ReferenceSharedExponent, PowersOfTwo) {
  // M = 2^j gives E = j + 1, for every binary32 power of two.
  for (int j = -149; j <= 127; ++j) {
    const float m = std::ldexp(1.0f, j);
    ASSERT_NE(m, 0.0f);
    EXPECT_EQ(exponentOf({m}, 8), j + 1 - 7) << j;
    EXPECT_EQ(exponentOf({-m}, 16, 2), j + 1 - 15 + 2) << j;
    // Just below a power of two: E = j.
    const float below = std::nextafter(m, 0.0f);
    if (below != 0.0f)
      EXPECT_EQ(exponentOf({below}, 8), j - 7) << j;
  }
}

TEST(ReferenceSharedExponent, Subnormals) {
  EXPECT_EQ(exponentOf({floatFromBits(1u)}, 8), -155);          // E = -148
  EXPECT_EQ(exponentOf({floatFromBits(3u)}, 8), -154);          // E = -147
  EXPECT_EQ(exponentOf({floatFromBits(0x007FFFFFu)}, 8), -133); // E = -126
  EXPECT_EQ(exponentOf({-1e-40f, 1e-41f}, 8), -139); // 71362 * 2^-149, E = -132
}

TEST(ReferenceSharedExponent, ZerosNaNInfAndHeadroom) {
  EXPECT_EQ(exponentOf({0.0f, -0.0f}, 8), 0);
  EXPECT_EQ(exponentOf({0.0f, -0.0f}, 8, 3), 0); // M = 0: e = 0, no headroom
  EXPECT_EQ(exponentOf({}, 16), 0);
  EXPECT_EQ(exponentOf({kNaN, kInf, -kInf, 0.5f}, 8), -7);
  EXPECT_EQ(exponentOf({kNaN, kInf, -kInf, 0.5f}, 8, 2), -5);
  EXPECT_EQ(exponentOf({-kNaN, -kInf}, 8, 2), 0);
  EXPECT_EQ(exponentOf({floatFromBits(0x7F800001u), 2.0f}, 8), -5);
  EXPECT_EQ(exponentOf({1.0f}, 8, 1), -5);
  // A stride skips the elements in between.
  const float values[] = {1.0f, 100.0f, 2.0f, 100.0f, 0.5f, 100.0f};
  EXPECT_EQ(sharedExponent(values, 3, 2, 8, 0), -5); // max 2: E = 2
  EXPECT_EQ(sharedExponent(values + 1, 3, 2, 8, 0), 0);
}

TEST(ReferenceSharedExponent, PropertyMatchesFrexp) {
  TestRng rng(21);
  for (int i = 0; i < 20000; ++i) {
    std::vector<float> block(static_cast<size_t>(rng.range(1, 40)));
    float maxAbs = 0;
    for (float &v : block) {
      uint32_t bits;
      do
        bits = static_cast<uint32_t>(rng.next()) >> rng.range(0, 8);
      while (((bits >> 23) & 0xFF) == 0xFF);
      v = floatFromBits(bits ^ (static_cast<uint32_t>(rng.next()) << 31));
      maxAbs = std::fmax(maxAbs, std::fabs(v));
    }
    const unsigned w = static_cast<unsigned>(rng.range(2, 32));
    const int headroom = static_cast<int>(rng.range(0, 3));
    int e = 0;
    std::frexp(maxAbs, &e); // maxAbs in [2^(e-1), 2^e)
    ASSERT_EQ(exponentOf(block, w, headroom),
              maxAbs == 0 ? 0 : e - static_cast<int>(w - 1) + headroom);
  }
}

//===----------------------------------------------------------------------===//
// sharedExponents and quantizeDFP
//===----------------------------------------------------------------------===//

const std::vector<float> kSmall = {1.0f, -3.0f, 0.25f, 0.5f, 100.0f,
                                   0.0f, 0.0f,  kNaN,  7.0f, -8.0f};
const std::vector<int64_t> kSmallShape = {2, 5};

TEST(ReferenceSharedExponents, PerTensor) {
  EXPECT_EQ(sharedExponents(kSmall, kSmallShape, 8, 0, 0, 0),
            std::vector<int32_t>({0}));
  EXPECT_EQ(sharedExponents(kSmall, kSmallShape, 8, 1, 0, 0),
            std::vector<int32_t>({1}));
  EXPECT_EQ(sharedExponents(kSmall, kSmallShape, 16, 0, 0, 1),
            std::vector<int32_t>({-8}));
}

TEST(ReferenceSharedExponents, Blocks2D) {
  // Along the last axis, blocks of 2 (the last one partial): shape {2, 3}.
  EXPECT_EQ(sharedExponents(kSmall, kSmallShape, 8, 0, 2, 1),
            std::vector<int32_t>({-5, -7, 0, 0, -4, -3}));
  // Blocks larger than the axis: shape {2, 1}.
  EXPECT_EQ(sharedExponents(kSmall, kSmallShape, 8, 0, 32, 1),
            std::vector<int32_t>({0, -3}));
  // Along axis 0: blocks of 2 cover columns, shape {1, 5}.
  EXPECT_EQ(sharedExponents(kSmall, kSmallShape, 8, 0, 2, 0),
            std::vector<int32_t>({-6, -5, -8, -4, 0}));
  // Blocks of 1: an exponent per element.
  EXPECT_EQ(sharedExponents(kSmall, kSmallShape, 8, 0, 1, 0),
            std::vector<int32_t>({-6, -5, -8, -7, 0, 0, 0, 0, -4, -3}));
}

TEST(ReferenceSharedExponents, Blocks3D) {
  std::vector<float> x(24);
  for (int i = 0; i < 24; ++i)
    x[i] = static_cast<float>(i);
  const std::vector<int64_t> shape = {2, 3, 4};
  // Axis 1, blocks of 2: shape {2, 2, 4}.
  EXPECT_EQ(
      sharedExponents(x, shape, 2, 0, 2, 1),
      std::vector<int32_t>({2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 4, 4, 4, 4}));
  // Axis 2, blocks of 3: shape {2, 3, 2}.
  EXPECT_EQ(sharedExponents(x, shape, 2, 0, 3, 2),
            std::vector<int32_t>({1, 1, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4}));
  // Axis 0, blocks of 2: shape {1, 3, 4}, max of x[i] and x[i + 12].
  EXPECT_EQ(sharedExponents(x, shape, 2, 0, 2, 0),
            std::vector<int32_t>({3, 3, 3, 3, 4, 4, 4, 4, 4, 4, 4, 4}));
}

TEST(ReferenceQuantizeDFP, Deterministic) {
  const std::vector<int32_t> e = {-5, -7, 0, 0, -4, -3};
  EXPECT_EQ(quantizeDFP(kSmall, kSmallShape, e, 8, 2, 1, Rounding::NearestEven,
                        Overflow::Saturate, 0, 0),
            std::vector<int64_t>({32, -96, 32, 64, 100, 0, 0, 0, 112, -64}));
  // Per-column exponents (axis 0): e = {-6, 0}.
  const std::vector<float> x = {1.0f, 100.0f, 0.5f, -50.0f};
  const std::vector<int64_t> shape = {2, 2};
  const std::vector<int32_t> columns = sharedExponents(x, shape, 8, 0, 2, 0);
  ASSERT_EQ(columns, std::vector<int32_t>({-6, 0}));
  EXPECT_EQ(quantizeDFP(x, shape, columns, 8, 2, 0, Rounding::NearestEven,
                        Overflow::Saturate, 0, 0),
            std::vector<int64_t>({64, 100, 32, -50}));
  // Rounding within a tensor: E(100.7) = 7, e = 0.
  const std::vector<float> y = {1.3f, 100.7f, -2.5f};
  const std::vector<int64_t> yShape = {3};
  const std::vector<int32_t> ye = sharedExponents(y, yShape, 8, 0, 0, 0);
  ASSERT_EQ(ye, std::vector<int32_t>({0}));
  EXPECT_EQ(quantizeDFP(y, yShape, ye, 8, 0, 0, Rounding::NearestEven,
                        Overflow::Saturate, 0, 0),
            std::vector<int64_t>({1, 101, -2}));
  EXPECT_EQ(quantizeDFP(y, yShape, ye, 8, 0, 0, Rounding::Floor,
                        Overflow::Saturate, 0, 0),
            std::vector<int64_t>({1, 100, -3}));
  // The maximum can round up out of the range: 127.6 -> 128 -> 127, unless
  // there is headroom (e = 1: 63.8 -> 64).
  const std::vector<float> z = {127.6f, -127.6f};
  const std::vector<int64_t> zShape = {2};
  EXPECT_EQ(quantizeDFP(z, zShape, {0}, 8, 0, 0, Rounding::NearestEven,
                        Overflow::Saturate, 0, 0),
            std::vector<int64_t>({127, -128}));
  EXPECT_EQ(quantizeDFP(z, zShape, {0}, 8, 0, 0, Rounding::NearestEven,
                        Overflow::SaturateSymmetric, 0, 0),
            std::vector<int64_t>({127, -127}));
  EXPECT_EQ(sharedExponents(z, zShape, 8, 1, 0, 0), std::vector<int32_t>({1}));
  EXPECT_EQ(quantizeDFP(z, zShape, {1}, 8, 0, 0, Rounding::NearestEven,
                        Overflow::Saturate, 0, 0),
            std::vector<int64_t>({64, -64}));
}

TEST(ReferenceQuantizeDFP, StochasticUsesRowMajorIndex) {
  // seed 42, stream 3: the words of indices 0..3 are 0x776D108B, 0x030C50FE,
  // 0xA9619BE1, 0x8EAECA26. With r = 2^31 (a tie), indices 0 and 1 round up.
  // W = 3: E(2.5) = 2, e = 0.
  const std::vector<float> x = {2.5f, 2.5f, 2.5f, 2.5f};
  EXPECT_EQ(quantizeDFP(x, {4}, {0}, 3, 0, 0, Rounding::Stochastic,
                        Overflow::Saturate, 42, 3),
            std::vector<int64_t>({3, 3, 2, 2}));
  const std::vector<float> y = {2.5f, -2.5f, 2.5f, -2.5f};
  EXPECT_EQ(quantizeDFP(y, {4}, {0}, 3, 0, 0, Rounding::Stochastic,
                        Overflow::Saturate, 42, 3),
            std::vector<int64_t>({3, -2, 2, -3}));
  // Per-block exponents still use the index in the whole tensor.
  EXPECT_EQ(quantizeDFP(x, {2, 2}, {0, 0, 0, 0}, 3, 1, 0, Rounding::Stochastic,
                        Overflow::Saturate, 42, 3),
            std::vector<int64_t>({3, 3, 2, 2}));
  EXPECT_EQ(quantizeDFP(x, {2, 2}, {0, 0}, 3, 2, 1, Rounding::Stochastic,
                        Overflow::Saturate, 42, 3),
            std::vector<int64_t>({3, 3, 2, 2}));
  // Another stream gives other bits (fmix32 keys differ).
  EXPECT_NE(quantizeDFP(std::vector<float>(64, 2.5f), {64}, {0}, 3, 0, 0,
                        Rounding::Stochastic, Overflow::Saturate, 42, 3),
            quantizeDFP(std::vector<float>(64, 2.5f), {64}, {0}, 3, 0, 0,
                        Rounding::Stochastic, Overflow::Saturate, 42, 4));
}

TEST(ReferenceQuantizeDFP, MatchesScalarQuantize) {
  TestRng rng(22);
  const std::vector<int64_t> shape = {3, 7, 5};
  std::vector<float> x(105);
  for (float &v : x)
    v = static_cast<float>(static_cast<int64_t>(rng.next() % 20001) - 10000) /
        128.0f;
  const unsigned axis = 1;
  const int64_t block = 3;
  const std::vector<int32_t> e = sharedExponents(x, shape, 12, 0, block, axis);
  ASSERT_EQ(e.size(), 3u * 3u * 5u);
  const std::vector<int64_t> m =
      quantizeDFP(x, shape, e, 12, block, axis, Rounding::Stochastic,
                  Overflow::Saturate, 7, 9);
  const uint32_t key = streamKey(7, 9);
  for (int64_t o = 0; o < 3; ++o)
    for (int64_t d = 0; d < 7; ++d)
      for (int64_t i = 0; i < 5; ++i) {
        const int64_t index = (o * 7 + d) * 5 + i;
        const int32_t exponent = e[(o * 3 + d / block) * 5 + i];
        ASSERT_EQ(m[index],
                  quantize(x[index], 12, -exponent, Rounding::Stochastic,
                           Overflow::Saturate, randomBits(key, index)))
            << index;
        // Every mantissa fits, and the block maximum uses the top bits.
        ASSERT_LE(std::llabs(m[index]), 2048);
      }
}

//===----------------------------------------------------------------------===//
// maxChunk
//===----------------------------------------------------------------------===//

TEST(ReferenceMaxChunk, MaxMagnitude) {
  EXPECT_EQ(maxMagnitude(16, false), 32768);
  EXPECT_EQ(maxMagnitude(16, true), 32767);
  EXPECT_EQ(maxMagnitude(2, true), 1);
  EXPECT_EQ(maxMagnitude(32, false), int64_t(1) << 31);
  // The chunks of SEMANTICS §6 for symmetric 14-bit operands.
  EXPECT_EQ(maxChunk(maxMagnitude(14, true), maxMagnitude(14, true)), 32);
}

TEST(ReferenceMaxChunk, Literals) {
  // Symmetric saturation, W = 12..16.
  EXPECT_EQ(maxChunk(2047, 2047), 512);
  EXPECT_EQ(maxChunk(4095, 4095), 128);
  EXPECT_EQ(maxChunk(8191, 8191), 32);
  EXPECT_EQ(maxChunk(16383, 16383), 8);
  EXPECT_EQ(maxChunk(32767, 32767), 2);
  // Full range.
  EXPECT_EQ(maxChunk(32768, 32768), 1);
  EXPECT_EQ(maxChunk(2048, 2048), 511);
  EXPECT_EQ(maxChunk(128, 128), 131071);
  EXPECT_EQ(maxChunk(32767, 128), 512);
  EXPECT_EQ(maxChunk(1, 1), 2147483647);
  EXPECT_EQ(maxChunk(int64_t(1) << 31, 1), 0);
  EXPECT_EQ(maxChunk(65536, 32768), 0);
  EXPECT_EQ(maxChunk(0, 5), std::numeric_limits<int64_t>::max());
}

TEST(ReferenceMaxChunk, Property) {
  for (unsigned wa = 2; wa <= 32; ++wa)
    for (unsigned wb = 2; wb <= 32; ++wb)
      for (int sym = 0; sym < 2; ++sym) {
        const int64_t a = (int64_t(1) << (wa - 1)) - sym;
        const int64_t b = (int64_t(1) << (wb - 1)) - sym;
        const int64_t c = maxChunk(a, b);
        ASSERT_GE(c, 0);
        ASSERT_LE(static_cast<__int128>(c) * a * b, INT32_MAX);
        ASSERT_GT(static_cast<__int128>(c + 1) * a * b, INT32_MAX);
      }
}

//===----------------------------------------------------------------------===//
// chunkedDot and matmul
//===----------------------------------------------------------------------===//

float dot(const std::vector<int64_t> &a, const std::vector<int64_t> &b,
          int64_t chunk, int exp2 = 0) {
  EXPECT_EQ(a.size(), b.size());
  return chunkedDot(a.data(), 1, b.data(), 1, static_cast<int64_t>(a.size()),
                    chunk, exp2);
}

TEST(ReferenceSaturatingDot, ClampsEveryPairInOrder) {
  auto dot = [](const std::vector<int64_t> &a, const std::vector<int64_t> &b,
                int exp2 = 0) {
    return saturatingDot(a.data(), 1, b.data(), 1,
                         static_cast<int64_t>(a.size()), exp2);
  };
  const int64_t q = 32767, q2 = q * q;
  // Three pairs of 2 * q^2 = 2147352578 would reach 3 * that; the total
  // clamps at 2^31 - 1 after the second pair.
  std::vector<int64_t> big(6, q);
  EXPECT_EQ(dot(big, big), static_cast<float>(INT32_MAX));
  // Saturated, then a negative pair brings it back: the order matters.
  std::vector<int64_t> b = {q, q, q, q, -q, -q};
  EXPECT_EQ(dot(big, b), static_cast<float>(INT32_MAX - 2 * q2));
  // An odd K ends with a lone product; exp2 scales the total.
  EXPECT_EQ(dot({3, 5, 7}, {2, 2, 2}, -1), 15.0f);
  EXPECT_EQ(dot({-q, -q, -q, -q}, {q, q, q, q}), static_cast<float>(INT32_MIN));
  EXPECT_EQ(dot({}, {}), 0.0f);
}

TEST(ReferenceBlockedDot, ScalesEachSegment) {
  const std::vector<int64_t> a = {1, 2, 3, 4, 5}, b = {1, 1, 1, 1, 1};
  // Segments {1, 2}, {3, 4}, {5} with exponents 0, 1, -1.
  const int exp2[] = {0, 1, -1};
  EXPECT_EQ(blockedDot(a.data(), 1, b.data(), 1, 5, 2, exp2, 1, false),
            3.0f + 14.0f + 2.5f);
  EXPECT_EQ(blockedDot(a.data(), 1, b.data(), 1, 5, 2, exp2, 0, true),
            3.0f + 14.0f + 2.5f);
  // One segment is chunkedDot; chunks restart at each segment.
  const int one[] = {-2};
  EXPECT_EQ(blockedDot(a.data(), 1, b.data(), 1, 5, 5, one, 2, false),
            chunkedDot(a.data(), 1, b.data(), 1, 5, 2, -2));
}

TEST(ReferenceChunkedDot, AdversarialLongReduction) {
  // W = 14 saturated symmetrically: max |.| = 8191, C = 32, K = 4096.
  const int64_t k = 4096, c = maxChunk(8191, 8191);
  ASSERT_EQ(c, 32);
  std::vector<int64_t> big(k, 8191), negative(k, -8191), ones(k, 1);
  // Every chunk sum is 32 * 8191^2 = 2146959392 (fits in i32), which rounds
  // to 4095 * 2^19 in binary32; 128 of them add exactly to 4095 * 2^26.
  // (The exact dot product, 4096 * 8191^2 = 274810802176, is not a binary32;
  // the model's value is the sum of the rounded chunk sums.)
  EXPECT_EQ(dot(big, big, c), 274810798080.0f);
  EXPECT_EQ(dot(big, negative, c), -274810798080.0f);
  EXPECT_EQ(dot(big, big, c, -26), 4095.0f);
  // When every partial sum is a binary32, the result is the exact value.
  EXPECT_EQ(dot(big, ones, c), 33550336.0f); // 4096 * 8191
  std::vector<int64_t> alternating(k);
  for (int64_t i = 0; i < k; ++i)
    alternating[i] = i % 2 ? -8191 : 8191;
  EXPECT_EQ(dot(big, alternating, c), 0.0f);
  // DFP16 with 16-bit symmetric mantissas: C = 2, K = 2048. Each chunk sum
  // 2 * 32767^2 rounds to 16383 * 2^17; 1024 of them give 16383 * 2^27.
  std::vector<int64_t> top(2048, 32767);
  EXPECT_EQ(dot(top, top, maxChunk(32767, 32767)), 2198889037824.0f);
  // Full range at 16 bits: C = 1, qmin * qmin = 2^30 per chunk.
  std::vector<int64_t> bottom(2048, -32768);
  EXPECT_EQ(dot(bottom, bottom, maxChunk(32768, 32768)), 0x1p41f);
}

TEST(ReferenceChunkedDot, ChunkingAndOrderAreRespected) {
  // 2^24 + 1 + 1: the float accumulation order decides the result.
  const std::vector<int64_t> a = {4096, 1, 1};
  EXPECT_EQ(dot(a, a, 1), 16777216.0f); // 2^24, +1 lost, +1 lost
  EXPECT_EQ(dot(a, a, 2), 16777216.0f); // (2^24 + 1) rounds to 2^24, +1 lost
  EXPECT_EQ(dot(a, a, 3), 16777218.0f); // exact int32 sum
  const std::vector<int64_t> reversed = {1, 1, 4096};
  EXPECT_EQ(dot(reversed, reversed, 1), 16777218.0f); // 1 + 1 + 2^24
  EXPECT_EQ(dot(reversed, reversed, 2), 16777218.0f);
  // The last chunk may be partial: 5 elements in chunks of 2.
  const std::vector<int64_t> p = {4095, 1, 1, 1, 1};
  const std::vector<int64_t> q = {4097, 1, 1, 1, 1};
  // 4095 * 4097 = 2^24 - 1. Chunk sums 2^24, 2, 1: 2^24 + 2 is exact, and
  // adding 1 is a tie that goes to the even 2^24 + 4.
  EXPECT_EQ(dot(p, q, 2), 16777220.0f);
  // One chunk: the exact int32 sum 2^24 + 3 rounds once, to 2^24 + 4 too.
  // Chunks of 1: 2^24 - 1, + 1 = 2^24, then three ones, each lost.
  EXPECT_EQ(dot(p, q, 5), 16777220.0f);
  EXPECT_EQ(dot(p, q, 1), 16777216.0f);
  // Empty reduction.
  EXPECT_EQ(fxp_test::bitsFromFloat(dot({}, {}, 4, -10)), 0u);
}

TEST(ReferenceChunkedDot, MatchesManualLoop) {
  TestRng rng(23);
  for (int iter = 0; iter < 40; ++iter) {
    const int64_t k = rng.range(0, 3000);
    const int64_t strideA = rng.range(1, 3), strideB = rng.range(1, 3);
    std::vector<int64_t> a(k * strideA), b(k * strideB);
    for (int64_t &v : a)
      v = rng.range(-2047, 2047);
    for (int64_t &v : b)
      v = rng.range(-2047, 2047);
    const int exp2 = static_cast<int>(rng.range(-30, 10));
    for (int64_t chunk : {int64_t(1), int64_t(7), int64_t(100), int64_t(512)}) {
      float acc = 0.0f;
      for (int64_t start = 0; start < k; start += chunk) {
        int32_t sum = 0;
        for (int64_t i = start; i < std::min(k, start + chunk); ++i)
          sum += static_cast<int32_t>(a[i * strideA] * b[i * strideB]);
        acc += static_cast<float>(sum);
      }
      const float expected = std::ldexp(acc, exp2); // exact: no underflow here
      ASSERT_EQ(
          chunkedDot(a.data(), strideA, b.data(), strideB, k, chunk, exp2),
          expected)
          << "k = " << k << ", chunk = " << chunk;
    }
  }
}

TEST(ReferenceChunkedDot, FinalScalingRoundsOnce) {
  // The float sum 2^24 + 2 scaled into the subnormal range and beyond the
  // float range.
  const std::vector<int64_t> a = {1, 1, 4096};
  // (2^24 + 2) * 2^-174 = (1/2 + 2^-24) * 2^-149: just above a tie, rounds up.
  EXPECT_EQ(fxp_test::bitsFromFloat(dot(a, a, 1, -174)), 0x00000001u);
  // (2^24 + 2) * 2^-175 = (1/4 + 2^-25) * 2^-149 rounds to +0.
  EXPECT_EQ(fxp_test::bitsFromFloat(dot(a, a, 1, -175)), 0x00000000u);
  EXPECT_EQ(dot(a, a, 1, 104), kInf);            // 2^128 + 2^105
  EXPECT_EQ(dot(a, a, 1, 103), 0x1.000002p127f); // 2^127 + 2^104, exact
  EXPECT_EQ(dot(a, a, 1, -1000), 0.0f);
  EXPECT_EQ(dot(a, a, 1, 1000), kInf);
}

TEST(ReferenceMatmul, Literals) {
  const std::vector<int64_t> a = {1, 2, 3, 4, 5, 6};    // [2, 3]
  const std::vector<int64_t> b = {7, 8, 9, 10, 11, 12}; // [3, 2]
  for (int64_t chunk : {1, 2, 3, 100})
    EXPECT_EQ(matmul(a, b, 2, 2, 3, chunk, 0),
              std::vector<float>({58.0f, 64.0f, 139.0f, 154.0f}));
  EXPECT_EQ(matmul(a, b, 2, 2, 3, 2, -2),
            std::vector<float>({14.5f, 16.0f, 34.75f, 38.5f}));
  // fixed<8,2> x fixed<8,1>: exp2 = -3.
  const std::vector<int64_t> c = {-3, 5, 7, -2};
  const std::vector<int64_t> d = {4, -1, 6, 8};
  EXPECT_EQ(matmul(c, d, 2, 2, 2, 32, -3),
            std::vector<float>({2.25f, 5.375f, 2.0f, -2.875f}));
  // [1, 3] x [3, 1] with the order-dependent data of chunkedDot.
  EXPECT_EQ(matmul({4096, 1, 1}, {4096, 1, 1}, 1, 1, 3, 1, 0),
            std::vector<float>({16777216.0f}));
  EXPECT_EQ(matmul({1, 1, 4096}, {1, 1, 4096}, 1, 1, 3, 1, 0),
            std::vector<float>({16777218.0f}));
  // Empty K.
  EXPECT_EQ(matmul({}, {}, 2, 1, 0, 4, 0), std::vector<float>({0.0f, 0.0f}));
}

TEST(ReferenceMatmul, MatchesChunkedDotPerElement) {
  TestRng rng(24);
  const int64_t m = 5, n = 6, k = 300;
  std::vector<int64_t> a(m * k), b(k * n);
  for (int64_t &v : a)
    v = rng.range(-32767, 32767);
  for (int64_t &v : b)
    v = rng.range(-32767, 32767);
  const std::vector<float> c = matmul(a, b, m, n, k, 2, -28);
  for (int64_t i = 0; i < m; ++i)
    for (int64_t j = 0; j < n; ++j) {
      std::vector<int64_t> column(k);
      for (int64_t l = 0; l < k; ++l)
        column[l] = b[l * n + j];
      EXPECT_EQ(c[i * n + j],
                chunkedDot(a.data() + i * k, 1, column.data(), 1, k, 2, -28));
    }
}

TEST(ReferenceChunkedDotDeathTest, Int32OverflowIsCaught) {
#if GTEST_HAS_DEATH_TEST && !defined(NDEBUG)
  const std::vector<int64_t> a = {65536, 65536}, b = {16384, 16384};
  EXPECT_DEATH(dot(a, b, 2), "overflows int32"); // 2^30 + 2^30 = 2^31
  const std::vector<int64_t> c = {-32768}, d = {65536};
  EXPECT_EQ(dot(c, d, 1), -0x1p31f); // -2^31 itself fits
#else
  GTEST_SKIP() << "assertions disabled";
#endif
}

} // namespace
