//===- QuantizeTraining.cpp - FP32 training steps to fixed point -*- C++
//-*-===//

#include "fxp/Dialect/FXP/Transforms/Passes.h"
#include "mlir/Analysis/SliceAnalysis.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/IR/Dominance.h"
#include "mlir/IR/Matchers.h"
#include "llvm/ADT/APSInt.h"
#include "llvm/ADT/SetVector.h"

namespace mlir::fxp {
#define GEN_PASS_DEF_FXPQUANTIZETRAININGPASS
#include "fxp/Dialect/FXP/Transforms/Passes.h.inc"
} // namespace mlir::fxp

using namespace mlir;
using namespace mlir::fxp;

static constexpr StringLiteral kSeedAttr = "fxp.seed";
static constexpr StringLiteral kWidthAttr = "fxp.width";
static constexpr StringLiteral kFracBitsAttr = "fxp.frac_bits";
// WAGE roles, given on a weight argument for the values of its layer.
static constexpr StringLiteral kActivationsAttr = "fxp.activations";
static constexpr StringLiteral kErrorsAttr = "fxp.errors";
static constexpr StringLiteral kGradientsAttr = "fxp.gradients";

/// `operand` read through `map`, or, while `operand` is a transposed copy
/// (`linalg.transpose` or a `linalg.generic` equal to one), its source read
/// through the composed map: out[outMap(d)] = in[inMap(d)], so out at
/// `map` is in at inMap o outMap^-1 o map. The contraction then quantizes
/// the source, once for every contraction that reads it in either layout
/// (a weight in the forward and the backward pass); the copies passed are
/// added to `copies`.
static std::pair<Value, AffineMap>
lookThroughTransposes(Value operand, AffineMap map,
                      SetVector<Operation *> &copies) {
  while (auto copy = operand.getDefiningOp<linalg::LinalgOp>()) {
    auto generic = dyn_cast<linalg::GenericOp>(copy.getOperation());
    if (!isa<linalg::TransposeOp>(copy) &&
        !(generic && linalg::isaTransposeOpInterface(generic)))
      break;
    SmallVector<AffineMap> maps = copy.getIndexingMapsArray();
    map = maps[0].compose(inversePermutation(maps[1]).compose(map));
    operand = copy.getDpsInputs()[0];
    copies.insert(copy);
  }
  return {operand, map};
}

/// Whether `op` is a contraction the pass rewrites: two f32 tensor inputs, one
/// f32 tensor init, a reduction loop, and the body `out + a * b` (or
/// `fma(a, b, out)`).
static bool isF32Contraction(linalg::LinalgOp op) {
  if (op.getNumDpsInputs() != 2 || op.getNumDpsInits() != 1 ||
      op.getNumReductionLoops() == 0 || !op.hasPureTensorSemantics())
    return false;
  for (Value operand : op->getOperands()) {
    auto type = dyn_cast<RankedTensorType>(operand.getType());
    if (!type || !type.getElementType().isF32())
      return false;
  }
  Block *body = op.getBlock();
  auto yield = dyn_cast<linalg::YieldOp>(body->getTerminator());
  if (!yield || yield.getNumOperands() != 1)
    return false;
  Value a = body->getArgument(0), b = body->getArgument(1),
        out = body->getArgument(2);
  auto areOperands = [&](Value x, Value y) {
    return (x == a && y == b) || (x == b && y == a);
  };
  Value result = yield.getOperand(0);
  // `out + a * b`, or fused as `fma(a, b, out)`.
  if (auto fma = result.getDefiningOp<math::FmaOp>())
    return body->getOperations().size() == 2 && fma.getC() == out &&
           areOperands(fma.getA(), fma.getB());
  auto add = result.getDefiningOp<arith::AddFOp>();
  if (!add || body->getOperations().size() != 3)
    return false;
  auto isProduct = [&](Value v) {
    auto mul = v.getDefiningOp<arith::MulFOp>();
    return mul && areOperands(mul.getLhs(), mul.getRhs());
  };
  return (add.getLhs() == out && isProduct(add.getRhs())) ||
         (add.getRhs() == out && isProduct(add.getLhs()));
}

