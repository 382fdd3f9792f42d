//===- FXPOps.cpp - fxp operations and verifiers ----------------*- C++ -*-===//

#include "fxp/Dialect/FXP/IR/FXPOps.h"
#include "fxp/Reference/Reference.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/IR/TypeUtilities.h"
#include "llvm/ADT/TypeSwitch.h"
#include "llvm/Support/CheckedArithmetic.h"

using namespace mlir;
using namespace mlir::fxp;

#define GET_OP_CLASSES
#include "fxp/Dialect/FXP/IR/FXPOps.cpp.inc"

//===----------------------------------------------------------------------===//
// Shared verification helpers
//===----------------------------------------------------------------------===//

/// Checks that the seed and the stream are present exactly when the rounding
/// is stochastic.
template <typename OpTy> static LogicalResult verifyRandomness(OpTy op) {
  bool stochastic = op.isStochastic();
  if (stochastic && (!op.getSeed() || !op.getStream()))
    return op.emitOpError(
        "stochastic rounding requires a 'seed' operand and a 'stream' "
        "attribute");
  if (!stochastic && (op.getSeed() || op.getStream()))
    return op.emitOpError("'seed' and 'stream' are only meaningful with "
                          "stochastic rounding, not with rounding '")
           << stringifyRoundingMode(op.getRounding()) << "'";
  return success();
}

/// Whether two shapes can describe the same tensor.
static bool compatibleShapes(ArrayRef<int64_t> a, ArrayRef<int64_t> b) {
  return succeeded(verifyCompatibleShape(a, b));
}

/// Element-wise ops take scalars to scalars and tensors to tensors of the
/// same shape.
static LogicalResult verifyElementwise(Operation *op, Type a, Type b) {
  auto shapedA = dyn_cast<ShapedType>(a), shapedB = dyn_cast<ShapedType>(b);
  if (!shapedA != !shapedB)
    return op->emitOpError("operand and result must both be scalars or both "
                           "tensors, got ")
           << a << " and " << b;
  if (shapedA && !compatibleShapes(shapedA.getShape(), shapedB.getShape()))
    return op->emitOpError("operand and result shapes differ: ")
           << a << " vs " << b;
  return success();
}

//===----------------------------------------------------------------------===//
// ConstantOp
//===----------------------------------------------------------------------===//

LogicalResult ConstantOp::verify() {
  FixedType fixed = getFixedElementType(getType());
  Type expected = cloneWithElementType(getType(), fixed.getStorageType());
  if (getValue().getType() != expected)
    return emitOpError("value must have type ")
           << expected << " (the storage of " << getType() << "), got "
           << getValue().getType();
  auto inRange = [&](const APInt &v) {
    int64_t q = v.getSExtValue();
    return q >= fixed.getMinValue() && q <= fixed.getMaxValue();
  };
  if (auto integer = dyn_cast<IntegerAttr>(getValue())) {
    if (!inRange(integer.getValue()))
      return emitOpError("value ") << integer.getValue().getSExtValue()
                                   << " is out of range for " << fixed;
    return success();
  }
  auto dense = dyn_cast<DenseIntElementsAttr>(getValue());
  if (!dense)
    return emitOpError("value must be an integer or dense integer elements");
  for (const APInt &v : dense.getValues<APInt>())
    if (!inRange(v))
      return emitOpError("value ")
             << v.getSExtValue() << " is out of range for " << fixed;
  return success();
}

//===----------------------------------------------------------------------===//
// ToStorageOp, FromStorageOp
//===----------------------------------------------------------------------===//

/// `storage` must be the storage of the fixed-point type `fixed`.
static LogicalResult verifyStorage(Operation *op, Type fixed, Type storage) {
  if (failed(verifyElementwise(op, fixed, storage)))
    return failure();
  Type expected = cloneWithElementType(
      storage, getFixedElementType(fixed).getStorageType());
  if (storage != expected)
    return op->emitOpError("the storage of ")
           << fixed << " is " << expected << ", not " << storage;
  return success();
}

