"""fxp.compiler refuses, with a clear error, to build a library for an x86
target whose instructions this CPU lacks, unless they are emulated; and
fxp-lower-to-llvm compiles what frontends emit beyond fxp's own ops: loops
that carry tensors, math.erf, the named linalg.softmax, tensors without
elements."""

import math

import numpy as np
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


# Three steps of a recurrence h = tanh(h w): an scf.for whose body yields a
# new tensor each iteration (bufferization must let the loop yield fresh
# buffers).
RECURRENCE = """
func.func @f(%h0: tensor<2x8xf32>, %w: tensor<8x8xf32>) -> tensor<2x8xf32> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c3 = arith.constant 3 : index
  %zero = arith.constant 0.0 : f32
  %r = scf.for %i = %c0 to %c3 step %c1 iter_args(%h = %h0) -> (tensor<2x8xf32>) {
    %e = tensor.empty() : tensor<2x8xf32>
    %f = linalg.fill ins(%zero : f32) outs(%e : tensor<2x8xf32>) -> tensor<2x8xf32>
    %m = linalg.matmul ins(%h, %w : tensor<2x8xf32>, tensor<8x8xf32>) outs(%f : tensor<2x8xf32>) -> tensor<2x8xf32>
    %t = linalg.map ins(%m : tensor<2x8xf32>) outs(%e : tensor<2x8xf32>)
      (%in: f32, %init: f32) {
        %y = math.tanh %in : f32
        linalg.yield %y : f32
      }
    scf.yield %t : tensor<2x8xf32>
  }
  return %r : tensor<2x8xf32>
}"""


# FP32, and the dfp16 recipe; the largest error each may have.
RECIPES = [("", 1e-6),
           ('--fxp-quantize-training="recipe=dfp16 rounding=nearest_even"', 1e-3)]


def run_on_every_target(text, passes, *arrays):
    """@f of `text` (2-D f32 arrays in, one out) on the portable target and
    each x86 target this CPU runs."""
    return [compile_module(text, passes, target=target).function(
        "f", [("memref", 2, "f32")] * len(arrays), [("memref", 2, "f32")])(*arrays)[0]
        for target in ["portable"] + host_targets()]


@pytest.mark.parametrize("passes, tolerance", RECIPES)
def test_loop_carried_tensors(passes, tolerance):
    rng = np.random.RandomState(0)
    h = rng.randn(2, 8).astype(np.float32)
    w = (rng.randn(8, 8) / 3).astype(np.float32)
    expected = h.astype(np.float64)
    for _ in range(3):
        expected = np.tanh(expected @ w)
    results = run_on_every_target(RECURRENCE, passes, h, w)
    for result in results:
        assert np.abs(result - expected).max() < tolerance
    if passes:
        for result in results[1:]:
            np.testing.assert_array_equal(result.view(np.uint32), results[0].view(np.uint32))


# A GELU (through math.erf, which has no LLVM intrinsic: it calls libm) and
# the named linalg.softmax (decomposed) around a quantized contraction.
GELU_SOFTMAX = """
func.func @f(%x: tensor<4x16xf32>, %w: tensor<16x5xf32>) -> tensor<4x5xf32> {
  %zero = arith.constant 0.0 : f32
  %half = arith.constant 0.5 : f32
  %one = arith.constant 1.0 : f32
  %rsqrt2 = arith.constant 0.707106769 : f32
  %e16 = tensor.empty() : tensor<4x16xf32>
  %g = linalg.map ins(%x : tensor<4x16xf32>) outs(%e16 : tensor<4x16xf32>)
    (%in: f32, %init: f32) {
      %s = arith.mulf %in, %rsqrt2 : f32
      %erf = math.erf %s : f32
      %p = arith.addf %erf, %one : f32
      %h = arith.mulf %in, %half : f32
      %y = arith.mulf %h, %p : f32
      linalg.yield %y : f32
    }
  %e = tensor.empty() : tensor<4x5xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<4x5xf32>) -> tensor<4x5xf32>
  %logits = linalg.matmul ins(%g, %w : tensor<4x16xf32>, tensor<16x5xf32>) outs(%f : tensor<4x5xf32>) -> tensor<4x5xf32>
  %p = linalg.softmax dimension(1) ins(%logits : tensor<4x5xf32>) outs(%e : tensor<4x5xf32>) -> tensor<4x5xf32>
  return %p : tensor<4x5xf32>
}"""


