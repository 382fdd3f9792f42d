//===- LegalizeAccumulation.cpp - safe i32 chunks ---------------*- C++ -*-===//

#include "fxp/Dialect/FXP/Transforms/Passes.h"
#include "fxp/Reference/Reference.h"

namespace mlir::fxp {
#define GEN_PASS_DEF_FXPLEGALIZEACCUMULATIONPASS
#include "fxp/Dialect/FXP/Transforms/Passes.h.inc"
} // namespace mlir::fxp

using namespace mlir;
using namespace mlir::fxp;

/// The widest width not above `width` whose chunks hold `minChunk` products
/// when both operands have it, or 0.
static unsigned getNarrowedWidth(unsigned width, bool symmetric,
                                 int64_t minChunk) {
  for (unsigned w = width; w >= 2; --w) {
    int64_t m = ref::maxMagnitude(w, symmetric);
    if (ref::maxChunk(m, m) >= minChunk)
      return w;
  }
  return 0;
}

/// Narrows the quantization producing `operand` to `width` bits.
static LogicalResult narrowOperand(Operation *contraction, OpOperand &operand,
                                   unsigned width) {
  Value value = operand.get();
  if (auto quantize = value.getDefiningOp<QuantizeDFPOp>()) {
    DFPType type = quantize.getType();
    if (type.getWidth() <= width)
      return success();
    quantize.getResult().setType(DFPType::get(type.getContext(),
                                              type.getShape(), width,
                                              type.getBlock(), type.getAxis()));
    // Exponents computed for the old width would saturate the new mantissas.
    if (auto exponent =
            quantize.getExponents().getDefiningOp<SharedExponentOp>()) {
      if (!exponent->hasOneUse()) {
        OpBuilder builder(quantize);
        exponent = cast<SharedExponentOp>(builder.clone(*exponent));
        quantize.getExponentsMutable().assign(exponent.getResult());
      }
      exponent.setWidth(width);
    }
    return success();
  }
  if (auto quantize = value.getDefiningOp<QuantizeOp>()) {
    FixedType fixed = getFixedElementType(quantize.getType());
    if (fixed.getWidth() <= width)
      return success();
    for (Operation *user : quantize->getUsers())
      if (!isa<MatmulOp, ContractOp, DequantizeOp>(user))
        return contraction->emitOpError("cannot narrow operand #")
               << operand.getOperandNumber() << ": it is also used by "
               << user->getName();
    // Dropping low bits keeps the range.
    auto narrowed =
        FixedType::get(fixed.getContext(), width,
                       fixed.getFrac() - int(fixed.getWidth() - width));
    quantize.getResult().setType(
        cloneWithElementType(quantize.getType(), narrowed));
    return success();
  }
  return contraction->emitOpError("cannot narrow operand #")
         << operand.getOperandNumber()
         << ": it is not produced by fxp.quantize or fxp.quantize_dfp";
}

template <typename OpTy>
static LogicalResult legalize(OpTy op, int64_t minChunk, bool narrow) {
  // Saturating accumulation has no chunks; its verifier proved the pairs.
  if (op.getSaturating())
    return success();
  auto safeChunk = [&] {
    return ref::maxChunk(op.getMaxMagnitude(op.getLhs().getType()),
                         op.getMaxMagnitude(op.getRhs().getType()));
  };
  int64_t safe = safeChunk();
  if (minChunk > 0 && safe < minChunk) {
    if (!narrow)
      return op.emitOpError("the operand formats allow chunks of at most ")
             << safe << " products, fewer than min-chunk=" << minChunk
             << " (narrow=true narrows the operands)";
    unsigned width = getNarrowedWidth(32, op.getSymmetric(), minChunk);
    if (width == 0)
      return op.emitOpError("no operand width allows chunks of ")
             << minChunk << " products";
    for (OpOperand &operand : op->getOpOperands())
      if (failed(narrowOperand(op, operand, width)))
        return failure();
    safe = safeChunk();
  }
  if (safe == 0)
    return op.emitOpError("no chunk is safe: a single product of the "
                          "operands can exceed 2^31 - 1");
  op.setChunk(safe);
  return success();
}

LogicalResult mlir::fxp::legalizeAccumulation(Operation *root, int64_t minChunk,
                                              bool narrow) {
  WalkResult result = root->walk([&](Operation *op) {
    LogicalResult status = success();
    if (auto matmul = dyn_cast<MatmulOp>(op))
      status = legalize(matmul, minChunk, narrow);
    else if (auto contract = dyn_cast<ContractOp>(op))
      status = legalize(contract, minChunk, narrow);
    return failed(status) ? WalkResult::interrupt() : WalkResult::advance();
  });
  return failure(result.wasInterrupted());
}

namespace {
struct FXPLegalizeAccumulationPass
    : fxp::impl::FXPLegalizeAccumulationPassBase<FXPLegalizeAccumulationPass> {
  using Base::Base;
  void runOnOperation() override {
    if (minChunk < 0) {
      emitError(getOperation().getLoc())
          << "fxp-legalize-accumulation: min-chunk must be non-negative, got "
          << int64_t(minChunk);
      return signalPassFailure();
    }
    if (failed(legalizeAccumulation(getOperation(), minChunk, narrow)))
      signalPassFailure();
  }
};
} // namespace