LogicalResult ToStorageOp::verify() {
  return verifyStorage(*this, getInput().getType(), getType());
}

LogicalResult FromStorageOp::verify() {
  return verifyStorage(*this, getType(), getInput().getType());
}

//===----------------------------------------------------------------------===//
// QuantizeOp, DequantizeOp
//===----------------------------------------------------------------------===//

LogicalResult QuantizeOp::verify() {
  if (failed(verifyElementwise(*this, getInput().getType(), getType())) ||
      failed(verifyRandomness(*this)))
    return failure();
  if (getOverflow() == OverflowMode::Wrap)
    return emitOpError("quantizing a float always saturates: overflow mode "
                       "'wrap' is not allowed");
  return success();
}

LogicalResult DequantizeOp::verify() {
  Type input = getInput().getType();
  if (auto dfp = dyn_cast<DFPType>(input)) {
    auto result = dyn_cast<RankedTensorType>(getType());
    if (!result || !compatibleShapes(result.getShape(), dfp.getShape()))
      return emitOpError("result must be an f32 tensor of shape ")
             << dfp.getMantissaType().getShape() << ", got " << getType();
    return success();
  }
  return verifyElementwise(*this, input, getType());
}

//===----------------------------------------------------------------------===//
// RescaleOp, SaturateOp
//===----------------------------------------------------------------------===//

std::string mlir::fxp::getRescaleModeError(FixedType from, FixedType to,
                                           RoundingMode rounding,
                                           OverflowMode overflow) {
  std::string error;
  llvm::raw_string_ostream os(error);
  if (to.getFrac() >= from.getFrac() && rounding != RoundingMode::NearestEven) {
    os << "rounding '" << stringifyRoundingMode(rounding)
       << "' has no effect: rescaling '" << from << "' to '" << to << "'"
       << " drops no bits";
    return error;
  }
  // Whatever the rounding, a result with more integer bits (W - F) holds
  // every rounded value and never meets its qmin; one with as many holds
  // every value when no bits are dropped, so only `wrap` does nothing then.
  int fromIntegerBits = int(from.getWidth()) - from.getFrac();
  int toIntegerBits = int(to.getWidth()) - to.getFrac();
  bool noEffect =
      toIntegerBits > fromIntegerBits ||
      (toIntegerBits == fromIntegerBits && to.getFrac() >= from.getFrac() &&
       overflow == OverflowMode::Wrap);
  if (overflow != OverflowMode::Saturate && noEffect)
    os << "overflow '" << stringifyOverflowMode(overflow)
       << "' has no effect: rescaling '" << from << "' to '" << to << "'"
       << (overflow == OverflowMode::Wrap ? " cannot overflow"
                                          : " cannot reach qmin");
  return error;
}

LogicalResult RescaleOp::verify() {
  if (failed(verifyElementwise(*this, getInput().getType(), getType())) ||
      failed(verifyRandomness(*this)))
    return failure();
  std::string error = getRescaleModeError(
      getFixedElementType(getInput().getType()), getFixedElementType(getType()),
      getRounding(), getOverflow());
  if (!error.empty())
    return emitOpError(error);
  return success();
}

LogicalResult SaturateOp::verify() {
  if (failed(verifyElementwise(*this, getInput().getType(), getType())))
    return failure();
  FixedType from = getFixedElementType(getInput().getType());
  FixedType to = getFixedElementType(getType());
  if (from.getFrac() != to.getFrac())
    return emitOpError("saturating keeps the fraction bits: ")
           << from << " and " << to << " differ (use fxp.rescale)";
  if (to.getWidth() > from.getWidth())
    return emitOpError("result width ")
           << to.getWidth() << " exceeds the input width " << from.getWidth();
  return success();
}