/// The input of `op` whose element `value` is, possibly converted (float
/// and integer extensions, truncations and conversions, bitcasts), negated
/// or multiplied by a constant or by a value defined outside the body (a
/// scale); std::nullopt for anything else.
static std::optional<unsigned> getInputRead(linalg::LinalgOp op, Value value) {
  Block *body = op.getBlock();
  auto isScale = [&](Value v) {
    return matchPattern(v, m_Constant()) ||
           !op->getRegion(0).isAncestor(v.getParentRegion());
  };
  while (true) {
    if (auto arg = dyn_cast<BlockArgument>(value)) {
      if (arg.getOwner() == body && arg.getArgNumber() < op.getNumDpsInputs())
        return arg.getArgNumber();
      return std::nullopt;
    }
    Operation *def = value.getDefiningOp();
    if (!def || def->getBlock() != body)
      return std::nullopt;
    if (isa<arith::ExtFOp, arith::TruncFOp, arith::SIToFPOp, arith::UIToFPOp,
            arith::FPToSIOp, arith::FPToUIOp, arith::ExtSIOp, arith::ExtUIOp,
            arith::TruncIOp, arith::BitcastOp, arith::NegFOp>(def)) {
      value = def->getOperand(0);
      continue;
    }
    if (isa<arith::MulFOp, arith::MulIOp>(def) && isScale(def->getOperand(0))) {
      value = def->getOperand(1);
      continue;
    }
    if (isa<arith::MulFOp, arith::MulIOp>(def) && isScale(def->getOperand(1))) {
      value = def->getOperand(0);
      continue;
    }
    return std::nullopt;
  }
}

/// Whether `op` is an FP32 contraction in the wider sense: a reduction loop,
/// an f32 operand (input or init), and a product
/// (`arith.mulf`, `arith.muli`, `math.fma`) in its body whose factors read
/// two different inputs, as getInputRead sees them. Reductions of one input
/// (sums, maxima, sums of squares or of scaled values), pooling and
/// products of values computed from the inputs (a loss's `-log(p) * t`, a
/// variance's `(x - mean)^2`) are not.
static bool isWiderF32Contraction(linalg::LinalgOp op) {
  if (op.getNumReductionLoops() == 0 ||
      llvm::none_of(op->getOperandTypes(), [](Type type) {
        return getElementTypeOrSelf(type).isF32();
      }))
    return false;
  return llvm::any_of(op.getBlock()->getOperations(), [&](Operation &inner) {
    if (!isa<arith::MulFOp, arith::MulIOp, math::FmaOp>(inner))
      return false;
    std::optional<unsigned> lhs = getInputRead(op, inner.getOperand(0));
    std::optional<unsigned> rhs = getInputRead(op, inner.getOperand(1));
    return lhs && rhs && *lhs != *rhs;
  });
}

static bool isZeroFill(Value value) {
  auto fill = value.getDefiningOp<linalg::FillOp>();
  return fill && matchPattern(fill.getInputs()[0], m_AnyZeroFloat());
}

namespace {
/// Where per-block operands of a contraction have their blocks: the maps
/// with the loops reordered so that the blocked reduction loop is last, and
/// the axis of each operand it indexes.
struct BlockLayout {
  SmallVector<AffineMap> maps;
  unsigned axes[2];
};
} // namespace

/// The last reduction loop that indexes a dimension of both operands alone,
/// moved to the end of the loops; std::nullopt when there is none.
static std::optional<BlockLayout> getBlockLayout(ArrayRef<AffineMap> maps) {
  unsigned numLoops = maps[2].getNumDims();
  for (unsigned loop = numLoops; loop-- > 0;) {
    if (maps[2].isFunctionOfDim(loop))
      continue;
    AffineExpr dim = getAffineDimExpr(loop, maps[2].getContext());
    std::optional<unsigned> lhsAxis = maps[0].getResultPosition(dim);
    std::optional<unsigned> rhsAxis = maps[1].getResultPosition(dim);
    if (!lhsAxis || !rhsAxis)
      continue;
    // Old loop d becomes new loop position(d): `loop` goes last.
    SmallVector<AffineExpr> moved;
    for (unsigned d = 0; d < numLoops; ++d) {
      unsigned position = d < loop ? d : (d == loop ? numLoops - 1 : d - 1);
      moved.push_back(getAffineDimExpr(position, dim.getContext()));
    }
    AffineMap permutation =
        AffineMap::get(numLoops, 0, moved, dim.getContext());
    BlockLayout layout;
    for (AffineMap map : maps)
      layout.maps.push_back(map.compose(permutation));
    layout.axes[0] = *lhsAxis;
    layout.axes[1] = *rhsAxis;
    return layout;
  }
  return std::nullopt;
}

namespace {
/// A value's format: word (gupta) or mantissa (dfp16) bits, and gupta's
/// fraction bits.
struct Format {
  unsigned width;
  int fracBits;
};

/// The formats that WAGE role attributes give one contraction: for each
/// operand (a weight, an activation or an error) and for its result (a
/// weight gradient).
struct RoleFormats {
  std::optional<Format> operands[2];
  std::optional<Format> result;
};
} // namespace

