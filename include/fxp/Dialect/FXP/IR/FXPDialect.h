//===- FXPDialect.h - fxp dialect -------------------------------*- C++ -*-===//

#ifndef FXP_DIALECT_FXP_IR_FXPDIALECT_H
#define FXP_DIALECT_FXP_IR_FXPDIALECT_H

#include "mlir/IR/Dialect.h"

#include "fxp/Dialect/FXP/IR/FXPOpsDialect.h.inc"

#endif // FXP_DIALECT_FXP_IR_FXPDIALECT_H
