//===- FXPOps.h - fxp operations --------------------------------*- C++ -*-===//

#ifndef FXP_DIALECT_FXP_IR_FXPOPS_H
#define FXP_DIALECT_FXP_IR_FXPOPS_H

#include "fxp/Dialect/FXP/IR/FXPAttrs.h"
#include "fxp/Dialect/FXP/IR/FXPDialect.h"
#include "fxp/Dialect/FXP/IR/FXPTypes.h"
#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#define GET_OP_CLASSES
#include "fxp/Dialect/FXP/IR/FXPOps.h.inc"

#endif // FXP_DIALECT_FXP_IR_FXPOPS_H
