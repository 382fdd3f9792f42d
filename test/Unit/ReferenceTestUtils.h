//===- ReferenceTestUtils.h - Helpers for the reference tests ---*- C++ -*-===//
//
// An independent formulation of the deterministic rounding modes for the
// property tests: rounding of a sign and a magnitude with exact remainder
// comparisons (no use of T = floor(t * 2^32)), plus an independent overflow
// handler and a deterministic pseudo-random generator for test inputs.
//
//===----------------------------------------------------------------------===//

#ifndef FXP_TEST_UNIT_REFERENCETESTUTILS_H
#define FXP_TEST_UNIT_REFERENCETESTUTILS_H

#include "fxp/Reference/Reference.h"

#include <cassert>
#include <cstdint>
#include <cstring>

namespace fxp_test {

using mlir::fxp::ref::Overflow;
using mlir::fxp::ref::Rounding;

/// The deterministic rounding modes.
inline constexpr Rounding kDeterministicModes[] = {
    Rounding::Floor,       Rounding::TowardZero, Rounding::NearestEven,
    Rounding::NearestAway, Rounding::NearestUp,  Rounding::Biased};

/// Exactly rounds t = (negative ? -1 : 1) * m / 2^s, for m < 2^64 and s >= 0,
/// in a deterministic mode, working on the magnitude.
inline __int128 exactRound(bool negative, uint64_t m, int s, Rounding mode) {
  assert(s >= 0);
  unsigned __int128 a = s >= 64 ? 0 : (m >> s);
  // Compare the remainder (the fraction of the magnitude) with c/4.
  int cmp[4]; // cmp[c] = sign(fraction - c/4), c = 1, 2, 3
  bool nonZero;
  if (s >= 66) {
    nonZero = m != 0; // the fraction is m / 2^s < 2^64 / 2^66 = 1/4
    cmp[1] = cmp[2] = cmp[3] = -1;
  } else {
    unsigned __int128 rem = m - (a << s);
    nonZero = rem != 0;
    unsigned __int128 four = rem << 2;
    for (int c = 1; c <= 3; ++c) {
      unsigned __int128 bound = static_cast<unsigned __int128>(c) << s;
      cmp[c] = four < bound ? -1 : four == bound ? 0 : 1;
    }
  }
  __int128 mag = static_cast<__int128>(a);
  switch (mode) {
  case Rounding::Floor:
    return negative ? -(mag + (nonZero ? 1 : 0)) : mag;
  case Rounding::TowardZero:
    return negative ? -mag : mag;
  case Rounding::NearestEven:
    mag += (cmp[2] > 0 || (cmp[2] == 0 && (mag & 1) != 0)) ? 1 : 0;
    return negative ? -mag : mag;
  case Rounding::NearestAway:
    mag += cmp[2] >= 0 ? 1 : 0;
    return negative ? -mag : mag;
  case Rounding::NearestUp:
    // floor(t + 1/2): ties go up, i.e. toward zero for negative t.
    return negative ? -(mag + (cmp[2] > 0 ? 1 : 0))
                    : mag + (cmp[2] >= 0 ? 1 : 0);
  case Rounding::Biased:
    mag += cmp[1] >= 0 ? 1 : 0;
    return negative ? -mag : mag;
  case Rounding::Stochastic:
    break;
  }
  assert(false && "not a deterministic mode");
  return 0;
}

/// Overflow handling written independently of the library.
inline int64_t expectedOverflow(__int128 v, unsigned width, Overflow mode) {
  const __int128 hi = (static_cast<__int128>(1) << (width - 1)) - 1;
  const __int128 lo = -hi - 1;
  switch (mode) {
  case Overflow::Saturate:
    return static_cast<int64_t>(v < lo ? lo : v > hi ? hi : v);
  case Overflow::SaturateSymmetric:
    return static_cast<int64_t>(v < -hi ? -hi : v > hi ? hi : v);
  case Overflow::Wrap: {
    const __int128 modulus = static_cast<__int128>(1) << width;
    __int128 w = v % modulus;
    if (w < 0)
      w += modulus;
    return static_cast<int64_t>(w > hi ? w - modulus : w);
  }
  }
  return 0;
}

/// SplitMix64: deterministic test inputs.
struct TestRng {
  uint64_t state;
  explicit TestRng(uint64_t seed) : state(seed) {}
  uint64_t next() {
    uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  /// Uniform in [lo, hi].
  int64_t range(int64_t lo, int64_t hi) {
    return lo +
           static_cast<int64_t>(next() % static_cast<uint64_t>(hi - lo + 1));
  }
};

inline float floatFromBits(uint32_t bits) {
  float f;
  std::memcpy(&f, &bits, sizeof(f));
  return f;
}

inline uint32_t bitsFromFloat(float f) {
  uint32_t bits;
  std::memcpy(&bits, &f, sizeof(bits));
  return bits;
}

} // namespace fxp_test

#endif // FXP_TEST_UNIT_REFERENCETESTUTILS_H
