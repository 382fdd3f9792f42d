"""fxp: fixed-point training with MLIR, from Python.

`compile` turns MLIR (with or without fxp ops) into a native library through
`fxp-opt --fxp-lower-to-llvm`, `mlir-translate`, `llc` and `clang`;
`Function` calls its public functions on NumPy arrays. `fxp.training` trains
the example MLP on scikit-learn's digits with FP32 and fixed-point recipes.
`fxp._fxp` (native) parses, prints, verifies and transforms MLIR in-process
and builds fxp types and attributes.
"""

import os as _os

# The native module fxp._fxp (pybind11 over fxp's C++ API, built from
# python/src) lands in <build>/python/fxp: look in $FXP_BUILD_DIR's, then in
# build/ next to python/.
for _build in [_os.environ.get("FXP_BUILD_DIR"),
               _os.path.join(_os.path.dirname(_os.path.dirname(
                   _os.path.dirname(_os.path.abspath(__file__)))), "build")]:
    if _build:
        _native = _os.path.join(_os.path.abspath(_build), "python", "fxp")
        if _os.path.isdir(_native) and _native not in __path__:
            __path__.append(_native)

from .compiler import Library, compile_module, find_tool, host_targets

__all__ = ["Library", "compile_module", "find_tool", "host_targets"]
