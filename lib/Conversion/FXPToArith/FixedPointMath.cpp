//===- FixedPointMath.cpp - the numeric contract in arith -------*- C++ -*-===//

#include "FixedPointMath.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/IR/TypeUtilities.h"

#include <cmath>

using namespace mlir;
using namespace mlir::fxp;

bool mlir::fxp::isNearestRounding(RoundingMode rounding) {
  return rounding == RoundingMode::NearestEven ||
         rounding == RoundingMode::NearestUp ||
         rounding == RoundingMode::NearestAway;
}

Value mlir::fxp::createIntConstant(ImplicitLocOpBuilder &b, int64_t value,
                                   unsigned bits) {
  return arith::ConstantIntOp::create(b, b.getIntegerType(bits), value);
}

static Value i64(ImplicitLocOpBuilder &b, int64_t value) {
  return createIntConstant(b, value, 64);
}

static Value i32(ImplicitLocOpBuilder &b, int64_t value) {
  return createIntConstant(b, value, 32);
}

/// An integer constant of `v`'s type (splat for a vector).
static Value like(ImplicitLocOpBuilder &b, Value v, int64_t value) {
  Type element = getElementTypeOrSelf(v.getType());
  TypedAttr attr = b.getIntegerAttr(element, value);
  if (auto vector = dyn_cast<VectorType>(v.getType()))
    attr = DenseElementsAttr::get(vector, attr);
  return arith::ConstantOp::create(b, attr);
}

static Value clamp(ImplicitLocOpBuilder &b, Value v, Value lo, Value hi) {
  return arith::MaxSIOp::create(b, arith::MinSIOp::create(b, v, hi), lo);
}

static Value cmp(ImplicitLocOpBuilder &b, arith::CmpIPredicate pred, Value lhs,
                 Value rhs) {
  return arith::CmpIOp::create(b, pred, lhs, rhs);
}

//===----------------------------------------------------------------------===//
// §4 random bits
//===----------------------------------------------------------------------===//

static Value fmix32(ImplicitLocOpBuilder &b, Value x) {
  auto shiftXor = [&](Value v, int64_t amount) {
    return arith::XOrIOp::create(b, v,
                                 arith::ShRUIOp::create(b, v, i32(b, amount)));
  };
  x = shiftXor(x, 16);
  x = arith::MulIOp::create(b, x, i32(b, int32_t(0x85EBCA6Bu)));
  x = shiftXor(x, 13);
  x = arith::MulIOp::create(b, x, i32(b, int32_t(0xC2B2AE35u)));
  return shiftXor(x, 16);
}

static Value high32(ImplicitLocOpBuilder &b, Value v) {
  return arith::TruncIOp::create(b, b.getI32Type(),
                                 arith::ShRUIOp::create(b, v, i64(b, 32)));
}

static Value low32(ImplicitLocOpBuilder &b, Value v) {
  return arith::TruncIOp::create(b, b.getI32Type(), v);
}

Value mlir::fxp::emitStreamKey(ImplicitLocOpBuilder &b, Value seed,
                               uint32_t stream) {
  Value streamHash = fmix32(b, i32(b, int32_t(stream ^ 0x9E3779B9u)));
  Value inner =
      fmix32(b, arith::XOrIOp::create(b, high32(b, seed), streamHash));
  return fmix32(b, arith::XOrIOp::create(b, low32(b, seed), inner));
}

Value mlir::fxp::emitRandomBits(ImplicitLocOpBuilder &b, Value key,
                                Value index) {
  Value mixed = fmix32(b, arith::XOrIOp::create(b, low32(b, index), key));
  Value sum = arith::AddIOp::create(
      b, arith::AddIOp::create(b, mixed, high32(b, index)), key);
  return fmix32(b, sum);
}

//===----------------------------------------------------------------------===//
// §2 rounding and §3 overflow
//===----------------------------------------------------------------------===//

/// Keeps the low `width` bits of an i32 or i64, sign-extended.
static Value wrapTo(ImplicitLocOpBuilder &b, Value v, unsigned width) {
  Value amount = like(b, v, v.getType().getIntOrFloatBitWidth() - width);
  return arith::ShRSIOp::create(b, arith::ShLIOp::create(b, v, amount), amount);
}

static std::pair<int64_t, int64_t> saturationBounds(const RoundingConfig &c) {
  int64_t hi = (int64_t(1) << (c.width - 1)) - 1;
  int64_t lo = c.overflow == OverflowMode::SaturateSymmetric ? -hi : -hi - 1;
  return {lo, hi};
}

