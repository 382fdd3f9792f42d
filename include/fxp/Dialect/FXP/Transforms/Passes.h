//===- Passes.h - fxp transform passes --------------------------*- C++ -*-===//

#ifndef FXP_DIALECT_FXP_TRANSFORMS_PASSES_H
#define FXP_DIALECT_FXP_TRANSFORMS_PASSES_H

#include "mlir/Pass/Pass.h"

namespace mlir {
class ModuleOp;
namespace fxp {
#define GEN_PASS_DECL
#include "fxp/Dialect/FXP/Transforms/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "fxp/Dialect/FXP/Transforms/Passes.h.inc"
} // namespace fxp
} // namespace mlir

#endif // FXP_DIALECT_FXP_TRANSFORMS_PASSES_H
