//===- ElementwisePatterns.cpp - element-wise fxp ops to arith --*- C++ -*-===//

#include "FixedPointMath.h"
#include "Patterns.h"
#include "fxp/Dialect/FXP/IR/FXPOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"

using namespace mlir;
using namespace mlir::fxp;

/// The stream key of a stochastic rounding op (an `i32`), or null.
template <typename OpTy>
static Value getStreamKey(ImplicitLocOpBuilder &b, OpTy op, Value seed) {
  if (!op.isStochastic())
    return {};
  return emitStreamKey(b, seed, static_cast<uint32_t>(*op.getStream()));
}

/// The element's random word, when the op rounds stochastically.
static Value getRandomBits(ImplicitLocOpBuilder &b, Value key, Value index) {
  return key ? emitRandomBits(b, key, index) : Value();
}

template <typename OpTy> static RoundingConfig getRoundingConfig(OpTy op) {
  return {op.getRounding(), op.getOverflow(),
          getFixedElementType(op.getType()).getWidth()};
}

static Value signExtendTo(ImplicitLocOpBuilder &b, Value v, unsigned bits) {
  if (v.getType().isInteger(bits))
    return v;
  return arith::ExtSIOp::create(b, b.getIntegerType(bits), v);
}

static Value signExtend64(ImplicitLocOpBuilder &b, Value v) {
  return signExtendTo(b, v, 64);
}

/// `v` (an integer in `type`'s range) in `type`'s storage.
static Value truncateTo(ImplicitLocOpBuilder &b, Value v, FixedType type) {
  if (v.getType() == type.getStorageType())
    return v;
  return arith::TruncIOp::create(b, type.getStorageType(), v);
}

/// Indexes a DFP tensor's exponents from the loops over its elements.
static AffineMap getExponentMap(DFPType type) {
  MLIRContext *context = type.getContext();
  unsigned rank = type.getShape().size();
  if (type.isPerTensor())
    return AffineMap::get(rank, 0, {}, context);
  SmallVector<AffineExpr> exprs;
  for (unsigned dim = 0; dim < rank; ++dim) {
    AffineExpr expr = getAffineDimExpr(dim, context);
    exprs.push_back(dim == type.getAxis() ? expr.floorDiv(type.getBlock())
                                          : expr);
  }
  return AffineMap::get(rank, 0, exprs, context);
}

namespace {

struct ToStorageLowering : OpConversionPattern<ToStorageOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(ToStorageOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    rewriter.replaceOp(op, adaptor.getInput());
    return success();
  }
};

