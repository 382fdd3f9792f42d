//===- FXPToArith.cpp - lower fxp to integer arith on tensors ---*- C++ -*-===//

#include "fxp/Conversion/FXPToArith/FXPToArith.h"
#include "FixedPointMath.h"
#include "Patterns.h"
#include "fxp/Dialect/FXP/IR/FXPOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Func/Transforms/FuncConversions.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/SCF/Transforms/Patterns.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/Transforms/DialectConversion.h"

namespace mlir::fxp {
#define GEN_PASS_DEF_CONVERTFXPTOARITHPASS
#include "fxp/Conversion/Passes.h.inc"
} // namespace mlir::fxp

using namespace mlir;
using namespace mlir::fxp;

FXPTypeConverter::FXPTypeConverter() {
  addConversion([](Type type) { return type; });
  addConversion([](FixedType type) -> Type { return type.getStorageType(); });
  addConversion([](RankedTensorType type) -> Type {
    if (auto fixed = dyn_cast<FixedType>(type.getElementType()))
      return type.clone(fixed.getStorageType());
    return type;
  });
  addConversion(
      [](DFPType type, SmallVectorImpl<Type> &results) -> LogicalResult {
        results.push_back(type.getMantissaStorageType());
        results.push_back(type.getExponentType());
        return success();
      });
}

//===----------------------------------------------------------------------===//
// Shared building blocks
//===----------------------------------------------------------------------===//

SmallVector<Value> mlir::fxp::getDimSizes(OpBuilder &builder, Location loc,
                                          Value tensor) {
  return llvm::map_to_vector(
      tensor::getMixedSizes(builder, loc, tensor), [&](OpFoldResult size) {
        return getValueOrCreateConstantIndexOp(builder, loc, size);
      });
}

/// Groups of consecutive loops that every map indexes as consecutive plain
/// dimensions, or not at all. A nest over such a group runs as one
/// loop over the same elements in the same order, so the row-major linear
/// index is unchanged and the inner loop is long enough to vectorize (NHWC
/// tensors with few channels would otherwise loop over 1 or 8 elements).
/// A group holds at most one dynamic loop: upstream's
/// expand-strided-metadata crashes on an expand_shape with two dynamic
/// sizes in one group. A shape with a static 0 has no elements and stays
/// as it is: folding would make a group of 0 and a dynamic size static,
/// which memref.collapse_shape rejects.
static SmallVector<ReassociationIndices>
getCollapsibleLoops(ArrayRef<int64_t> shape, ArrayRef<AffineMap> maps) {
  if (llvm::is_contained(shape, 0))
    return llvm::map_to_vector(
        llvm::seq<int64_t>(shape.size()),
        [](int64_t dim) { return ReassociationIndices{dim}; });
  auto mergeable = [&](unsigned dim) {
    return llvm::all_of(maps, [&](AffineMap map) {
      auto uses = [&](unsigned d) {
        return llvm::count_if(map.getResults(), [&](AffineExpr expr) {
          return expr.isFunctionOfDim(d);
        });
      };
      if (uses(dim) == 0 && uses(dim + 1) == 0)
        return true;
      MLIRContext *context = map.getContext();
      std::optional<unsigned> outer =
          map.getResultPosition(getAffineDimExpr(dim, context));
      std::optional<unsigned> inner =
          map.getResultPosition(getAffineDimExpr(dim + 1, context));
      return outer && inner && *inner == *outer + 1 && uses(dim) == 1 &&
             uses(dim + 1) == 1;
    });
  };
  SmallVector<ReassociationIndices> groups = {{0}};
  for (unsigned dim = 0; dim + 1 < shape.size(); ++dim) {
    bool twoDynamic = ShapedType::isDynamic(shape[dim + 1]) &&
                      llvm::any_of(groups.back(), [&](int64_t loop) {
                        return ShapedType::isDynamic(shape[loop]);
                      });
    if (mergeable(dim) && !twoDynamic)
      groups.back().push_back(dim + 1);
    else
      groups.push_back({int64_t(dim + 1)});
  }
  return groups;
}

