//===- TestData.h - inputs of fxp-testgen's execution tests -----*- C++ -*-===//
//
// Deterministic test inputs for the execution tests that fxp-testgen writes:
// a small PRNG, the edge cases of SEMANTICS.md (ties at the target
// resolution and their neighbours, values beyond the range, NaN, infinities,
// -0.0, subnormals, qmin/qmax), random values at several scales, and the
// hexadecimal encoding of dense MLIR constants.
//
//===----------------------------------------------------------------------===//

#ifndef FXP_TOOLS_FXP_TESTGEN_TESTDATA_H
#define FXP_TOOLS_FXP_TESTGEN_TESTDATA_H

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace mlir::fxp::testgen {

/// SplitMix64: deterministic, so a test file never changes unless the
/// generator does.
class Rng {
public:
  explicit Rng(uint64_t seed) : state(seed) {}
  uint64_t next();
  /// Uniform in [lo, hi] (inclusive), for hi - lo < 2^63.
  int64_t uniform(int64_t lo, int64_t hi);
  /// Uniform in [-1, 1) with 24 significant bits.
  double signedUnit();
  template <typename T> void shuffle(std::vector<T> &values) {
    for (size_t i = values.size(); i > 1; --i)
      std::swap(values[i - 1], values[uniform(0, i - 1)]);
  }

private:
  uint64_t state;
};

float bitsToFloat(uint32_t bits);
uint32_t floatToBits(float x);

/// Float inputs for quantizing to fixed<width, frac>: the edge cases first
/// (exact ties (k + 1/2) * 2^-frac of both signs and their neighbours, the
/// quarter points where `biased` switches, values beyond the range both ways,
/// NaN, infinities, -0.0, subnormals and tiny values), then random values at
/// several scales; shuffled. With `maxExp` set, finite values stay below
/// 2^maxExp in magnitude (for DFP blocks, whose largest value sets the
/// exponent).
std::vector<float> makeFloatInputs(size_t count, unsigned width, int frac,
                                   Rng &rng, const int *maxExp = nullptr);

/// One float input for a block of a DFP tensor whose largest magnitude is
/// about 2^maxExp and whose mantissas have `frac` fraction bits.
float makeDFPValue(Rng &rng, unsigned width, int frac, int maxExp);

/// Integer inputs of width `width` that are rounded by a right shift of
/// `shift` bits: qmin, qmax, 0, +-1, ties at 2^(shift - 1) and their
/// neighbours, quarter points, values that round differently when converted
/// to f32, then random values; shuffled.
std::vector<int64_t> makeIntInputs(size_t count, unsigned width, int shift,
                                   Rng &rng);

/// Operand pairs of add, sub (`kind` 0) or mul (`kind` 1) whose exact result
/// is rounded by `shift` bits: edge pairs, pairs whose exact result is a tie
/// or next to one, and random pairs.
void makeIntPairs(size_t count, int kind, unsigned widthA, int fracA,
                  unsigned widthB, int fracB, int shift, Rng &rng,
                  std::vector<int64_t> &a, std::vector<int64_t> &b);

/// `dense<"0x...">`: the little-endian bytes of each value's low `bits` bits.
std::string denseHex(const std::vector<int64_t> &values, unsigned bits);
std::string denseHex(const std::vector<float> &values);

} // namespace mlir::fxp::testgen

#endif // FXP_TOOLS_FXP_TESTGEN_TESTDATA_H