/// The widths and fraction bits that fxp types accept (FXPTypes.cpp).
static constexpr int64_t kMinWidth = 2, kMaxWidth = 32;
static constexpr int64_t kMinFracBits = -64, kMaxFracBits = 64;

/// The value of an integer attribute (signless, signed, unsigned or index;
/// not i1) when it lies in [low, high].
static std::optional<int64_t> getIntegerInRange(Attribute attr, int64_t low,
                                                int64_t high) {
  auto integer = dyn_cast<IntegerAttr>(attr);
  if (!integer || integer.getType().isInteger(1))
    return std::nullopt;
  llvm::APSInt value(integer.getValue(), integer.getType().isUnsignedInteger());
  if (llvm::APSInt::compareValues(value, llvm::APSInt::get(low)) < 0 ||
      llvm::APSInt::compareValues(value, llvm::APSInt::get(high)) > 0)
    return std::nullopt;
  return value.getExtValue();
}

/// Checks the format attributes of `func`'s arguments: `fxp.width` and
/// `fxp.frac_bits` integers in the ranges fxp types accept, and role
/// dictionaries `{width = W}` or `{width = W, frac_bits = F}` likewise.
static LogicalResult verifyFormatAttrs(func::FuncOp func) {
  for (unsigned index = 0, e = func.getNumArguments(); index < e; ++index) {
    auto checkInteger = [&](Attribute attr, StringRef what, int64_t low,
                            int64_t high) -> LogicalResult {
      if (getIntegerInRange(attr, low, high))
        return success();
      return func.emitOpError("argument #")
             << index << ": " << what << " must be an integer in [" << low
             << ", " << high << "], got " << attr;
    };
    for (auto [name, low, high] :
         {std::make_tuple(kWidthAttr, kMinWidth, kMaxWidth),
          std::make_tuple(kFracBitsAttr, kMinFracBits, kMaxFracBits)})
      if (Attribute attr = func.getArgAttr(index, name))
        if (failed(checkInteger(attr, ("'" + name + "'").str(), low, high)))
          return failure();
    for (StringRef role : {kActivationsAttr, kErrorsAttr, kGradientsAttr}) {
      Attribute attr = func.getArgAttr(index, role);
      if (!attr)
        continue;
      auto dict = dyn_cast<DictionaryAttr>(attr);
      if (!dict || !dict.get("width") ||
          llvm::any_of(dict, [](NamedAttribute entry) {
            return entry.getName() != "width" && entry.getName() != "frac_bits";
          }))
        return func.emitOpError("argument #")
               << index << ": '" << role
               << "' must be {width = W : i32} or {width = W : i32, "
                  "frac_bits = F : i32}";
      if (failed(checkInteger(dict.get("width"), ("'" + role + "' width").str(),
                              kMinWidth, kMaxWidth)))
        return failure();
      if (Attribute frac = dict.get("frac_bits"))
        if (failed(checkInteger(frac, ("'" + role + "' frac_bits").str(),
                                kMinFracBits, kMaxFracBits)))
          return failure();
    }
  }
  return success();
}

/// The role format `name` (`{width = W, frac_bits = F}`, F defaulting to
/// `defaultFrac`) on argument `index`, or std::nullopt; the attribute has
/// passed verifyFormatAttrs.
static std::optional<Format> getRoleFormat(func::FuncOp func, unsigned index,
                                           StringRef name, int defaultFrac) {
  auto dict = func.getArgAttrOfType<DictionaryAttr>(index, name);
  if (!dict)
    return std::nullopt;
  std::optional<int64_t> width =
      getIntegerInRange(dict.get("width"), kMinWidth, kMaxWidth);
  std::optional<int64_t> frac =
      dict.get("frac_bits")
          ? getIntegerInRange(dict.get("frac_bits"), kMinFracBits, kMaxFracBits)
          : std::optional<int64_t>(defaultFrac);
  return Format{unsigned(*width), int(*frac)};
}

