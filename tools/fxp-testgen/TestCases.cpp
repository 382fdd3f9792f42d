//===- TestCases.cpp - fxp-testgen's kernels and their results --*- C++ -*-===//
//
// For each op: the inputs, the kernel applying the op, and the expected
// result computed by the reference model (FXPReference).
//
//===----------------------------------------------------------------------===//

#include "TestCase.h"
#include "TestData.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

using namespace mlir::fxp;
using namespace mlir::fxp::testgen;

//===----------------------------------------------------------------------===//
// Types
//===----------------------------------------------------------------------===//

const char *mlir::fxp::testgen::getRoundingName(ref::Rounding rounding) {
  static const char *const names[] = {
      "floor",      "toward_zero", "nearest_even", "nearest_away",
      "nearest_up", "biased",      "stochastic"};
  return names[static_cast<int>(rounding)];
}

const char *mlir::fxp::testgen::getOverflowName(ref::Overflow overflow) {
  static const char *const names[] = {"saturate", "saturate_symmetric", "wrap"};
  return names[static_cast<int>(overflow)];
}

int64_t mlir::fxp::testgen::numElements(const std::vector<int64_t> &shape) {
  int64_t count = 1;
  for (int64_t size : shape)
    count *= size;
  return count;
}

std::string mlir::fxp::testgen::shapeText(const std::vector<int64_t> &shape,
                                          bool dynamic) {
  std::string text;
  for (size_t i = 0; i < shape.size(); ++i)
    text +=
        (i ? "x" : "") + (i == 0 && dynamic ? "?" : std::to_string(shape[i]));
  return text;
}

std::string mlir::fxp::testgen::tensorType(const std::vector<int64_t> &shape,
                                           const std::string &element,
                                           bool dynamic) {
  if (shape.empty())
    return "tensor<" + element + ">";
  return "tensor<" + shapeText(shape, dynamic) + "x" + element + ">";
}

std::string mlir::fxp::testgen::fixedType(Format format) {
  return "!fxp.fixed<" + std::to_string(format.width) + ", " +
         std::to_string(format.frac) + ">";
}

unsigned mlir::fxp::testgen::storageBits(unsigned width) {
  return width <= 8 ? 8 : width <= 16 ? 16 : 32;
}

static std::string dfpType(const Config &c, const std::vector<int64_t> &shape,
                           unsigned width, int64_t block, unsigned axis) {
  std::string text =
      "!fxp.dfp<" + shapeText(shape, c.dynamic) + ", " + std::to_string(width);
  if (block)
    text += ", block = " + std::to_string(block) +
            ", axis = " + std::to_string(axis);
  return text + ">";
}

/// The exponents' shape of a DFP tensor (rank 0 when shared per tensor).
static std::vector<int64_t> exponentShape(std::vector<int64_t> shape,
                                          int64_t block, unsigned axis) {
  if (block == 0)
    return {};
  shape[axis] = (shape[axis] + block - 1) / block;
  return shape;
}

/// The index into the exponents of element `index` (row-major).
static int64_t blockIndex(const std::vector<int64_t> &shape, int64_t block,
                          unsigned axis, int64_t index) {
  if (block == 0)
    return 0;
  int64_t inner = 1;
  for (size_t i = axis + 1; i < shape.size(); ++i)
    inner *= shape[i];
  int64_t dim = shape[axis], numBlocks = (dim + block - 1) / block;
  int64_t i = index % inner, d = index / inner % dim, o = index / inner / dim;
  return (o * numBlocks + d / block) * inner + i;
}

//===----------------------------------------------------------------------===//
// Shared pieces
//===----------------------------------------------------------------------===//

[[noreturn]] static void fail(const std::string &message) {
  std::fprintf(stderr, "fxp-testgen: %s\n", message.c_str());
  std::exit(1);
}

static std::string describe(Format f) {
  return "fixed<" + std::to_string(f.width) + ", " + std::to_string(f.frac) +
         ">";
}

/// The optional `rounding`, `overflow`, `seed` and `stream` of a rounding op.
static std::string roundingAttrs(const Config &c, unsigned stream) {
  std::string text;
  if (c.rounding)
    text += std::string(" rounding <") + getRoundingName(*c.rounding) + ">";
  if (c.overflow)
    text += std::string(" overflow <") + getOverflowName(*c.overflow) + ">";
  if (c.isStochastic())
    text += " seed %seed stream " + std::to_string(stream);
  return text;
}

