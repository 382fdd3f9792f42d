//===- fxp-capi-test.c - test of fxp's C API ----------------------*- C -*-===//

// RUN: fxp-capi-test | FileCheck %s

#include "fxp-c/Dialects.h"
#include "mlir-c/BuiltinTypes.h"
#include "mlir-c/Diagnostics.h"
#include "mlir-c/Dialect/Func.h"
#include "mlir-c/IR.h"
#include "mlir-c/Pass.h"
#include "mlir-c/Support.h"

#include <stdio.h>
#include <stdlib.h>

static void printToStdout(MlirStringRef str, void *userData) {
  (void)userData;
  fwrite(str.data, 1, str.length, stdout);
}

static void printType(const char *what, MlirType type) {
  printf("%s: ", what);
  mlirTypePrint(type, printToStdout, NULL);
  printf("\n");
}

static void printAttribute(const char *what, MlirAttribute attr) {
  printf("%s: ", what);
  mlirAttributePrint(attr, printToStdout, NULL);
  printf("\n");
}

// Diagnostics go to stdout, so that FileCheck sees them.
static MlirLogicalResult handleDiagnostic(MlirDiagnostic diagnostic,
                                          void *userData) {
  (void)userData;
  printf("diagnostic: ");
  mlirDiagnosticPrint(diagnostic, printToStdout, NULL);
  printf("\n");
  return mlirLogicalResultSuccess();
}

static void check(int ok, const char *what) {
  if (!ok) {
    printf("FAILED: %s\n", what);
    exit(1);
  }
}

static MlirContext createContext(void) {
  MlirContext ctx = mlirContextCreate();
  MlirDialectRegistry registry = mlirDialectRegistryCreate();
  mlirDialectHandleInsertDialect(mlirGetDialectHandle__fxp__(), registry);
  mlirDialectHandleInsertDialect(mlirGetDialectHandle__func__(), registry);
  mlirContextAppendDialectRegistry(ctx, registry);
  mlirDialectRegistryDestroy(registry);
  mlirContextAttachDiagnosticHandler(ctx, handleDiagnostic, NULL, NULL);
  return ctx;
}

// CHECK-LABEL: @types
static void testTypes(MlirContext ctx) {
  printf("@types\n");
  mlirDialectHandleLoadDialect(mlirGetDialectHandle__fxp__(), ctx);

  MlirType fixed = mlirFXPFixedTypeGet(ctx, 16, 8);
  // CHECK: fixed: !fxp.fixed<16, 8>
  printType("fixed", fixed);
  // CHECK: width 16 frac 8 isa 1 1 0
  printf("width %u frac %d isa %d %d %d\n", mlirFXPFixedTypeGetWidth(fixed),
         mlirFXPFixedTypeGetFrac(fixed), mlirTypeIsAFXPFixed(fixed),
         mlirTypeIDEqual(mlirTypeGetTypeID(fixed), mlirFXPFixedTypeGetTypeID()),
         mlirTypeIsAFXPDFP(fixed));
  // CHECK: negative frac: !fxp.fixed<2, -64>
  printType("negative frac", mlirFXPFixedTypeGet(ctx, 2, -64));

  // An invalid width is a diagnostic and a null type, not a crash.
  // CHECK: diagnostic: {{.*}}width
  // CHECK: invalid is null: 1
  MlirType invalid =
      mlirFXPFixedTypeGetChecked(mlirLocationUnknownGet(ctx), 40, 8);
  printf("invalid is null: %d\n", mlirTypeIsNull(invalid));

  int64_t shape[] = {mlirShapedTypeGetDynamicSize(), 256};
  MlirType blocked = mlirFXPDFPTypeGet(ctx, 2, shape, 14, 32, 1);
  // CHECK: dfp: !fxp.dfp<?x256, 14, block = 32, axis = 1>
  printType("dfp", blocked);
  // CHECK: rank 2 dims ? 256 width 14 block 32 axis 1 isa 1 0
  printf("rank %ld dims %s %ld width %u block %ld axis %u isa %d %d\n",
         (long)mlirFXPDFPTypeGetRank(blocked),
         mlirShapedTypeIsDynamicSize(mlirFXPDFPTypeGetDimSize(blocked, 0))
             ? "?"
             : "static",
         (long)mlirFXPDFPTypeGetDimSize(blocked, 1),
         mlirFXPDFPTypeGetWidth(blocked), (long)mlirFXPDFPTypeGetBlock(blocked),
         mlirFXPDFPTypeGetAxis(blocked), mlirTypeIsAFXPDFP(blocked),
         mlirTypeIsAFXPFixed(blocked));

  int64_t matrix[] = {64, 128};
  // CHECK: per tensor: !fxp.dfp<64x128, 16>
  printType("per tensor", mlirFXPDFPTypeGet(ctx, 2, matrix, 16, 0, 0));
  // CHECK: diagnostic: {{.*}}axis
  // CHECK: invalid axis is null: 1
  MlirType badAxis = mlirFXPDFPTypeGetChecked(mlirLocationUnknownGet(ctx), 2,
                                              matrix, 16, 8, 2);
  printf("invalid axis is null: %d\n", mlirTypeIsNull(badAxis));

  // The same type parsed from text is the same (uniqued) type.
  // CHECK: parsed equal: 1
  MlirType parsed =
      mlirTypeParseGet(ctx, mlirStringRefCreateFromCString(
                                "!fxp.dfp<?x256, 14, block = 32, axis = 1>"));
  printf("parsed equal: %d\n", mlirTypeEqual(parsed, blocked));
}

