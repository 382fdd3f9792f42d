//===- CheckLowered.cpp - ops a lowering to LLVM left behind ----*- C++ -*-===//

#include "fxp/Dialect/FXP/Transforms/Passes.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/OpenMP/OpenMPDialect.h"
#include "mlir/IR/BuiltinOps.h"

namespace mlir::fxp {
#define GEN_PASS_DEF_FXPCHECKLOWEREDPASS
#include "fxp/Dialect/FXP/Transforms/Passes.h.inc"
} // namespace mlir::fxp

using namespace mlir;

namespace {
struct FXPCheckLoweredPass
    : fxp::impl::FXPCheckLoweredPassBase<FXPCheckLoweredPass> {
  using Base::Base;
  void runOnOperation() override {
    ModuleOp module = getOperation();
    bool lowered = true;
    module.walk<WalkOrder::PreOrder>([&](Operation *op) {
      if (op == module ||
          isa<LLVM::LLVMDialect, omp::OpenMPDialect>(op->getDialect()))
        return WalkResult::advance();
      op->emitError("'")
          << op->getName()
          << "' was not lowered to the LLVM dialect: fxp-lower-to-llvm does "
             "not handle it";
      lowered = false;
      // Its nested ops would only repeat the error.
      return WalkResult::skip();
    });
    if (!lowered)
      signalPassFailure();
  }
};
} // namespace
