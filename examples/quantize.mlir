// A small fxp program: quantize a vector to fixed<8, 4> with round-to-nearest
// and with stochastic rounding, and a 4x8x3 chunked fixed-point matmul.
func.func @kernel(%x: tensor<8xf32>, %seed: i64)
    -> (tensor<8x!fxp.fixed<8, 4>>, tensor<8x!fxp.fixed<8, 4>>) attributes {no_inline} {
  %q = fxp.quantize %x : tensor<8xf32> -> tensor<8x!fxp.fixed<8, 4>>
  %s = fxp.quantize %x rounding <stochastic> seed %seed stream 1
       : tensor<8xf32> -> tensor<8x!fxp.fixed<8, 4>>
  return %q, %s : tensor<8x!fxp.fixed<8, 4>>, tensor<8x!fxp.fixed<8, 4>>
}

func.func @matmul(%a: tensor<4x8x!fxp.fixed<8, 4>>, %b: tensor<8x3x!fxp.fixed<8, 4>>)
    -> tensor<4x3xf32> attributes {no_inline} {
  %c = fxp.matmul %a, %b chunk 4 : tensor<4x8x!fxp.fixed<8, 4>>, tensor<8x3x!fxp.fixed<8, 4>>
       -> tensor<4x3xf32>
  return %c : tensor<4x3xf32>
}

func.func @main() {
  %x = arith.constant dense<[1.5, -0.25, 100.0, 0.03125, 0.1, -0.1, 0.7, -7.9]> : tensor<8xf32>
  %seed = arith.constant 2026 : i64
  %r:2 = call @kernel(%x, %seed)
      : (tensor<8xf32>, i64) -> (tensor<8x!fxp.fixed<8, 4>>, tensor<8x!fxp.fixed<8, 4>>)
  %c0 = arith.constant 0 : index
  %pad = arith.constant 0 : i8
  %nearest = fxp.to_storage %r#0 : tensor<8x!fxp.fixed<8, 4>> -> tensor<8xi8>
  %stochastic = fxp.to_storage %r#1 : tensor<8x!fxp.fixed<8, 4>> -> tensor<8xi8>
  %v0 = vector.transfer_read %nearest[%c0], %pad : tensor<8xi8>, vector<8xi8>
  %v1 = vector.transfer_read %stochastic[%c0], %pad : tensor<8xi8>, vector<8xi8>
  vector.print str "nearest_even (units of 1/16): "
  vector.print %v0 : vector<8xi8>
  vector.print str "stochastic   (units of 1/16): "
  vector.print %v1 : vector<8xi8>

  %a = fxp.constant dense<16> : tensor<4x8xi8> -> tensor<4x8x!fxp.fixed<8, 4>>
  %b = fxp.constant dense<-8> : tensor<8x3xi8> -> tensor<8x3x!fxp.fixed<8, 4>>
  %c = call @matmul(%a, %b)
      : (tensor<4x8x!fxp.fixed<8, 4>>, tensor<8x3x!fxp.fixed<8, 4>>) -> tensor<4x3xf32>
  %fpad = arith.constant 0.0 : f32
  %row = vector.transfer_read %c[%c0, %c0], %fpad : tensor<4x3xf32>, vector<3xf32>
  vector.print str "matmul row 0 (1.0 * -0.5 * 8): "
  vector.print %row : vector<3xf32>
  return
}
