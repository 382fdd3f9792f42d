//===- Dialects.cpp - C API of the fxp dialect ------------------*- C++ -*-===//

#include "fxp-c/Dialects.h"
#include "fxp/Dialect/FXP/IR/FXPOps.h"
#include "fxp/InitAll.h"
#include "mlir/CAPI/IR.h"
#include "mlir/CAPI/Registration.h"
#include "mlir/CAPI/Support.h"
#include "mlir/IR/Diagnostics.h"

#include <mutex>

using namespace mlir;
using namespace mlir::fxp;

MLIR_DEFINE_CAPI_DIALECT_REGISTRATION(FXP, fxp, mlir::fxp::FXPDialect)

void mlirRegisterFXPPasses(void) {
  // The registry refuses a second registration of the same pipeline.
  static std::once_flag once;
  std::call_once(once, [] { registerAllFXPPasses(); });
}

//===----------------------------------------------------------------------===//
// !fxp.fixed
//===----------------------------------------------------------------------===//

bool mlirTypeIsAFXPFixed(MlirType type) { return isa<FixedType>(unwrap(type)); }

MlirTypeID mlirFXPFixedTypeGetTypeID(void) {
  return wrap(FixedType::getTypeID());
}

MlirType mlirFXPFixedTypeGet(MlirContext ctx, unsigned width, int frac) {
  return wrap(FixedType::get(unwrap(ctx), width, frac));
}

MlirType mlirFXPFixedTypeGetChecked(MlirLocation loc, unsigned width,
                                    int frac) {
  Location location = unwrap(loc);
  return wrap(FixedType::getChecked([&] { return emitError(location); },
                                    location.getContext(), width, frac));
}

unsigned mlirFXPFixedTypeGetWidth(MlirType type) {
  return cast<FixedType>(unwrap(type)).getWidth();
}

int mlirFXPFixedTypeGetFrac(MlirType type) {
  return cast<FixedType>(unwrap(type)).getFrac();
}

//===----------------------------------------------------------------------===//
// !fxp.dfp
//===----------------------------------------------------------------------===//

bool mlirTypeIsAFXPDFP(MlirType type) { return isa<DFPType>(unwrap(type)); }

MlirTypeID mlirFXPDFPTypeGetTypeID(void) { return wrap(DFPType::getTypeID()); }

MlirType mlirFXPDFPTypeGet(MlirContext ctx, intptr_t rank, const int64_t *shape,
                           unsigned width, int64_t block, unsigned axis) {
  return wrap(DFPType::get(unwrap(ctx), ArrayRef<int64_t>(shape, rank), width,
                           block, axis));
}

MlirType mlirFXPDFPTypeGetChecked(MlirLocation loc, intptr_t rank,
                                  const int64_t *shape, unsigned width,
                                  int64_t block, unsigned axis) {
  Location location = unwrap(loc);
  return wrap(DFPType::getChecked(
      [&] { return emitError(location); }, location.getContext(),
      ArrayRef<int64_t>(shape, rank), width, block, axis));
}

intptr_t mlirFXPDFPTypeGetRank(MlirType type) {
  return cast<DFPType>(unwrap(type)).getShape().size();
}

int64_t mlirFXPDFPTypeGetDimSize(MlirType type, intptr_t dim) {
  return cast<DFPType>(unwrap(type)).getShape()[dim];
}

unsigned mlirFXPDFPTypeGetWidth(MlirType type) {
  return cast<DFPType>(unwrap(type)).getWidth();
}

int64_t mlirFXPDFPTypeGetBlock(MlirType type) {
  return cast<DFPType>(unwrap(type)).getBlock();
}

unsigned mlirFXPDFPTypeGetAxis(MlirType type) {
  return cast<DFPType>(unwrap(type)).getAxis();
}

//===----------------------------------------------------------------------===//
// #fxp.rounding and #fxp.overflow
//===----------------------------------------------------------------------===//

bool mlirAttributeIsAFXPRounding(MlirAttribute attr) {
  return isa<RoundingModeAttr>(unwrap(attr));
}

MlirAttribute mlirFXPRoundingAttrGet(MlirContext ctx, MlirStringRef mode) {
  std::optional<RoundingMode> value = symbolizeRoundingMode(unwrap(mode));
  if (!value)
    return MlirAttribute{nullptr};
  return wrap(RoundingModeAttr::get(unwrap(ctx), *value));
}

MlirStringRef mlirFXPRoundingAttrGetValue(MlirAttribute attr) {
  return wrap(
      stringifyRoundingMode(cast<RoundingModeAttr>(unwrap(attr)).getValue()));
}

bool mlirAttributeIsAFXPOverflow(MlirAttribute attr) {
  return isa<OverflowModeAttr>(unwrap(attr));
}

MlirAttribute mlirFXPOverflowAttrGet(MlirContext ctx, MlirStringRef mode) {
  std::optional<OverflowMode> value = symbolizeOverflowMode(unwrap(mode));
  if (!value)
    return MlirAttribute{nullptr};
  return wrap(OverflowModeAttr::get(unwrap(ctx), *value));
}

MlirStringRef mlirFXPOverflowAttrGetValue(MlirAttribute attr) {
  return wrap(
      stringifyOverflowMode(cast<OverflowModeAttr>(unwrap(attr)).getValue()));
}
