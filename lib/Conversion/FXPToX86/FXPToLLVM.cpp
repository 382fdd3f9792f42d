//===- FXPToLLVM.cpp - x86 target ops to LLVM intrinsics --------*- C++ -*-===//

#include "fxp/Conversion/FXPToX86/FXPToX86.h"
#include "fxp/Dialect/FXP/IR/FXPOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/IR/BuiltinOps.h"
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

struct ConvertFXPToLLVMPass
    : fxp::impl::ConvertFXPToLLVMPassBase<ConvertFXPToLLVMPass> {
  using Base::Base;
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
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