/// WAGE roles from the attributes of weight arguments. For a weight W (an
/// argument with role attributes): a contraction with an operand derived
/// from W without any contraction in between (W itself, its transpose)
/// multiplies W by an activation of W's layer or, when that other operand
/// depends on W (it is downstream of W's forward product), by an error. A
/// contraction whose result meets W (through contraction-free ops: the
/// weight update) computes W's gradient, from an error (the operand that
/// depends on W) and an activation.
static DenseMap<Operation *, RoleFormats>
analyzeRoles(func::FuncOp func, ArrayRef<linalg::LinalgOp> contractions,
             function_ref<Format(Value)> weightFormat, int defaultFrac) {
  DenseMap<Operation *, RoleFormats> roles;
  llvm::SmallPtrSet<Operation *, 8> contractionOps;
  for (linalg::LinalgOp op : contractions)
    contractionOps.insert(op);
  ForwardSliceOptions contractionFree;
  contractionFree.filter = [&](Operation *op) {
    return !contractionOps.contains(op);
  };
  for (BlockArgument weight : func.getArguments()) {
    unsigned index = weight.getArgNumber();
    std::optional<Format> activations =
        getRoleFormat(func, index, kActivationsAttr, defaultFrac);
    std::optional<Format> errors =
        getRoleFormat(func, index, kErrorsAttr, defaultFrac);
    std::optional<Format> gradients =
        getRoleFormat(func, index, kGradientsAttr, defaultFrac);
    if (!activations && !errors && !gradients)
      continue;
    SetVector<Operation *> derived, downstream;
    getForwardSlice(weight, &derived, contractionFree);
    getForwardSlice(weight, &downstream);
    auto isDerived = [&](Value v) {
      return v == weight || derived.contains(v.getDefiningOp());
    };
    auto dependsOnWeight = [&](Value v) {
      return v == weight || downstream.contains(v.getDefiningOp());
    };
    for (linalg::LinalgOp op : contractions) {
      if (roles.contains(op))
        continue;
      Value operands[] = {op.getDpsInputs()[0], op.getDpsInputs()[1]};
      RoleFormats formats;
      if (isDerived(operands[0]) || isDerived(operands[1])) {
        unsigned w = isDerived(operands[0]) ? 0 : 1;
        formats.operands[w] = weightFormat(weight);
        formats.operands[1 - w] =
            dependsOnWeight(operands[1 - w]) ? errors : activations;
      } else {
        SetVector<Operation *> uses;
        getForwardSlice(op->getResult(0), &uses, contractionFree);
        // The function's return joins everything; an update does not.
        if (llvm::none_of(uses, [&](Operation *use) {
              return derived.contains(use) &&
                     !use->hasTrait<OpTrait::IsTerminator>();
            }))
          continue;
        formats.result = gradients;
        for (unsigned i = 0; i < 2; ++i)
          formats.operands[i] =
              dependsOnWeight(operands[i]) ? errors : activations;
      }
      roles[op] = formats;
    }
  }
  return roles;
}

namespace {
/// Rewrites the functions of a module, one stream number at a time.
class TrainingRewriter {
public:
  TrainingRewriter(const FXPQuantizeTrainingPassOptions &options,
                   uint32_t firstStream)
      : options(options), nextStream(firstStream) {
    width = options.width ? unsigned(options.width)
                          : (options.recipe == Recipe::Gupta ? 16 : 14);
  }

  /// Rewrites the contractions of `func` and, for gupta, its results when
  /// it has a contraction or `callsContraction` (a public function calling
  /// one); `seed` is the function's seed argument, created on demand.
  LogicalResult rewrite(func::FuncOp func, bool callsContraction);

  bool isStochastic() const {
    return options.rounding == RoundingMode::Stochastic;
  }

private:
  /// The seed operand and stream of the next rounding op.
  std::pair<Value, IntegerAttr> nextRandomness(OpBuilder &builder);
  /// The format of an operand without a role: the pass's, or its
  /// argument's `fxp.width` and `fxp.frac_bits`.
  Format getFormat(Value operand) const;
  /// Quantizes `operand` of `user` to `format`, per block along `axis` when
  /// `block` is set; null, with a diagnostic on `user`, when the format does
  /// not exist.
  Value quantizeOperand(OpBuilder &builder, Operation *user, Value operand,
                        Format format, int64_t block, unsigned axis);
  /// A value rounded to `format` (fixed point for gupta, per-tensor DFP for
  /// dfp16) and back to f32; null, with a diagnostic on `user`, when the
  /// format does not exist.
  Value roundTrip(OpBuilder &builder, Operation *user, Value value,
                  Format format, OverflowMode overflow);
  Value getSeed(OpBuilder &builder);

  const FXPQuantizeTrainingPassOptions &options;
  unsigned width;
  uint32_t nextStream;
  func::FuncOp currentFunc;
  Value seed;
  /// The quantized form of each operand (and block axis, -1 per tensor)
  /// already rounded in this function: a tensor feeding several contractions
  /// (an activation in the forward and the backward pass) is rounded once,
  /// where that dominates its uses.
  DenseMap<std::tuple<Value, int64_t, unsigned, int>, Value> quantized;
};
} // namespace

