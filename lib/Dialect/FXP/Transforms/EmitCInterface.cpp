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
    MLIRContext *context = &getContext();
    for (auto func : getOperation().getOps<func::FuncOp>()) {
      if (!func.isPublic())
        continue;
      func->setAttr(LLVM::LLVMDialect::getEmitCWrapperAttrName(),
                    UnitAttr::get(context));
      // Callers' arrays are inputs: bufferization must not write into them.
      if (func.isExternal())
        continue;
      for (BlockArgument arg : func.getArguments())
        if (isa<TensorType>(arg.getType()))
          func.setArgAttr(arg.getArgNumber(), "bufferization.writable",
                          BoolAttr::get(context, false));
    }
  }
};
} // namespace
