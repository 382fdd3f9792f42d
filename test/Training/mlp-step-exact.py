# One gupta step of examples/mlp_step.mlir, compiled by fxp, against the same
# step computed with the NumPy reference model: every updated weight matches
# bit for bit (stochastic rounding included).
#
# RUN: env PYTHONPATH=%fxp_src_root/python FXP_BUILD_DIR=%fxp_obj_root %python %s | FileCheck %s
# CHECK: gupta FL=10 stochastic: 4 tensors, 0 mismatching elements
# CHECK: gupta FL=8 nearest_even: 4 tensors, 0 mismatching elements
# CHECK: control: 1 mismatching elements

import ctypes
import sys

import numpy as np

from fxp import reference as ref
from fxp.training import compile_step, init_params

_libm = ctypes.CDLL("libm.so.6")
_libm.expf.restype = ctypes.c_float
_libm.expf.argtypes = [ctypes.c_float]


def expf(v):
    """The compiled code calls libm's expf: use it too, element by element."""
    return np.vectorize(lambda e: np.float32(_libm.expf(float(e))), otypes=[np.float32])(v)


def reference_step(x, y, w1, b1, w2, b2, lr, frac, rounding, seed):
    f32 = np.float32
    lr = f32(lr)
    batch = f32(x.shape[0])
    streams = iter(range(100))

    quantized = {}

    def q(v):
        # The pass rounds a tensor that feeds several contractions once.
        # (Holding v keeps its id from being reused by another array.)
        if id(v) not in quantized:
            quantized[id(v)] = (v, ref.quantize(v, 16, frac, rounding,
                                                "saturate_symmetric", seed, next(streams)))
        return quantized[id(v)][1]

    def rounded(v):
        qv = ref.quantize(v, 16, frac, rounding, "saturate", seed, next(streams))
        return ref.dequantize(qv, frac)

    def contract(a, b, transpose_a=False, transpose_b=False):
        qa, qb = q(a), q(b)
        if transpose_a:
            qa = qa.T
        if transpose_b:
            qb = qb.T
        return rounded(ref.chunked_matmul(qa, qb, 2, -2 * frac))

    def column_sum(v):  # linalg.reduce over the batch, in order
        acc = np.zeros(v.shape[1], f32)
        for row in v:
            acc = (acc + row).astype(f32)
        return acc

    z1 = contract(x, w1)
    h = np.maximum((z1 + b1).astype(f32), f32(0))
    z2 = contract(h, w2)
    logits = (z2 + b2).astype(f32)
    ex = expf((logits - logits.max(axis=1, keepdims=True)).astype(f32))
    total = np.zeros(x.shape[0], f32)
    for j in range(ex.shape[1]):
        total = (total + ex[:, j]).astype(f32)
    dlogits = (((ex / total[:, None]).astype(f32) - y).astype(f32) / batch).astype(f32)
    dw2 = contract(h, dlogits, transpose_a=True)
    db2 = column_sum(dlogits)
    # The contraction reads w2 through its transpose: w2 rounds once, for the
    # forward and the backward pass.
    dh = contract(dlogits, w2, transpose_b=True)
    dz1 = np.where(h > 0, dh, f32(0)).astype(f32)
    dw1 = contract(x, dz1, transpose_a=True)
    db1 = column_sum(dz1)
    update = lambda p, g: (p - (g * lr).astype(f32)).astype(f32)
    return [rounded(update(w1, dw1)), rounded(update(b1, db1)),
            rounded(update(w2, dw2)), rounded(update(b2, db2))]


def check(frac, rounding, seed=12345):
    rng = np.random.RandomState(7)
    x = rng.rand(8, 64).astype(np.float32)
    y = np.eye(10, dtype=np.float32)[rng.randint(0, 10, 8)]
    params = [ref.dequantize(ref.quantize(p, 16, frac), frac) for p in init_params(3)]
    step, stochastic = compile_step(
        f'--fxp-quantize-training="recipe=gupta frac-bits={frac} rounding={rounding}"')
    args = [x, y, *params, 0.5] + ([seed] if stochastic else [])
    *compiled, _loss = step(*args)
    expected = reference_step(x, y, *params, 0.5, frac, rounding, seed)
    mismatches = sum(int(np.sum(c.view(np.uint32) != e.view(np.uint32)))
                     for c, e in zip(compiled, expected))
    print(f"gupta FL={frac} {rounding}: {len(compiled)} tensors, {mismatches} mismatching elements")
    # The comparison itself can fail: perturb one bit of one weight.
    expected[0].view(np.uint32)[0, 0] ^= 1
    return sum(int(np.sum(c.view(np.uint32) != e.view(np.uint32)))
               for c, e in zip(compiled, expected))


check(10, "stochastic")
control = check(8, "nearest_even")
print(f"control: {control} mismatching elements")
sys.stdout.flush()
