"""Interleaved A/B of two fxp builds: the same modules compiled by each, timed
call by call in one process, so that a shared machine's drift (often 30%
over minutes) falls on both alike. Prints the best time of each and the
speedup of NEW over OLD.

    PYTHONPATH=python /usr/bin/python3 bench/compare_builds.py NEW_BUILD OLD_BUILD
        [--shapes 1024x1024x1024 256x1024x1024:NT] [--convs 32x32x32x3*16]
        [--quantize 1024x1024] [--steps] [--examples] [--target avx2]

A build is a build directory (`FXP_BUILD_DIR`), for example one made in a
git worktree of an older commit. Contraction shapes and convolutions are as
in bench/contraction.py (INT16 and FP32); --quantize adds quantization to
DFP16 as in bench/quantize.py (nearest and stochastic); --steps adds the training step of
bench/training_step.py (FP32, dfp16 nearest, dfp16 stochastic); --examples
the main job's steps (fxp.training: the digits MLP and CNN, batch 32) in
the same configurations.
"""

import argparse
import os

import numpy as np

import contraction
import quantize
import training_step
from fxp.compiler import compile_module, host_targets
from fxp.models import mlp_step, mlp_step_inputs, mlp_step_signature
from fxp.training import MODELS, time_steps

ROUNDS = 15


def contraction_cases(shape, target):
    sizes, _, layout = shape.partition(":")
    layout = layout or "NN"
    m, n, k = (int(v) for v in sizes.split("x"))
    rng = np.random.RandomState(0)
    a = rng.randn(*((k, m) if layout[0] == "T" else (m, k))).astype(np.float32)
    b = rng.randn(*((n, k) if layout[1] == "T" else (k, n))).astype(np.float32)
    for name, template in [("int16", contraction.INT16), ("fp32", contraction.FP32)]:
        build = lambda template=template, name=name: contraction.compiled(
            template, name, m, n, k, layout, target)
        yield f"{name} {shape}", build, (a, b)


def conv_cases(shape, target):
    sizes, x, f = contraction.conv_problem(shape)
    for kind in ["int16", "fp32"]:
        yield (f"{kind} conv {shape}",
               lambda kind=kind: contraction.compiled_conv(kind, sizes, target), (x, f))


def quantize_cases(shape, target):
    m, n = (int(v) for v in shape.split("x"))
    x = np.random.RandomState(0).randn(m, n).astype(np.float32)
    signature = ([("memref", 2, "f32"), ("memref", 0, "i32"), "i64"], [("memref", 2, "i16")])
    for rounding, random in [("nearest_even", ""), ("stochastic", "seed %seed stream 1")]:
        text = quantize.QUANTIZE.format(m=m, n=n, rounding=rounding, random=random)
        build = lambda text=text: compile_module(text, target=target).function(
            "run", *signature)
        yield f"quantize {shape} {rounding}", build, (x, np.array(-13, np.int32), 7)


def step_cases(target):
    sizes = [784, 1024, 1024, 10]
    x, y, params = mlp_step_inputs(sizes, training_step.BATCH)
    for name, passes, seed in training_step.CONFIGURATIONS:
        build = lambda passes=passes, seed=seed: compile_module(
            mlp_step(sizes), passes, target=target).function(
                "step", *mlp_step_signature(sizes, seeded=seed))
        yield f"step {name}", build, (x, y, *params, 0.01) + ((1,) if seed else ())


def example_cases(target):
    rng = np.random.RandomState(0)
    for model in MODELS.values():
        x = rng.rand(32, *model.image_shape).astype(np.float32)
        y = np.eye(10, dtype=np.float32)[rng.randint(0, 10, 32)]
        params = model.init_params()
        for name, passes, seed in training_step.CONFIGURATIONS:
            build = lambda model=model, passes=passes: model.compile_step(
                passes, target=target)[0]
            yield f"{model.name} {name}", build, (x, y, *params, 0.1) + ((1,) if seed else ())


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("new")
    parser.add_argument("old")
    parser.add_argument("--shapes", nargs="*",
                        default=["256x1024x1024", "256x1024x1024:NT", "1024x1024x256:TN"])
    parser.add_argument("--convs", nargs="*", default=[])
    parser.add_argument("--quantize", nargs="*", default=[])
    parser.add_argument("--steps", action="store_true")
    parser.add_argument("--examples", action="store_true")
    parser.add_argument("--target", default=(host_targets() or ["portable"])[0])
    args = parser.parse_args()
    cases = [case for shape in args.shapes for case in contraction_cases(shape, args.target)]
    cases += [case for shape in args.convs for case in conv_cases(shape, args.target)]
    cases += [case for shape in args.quantize for case in quantize_cases(shape, args.target)]
    if args.steps:
        cases += list(step_cases(args.target))
    if args.examples:
        cases += list(example_cases(args.target))
    print(f"{'case':<32}{'new ms':>10}{'old ms':>10}   speedup (new over old)")
    for name, build, call_args in cases:
        functions = []
        for directory in (args.new, args.old):
            os.environ["FXP_BUILD_DIR"] = directory
            functions.append(build())
        best = time_steps([lambda f=f: f(*call_args) for f in functions], rounds=ROUNDS)
        print(f"{name:<32}{best[0] * 1e3:>10.2f}{best[1] * 1e3:>10.2f}   {best[1] / best[0]:.2f}x",
              flush=True)


if __name__ == "__main__":
    main()
