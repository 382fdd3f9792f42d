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
#include "mlir/Dialect/SCF/Transforms/Patterns.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
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

Value mlir::fxp::buildElementwise(OpBuilder &builder, Location loc,
                                  Type resultType, ValueRange operands,
                                  ArrayRef<AffineMap> operandMaps,
                                  bool needsIndex, ElementBody body) {
  ImplicitLocOpBuilder b(loc, builder);
  auto tensorType = dyn_cast<RankedTensorType>(resultType);
  if (!tensorType)
    return body(b, operands, createIntConstant(b, 0, 64));

  unsigned rank = tensorType.getRank();
  SmallVector<Value> sizes = getDimSizes(b, loc, operands.front());
  SmallVector<Value> dynamicSizes;
  for (unsigned dim = 0; dim < rank; ++dim)
    if (tensorType.isDynamicDim(dim))
      dynamicSizes.push_back(sizes[dim]);
  Value init = tensor::EmptyOp::create(
      b, tensorType.getShape(), tensorType.getElementType(), dynamicSizes);
  AffineMap identity = b.getMultiDimIdentityMap(rank);
  SmallVector<AffineMap> maps(operandMaps);
  maps.resize(operands.size(), identity);
  maps.push_back(identity);
  SmallVector<utils::IteratorType> iterators(rank,
                                             utils::IteratorType::parallel);
  auto generic = linalg::GenericOp::create(
      b, TypeRange{tensorType}, operands, ValueRange{init}, maps, iterators,
      [&](OpBuilder &nested, Location nestedLoc, ValueRange args) {
        ImplicitLocOpBuilder nb(nestedLoc, nested);
        Value index;
        if (needsIndex) {
          // The row-major linear index of the element, in i32 when every
          // index fits: vectorized i32 arithmetic is half the work of i64,
          // and the zero upper half folds away where the index is split.
          bool fits32 = tensorType.hasStaticShape() &&
                        tensorType.getNumElements() <= (int64_t(1) << 32);
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
  return generic.getResult(0);
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
