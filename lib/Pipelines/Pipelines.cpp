//===- Pipelines.cpp - fxp pass pipelines -----------------------*- C++ -*-===//

#include "fxp/Pipelines/Pipelines.h"
#include "fxp/Conversion/Passes.h"
#include "fxp/Dialect/FXP/Transforms/Passes.h"
#include "mlir/Conversion/Passes.h"
#include "mlir/Dialect/Bufferization/Pipelines/Passes.h"
#include "mlir/Dialect/Bufferization/Transforms/Passes.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/Passes.h"
#include "mlir/Dialect/MemRef/Transforms/Passes.h"
#include "mlir/Dialect/SCF/Transforms/Passes.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Transforms/Passes.h"
#include "llvm/TargetParser/Host.h"

using namespace mlir;
using namespace mlir::fxp;

Target mlir::fxp::getHostTarget() {
  llvm::StringMap<bool> features = llvm::sys::getHostCPUFeatures();
  if (features.lookup("avx512bw") && features.lookup("avx512vnni"))
    return Target::AVX512VNNI;
  if (features.lookup("avx2"))
    return Target::AVX2;
  return Target::Portable;
}

void mlir::fxp::buildFXPLowerToLLVMPipeline(OpPassManager &pm,
                                            const LowerToLLVMOptions &options) {
  Target target =
      options.target == Target::Host ? getHostTarget() : Target(options.target);
  pm.addNestedPass<func::FuncOp>(createFXPDecomposeAggregatesPass());
  if (target != Target::Portable) {
    ConvertFXPToX86PassOptions x86;
    x86.target =
        target == Target::AVX2 ? X86Target::AVX2 : X86Target::AVX512VNNI;
    x86.parallel = options.parallel;
    pm.addPass(createConvertFXPToX86Pass(x86));
  }
  pm.addPass(createConvertFXPToArithPass());
  // Element-wise arith and math on tensors, as frontends emit them.
  pm.addPass(createConvertElementwiseToLinalgPass());
  pm.addPass(createCanonicalizerPass());
  pm.addPass(createCSEPass());
  if (options.parallel)
    pm.addNestedPass<func::FuncOp>(createFXPParallelizeElementwisePass());

  pm.addPass(createFXPEmitCInterfacePass());
  bufferization::OneShotBufferizePassOptions bufferize;
  bufferize.bufferizeFunctionBoundaries = true;
  // Loops that carry tensors (a recurrence over time steps) may yield new
  // buffers.
  bufferize.allowReturnAllocsFromLoops = true;
  bufferize.functionBoundaryTypeConversion =
      bufferization::LayoutMapOption::IdentityLayoutMap;
  pm.addPass(bufferization::createOneShotBufferizePass(bufferize));
  bufferization::buildBufferDeallocationPipeline(pm);
  // Results that alias arguments are returned as bufferization.clone.
  pm.addPass(createConvertBufferizationToMemRefPass());

  // scf.forall (the x86 kernels' panels and packing with parallel, the
  // whole-tensor max magnitude always) becomes OpenMP threads, or loops.
  if (options.parallel) {
    pm.addPass(createForallToParallelLoopPass());
    pm.addPass(createConvertSCFToOpenMPPass());
    // Inlines the alloca scopes it wraps loop bodies in (the kernels
    // allocate nothing), which could not hold the CFG of their loops.
    pm.addPass(createCanonicalizerPass());
  } else {
    pm.addPass(createForallToForLoopPass());
  }
  pm.addNestedPass<func::FuncOp>(createFXPLowerStridedCopiesPass());
  pm.addNestedPass<func::FuncOp>(createConvertLinalgToLoopsPass());
  pm.addPass(createLowerAffinePass());
  pm.addPass(createConvertVectorToSCFPass());
  pm.addPass(createSCFToControlFlowPass());
  pm.addPass(createCanonicalizerPass());

  ConvertFXPToLLVMPassOptions intrinsics;
  intrinsics.emulate = options.emulateX86;
  pm.addPass(createConvertFXPToLLVMPass(intrinsics));
  pm.addPass(createConvertMathToLLVMPass());
  // Math ops without an LLVM intrinsic (math.erf in GELU) call libm, lane
  // by lane for vectors (whose vector ops the next pass lowers).
  pm.addPass(createConvertMathToLibmPass());
  pm.addPass(createConvertVectorToLLVMPass());
  pm.addPass(memref::createExpandStridedMetadataPass());
  pm.addPass(createLowerAffinePass());
  // aligned_alloc's pointer is known to alias nothing; malloc's, aligned by
  // integer arithmetic, is not, and loops writing such buffers (element-wise
  // ops on narrow tensors) stayed scalar for fear of overwriting their inputs.
  FinalizeMemRefToLLVMConversionPassOptions memrefToLLVM;
  memrefToLLVM.useAlignedAlloc = true;
  pm.addPass(createFinalizeMemRefToLLVMConversionPass(memrefToLLVM));
  pm.addPass(createArithToLLVMConversionPass());
  pm.addPass(createConvertIndexToLLVMPass());
  if (options.parallel)
    pm.addPass(createConvertOpenMPToLLVMPass());
  pm.addPass(createConvertFuncToLLVMPass());
  pm.addPass(createFXPEmitPackedInterfacePass());
  pm.addPass(createConvertControlFlowToLLVMPass());
  pm.addPass(createUBToLLVMConversionPass());
  pm.addPass(createReconcileUnrealizedCastsPass());
  pm.addPass(createFXPCheckLoweredPass());
}

void mlir::fxp::registerFXPPipelines() {
  PassPipelineRegistration<LowerToLLVMOptions>(
      "fxp-lower-to-llvm",
      "Lower tensor-level IR with fxp ops to the LLVM dialect",
      buildFXPLowerToLLVMPipeline);
}