/// `map` over the collapsed loops `groups`, and how its operand's
/// dimensions collapse along with them.
static std::pair<AffineMap, SmallVector<ReassociationIndices>>
collapseMap(AffineMap map, ArrayRef<ReassociationIndices> groups) {
  MLIRContext *context = map.getContext();
  SmallVector<AffineExpr> loopOf(map.getNumDims());
  for (auto [group, dims] : llvm::enumerate(groups))
    for (int64_t dim : dims)
      loopOf[dim] = getAffineDimExpr(group, context);
  SmallVector<AffineExpr> results;
  SmallVector<ReassociationIndices> reassociation;
  for (auto [position, expr] : llvm::enumerate(map.getResults())) {
    auto dim = dyn_cast<AffineDimExpr>(expr);
    // A loop merged into the previous result's (see getCollapsibleLoops).
    if (dim && !results.empty() &&
        results.back() == loopOf[dim.getPosition()]) {
      reassociation.back().push_back(position);
      continue;
    }
    results.push_back(expr.replaceDims(loopOf));
    reassociation.push_back({int64_t(position)});
  }
  return {AffineMap::get(groups.size(), 0, results, context), reassociation};
}

Value mlir::fxp::buildElementwise(OpBuilder &builder, Location loc,
                                  Type resultType, ValueRange operands,
                                  ArrayRef<AffineMap> operandMaps,
                                  bool needsIndex, ElementBody body) {
  ImplicitLocOpBuilder b(loc, builder);
  auto tensorType = dyn_cast<RankedTensorType>(resultType);
  if (!tensorType)
    return body(b, operands, createIntConstant(b, 0, 64));

  unsigned rank = tensorType.getRank();
  AffineMap identity = b.getMultiDimIdentityMap(rank);
  SmallVector<AffineMap> maps(operandMaps);
  maps.resize(operands.size(), identity);
  SmallVector<Value> inputs(operands);
  RankedTensorType loopType = tensorType;
  SmallVector<ReassociationIndices> groups =
      getCollapsibleLoops(tensorType.getShape(), maps);
  bool collapse = groups.size() < rank;
  if (collapse) {
    for (auto [input, map] : llvm::zip(inputs, maps)) {
      auto [collapsedMap, reassociation] = collapseMap(map, groups);
      if (reassociation.size() < map.getNumResults())
        input = tensor::CollapseShapeOp::create(b, input, reassociation);
      map = collapsedMap;
    }
    loopType = tensor::CollapseShapeOp::inferCollapsedType(tensorType, groups);
    rank = groups.size();
    identity = b.getMultiDimIdentityMap(rank);
  }

  SmallVector<Value> sizes = getDimSizes(b, loc, inputs.front());
  SmallVector<Value> dynamicSizes;
  for (unsigned dim = 0; dim < rank; ++dim)
    if (loopType.isDynamicDim(dim))
      dynamicSizes.push_back(sizes[dim]);
  Value init = tensor::EmptyOp::create(b, loopType.getShape(),
                                       loopType.getElementType(), dynamicSizes);
  maps.push_back(identity);
  SmallVector<utils::IteratorType> iterators(rank,
                                             utils::IteratorType::parallel);
  auto generic = linalg::GenericOp::create(
      b, TypeRange{loopType}, inputs, ValueRange{init}, maps, iterators,
      [&](OpBuilder &nested, Location nestedLoc, ValueRange args) {
        ImplicitLocOpBuilder nb(nestedLoc, nested);
        Value index;
        if (needsIndex) {
          // The row-major linear index of the element, in i32 when every
          // index fits: vectorized i32 arithmetic is half the work of i64,
          // and the zero upper half folds away where the index is split.
          bool fits32 = loopType.hasStaticShape() &&
                        loopType.getNumElements() <= (int64_t(1) << 32);
          Type indexType = fits32 ? Type(nb.getI32Type()) : nb.getIndexType();
          index = arith::ConstantOp::create(nb, nb.getZeroAttr(indexType));
          for (unsigned dim = 0; dim < rank; ++dim) {
            Value size =
                fits32 ? arith::IndexCastUIOp::create(nb, indexType, sizes[dim])
                       : sizes[dim];
            Value position = linalg::IndexOp::create(nb, dim);
            if (fits32)
              position = arith::IndexCastUIOp::create(nb, indexType, position);
            index = arith::AddIOp::create(
                nb, arith::MulIOp::create(nb, index, size), position);
          }
          index =
              fits32 ? Value(arith::ExtUIOp::create(nb, nb.getI64Type(), index))
                     : Value(arith::IndexCastUIOp::create(nb, nb.getI64Type(),
                                                          index));
        }
        Value result = body(nb, args.drop_back(), index);
        linalg::YieldOp::create(nb, result);
      });
  if (!collapse)
    return generic.getResult(0);
  return tensor::ExpandShapeOp::create(
      b, tensorType, generic.getResult(0), groups,
      tensor::getMixedSizes(b, loc, operands.front()));
}