@pytest.mark.parametrize("passes, tolerance", RECIPES)
def test_gelu_softmax(passes, tolerance):
    rng = np.random.RandomState(1)
    x = rng.randn(4, 16).astype(np.float32)
    w = (rng.randn(16, 5) / 4).astype(np.float32)
    gelu = 0.5 * x * (1 + np.vectorize(math.erf)(x / math.sqrt(2)))
    logits = gelu.astype(np.float64) @ w
    expected = np.exp(logits - logits.max(axis=1, keepdims=True))
    expected /= expected.sum(axis=1, keepdims=True)
    for result in run_on_every_target(GELU_SOFTMAX, passes, x, w):
        assert np.abs(result - expected).max() < tolerance


@pytest.mark.parametrize("parallel", [False, True])
def test_empty_tensors(parallel):
    """Tensors with no elements: element-wise ops on threads split an empty
    loop (no tile of size 0), a per-block DFP round trip, and results of no
    elements come back as empty arrays."""
    text = """
func.func @f(%x: tensor<?x?xf32>) -> (tensor<?x?xf32>, tensor<?x?xf32>) {
  %t = math.tanh %x : tensor<?x?xf32>
  %e = fxp.shared_exponent %x width 14 block 32 : tensor<?x?xf32> -> tensor<?x?xi32>
  %d = fxp.quantize_dfp %x, %e overflow <saturate_symmetric>
      : tensor<?x?xf32>, tensor<?x?xi32> -> !fxp.dfp<?x?, 14, block = 32, axis = 0>
  %y = fxp.dequantize %d : !fxp.dfp<?x?, 14, block = 32, axis = 0> -> tensor<?x?xf32>
  return %t, %y : tensor<?x?xf32>, tensor<?x?xf32>
}"""
    function = compile_module(text, parallel=parallel).function(
        "f", [("memref", 2, "f32")], [("memref", 2, "f32")] * 2)
    for shape in [(0, 5), (5, 0), (0, 0)]:
        tanh, round_trip = function(np.ones(shape, np.float32))
        assert tanh.shape == shape and round_trip.shape == shape
    tanh, round_trip = function(np.full((3, 5), 0.5, np.float32))
    assert np.allclose(tanh, np.tanh(0.5)) and np.all(round_trip == 0.5)


STATIC_EMPTY = """
func.func @f(%a: tensor<0x4xi8>, %b: tensor<4x2xi8>, %c: tensor<3x4xf32>, %d: tensor<4x0xf32>,
             %x: tensor<?x0xf32>, %y: tensor<0x?xf32>, %s: i64)
    -> (tensor<0x2xf32>, tensor<3x0xf32>, tensor<?x0xi16>, tensor<0x?xf32>) {
  %fa = fxp.from_storage %a : tensor<0x4xi8> -> tensor<0x4x!fxp.fixed<8, 0>>
  %fb = fxp.from_storage %b : tensor<4x2xi8> -> tensor<4x2x!fxp.fixed<8, 0>>
  %p = fxp.matmul %fa, %fb chunk 2
      : tensor<0x4x!fxp.fixed<8, 0>>, tensor<4x2x!fxp.fixed<8, 0>> -> tensor<0x2xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<3x0xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<3x0xf32>) -> tensor<3x0xf32>
  %q = linalg.matmul ins(%c, %d : tensor<3x4xf32>, tensor<4x0xf32>)
      outs(%init : tensor<3x0xf32>) -> tensor<3x0xf32>
  %fx = fxp.quantize %x rounding <stochastic> seed %s stream 1
      : tensor<?x0xf32> -> tensor<?x0x!fxp.fixed<16, 8>>
  %sx = fxp.to_storage %fx : tensor<?x0x!fxp.fixed<16, 8>> -> tensor<?x0xi16>
  %t = math.tanh %y : tensor<0x?xf32>
  return %p, %q, %sx, %t : tensor<0x2xf32>, tensor<3x0xf32>, tensor<?x0xi16>, tensor<0x?xf32>
}"""


