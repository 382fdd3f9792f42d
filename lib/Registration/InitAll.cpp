//===- InitAll.cpp - register every fxp dialect and pass --------*- C++ -*-===//
//
// The one entry point embedders (fxp-opt, the mlir-opt plugin, the C API and
// the Python module) call to make fxp's dialect, passes and pipelines known.
//
//===----------------------------------------------------------------------===//

#include "fxp/InitAll.h"
#include "fxp/Conversion/Passes.h"
#include "fxp/Dialect/FXP/IR/FXPDialect.h"
#include "fxp/Dialect/FXP/Transforms/Passes.h"
#include "fxp/Pipelines/Pipelines.h"
#include "mlir/IR/DialectRegistry.h"

void mlir::fxp::registerAllFXPDialects(DialectRegistry &registry) {
  registry.insert<FXPDialect>();
}

void mlir::fxp::registerAllFXPPasses() {
  registerFXPPasses();
  registerFXPConversionPasses();
  registerFXPPipelines();
}
