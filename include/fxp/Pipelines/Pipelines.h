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
  /// INT16 contractions as 512-bit vpdpwssd kernels.
  AVX512VNNI,
  /// INT16 contractions as 256-bit vpmaddwd + vpaddd kernels.
  AVX2,
  /// The best target the running CPU supports.
  Host,
};

/// The target `host` stands for on the running CPU.
Target getHostTarget();

struct LowerToLLVMOptions : public PassPipelineOptions<LowerToLLVMOptions> {
  PassOptions::Option<Target> target{
      *this, "target", llvm::cl::desc("Code to generate"),
      llvm::cl::init(Target::Host),
      llvm::cl::values(
          clEnumValN(Target::Portable, "portable",
                     "integer arith and loops, for any CPU"),
          clEnumValN(Target::AVX512VNNI, "avx512vnni",
                     "512-bit vpdpwssd kernels for INT16 contractions"),
          clEnumValN(Target::AVX2, "avx2",
                     "256-bit vpmaddwd kernels for INT16 contractions"),
          clEnumValN(Target::Host, "host",
                     "the best the running CPU supports"))};
  PassOptions::Option<bool> parallel{
      *this, "parallel",
      llvm::cl::desc("Run the column panels of x86 kernels and large "
                     "element-wise ops on OpenMP threads (link libomp); "
                     "results are the same bits"),
      llvm::cl::init(false)};
  PassOptions::Option<bool> emulateX86{
      *this, "emulate-x86",
      llvm::cl::desc("Emulate the target's x86 instructions with "
                     "target-independent vector arithmetic, so that its "
                     "kernels run on any CPU (for testing); same bits"),
      llvm::cl::init(false)};
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
