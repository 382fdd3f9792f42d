//===- capi.c - a downstream C user of an installed fxp -----------*- C -*-===//

#include "fxp-c/Dialects.h"
#include "mlir-c/IR.h"
#include "mlir-c/Pass.h"

#include <stdio.h>

static void print(MlirStringRef str, void *userData) {
  (void)userData;
  fwrite(str.data, 1, str.length, stdout);
}

int main(void) {
  MlirContext ctx = mlirContextCreate();
  mlirDialectHandleLoadDialect(mlirGetDialectHandle__fxp__(), ctx);
  mlirRegisterFXPPasses();

  printf("c type: ");
  mlirTypePrint(mlirFXPFixedTypeGet(ctx, 12, 8), print, NULL);
  printf("\nc attribute: ");
  mlirAttributePrint(
      mlirFXPRoundingAttrGet(ctx, mlirStringRefCreateFromCString("stochastic")),
      print, NULL);
  printf("\n");

  MlirModule module = mlirModuleCreateEmpty(mlirLocationUnknownGet(ctx));
  MlirPassManager pm = mlirPassManagerCreate(ctx);
  MlirLogicalResult parsed =
      mlirParsePassPipeline(mlirPassManagerGetAsOpPassManager(pm),
                            mlirStringRefCreateFromCString(
                                "builtin.module(fxp-legalize-accumulation)"),
                            print, NULL);
  int ok = mlirLogicalResultIsSuccess(parsed) &&
           mlirLogicalResultIsSuccess(
               mlirPassManagerRunOnOp(pm, mlirModuleGetOperation(module)));
  printf("c pass: %s\n", ok ? "ok" : "failed");
  mlirPassManagerDestroy(pm);
  mlirModuleDestroy(module);
  mlirContextDestroy(ctx);
  return ok ? 0 : 1;
}
