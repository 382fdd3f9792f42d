//===- main.cpp - a downstream user of an installed fxp ---------*- C++ -*-===//
//
// Registers fxp, builds an fxp type through the C++ API, parses a module
// with an fxp op, runs an fxp pass by name and prints the result.
//
//===----------------------------------------------------------------------===//

#include "fxp/Dialect/FXP/IR/FXPOps.h"
#include "fxp/InitAll.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"
#include "llvm/Support/raw_ostream.h"

static const char *const kModule = R"mlir(
func.func @mm(%a: tensor<4x64x!fxp.fixed<14, 10>>, %b: tensor<64x3x!fxp.fixed<14, 12>>)
    -> tensor<4x3xf32> {
  %0 = fxp.matmul %a, %b chunk 1 symmetric
      : tensor<4x64x!fxp.fixed<14, 10>>, tensor<64x3x!fxp.fixed<14, 12>> -> tensor<4x3xf32>
  return %0 : tensor<4x3xf32>
}
)mlir";

int main() {
  mlir::DialectRegistry registry;
  registry.insert<mlir::func::FuncDialect>();
  mlir::fxp::registerAllFXPDialects(registry);
  mlir::fxp::registerAllFXPPasses();
  mlir::MLIRContext context(registry);
  context.loadAllAvailableDialects();

  auto fixed = mlir::fxp::FixedType::get(&context, 16, 8);
  llvm::outs() << "type: " << fixed << " stored as " << fixed.getStorageType()
               << "\n";

  mlir::OwningOpRef<mlir::ModuleOp> module =
      mlir::parseSourceString<mlir::ModuleOp>(kModule, &context);
  if (!module)
    return 1;

  mlir::PassManager pm(&context, mlir::ModuleOp::getOperationName());
  if (mlir::failed(mlir::parsePassPipeline("fxp-legalize-accumulation", pm)) ||
      mlir::failed(pm.run(*module)))
    return 1;
  module->print(llvm::outs());
  return 0;
}
