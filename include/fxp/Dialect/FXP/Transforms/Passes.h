//===- Passes.h - fxp transform passes --------------------------*- C++ -*-===//

#ifndef FXP_DIALECT_FXP_TRANSFORMS_PASSES_H
#define FXP_DIALECT_FXP_TRANSFORMS_PASSES_H

#include "fxp/Dialect/FXP/IR/FXPOps.h"
#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Pass/Pass.h"

namespace mlir {
class ModuleOp;
namespace fxp {

/// The training recipes of SEMANTICS §8.
enum class Recipe { DFP16, Gupta };

/// How contractions accumulate their products (SEMANTICS §6).
enum class Accumulation { Chunked, Saturating };

#define GEN_PASS_DECL
#include "fxp/Dialect/FXP/Transforms/Passes.h.inc"

/// Sets the chunk of every contraction under `root` to the longest that
/// provably sums in i32; see `fxp-legalize-accumulation`.
LogicalResult legalizeAccumulation(Operation *root, int64_t minChunk,
                                   bool narrow);

#define GEN_PASS_REGISTRATION
#include "fxp/Dialect/FXP/Transforms/Passes.h.inc"
} // namespace fxp
} // namespace mlir

#endif // FXP_DIALECT_FXP_TRANSFORMS_PASSES_H