struct FromStorageLowering : OpConversionPattern<FromStorageOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(FromStorageOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    FixedType fixed = getFixedElementType(op.getType());
    unsigned spare = fixed.getStorageType().getWidth() - fixed.getWidth();
    if (spare == 0) {
      rewriter.replaceOp(op, adaptor.getInput());
      return success();
    }
    // Sign-extend the low W bits.
    Value result = buildElementwise(
        rewriter, op.getLoc(), adaptor.getInput().getType(),
        {adaptor.getInput()}, {}, false,
        [&](ImplicitLocOpBuilder &nb, ValueRange args, Value) {
          Value amount =
              createIntConstant(nb, spare, fixed.getStorageType().getWidth());
          return Value(arith::ShRSIOp::create(
              nb, arith::ShLIOp::create(nb, args[0], amount), amount));
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

struct QuantizeLowering : OpConversionPattern<QuantizeOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(QuantizeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    ImplicitLocOpBuilder b(op.getLoc(), rewriter);
    FixedType fixed = getFixedElementType(op.getType());
    RoundingConfig config = getRoundingConfig(op);
    Value key = getStreamKey(b, op, adaptor.getSeed());
    Value result = buildElementwise(
        rewriter, op.getLoc(), getTypeConverter()->convertType(op.getType()),
        {adaptor.getInput()}, {}, key != nullptr,
        [&](ImplicitLocOpBuilder &nb, ValueRange args, Value index) {
          Value frac = createIntConstant(nb, fixed.getFrac(), 64);
          Value q = emitQuantizeFloat(nb, args[0], frac, config,
                                      getRandomBits(nb, key, index));
          return truncateTo(nb, q, fixed);
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

struct QuantizeDFPLowering : OpConversionPattern<QuantizeDFPOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(QuantizeDFPOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    ImplicitLocOpBuilder b(op.getLoc(), rewriter);
    DFPType dfp = op.getType();
    FixedType mantissa = dfp.getMantissaElementType();
    RoundingConfig config{op.getRounding(), op.getOverflow(), dfp.getWidth()};
    Value key = getStreamKey(b, op, adaptor.getSeed());
    AffineMap identity = b.getMultiDimIdentityMap(dfp.getShape().size());
    Value mantissas = buildElementwise(
        rewriter, op.getLoc(), dfp.getMantissaStorageType(),
        {adaptor.getInput(), adaptor.getExponents()},
        {identity, getExponentMap(dfp)}, key != nullptr,
        [&](ImplicitLocOpBuilder &nb, ValueRange args, Value index) {
          // t = x * 2^-e: quantizing with -e fraction bits.
          Value frac = arith::SubIOp::create(nb, createIntConstant(nb, 0, 64),
                                             signExtend64(nb, args[1]));
          Value m = emitQuantizeFloat(nb, args[0], frac, config,
                                      getRandomBits(nb, key, index));
          return truncateTo(nb, m, mantissa);
        });
    SmallVector<Value> parts = {mantissas, adaptor.getExponents()};
    rewriter.replaceOpWithMultiple(op, {parts});
    return success();
  }
};

struct DequantizeLowering : OpConversionPattern<DequantizeOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(DequantizeOp op, OneToNOpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    ValueRange input = adaptor.getInput();
    if (auto dfp = dyn_cast<DFPType>(op.getInput().getType())) {
      AffineMap identity =
          rewriter.getMultiDimIdentityMap(dfp.getShape().size());
      Value result = buildElementwise(
          rewriter, op.getLoc(), op.getType(), input,
          {identity, getExponentMap(dfp)}, false,
          [&](ImplicitLocOpBuilder &nb, ValueRange args, Value) {
            return emitScaleToFloat(nb, args[0], signExtend64(nb, args[1]));
          });
      rewriter.replaceOp(op, result);
      return success();
    }
    int frac = getFixedElementType(op.getInput().getType()).getFrac();
    Value result =
        buildElementwise(rewriter, op.getLoc(), op.getType(), input, {}, false,
                         [&](ImplicitLocOpBuilder &nb, ValueRange args, Value) {
                           return emitScaleToFloat(
                               nb, args[0], createIntConstant(nb, -frac, 64));
                         });
    rewriter.replaceOp(op, result);
    return success();
  }
};

struct RescaleLowering : OpConversionPattern<RescaleOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(RescaleOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    ImplicitLocOpBuilder b(op.getLoc(), rewriter);
    FixedType from = getFixedElementType(op.getInput().getType());
    FixedType to = getFixedElementType(op.getType());
    RoundingConfig config = getRoundingConfig(op);
    Value key = getStreamKey(b, op, adaptor.getSeed());
    Value result = buildElementwise(
        rewriter, op.getLoc(), getTypeConverter()->convertType(op.getType()),
        {adaptor.getInput()}, {}, key != nullptr,
        [&](ImplicitLocOpBuilder &nb, ValueRange args, Value index) {
          Value shift =
              createIntConstant(nb, from.getFrac() - to.getFrac(), 64);
          Value v = emitRoundShifted(nb, signExtend64(nb, args[0]), shift,
                                     config, getRandomBits(nb, key, index));
          return truncateTo(nb, v, to);
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

struct SaturateLowering : OpConversionPattern<SaturateOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(SaturateOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    FixedType to = getFixedElementType(op.getType());
    int64_t hi = to.getMaxValue();
    int64_t lo = op.getSymmetric() ? -hi : to.getMinValue();
    Value result = buildElementwise(
        rewriter, op.getLoc(), getTypeConverter()->convertType(op.getType()),
        {adaptor.getInput()}, {}, false,
        [&](ImplicitLocOpBuilder &nb, ValueRange args, Value) {
          Value v = signExtend64(nb, args[0]);
          v = arith::MinSIOp::create(nb, v, createIntConstant(nb, hi, 64));
          v = arith::MaxSIOp::create(nb, v, createIntConstant(nb, lo, 64));
          return truncateTo(nb, v, to);
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

/// Whether `fxp.mul` of `lhs` and `rhs`, whose exact product is shifted
/// right by `shift`, rounds exactly in i32 (FixedPointMath.h): the product
/// is at most 2^30 in magnitude (and results have at most 32 bits).
static bool roundsProductInI32(FixedType lhs, FixedType rhs, int64_t shift) {
  return lhs.getWidth() + rhs.getWidth() <= 32 && shift >= -31;
}

/// Add, sub and mul compute an exact result with `fracBits` fraction bits,
/// then round it once to the result format. The exact value is an i64, or
/// an i32 for products that allow it: narrower vectors, and it keeps clear
/// of LLVM 22's x86 backend, which turns an i64 product of 16-bit or
/// narrower values, shifted right arithmetically by 17 to 31 and truncated
/// to i16, into vpmulhw and a logical shift that loses the sign.
template <typename OpTy> struct BinaryLowering : OpConversionPattern<OpTy> {
  using OpConversionPattern<OpTy>::OpConversionPattern;
  using OpAdaptor = typename OpTy::Adaptor;
  LogicalResult
  matchAndRewrite(OpTy op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    ImplicitLocOpBuilder b(op.getLoc(), rewriter);
    FixedType lhs = getFixedElementType(op.getLhs().getType());
    FixedType rhs = getFixedElementType(op.getRhs().getType());
    FixedType out = getFixedElementType(op.getType());
    RoundingConfig config = getRoundingConfig(op);
    Value key = getStreamKey(b, op, adaptor.getSeed());
    constexpr bool isMul = std::is_same_v<OpTy, MulOp>;
    int fracBits = isMul ? lhs.getFrac() + rhs.getFrac()
                         : std::max(lhs.getFrac(), rhs.getFrac());
    int64_t shift = fracBits - out.getFrac();
    unsigned bits = isMul && roundsProductInI32(lhs, rhs, shift) ? 32 : 64;
    Value result = buildElementwise(
        rewriter, op.getLoc(),
        this->getTypeConverter()->convertType(op.getType()),
        {adaptor.getLhs(), adaptor.getRhs()}, {}, key != nullptr,
        [&](ImplicitLocOpBuilder &nb, ValueRange args, Value index) {
          Value a = signExtendTo(nb, args[0], bits);
          Value c = signExtendTo(nb, args[1], bits);
          Value exact;
          if constexpr (isMul) {
            exact = arith::MulIOp::create(nb, a, c);
          } else {
            auto align = [&](Value v, FixedType type) {
              return arith::ShLIOp::create(
                  nb, v, createIntConstant(nb, fracBits - type.getFrac(), 64));
            };
            if constexpr (std::is_same_v<OpTy, AddOp>)
              exact = arith::AddIOp::create(nb, align(a, lhs), align(c, rhs));
            else
              exact = arith::SubIOp::create(nb, align(a, lhs), align(c, rhs));
          }
          Value v =
              emitRoundShifted(nb, exact, createIntConstant(nb, shift, bits),
                               config, getRandomBits(nb, key, index));
          return truncateTo(nb, v, out);
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

} // namespace

void mlir::fxp::populateElementwisePatterns(const TypeConverter &converter,
                                            RewritePatternSet &patterns) {
  patterns.add<ToStorageLowering, FromStorageLowering, QuantizeLowering,
               QuantizeDFPLowering, DequantizeLowering, RescaleLowering,
               SaturateLowering, BinaryLowering<AddOp>, BinaryLowering<SubOp>,
               BinaryLowering<MulOp>>(converter, patterns.getContext());
}
