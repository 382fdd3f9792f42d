//===- FXPDialect.cpp - fxp dialect -----------------------------*- C++ -*-===//

#include "fxp/Dialect/FXP/IR/FXPDialect.h"
#include "fxp/Dialect/FXP/IR/FXPOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"

using namespace mlir;
using namespace mlir::fxp;

#include "fxp/Dialect/FXP/IR/FXPOpsDialect.cpp.inc"

void FXPDialect::initialize() {
  registerTypes();
  registerAttributes();
  addOperations<
#define GET_OP_LIST
#include "fxp/Dialect/FXP/IR/FXPOps.cpp.inc"
      >();
}

Operation *FXPDialect::materializeConstant(OpBuilder &builder, Attribute value,
                                           Type type, Location loc) {
  auto typed = dyn_cast<TypedAttr>(value);
  if (!typed)
    return nullptr;
  if (getFixedElementType(type))
    return ConstantOp::create(builder, loc, type, typed);
  // Folds producing builtin types (f32 from `fxp.dequantize`, i32 exponents)
  // need a builtin constant.
  return arith::ConstantOp::materialize(builder, typed, type, loc);
}