static std::string describeRounding(const Config &c) {
  return std::string(getRoundingName(c.getRounding())) + ", " +
         getOverflowName(c.getOverflow());
}

/// The random word of element `index` of the result of the op with `stream`
/// (a scalar op always has index 0).
static uint32_t randomWord(const Config &c, unsigned stream, uint64_t index) {
  return ref::randomBits(ref::streamKey(c.seed, stream), c.scalar ? 0 : index);
}

static Arg floatArg(const std::vector<int64_t> &shape,
                    const std::vector<float> &x) {
  return {shape, "f32", "", denseHex(x)};
}

static Arg fixedArg(const std::vector<int64_t> &shape, Format format,
                    const std::vector<int64_t> &q) {
  return {shape, fixedType(format),
          "i" + std::to_string(storageBits(format.width)),
          denseHex(q, storageBits(format.width))};
}

static Arg intArg(const std::vector<int64_t> &shape,
                  const std::vector<int64_t> &values) {
  return {shape, "i32", "", denseHex(values, 32)};
}

static void setFixedResult(TestCase &t, const std::vector<int64_t> &shape,
                           Format format) {
  t.resultShape = shape;
  t.resultElement = fixedType(format);
  t.kind = ResultKind::Fixed;
  t.bits = storageBits(format.width);
}

static void setFloatResult(TestCase &t, const std::vector<int64_t> &shape,
                           const std::vector<float> &values) {
  t.resultShape = shape;
  t.resultElement = "f32";
  t.kind = ResultKind::Float;
  t.bits = 32;
  for (float x : values)
    t.expected.push_back(static_cast<int32_t>(floatToBits(x)));
}

/// floor(x * 2^(frac + 32)) for a finite x, exactly.
static int64_t floorScaled(float x, int frac) {
  uint32_t bits = floatToBits(x), field = bits >> 23 & 0xFF;
  __int128 v = field ? (bits & 0x7FFFFF) | 0x800000 : bits & 0x7FFFFF;
  if (bits >> 31)
    v = -v;
  int shift = (field ? static_cast<int>(field) - 150 : -149) + frac + 32;
  if (shift > 60 || field == 0xFF)
    fail("--splat value too large for the mean check");
  return static_cast<int64_t>(shift >= 0 ? v * (__int128(1) << shift)
                                         : v >> std::min(-shift, 127));
}

//===----------------------------------------------------------------------===//
// Element-wise fixed-point ops
//===----------------------------------------------------------------------===//

static TestCase buildQuantize(const Config &c) {
  TestCase t;
  Rng rng(c.dataSeed);
  const int64_t count = numElements(c.shape);
  std::vector<float> x =
      c.splat ? std::vector<float>(count, *c.splat)
              : makeFloatInputs(count, c.out.width, c.out.frac, rng);
  t.args = {floatArg(c.shape, x)};
  t.usesSeed = c.isStochastic();
  t.body = {"%result = fxp.quantize %arg0" + roundingAttrs(c, c.stream) +
            " : $0 -> $R"};
  setFixedResult(t, c.shape, c.out);
  for (int64_t i = 0; i < count; ++i)
    t.expected.push_back(ref::quantize(x[i], c.out.width, c.out.frac,
                                       c.getRounding(), c.getOverflow(),
                                       randomWord(c, c.stream, i)));
  if (c.splat)
    t.splatT = floorScaled(*c.splat, c.out.frac);
  t.summary = "fxp.quantize f32 -> " + describe(c.out) + " (" +
              describeRounding(c) + ")";
  return t;
}

static TestCase buildDequantize(const Config &c) {
  TestCase t;
  Rng rng(c.dataSeed);
  const int64_t count = numElements(c.shape);
  std::vector<int64_t> q = makeIntInputs(count, c.in.width, 0, rng);
  t.args = {fixedArg(c.shape, c.in, q)};
  t.body = {"%result = fxp.dequantize %arg0 : $0 -> $R"};
  std::vector<float> expected;
  for (int64_t v : q)
    expected.push_back(ref::scaleToFloat(v, -c.in.frac));
  setFloatResult(t, c.shape, expected);
  t.summary = "fxp.dequantize " + describe(c.in) + " -> f32";
  return t;
}