Value TrainingRewriter::getSeed(OpBuilder &builder) {
  if (seed)
    return seed;
  // Each function that rounds stochastically takes one trailing seed; one
  // that its author gave it already (an i64 marked fxp.seed) is that seed.
  unsigned index = currentFunc.getNumArguments();
  if (index && currentFunc.getArgAttr(index - 1, kSeedAttr) &&
      currentFunc.getArgument(index - 1).getType().isInteger(64))
    return seed = currentFunc.getArgument(index - 1);
  if (failed(currentFunc.insertArgument(index, builder.getI64Type(),
                                        builder.getDictionaryAttr({}),
                                        currentFunc.getLoc())))
    return {};
  currentFunc.setArgAttr(index, kSeedAttr, builder.getUnitAttr());
  seed = currentFunc.getArgument(index);
  return seed;
}

std::pair<Value, IntegerAttr>
TrainingRewriter::nextRandomness(OpBuilder &builder) {
  if (!isStochastic())
    return {};
  return {getSeed(builder), builder.getI32IntegerAttr(nextStream++)};
}

Format TrainingRewriter::getFormat(Value operand) const {
  unsigned operandWidth = width;
  int fracBits = options.fracBits;
  if (auto arg = dyn_cast<BlockArgument>(operand)) {
    if (auto func = dyn_cast<func::FuncOp>(arg.getOwner()->getParentOp())) {
      // verifyFormatAttrs has checked them.
      if (Attribute attr = func.getArgAttr(arg.getArgNumber(), kWidthAttr))
        operandWidth = *getIntegerInRange(attr, kMinWidth, kMaxWidth);
      if (Attribute attr = func.getArgAttr(arg.getArgNumber(), kFracBitsAttr))
        fracBits = *getIntegerInRange(attr, kMinFracBits, kMaxFracBits);
    }
  }
  return Format{operandWidth, fracBits};
}

Value TrainingRewriter::quantizeOperand(OpBuilder &builder, Operation *user,
                                        Value operand, Format format,
                                        int64_t block, unsigned axis) {
  Location loc = user->getLoc();
  auto type = cast<RankedTensorType>(operand.getType());
  // Argument attributes may ask for formats that do not exist.
  auto emitError = [&] {
    return user->emitOpError("cannot quantize an operand for fxp: ");
  };
  auto [operandWidth, fracBits] = format;
  auto rounding = RoundingModeAttr::get(builder.getContext(), options.rounding);
  auto overflow = OverflowModeAttr::get(builder.getContext(),
                                        OverflowMode::SaturateSymmetric);
  if (options.recipe == Recipe::Gupta) {
    auto fixed = FixedType::getChecked(emitError, builder.getContext(),
                                       operandWidth, fracBits);
    if (!fixed)
      return {};
    auto [seedValue, stream] = nextRandomness(builder);
    return QuantizeOp::create(builder, loc, type.clone(fixed), operand,
                              rounding, overflow, seedValue, stream);
  }
  auto dfp = DFPType::getChecked(emitError, builder.getContext(),
                                 type.getShape(), operandWidth, block, axis);
  if (!dfp)
    return {};
  Value exponent = SharedExponentOp::create(
      builder, loc, dfp.getExponentType(), operand,
      builder.getI32IntegerAttr(operandWidth),
      builder.getI32IntegerAttr(options.headroom),
      builder.getI64IntegerAttr(block), builder.getI32IntegerAttr(axis));
  auto [seedValue, stream] = nextRandomness(builder);
  return QuantizeDFPOp::create(builder, loc, dfp, operand, exponent, rounding,
                               overflow, seedValue, stream);
}

Value TrainingRewriter::roundTrip(OpBuilder &builder, Operation *user,
                                  Value value, Format format,
                                  OverflowMode overflow) {
  Location loc = user->getLoc();
  auto type = cast<RankedTensorType>(value.getType());
  auto emitError = [&] {
    return user->emitOpError("cannot round a result for fxp: ");
  };
  auto rounding = RoundingModeAttr::get(builder.getContext(), options.rounding);
  auto overflowAttr = OverflowModeAttr::get(builder.getContext(), overflow);
  if (options.recipe == Recipe::Gupta) {
    auto fixed = FixedType::getChecked(emitError, builder.getContext(),
                                       format.width, format.fracBits);
    if (!fixed)
      return {};
    auto [seedValue, stream] = nextRandomness(builder);
    Value quantized =
        QuantizeOp::create(builder, loc, type.clone(fixed), value, rounding,
                           overflowAttr, seedValue, stream);
    return DequantizeOp::create(builder, loc, type, quantized);
  }
  auto dfp =
      DFPType::getChecked(emitError, builder.getContext(), type.getShape(),
                          format.width, /*block=*/int64_t(0),
                          /*axis=*/0u);
  if (!dfp)
    return {};
  Value exponent = SharedExponentOp::create(
      builder, loc, dfp.getExponentType(), value,
      builder.getI32IntegerAttr(format.width),
      builder.getI32IntegerAttr(options.headroom), builder.getI64IntegerAttr(0),
      builder.getI32IntegerAttr(0));
  auto [seedValue, stream] = nextRandomness(builder);
  Value quantized =
      QuantizeDFPOp::create(builder, loc, dfp, value, exponent, rounding,
                            overflowAttr, seedValue, stream);
  return DequantizeOp::create(builder, loc, type, quantized);
}

