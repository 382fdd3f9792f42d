"""Whole training step: one SGD step of a 784-1024-1024-10 MLP (ReLU,
softmax cross-entropy, batch 256; fxp.models.mlp_step, the graph of
examples/mlp_step.mlir at this size, where the contractions dominate),
compiled by fxp as FP32 and with the dfp16 recipe (nearest and stochastic
rounding), timed in one run; on one thread, and with --parallel on the
kernels' OpenMP threads too (each step then against FP32 on threads, and
against itself on one thread).

    PYTHONPATH=python /usr/bin/python3 bench/training_step.py [--parallel]
                                                            [--sizes 784 1024 10]

FP32 contractions go through the same pipeline: on x86 targets all of them
(matmuls in every layout) get register-tiled FMA kernels, and the same
matmuls through NumPy/OpenBLAS are printed for scale.
"""

import argparse
import time

import numpy as np

from fxp.compiler import compile_module
from fxp.models import mlp_step, mlp_step_inputs, mlp_step_signature
from fxp.training import time_steps

BATCH = 256
ROUNDS = 10


# The configurations timed: name, fxp-opt passes, and whether the step takes
# a seed.
CONFIGURATIONS = [
    ("fp32", "", False),
    ("dfp16 nearest_even", '--fxp-quantize-training="recipe=dfp16 rounding=nearest_even"', False),
    ("dfp16 stochastic", '--fxp-quantize-training="recipe=dfp16"', True)]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", nargs="*", type=int, default=[784, 1024, 1024, 10])
    parser.add_argument("--parallel", action="store_true",
                        help="also time the kernels on OpenMP threads "
                             "(OMP_NUM_THREADS picks how many)")
    args = parser.parse_args()
    sizes = args.sizes
    text = mlp_step(sizes)
    x, y, params = mlp_step_inputs(sizes, BATCH)
    # Forward, weight gradient and (but for the first layer) input gradient.
    macs = sum(BATCH * a * b * (3 if i else 2) for i, (a, b) in enumerate(zip(sizes, sizes[1:])))
    flops = 2 * macs
    print(f"MLP {'-'.join(map(str, sizes))}, batch {BATCH}: {flops / 1e9:.2f} GFLOP per "
          "step in contractions\n")
    layers = len(sizes) - 1
    steps = []
    for parallel in [False, True] if args.parallel else [False]:
        for name, passes, seed in CONFIGURATIONS:
            library = compile_module(text, passes, parallel=parallel)
            step = library.function("step", *mlp_step_signature(sizes, seeded=seed))
            values = [x, y, *params, 0.01] + ([1] if seed else [])
            steps.append((name + (" (threads)" if parallel else ""), step, values))
    # Rounds that time every configuration once, so that the machine's noise
    # (a shared VM) falls on all of them alike; the best of each is kept.
    # One-thread steps go first: once a threaded step has run, OpenMP's idle
    # workers spin for a while, and on a VM whose two cores may be hyperthread
    # siblings they slow whatever runs next.
    best = []
    for phase in (steps[:len(CONFIGURATIONS)], steps[len(CONFIGURATIONS):]):
        best += time_steps([lambda step=step, values=values: step(*values)
                            for _, step, values in phase], rounds=ROUNDS)
    rows = [(name, seconds) for (name, _, _), seconds in zip(steps, best)]
    blas_begin = time.perf_counter()
    for _ in range(3):
        acts = [x]
        for w in params[0::2]:
            acts.append(np.maximum(acts[-1] @ w, 0))
        g = acts[-1]
        for i in reversed(range(layers)):
            _ = acts[i].T @ g
            if i:
                g = g @ params[2 * i].T
    blas = (time.perf_counter() - blas_begin) / 3
    # Each step against FP32 on the same threads, and threads against one.
    print(f"{'step':<32}{'ms':>9}{'GFLOPS':>9}{'vs fp32':>9}{'vs 1 thread':>13}")
    for i, (name, seconds) in enumerate(rows):
        fp32 = rows[i - i % len(CONFIGURATIONS)][1]
        line = f"{name:<32}{seconds * 1e3:>9.2f}{flops / seconds / 1e9:>9.1f}{fp32 / seconds:>8.2f}x"
        if i >= len(CONFIGURATIONS):
            line += f"{rows[i - len(CONFIGURATIONS)][1] / seconds:>12.2f}x"
        print(line)
    print(f"{'numpy/BLAS matmuls':<32}{blas * 1e3:>9.2f}{flops / blas / 1e9:>9.1f}")


if __name__ == "__main__":
    main()
