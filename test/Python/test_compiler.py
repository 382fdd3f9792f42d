"""fxp.compiler refuses, with a clear error, to build a library for an x86
target whose instructions this CPU lacks, unless they are emulated."""

import pytest

from fxp.compiler import compile_module, host_targets

MATMUL = """
func.func @f(%a: tensor<8x8x!fxp.fixed<8, 0>>, %b: tensor<8x8x!fxp.fixed<8, 0>>) -> tensor<8x8xf32> {
  %c = fxp.matmul %a, %b chunk 2 : tensor<8x8x!fxp.fixed<8, 0>>, tensor<8x8x!fxp.fixed<8, 0>> -> tensor<8x8xf32>
  return %c : tensor<8x8xf32>
}"""

MISSING = [t for t in ["avx512vnni", "avx2"] if t not in host_targets()]


@pytest.mark.skipif(not MISSING, reason="this CPU runs every x86 target")
def test_missing_target_needs_emulation():
    with pytest.raises(ValueError, match="emulate_x86=True"):
        compile_module(MATMUL, target=MISSING[0])
    compile_module(MATMUL, target=MISSING[0], emulate_x86=True)
