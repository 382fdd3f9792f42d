"""Tests of fxp._fxp, the pybind11 module over fxp's C++ API."""

import pytest

from fxp import _fxp


@pytest.fixture(scope="module")
def ctx():
    return _fxp.Context()


MATMUL = """
func.func @mm(%a: tensor<4x64x!fxp.fixed<14, 10>>, %b: tensor<64x3x!fxp.fixed<14, 12>>)
    -> tensor<4x3xf32> {
  %0 = fxp.matmul %a, %b chunk 1 symmetric
      : tensor<4x64x!fxp.fixed<14, 10>>, tensor<64x3x!fxp.fixed<14, 12>> -> tensor<4x3xf32>
  return %0 : tensor<4x3xf32>
}
"""


# Types ------------------------------------------------------------------------

def test_fixed_type(ctx):
    t = _fxp.FixedType.get(ctx, 16, 8)
    assert str(t) == "!fxp.fixed<16, 8>"
    assert (t.width, t.frac) == (16, 8)
    assert str(t.storage_type) == "i16"
    assert isinstance(t, _fxp.Type)
    # Types are uniqued: equal parameters, equal types.
    assert t == _fxp.FixedType.get(ctx, 16, 8)
    assert t != _fxp.FixedType.get(ctx, 16, 9)
    assert hash(t) == hash(_fxp.FixedType.get(ctx, 16, 8))
    assert str(_fxp.FixedType.get(ctx, 2, -64)) == "!fxp.fixed<2, -64>"


@pytest.mark.parametrize("width, frac, message", [
    (40, 8, "width must be in [2, 32], got 40"),
    (1, 0, "width must be in [2, 32], got 1"),
    (16, 65, "fraction bits must be in [-64, 64], got 65"),
])
def test_fixed_type_invalid(ctx, width, frac, message):
    with pytest.raises(ValueError, match=message.replace("[", r"\[").replace("]", r"\]")):
        _fxp.FixedType.get(ctx, width, frac)


def test_dfp_type(ctx):
    per_tensor = _fxp.DFPType.get(ctx, [64, 128], 16)
    assert str(per_tensor) == "!fxp.dfp<64x128, 16>"
    assert per_tensor.shape == [64, 128]
    assert (per_tensor.width, per_tensor.block, per_tensor.axis) == (16, 0, 0)
    assert per_tensor.per_tensor

    blocked = _fxp.DFPType.get(ctx, [None, 256], 14, block=32, axis=1)
    assert str(blocked) == "!fxp.dfp<?x256, 14, block = 32, axis = 1>"
    assert blocked.shape == [None, 256]
    assert (blocked.width, blocked.block, blocked.axis) == (14, 32, 1)
    assert not blocked.per_tensor
    assert not isinstance(blocked, _fxp.FixedType)


def test_dfp_type_invalid(ctx):
    with pytest.raises(ValueError, match="axis 2 out of range"):
        _fxp.DFPType.get(ctx, [64, 128], 16, block=8, axis=2)


def test_parse_type(ctx):
    fixed = _fxp.Type.parse(ctx, "!fxp.fixed<12, 8>")
    assert isinstance(fixed, _fxp.FixedType)
    assert (fixed.width, fixed.frac) == (12, 8)
    dfp = _fxp.Type.parse(ctx, "!fxp.dfp<7, 8, block = 4, axis = 0>")
    assert isinstance(dfp, _fxp.DFPType)
    assert (dfp.shape, dfp.block) == ([7], 4)
    # Upstream types come back as plain types.
    tensor = _fxp.Type.parse(ctx, "tensor<4x?x!fxp.fixed<12, 8>>")
    assert type(tensor) is _fxp.Type
    assert str(tensor) == "tensor<4x?x!fxp.fixed<12, 8>>"
    with pytest.raises(ValueError, match="width must be in"):
        _fxp.Type.parse(ctx, "!fxp.fixed<33, 0>")


# Attributes -------------------------------------------------------------------

def test_rounding_attrs(ctx):
    modes = _fxp.RoundingAttr.modes()
    assert modes == ["floor", "toward_zero", "nearest_even", "nearest_away",
                     "nearest_up", "biased", "stochastic"]
    for mode in modes:
        attr = _fxp.RoundingAttr.get(ctx, mode)
        assert str(attr) == f"#fxp.rounding<{mode}>"
        assert attr.value == mode
        assert _fxp.Attribute.parse(ctx, str(attr)) == attr
    with pytest.raises(ValueError, match="unknown rounding mode 'sideways'"):
        _fxp.RoundingAttr.get(ctx, "sideways")