//===----------------------------------------------------------------------===//
// AddOp, SubOp, MulOp
//===----------------------------------------------------------------------===//

/// Add and sub align both operands to the larger fraction; the exact result
/// must fit in the 64-bit integers the lowering computes in.
template <typename OpTy>
static LogicalResult verifyBinary(OpTy op, bool isProduct) {
  if (failed(verifyElementwise(op, op.getLhs().getType(), op.getType())) ||
      failed(verifyElementwise(op, op.getRhs().getType(), op.getType())) ||
      failed(verifyRandomness(op)))
    return failure();
  if (isProduct)
    return success();
  FixedType a = getFixedElementType(op.getLhs().getType());
  FixedType b = getFixedElementType(op.getRhs().getType());
  int frac = std::max(a.getFrac(), b.getFrac());
  int64_t bits = std::max<int64_t>(a.getWidth() + frac - a.getFrac(),
                                   b.getWidth() + frac - b.getFrac()) +
                 1;
  if (bits > 64)
    return op.emitOpError("the exact result of ")
           << a << " and " << b << " needs " << bits
           << " bits; at most 64 are supported";
  return success();
}

LogicalResult AddOp::verify() { return verifyBinary(*this, false); }
LogicalResult SubOp::verify() { return verifyBinary(*this, false); }
LogicalResult MulOp::verify() { return verifyBinary(*this, true); }

//===----------------------------------------------------------------------===//
// SharedExponentOp, QuantizeDFPOp, MantissasOp, ExponentsOp, MakeDFPOp
//===----------------------------------------------------------------------===//

/// The exponent tensor type of per-tensor or per-block shared exponents.
static RankedTensorType exponentType(RankedTensorType input, int64_t block,
                                     unsigned axis) {
  return DFPType::get(input.getContext(), input.getShape(), /*width=*/16, block,
                      axis)
      .getExponentType();
}

LogicalResult SharedExponentOp::verify() {
  auto input = getInput().getType();
  int64_t block = getBlock();
  unsigned axis = getAxis();
  if (input.getRank() == 0)
    return emitOpError("input must have rank >= 1");
  // Signed: getHeadroom() reads the attribute as unsigned.
  int64_t headroom = getHeadroomAttr().getInt();
  if (headroom < 0 || headroom > kMaxHeadroom)
    return emitOpError("headroom must be in [0, ")
           << kMaxHeadroom << "], got " << headroom;
  if (block == 0 && axis != 0)
    return emitOpError("'axis' requires a 'block' size");
  if (block > 0 && axis >= input.getRank())
    return emitOpError("block axis ")
           << axis << " is out of range for rank " << input.getRank();
  RankedTensorType expected = exponentType(input, block, axis);
  if (!compatibleShapes(expected.getShape(), getType().getShape()))
    return emitOpError("result must be ") << expected << ", got " << getType();
  return success();
}

LogicalResult QuantizeDFPOp::verify() {
  if (failed(verifyRandomness(*this)))
    return failure();
  if (getOverflow() == OverflowMode::Wrap)
    return emitOpError("quantizing a float always saturates: overflow mode "
                       "'wrap' is not allowed");
  DFPType dfp = getType();
  if (!compatibleShapes(getInput().getType().getShape(), dfp.getShape()))
    return emitOpError("input shape differs from the result's: ")
           << getInput().getType() << " vs " << dfp;
  if (!compatibleShapes(getExponents().getType().getShape(),
                        dfp.getExponentType().getShape()))
    return emitOpError("exponents must be ")
           << dfp.getExponentType() << " for " << dfp << ", got "
           << getExponents().getType();
  return success();
}

LogicalResult MantissasOp::verify() {
  if (getType() != getInput().getType().getMantissaType())
    return emitOpError("result must be ")
           << getInput().getType().getMantissaType() << ", got " << getType();
  return success();
}

