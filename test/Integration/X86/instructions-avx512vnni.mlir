// The x86 instructions of the avx512vnni kernels on lanes at the ends of i16
// and i32, natively on CPUs that have them and emulated (emulate-x86) on
// every CPU: both give the instructions' definitions, wrapping (vpmaddwd,
// vpdpwssd; the pair -32768 * -32768 twice sums to 2^31, which wraps) or
// clamping (vpdpwssds).
// RUN: fxp-opt %s --fxp-lower-to-llvm="target=portable emulate-x86=true" | %run-main | FileCheck %s
// RUN: %if avx512vnni %{ fxp-opt %s --fxp-lower-to-llvm=target=portable | %run-main | FileCheck %s %}

func.func @main() {
  %a = arith.constant dense<[-32768, -32768, 32767, -32768, 32767, 32767, -32768, 32767, 1, -1, 0, -32768, 123, -456, -7, 9, 9, -7, -456, 123, -32768, 0, -1, 1, 32767, -32768, 32767, 32767, -32768, 32767, -32768, -32768]> : vector<32xi16>
  %b = arith.constant dense<[-32768, -32768, 32767, 32767, 32767, 32767, -32768, -32768, -32768, 32767, 5, -32768, 789, 1011, 32767, -1, -1, 32767, 1011, 789, -32768, 5, 32767, -32768, -32768, -32768, 32767, 32767, 32767, 32767, -32768, -32768]> : vector<32xi16>
  %acc = arith.constant dense<[0, 5, -5, 2147483647, -2147483648, 100, -100, 1, 7, -2147483648, 2147483647, -1, 0, 1073741824, -1073741824, 3]> : vector<16xi32>
  // CHECK: ( -2147483648, -32767, 2147352578, 32768, -65535, 1073741824, -363969, -229378, -229378, -363969, 1073741824, -65535, 32768, 2147352578, -32767, -2147483648 )
  %products = fxp.x86.vpmaddwd %a, %b : vector<32xi16> -> vector<16xi32>
  vector.print %products : vector<16xi32>
  // CHECK: ( -2147483648, -32762, 2147352573, -2147450881, 2147418113, 1073741924, -364069, -229377, -229371, 2147119679, -1073741825, -65536, 32768, -1073872894, -1073774591, -2147483645 )
  %wrapped = fxp.x86.vpdpwssd %acc, %a, %b : vector<16xi32>, vector<32xi16>
  vector.print %wrapped : vector<16xi32>
  // CHECK: ( 2147483647, -32762, 2147352573, 2147483647, -2147483648, 1073741924, -364069, -229377, -229371, -2147483648, 2147483647, -65536, 32768, 2147483647, -1073774591, 2147483647 )
  %clamped = fxp.x86.vpdpwssds %acc, %a, %b : vector<16xi32>, vector<32xi16>
  vector.print %clamped : vector<16xi32>
  return
}