LogicalResult TrainingRewriter::rewrite(func::FuncOp func,
                                        bool callsContraction) {
  currentFunc = func;
  seed = {};
  quantized.clear();
  if (failed(verifyFormatAttrs(func)))
    return failure();
  DominanceInfo dominance(func);
  SmallVector<linalg::LinalgOp> contractions;
  WalkResult walk = func.walk([&](linalg::LinalgOp op) {
    if (isF32Contraction(op)) {
      contractions.push_back(op);
      return WalkResult::advance();
    }
    // A contraction that the pass cannot rewrite must not stay FP32
    // unnoticed. Pooling (windows that only add up or take maxima) is a
    // convolution to linalg, but multiplies nothing: it stays FP32, as do
    // reductions of one input and products of computed values.
    if (isWiderF32Contraction(op)) {
      op->emitOpError(
          "cannot be rewritten into fixed point: "
          "fxp-quantize-training handles contractions of two f32 "
          "tensors whose body is `out + a * b` or `fma(a, b, out)`");
      return WalkResult::interrupt();
    }
    return WalkResult::advance();
  });
  if (walk.wasInterrupted())
    return failure();
  DenseMap<Operation *, RoleFormats> roles = analyzeRoles(
      func, contractions, [&](Value weight) { return getFormat(weight); },
      options.fracBits);
  SetVector<Operation *> transposes;
  for (linalg::LinalgOp op : contractions) {
    RoleFormats formats = roles.lookup(op);
    OpBuilder builder(op);
    Location loc = op.getLoc();
    SmallVector<AffineMap> maps = op.getIndexingMapsArray();
    Value operands[2];
    for (unsigned index : {0u, 1u})
      std::tie(operands[index], maps[index]) = lookThroughTransposes(
          op.getDpsInputs()[index], maps[index], transposes);
    std::optional<BlockLayout> layout;
    if (options.block > 0)
      layout = getBlockLayout(maps);
    if (layout)
      maps = layout->maps;
    auto quantizeOnce = [&](unsigned index) {
      Value operand = operands[index];
      int64_t axis = layout ? int64_t(layout->axes[index]) : -1;
      Format format = formats.operands[index].value_or(getFormat(operand));
      Value &cached = quantized[{operand, axis, format.width, format.fracBits}];
      if (!cached || !dominance.properlyDominates(cached, op))
        cached = quantizeOperand(builder, op, operand, format,
                                 layout ? int64_t(options.block) : 0,
                                 layout ? layout->axes[index] : 0);
      return cached;
    };
    Value lhs = quantizeOnce(0);
    Value rhs = lhs ? quantizeOnce(1) : Value();
    if (!rhs)
      return failure();
    Value init = op.getDpsInits()[0];
    auto resultType = cast<RankedTensorType>(init.getType());
    bool saturating = options.accumulate == Accumulation::Saturating;
    // A dynamic result dimension that no operand dimension gives (a
    // convolution's output positions, read as `d0 + d1`) takes its size
    // from the init: fxp.contract then lists the result's dynamic sizes.
    SmallVector<Value> sizes;
    bool needsSizes =
        llvm::any_of(llvm::enumerate(maps[2].getResults()), [&](auto indexed) {
          auto [position, expr] = indexed;
          return resultType.isDynamicDim(position) &&
                 !llvm::is_contained(maps[0].getResults(), expr) &&
                 !llvm::is_contained(maps[1].getResults(), expr);
        });
    if (needsSizes)
      for (int64_t dim = 0, e = resultType.getRank(); dim < e; ++dim)
        if (resultType.isDynamicDim(dim))
          sizes.push_back(tensor::DimOp::create(builder, loc, init, dim));
    Value result = ContractOp::create(
        builder, loc, resultType, lhs, rhs, sizes,
        builder.getAffineMapArrayAttr(maps),
        saturating ? IntegerAttr() : builder.getI64IntegerAttr(1),
        saturating ? builder.getUnitAttr() : UnitAttr(), builder.getUnitAttr());
    // A weight gradient with a role format rounds to it; gupta rounds
    // every result.
    if (formats.result || options.recipe == Recipe::Gupta) {
      result =
          roundTrip(builder, op, result,
                    formats.result.value_or(Format{width, options.fracBits}),
                    OverflowMode::Saturate);
      if (!result)
        return failure();
    }
    // linalg accumulates into its init: keep that unless it is zero.
    if (!isZeroFill(init)) {
      Value empty = tensor::EmptyOp::create(
          builder, loc, tensor::getMixedSizes(builder, loc, init),
          resultType.getElementType());
      result = linalg::AddOp::create(builder, loc, ValueRange{result, init},
                                     ValueRange{empty})
                   .getResult(0);
    }
    op->replaceAllUsesWith(ValueRange{result});
    op->erase();
  }
  // Copies that only contractions read go; erasing one may free its
  // source's copy, met earlier or later.
  SmallVector<Operation *> copies = transposes.takeVector();
  for (bool erased = true; erased;) {
    erased = false;
    for (Operation *&copy : copies) {
      if (copy && copy->use_empty()) {
        copy->erase();
        copy = nullptr;
        erased = true;
      }
    }
  }
  // gupta keeps no FP32 weights: every tensor result of the step is rounded,
  // also when its contractions are in functions it calls.
  if (options.recipe == Recipe::Gupta &&
      (!contractions.empty() || callsContraction)) {
    for (Block &block : func.getBody()) {
      auto ret = dyn_cast<func::ReturnOp>(block.getTerminator());
      if (!ret)
        continue;
      OpBuilder builder(ret);
      for (OpOperand &operand : ret->getOpOperands()) {
        auto type = dyn_cast<RankedTensorType>(operand.get().getType());
        if (type && type.getRank() > 0 && type.getElementType().isF32())
          operand.set(roundTrip(builder, ret, operand.get(),
                                Format{width, options.fracBits},
                                OverflowMode::Saturate));
      }
    }
  }
  if (isStochastic() && !contractions.empty() && !seed)
    return func.emitOpError("failed to add the seed argument");
  return success();
}