LogicalResult ExponentsOp::verify() {
  if (getType() != getInput().getType().getExponentType())
    return emitOpError("result must be ")
           << getInput().getType().getExponentType() << ", got " << getType();
  return success();
}

LogicalResult MakeDFPOp::verify() {
  DFPType dfp = getType();
  if (getMantissas().getType() != dfp.getMantissaType())
    return emitOpError("mantissas must be ")
           << dfp.getMantissaType() << ", got " << getMantissas().getType();
  if (getExponents().getType() != dfp.getExponentType())
    return emitOpError("exponents must be ")
           << dfp.getExponentType() << ", got " << getExponents().getType();
  return success();
}

//===----------------------------------------------------------------------===//
// MatmulOp
//===----------------------------------------------------------------------===//

/// Width of the mantissas (or of the fixed-point elements) of an operand.
static unsigned getOperandWidth(Type type) {
  if (auto dfp = dyn_cast<DFPType>(type))
    return dfp.getWidth();
  return getFixedElementType(type).getWidth();
}

/// The largest magnitude of an operand: 2^(W-1), or qmax when `symmetric`
/// clamps qmin away.
static int64_t getMaxMagnitude(Type type, bool symmetric) {
  return ref::maxMagnitude(getOperandWidth(type), symmetric);
}

int64_t MatmulOp::getMaxMagnitude(Type type) {
  return ::getMaxMagnitude(type, getSymmetric());
}

int64_t ContractOp::getMaxMagnitude(Type type) {
  return ::getMaxMagnitude(type, getSymmetric());
}

static ArrayRef<int64_t> operandShape(Type type) {
  if (auto dfp = dyn_cast<DFPType>(type))
    return dfp.getShape();
  return cast<RankedTensorType>(type).getShape();
}

/// Operands of a contraction: both fixed point or both DFP, and either a chunk
/// whose products provably sum in i32 (SEMANTICS §6), or saturating
/// accumulation of pairs that provably sum in i32.
static LogicalResult verifyContraction(Operation *op, Type lhs, Type rhs,
                                       std::optional<int64_t> chunk,
                                       bool saturating, bool symmetric) {
  if (chunk.has_value() == saturating)
    return op->emitOpError("expects exactly one of 'chunk' and 'saturating'");
  if (isa<DFPType>(lhs) != isa<DFPType>(rhs))
    return op->emitOpError("operands must both be fixed-point tensors or both "
                           "DFP tensors, got ")
           << lhs << " and " << rhs;
  int64_t maxA = getMaxMagnitude(lhs, symmetric);
  int64_t maxB = getMaxMagnitude(rhs, symmetric);
  int64_t safe = ref::maxChunk(maxA, maxB);
  if (safe == 0)
    return op->emitOpError("no chunk is safe: a single product of magnitudes ")
           << maxA << " and " << maxB << " exceeds 2^31 - 1; use narrower "
           << "operands";
  // A saturating accumulation adds each pair's exact i32 sum.
  if (saturating && safe < 2)
    return op->emitOpError("a pair of products of magnitudes ")
           << maxA << " and " << maxB << " can overflow i32 before it "
           << "saturates" << (symmetric ? "" : " ('symmetric' prevents it)");
  if (chunk && *chunk > safe)
    return op->emitOpError("a chunk of ")
           << *chunk << " products can overflow i32: " << *chunk << " * "
           << maxA << " * " << maxB
           << " > 2^31 - 1 (largest safe chunk: " << safe
           << (symmetric ? "" : "; 'symmetric' allows more") << ")";
  return success();
}

