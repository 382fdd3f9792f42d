//===- ReferenceRandomTest.cpp - Stochastic rounding bits -------*- C++ -*-===//
//
// The counter-based random bits of §4: known values (computed once by a
// separate C implementation of the §4 code, pasted here), and the statistical
// tests §4 asks for over 2^20 draws: uniformity, per-bit bias, neighbour
// correlation and the mean error of stochastic rounding.
//
//===----------------------------------------------------------------------===//

#include "ReferenceTestUtils.h"

#include "fxp/Reference/Reference.h"

#include "gtest/gtest.h"

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <vector>

using namespace mlir::fxp::ref;

namespace {

constexpr uint64_t kDraws = uint64_t(1) << 20;
constexpr uint64_t kSeed = 0x123456789ABCDEF0ull;

TEST(ReferenceRandom, KnownValues) {
  EXPECT_EQ(fmix32(0x00000000u), 0x00000000u);
  EXPECT_EQ(fmix32(0x00000001u), 0x514E28B7u);
  EXPECT_EQ(fmix32(0x9E3779B9u), 0x92CA2F0Eu);
  EXPECT_EQ(fmix32(0xDEADBEEFu), 0x0DE5C6A9u);
  EXPECT_EQ(fmix32(0xFFFFFFFFu), 0x81F16F39u);

  EXPECT_EQ(streamKey(0x0000000000000000ull, 0x0u), 0x642F30E0u);
  EXPECT_EQ(streamKey(0x0000000000000000ull, 0x1u), 0xD5AAD292u);
  EXPECT_EQ(streamKey(0x0000000000000001ull, 0x0u), 0xFB49E243u);
  EXPECT_EQ(streamKey(0x123456789ABCDEF0ull, 0x7u), 0xDC78898Du);
  EXPECT_EQ(streamKey(0xFFFFFFFFFFFFFFFFull, 0xFFFFFFFFu), 0xA4371212u);
  EXPECT_EQ(streamKey(0x000000000000002Aull, 0x3u), 0x8575881Cu);

  const uint32_t key = streamKey(0x123456789ABCDEF0ull, 7);
  EXPECT_EQ(randomBits(key, 0x0ull), 0xBDECE27Eu);
  EXPECT_EQ(randomBits(key, 0x1ull), 0x772AFD27u);
  EXPECT_EQ(randomBits(key, 0x2ull), 0x6C6700E3u);
  EXPECT_EQ(randomBits(key, 0x3ull), 0x12FC9990u);
  EXPECT_EQ(randomBits(key, 0x3E8ull), 0x9313B297u);
  EXPECT_EQ(randomBits(key, 0xFFFFFFFFull), 0x3DBFD777u);
  EXPECT_EQ(randomBits(key, 0x100000000ull), 0xE50C4763u);
  EXPECT_EQ(randomBits(key, 0x100000001ull), 0xDF06272Fu);
  EXPECT_EQ(randomBits(key, 0xFFFFFFFFFFFFFFFFull), 0xEEC85C57u);

  const uint32_t key42 = streamKey(42, 3);
  EXPECT_EQ(randomBits(key42, 0), 0x776D108Bu);
  EXPECT_EQ(randomBits(key42, 1), 0x030C50FEu);
  EXPECT_EQ(randomBits(key42, 2), 0xA9619BE1u);
  EXPECT_EQ(randomBits(key42, 3), 0x8EAECA26u);
  EXPECT_EQ(randomBits(0, 0), 0x00000000u);
}

/// Pearson's chi-square statistic of `counts` against a uniform expectation.
double chiSquare(const std::vector<uint64_t> &counts, uint64_t total) {
  const double expected = static_cast<double>(total) / counts.size();
  double sum = 0;
  for (uint64_t c : counts) {
    const double d = static_cast<double>(c) - expected;
    sum += d * d / expected;
  }
  return sum;
}

/// The draws of several sequences that the rounding ops produce: consecutive
/// indices of one stream, indices past 2^32, and index 0 of consecutive
/// streams and of consecutive seeds.
std::vector<uint32_t> draws(int sequence) {
  std::vector<uint32_t> result(kDraws);
  const uint32_t key = streamKey(kSeed, 7);
  for (uint64_t i = 0; i < kDraws; ++i) {
    switch (sequence) {
    case 0:
      result[i] = randomBits(key, i);
      break;
    case 1:
      result[i] = randomBits(key, (uint64_t(1) << 32) - kDraws / 2 + i);
      break;
    case 2:
      result[i] = randomBits(streamKey(kSeed, static_cast<uint32_t>(i)), 0);
      break;
    default:
      result[i] = randomBits(streamKey(kSeed + i, 7), 5);
      break;
    }
  }
  return result;
}

constexpr int kSequences = 4;

TEST(ReferenceRandom, UniformityChiSquare) {
  // 256 bins, 255 degrees of freedom: mean 255, standard deviation 22.6.
  // The bounds are loose (about +-5 sigma); the lower bound catches sequences
  // that are too regular (a counter would give 0).
  for (int seq = 0; seq < kSequences; ++seq) {
    const std::vector<uint32_t> values = draws(seq);
    for (int shift : {0, 8, 16, 24}) {
      std::vector<uint64_t> counts(256, 0);
      for (uint32_t v : values)
        ++counts[(v >> shift) & 0xFF];
      const double chi2 = chiSquare(counts, kDraws);
      EXPECT_GT(chi2, 140.0) << "sequence " << seq << ", byte " << shift / 8;
      EXPECT_LT(chi2, 380.0) << "sequence " << seq << ", byte " << shift / 8;
    }
  }
}

TEST(ReferenceRandom, PerBitBias) {
  // Each bit is set with probability 1/2: standard deviation of the count
  // sqrt(N) / 2 = 512; allow 6 sigma.
  for (int seq = 0; seq < kSequences; ++seq) {
    const std::vector<uint32_t> values = draws(seq);
    for (int bit = 0; bit < 32; ++bit) {
      int64_t ones = 0;
      for (uint32_t v : values)
        ones += (v >> bit) & 1;
      EXPECT_LT(std::llabs(ones - static_cast<int64_t>(kDraws / 2)), 3072)
          << "sequence " << seq << ", bit " << bit;
    }
  }
}

TEST(ReferenceRandom, NeighbourCorrelation) {
  for (int seq = 0; seq < kSequences; ++seq) {
    const std::vector<uint32_t> values = draws(seq);
    // Pearson correlation of consecutive draws as uniforms in [0, 1):
    // standard deviation 1 / sqrt(N) ~ 0.001.
    double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
    const double n = static_cast<double>(kDraws - 1);
    for (uint64_t i = 0; i + 1 < kDraws; ++i) {
      const double x = values[i] * 0x1p-32, y = values[i + 1] * 0x1p-32;
      sx += x;
      sy += y;
      sxx += x * x;
      syy += y * y;
      sxy += x * y;
    }
    const double cov = sxy / n - (sx / n) * (sy / n);
    const double corr = cov / std::sqrt((sxx / n - (sx / n) * (sx / n)) *
                                        (syy / n - (sy / n) * (sy / n)));
    EXPECT_LT(std::fabs(corr), 0.006) << "sequence " << seq;
    // Joint uniformity of neighbour pairs: 16 x 16 bins of the top nibbles.
    std::vector<uint64_t> counts(256, 0);
    for (uint64_t i = 0; i + 1 < kDraws; i += 2)
      ++counts[(values[i] >> 28) * 16 + (values[i + 1] >> 28)];
    const double chi2 = chiSquare(counts, kDraws / 2);
    EXPECT_GT(chi2, 140.0) << "sequence " << seq;
    EXPECT_LT(chi2, 380.0) << "sequence " << seq;
    // Hamming distance of neighbours: binomial(32, 1/2), mean 16.
    uint64_t distance = 0;
    for (uint64_t i = 0; i + 1 < kDraws; ++i)
      distance += __builtin_popcount(values[i] ^ values[i + 1]);
    const double mean = static_cast<double>(distance) / (kDraws - 1);
    EXPECT_NEAR(mean, 16.0, 0.03) << "sequence " << seq;
  }
}

TEST(ReferenceRandom, StochasticRoundingMeanError) {
  // Rounding the same t many times with independent words averages to t.
  // Standard deviation of the mean: sqrt(p(1-p) / N) < 0.0005; allow 0.003.
  const uint32_t key = streamKey(kSeed, 11);
  struct Case {
    float x;
    int frac;
  };
  for (Case c : {Case{0.3f, 0}, Case{-0.3f, 0}, Case{0.3f * 0x1p-8f, 8},
                 Case{2.7f, 0}, Case{-5.125f, 2}, Case{1e-40f, 140}}) {
    const double t = std::ldexp(static_cast<double>(c.x), c.frac);
    int64_t sum = 0;
    for (uint64_t i = 0; i < kDraws; ++i)
      sum += quantize(c.x, 16, c.frac, Rounding::Stochastic, Overflow::Saturate,
                      randomBits(key, i));
    const double mean = static_cast<double>(sum) / kDraws;
    EXPECT_NEAR(mean, t, 0.003) << "x = " << c.x << ", frac " << c.frac;
    // And the deterministic neighbours bracket it.
    EXPECT_GT(mean, std::floor(t));
    EXPECT_LT(mean, std::floor(t) + 1);
  }
  // The same on integers: t = 77 / 256 = 0.30078125.
  int64_t sum = 0;
  for (uint64_t i = 0; i < kDraws; ++i)
    sum += roundShifted(77, 8, 8, Rounding::Stochastic, Overflow::Saturate,
                        randomBits(key, i));
  EXPECT_NEAR(static_cast<double>(sum) / kDraws, 0.30078125, 0.003);
}

TEST(ReferenceRandom, StochasticDFPTensorIsUnbiased) {
  // A whole 1024 x 1024 tensor quantized with one exponent and per-element
  // random bits (row-major index): the mean error is ~0 while nearest
  // rounding has a systematic one.
  const int64_t rows = 1024, cols = 1024;
  std::vector<float> x(rows * cols);
  for (int64_t i = 0; i < rows * cols; ++i)
    x[i] = 100.0f + 0.3f * static_cast<float>(i % 3); // 100, 100.3, 100.6
  const std::vector<int64_t> shape = {rows, cols};
  const std::vector<int32_t> e = sharedExponents(x, shape, 8, 0, 0, 0);
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0], 0); // E(100.6) = 7, 7 - 7 + 0
  const std::vector<int64_t> m = quantizeDFP(
      x, shape, e, 8, 0, 0, Rounding::Stochastic, Overflow::Saturate, 99, 1);
  double error = 0;
  for (int64_t i = 0; i < rows * cols; ++i)
    error += static_cast<double>(m[i]) - static_cast<double>(x[i]);
  EXPECT_NEAR(error / (rows * cols), 0.0, 0.002);
  const std::vector<int64_t> nearest = quantizeDFP(
      x, shape, e, 8, 0, 0, Rounding::NearestEven, Overflow::Saturate, 99, 1);
  double nearestError = 0;
  for (int64_t i = 0; i < rows * cols; ++i)
    nearestError += static_cast<double>(nearest[i]) - static_cast<double>(x[i]);
  // 100 -> 0, 100.3 -> -0.3, 100.6 -> +0.4: mean +0.0333.
  EXPECT_NEAR(nearestError / (rows * cols), 0.1 / 3, 0.001);
}

} // namespace
