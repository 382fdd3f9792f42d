//===- FXPToX86.cpp - the convert-fxp-to-x86 pass ---------------*- C++ -*-===//

#include "fxp/Conversion/FXPToX86/FXPToX86.h"
#include "fxp/Dialect/FXP/IR/FXPOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace mlir::fxp {
#define GEN_PASS_DEF_CONVERTFXPTOX86PASS
#include "fxp/Conversion/Passes.h.inc"
} // namespace mlir::fxp

using namespace mlir;

namespace {
struct ConvertFXPToX86Pass
    : fxp::impl::ConvertFXPToX86PassBase<ConvertFXPToX86Pass> {
  using Base::Base;
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    fxp::populateFXPToX86Patterns(patterns, target, parallel);
    // Only the contractions themselves are rewritten; folding would touch
    // the rest of the user's IR.
    GreedyRewriteConfig config;
    config.enableFolding(false);
    if (failed(
            applyPatternsGreedily(getOperation(), std::move(patterns), config)))
      signalPassFailure();
  }
};
} // namespace
