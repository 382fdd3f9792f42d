//===- LowerStridedCopies.cpp - vectorizable strided copies -----*- C++ -*-===//

#include "fxp/Dialect/FXP/Transforms/Passes.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/MemRef/Utils/MemRefUtils.h"

namespace mlir::fxp {
#define GEN_PASS_DEF_FXPLOWERSTRIDEDCOPIESPASS
#include "fxp/Dialect/FXP/Transforms/Passes.h.inc"
} // namespace mlir::fxp

using namespace mlir;

/// Whether finalize-memref-to-llvm lowers copies of `type` to llvm.memcpy
/// (its test for a contiguous row-major memref).
static bool copiesAsMemcpy(MemRefType type) {
  return type.getLayout().isIdentity() ||
         (type.hasStaticShape() && type.getNumElements() > 0 &&
          memref::isStaticShapeAndContiguousRowMajor(type));
}

namespace {
struct FXPLowerStridedCopiesPass
    : fxp::impl::FXPLowerStridedCopiesPassBase<FXPLowerStridedCopiesPass> {
  using Base::Base;
  void runOnOperation() override {
    getOperation().walk([](memref::CopyOp copy) {
      auto source = cast<MemRefType>(copy.getSource().getType());
      auto target = cast<MemRefType>(copy.getTarget().getType());
      if (copiesAsMemcpy(source) && copiesAsMemcpy(target))
        return;
      OpBuilder builder(copy);
      linalg::CopyOp::create(builder, copy.getLoc(), copy.getSource(),
                             copy.getTarget());
      copy.erase();
    });
  }
};
} // namespace
