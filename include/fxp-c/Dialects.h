//===- fxp-c/Dialects.h - C API of the fxp dialect ----------------*- C -*-===//
//
// The fxp dialect from C: its registration handle, its types (!fxp.fixed,
// !fxp.dfp) and attributes (#fxp.rounding, #fxp.overflow), and the
// registration of its passes and pipelines. Everything else (contexts,
// parsing, printing, pass managers) is MLIR's own C API.
//
//===----------------------------------------------------------------------===//

#ifndef FXP_C_DIALECTS_H
#define FXP_C_DIALECTS_H

#include "mlir-c/IR.h"
#include "mlir-c/Support.h"

#ifdef __cplusplus
extern "C" {
#endif

/// `mlirGetDialectHandle__fxp__()`: insert it into a registry or load it.
MLIR_DECLARE_CAPI_DIALECT_REGISTRATION(FXP, fxp);

/// Registers every fxp pass and the `fxp-lower-to-llvm` pipeline with the
/// global pass registry, so that `mlirParsePassPipeline` finds them. Safe to
/// call more than once.
MLIR_CAPI_EXPORTED void mlirRegisterFXPPasses(void);

//===----------------------------------------------------------------------===//
// !fxp.fixed<width, frac>
//===----------------------------------------------------------------------===//

/// Whether `type` is an `!fxp.fixed`.
MLIR_CAPI_EXPORTED bool mlirTypeIsAFXPFixed(MlirType type);

/// The TypeID of `!fxp.fixed`.
MLIR_CAPI_EXPORTED MlirTypeID mlirFXPFixedTypeGetTypeID(void);

/// `!fxp.fixed<width, frac>`; the parameters must be valid
/// (2 <= width <= 32, -64 <= frac <= 64).
MLIR_CAPI_EXPORTED MlirType mlirFXPFixedTypeGet(MlirContext ctx, unsigned width,
                                                int frac);

/// Like `mlirFXPFixedTypeGet`, but reports invalid parameters as a diagnostic
/// at `loc` and returns a null type.
MLIR_CAPI_EXPORTED MlirType mlirFXPFixedTypeGetChecked(MlirLocation loc,
                                                       unsigned width,
                                                       int frac);

MLIR_CAPI_EXPORTED unsigned mlirFXPFixedTypeGetWidth(MlirType type);
MLIR_CAPI_EXPORTED int mlirFXPFixedTypeGetFrac(MlirType type);

//===----------------------------------------------------------------------===//
// !fxp.dfp<shape, width[, block = B, axis = A]>
//===----------------------------------------------------------------------===//

/// Whether `type` is an `!fxp.dfp`.
MLIR_CAPI_EXPORTED bool mlirTypeIsAFXPDFP(MlirType type);

/// The TypeID of `!fxp.dfp`.
MLIR_CAPI_EXPORTED MlirTypeID mlirFXPDFPTypeGetTypeID(void);

/// `!fxp.dfp<shape, width, block = block, axis = axis>`; `block` 0 means one
/// exponent per tensor (then `axis` must be 0). Dynamic dimensions are
/// `mlirShapedTypeGetDynamicSize()`. The parameters must be valid.
MLIR_CAPI_EXPORTED MlirType mlirFXPDFPTypeGet(MlirContext ctx, intptr_t rank,
                                              const int64_t *shape,
                                              unsigned width, int64_t block,
                                              unsigned axis);

/// Like `mlirFXPDFPTypeGet`, but reports invalid parameters as a diagnostic at
/// `loc` and returns a null type.
MLIR_CAPI_EXPORTED MlirType
mlirFXPDFPTypeGetChecked(MlirLocation loc, intptr_t rank, const int64_t *shape,
                         unsigned width, int64_t block, unsigned axis);

MLIR_CAPI_EXPORTED intptr_t mlirFXPDFPTypeGetRank(MlirType type);
MLIR_CAPI_EXPORTED int64_t mlirFXPDFPTypeGetDimSize(MlirType type,
                                                    intptr_t dim);
MLIR_CAPI_EXPORTED unsigned mlirFXPDFPTypeGetWidth(MlirType type);
/// The block size, 0 for one exponent per tensor.
MLIR_CAPI_EXPORTED int64_t mlirFXPDFPTypeGetBlock(MlirType type);
MLIR_CAPI_EXPORTED unsigned mlirFXPDFPTypeGetAxis(MlirType type);

//===----------------------------------------------------------------------===//
// #fxp.rounding<mode> and #fxp.overflow<mode>
//===----------------------------------------------------------------------===//

/// Whether `attr` is a `#fxp.rounding`.
MLIR_CAPI_EXPORTED bool mlirAttributeIsAFXPRounding(MlirAttribute attr);

/// `#fxp.rounding<mode>` for a mode's name (`floor`, `toward_zero`,
/// `nearest_even`, `nearest_away`, `nearest_up`, `biased`, `stochastic`);
/// a null attribute for any other name.
MLIR_CAPI_EXPORTED MlirAttribute mlirFXPRoundingAttrGet(MlirContext ctx,
                                                        MlirStringRef mode);

/// The mode's name; the string lives as long as the program.
MLIR_CAPI_EXPORTED MlirStringRef
mlirFXPRoundingAttrGetValue(MlirAttribute attr);

/// Whether `attr` is a `#fxp.overflow`.
MLIR_CAPI_EXPORTED bool mlirAttributeIsAFXPOverflow(MlirAttribute attr);

/// `#fxp.overflow<mode>` for a mode's name (`saturate`, `saturate_symmetric`,
/// `wrap`); a null attribute for any other name.
MLIR_CAPI_EXPORTED MlirAttribute mlirFXPOverflowAttrGet(MlirContext ctx,
                                                        MlirStringRef mode);

/// The mode's name; the string lives as long as the program.
MLIR_CAPI_EXPORTED MlirStringRef
mlirFXPOverflowAttrGetValue(MlirAttribute attr);

#ifdef __cplusplus
}
#endif

#endif // FXP_C_DIALECTS_H