/// The public functions of `module` that have no contraction of their own
/// but call, directly or through other functions, one that has: gupta
/// rounds their results too (a step whose layers are outlined). Taking a
/// function's address (`func.constant`) counts as calling it.
static DenseSet<Operation *> getPublicCallersOfContractions(ModuleOp module) {
  auto funcs = llvm::to_vector(module.getOps<func::FuncOp>());
  DenseSet<Operation *> owners, reaches;
  for (func::FuncOp func : funcs) {
    WalkResult walk = func.walk([](linalg::LinalgOp op) {
      return isF32Contraction(op) ? WalkResult::interrupt()
                                  : WalkResult::advance();
    });
    if (walk.wasInterrupted())
      owners.insert(func);
  }
  reaches = owners;
  auto callsReaching = [&](Operation *op) {
    FlatSymbolRefAttr ref;
    if (auto call = dyn_cast<func::CallOp>(op))
      ref = call.getCalleeAttr();
    else if (auto constant = dyn_cast<func::ConstantOp>(op))
      ref = constant.getValueAttr();
    return ref && reaches.contains(module.lookupSymbol(ref.getAttr()));
  };
  for (bool changed = true; changed;) {
    changed = false;
    for (func::FuncOp func : funcs) {
      if (reaches.contains(func) || !func.walk([&](Operation *op) {
                                           return callsReaching(op)
                                                      ? WalkResult::interrupt()
                                                      : WalkResult::advance();
                                         })
                                         .wasInterrupted())
        continue;
      reaches.insert(func);
      changed = true;
    }
  }
  DenseSet<Operation *> callers;
  for (func::FuncOp func : funcs)
    if (func.isPublic() && reaches.contains(func) && !owners.contains(func))
      callers.insert(func);
  return callers;
}

/// One past the largest stream already used in `module`.
static uint32_t getFirstFreeStream(ModuleOp module) {
  uint32_t next = 0;
  module.walk([&](Operation *op) {
    if (auto stream = op->getAttrOfType<IntegerAttr>("stream"))
      if (isa<FXPDialect>(op->getDialect()))
        next = std::max<uint32_t>(next, stream.getInt() + 1);
  });
  return next;
}

