// RUN: fxp-opt %s -split-input-file -fxp-emit-packed-interface -verify-diagnostics

// A symbol that has the packed interface's name but not its signature.
llvm.func @_mlir_ciface_step(%x: !llvm.ptr) {
  llvm.return
}
// expected-error @below {{takes the name of the packed interface of '_mlir_ciface_step', which must be a defined '!llvm.func<void (ptr)>'}}
llvm.func @_fxp_packed_step(%x: i64) {
  llvm.return
}

// -----

// Nor a declaration.
llvm.func @_mlir_ciface_step(%x: !llvm.ptr) {
  llvm.return
}
// expected-error @below {{takes the name of the packed interface}}
llvm.func @_fxp_packed_step(!llvm.ptr)
