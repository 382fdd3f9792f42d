//===- FXPToLLVM.cpp - x86 target ops to LLVM intrinsics --------*- C++ -*-===//

#include "fxp/Conversion/FXPToX86/FXPToX86.h"
#include "fxp/Dialect/FXP/IR/FXPOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/ImplicitLocOpBuilder.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace mlir::fxp {
#define GEN_PASS_DEF_CONVERTFXPTOLLVMPASS
#include "fxp/Conversion/Passes.h.inc"
} // namespace mlir::fxp

using namespace mlir;
using namespace mlir::fxp;

namespace {
/// A target op becomes the call of the LLVM intrinsic it mirrors.
template <typename OpTy> struct IntrinsicLowering : OpRewritePattern<OpTy> {
  using OpRewritePattern<OpTy>::OpRewritePattern;
  LogicalResult matchAndRewrite(OpTy op,
                                PatternRewriter &rewriter) const override {
    rewriter.replaceOpWithNewOp<LLVM::CallIntrinsicOp>(
        op, op.getType(), rewriter.getStringAttr(op.getIntrinsicName()),
        op->getOperands());
    return success();
  }
};

/// The even and odd lanes' products of two vectors of i16, as exact i32
/// products (vpmaddwd's and vpdpwssd's first step).
std::pair<Value, Value> emulatePairProducts(ImplicitLocOpBuilder &b, Value lhs,
                                            Value rhs) {
  auto halves = cast<VectorType>(lhs.getType());
  VectorType wide = halves.clone(b.getI32Type());
  Value products =
      arith::MulIOp::create(b, arith::ExtSIOp::create(b, wide, lhs),
                            arith::ExtSIOp::create(b, wide, rhs));
  SmallVector<int64_t> even, odd;
  for (int64_t lane = 0; lane < halves.getNumElements(); lane += 2) {
    even.push_back(lane);
    odd.push_back(lane + 1);
  }
  return {vector::ShuffleOp::create(b, products, products, even),
          vector::ShuffleOp::create(b, products, products, odd)};
}

/// vpmaddwd: the pair sums, wrapping in i32.
struct EmulateMultiplyAddPairs : OpRewritePattern<X86MultiplyAddPairsOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(X86MultiplyAddPairsOp op,
                                PatternRewriter &rewriter) const override {
    ImplicitLocOpBuilder b(op.getLoc(), rewriter);
    auto [even, odd] = emulatePairProducts(b, op.getLhs(), op.getRhs());
    rewriter.replaceOp(op, arith::AddIOp::create(b, even, odd));
    return success();
  }
};

/// vpdpwssd: `acc` plus the pair sums, wrapping in i32.
struct EmulateDotPairs : OpRewritePattern<X86DotPairsOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(X86DotPairsOp op,
                                PatternRewriter &rewriter) const override {
    ImplicitLocOpBuilder b(op.getLoc(), rewriter);
    auto [even, odd] = emulatePairProducts(b, op.getLhs(), op.getRhs());
    rewriter.replaceOp(
        op, arith::AddIOp::create(b, op.getAcc(),
                                  arith::AddIOp::create(b, even, odd)));
    return success();
  }
};

/// vpdpwssds: the exact sum of `acc` and both products (in i64), clamped to
/// the i32 range.
struct EmulateDotPairsSaturating : OpRewritePattern<X86DotPairsSaturatingOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(X86DotPairsSaturatingOp op,
                                PatternRewriter &rewriter) const override {
    ImplicitLocOpBuilder b(op.getLoc(), rewriter);
    auto [even, odd] = emulatePairProducts(b, op.getLhs(), op.getRhs());
    auto narrow = cast<VectorType>(op.getType());
    VectorType wide = narrow.clone(b.getI64Type());
    auto widen = [&](Value v) { return arith::ExtSIOp::create(b, wide, v); };
    auto bound = [&](int64_t value) {
      return arith::ConstantOp::create(
          b, DenseElementsAttr::get(wide, b.getI64IntegerAttr(value)));
    };
    Value sum = arith::AddIOp::create(
        b, widen(op.getAcc()),
        arith::AddIOp::create(b, widen(even), widen(odd)));
    Value clamped = arith::MinSIOp::create(
        b, arith::MaxSIOp::create(b, sum, bound(INT32_MIN)), bound(INT32_MAX));
    rewriter.replaceOp(op, arith::TruncIOp::create(b, narrow, clamped));
    return success();
  }
};

struct ConvertFXPToLLVMPass
    : fxp::impl::ConvertFXPToLLVMPassBase<ConvertFXPToLLVMPass> {
  using Base::Base;
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    if (emulate)
      populateFXPX86EmulationPatterns(patterns);
    else
      populateFXPToLLVMConversionPatterns(patterns);
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      signalPassFailure();
  }
};
} // namespace

void mlir::fxp::populateFXPToLLVMConversionPatterns(
    RewritePatternSet &patterns) {
  patterns.add<IntrinsicLowering<X86DotPairsOp>,
               IntrinsicLowering<X86DotPairsSaturatingOp>,
               IntrinsicLowering<X86MultiplyAddPairsOp>>(patterns.getContext());
}

void mlir::fxp::populateFXPX86EmulationPatterns(RewritePatternSet &patterns) {
  patterns
      .add<EmulateDotPairs, EmulateDotPairsSaturating, EmulateMultiplyAddPairs>(
          patterns.getContext());
}