/// Functions that call a function taking a seed take one too and pass theirs.
static LogicalResult propagateSeeds(ModuleOp module) {
  bool changed = true;
  while (changed) {
    changed = false;
    for (auto func : module.getOps<func::FuncOp>()) {
      SmallVector<func::CallOp> calls;
      func.walk([&](func::CallOp call) { calls.push_back(call); });
      for (func::CallOp call : calls) {
        auto callee = module.lookupSymbol<func::FuncOp>(call.getCallee());
        if (!callee || callee.isExternal() || callee.getNumArguments() == 0 ||
            !callee.getArgAttr(callee.getNumArguments() - 1, kSeedAttr) ||
            call.getNumOperands() == callee.getNumArguments())
          continue;
        unsigned last = func.getNumArguments();
        if (last == 0 || !func.getArgAttr(last - 1, kSeedAttr)) {
          OpBuilder builder(func);
          if (failed(func.insertArgument(last, builder.getI64Type(),
                                         builder.getDictionaryAttr({}),
                                         func.getLoc())))
            return failure();
          func.setArgAttr(last, kSeedAttr, builder.getUnitAttr());
          last += 1;
          changed = true;
        }
        call->insertOperands(call.getNumOperands(), func.getArgument(last - 1));
      }
    }
  }
  return success();
}

/// Only `func.call` users of a function that gained a seed are updated: any
/// other use of its symbol (`func.constant`, whose value
/// `func.call_indirect` calls without a seed) is an error at that use.
static LogicalResult checkSeededUses(ModuleOp module) {
  for (auto func : module.getOps<func::FuncOp>()) {
    unsigned numArgs = func.getNumArguments();
    if (func.isExternal() || numArgs == 0 ||
        !func.getArgAttr(numArgs - 1, kSeedAttr))
      continue;
    std::optional<SymbolTable::UseRange> uses =
        SymbolTable::getSymbolUses(func, module);
    if (!uses)
      continue;
    for (const SymbolTable::SymbolUse &use : *uses) {
      Operation *user = use.getUser();
      auto call = dyn_cast<func::CallOp>(user);
      if (call && call.getNumOperands() == numArgs)
        continue;
      auto constant = dyn_cast<func::ConstantOp>(user);
      if (constant && constant.getType() == func.getFunctionType())
        continue;
      return user->emitOpError(constant ? "takes the address of @"
                                        : "refers to @")
             << func.getSymName()
             << ", which stochastic rounding gives a trailing i64 seed "
                "argument (fxp.seed); fxp-quantize-training passes the seed "
                "only through direct func.call: call @"
             << func.getSymName()
             << " directly, or choose a deterministic rounding";
    }
  }
  return success();
}

namespace {
struct FXPQuantizeTrainingPass
    : fxp::impl::FXPQuantizeTrainingPassBase<FXPQuantizeTrainingPass> {
  using Base::Base;
  void runOnOperation() override {
    ModuleOp module = getOperation();
    FXPQuantizeTrainingPassOptions options{recipe,     rounding, width,
                                           fracBits,   headroom, block,
                                           accumulate, minChunk, narrow};
    // The formats the options ask for must exist.
    auto emitOptionError = [&] {
      return emitError(module.getLoc()) << "fxp-quantize-training: ";
    };
    unsigned defaultWidth = recipe == Recipe::Gupta ? 16 : 14;
    if (failed(FixedType::verify(emitOptionError,
                                 width ? unsigned(width) : defaultWidth,
                                 recipe == Recipe::Gupta ? int(fracBits) : 0)))
      return signalPassFailure();
    if (headroom < 0 || headroom > SharedExponentOp::kMaxHeadroom) {
      emitOptionError() << "headroom must be in [0, "
                        << SharedExponentOp::kMaxHeadroom << "], got "
                        << int(headroom);
      return signalPassFailure();
    }
    if (minChunk < 0) {
      emitOptionError() << "min-chunk must be non-negative, got "
                        << int64_t(minChunk);
      return signalPassFailure();
    }
    if (block < 0 || (block > 0 && recipe != Recipe::DFP16)) {
      emitError(module.getLoc())
          << "fxp-quantize-training: block=" << int64_t(block)
          << " needs the dfp16 recipe and a non-negative size";
      return signalPassFailure();
    }
    TrainingRewriter rewriter(options, getFirstFreeStream(module));
    DenseSet<Operation *> callers = getPublicCallersOfContractions(module);
    for (auto func : llvm::to_vector(module.getOps<func::FuncOp>()))
      if (!func.isExternal() &&
          failed(rewriter.rewrite(func, callers.contains(func))))
        return signalPassFailure();
    if (failed(propagateSeeds(module)) || failed(checkSeededUses(module)) ||
        failed(legalizeAccumulation(module, minChunk, narrow)))
      signalPassFailure();
  }
};
} // namespace
