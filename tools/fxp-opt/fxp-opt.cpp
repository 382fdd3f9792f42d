//===- fxp-opt.cpp - the fxp optimizer driver -------------------*- C++ -*-===//
//
// Like mlir-opt, with the fxp dialect, passes and pipelines added to every
// upstream dialect, extension and pass.
//
//===----------------------------------------------------------------------===//

#include "fxp/InitAll.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/InitAllDialects.h"
#include "mlir/InitAllExtensions.h"
#include "mlir/InitAllPasses.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"

int main(int argc, char **argv) {
  mlir::DialectRegistry registry;
  mlir::registerAllDialects(registry);
  mlir::registerAllExtensions(registry);
  mlir::registerAllPasses();
  mlir::fxp::registerAllFXPDialects(registry);
  mlir::fxp::registerAllFXPPasses();
  return mlir::asMainReturnCode(
      mlir::MlirOptMain(argc, argv, "fxp optimizer driver\n", registry));
}
