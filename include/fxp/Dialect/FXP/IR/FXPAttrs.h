//===- FXPAttrs.h - fxp enums and attributes --------------------*- C++ -*-===//

#ifndef FXP_DIALECT_FXP_IR_FXPATTRS_H
#define FXP_DIALECT_FXP_IR_FXPATTRS_H

#include "mlir/IR/Attributes.h"
#include "mlir/IR/BuiltinAttributes.h"

#include "fxp/Dialect/FXP/IR/FXPEnums.h.inc"

#define GET_ATTRDEF_CLASSES
#include "fxp/Dialect/FXP/IR/FXPAttrs.h.inc"

#endif // FXP_DIALECT_FXP_IR_FXPATTRS_H
