//===- InitAll.h - register every fxp dialect and pass ----------*- C++ -*-===//

#ifndef FXP_INITALL_H
#define FXP_INITALL_H

namespace mlir {
class DialectRegistry;
namespace fxp {
/// Adds the fxp dialect to `registry`.
void registerAllFXPDialects(DialectRegistry &registry);
/// Registers every fxp pass and pipeline with the global pass registry.
void registerAllFXPPasses();
} // namespace fxp
} // namespace mlir

#endif // FXP_INITALL_H
