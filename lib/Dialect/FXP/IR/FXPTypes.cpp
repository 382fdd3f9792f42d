//===- FXPTypes.cpp - fxp types ---------------------------------*- C++ -*-===//

#include "fxp/Dialect/FXP/IR/FXPTypes.h"
#include "fxp/Dialect/FXP/IR/FXPDialect.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectImplementation.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace mlir::fxp;

#define GET_TYPEDEF_CLASSES
#include "fxp/Dialect/FXP/IR/FXPOpsTypes.cpp.inc"

void FXPDialect::registerTypes() {
  addTypes<
#define GET_TYPEDEF_LIST
#include "fxp/Dialect/FXP/IR/FXPOpsTypes.cpp.inc"
      >();
}

/// Word and mantissa widths; signed, so that the parsers can check a
/// negative width before it becomes an unsigned parameter.
static LogicalResult verifyWidth(function_ref<InFlightDiagnostic()> emitError,
                                 StringRef what, int64_t width) {
  if (width < 2 || width > 32)
    return emitError() << what << " width must be in [2, 32], got " << width;
  return success();
}

//===----------------------------------------------------------------------===//
// FixedType
//===----------------------------------------------------------------------===//

LogicalResult FixedType::verify(function_ref<InFlightDiagnostic()> emitError,
                                unsigned width, int frac) {
  if (failed(verifyWidth(emitError, "fixed-point", width)))
    return failure();
  if (frac < -64 || frac > 64)
    return emitError() << "fixed-point fraction bits must be in [-64, 64], got "
                       << frac;
  return success();
}

Type FixedType::parse(AsmParser &parser) {
  SMLoc loc = parser.getCurrentLocation();
  // Signed, as in DFPType::parse.
  int64_t width = 0;
  int frac = 0;
  if (parser.parseLess() || parser.parseInteger(width) || parser.parseComma() ||
      parser.parseInteger(frac) || parser.parseGreater())
    return {};
  if (failed(verifyWidth([&] { return parser.emitError(loc); }, "fixed-point",
                         width)))
    return {};
  return parser.getChecked<FixedType>(loc, parser.getContext(), unsigned(width),
                                      frac);
}

void FixedType::print(AsmPrinter &printer) const {
  printer << "<" << getWidth() << ", " << getFrac() << ">";
}

int64_t FixedType::getMinValue() const {
  return -(int64_t(1) << (getWidth() - 1));
}

int64_t FixedType::getMaxValue() const {
  return (int64_t(1) << (getWidth() - 1)) - 1;
}

IntegerType FixedType::getStorageType() const {
  unsigned bits = getWidth() <= 8 ? 8 : getWidth() <= 16 ? 16 : 32;
  return IntegerType::get(getContext(), bits);
}

FixedType mlir::fxp::getFixedElementType(Type type) {
  if (auto shaped = dyn_cast<ShapedType>(type))
    return dyn_cast<FixedType>(shaped.getElementType());
  return dyn_cast<FixedType>(type);
}

Type mlir::fxp::cloneWithElementType(Type type, Type elementType) {
  if (auto shaped = dyn_cast<ShapedType>(type))
    return shaped.clone(elementType);
  return elementType;
}

//===----------------------------------------------------------------------===//
// DFPType
//===----------------------------------------------------------------------===//

static LogicalResult
verifyBlockAxis(function_ref<InFlightDiagnostic()> emitError, int64_t axis,
                size_t rank) {
  if (axis < 0 || axis >= int64_t(rank))
    return emitError() << "DFP block axis " << axis << " out of range for rank "
                       << rank;
  return success();
}

LogicalResult DFPType::verify(function_ref<InFlightDiagnostic()> emitError,
                              ArrayRef<int64_t> shape, unsigned width,
                              int64_t block, unsigned axis) {
  if (shape.empty())
    return emitError() << "DFP tensor must have rank >= 1";
  for (int64_t dim : shape)
    if (dim < 0 && !ShapedType::isDynamic(dim))
      return emitError() << "DFP tensor dimensions must be >= 0 or '?'";
  if (failed(verifyWidth(emitError, "DFP mantissa", width)))
    return failure();
  if (block < 0)
    return emitError() << "DFP block size must be positive, got " << block;
  if (block == 0 && axis != 0)
    return emitError() << "DFP axis requires a block size";
  if (block > 0 && failed(verifyBlockAxis(emitError, axis, shape.size())))
    return failure();
  return success();
}

Type DFPType::parse(AsmParser &parser) {
  SMLoc loc = parser.getCurrentLocation();
  SmallVector<int64_t> shape;
  // Signed, so that a width or axis out of range is reported as written
  // instead of wrapping to an unsigned parameter.
  int64_t width = 0, block = 0, axis = 0;
  if (parser.parseLess() ||
      parser.parseDimensionList(shape, /*allowDynamic=*/true,
                                /*withTrailingX=*/false) ||
      parser.parseComma() || parser.parseInteger(width))
    return {};
  if (succeeded(parser.parseOptionalComma())) {
    if (parser.parseKeyword("block") || parser.parseEqual() ||
        parser.parseInteger(block) || parser.parseComma() ||
        parser.parseKeyword("axis") || parser.parseEqual() ||
        parser.parseInteger(axis))
      return {};
    if (block == 0) {
      parser.emitError(loc, "DFP block size must be positive, got 0");
      return {};
    }
  }
  if (parser.parseGreater())
    return {};
  auto emitError = [&] { return parser.emitError(loc); };
  if (failed(verifyWidth(emitError, "DFP mantissa", width)) ||
      (block > 0 && failed(verifyBlockAxis(emitError, axis, shape.size()))))
    return {};
  return parser.getChecked<DFPType>(loc, parser.getContext(), shape,
                                    unsigned(width), block, unsigned(axis));
}

void DFPType::print(AsmPrinter &printer) const {
  printer << "<";
  printer.printDimensionList(getShape());
  printer << ", " << getWidth();
  if (!isPerTensor())
    printer << ", block = " << getBlock() << ", axis = " << getAxis();
  printer << ">";
}

FixedType DFPType::getMantissaElementType() const {
  return FixedType::get(getContext(), getWidth(), 0);
}

RankedTensorType DFPType::getMantissaType() const {
  return RankedTensorType::get(getShape(), getMantissaElementType());
}

RankedTensorType DFPType::getMantissaStorageType() const {
  return RankedTensorType::get(getShape(),
                               getMantissaElementType().getStorageType());
}

RankedTensorType DFPType::getExponentType() const {
  auto i32 = IntegerType::get(getContext(), 32);
  if (isPerTensor())
    return RankedTensorType::get({}, i32);
  SmallVector<int64_t> shape(getShape());
  int64_t &dim = shape[getAxis()];
  if (!ShapedType::isDynamic(dim))
    dim = llvm::divideCeil(dim, getBlock());
  return RankedTensorType::get(shape, i32);
}