/// The rounding decision (an i1: add one to `n`) from n = floor(t), the
/// first 32 fractional bits `r` of t, and the random word.
static Value roundsUp(ImplicitLocOpBuilder &b, RoundingMode mode, Value n,
                      Value r, Value random) {
  using P = arith::CmpIPredicate;
  Value half = i32(b, int32_t(0x80000000u));
  Value negative = cmp(b, P::slt, n, like(b, n, 0));
  Value aboveHalf = cmp(b, P::ugt, r, half);
  Value isHalf = cmp(b, P::eq, r, half);
  switch (mode) {
  case RoundingMode::Floor:
    return createIntConstant(b, 0, 1);
  case RoundingMode::TowardZero:
    return arith::AndIOp::create(b, negative, cmp(b, P::ne, r, i32(b, 0)));
  case RoundingMode::NearestEven: {
    Value odd = arith::TruncIOp::create(b, b.getI1Type(), n);
    return arith::OrIOp::create(b, aboveHalf,
                                arith::AndIOp::create(b, isHalf, odd));
  }
  case RoundingMode::NearestAway: {
    Value positive = cmp(b, P::sge, n, like(b, n, 0));
    return arith::OrIOp::create(b, aboveHalf,
                                arith::AndIOp::create(b, isHalf, positive));
  }
  case RoundingMode::NearestUp:
    return cmp(b, P::uge, r, half);
  case RoundingMode::Biased:
    return arith::SelectOp::create(
        b, negative, cmp(b, P::ugt, r, i32(b, int32_t(0xC0000000u))),
        cmp(b, P::uge, r, i32(b, 0x40000000)));
  case RoundingMode::Stochastic:
    return cmp(b, P::ult, random, r);
  }
  llvm_unreachable("unknown rounding mode");
}

// The helpers below work on i64 or on i32 `q` and `shift` (same type). The
// i32 forms, which vectorize far better, give the same bits when |q| < 2^31
// and shift >= -31: a right shift by 31 or more then leaves the sign, as one
// by 63 does.

/// Right shift by `shift >= 0`: round, then handle overflow.
static Value roundRight(ImplicitLocOpBuilder &b, Value q, Value shift,
                        const RoundingConfig &config, Value random) {
  int64_t bits = q.getType().getIntOrFloatBitWidth();
  Value n = arith::ShRSIOp::create(
      b, q, clamp(b, shift, like(b, q, 0), like(b, q, bits - 1)));
  // r = bits [shift - 32, shift) of q: shifted up when shift <= 32, down
  // (arithmetically, so negative q brings its sign bits) when beyond.
  Value up = clamp(b, arith::SubIOp::create(b, like(b, q, 32), shift),
                   like(b, q, 0), like(b, q, 32));
  Value down = clamp(b, arith::SubIOp::create(b, shift, like(b, q, 32)),
                     like(b, q, 0), like(b, q, bits - 1));
  Value window = arith::ShRSIOp::create(
      b,
      arith::ShLIOp::create(
          b, q, arith::MinSIOp::create(b, up, like(b, q, bits - 1))),
      down);
  // An i32 shifted up by 32 keeps none of its bits.
  if (bits == 32)
    window = arith::SelectOp::create(
        b, cmp(b, arith::CmpIPredicate::eq, up, like(b, q, 32)), like(b, q, 0),
        window);
  Value r = bits == 32 ? window : low32(b, window);
  Value inc = roundsUp(b, config.rounding, n, r, random);
  Value v =
      arith::AddIOp::create(b, n, arith::ExtUIOp::create(b, q.getType(), inc));
  if (config.overflow == OverflowMode::Wrap)
    return wrapTo(b, v, config.width);
  auto [lo, hi] = saturationBounds(config);
  return clamp(b, v, like(b, q, lo), like(b, q, hi));
}