/// Per-block DFP operands must have their blocks along the last reduction
/// loop, so that both exponents are constant over runs of consecutive
/// products (the segments of SEMANTICS §6 in docs/Semantics.md); when both
/// are per block, the blocks have one size.
static LogicalResult verifyBlocks(Operation *op, ArrayRef<AffineMap> maps,
                                  Type lhs, Type rhs) {
  std::optional<unsigned> lastReduction;
  for (unsigned loop = 0; loop < maps[2].getNumDims(); ++loop)
    if (!maps[2].isFunctionOfDim(loop))
      lastReduction = loop;
  int64_t block = 0;
  Type types[] = {lhs, rhs};
  for (auto [index, type] : llvm::enumerate(types)) {
    auto dfp = dyn_cast<DFPType>(type);
    if (!dfp || dfp.isPerTensor())
      continue;
    auto dim = dyn_cast<AffineDimExpr>(maps[index].getResult(dfp.getAxis()));
    if (!lastReduction || !dim || dim.getPosition() != *lastReduction)
      return op->emitOpError("operand #")
             << index << " has blocks along axis " << dfp.getAxis()
             << ", which is not indexed by the last reduction loop alone";
    if (block && block != dfp.getBlock())
      return op->emitOpError("operands have blocks of ")
             << block << " and " << dfp.getBlock()
             << " elements; per-block operands must share the block size";
    block = dfp.getBlock();
  }
  return success();
}

/// The least and greatest values of `expr` over loops of sizes `loopSizes`,
/// when `expr` adds, scales and divides loops and constants, the loops it uses
/// have static sizes other than 0 (a loop of size 0 forms no index), and no
/// bound overflows.
static std::optional<std::pair<int64_t, int64_t>>
getIndexRange(AffineExpr expr, ArrayRef<int64_t> loopSizes) {
  if (auto constant = dyn_cast<AffineConstantExpr>(expr))
    return std::make_pair(constant.getValue(), constant.getValue());
  if (auto dim = dyn_cast<AffineDimExpr>(expr)) {
    int64_t size = loopSizes[dim.getPosition()];
    if (ShapedType::isDynamic(size) || size == 0)
      return std::nullopt;
    return std::make_pair(int64_t(0), size - 1);
  }
  auto binary = dyn_cast<AffineBinaryOpExpr>(expr);
  if (!binary)
    return std::nullopt;
  auto lhs = getIndexRange(binary.getLHS(), loopSizes);
  auto rhs = getIndexRange(binary.getRHS(), loopSizes);
  if (!lhs || !rhs)
    return std::nullopt;
  // Divisions and remainders by a positive constant (affine maps allow no
  // other): the quotient is monotonic; the remainder runs over its bounds
  // unless the range crosses a multiple of the divisor, which makes it
  // reach every value from 0 to the divisor - 1.
  if (expr.getKind() == AffineExprKind::FloorDiv ||
      expr.getKind() == AffineExprKind::CeilDiv ||
      expr.getKind() == AffineExprKind::Mod) {
    if (rhs->first != rhs->second || rhs->first <= 0)
      return std::nullopt;
    int64_t divisor = rhs->first;
    if (expr.getKind() == AffineExprKind::FloorDiv)
      return std::make_pair(llvm::divideFloorSigned(lhs->first, divisor),
                            llvm::divideFloorSigned(lhs->second, divisor));
    if (expr.getKind() == AffineExprKind::CeilDiv)
      return std::make_pair(llvm::divideCeilSigned(lhs->first, divisor),
                            llvm::divideCeilSigned(lhs->second, divisor));
    int64_t low = llvm::mod(lhs->first, divisor);
    int64_t high = llvm::mod(lhs->second, divisor);
    if (lhs->second - lhs->first < divisor && low <= high)
      return std::make_pair(low, high);
    return std::make_pair(int64_t(0), divisor - 1);
  }
  if (expr.getKind() == AffineExprKind::Add) {
    auto low = llvm::checkedAdd(lhs->first, rhs->first);
    auto high = llvm::checkedAdd(lhs->second, rhs->second);
    if (!low || !high)
      return std::nullopt;
    return std::make_pair(*low, *high);
  }
  // A product's bounds are among the products of the factors' bounds.
  std::optional<int64_t> corners[] = {
      llvm::checkedMul(lhs->first, rhs->first),
      llvm::checkedMul(lhs->first, rhs->second),
      llvm::checkedMul(lhs->second, rhs->first),
      llvm::checkedMul(lhs->second, rhs->second)};
  if (llvm::is_contained(corners, std::nullopt))
    return std::nullopt;
  auto [low, high] =
      std::minmax({*corners[0], *corners[1], *corners[2], *corners[3]});
  return std::make_pair(low, high);
}