static TestCase buildRescale(const Config &c) {
  TestCase t;
  Rng rng(c.dataSeed);
  const int64_t count = numElements(c.shape);
  std::vector<int64_t> q =
      makeIntInputs(count, c.in.width, c.in.frac - c.out.frac, rng);
  t.args = {fixedArg(c.shape, c.in, q)};
  t.usesSeed = c.isStochastic();
  t.body = {"%result = fxp.rescale %arg0" + roundingAttrs(c, c.stream) +
            " : $0 -> $R"};
  setFixedResult(t, c.shape, c.out);
  for (int64_t i = 0; i < count; ++i)
    t.expected.push_back(ref::rescale(q[i], c.in.frac, c.out.width, c.out.frac,
                                      c.getRounding(), c.getOverflow(),
                                      randomWord(c, c.stream, i)));
  t.summary = "fxp.rescale " + describe(c.in) + " -> " + describe(c.out) +
              " (" + describeRounding(c) + ")";
  return t;
}

static TestCase buildSaturate(const Config &c) {
  TestCase t;
  Rng rng(c.dataSeed);
  const int64_t count = numElements(c.shape);
  std::vector<int64_t> q = makeIntInputs(count, c.in.width, 0, rng);
  // Half of the values near the ends of the result's range.
  const int64_t hi = (int64_t(1) << (c.out.width - 1)) - 1, lo = -hi - 1;
  const int64_t inHi = (int64_t(1) << (c.in.width - 1)) - 1;
  for (int64_t &v : q)
    if (rng.uniform(0, 1))
      v = std::clamp(rng.uniform(0, 1) ? rng.uniform(lo - 2, lo + 2)
                                       : rng.uniform(hi - 2, hi + 2),
                     -inHi - 1, inHi);
  t.args = {fixedArg(c.shape, c.in, q)};
  t.body = {std::string("%result = fxp.saturate %arg0") +
            (c.symmetric ? " symmetric" : "") + " : $0 -> $R"};
  setFixedResult(t, c.shape, c.out);
  for (int64_t v : q)
    t.expected.push_back(
        ref::handleOverflow(v, c.out.width,
                            c.symmetric ? ref::Overflow::SaturateSymmetric
                                        : ref::Overflow::Saturate));
  t.summary = "fxp.saturate " + describe(c.in) + " -> " + describe(c.out) +
              (c.symmetric ? " symmetric" : "");
  return t;
}

static TestCase buildFromStorage(const Config &c) {
  TestCase t;
  Rng rng(c.dataSeed);
  const int64_t count = numElements(c.shape);
  const unsigned bits = storageBits(c.out.width);
  // Any storage integer: only its low W bits count.
  std::vector<int64_t> q = makeIntInputs(count, bits, 0, rng);
  t.args = {{c.shape, "i" + std::to_string(bits), "", denseHex(q, bits)}};
  t.body = {"%result = fxp.from_storage %arg0 : $0 -> $R"};
  setFixedResult(t, c.shape, c.out);
  for (int64_t v : q)
    t.expected.push_back(
        ref::handleOverflow(v, c.out.width, ref::Overflow::Wrap));
  t.summary =
      "fxp.from_storage i" + std::to_string(bits) + " -> " + describe(c.out);
  return t;
}