/// Left shift by `-shift > 0`: exact, then handle overflow without ever
/// shifting bits out of the integer.
static Value shiftLeft(ImplicitLocOpBuilder &b, Value q, Value shift,
                       const RoundingConfig &config) {
  int64_t bits = q.getType().getIntOrFloatBitWidth();
  Value amount = clamp(b, arith::SubIOp::create(b, like(b, q, 0), shift),
                       like(b, q, 0), like(b, q, bits - 1));
  Value shifted = arith::ShLIOp::create(b, q, amount);
  // With W <= 32, shifting by 63 leaves no low bits: wrap gives 0, as it must.
  if (config.overflow == OverflowMode::Wrap)
    return wrapTo(b, shifted, config.width);
  auto [lo, hi] = saturationBounds(config);
  // q overflows exactly when it lies outside [ceil(lo/2^d), floor(hi/2^d)].
  // The bounds are non-negative (-lo = 2^31 only as an unsigned i32).
  Value maxQ = arith::ShRUIOp::create(b, like(b, q, hi), amount);
  Value minQ = arith::SubIOp::create(
      b, like(b, q, 0), arith::ShRUIOp::create(b, like(b, q, -lo), amount));
  using P = arith::CmpIPredicate;
  Value result = arith::SelectOp::create(b, cmp(b, P::slt, q, minQ),
                                         like(b, q, lo), shifted);
  return arith::SelectOp::create(b, cmp(b, P::sgt, q, maxQ), like(b, q, hi),
                                 result);
}

Value mlir::fxp::emitRoundShifted(ImplicitLocOpBuilder &b, Value q, Value shift,
                                  const RoundingConfig &config, Value random) {
  // A constant shift needs one path only.
  if (std::optional<int64_t> constant = getConstantIntValue(shift))
    return *constant >= 0 ? roundRight(b, q, shift, config, random)
                          : shiftLeft(b, q, shift, config);
  Value right = roundRight(b, q, shift, config, random);
  Value left = shiftLeft(b, q, shift, config);
  return arith::SelectOp::create(
      b, cmp(b, arith::CmpIPredicate::slt, shift, like(b, shift, 0)), left,
      right);
}

/// `type` with the element type `element` (a vector's shape kept).
static Type withElementType(Type type, Type element) {
  if (auto vector = dyn_cast<VectorType>(type))
    return vector.clone(element);
  return element;
}

/// An f32 constant of `v`'s type (splat for a vector).
static Value f32Like(ImplicitLocOpBuilder &b, Value v, double value) {
  TypedAttr attr = b.getF32FloatAttr(value);
  if (auto vector = dyn_cast<VectorType>(v.getType()))
    attr = DenseElementsAttr::get(vector, attr);
  return arith::ConstantOp::create(b, attr);
}

/// The float-path result: `rounded` (an integer in the saturation range of
/// `width` bits) as an i64, or 0 where the input `x` is NaN. NaN is replaced
/// while still a float and the conversion goes to the narrowest of i8, i16
/// and i32 that holds the range, so that vectorized code converts and
/// narrows lanes without per-lane fix-ups (cvttps2dq + packssdw on x86).
static Value toInteger(ImplicitLocOpBuilder &b, Value rounded, Value x,
                       unsigned width) {
  Value isNaN = arith::CmpFOp::create(b, arith::CmpFPredicate::UNO, x, x);
  Value finite =
      arith::SelectOp::create(b, isNaN, f32Like(b, rounded, 0.0), rounded);
  unsigned bits = width <= 8 ? 8 : width <= 16 ? 16 : 32;
  Type type = rounded.getType();
  return arith::ExtSIOp::create(
      b, withElementType(type, b.getI64Type()),
      arith::FPToSIOp::create(b, withElementType(type, b.getIntegerType(bits)),
                              finite));
}

/// t = x * 2^frac in f32, as two multiplications by normal powers of two
/// (beyond [-252, 254] nothing changes), lane by lane for vectors. t is exact
/// wherever |t| >= 2^-126: only a product below that (the first one's when
/// the second scales down further) can round.
static Value scaleByPowerOfTwo(ImplicitLocOpBuilder &b, Value x, Value frac) {
  Value clamped = clamp(b, frac, like(b, frac, -252), like(b, frac, 254));
  Value first = clamp(b, clamped, like(b, frac, -126), like(b, frac, 127));
  Value second = arith::SubIOp::create(b, clamped, first);
  auto power = [&](Value e) {
    Value biased =
        arith::TruncIOp::create(b, withElementType(e.getType(), b.getI32Type()),
                                arith::AddIOp::create(b, e, like(b, e, 127)));
    Value bits = arith::ShLIOp::create(b, biased, like(b, biased, 23));
    return arith::BitcastOp::create(b, x.getType(), bits);
  };
  return arith::MulFOp::create(b, arith::MulFOp::create(b, x, power(first)),
                               power(second));
}

