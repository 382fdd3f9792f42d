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

namespace mlir::fxp {
/// Why a rescale from `from` to `to` with `rounding` and `overflow` is
/// invalid (a mode that has no effect), or an empty string. The verifier
/// and the fold of rescale chains share it.
std::string getRescaleModeError(FixedType from, FixedType to,
                                RoundingMode rounding, OverflowMode overflow);
} // namespace mlir::fxp

#endif // FXP_DIALECT_FXP_IR_FXPOPS_H