SmallVector<AffineMap> MatmulOp::getIndexingMapsArray() {
  unsigned rank = getType().getRank();
  MLIRContext *context = getContext();
  // Loops: (batch?, m, n, k).
  unsigned numLoops = rank + 1;
  auto dim = [&](unsigned i) { return getAffineDimExpr(i, context); };
  AffineExpr m = dim(rank - 2), n = dim(rank - 1), k = dim(rank);
  auto map = [&](AffineExpr outer, AffineExpr inner) {
    SmallVector<AffineExpr> exprs;
    if (rank == 3)
      exprs.push_back(dim(0));
    exprs.append({outer, inner});
    return AffineMap::get(numLoops, 0, exprs, context);
  };
  return {getTransposeA() ? map(k, m) : map(m, k),
          getTransposeB() ? map(n, k) : map(k, n), map(m, n)};
}

LogicalResult MatmulOp::verify() {
  Type lhs = getLhs().getType(), rhs = getRhs().getType();
  if (failed(verifyContraction(*this, lhs, rhs, getChunk(), getSaturating(),
                               getSymmetric())))
    return failure();
  ArrayRef<int64_t> a = operandShape(lhs), b = operandShape(rhs);
  ArrayRef<int64_t> c = getType().getShape();
  if (a.size() != b.size() || a.size() != c.size() || a.size() < 2 ||
      a.size() > 3)
    return emitOpError("operands and result must all have rank 2, or all "
                       "rank 3 (batched), got ")
           << lhs << ", " << rhs << " and " << getType();
  size_t rank = a.size();
  int64_t m = a[rank - (getTransposeA() ? 1 : 2)];
  int64_t ka = a[rank - (getTransposeA() ? 2 : 1)];
  int64_t kb = b[rank - (getTransposeB() ? 1 : 2)];
  int64_t n = b[rank - (getTransposeB() ? 2 : 1)];
  if (!compatibleShapes(ka, kb))
    return emitOpError("reduction dimensions differ: ") << ka << " vs " << kb;
  SmallVector<int64_t> expected;
  if (rank == 3) {
    if (!compatibleShapes(a[0], b[0]))
      return emitOpError("batch dimensions differ: ") << a[0] << " vs " << b[0];
    expected.push_back(ShapedType::isDynamic(a[0]) ? b[0] : a[0]);
  }
  expected.append({m, n});
  if (!compatibleShapes(expected, c))
    return emitOpError("result shape must be compatible with [")
           << ArrayRef<int64_t>(expected) << "], got " << getType();
  return verifyBlocks(*this, getIndexingMapsArray(), lhs, rhs);
}