/// Clamps a float to `config`'s saturation range.
static Value clampToRange(ImplicitLocOpBuilder &b, Value t,
                          const RoundingConfig &config) {
  auto [lo, hi] = saturationBounds(config);
  return arith::MinNumFOp::create(
      b, arith::MaxNumFOp::create(b, t, f32Like(b, t, double(lo))),
      f32Like(b, t, double(hi)));
}

/// Round-to-nearest quantization of a float into at most 24 bits, in f32
/// arithmetic: t = x * 2^frac is exact unless it leaves f32's range, where
/// |t| is either beyond any 24-bit range (it saturates either way) or below
/// 2^-126 (it rounds to 0 either way). Each nearest mode then rounds exactly
/// (below); NaN gives 0.
static Value emitQuantizeNearest(ImplicitLocOpBuilder &b, Value x, Value frac,
                                 const RoundingConfig &config) {
  Value t = clampToRange(b, scaleByPowerOfTwo(b, x, frac), config);
  // floor(t) plus one when the fraction t - floor(t) reaches 1/2. The
  // subtraction is exact but for t in (-1/2, 0), where it may round up, but
  // not below 1/2, as the exact fraction is not either (t + 1/2 would round
  // across it).
  auto roundHalfUp = [&](Value v) -> Value {
    Value down = math::FloorOp::create(b, v);
    Value up = arith::CmpFOp::create(b, arith::CmpFPredicate::OGE,
                                     arith::SubFOp::create(b, v, down),
                                     f32Like(b, v, 0.5));
    return arith::SelectOp::create(
        b, up, arith::AddFOp::create(b, down, f32Like(b, v, 1.0)), down);
  };
  Value rounded;
  switch (config.rounding) {
  case RoundingMode::NearestEven:
    rounded = math::RoundEvenOp::create(b, t);
    break;
  case RoundingMode::NearestUp:
    rounded = roundHalfUp(t);
    break;
  case RoundingMode::NearestAway:
    rounded =
        math::CopySignOp::create(b, roundHalfUp(math::AbsFOp::create(b, t)), t);
    break;
  default:
    llvm_unreachable("not a nearest rounding mode");
  }
  return toInteger(b, rounded, x, config.width);
}

/// Stochastic quantization of a float into W <= 24 bits, in f32 arithmetic.
/// t is clamped to the saturation range [lo, hi] first (where the result
/// saturates either way; rounding up from n <= hi - 1 then stays in range).
/// With p = 32 - W, A = floor(t * 2^p) fits an i32 (|A| <= 2^31), so
/// n = floor(t) = A >> p, and A's low p bits are t's first p fractional
/// bits. The next W are v = floor(t * 2^32) - A * 2^W: both floors and the
/// product are exact, and so is their difference, an integer in [0, 2^W).
/// So r = (A << W) | v. A negative x whose t rounded to -0.0 (its scaling
/// underflowed) must keep n = -1 and r = 2^32 - 1: its t becomes -2^-33, as
/// every t in [-2^-32, 0) gives those.
static Value emitQuantizeStochastic(ImplicitLocOpBuilder &b, Value x,
                                    Value frac, const RoundingConfig &config,
                                    Value random) {
  // NaN becomes 0 (t = 0 never rounds up) before it could saturate.
  Value isNaN = arith::CmpFOp::create(b, arith::CmpFPredicate::UNO, x, x);
  x = arith::SelectOp::create(b, isNaN, f32Like(b, x, 0.0), x);
  Value t = clampToRange(b, scaleByPowerOfTwo(b, x, frac), config);
  Value negative = arith::CmpFOp::create(b, arith::CmpFPredicate::OLT, x,
                                         f32Like(b, x, 0.0));
  t = arith::SelectOp::create(
      b, negative, arith::MinNumFOp::create(b, t, f32Like(b, t, -0x1p-33)), t);
  unsigned width = config.width, fractionBits = 32 - width;
  auto floorOfScaled = [&](unsigned bits) -> Value {
    return math::FloorOp::create(
        b, arith::MulFOp::create(b, t, f32Like(b, t, std::ldexp(1.0, bits))));
  };
  Value coarse = floorOfScaled(fractionBits), fine = floorOfScaled(32);
  Value rest = arith::SubFOp::create(
      b, fine,
      arith::MulFOp::create(b, coarse,
                            f32Like(b, coarse, std::ldexp(1.0, width))));
  Value coarseInt = arith::FPToSIOp::create(b, b.getI32Type(), coarse);
  Value r = arith::OrIOp::create(
      b, arith::ShLIOp::create(b, coarseInt, i32(b, width)),
      arith::FPToSIOp::create(b, b.getI32Type(), rest));
  Value n = arith::ShRSIOp::create(b, coarseInt, i32(b, fractionBits));
  // §2: up when k < r.
  Value up = cmp(b, arith::CmpIPredicate::ult, random, r);
  Value rounded = arith::AddIOp::create(
      b, n, arith::ExtUIOp::create(b, b.getI32Type(), up));
  return arith::ExtSIOp::create(b, b.getI64Type(), rounded);
}

