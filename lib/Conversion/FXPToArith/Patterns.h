//===- Patterns.h - fxp-to-arith patterns by op family ----------*- C++ -*-===//

#ifndef FXP_LIB_CONVERSION_FXPTOARITH_PATTERNS_H
#define FXP_LIB_CONVERSION_FXPTOARITH_PATTERNS_H

#include "mlir/IR/AffineMap.h"
#include "mlir/IR/ImplicitLocOpBuilder.h"
#include "mlir/Transforms/DialectConversion.h"

namespace mlir::fxp {

/// Computes `body(elements of operands..., linear index)` for every element
/// of a tensor of `resultType` (or once, for a scalar `resultType`). The first
/// operand has the result's shape; `operandMaps` (identity by default) index
/// the others, e.g. to broadcast a shared exponent. The index is an `i64`,
/// built only when `needsIndex`.
using ElementBody =
    function_ref<Value(ImplicitLocOpBuilder &, ValueRange, Value)>;
Value buildElementwise(OpBuilder &builder, Location loc, Type resultType,
                       ValueRange operands, ArrayRef<AffineMap> operandMaps,
                       bool needsIndex, ElementBody body);

/// The sizes of `tensor` as index values.
SmallVector<Value> getDimSizes(OpBuilder &builder, Location loc, Value tensor);

void populateElementwisePatterns(const TypeConverter &converter,
                                 RewritePatternSet &patterns);
void populateContractionPatterns(const TypeConverter &converter,
                                 RewritePatternSet &patterns);

} // namespace mlir::fxp

#endif // FXP_LIB_CONVERSION_FXPTOARITH_PATTERNS_H
