//===- FXPFolds.cpp - fxp folders -------------------------------*- C++ -*-===//
//
// Folds compute constants with the reference model, so a folded value has
// exactly the bits that the lowered code would compute at run time.
//
//===----------------------------------------------------------------------===//

#include "fxp/Dialect/FXP/IR/FXPOps.h"
#include "fxp/Reference/Reference.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Matchers.h"
#include "mlir/IR/TypeUtilities.h"

using namespace mlir;
using namespace mlir::fxp;

static ref::Rounding toReference(RoundingMode mode) {
  switch (mode) {
  case RoundingMode::Floor:
    return ref::Rounding::Floor;
  case RoundingMode::TowardZero:
    return ref::Rounding::TowardZero;
  case RoundingMode::NearestEven:
    return ref::Rounding::NearestEven;
  case RoundingMode::NearestAway:
    return ref::Rounding::NearestAway;
  case RoundingMode::NearestUp:
    return ref::Rounding::NearestUp;
  case RoundingMode::Biased:
    return ref::Rounding::Biased;
  case RoundingMode::Stochastic:
    return ref::Rounding::Stochastic;
  }
  llvm_unreachable("unknown rounding mode");
}

static ref::Overflow toReference(OverflowMode mode) {
  switch (mode) {
  case OverflowMode::Saturate:
    return ref::Overflow::Saturate;
  case OverflowMode::SaturateSymmetric:
    return ref::Overflow::SaturateSymmetric;
  case OverflowMode::Wrap:
    return ref::Overflow::Wrap;
  }
  llvm_unreachable("unknown overflow mode");
}

namespace {
/// The random words of a rounding op whose seed (if any) is constant.
struct RandomSource {
  std::optional<uint32_t> key; // unset for deterministic rounding
  uint32_t operator()(uint64_t index) const {
    return key ? ref::randomBits(*key, index) : 0;
  }
};
} // namespace

/// The random source of `op`, or nothing when its seed is not a constant.
template <typename OpTy>
static std::optional<RandomSource> getRandomSource(OpTy op,
                                                   Attribute seedAttr) {
  if (!op.isStochastic())
    return RandomSource{};
  auto seed = dyn_cast_or_null<IntegerAttr>(seedAttr);
  if (!seed)
    return std::nullopt;
  return RandomSource{ref::streamKey(seed.getValue().getZExtValue(),
                                     static_cast<uint32_t>(*op.getStream()))};
}

/// The integers of a constant scalar or tensor, sign-extended.
static std::optional<SmallVector<int64_t>> getIntegers(Attribute attr) {
  if (auto integer = dyn_cast_or_null<IntegerAttr>(attr))
    return SmallVector<int64_t>{integer.getValue().getSExtValue()};
  auto dense = dyn_cast_or_null<DenseIntElementsAttr>(attr);
  if (!dense)
    return std::nullopt;
  SmallVector<int64_t> values;
  for (const APInt &v : dense.getValues<APInt>())
    values.push_back(v.getSExtValue());
  return values;
}

static std::optional<SmallVector<float>> getFloats(Attribute attr) {
  if (auto scalar = dyn_cast_or_null<FloatAttr>(attr))
    return SmallVector<float>{scalar.getValue().convertToFloat()};
  auto dense = dyn_cast_or_null<DenseFPElementsAttr>(attr);
  if (!dense)
    return std::nullopt;
  return llvm::to_vector(dense.getValues<float>());
}

/// Builds the storage attribute of a fixed-point scalar or tensor type.
static TypedAttr makeFixedAttr(Type type, ArrayRef<int64_t> values) {
  IntegerType storage = getFixedElementType(type).getStorageType();
  auto toAPInt = [&](int64_t v) {
    return APInt(storage.getWidth(), v, /*isSigned=*/true);
  };
  auto shaped = dyn_cast<ShapedType>(type);
  if (!shaped)
    return IntegerAttr::get(storage, toAPInt(values.front()));
  SmallVector<APInt> ints = llvm::map_to_vector(values, toAPInt);
  return DenseIntElementsAttr::get(
      RankedTensorType::get(shaped.getShape(), storage), ints);
}

static TypedAttr makeFloatAttr(Type type, ArrayRef<float> values) {
  if (auto shaped = dyn_cast<ShapedType>(type))
    return DenseFPElementsAttr::get(shaped, values);
  return FloatAttr::get(type, values.front());
}