Value mlir::fxp::emitQuantizeFloat(ImplicitLocOpBuilder &b, Value x, Value frac,
                                   const RoundingConfig &config, Value random) {
  assert(config.overflow != OverflowMode::Wrap &&
         "the verifiers let floats quantize with saturation only");
  bool nearest = isNearestRounding(config.rounding);
  assert((!isa<VectorType>(x.getType()) || (nearest && config.width <= 24)) &&
         "only round-to-nearest into at most 24 bits works on vectors");
  if (nearest && config.width <= 24)
    return emitQuantizeNearest(b, x, frac, config);
  if (config.rounding == RoundingMode::Stochastic && config.width <= 24)
    return emitQuantizeStochastic(b, x, frac, config, random);
  using P = arith::CmpIPredicate;
  // x = +-significand * 2^(max(e, 1) - 150), subnormals included.
  Value bits = arith::BitcastOp::create(b, b.getI32Type(), x);
  Value exponent = arith::AndIOp::create(
      b, arith::ShRUIOp::create(b, bits, i32(b, 23)), i32(b, 0xFF));
  Value mantissa = arith::AndIOp::create(b, bits, i32(b, 0x7FFFFF));
  Value isSubnormal = cmp(b, P::eq, exponent, i32(b, 0));
  Value significand = arith::SelectOp::create(
      b, isSubnormal, mantissa,
      arith::OrIOp::create(b, mantissa, i32(b, 0x800000)));
  Value isSpecial = cmp(b, P::eq, exponent, i32(b, 0xFF));
  Value isNaN =
      arith::AndIOp::create(b, isSpecial, cmp(b, P::ne, mantissa, i32(b, 0)));
  Value isInfinity =
      arith::AndIOp::create(b, isSpecial, cmp(b, P::eq, mantissa, i32(b, 0)));
  // Everything from here is i32: |q| < 2^24 (see roundRight).
  Value q = arith::SelectOp::create(
      b, cmp(b, P::slt, bits, i32(b, 0)),
      arith::SubIOp::create(b, i32(b, 0), significand), significand);
  // NaN becomes 0.
  q = arith::SelectOp::create(b, isNaN, i32(b, 0), q);
  Value biased = arith::MaxUIOp::create(b, exponent, i32(b, 1));
  // t = q * 2^(biased - 150 + frac), so the right shift is 150 - biased - frac.
  // Beyond +-512, frac changes nothing: every shift then passes the i32's
  // width (t rounds to 0 or -1, or saturates), so it may be clamped.
  Value frac32 = arith::TruncIOp::create(
      b, b.getI32Type(), clamp(b, frac, i64(b, -512), i64(b, 512)));
  Value shift = arith::SubIOp::create(
      b, arith::SubIOp::create(b, i32(b, 150), biased), frac32);
  Value rounded = emitRoundShifted(b, q, shift, config, random);
  // An infinity saturates whatever `frac` is: a large DFP exponent (a very
  // negative `frac`) would otherwise round its 2^128 * 2^frac like a number.
  auto [lo, hi] = saturationBounds(config);
  Value infinity = arith::SelectOp::create(b, cmp(b, P::slt, bits, i32(b, 0)),
                                           i32(b, lo), i32(b, hi));
  return arith::ExtSIOp::create(
      b, b.getI64Type(),
      arith::SelectOp::create(b, isInfinity, infinity, rounded));
}

//===----------------------------------------------------------------------===//
// Dequantization and §5 exponents
//===----------------------------------------------------------------------===//

