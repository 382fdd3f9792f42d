//===- ContractionPatterns.cpp - reductions of fxp to linalg ----*- C++ -*-===//

#include "FixedPointMath.h"
#include "Patterns.h"
#include "fxp/Dialect/FXP/IR/FXPOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Arith/Utils/Utils.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"

using namespace mlir;
using namespace mlir::fxp;

/// A tensor of `type` (dynamic sizes from `dynamicSizes`) filled with `value`.
static Value createFilled(ImplicitLocOpBuilder &b, RankedTensorType type,
                          ValueRange dynamicSizes, TypedAttr value) {
  Value empty = tensor::EmptyOp::create(b, type.getShape(),
                                        type.getElementType(), dynamicSizes);
  Value scalar = arith::ConstantOp::create(b, value);
  return linalg::FillOp::create(b, scalar, empty).getResult(0);
}

namespace {

/// The largest finite magnitude of each block is an unsigned max over the
/// magnitudes' bits (a reduction whose output map folds each block onto one
/// element); its exponent is then computed element-wise.
struct SharedExponentLowering : OpConversionPattern<SharedExponentOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(SharedExponentOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    ImplicitLocOpBuilder b(op.getLoc(), rewriter);
    Value input = adaptor.getInput();
    RankedTensorType resultType = op.getType();
    unsigned rank = op.getInput().getType().getRank();
    int64_t block = op.getBlock();
    unsigned axis = op.getAxis();

    SmallVector<Value> sizes = getDimSizes(b, op.getLoc(), input);
    SmallVector<Value> dynamicSizes;
    for (unsigned dim = 0; dim < resultType.getRank(); ++dim) {
      if (!resultType.isDynamicDim(dim))
        continue;
      Value size = sizes[dim];
      if (dim == axis)
        size = arith::CeilDivUIOp::create(
            b, size, arith::ConstantIndexOp::create(b, block));
      dynamicSizes.push_back(size);
    }
    Value init =
        createFilled(b, resultType, dynamicSizes, b.getI32IntegerAttr(0));

    SmallVector<AffineExpr> outputExprs;
    SmallVector<utils::IteratorType> iterators;
    for (unsigned dim = 0; dim < rank; ++dim) {
      AffineExpr expr = b.getAffineDimExpr(dim);
      bool reduced = block == 0 || dim == axis;
      iterators.push_back(reduced ? utils::IteratorType::reduction
                                  : utils::IteratorType::parallel);
      if (block > 0)
        outputExprs.push_back(dim == axis ? expr.floorDiv(block) : expr);
    }
    SmallVector<AffineMap> maps = {
        b.getMultiDimIdentityMap(rank),
        AffineMap::get(rank, 0, outputExprs, b.getContext())};
    auto maxBits = linalg::GenericOp::create(
        b, TypeRange{resultType}, ValueRange{input}, ValueRange{init}, maps,
        iterators, [&](OpBuilder &nested, Location loc, ValueRange args) {
          ImplicitLocOpBuilder nb(loc, nested);
          Value bits = emitMagnitudeBits(nb, args[0]);
          linalg::YieldOp::create(
              nb, Value(arith::MaxUIOp::create(nb, bits, args[1])));
        });

    unsigned width = op.getWidth();
    int64_t headroom = op.getHeadroom();
    Value result = buildElementwise(
        rewriter, op.getLoc(), resultType, maxBits.getResults(), {}, false,
        [&](ImplicitLocOpBuilder &nb, ValueRange args, Value) {
          return emitSharedExponent(nb, args[0], width, headroom);
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

/// The size of every loop of `maps`, from an operand dimension that the loop
/// indexes directly (the verifiers guarantee there is one).
static SmallVector<Value> getLoopSizes(ImplicitLocOpBuilder &b,
                                       ArrayRef<AffineMap> maps,
                                       ArrayRef<Value> operands) {
  unsigned numLoops = maps.front().getNumDims();
  SmallVector<Value> sizes(numLoops);
  for (auto [map, operand] : llvm::zip(maps, operands)) {
    SmallVector<Value> dims = getDimSizes(b, b.getLoc(), operand);
    for (auto [position, expr] : llvm::enumerate(map.getResults()))
      if (auto dim = dyn_cast<AffineDimExpr>(expr);
          dim && !sizes[dim.getPosition()])
        sizes[dim.getPosition()] = dims[position];
  }
  return sizes;
}

/// SEMANTICS §6 as one linalg.generic over the contraction's loops with two
/// accumulators: the current chunk's i32 sum, and the f32 sum that each
/// finished chunk is added to. Reduction loops run in lexicographic order, so
/// the linearized reduction index `k` tells where a chunk ends. The f32 total
/// is then scaled by 2^exp2 once. A saturating contraction keeps instead its
/// saturating i32 total and the first product of the current pair.
template <typename OpTy>
struct ChunkedContractionLowering : OpConversionPattern<OpTy> {
  using OpConversionPattern<OpTy>::OpConversionPattern;
  using OneToNOpAdaptor = typename OpConversionPattern<OpTy>::OneToNOpAdaptor;

  LogicalResult
  matchAndRewrite(OpTy op, OneToNOpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    ImplicitLocOpBuilder b(op.getLoc(), rewriter);
    Value lhs = adaptor.getLhs()[0], rhs = adaptor.getRhs()[0];
    RankedTensorType resultType = op.getType();
    SmallVector<AffineMap> maps = op.getIndexingMapsArray();
    AffineMap resultMap = maps[2];
    unsigned numLoops = resultMap.getNumDims();
    SmallVector<Value> loopSizes =
        getLoopSizes(b, {maps[0], maps[1]}, {lhs, rhs});
    // Loops that only the result indexes have its static sizes.
    for (auto [position, expr] : llvm::enumerate(resultMap.getResults())) {
      Value &size = loopSizes[cast<AffineDimExpr>(expr).getPosition()];
      if (!size)
        size =
            arith::ConstantIndexOp::create(b, resultType.getDimSize(position));
    }

    SmallVector<utils::IteratorType> iterators(numLoops,
                                               utils::IteratorType::reduction);
    SmallVector<Value> dynamicSizes;
    for (auto [position, expr] : llvm::enumerate(resultMap.getResults())) {
      unsigned loop = cast<AffineDimExpr>(expr).getPosition();
      iterators[loop] = utils::IteratorType::parallel;
      if (resultType.isDynamicDim(position))
        dynamicSizes.push_back(loopSizes[loop]);
    }
    SmallVector<unsigned> reductionLoops;
    for (unsigned loop = 0; loop < numLoops; ++loop)
      if (iterators[loop] == utils::IteratorType::reduction)
        reductionLoops.push_back(loop);
    // K, the number of products per result element.
    Value reductionSize = arith::ConstantIndexOp::create(b, 1);
    for (unsigned loop : reductionLoops)
      reductionSize = arith::MulIOp::create(b, reductionSize, loopSizes[loop]);

    bool saturating = op.getSaturating();
    auto i32Type = RankedTensorType::get(resultType.getShape(), b.getI32Type());
    Value chunkInit =
        createFilled(b, i32Type, dynamicSizes, b.getI32IntegerAttr(0));
    Value sumInit = saturating ? chunkInit
                               : createFilled(b, resultType, dynamicSizes,
                                              b.getF32FloatAttr(0.0f));

    Type lhsType = op.getLhs().getType(), rhsType = op.getRhs().getType();
    // The clamp that `symmetric` promises: qmin never enters a product.
    auto widen = [&](ImplicitLocOpBuilder &nb, Value v, Type type) {
      Value wide = v.getType().isInteger(32)
                       ? v
                       : Value(arith::ExtSIOp::create(nb, nb.getI32Type(), v));
      if (!op.getSymmetric())
        return wide;
      return Value(arith::MaxSIOp::create(
          nb, wide, createIntConstant(nb, -op.getMaxMagnitude(type), 32)));
    };
    maps.push_back(resultMap);
    auto reduction = linalg::GenericOp::create(
        b, TypeRange{i32Type, sumInit.getType()}, ValueRange{lhs, rhs},
        ValueRange{chunkInit, sumInit}, maps, iterators,
        [&](OpBuilder &nested, Location loc, ValueRange args) {
          ImplicitLocOpBuilder nb(loc, nested);
          Value product = arith::MulIOp::create(nb, widen(nb, args[0], lhsType),
                                                widen(nb, args[1], rhsType));
          // next = (row-major index of this product among the K) + 1.
          Value next = arith::ConstantIndexOp::create(nb, 0);
          for (unsigned loop : reductionLoops)
            next = arith::AddIOp::create(
                nb, arith::MulIOp::create(nb, next, loopSizes[loop]),
                linalg::IndexOp::create(nb, loop));
          next = arith::AddIOp::create(nb, next,
                                       arith::ConstantIndexOp::create(nb, 1));
          // Whether this product ends a run of `length`, or the whole K.
          auto endsRun = [&](int64_t length) {
            Value endsLength = arith::CmpIOp::create(
                nb, arith::CmpIPredicate::eq,
                arith::RemUIOp::create(
                    nb, next, arith::ConstantIndexOp::create(nb, length)),
                arith::ConstantIndexOp::create(nb, 0));
            Value endsK = arith::CmpIOp::create(nb, arith::CmpIPredicate::eq,
                                                next, reductionSize);
            return arith::OrIOp::create(nb, endsLength, endsK);
          };
          if (saturating) {
            // args[2] holds the pair's first product when this is its second.
            Value second = arith::CmpIOp::create(
                nb, arith::CmpIPredicate::eq,
                arith::RemUIOp::create(nb, next,
                                       arith::ConstantIndexOp::create(nb, 2)),
                arith::ConstantIndexOp::create(nb, 0));
            Value pair = arith::SelectOp::create(
                nb, second, arith::AddIOp::create(nb, args[2], product),
                product);
            Value total = arith::SelectOp::create(
                nb, endsRun(2), emitSaturatingAdd(nb, args[3], pair), args[3]);
            linalg::YieldOp::create(nb, ValueRange{pair, total});
            return;
          }
          Value chunkSum = arith::AddIOp::create(nb, args[2], product);
          Value flush = endsRun(*op.getChunk());
          Value flushed = arith::AddFOp::create(
              nb, args[3],
              arith::SIToFPOp::create(nb, nb.getF32Type(), chunkSum));
          linalg::YieldOp::create(
              nb,
              ValueRange{arith::SelectOp::create(
                             nb, flush, createIntConstant(nb, 0, 32), chunkSum),
                         arith::SelectOp::create(nb, flush, flushed, args[3])});
        });

    Value exp2;
    if (isa<DFPType>(lhsType)) {
      auto exponent = [&](ValueRange parts) {
        Value e = tensor::ExtractOp::create(b, parts[1], ValueRange{});
        return arith::ExtSIOp::create(b, b.getI64Type(), e);
      };
      exp2 = arith::AddIOp::create(b, exponent(adaptor.getLhs()),
                                   exponent(adaptor.getRhs()));
    } else {
      int64_t frac = getFixedElementType(lhsType).getFrac() +
                     getFixedElementType(rhsType).getFrac();
      exp2 = createIntConstant(b, -frac, 64);
    }
    Value result = buildElementwise(
        rewriter, op.getLoc(), resultType, {reduction.getResult(1)}, {}, false,
        [&](ImplicitLocOpBuilder &nb, ValueRange args, Value) {
          Value sum = args[0];
          if (saturating)
            sum = arith::SIToFPOp::create(nb, nb.getF32Type(), sum);
          return emitScaleToFloat(nb, sum, exp2);
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

} // namespace

void mlir::fxp::populateContractionPatterns(const TypeConverter &converter,
                                            RewritePatternSet &patterns) {
  patterns.add<SharedExponentLowering, ChunkedContractionLowering<MatmulOp>,
               ChunkedContractionLowering<ContractOp>>(converter,
                                                       patterns.getContext());
}