//===----------------------------------------------------------------------===//
// Constants and DFP parts
//===----------------------------------------------------------------------===//

namespace {
struct ConstantLowering : OpConversionPattern<ConstantOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(ConstantOp op, OpAdaptor,
                  ConversionPatternRewriter &rewriter) const override {
    rewriter.replaceOpWithNewOp<arith::ConstantOp>(op, op.getValue());
    return success();
  }
};

struct MantissasLowering : OpConversionPattern<MantissasOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(MantissasOp op, OneToNOpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    rewriter.replaceOp(op, adaptor.getInput()[0]);
    return success();
  }
};

struct ExponentsLowering : OpConversionPattern<ExponentsOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(ExponentsOp op, OneToNOpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    rewriter.replaceOp(op, adaptor.getInput()[1]);
    return success();
  }
};

struct MakeDFPLowering : OpConversionPattern<MakeDFPOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(MakeDFPOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    SmallVector<Value> parts = {adaptor.getMantissas(), adaptor.getExponents()};
    rewriter.replaceOpWithMultiple(op, {parts});
    return success();
  }
};

/// Ops of the tensor dialect only move elements around, whatever their type:
/// they are rebuilt on the storage types.
struct TensorOpTypeConversion : ConversionPattern {
  TensorOpTypeConversion(const TypeConverter &converter, MLIRContext *context)
      : ConversionPattern(converter, MatchAnyOpTypeTag(), /*benefit=*/1,
                          context) {}
  LogicalResult
  matchAndRewrite(Operation *op, ArrayRef<Value> operands,
                  ConversionPatternRewriter &rewriter) const override {
    if (!isa<tensor::TensorDialect>(op->getDialect()) ||
        op->getNumRegions() != 0)
      return rewriter.notifyMatchFailure(op, "not a region-free tensor op");
    SmallVector<Type> resultTypes;
    if (failed(getTypeConverter()->convertTypes(op->getResultTypes(),
                                                resultTypes)) ||
        resultTypes.size() != op->getNumResults())
      return rewriter.notifyMatchFailure(op, "result types do not convert");
    OperationState state(op->getLoc(), op->getName(), operands, resultTypes,
                         op->getAttrs(), op->getSuccessors());
    rewriter.replaceOp(op, rewriter.create(state)->getResults());
    return success();
  }
};

struct ConvertFXPToArithPass
    : fxp::impl::ConvertFXPToArithPassBase<ConvertFXPToArithPass> {
  using Base::Base;
  void runOnOperation() override {
    MLIRContext *context = &getContext();
    FXPTypeConverter converter;
    ConversionTarget target(*context);
    target.addIllegalDialect<FXPDialect>();
    // Target ops work on builtin vectors; convert-fxp-to-llvm lowers them
    // once the code is in buffers.
    target.addLegalOp<X86DotPairsOp, X86DotPairsSaturatingOp,
                      X86MultiplyAddPairsOp>();
    target.markUnknownOpDynamicallyLegal(
        [&](Operation *op) { return converter.isLegal(op); });
    target.addDynamicallyLegalOp<func::FuncOp>([&](func::FuncOp op) {
      return converter.isSignatureLegal(op.getFunctionType()) &&
             converter.isLegal(&op.getBody());
    });

    RewritePatternSet patterns(context);
    populateFXPToArithConversionPatterns(converter, patterns);
    populateFunctionOpInterfaceTypeConversionPattern<func::FuncOp>(patterns,
                                                                   converter);
    populateCallOpTypeConversionPattern(patterns, converter);
    populateReturnOpTypeConversionPattern(patterns, converter);
    scf::populateSCFStructuralTypeConversionsAndLegality(converter, patterns,
                                                         target);
    if (failed(applyPartialConversion(getOperation(), target,
                                      std::move(patterns))))
      signalPassFailure();
  }
};
} // namespace

void mlir::fxp::populateFXPToArithConversionPatterns(
    const TypeConverter &converter, RewritePatternSet &patterns) {
  patterns.add<ConstantLowering, MantissasLowering, ExponentsLowering,
               MakeDFPLowering, TensorOpTypeConversion>(converter,
                                                        patterns.getContext());
  populateElementwisePatterns(converter, patterns);
  populateContractionPatterns(converter, patterns);
}
