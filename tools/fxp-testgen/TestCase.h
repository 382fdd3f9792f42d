//===- TestCase.h - one op configuration of fxp-testgen ---------*- C++ -*-===//
//
// The configuration fxp-testgen's options describe, and the test case built
// from it: the kernel (the op under test), its arguments with their data, and
// the result the reference model expects.
//
//===----------------------------------------------------------------------===//

#ifndef FXP_TOOLS_FXP_TESTGEN_TESTCASE_H
#define FXP_TOOLS_FXP_TESTGEN_TESTCASE_H

#include "fxp/Reference/Reference.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace mlir::fxp::testgen {

enum class OpKind {
  Quantize,
  Dequantize,
  Rescale,
  Saturate,
  FromStorage,
  Add,
  Sub,
  Mul,
  SharedExponent,
  QuantizeDFP,
  DequantizeDFP,
  Matmul
};

/// `fixed<width, frac>`.
struct Format {
  unsigned width = 16;
  int frac = 8;
};

struct Config {
  OpKind op = OpKind::Quantize;
  std::vector<int64_t> shape;
  bool dynamic = false, scalar = false;
  std::optional<ref::Rounding> rounding;
  std::optional<ref::Overflow> overflow;
  Format in, rhs, out;
  uint64_t seed = 0;
  unsigned stream = 1;
  // DFP.
  unsigned width = 16;
  int headroom = 0;
  int64_t block = 0;
  unsigned axis = 0;
  int scale = 0;
  bool anyExponents = false; // quantize_dfp: not from shared_exponent
  // Matmul.
  int64_t m = 4, n = 4, k = 4, batch = 0, chunk = 1;
  bool saturating = false, symmetric = false, transposeA = false,
       transposeB = false;
  bool dfp = false, fromFloat = false, adversarial = false;
  // quantize --splat.
  std::optional<float> splat;
  uint64_t dataSeed = 1;

  ref::Rounding getRounding() const {
    return rounding.value_or(ref::Rounding::NearestEven);
  }
  ref::Overflow getOverflow() const {
    return overflow.value_or(ref::Overflow::Saturate);
  }
  bool isStochastic() const {
    return getRounding() == ref::Rounding::Stochastic;
  }
};

/// A kernel argument, created in @main from a dense constant.
struct Arg {
  std::vector<int64_t> shape;
  std::string element; // f32, i32 or a fixed-point type
  std::string storage; // the storage type of a fixed-point element, or ""
  std::string data;    // dense<"0x...">
};

enum class ResultKind { Fixed, Float, Integer };

struct TestCase {
  std::vector<Arg> args;
  bool usesSeed = false;
  /// Kernel body lines computing %result from %arg0, %arg1... (and %seed).
  /// In them "$N" stands for the kernel's type of argument N and "$R" for
  /// its result type.
  std::vector<std::string> body;
  std::vector<int64_t> resultShape;
  std::string resultElement;
  ResultKind kind = ResultKind::Fixed;
  unsigned bits = 32; // of the compared integers
  /// Storage integers, f32 bit patterns or i32 exponents, row-major.
  std::vector<int64_t> expected;
  /// For --splat: floor(t * 2^32) of the input t = x * 2^F, for the mean.
  int64_t splatT = 0;
  std::string summary;
};

TestCase buildTestCase(const Config &config);

/// Printing of types and attributes.
const char *getRoundingName(ref::Rounding rounding);
const char *getOverflowName(ref::Overflow overflow);
std::string shapeText(const std::vector<int64_t> &shape, bool dynamic);
std::string tensorType(const std::vector<int64_t> &shape,
                       const std::string &element, bool dynamic);
std::string fixedType(Format format);
unsigned storageBits(unsigned width);
int64_t numElements(const std::vector<int64_t> &shape);

} // namespace mlir::fxp::testgen

#endif // FXP_TOOLS_FXP_TESTGEN_TESTCASE_H