/// Tensors with dynamic shapes have no dense constant.
static bool hasStaticShape(Type type) {
  auto shaped = dyn_cast<ShapedType>(type);
  return !shaped || shaped.hasStaticShape();
}

//===----------------------------------------------------------------------===//

OpFoldResult ConstantOp::fold(FoldAdaptor) { return getValue(); }

OpFoldResult ToStorageOp::fold(FoldAdaptor adaptor) {
  if (auto from = getInput().getDefiningOp<FromStorageOp>())
    if (getFixedElementType(from.getType()).getWidth() ==
        getElementTypeOrSelf(getType()).getIntOrFloatBitWidth())
      return from.getInput();
  // The constant's attribute already holds the storage integers.
  return adaptor.getInput();
}

OpFoldResult FromStorageOp::fold(FoldAdaptor adaptor) {
  if (auto to = getInput().getDefiningOp<ToStorageOp>())
    if (to.getInput().getType() == getType())
      return to.getInput();
  auto ints = getIntegers(adaptor.getInput());
  if (!ints || !hasStaticShape(getType()))
    return {};
  unsigned width = getFixedElementType(getType()).getWidth();
  SmallVector<int64_t> values = llvm::map_to_vector(*ints, [&](int64_t q) {
    return ref::handleOverflow(q, width, ref::Overflow::Wrap);
  });
  return makeFixedAttr(getType(), values);
}

OpFoldResult QuantizeOp::fold(FoldAdaptor adaptor) {
  FixedType fixed = getFixedElementType(getType());
  // quantize(dequantize(q)) is q when dequantizing was exact (W <= 25):
  // an exact value rounds to itself in every mode, and only a symmetric
  // saturation changes a value in range (qmin).
  if (auto dequantize = getInput().getDefiningOp<DequantizeOp>())
    if (dequantize.getInput().getType() == getType() &&
        fixed.getWidth() <= 25 &&
        getOverflow() != OverflowMode::SaturateSymmetric)
      return dequantize.getInput();

  auto floats = getFloats(adaptor.getInput());
  auto random = getRandomSource(*this, adaptor.getSeed());
  if (!floats || !random || !hasStaticShape(getType()))
    return {};
  SmallVector<int64_t> values;
  for (auto [index, x] : llvm::enumerate(*floats))
    values.push_back(ref::quantize(
        x, fixed.getWidth(), fixed.getFrac(), toReference(getRounding()),
        toReference(getOverflow()), (*random)(index)));
  return makeFixedAttr(getType(), values);
}

OpFoldResult DequantizeOp::fold(FoldAdaptor adaptor) {
  FixedType fixed = getFixedElementType(getInput().getType());
  auto ints = getIntegers(adaptor.getInput());
  if (!fixed || !ints || !hasStaticShape(getType()))
    return {};
  SmallVector<float> values = llvm::map_to_vector(
      *ints, [&](int64_t q) { return ref::scaleToFloat(q, -fixed.getFrac()); });
  return makeFloatAttr(getType(), values);
}

/// Whether `op` returns every input value unchanged: `to` represents every
/// value of `from`, and a symmetric saturation cannot meet `to`'s qmin (the
/// least value of `from` is above it when `to` has more integer bits).
static bool isExactRescale(RescaleOp op) {
  FixedType from = getFixedElementType(op.getInput().getType());
  FixedType to = getFixedElementType(op.getType());
  int fromIntegerBits = int(from.getWidth()) - from.getFrac();
  int toIntegerBits = int(to.getWidth()) - to.getFrac();
  if (op.getOverflow() == OverflowMode::SaturateSymmetric &&
      toIntegerBits == fromIntegerBits)
    return false;
  return to.getFrac() >= from.getFrac() && toIntegerBits >= fromIntegerBits;
}

