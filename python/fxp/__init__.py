"""fxp: fixed-point training with MLIR, from Python.

`compile` turns MLIR (with or without fxp ops) into a native library through
`fxp-opt --fxp-lower-to-llvm`, `mlir-translate`, `llc` and `clang`;
`Function` calls its public functions on NumPy arrays. `fxp.training` trains
the example MLP on scikit-learn's digits with FP32 and fixed-point recipes.
"""

from .compiler import Library, compile_module, find_tool

__all__ = ["Library", "compile_module", "find_tool"]
