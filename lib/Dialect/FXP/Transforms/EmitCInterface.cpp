//===- EmitCInterface.cpp - C wrappers for public functions -----*- C++ -*-===//

#include "fxp/Dialect/FXP/Transforms/Passes.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/IR/BuiltinOps.h"

namespace mlir::fxp {
#define GEN_PASS_DEF_FXPEMITCINTERFACEPASS
#include "fxp/Dialect/FXP/Transforms/Passes.h.inc"
} // namespace mlir::fxp

using namespace mlir;

namespace {
struct FXPEmitCInterfacePass
    : fxp::impl::FXPEmitCInterfacePassBase<FXPEmitCInterfacePass> {
  using Base::Base;
  void runOnOperation() override {
    for (auto func : getOperation().getOps<func::FuncOp>())
      if (func.isPublic())
        func->setAttr(LLVM::LLVMDialect::getEmitCWrapperAttrName(),
                      UnitAttr::get(&getContext()));
  }
};
} // namespace
