//===- TestData.cpp - inputs of fxp-testgen's execution tests ---*- C++ -*-===//
//
// Part of fxp-testgen: deterministic inputs rich in the edge cases of
// SEMANTICS.md, and dense hexadecimal constants.
//
//===----------------------------------------------------------------------===//

#include "TestData.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

using namespace mlir::fxp::testgen;

uint64_t Rng::next() {
  uint64_t z = (state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

int64_t Rng::uniform(int64_t lo, int64_t hi) {
  uint64_t span = static_cast<uint64_t>(hi - lo) + 1;
  return lo + static_cast<int64_t>(span == 0 ? next() : next() % span);
}

double Rng::signedUnit() {
  return std::ldexp(static_cast<double>(uniform(-(1 << 24), (1 << 24) - 1)),
                    -24);
}

float mlir::fxp::testgen::bitsToFloat(uint32_t bits) {
  float x;
  std::memcpy(&x, &bits, sizeof(x));
  return x;
}

uint32_t mlir::fxp::testgen::floatToBits(float x) {
  uint32_t bits;
  std::memcpy(&bits, &x, sizeof(bits));
  return bits;
}

static int64_t minValue(unsigned width) { return -(int64_t(1) << (width - 1)); }
static int64_t maxValue(unsigned width) {
  return (int64_t(1) << (width - 1)) - 1;
}

/// Whether `x` may appear in a block whose values stay below 2^maxExp.
static bool fitsBlock(float x, const int *maxExp) {
  return !maxExp || !std::isfinite(x) ||
         std::fabs(static_cast<double>(x)) < std::ldexp(1.0, *maxExp);
}

/// NaN, +inf, -inf, -0.0 and a subnormal (which every float input gets,
/// however short), then more NaNs, zeros, subnormals, FLT_MIN and FLT_MAX.
static const uint32_t specialBits[] = {
    0x7FC00000u, 0x7F800000u, 0xFF800000u, 0x80000000u, 0x00000001u,
    0xFFC00000u, 0x7F800001u, 0x7FFFFFFFu, 0x00000000u, 0x80000001u,
    0x007FFFFFu, 0x807FFFFFu, 0x00400000u, 0x00800000u, 0x80800000u,
    0x7F7FFFFFu, 0xFF7FFFFFu};
static const size_t numEssential = 5;

static std::vector<float> floatEdgeCases(unsigned width, int frac,
                                         const int *maxExp) {
  std::vector<float> edges;
  // NaNs, infinities, zeros, subnormals, FLT_MIN and FLT_MAX, first.
  for (uint32_t bits : specialBits)
    edges.push_back(bitsToFloat(bits));
  const float inf = std::numeric_limits<float>::infinity();
  auto add = [&](double v, bool neighbours) {
    float x = static_cast<float>(v);
    edges.push_back(x);
    if (neighbours && std::isfinite(x)) {
      edges.push_back(std::nextafter(x, inf));
      edges.push_back(std::nextafter(x, -inf));
    }
  };
  const double eps = std::ldexp(1.0, -frac);
  const double qmin = minValue(width), qmax = maxValue(width);
  // Exact values, ties and the quarter points where `biased` switches, near
  // zero and near both ends of the range.
  for (double k : {0.0, 1.0, 2.0, 3.0, -1.0, -2.0, -3.0, -4.0, qmax - 1, qmax,
                   qmin, qmin + 1, std::floor(qmax / 2)}) {
    add(k * eps, k != 0);
    for (double offset : {0.5, 0.25, 0.75})
      add((k + offset) * eps, true);
  }
  // Beyond the range, both ways.
  for (double v :
       {qmax + 0.5, qmax + 1, qmin - 0.5, qmin - 1, 4 * qmax, 4 * qmin})
    add(v * eps, true);
  // Fractions at and below the 32 bits of r that §2 keeps.
  for (int bits : {31, 32, 33, 40})
    for (double sign : {1.0, -1.0}) {
      add(sign * std::ldexp(eps, -bits), false);
      add(sign * (0.5 + std::ldexp(1.0, -bits)) * eps, false);
    }
  for (double v : {1e30, -1e30, 1e-30, -1e-30, 1e-10, -1e-10, 0.1, -0.1})
    add(v, false);
  edges.erase(std::remove_if(edges.begin(), edges.end(),
                             [&](float x) { return !fitsBlock(x, maxExp); }),
              edges.end());
  return edges;
}

static float randomFloat(Rng &rng, unsigned width, int frac,
                         const int *maxExp) {
  const double eps = std::ldexp(1.0, -frac);
  const double range = std::ldexp(eps, width - 1);
  for (;;) {
    double v;
    switch (rng.uniform(0, 9)) {
    case 0:
    case 1:
    case 2:
    case 3:
      v = rng.signedUnit() * range * 1.0625;
      break;
    case 4:
    case 5:
      v = rng.signedUnit() * eps * 8;
      break;
    case 6:
      v = rng.signedUnit() * range * 64;
      break;
    case 7:
    case 8: {
      double significand = 1 + std::ldexp(rng.uniform(0, (1 << 23) - 1), -23);
      int exponent = static_cast<int>(rng.uniform(-30, width + 8)) - frac;
      v = (rng.uniform(0, 1) ? -1 : 1) * std::ldexp(significand, exponent);
      break;
    }
    default:
      v = bitsToFloat(static_cast<uint32_t>(rng.next()));
      break;
    }
    float x = static_cast<float>(v);
    if (fitsBlock(x, maxExp))
      return x;
  }
}

std::vector<float> mlir::fxp::testgen::makeFloatInputs(size_t count,
                                                       unsigned width, int frac,
                                                       Rng &rng,
                                                       const int *maxExp) {
  std::vector<float> values = floatEdgeCases(width, frac, maxExp);
  // The essential specials stay, whatever `count`; the rest are shuffled.
  std::vector<float> rest(values.begin() + numEssential, values.end());
  values.resize(numEssential);
  rng.shuffle(rest);
  values.insert(values.end(), rest.begin(), rest.end());
  values.resize(std::min(values.size(), count));
  while (values.size() < count)
    values.push_back(randomFloat(rng, width, frac, maxExp));
  rng.shuffle(values);
  return values;
}

float mlir::fxp::testgen::makeDFPValue(Rng &rng, unsigned width, int frac,
                                       int maxExp) {
  if (rng.uniform(0, 15) == 0) {
    float x = bitsToFloat(specialBits[rng.uniform(0, numEssential - 1)]);
    if (fitsBlock(x, &maxExp))
      return x;
  }
  if (rng.uniform(0, 2) == 0) {
    std::vector<float> edges = floatEdgeCases(width, frac, &maxExp);
    return edges[rng.uniform(0, edges.size() - 1)];
  }
  return randomFloat(rng, width, frac, &maxExp);
}

std::vector<int64_t> mlir::fxp::testgen::makeIntInputs(size_t count,
                                                       unsigned width,
                                                       int shift, Rng &rng) {
  const int64_t lo = minValue(width), hi = maxValue(width);
  std::vector<int64_t> values = {
      lo, hi, 0, 1, -1, 2, -2, lo + 1, hi - 1, hi / 2, lo / 2, hi / 3, lo / 3};
  // Values that f32 cannot hold exactly: ties of its rounding.
  for (int64_t v : {(1 << 24) + 1, (1 << 24) + 3, (1 << 25) + 2, (1 << 25) + 6,
                    (1 << 30) + 64})
    for (int64_t sign : {1, -1})
      values.push_back(sign * v);
  if (shift > 0 && shift < 63) {
    const int64_t one = int64_t(1) << shift, half = one >> 1;
    for (int64_t k :
         {int64_t(0), int64_t(1), int64_t(-1), int64_t(2), int64_t(-2),
          int64_t(3), int64_t(-3), hi >> shift, lo >> shift})
      for (int64_t offset : {half, half / 2, 3 * (half / 2), int64_t(0)})
        for (int64_t delta : {-1, 0, 1})
          if (int64_t base; !__builtin_mul_overflow(k, one, &base))
            values.push_back(base + offset + delta);
  }
  values.erase(std::remove_if(values.begin(), values.end(),
                              [&](int64_t v) { return v < lo || v > hi; }),
               values.end());
  rng.shuffle(values);
  values.resize(std::min(values.size(), count));
  const int smallBits = std::clamp(shift + 2, 1, static_cast<int>(width) - 1);
  while (values.size() < count) {
    if (rng.uniform(0, 4) < 3)
      values.push_back(rng.uniform(lo, hi));
    else
      values.push_back(rng.uniform(-(int64_t(1) << smallBits),
                                   (int64_t(1) << smallBits) - 1));
  }
  rng.shuffle(values);
  return values;
}

void mlir::fxp::testgen::makeIntPairs(size_t count, int kind, unsigned widthA,
                                      int fracA, unsigned widthB, int fracB,
                                      int shift, Rng &rng,
                                      std::vector<int64_t> &a,
                                      std::vector<int64_t> &b) {
  const int64_t loA = minValue(widthA), hiA = maxValue(widthA);
  const int64_t loB = minValue(widthB), hiB = maxValue(widthB);
  std::vector<std::pair<int64_t, int64_t>> pairs;
  for (int64_t x : {loA, hiA, int64_t(0), int64_t(1), int64_t(-1)})
    for (int64_t y : {loB, hiB, int64_t(0), int64_t(1), int64_t(-1)})
      pairs.push_back({x, y});
  auto inRange = [&](int64_t x, int64_t y) {
    return x >= loA && x <= hiA && y >= loB && y <= hiB;
  };
  if (shift > 0 && shift < 40) {
    const int64_t half = int64_t(1) << (shift - 1);
    const int frac = std::max(fracA, fracB);
    const int alignA = frac - fracA, alignB = frac - fracB;
    for (int64_t k = -2; k <= 2; ++k)
      for (int64_t offset : {half, half / 2, 3 * (half / 2)})
        for (int64_t delta : {-1, 0, 1}) {
          // The exact result, in units of its own resolution.
          int64_t target = k * (int64_t(1) << shift) + offset + delta;
          if (kind == 2) { // mul: a * b == target
            for (int j = 0; j <= 3; ++j) {
              int64_t x = (int64_t(1) << j) * (k % 2 ? -1 : 1);
              if (target % x == 0 && inRange(x, target / x))
                pairs.push_back({x, target / x});
            }
            continue;
          }
          if (alignA > 20 || alignB > 20)
            continue;
          int64_t small = rng.uniform(-64, 64);
          int64_t sign = kind == 1 ? -1 : 1; // sub: a - b == target
          if (alignA == 0) {
            int64_t x = target - sign * (small << alignB);
            if (inRange(x, small))
              pairs.push_back({x, small});
          } else {
            int64_t y = sign * (target - (small << alignA));
            if (inRange(small, y))
              pairs.push_back({small, y});
          }
        }
  }
  rng.shuffle(pairs);
  pairs.resize(std::min(pairs.size(), count));
  const int smallA = std::clamp(shift + 1, 1, static_cast<int>(widthA) - 1);
  const int smallB = std::clamp(shift + 1, 1, static_cast<int>(widthB) - 1);
  while (pairs.size() < count) {
    if (rng.uniform(0, 2) < 2)
      pairs.push_back({rng.uniform(loA, hiA), rng.uniform(loB, hiB)});
    else
      pairs.push_back(
          {rng.uniform(-(int64_t(1) << smallA), int64_t(1) << smallA),
           rng.uniform(-(int64_t(1) << smallB), int64_t(1) << smallB)});
    if (!inRange(pairs.back().first, pairs.back().second))
      pairs.pop_back();
  }
  rng.shuffle(pairs);
  a.clear();
  b.clear();
  for (auto [x, y] : pairs) {
    a.push_back(x);
    b.push_back(y);
  }
}

std::string mlir::fxp::testgen::denseHex(const std::vector<int64_t> &values,
                                         unsigned bits) {
  static const char digits[] = "0123456789ABCDEF";
  std::string hex = "dense<\"0x";
  hex.reserve(hex.size() + values.size() * bits / 4 + 2);
  for (int64_t v : values)
    for (unsigned byte = 0; byte < bits / 8; ++byte) {
      unsigned b = static_cast<uint64_t>(v) >> (8 * byte) & 0xFF;
      hex += digits[b >> 4];
      hex += digits[b & 15];
    }
  return hex + "\">";
}

std::string mlir::fxp::testgen::denseHex(const std::vector<float> &values) {
  std::vector<int64_t> bits;
  for (float x : values)
    bits.push_back(floatToBits(x));
  return denseHex(bits, 32);
}