LogicalResult ContractOp::verify() {
  Type lhs = getLhs().getType(), rhs = getRhs().getType();
  SmallVector<AffineMap> maps = getIndexingMapsArray();
  if (maps.size() != 3)
    return emitOpError("expects 3 indexing maps (lhs, rhs, result), got ")
           << maps.size();
  unsigned numLoops = maps[0].getNumDims();
  Type types[] = {lhs, rhs, getType()};
  for (auto [index, map] : llvm::enumerate(maps)) {
    if (map.getNumDims() != numLoops || map.getNumSymbols() != 0)
      return emitOpError("indexing map #")
             << index << " must have " << numLoops << " dims and no symbols";
    if (map.getNumResults() != operandShape(types[index]).size())
      return emitOpError("indexing map #")
             << index << " has " << map.getNumResults()
             << " results for an operand of rank "
             << operandShape(types[index]).size();
  }
  if (!maps[2].isProjectedPermutation())
    return emitOpError("the result map must be a projected permutation, got ")
           << AffineMapAttr::get(maps[2]);
  int64_t numDynamic = getType().getNumDynamicDims();
  if (!getResultSizes().empty() &&
      int64_t(getResultSizes().size()) != numDynamic)
    return emitOpError("sizes must list the result's ")
           << numDynamic << " dynamic dimensions, got "
           << getResultSizes().size();
  // Every loop must be bounded by an operand dimension it indexes directly,
  // or by a dimension of the result: static, or given by `sizes`.
  for (unsigned loop = 0; loop < numLoops; ++loop) {
    AffineExpr dim = getAffineDimExpr(loop, getContext());
    bool bounded = llvm::is_contained(maps[0].getResults(), dim) ||
                   llvm::is_contained(maps[1].getResults(), dim);
    if (std::optional<unsigned> position = maps[2].getResultPosition(dim))
      bounded |=
          !getType().isDynamicDim(*position) || !getResultSizes().empty();
    if (!bounded)
      return emitOpError("the size of loop d")
             << loop << " is unknown: no operand dimension is indexed by it "
             << "alone, and no static result dimension or `sizes`";
  }
  // A loop indexed directly by several operand dimensions fixes them all.
  SmallVector<int64_t> loopSizes(numLoops, ShapedType::kDynamic);
  for (auto [index, map] : llvm::enumerate(maps)) {
    ArrayRef<int64_t> shape = operandShape(types[index]);
    for (auto [position, expr] : llvm::enumerate(map.getResults())) {
      auto dim = dyn_cast<AffineDimExpr>(expr);
      if (!dim || ShapedType::isDynamic(shape[position]))
        continue;
      int64_t &size = loopSizes[dim.getPosition()];
      if (!ShapedType::isDynamic(size) && size != shape[position])
        return emitOpError("loop d")
               << dim.getPosition() << " has size " << size
               << " in one operand and " << shape[position] << " in another";
      size = shape[position];
    }
  }
  // Indices computed from several loops must stay within the operand, as
  // linalg.generic's verifier requires of the lowering.
  for (auto [index, map] : llvm::enumerate(maps)) {
    ArrayRef<int64_t> shape = operandShape(types[index]);
    for (auto [position, expr] : llvm::enumerate(map.getResults())) {
      if (isa<AffineDimExpr>(expr))
        continue;
      auto range = getIndexRange(expr, loopSizes);
      if (!range)
        continue;
      bool below = range->first < 0;
      if (!below && (ShapedType::isDynamic(shape[position]) ||
                     range->second < shape[position]))
        continue;
      std::string text;
      llvm::raw_string_ostream(text) << expr;
      InFlightDiagnostic diag = emitOpError("indexing map #")
                                << index << " reaches index "
                                << (below ? range->first : range->second)
                                << " in dimension #" << position << " (" << text
                                << ")";
      if (!below)
        diag << ", which has size " << shape[position];
      return diag;
    }
  }
  if (failed(verifyContraction(*this, lhs, rhs, getChunk(), getSaturating(),
                               getSymmetric())))
    return failure();
  return verifyBlocks(*this, maps, lhs, rhs);
}

//===----------------------------------------------------------------------===//
// X86MultiplyAddPairsOp
//===----------------------------------------------------------------------===//

LogicalResult X86MultiplyAddPairsOp::verify() {
  int64_t lanes = cast<VectorType>(getResult().getType()).getNumElements();
  if (cast<VectorType>(getLhs().getType()).getNumElements() != 2 * lanes)
    return emitOpError("operands must be vectors of ")
           << 2 * lanes << " i16 for " << lanes << " i32 lanes";
  return success();
}
