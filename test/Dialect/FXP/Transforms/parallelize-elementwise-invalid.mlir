// RUN: fxp-opt %s --verify-diagnostics --pass-pipeline="builtin.module(func.func(fxp-parallelize-elementwise{tiles=0}))"

// expected-error @below {{fxp-parallelize-elementwise: 'tiles' must be at least 1, not 0}}
func.func @no_tiles() {
  return
}
