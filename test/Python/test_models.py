"""fxp.models.mlp_step against NumPy's forward and backward pass, and against
examples/mlp_step.mlir, which it generalizes; and its dfp16 rewrite trains."""

import os

import numpy as np
import pytest

from fxp.compiler import compile_module
from fxp.models import mlp_step, mlp_step_signature

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def problem(sizes, batch, seed=0):
    rng = np.random.RandomState(seed)
    x = rng.randn(batch, sizes[0]).astype(np.float32)
    y = np.eye(sizes[-1], dtype=np.float32)[rng.randint(0, sizes[-1], batch)]
    params = []
    for fan_in, fan_out in zip(sizes, sizes[1:]):
        params += [(rng.randn(fan_in, fan_out) / np.sqrt(fan_in)).astype(np.float32),
                   (rng.randn(fan_out) * 0.1).astype(np.float32)]
    return x, y, params


def numpy_step(x, y, params, lr):
    """SGD step of the same MLP in float64."""
    ws, bs = params[0::2], params[1::2]
    acts = [x.astype(np.float64)]
    for i, (w, b) in enumerate(zip(ws, bs)):
        z = acts[-1] @ w + b
        acts.append(np.maximum(z, 0) if i < len(ws) - 1 else z)
    logits = acts[-1]
    shifted = logits - logits.max(axis=1, keepdims=True)
    p = np.exp(shifted) / np.exp(shifted).sum(axis=1, keepdims=True)
    loss = -(np.log(p) * y).sum() / len(x)
    dz = (p - y) / len(x)
    updated = [None] * len(params)
    for i in reversed(range(len(ws))):
        updated[2 * i] = ws[i] - lr * (acts[i].T @ dz)
        updated[2 * i + 1] = bs[i] - lr * dz.sum(axis=0)
        if i:
            dz = (dz @ ws[i].T) * (acts[i] > 0)
    return updated, loss


@pytest.mark.parametrize("sizes", [[20, 10], [64, 48, 10], [33, 40, 24, 7]])
def test_step_matches_numpy(sizes):
    x, y, params = problem(sizes, batch=13)
    args, results = mlp_step_signature(sizes)
    step = compile_module(mlp_step(sizes)).function("step", args, results)
    *updated, loss = step(x, y, *params, 0.5)
    expected, expected_loss = numpy_step(x, y, params, 0.5)
    for got, want in zip(updated, expected):
        np.testing.assert_allclose(got, want, rtol=1e-4, atol=1e-5)
    np.testing.assert_allclose(loss, expected_loss, rtol=1e-5)


def test_step_is_the_example():
    with open(os.path.join(ROOT, "examples", "mlp_step.mlir")) as f:
        example = f.read()
    sizes = [64, 128, 10]
    x, y, params = problem(sizes, batch=9)
    args, results = mlp_step_signature(sizes)
    got = compile_module(mlp_step(sizes)).function("step", args, results)(x, y, *params, 0.1)
    want = compile_module(example).function("step", args, results)(x, y, *params, 0.1)
    for g, w in zip(got, want):
        np.testing.assert_allclose(g, w, rtol=1e-6, atol=1e-7)


def test_deep_dfp16_step_trains():
    sizes = [32, 48, 48, 4]
    x, y, params = problem(sizes, batch=64, seed=1)
    args, results = mlp_step_signature(sizes, seeded=True)
    step = compile_module(mlp_step(sizes), '--fxp-quantize-training="recipe=dfp16"').function(
        "step", args, results)
    losses = []
    for seed in range(30):
        *params, loss = step(x, y, *params, 0.2, seed)
        losses.append(float(loss))
    assert losses[-1] < 0.5 * losses[0], losses