// CHECK-LABEL: @attributes
static void testAttributes(MlirContext ctx) {
  printf("@attributes\n");
  MlirAttribute rounding =
      mlirFXPRoundingAttrGet(ctx, mlirStringRefCreateFromCString("stochastic"));
  // CHECK: rounding: #fxp.rounding<stochastic>
  printAttribute("rounding", rounding);
  MlirStringRef value = mlirFXPRoundingAttrGetValue(rounding);
  // CHECK: value stochastic isa 1 0
  printf("value %.*s isa %d %d\n", (int)value.length, value.data,
         mlirAttributeIsAFXPRounding(rounding),
         mlirAttributeIsAFXPOverflow(rounding));

  MlirAttribute overflow = mlirFXPOverflowAttrGet(
      ctx, mlirStringRefCreateFromCString("saturate_symmetric"));
  // CHECK: overflow: #fxp.overflow<saturate_symmetric>
  printAttribute("overflow", overflow);
  value = mlirFXPOverflowAttrGetValue(overflow);
  // CHECK: value saturate_symmetric isa 1
  printf("value %.*s isa %d\n", (int)value.length, value.data,
         mlirAttributeIsAFXPOverflow(overflow));

  // CHECK: unknown modes are null: 1 1
  printf("unknown modes are null: %d %d\n",
         mlirAttributeIsNull(mlirFXPRoundingAttrGet(
             ctx, mlirStringRefCreateFromCString("sideways"))),
         mlirAttributeIsNull(mlirFXPOverflowAttrGet(
             ctx, mlirStringRefCreateFromCString("nearest_even"))));
}

static const char *kModule =
    "func.func @mm(%a: tensor<4x64x!fxp.fixed<14, 10>>,\n"
    "              %b: tensor<64x3x!fxp.fixed<14, 12>>) -> tensor<4x3xf32> {\n"
    "  %0 = fxp.matmul %a, %b chunk 1 symmetric\n"
    "      : tensor<4x64x!fxp.fixed<14, 10>>, tensor<64x3x!fxp.fixed<14, 12>>\n"
    "      -> tensor<4x3xf32>\n"
    "  return %0 : tensor<4x3xf32>\n"
    "}\n";

static void runPipeline(MlirContext ctx, MlirModule module,
                        const char *pipeline) {
  MlirPassManager pm = mlirPassManagerCreate(ctx);
  MlirLogicalResult parsed = mlirParsePassPipeline(
      mlirPassManagerGetAsOpPassManager(pm),
      mlirStringRefCreateFromCString(pipeline), printToStdout, NULL);
  check(mlirLogicalResultIsSuccess(parsed), pipeline);
  check(mlirLogicalResultIsSuccess(
            mlirPassManagerRunOnOp(pm, mlirModuleGetOperation(module))),
        pipeline);
  mlirPassManagerDestroy(pm);
}

// CHECK-LABEL: @passes
static void testPasses(MlirContext ctx) {
  printf("@passes\n");
  mlirRegisterFXPPasses();
  mlirRegisterFXPPasses(); // a second call is harmless

  MlirModule module =
      mlirModuleCreateParse(ctx, mlirStringRefCreateFromCString(kModule));
  check(!mlirModuleIsNull(module), "parse");
  MlirOperation op = mlirModuleGetOperation(module);
  check(mlirOperationVerify(op), "verify");

  // The element type of @mm's first argument, read back through the C API.
  MlirOperation func = mlirBlockGetFirstOperation(mlirModuleGetBody(module));
  MlirType argType = mlirValueGetType(mlirBlockGetArgument(
      mlirRegionGetFirstBlock(mlirOperationGetRegion(func, 0)), 0));
  MlirType element = mlirShapedTypeGetElementType(argType);
  // CHECK: argument 0: fixed 1 width 14 frac 10
  printf("argument 0: fixed %d width %u frac %d\n",
         mlirTypeIsAFXPFixed(element), mlirFXPFixedTypeGetWidth(element),
         mlirFXPFixedTypeGetFrac(element));

  // CHECK: func.func @mm
  // CHECK: fxp.matmul %{{.*}}, %{{.*}} chunk 32 symmetric
  runPipeline(ctx, module, "builtin.module(fxp-legalize-accumulation)");
  mlirOperationPrint(op, printToStdout, NULL);
  printf("\n");

  // CHECK-LABEL: lowered:
  // CHECK: func.func @mm(%{{.*}}: tensor<4x64xi16>, %{{.*}}: tensor<64x3xi16>)
  // CHECK: linalg.generic
  // CHECK-NOT: fxp.
  printf("lowered:\n");
  runPipeline(ctx, module, "builtin.module(convert-fxp-to-arith)");
  mlirOperationPrint(op, printToStdout, NULL);
  printf("\n");

  // An unknown pass is an error of the pipeline parser, not a crash.
  // CHECK-LABEL: unknown pass:
  // CHECK: fxp-no-such-pass
  printf("unknown pass:\n");
  MlirPassManager pm = mlirPassManagerCreate(ctx);
  MlirLogicalResult parsed = mlirParsePassPipeline(
      mlirPassManagerGetAsOpPassManager(pm),
      mlirStringRefCreateFromCString("builtin.module(fxp-no-such-pass)"),
      printToStdout, NULL);
  printf("\nparse failed: %d\n", mlirLogicalResultIsFailure(parsed));
  mlirPassManagerDestroy(pm);
  mlirModuleDestroy(module);
}

int main(void) {
  MlirContext ctx = createContext();
  testTypes(ctx);
  testAttributes(ctx);
  testPasses(ctx);
  mlirContextDestroy(ctx);
  // CHECK: done
  printf("done\n");
  return 0;
}