@pytest.mark.parametrize("target", ["portable"] + host_targets())
def test_static_empty_tensors(target):
    """Static sizes of 0, alone and next to dynamic ones: the x86 kernels
    leave such contractions to the portable lowering (a whole tile cannot be
    sliced down to nothing), and element-wise loops do not fold a 0 and a
    dynamic size into one."""
    function = compile_module(STATIC_EMPTY, target=target).function(
        "f", [("memref", 2, "i8"), ("memref", 2, "i8"), ("memref", 2, "f32"),
              ("memref", 2, "f32"), ("memref", 2, "f32"), ("memref", 2, "f32"), "i64"],
        [("memref", 2, "f32"), ("memref", 2, "f32"), ("memref", 2, "i16"),
         ("memref", 2, "f32")])
    results = function(np.ones((0, 4), np.int8), np.ones((4, 2), np.int8),
                       np.ones((3, 4), np.float32), np.ones((4, 0), np.float32),
                       np.ones((5, 0), np.float32), np.ones((0, 7), np.float32), 1)
    assert [r.shape for r in results] == [(0, 2), (3, 0), (5, 0), (0, 7)]


EMPTY_REDUCTION = """
func.func @f(%a: tensor<4x0xi8>, %b: tensor<0x8xi8>, %c: tensor<3x0xf32>, %d: tensor<0x5xf32>)
    -> (tensor<4x8xf32>, tensor<3x5xf32>, tensor<3x5xf32>) {
  %fa = fxp.from_storage %a : tensor<4x0xi8> -> tensor<4x0x!fxp.fixed<8, 0>>
  %fb = fxp.from_storage %b : tensor<0x8xi8> -> tensor<0x8x!fxp.fixed<8, 0>>
  %p = fxp.matmul %fa, %fb chunk 2
      : tensor<4x0x!fxp.fixed<8, 0>>, tensor<0x8x!fxp.fixed<8, 0>> -> tensor<4x8xf32>
  %ec = fxp.shared_exponent %c width 12 : tensor<3x0xf32> -> tensor<i32>
  %dc = fxp.quantize_dfp %c, %ec : tensor<3x0xf32>, tensor<i32> -> !fxp.dfp<3x0, 12>
  %ed = fxp.shared_exponent %d width 12 : tensor<0x5xf32> -> tensor<i32>
  %dd = fxp.quantize_dfp %d, %ed : tensor<0x5xf32>, tensor<i32> -> !fxp.dfp<0x5, 12>
  %r = fxp.matmul %dc, %dd chunk 8 : !fxp.dfp<3x0, 12>, !fxp.dfp<0x5, 12> -> tensor<3x5xf32>
  %one = arith.constant 1.0 : f32
  %e = tensor.empty() : tensor<3x5xf32>
  %init = linalg.fill ins(%one : f32) outs(%e : tensor<3x5xf32>) -> tensor<3x5xf32>
  %q = linalg.matmul ins(%c, %d : tensor<3x0xf32>, tensor<0x5xf32>)
      outs(%init : tensor<3x5xf32>) -> tensor<3x5xf32>
  return %p, %q, %r : tensor<4x8xf32>, tensor<3x5xf32>, tensor<3x5xf32>
}"""


@pytest.mark.parametrize("target", ["portable"] + host_targets())
@pytest.mark.parametrize("parallel", [False, True])
def test_static_empty_reduction(target, parallel):
    """A static reduction size of 0 (fixed-point, FP32 and DFP operands):
    sums of nothing (0, or the init)."""
    function = compile_module(EMPTY_REDUCTION, target=target, parallel=parallel).function(
        "f", [("memref", 2, "i8")] * 2 + [("memref", 2, "f32")] * 2,
        [("memref", 2, "f32")] * 3)
    p, q, r = function(np.ones((4, 0), np.int8), np.ones((0, 8), np.int8),
                       np.ones((3, 0), np.float32), np.ones((0, 5), np.float32))
    assert p.shape == (4, 8) and np.all(p == 0)
    assert q.shape == (3, 5) and np.all(q == 1)
    assert r.shape == (3, 5) and np.all(r == 0)
