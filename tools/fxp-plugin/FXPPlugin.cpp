//===- FXPPlugin.cpp - fxp as a plugin of stock mlir-opt --------*- C++ -*-===//
//
// One shared library that is both a dialect plugin and a pass plugin:
//
//   mlir-opt --load-dialect-plugin=FXPPlugin.so   (the fxp dialect)
//            --load-pass-plugin=FXPPlugin.so      (its passes and pipelines)
//
// It links libMLIR.so, the copy of MLIR that mlir-opt itself uses, so the
// dialect and pass registries it fills are mlir-opt's own.
//
//===----------------------------------------------------------------------===//

#include "fxp/InitAll.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/Tools/Plugins/DialectPlugin.h"
#include "mlir/Tools/Plugins/PassPlugin.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/Compiler.h"

#include <mutex>

using namespace mlir;

/// Registers fxp's passes and pipelines once, whichever plugin entry point
/// (or both, when the library is loaded as both kinds) asks first: the pass
/// registry rejects a second registration of a pipeline.
static void registerPassesOnce() {
  static std::once_flag once;
  std::call_once(once, [] { fxp::registerAllFXPPasses(); });
}

/// The dialect plugin entry point. Registering the passes here too lets a
/// single `--load-dialect-plugin` also run fxp passes.
extern "C" LLVM_ATTRIBUTE_WEAK DialectPluginLibraryInfo
mlirGetDialectPluginInfo() {
  return {MLIR_PLUGIN_API_VERSION, "FXP", LLVM_VERSION_STRING,
          [](DialectRegistry *registry) {
            fxp::registerAllFXPDialects(*registry);
            registerPassesOnce();
          }};
}

/// The pass plugin entry point.
extern "C" LLVM_ATTRIBUTE_WEAK PassPluginLibraryInfo mlirGetPassPluginInfo() {
  return {MLIR_PLUGIN_API_VERSION, "FXPPasses", LLVM_VERSION_STRING,
          [] { registerPassesOnce(); }};
}