static TestCase buildBinary(const Config &c) {
  TestCase t;
  Rng rng(c.dataSeed);
  const int64_t count = numElements(c.shape);
  const int kind = c.op == OpKind::Add ? 0 : c.op == OpKind::Sub ? 1 : 2;
  const char *name = kind == 0 ? "add" : kind == 1 ? "sub" : "mul";
  const int frac =
      kind == 2 ? c.in.frac + c.rhs.frac : std::max(c.in.frac, c.rhs.frac);
  if (kind != 2 &&
      std::max(c.in.width + frac - c.in.frac, c.rhs.width + frac - c.rhs.frac) +
              1 >
          64)
    fail("the exact sum needs more than 64 bits (the verifier rejects it)");
  std::vector<int64_t> a, b;
  makeIntPairs(count, kind, c.in.width, c.in.frac, c.rhs.width, c.rhs.frac,
               frac - c.out.frac, rng, a, b);
  t.args = {fixedArg(c.shape, c.in, a), fixedArg(c.shape, c.rhs, b)};
  t.usesSeed = c.isStochastic();
  t.body = {std::string("%result = fxp.") + name + " %arg0, %arg1" +
            roundingAttrs(c, c.stream) + " : $0, $1 -> $R"};
  setFixedResult(t, c.shape, c.out);
  auto *fn = kind == 0 ? ref::add : kind == 1 ? ref::sub : ref::mul;
  for (int64_t i = 0; i < count; ++i)
    t.expected.push_back(fn(a[i], c.in.frac, b[i], c.rhs.frac, c.out.width,
                            c.out.frac, c.getRounding(), c.getOverflow(),
                            randomWord(c, c.stream, i)));
  t.summary = std::string("fxp.") + name + " " + describe(c.in) + ", " +
              describe(c.rhs) + " -> " + describe(c.out) + " (" +
              describeRounding(c) + ")";
  return t;
}

//===----------------------------------------------------------------------===//
// DFP
//===----------------------------------------------------------------------===//

static std::string sharedExponentAttrs(const Config &c) {
  std::string text = " width " + std::to_string(c.width);
  if (c.headroom)
    text += " headroom " + std::to_string(c.headroom);
  if (c.block)
    text +=
        " block " + std::to_string(c.block) + " axis " + std::to_string(c.axis);
  return text;
}

static std::string describeDFP(const Config &c) {
  std::string text = "W = " + std::to_string(c.width) + ", headroom " +
                     std::to_string(c.headroom);
  if (c.block)
    text += ", block " + std::to_string(c.block) + " along axis " +
            std::to_string(c.axis);
  else
    text += ", per tensor";
  return text;
}

/// Inputs whose blocks have all kinds of largest magnitudes: normal values at
/// any scale, zeros, subnormals, infinities and NaN (ignored), exact powers
/// of two and FLT_MAX.
static std::vector<float> makeExponentInputs(const Config &c, Rng &rng) {
  const int64_t count = numElements(c.shape);
  const int64_t blocks = numElements(exponentShape(c.shape, c.block, c.axis));
  std::vector<int> kinds(blocks), scales(blocks);
  for (int64_t b = 0; b < blocks; ++b) {
    kinds[b] = (b + c.dataSeed) % 7;
    scales[b] = rng.uniform(-140, 128);
  }
  std::vector<float> x(count);
  for (int64_t i = 0; i < count; ++i) {
    int64_t b = blockIndex(c.shape, c.block, c.axis, i);
    int scale = scales[b];
    double sign = rng.uniform(0, 1) ? -1 : 1;
    double below = sign * std::ldexp(1 + rng.signedUnit() / 2, scale - 2);
    switch (kinds[b]) {
    case 0: // any normal values
      x[i] = below * std::ldexp(1.0, -rng.uniform(0, 12));
      break;
    case 1: // zeros
      x[i] = sign * 0.0;
      break;
    case 2: // subnormals
      x[i] = sign * std::ldexp(rng.uniform(0, (1 << 23) - 1), -149);
      break;
    case 3: // infinities and NaN next to small values
      x[i] = rng.uniform(0, 1)
                 ? bitsToFloat(rng.uniform(0, 1) ? 0xFF800000u : 0x7FC00000u)
                 : below;
      break;
    case 4: // exact powers of two
      x[i] = sign * std::ldexp(1.0, scale - rng.uniform(0, 3));
      break;
    case 5: // just below a power of two, and FLT_MAX
      x[i] = rng.uniform(0, 3) ? std::nextafter(std::ldexp(1.0f, scale), 0.0f)
                               : bitsToFloat(0x7F7FFFFFu);
      break;
    default: // only NaN and infinities: e = 0
      x[i] = bitsToFloat(rng.uniform(0, 1) ? 0x7F800000u : 0x7FC00001u);
      break;
    }
  }
  return x;
}