def test_overflow_attrs(ctx):
    assert _fxp.OverflowAttr.modes() == ["saturate", "saturate_symmetric", "wrap"]
    attr = _fxp.OverflowAttr.get(ctx, "saturate_symmetric")
    assert str(attr) == "#fxp.overflow<saturate_symmetric>"
    assert attr.value == "saturate_symmetric"
    parsed = _fxp.Attribute.parse(ctx, "#fxp.overflow<wrap>")
    assert isinstance(parsed, _fxp.OverflowAttr) and parsed.value == "wrap"
    assert not isinstance(parsed, _fxp.RoundingAttr)
    with pytest.raises(ValueError, match="unknown overflow mode"):
        _fxp.OverflowAttr.get(ctx, "nearest_even")


# Modules and pass pipelines ---------------------------------------------------

def test_parse_print_roundtrip(ctx):
    module = _fxp.Module.parse(ctx, MATMUL)
    text = str(module)
    assert "fxp.matmul %arg0, %arg1 chunk 1 symmetric" in text
    assert str(_fxp.Module.parse(ctx, text)) == text
    assert module.verify()
    assert module.operation_names == ["func.func", "fxp.matmul", "func.return"]


def test_parse_errors(ctx):
    with pytest.raises(ValueError, match="custom op 'fxp.bogus' is unknown"):
        _fxp.Module.parse(ctx, "func.func @f() {\n  %0 = fxp.bogus\n}")


def test_verify(ctx):
    invalid = """
    func.func @f(%a: !fxp.fixed<16, 8>, %s: i64) {
      %0 = fxp.mul %a, %a seed %s stream 2 : !fxp.fixed<16, 8>, !fxp.fixed<16, 8> -> !fxp.fixed<16, 8>
      return
    }"""
    with pytest.raises(ValueError, match="only meaningful with stochastic rounding"):
        _fxp.Module.parse(ctx, invalid)
    module = _fxp.Module.parse(ctx, invalid, verify=False)
    with pytest.raises(ValueError, match="only meaningful with stochastic rounding"):
        module.verify()


def test_fxp_pass(ctx):
    module = _fxp.Module.parse(ctx, MATMUL)
    module.run("fxp-legalize-accumulation")
    assert "chunk 32 symmetric" in str(module)


def test_fxp_and_upstream_pipeline(ctx):
    module = _fxp.Module.parse(ctx, MATMUL)
    module.run("builtin.module(convert-fxp-to-arith, canonicalize, cse)")
    names = module.operation_names
    assert not any(name.startswith("fxp.") for name in names)
    assert "linalg.generic" in names
    assert "tensor<4x64xi16>" in str(module)


def test_lower_to_llvm(ctx):
    module = _fxp.Module.parse(ctx, MATMUL)
    module.run("fxp-lower-to-llvm{target=portable}")
    names = set(module.operation_names)
    assert names <= {name for name in names if name.startswith("llvm.")}
    assert "llvm.func" in names
    assert "llvm.func @_mlir_ciface_mm(" in str(module)
    assert module.verify()


def test_pipeline_errors(ctx):
    module = _fxp.Module.parse(ctx, MATMUL)
    with pytest.raises(ValueError, match="'fxp-no-such-pass' does not refer to a registered pass"):
        module.run("fxp-no-such-pass")
    failing = _fxp.Module.parse(ctx, """
    func.func @argument(%x: tensor<4x64x!fxp.fixed<16, 8>>, %w: tensor<64x3x!fxp.fixed<16, 8>>)
        -> tensor<4x3xf32> {
      %c = fxp.matmul %x, %w chunk 1 symmetric
          : tensor<4x64x!fxp.fixed<16, 8>>, tensor<64x3x!fxp.fixed<16, 8>> -> tensor<4x3xf32>
      return %c : tensor<4x3xf32>
    }""")
    with pytest.raises(RuntimeError, match="cannot narrow operand #0"):
        failing.run("fxp-legalize-accumulation{min-chunk=32 narrow=true}")


def test_objects_outlive_their_python_context():
    module = _fxp.Module.parse(_fxp.Context(), MATMUL)
    fixed = _fxp.FixedType.get(_fxp.Context(), 8, 4)
    import gc
    gc.collect()
    module.run("canonicalize")
    assert "fxp.matmul" in str(module)
    assert str(fixed) == "!fxp.fixed<8, 4>"
