//===- Pipelines.h - fxp pass pipelines -------------------------*- C++ -*-===//

#ifndef FXP_PIPELINES_PIPELINES_H
#define FXP_PIPELINES_PIPELINES_H

#include "mlir/Pass/PassOptions.h"

namespace mlir {
class OpPassManager;
namespace fxp {

/// The code `fxp-lower-to-llvm` generates.
enum class Target {
  /// Integer arith and loops only: runs on any CPU.
  Portable,
  /// The best target the running CPU supports.
  Host,
};

struct LowerToLLVMOptions : public PassPipelineOptions<LowerToLLVMOptions> {
  PassOptions::Option<Target> target{
      *this, "target", llvm::cl::desc("Code to generate"),
      llvm::cl::init(Target::Host),
      llvm::cl::values(clEnumValN(Target::Portable, "portable",
                                  "integer arith and loops, for any CPU"),
                       clEnumValN(Target::Host, "host",
                                  "the best the running CPU supports"))};
};

/// Lowers tensor-level IR, with or without fxp ops, to the LLVM dialect:
/// fxp lowering, bufferization (function boundaries included), loops, and
/// LLVM, with C interface wrappers on public functions.
void buildFXPLowerToLLVMPipeline(OpPassManager &pm,
                                 const LowerToLLVMOptions &options);

/// Registers `fxp-lower-to-llvm`.
void registerFXPPipelines();

} // namespace fxp
} // namespace mlir

#endif // FXP_PIPELINES_PIPELINES_H
