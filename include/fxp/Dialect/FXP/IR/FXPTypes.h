//===- FXPTypes.h - fxp types -----------------------------------*- C++ -*-===//

#ifndef FXP_DIALECT_FXP_IR_FXPTYPES_H
#define FXP_DIALECT_FXP_IR_FXPTYPES_H

#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Types.h"

#define GET_TYPEDEF_CLASSES
#include "fxp/Dialect/FXP/IR/FXPOpsTypes.h.inc"

namespace mlir::fxp {
/// The fixed-point element type of a scalar or shaped type, or null.
FixedType getFixedElementType(Type type);
/// `type` with its (scalar or element) type replaced by `elementType`.
Type cloneWithElementType(Type type, Type elementType);
} // namespace mlir::fxp

#endif // FXP_DIALECT_FXP_IR_FXPTYPES_H
