//===- FXPAttrs.cpp - fxp enums and attributes ------------------*- C++ -*-===//

#include "fxp/Dialect/FXP/IR/FXPAttrs.h"
#include "fxp/Dialect/FXP/IR/FXPDialect.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectImplementation.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace mlir::fxp;

#include "fxp/Dialect/FXP/IR/FXPEnums.cpp.inc"

#define GET_ATTRDEF_CLASSES
#include "fxp/Dialect/FXP/IR/FXPAttrs.cpp.inc"

void FXPDialect::registerAttributes() {
  addAttributes<
#define GET_ATTRDEF_LIST
#include "fxp/Dialect/FXP/IR/FXPAttrs.cpp.inc"
      >();
}