OpFoldResult RescaleOp::fold(FoldAdaptor adaptor) {
  FixedType from = getFixedElementType(getInput().getType());
  FixedType to = getFixedElementType(getType());
  if (getInput().getType() == getType() && isExactRescale(*this))
    return getInput();
  // rescale(rescale(x)) rounds once when the inner one is exact, unless the
  // outer one's modes would have no effect (be invalid) on x's type.
  if (auto inner = getInput().getDefiningOp<RescaleOp>()) {
    FixedType source = getFixedElementType(inner.getInput().getType());
    if (isExactRescale(inner) &&
        getRescaleModeError(source, to, getRounding(), getOverflow()).empty()) {
      getInputMutable().assign(inner.getInput());
      return getResult();
    }
  }
  auto ints = getIntegers(adaptor.getInput());
  auto random = getRandomSource(*this, adaptor.getSeed());
  if (!ints || !random || !hasStaticShape(getType()))
    return {};
  SmallVector<int64_t> values;
  for (auto [index, q] : llvm::enumerate(*ints))
    values.push_back(ref::rescale(q, from.getFrac(), to.getWidth(),
                                  to.getFrac(), toReference(getRounding()),
                                  toReference(getOverflow()),
                                  (*random)(index)));
  return makeFixedAttr(getType(), values);
}

OpFoldResult SaturateOp::fold(FoldAdaptor adaptor) {
  if (getInput().getType() == getType() && !getSymmetric())
    return getInput();
  auto ints = getIntegers(adaptor.getInput());
  if (!ints || !hasStaticShape(getType()))
    return {};
  unsigned width = getFixedElementType(getType()).getWidth();
  ref::Overflow mode = getSymmetric() ? ref::Overflow::SaturateSymmetric
                                      : ref::Overflow::Saturate;
  SmallVector<int64_t> values = llvm::map_to_vector(
      *ints, [&](int64_t q) { return ref::handleOverflow(q, width, mode); });
  return makeFixedAttr(getType(), values);
}

/// Folds a binary op on two constants with the reference function `compute`.
template <typename OpTy, typename Compute>
static OpFoldResult foldBinary(OpTy op, Attribute lhsAttr, Attribute rhsAttr,
                               Attribute seedAttr, Compute compute) {
  auto lhs = getIntegers(lhsAttr), rhs = getIntegers(rhsAttr);
  auto random = getRandomSource(op, seedAttr);
  if (!lhs || !rhs || !random || !hasStaticShape(op.getType()))
    return {};
  FixedType a = getFixedElementType(op.getLhs().getType());
  FixedType b = getFixedElementType(op.getRhs().getType());
  FixedType out = getFixedElementType(op.getType());
  SmallVector<int64_t> values;
  for (size_t i = 0, e = lhs->size(); i != e; ++i)
    values.push_back(compute((*lhs)[i], a.getFrac(), (*rhs)[i], b.getFrac(),
                             out.getWidth(), out.getFrac(),
                             toReference(op.getRounding()),
                             toReference(op.getOverflow()), (*random)(i)));
  return makeFixedAttr(op.getType(), values);
}

OpFoldResult AddOp::fold(FoldAdaptor adaptor) {
  return foldBinary(*this, adaptor.getLhs(), adaptor.getRhs(),
                    adaptor.getSeed(), ref::add);
}

OpFoldResult SubOp::fold(FoldAdaptor adaptor) {
  return foldBinary(*this, adaptor.getLhs(), adaptor.getRhs(),
                    adaptor.getSeed(), ref::sub);
}

OpFoldResult MulOp::fold(FoldAdaptor adaptor) {
  return foldBinary(*this, adaptor.getLhs(), adaptor.getRhs(),
                    adaptor.getSeed(), ref::mul);
}

OpFoldResult SharedExponentOp::fold(FoldAdaptor adaptor) {
  auto floats = getFloats(adaptor.getInput());
  if (!floats || !getInput().getType().hasStaticShape())
    return {};
  std::vector<float> values(floats->begin(), floats->end());
  std::vector<int64_t> shape(getInput().getType().getShape().begin(),
                             getInput().getType().getShape().end());
  std::vector<int32_t> exponents = ref::sharedExponents(
      values, shape, getWidth(), getHeadroom(), getBlock(), getAxis());
  return DenseIntElementsAttr::get(getType(), ArrayRef<int32_t>(exponents));
}

OpFoldResult MantissasOp::fold(FoldAdaptor) {
  if (auto make = getInput().getDefiningOp<MakeDFPOp>())
    return make.getMantissas();
  return {};
}

OpFoldResult ExponentsOp::fold(FoldAdaptor) {
  if (auto make = getInput().getDefiningOp<MakeDFPOp>())
    return make.getExponents();
  return {};
}
