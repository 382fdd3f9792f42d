//===- FXPToX86.h - INT16 contractions to VNNI-style kernels ----*- C++ -*-===//

#ifndef FXP_CONVERSION_FXPTOX86_FXPTOX86_H
#define FXP_CONVERSION_FXPTOX86_FXPTOX86_H

#include "mlir/Pass/Pass.h"

namespace mlir {
class ModuleOp;
class RewritePatternSet;
namespace fxp {

/// The x86 vector extensions a kernel is shaped for.
enum class X86Target {
  /// 512-bit vectors, `vpdpwssd` (AVX512-VNNI).
  AVX512VNNI,
  /// 256-bit vectors: `vpmaddwd + vpaddd`.
  AVX2,
};

#define GEN_PASS_DECL_CONVERTFXPTOX86PASS
#define GEN_PASS_DECL_CONVERTFXPTOLLVMPASS
#include "fxp/Conversion/Passes.h.inc"

/// Rewrites `fxp.matmul` / matmul-shaped `fxp.contract` ops on operands of at
/// most 16 bits with even chunks into packed, register-tiled vector kernels
/// whose inner step LLVM selects as `vpdpwssd` (or `vpmaddwd + vpaddd`).
/// With `parallel`, column panels are `scf.forall` iterations.
void populateFXPToX86Patterns(RewritePatternSet &patterns, X86Target target,
                              bool parallel);

/// Patterns lowering `fxp.x86.*` ops to `llvm.call_intrinsic`.
void populateFXPToLLVMConversionPatterns(RewritePatternSet &patterns);

/// Patterns lowering `fxp.x86.*` ops to the target-independent arith and
/// vector ops of their definitions, which run (with the same bits) on any
/// CPU.
void populateFXPX86EmulationPatterns(RewritePatternSet &patterns);

} // namespace fxp
} // namespace mlir

#endif // FXP_CONVERSION_FXPTOX86_FXPTOX86_H
