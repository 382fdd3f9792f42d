//===- Passes.h - fxp conversion passes -------------------------*- C++ -*-===//

#ifndef FXP_CONVERSION_PASSES_H
#define FXP_CONVERSION_PASSES_H

#include "fxp/Conversion/FXPToArith/FXPToArith.h"
#include "fxp/Conversion/FXPToX86/FXPToX86.h"

namespace mlir::fxp {
#define GEN_PASS_REGISTRATION
#include "fxp/Conversion/Passes.h.inc"
} // namespace mlir::fxp

#endif // FXP_CONVERSION_PASSES_H