/// Exponents for `count` blocks, from small ones to the ends of the i32 range,
/// and ones that make f32 results subnormal, zero or infinite.
static std::vector<int64_t> makeExponents(int64_t count, int64_t width,
                                          Rng &rng) {
  const int64_t special[] = {0,          -1,           3,
                             -20,        -126 - width, -149 - width,
                             -149,       -150 - width, 128 - width,
                             127,        -300,         300,
                             INT32_MAX,  INT32_MIN,    -126,
                             126 - width};
  std::vector<int64_t> e(count);
  for (int64_t &v : e)
    v = rng.uniform(0, 1) ? special[rng.uniform(0, std::size(special) - 1)]
                          : rng.uniform(-40, 10);
  return e;
}

static TestCase buildSharedExponent(const Config &c) {
  TestCase t;
  Rng rng(c.dataSeed);
  std::vector<float> x = makeExponentInputs(c, rng);
  t.args = {floatArg(c.shape, x)};
  t.body = {"%result = fxp.shared_exponent %arg0" + sharedExponentAttrs(c) +
            " : $0 -> $R"};
  t.resultShape = exponentShape(c.shape, c.block, c.axis);
  t.resultElement = "i32";
  t.kind = ResultKind::Integer;
  for (int32_t e :
       ref::sharedExponents(x, c.shape, c.width, c.headroom, c.block, c.axis))
    t.expected.push_back(e);
  t.summary = "fxp.shared_exponent (" + describeDFP(c) + ")";
  return t;
}

/// Values for DFP blocks whose largest magnitudes lie around 2^scale (varying
/// from block to block), rich in ties at the mantissas' resolution; most
/// blocks hold a value just below a power of two or at the top tie.
static std::vector<float> makeDFPInputs(const Config &c,
                                        const std::vector<int64_t> &shape,
                                        int64_t block, unsigned axis,
                                        Rng &rng) {
  const int64_t count = numElements(shape);
  const int64_t blocks = numElements(exponentShape(shape, block, axis));
  const int w = c.width;
  std::vector<float> x(count);
  std::vector<bool> anchored(blocks);
  for (int64_t i = 0; i < count; ++i) {
    int64_t b = blockIndex(shape, block, axis, i);
    int s = c.scale + static_cast<int>((b * 5 + c.dataSeed) % 9) - 4;
    if (!anchored[b] && rng.uniform(0, 4)) {
      anchored[b] = true;
      double sign = rng.uniform(0, 1) ? -1 : 1;
      switch (rng.uniform(0, 3)) {
      case 0: // the top tie of the mantissas
        x[i] = sign * (std::ldexp(1.0, s) - std::ldexp(1.0, s - w));
        break;
      case 1: // the largest float below 2^s
        x[i] = sign * std::nextafter(std::ldexp(1.0f, s), 0.0f);
        break;
      case 2:
        x[i] = sign * std::ldexp(1.0, s - 1);
        break;
      default:
        x[i] = sign * std::ldexp(1.5 + rng.signedUnit() / 2, s - 1);
        break;
      }
      continue;
    }
    x[i] = makeDFPValue(rng, w, w - 1 - s + c.headroom, s);
  }
  return x;
}

static TestCase buildQuantizeDFP(const Config &c) {
  TestCase t;
  Rng rng(c.dataSeed);
  std::vector<float> x = makeDFPInputs(c, c.shape, c.block, c.axis, rng);
  std::vector<int32_t> e =
      ref::sharedExponents(x, c.shape, c.width, c.headroom, c.block, c.axis);
  if (c.anyExponents) {
    std::vector<int64_t> any = makeExponents(e.size(), c.width, rng);
    e.assign(any.begin(), any.end());
  }
  std::string dfp = dfpType(c, c.shape, c.width, c.block, c.axis);
  t.args = {floatArg(c.shape, x),
            intArg(exponentShape(c.shape, c.block, c.axis),
                   std::vector<int64_t>(e.begin(), e.end()))};
  t.usesSeed = c.isStochastic();
  t.body = {"%d = fxp.quantize_dfp %arg0, %arg1" + roundingAttrs(c, c.stream) +
                " : $0, $1 -> " + dfp,
            "%result = fxp.mantissas %d : " + dfp + " -> $R"};
  setFixedResult(t, c.shape, {c.width, 0});
  for (int64_t m :
       ref::quantizeDFP(x, c.shape, e, c.width, c.block, c.axis,
                        c.getRounding(), c.getOverflow(), c.seed, c.stream))
    t.expected.push_back(m);
  t.summary = "fxp.quantize_dfp (" + describeDFP(c) + "; " +
              describeRounding(c) +
              (c.anyExponents ? "; exponents up to the ends of i32" : "") + ")";
  return t;
}

