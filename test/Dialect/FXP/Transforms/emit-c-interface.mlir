// RUN: fxp-opt %s -fxp-emit-c-interface | FileCheck %s

// Public functions get C wrappers and read-only tensor arguments; private
// ones keep theirs.
// CHECK-LABEL: func.func @step
// CHECK-SAME: (%{{.*}}: tensor<4xf32> {bufferization.writable = false}, %{{.*}}: f32)
// CHECK-SAME: attributes {llvm.emit_c_interface}
func.func @step(%x: tensor<4xf32>, %s: f32) -> tensor<4xf32> {
  return %x : tensor<4xf32>
}
// CHECK-LABEL: func.func private @helper
// CHECK-NOT: bufferization.writable
// CHECK-NOT: llvm.emit_c_interface
// CHECK-SAME: {
func.func private @helper(%x: tensor<4xf32>) -> tensor<4xf32> {
  return %x : tensor<4xf32>
}
