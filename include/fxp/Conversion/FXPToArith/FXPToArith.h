//===- FXPToArith.h - lower fxp to integer arith ----------------*- C++ -*-===//

#ifndef FXP_CONVERSION_FXPTOARITH_FXPTOARITH_H
#define FXP_CONVERSION_FXPTOARITH_FXPTOARITH_H

#include "mlir/Pass/Pass.h"
#include "mlir/Transforms/DialectConversion.h"

namespace mlir {
class ModuleOp;
namespace fxp {

#define GEN_PASS_DECL_CONVERTFXPTOARITHPASS
#include "fxp/Conversion/Passes.h.inc"

/// Converts fxp types to their storage: `!fxp.fixed<W, F>` to `iN`, tensors
/// of it to tensors of `iN`, and `!fxp.dfp` 1:N to (mantissas, exponents).
class FXPTypeConverter : public TypeConverter {
public:
  FXPTypeConverter();
};

/// Patterns lowering every fxp op to arith, math, tensor and linalg.
void populateFXPToArithConversionPatterns(const TypeConverter &converter,
                                          RewritePatternSet &patterns);

} // namespace fxp
} // namespace mlir

#endif // FXP_CONVERSION_FXPTOARITH_FXPTOARITH_H
