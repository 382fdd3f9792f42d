// RUN: fxp-opt %s --split-input-file --verify-diagnostics --fxp-check-lowered

// A module wholly in the LLVM dialect passes.
llvm.func @lowered(%x: f32) -> f32 {
  llvm.return %x : f32
}

// -----

// Anything else is reported where it is, once per outermost op.
// expected-error @below {{'func.func' was not lowered to the LLVM dialect: fxp-lower-to-llvm does not handle it}}
func.func @not_lowered(%x: f32) -> f32 {
  %y = math.erf %x : f32
  return %y : f32
}
