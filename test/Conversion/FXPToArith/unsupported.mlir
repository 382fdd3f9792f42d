// RUN: fxp-opt %s -split-input-file -convert-fxp-to-arith -verify-diagnostics

// An op the lowering does not know, on fxp types, is reported by name;
// nothing is left half converted.
func.func @generic_on_fixed(%x: tensor<4x!fxp.fixed<16, 8>>) -> tensor<4x!fxp.fixed<16, 8>> {
  // expected-error @+1 {{failed to legalize operation 'linalg.generic'}}
  %r = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>, affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]}
      ins(%x : tensor<4x!fxp.fixed<16, 8>>) outs(%x : tensor<4x!fxp.fixed<16, 8>>) {
  ^bb0(%a: !fxp.fixed<16, 8>, %b: !fxp.fixed<16, 8>):
    linalg.yield %a : !fxp.fixed<16, 8>
  } -> tensor<4x!fxp.fixed<16, 8>>
  return %r : tensor<4x!fxp.fixed<16, 8>>
}

// -----

// Tensor ops only move elements: they are rebuilt on the storage.
func.func @slice(%x: tensor<8x!fxp.fixed<16, 8>>) -> tensor<4x!fxp.fixed<16, 8>> {
  %s = tensor.extract_slice %x[2] [4] [1] : tensor<8x!fxp.fixed<16, 8>> to tensor<4x!fxp.fixed<16, 8>>
  return %s : tensor<4x!fxp.fixed<16, 8>>
}