static TestCase buildDequantizeDFP(const Config &c) {
  TestCase t;
  Rng rng(c.dataSeed);
  const int64_t count = numElements(c.shape);
  std::vector<int64_t> m = makeIntInputs(count, c.width, 0, rng);
  std::vector<int64_t> expShape = exponentShape(c.shape, c.block, c.axis);
  std::vector<int64_t> e = makeExponents(numElements(expShape), c.width, rng);
  std::string dfp = dfpType(c, c.shape, c.width, c.block, c.axis);
  t.args = {fixedArg(c.shape, {c.width, 0}, m), intArg(expShape, e)};
  t.body = {"%d = fxp.make_dfp %arg0, %arg1 : $0, $1 -> " + dfp,
            "%result = fxp.dequantize %d : " + dfp + " -> $R"};
  std::vector<float> expected;
  for (int64_t i = 0; i < count; ++i)
    expected.push_back(ref::scaleToFloat(
        m[i], static_cast<int>(e[blockIndex(c.shape, c.block, c.axis, i)])));
  setFloatResult(t, c.shape, expected);
  t.summary = "fxp.dequantize of a DFP tensor (" + describeDFP(c) + ")";
  return t;
}

//===----------------------------------------------------------------------===//
// Matmul
//===----------------------------------------------------------------------===//

/// Operands at their largest magnitudes, constant along k, so that every
/// chunk sum reaches +-chunk * max|a| * max|b|.
static std::vector<int64_t> adversarial(const Config &c, unsigned width,
                                        int64_t count, bool transposed,
                                        bool isB) {
  const int64_t hi = (int64_t(1) << (width - 1)) - 1;
  std::vector<int64_t> values = {-hi - 1, hi};
  if (c.symmetric)
    values = {-hi - 1, -hi, hi};
  const int64_t outer = isB ? c.n : c.m;
  std::vector<int64_t> result(count);
  for (int64_t i = 0; i < count; ++i) {
    int64_t batch = i / (outer * c.k);
    // The row of A or the column of B that element i belongs to.
    int64_t line = transposed != isB ? i % outer : i / c.k % outer;
    result[i] = values[(line * (isB ? 2 : 1) + batch) % values.size()];
  }
  return result;
}

