//===- FixedPointMath.h - the numeric contract in arith ---------*- C++ -*-===//
//
// Emits, with scalar integer arith, each step of docs/Semantics.md. The same
// helpers serve scalars and the bodies of linalg.generic ops, and are
// branch-free so that vectorizers can widen them.
//
//===----------------------------------------------------------------------===//

#ifndef FXP_LIB_CONVERSION_FXPTOARITH_FIXEDPOINTMATH_H
#define FXP_LIB_CONVERSION_FXPTOARITH_FIXEDPOINTMATH_H

#include "fxp/Dialect/FXP/IR/FXPAttrs.h"
#include "mlir/IR/ImplicitLocOpBuilder.h"

namespace mlir::fxp {

/// How a rounding op brings an exact value into `width` bits.
struct RoundingConfig {
  RoundingMode rounding;
  OverflowMode overflow;
  unsigned width;
};

/// Whether `rounding` is one of the round-to-nearest modes.
bool isNearestRounding(RoundingMode rounding);

/// An integer constant of type `iN`.
Value createIntConstant(ImplicitLocOpBuilder &b, int64_t value, unsigned bits);

/// §4: the key of `stream` under a runtime `i64` seed (an `i32`).
Value emitStreamKey(ImplicitLocOpBuilder &b, Value seed, uint32_t stream);
/// §4: the 32 random bits (`i32`) of element `index` (`i64`).
Value emitRandomBits(ImplicitLocOpBuilder &b, Value key, Value index);

/// §2 and §3: rounds `t = q * 2^-shift` (`q`, `shift` are `i64`; the shift
/// may be negative or beyond 64) and brings it into range. `random` is the
/// `i32` random word, used only by stochastic rounding. Returns an `i64`.
/// Both may be `i32` instead (and so is the result) when the rounding's
/// width is at most 32, `|q| < 2^31` and `shift >= -31`: the same bits.
Value emitRoundShifted(ImplicitLocOpBuilder &b, Value q, Value shift,
                       const RoundingConfig &config, Value random);

/// §2: rounds `x * 2^frac` for an `f32` x and an `i64` `frac`; NaN gives 0 and
/// infinities saturate. Returns an `i64`. The nearest modes into at most 24
/// bits also work lane by lane on a vector of f32 and a vector of i64 `frac`
/// (and return a vector of i64).
Value emitQuantizeFloat(ImplicitLocOpBuilder &b, Value x, Value frac,
                        const RoundingConfig &config, Value random);

/// `value * 2^exp2` rounded once to f32, for an `i64` exponent and an integer
/// value (up to `i64`), or an f32 one that holds an integer below 2^102 in
/// magnitude (a contraction's sum); lane by lane for vectors. f32 arithmetic
/// for f32 values and integers of up to 24 bits, f64 beyond.
Value emitScaleToFloat(ImplicitLocOpBuilder &b, Value value, Value exp2);

/// `acc + addend` clamped to the i32 range, for `i32` scalars or vectors:
/// one step of a saturating accumulation (vpdpwssds, vpaddsd).
Value emitSaturatingAdd(ImplicitLocOpBuilder &b, Value acc, Value addend);

/// §5: the bits of `|x|` for an f32 x (an `i32`), or 0 for NaN and infinity;
/// their unsigned maximum is the bits of the largest finite magnitude. Works
/// lane by lane on vectors of f32 too.
Value emitMagnitudeBits(ImplicitLocOpBuilder &b, Value x);

/// §5: the shared exponent (`i32`) of a block whose largest magnitude has the
/// bits `maxBits`.
Value emitSharedExponent(ImplicitLocOpBuilder &b, Value maxBits, unsigned width,
                         int64_t headroom);

} // namespace mlir::fxp

#endif // FXP_LIB_CONVERSION_FXPTOARITH_FIXEDPOINTMATH_H