Value mlir::fxp::emitScaleToFloat(ImplicitLocOpBuilder &b, Value value,
                                  Value exp2) {
  // An f32 sum of integers, and an integer of at most 24 bits (converted to
  // f32 exactly), is 0 or has |v| >= 1, so its first scaling by a normal
  // power of two (see scaleByPowerOfTwo) is exact: only the second rounds.
  // When that one scales down further (2^-126 times at most 2^-126), the
  // exact product is below 2^-150 and rounds to zero either way, as
  // |v| < 2^102.
  Type element = getElementTypeOrSelf(value.getType());
  Type f32 = withElementType(value.getType(), b.getF32Type());
  if (element.isF32())
    return scaleByPowerOfTwo(b, value, exp2);
  if (isa<IntegerType>(element) && element.getIntOrFloatBitWidth() <= 24)
    return scaleByPowerOfTwo(b, arith::SIToFPOp::create(b, f32, value), exp2);
  // Both factors are exact in f64 and so is their product (a power of two
  // times at most 53 bits) unless it leaves f64's range, where the f32
  // result is 0 or infinity anyway: only the final truncation rounds.
  // Beyond f64's normal range the results are 0 or infinity anyway, so
  // clamping the exponent changes nothing.
  Value clamped = clamp(b, exp2, like(b, exp2, -1022), like(b, exp2, 1023));
  Value bits = arith::ShLIOp::create(
      b, arith::AddIOp::create(b, clamped, like(b, exp2, 1023)),
      like(b, exp2, 52));
  Type f64 = withElementType(value.getType(), b.getF64Type());
  Value power = arith::BitcastOp::create(b, f64, bits);
  Value wide = isa<FloatType>(element)
                   ? Value(arith::ExtFOp::create(b, f64, value))
                   : Value(arith::SIToFPOp::create(b, f64, value));
  return arith::TruncFOp::create(b, f32, arith::MulFOp::create(b, wide, power));
}

Value mlir::fxp::emitSaturatingAdd(ImplicitLocOpBuilder &b, Value acc,
                                   Value addend) {
  auto constant = [&](int32_t value) { return like(b, acc, value); };
  // The wrapped sum overflowed when it has neither operand's sign; the
  // exact sum then lies beyond the end that acc's sign points to.
  Value sum = arith::AddIOp::create(b, acc, addend);
  Value signs = arith::AndIOp::create(b, arith::XOrIOp::create(b, acc, sum),
                                      arith::XOrIOp::create(b, addend, sum));
  Value overflowed =
      arith::CmpIOp::create(b, arith::CmpIPredicate::slt, signs, constant(0));
  Value bound = arith::XOrIOp::create(
      b, arith::ShRSIOp::create(b, acc, constant(31)), constant(INT32_MAX));
  return arith::SelectOp::create(b, overflowed, bound, sum);
}

Value mlir::fxp::emitMagnitudeBits(ImplicitLocOpBuilder &b, Value x) {
  Type i32Type = b.getI32Type();
  if (auto vector = dyn_cast<VectorType>(x.getType()))
    i32Type = vector.clone(i32Type);
  Value raw = arith::BitcastOp::create(b, i32Type, x);
  Value bits = arith::AndIOp::create(b, raw, like(b, raw, 0x7FFFFFFF));
  Value finite =
      cmp(b, arith::CmpIPredicate::ult, bits, like(b, bits, 0x7F800000));
  return arith::SelectOp::create(b, finite, bits, like(b, bits, 0));
}

Value mlir::fxp::emitSharedExponent(ImplicitLocOpBuilder &b, Value maxBits,
                                    unsigned width, int64_t headroom) {
  using P = arith::CmpIPredicate;
  // E(M): M < 2^(e - 126) for a normal M with biased exponent e; a subnormal
  // M = m * 2^-149 is below 2^(bitwidth(m) - 149).
  Value biased = arith::ShRUIOp::create(b, maxBits, i32(b, 23));
  Value normal = arith::SubIOp::create(b, biased, i32(b, 126));
  Value bitWidth = arith::SubIOp::create(
      b, i32(b, 32), math::CountLeadingZerosOp::create(b, maxBits));
  Value subnormal = arith::SubIOp::create(b, bitWidth, i32(b, 149));
  Value e = arith::SelectOp::create(b, cmp(b, P::eq, biased, i32(b, 0)),
                                    subnormal, normal);
  e = arith::AddIOp::create(b, e, i32(b, headroom - int64_t(width - 1)));
  return arith::SelectOp::create(b, cmp(b, P::eq, maxBits, i32(b, 0)),
                                 i32(b, 0), e);
}