static TestCase buildMatmul(const Config &c) {
  TestCase t;
  Rng rng(c.dataSeed);
  std::vector<int64_t> lead;
  if (c.batch)
    lead.push_back(c.batch);
  auto shapeOf = [&](int64_t rows, int64_t cols) {
    std::vector<int64_t> shape = lead;
    shape.push_back(rows);
    shape.push_back(cols);
    return shape;
  };
  std::vector<int64_t> shapeA =
      c.transposeA ? shapeOf(c.k, c.m) : shapeOf(c.m, c.k);
  std::vector<int64_t> shapeB =
      c.transposeB ? shapeOf(c.n, c.k) : shapeOf(c.k, c.n);
  const int64_t countA = numElements(shapeA), countB = numElements(shapeB);
  Format fa = c.in, fb = c.rhs;
  if (c.dfp)
    fa = fb = {c.width, 0};
  // SEMANTICS §6: refuse what the verifier rejects (the reference asserts).
  auto maxAbs = [&](Format f) {
    return (int64_t(1) << (f.width - 1)) - (c.symmetric ? 1 : 0);
  };
  int64_t safeChunk = INT32_MAX / (maxAbs(fa) * maxAbs(fb));
  if (c.saturating && safeChunk < 2)
    fail("a pair of products can overflow i32");
  if (!c.saturating && (c.chunk < 1 || c.chunk > safeChunk))
    fail("chunk " + std::to_string(c.chunk) + " can overflow i32");
  std::string accumulation =
      c.saturating ? "saturating" : "chunk " + std::to_string(c.chunk);

  // With --block, both DFP operands have blocks along k.
  const unsigned axisA = lead.size() + (c.transposeA ? 0 : 1);
  const unsigned axisB = lead.size() + (c.transposeB ? 1 : 0);
  std::string typeA = c.dfp ? dfpType(c, shapeA, c.width, c.block, axisA)
                            : tensorType(shapeA, fixedType(fa), c.dynamic);
  std::string typeB = c.dfp ? dfpType(c, shapeB, c.width, c.block, axisB)
                            : tensorType(shapeB, fixedType(fb), c.dynamic);
  std::vector<int64_t> expShapeA = exponentShape(shapeA, c.block, axisA);
  std::vector<int64_t> expShapeB = exponentShape(shapeB, c.block, axisB);
  std::string expTypeA = tensorType(expShapeA, "i32", c.dynamic);
  std::string expTypeB = tensorType(expShapeB, "i32", c.dynamic);
  std::vector<int64_t> a, b;
  std::vector<int32_t> ea = {0}, eb = {0}; // DFP exponents
  int exp2 = 0;                            // fixed point: -(Fa + Fb)
  if (c.fromFloat) {
    std::vector<float> xa, xb;
    if (c.dfp) {
      int frac = c.width - 1 - c.scale + c.headroom;
      xa = makeFloatInputs(countA, c.width, frac, rng, &c.scale);
      xb = makeFloatInputs(countB, c.width, frac, rng, &c.scale);
    } else {
      xa = makeFloatInputs(countA, fa.width, fa.frac, rng);
      xb = makeFloatInputs(countB, fb.width, fb.frac, rng);
    }
    t.args = {floatArg(shapeA, xa), floatArg(shapeB, xb)};
    t.usesSeed = c.isStochastic();
    if (c.dfp) {
      auto attrs = [&](unsigned axis) {
        Config operand = c;
        operand.axis = axis;
        return sharedExponentAttrs(operand);
      };
      t.body = {
          "%ea = fxp.shared_exponent %arg0" + attrs(axisA) + " : $0 -> " +
              expTypeA,
          "%a = fxp.quantize_dfp %arg0, %ea" + roundingAttrs(c, c.stream) +
              " : $0, " + expTypeA + " -> " + typeA,
          "%eb = fxp.shared_exponent %arg1" + attrs(axisB) + " : $1 -> " +
              expTypeB,
          "%b = fxp.quantize_dfp %arg1, %eb" + roundingAttrs(c, c.stream + 1) +
              " : $1, " + expTypeB + " -> " + typeB};
      ea =
          ref::sharedExponents(xa, shapeA, c.width, c.headroom, c.block, axisA);
      eb =
          ref::sharedExponents(xb, shapeB, c.width, c.headroom, c.block, axisB);
      a = ref::quantizeDFP(xa, shapeA, ea, c.width, c.block, axisA,
                           c.getRounding(), c.getOverflow(), c.seed, c.stream);
      b = ref::quantizeDFP(xb, shapeB, eb, c.width, c.block, axisB,
                           c.getRounding(), c.getOverflow(), c.seed,
                           c.stream + 1);
    } else {
      t.body = {"%a = fxp.quantize %arg0" + roundingAttrs(c, c.stream) +
                    " : $0 -> " + typeA,
                "%b = fxp.quantize %arg1" + roundingAttrs(c, c.stream + 1) +
                    " : $1 -> " + typeB};
      for (int64_t i = 0; i < countA; ++i)
        a.push_back(ref::quantize(xa[i], fa.width, fa.frac, c.getRounding(),
                                  c.getOverflow(), randomWord(c, c.stream, i)));
      for (int64_t i = 0; i < countB; ++i)
        b.push_back(ref::quantize(xb[i], fb.width, fb.frac, c.getRounding(),
                                  c.getOverflow(),
                                  randomWord(c, c.stream + 1, i)));
      exp2 = -(fa.frac + fb.frac);
    }
  } else {
    if (c.adversarial) {
      a = adversarial(c, fa.width, countA, c.transposeA, false);
      b = adversarial(c, fb.width, countB, c.transposeB, true);
    } else {
      a = makeIntInputs(countA, fa.width, 0, rng);
      b = makeIntInputs(countB, fb.width, 0, rng);
    }
    if (c.dfp) {
      auto randomExponents = [&](const std::vector<int64_t> &shape) {
        std::vector<int64_t> values(numElements(shape));
        for (int64_t &v : values)
          v = rng.uniform(-40, 10);
        return values;
      };
      std::vector<int64_t> rawA = randomExponents(expShapeA);
      std::vector<int64_t> rawB = randomExponents(expShapeB);
      ea.assign(rawA.begin(), rawA.end());
      eb.assign(rawB.begin(), rawB.end());
      t.args = {fixedArg(shapeA, fa, a), intArg(expShapeA, rawA),
                fixedArg(shapeB, fb, b), intArg(expShapeB, rawB)};
      t.body = {"%a = fxp.make_dfp %arg0, %arg1 : $0, $1 -> " + typeA,
                "%b = fxp.make_dfp %arg2, %arg3 : $2, $3 -> " + typeB};
    } else {
      t.args = {fixedArg(shapeA, fa, a), fixedArg(shapeB, fb, b)};
      t.body = {};
      exp2 = -(fa.frac + fb.frac);
    }
  }
  bool named = !t.body.empty();
  t.body.push_back("%result = fxp.matmul " +
                   std::string(named ? "%a, %b" : "%arg0, %arg1") + " " +
                   accumulation + (c.symmetric ? " symmetric" : "") +
                   (c.transposeA ? " transpose_a" : "") +
                   (c.transposeB ? " transpose_b" : "") + " : " + typeA + ", " +
                   typeB + " -> $R");

  // The reference, after the clamp that `symmetric` promises.
  if (c.symmetric) {
    for (int64_t &v : a)
      v = std::max(v, -maxAbs(fa));
    for (int64_t &v : b)
      v = std::max(v, -maxAbs(fb));
  }
  // Segments of the k axis over which both exponents are constant.
  const int64_t block = c.block ? c.block : c.k;
  std::vector<int> segmentExp2;
  std::vector<float> result;
  for (int64_t batch = 0; batch < std::max<int64_t>(c.batch, 1); ++batch)
    for (int64_t i = 0; i < c.m; ++i)
      for (int64_t j = 0; j < c.n; ++j) {
        int64_t firstA = batch * c.m * c.k + (c.transposeA ? i : i * c.k);
        int64_t firstB = batch * c.k * c.n + (c.transposeB ? j * c.k : j);
        size_t strideA = c.transposeA ? c.m : 1,
               strideB = c.transposeB ? 1 : c.n;
        segmentExp2.clear();
        for (int64_t kk = 0; kk < c.k; kk += block) {
          int64_t ia =
              blockIndex(shapeA, c.block, axisA, firstA + kk * strideA);
          int64_t ib =
              blockIndex(shapeB, c.block, axisB, firstB + kk * strideB);
          segmentExp2.push_back(exp2 + (c.dfp ? ea[ia] + eb[ib] : 0));
        }
        result.push_back(ref::blockedDot(
            a.data() + firstA, strideA, b.data() + firstB, strideB, c.k, block,
            segmentExp2.data(), c.chunk, c.saturating));
      }
  setFloatResult(t, shapeOf(c.m, c.n), result);

  std::string operands = c.dfp ? "DFP W = " + std::to_string(c.width)
                               : describe(fa) + " x " + describe(fb);
  t.summary =
      "fxp.matmul " + std::string(c.batch ? "batched " : "") + "[" +
      std::to_string(c.m) + " x " + std::to_string(c.k) + "] x [" +
      std::to_string(c.k) + " x " + std::to_string(c.n) + "], " + operands +
      ", " + accumulation + (c.adversarial ? ", adversarial operands" : "") +
      (c.fromFloat ? ", quantized in the kernel (" + describeRounding(c) + ")"
                   : "");
  return t;
}

TestCase mlir::fxp::testgen::buildTestCase(const Config &c) {
  switch (c.op) {
  case OpKind::Quantize:
    return buildQuantize(c);
  case OpKind::Dequantize:
    return buildDequantize(c);
  case OpKind::Rescale:
    return buildRescale(c);
  case OpKind::Saturate:
    return buildSaturate(c);
  case OpKind::FromStorage:
    return buildFromStorage(c);
  case OpKind::Add:
  case OpKind::Sub:
  case OpKind::Mul:
    return buildBinary(c);
  case OpKind::SharedExponent:
    return buildSharedExponent(c);
  case OpKind::QuantizeDFP:
    return buildQuantizeDFP(c);
  case OpKind::DequantizeDFP:
    return buildDequantizeDFP(c);
  case OpKind::Matmul:
    return buildMatmul(c);
  }
  fail("unknown op");
}
