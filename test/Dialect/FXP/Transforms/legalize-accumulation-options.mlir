// RUN: fxp-opt %s -fxp-legalize-accumulation="min-chunk=-7" -verify-diagnostics

// A negative min-chunk is an option error, not silently no minimum.
// expected-error @below {{fxp-legalize-accumulation: min-chunk must be non-negative, got -7}}
module {
}
