// vpmaddwd on 256-bit vectors (the avx2 kernels' instruction), natively and
// emulated (emulate-x86): the pair -32768 * -32768 twice sums to 2^31, which
// wraps.
// RUN: fxp-opt %s --fxp-lower-to-llvm="target=portable emulate-x86=true" | %run-main | FileCheck %s
// RUN: %if avx2 %{ fxp-opt %s --fxp-lower-to-llvm=target=portable | %run-main | FileCheck %s %}

func.func @main() {
  %a = arith.constant dense<[-32768, -32768, 32767, -32768, 32767, 32767, -32768, 32767, 1, -1, 0, -32768, 123, -456, -7, 9]> : vector<16xi16>
  %b = arith.constant dense<[-32768, -32768, 32767, 32767, 32767, 32767, -32768, -32768, -32768, 32767, 5, -32768, 789, 1011, 32767, -1]> : vector<16xi16>
  // CHECK: ( -2147483648, -32767, 2147352578, 32768, -65535, 1073741824, -363969, -229378 )
  %products = fxp.x86.vpmaddwd %a, %b : vector<16xi16> -> vector<8xi32>
  vector.print %products : vector<8xi32>
  return
}
