"""Train the example networks (examples/mlp_step.mlir, examples/cnn_step.mlir)
on scikit-learn's 8x8 digits with FP32 and with fxp's fixed-point recipes,
all compiled by fxp.

    PYTHONPATH=python /usr/bin/python3 -m fxp.training [--model mlp|cnn]
                                                       [--epochs N] [--plot F]

Prints a table of test accuracy, final training loss and time per step for
every configuration, and writes a plot of the loss curves; then times FP32
and dfp16 on an MLP step large enough for the contractions to dominate
(--speed-sizes; none to skip).
"""

import argparse
import os
import time

import numpy as np

from .compiler import compile_module
from .models import mlp_step, mlp_step_inputs, mlp_step_signature

_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

# (name, fxp-opt passes applied to the FP32 step; "" keeps it FP32)
CONFIGS = [("fp32", "")]
for _frac in (8, 12, 14):
    for _rounding in ("nearest_even", "stochastic"):
        CONFIGS.append((f"gupta FL={_frac} {_rounding}",
                        f'--fxp-quantize-training="recipe=gupta frac-bits={_frac} '
                        f'rounding={_rounding}"'))
for _rounding in ("nearest_even", "stochastic"):
    CONFIGS.append((f"dfp16 {_rounding}",
                    f'--fxp-quantize-training="recipe=dfp16 rounding={_rounding}"'))


def load_digits_split(seed=0, test_fraction=0.2):
    """The 1797 8x8 digits of scikit-learn, scaled to [0, 1], with a fixed
    train/test split."""
    from sklearn.datasets import load_digits
    digits = load_digits()
    x = (digits.data / 16.0).astype(np.float32)
    y = digits.target.astype(np.int64)
    order = np.random.RandomState(seed).permutation(len(x))
    test = int(len(x) * test_fraction)
    return x[order[test:]], y[order[test:]], x[order[:test]], y[order[:test]]


def _he(rng, shape, fan_in):
    return (rng.randn(*shape) * np.sqrt(2.0 / fan_in)).astype(np.float32)


def takes_seed(passes):
    """Whether a step compiled with `passes` rounds stochastically, and so
    takes a trailing seed."""
    return "fxp-quantize-training" in passes and (
        "rounding=" not in passes or "rounding=stochastic" in passes)


class Model:
    """A training step in examples/ and what Python needs to drive it."""

    def __init__(self, name, param_shapes, fan_ins, image_shape):
        self.name = name
        self.path = os.path.join(_ROOT, "examples", f"{name}_step.mlir")
        self.param_shapes = param_shapes
        self.fan_ins = fan_ins
        self.image_shape = image_shape

    def init_params(self, seed=0):
        rng = np.random.RandomState(seed)
        return [_he(rng, shape, fan_in) if fan_in else np.zeros(shape, np.float32)
                for shape, fan_in in zip(self.param_shapes, self.fan_ins)]

    def images(self, x):
        return x.reshape((len(x),) + self.image_shape)

    def predict(self, params, x):
        x = self.images(x)
        if self.name == "mlp":
            w1, b1, w2, b2 = params
            hidden = np.maximum(x @ w1 + b1, 0)
        else:
            k, bk, w1, b1 = params
            # Valid 3x3 convolution, NHWC x HWCF.
            windows = np.lib.stride_tricks.sliding_window_view(x, (3, 3), axis=(1, 2))
            conv = np.einsum("nhwcij,ijcf->nhwf", windows, k)
            hidden = np.maximum(conv + bk, 0).reshape(len(x), -1)
            w2, b2 = w1, b1
        return np.argmax(hidden @ w2 + b2, axis=1)

    def source(self):
        """The step's MLIR text."""
        with open(self.path) as f:
            return f.read()

    def compile_step(self, passes, source=None, target="host"):
        """The compiled step (of `source`, the example's text by default)
        for `target`: (x, onehot, *params, lr[, seed]) -> (*params, loss),
        and whether it takes a seed."""
        library = compile_module(source or self.source(), passes, target=target)
        tensors = [("memref", len(self.image_shape) + 1, "f32"), ("memref", 2, "f32")]
        params = [("memref", len(shape), "f32") for shape in self.param_shapes]
        stochastic = takes_seed(passes)
        args = tensors + params + ["f32"] + (["i64"] if stochastic else [])
        results = params + [("memref", 0, "f32")]
        return library.function("step", args, results), stochastic


MODELS = {
    "mlp": Model("mlp", [(64, 128), (128,), (128, 10), (10,)], [64, 0, 128, 0], (64,)),
    "cnn": Model("cnn", [(3, 3, 1, 8), (8,), (288, 10), (10,)], [9, 0, 288, 0], (8, 8, 1)),
}


def init_params(seed=0):
    return MODELS["mlp"].init_params(seed)


def compile_step(passes):
    return MODELS["mlp"].compile_step(passes)


def train(passes, data, epochs=20, batch=32, lr=0.1, seed=0, model="mlp",
          source=None):
    """Trains from the same initial parameters and batch order; returns the
    per-epoch mean training loss, final test accuracy and `replay`, which runs
    the compiled step once more on the first batch (for timing).
    `source` replaces the model's MLIR (for example, with attributes)."""
    model = MODELS[model]
    step, stochastic = model.compile_step(passes, source)
    x_train, y_train, x_test, y_test = data
    x_train = model.images(x_train)
    onehot = np.eye(10, dtype=np.float32)[y_train]
    params = model.init_params(seed)
    order_rng = np.random.RandomState(seed + 1)
    losses, step_index, first_args = [], 0, None
    for _ in range(epochs):
        order = order_rng.permutation(len(x_train))
        epoch_loss = []
        for start in range(0, len(order) - batch + 1, batch):
            idx = order[start:start + batch]
            args = [x_train[idx], onehot[idx], *params, lr]
            if stochastic:
                args.append(1000003 * seed + step_index)
            first_args = first_args or args
            *params, loss = step(*args)
            epoch_loss.append(float(loss))
            step_index += 1
        losses.append(float(np.mean(epoch_loss)))
    accuracy = float(np.mean(model.predict(params, x_test) == y_test))
    return losses, accuracy, lambda: step(*first_args)


def time_steps(replays, rounds=15):
    """Seconds per call of each of `replays` (calls without arguments),
    timed in interleaved rounds (best of each), so that a shared machine's
    drift falls on every one alike. Short calls are timed in batches of at
    least about 2 ms."""
    best = [float("inf")] * len(replays)
    repeats = []
    for replay in replays:
        begin = time.perf_counter()
        replay()
        repeats.append(max(1, int(2e-3 / (time.perf_counter() - begin))))
    for _ in range(rounds):
        for i, (replay, repeat) in enumerate(zip(replays, repeats)):
            begin = time.perf_counter()
            for _ in range(repeat):
                replay()
            best[i] = min(best[i], (time.perf_counter() - begin) / repeat)
    return best


# The digits networks are too small for their step time to say much about
# fixed point's speed (quantization passes, not contractions, set it); the
# main job also times one step of an MLP where contractions dominate.
SPEED_SIZES, SPEED_BATCH = (784, 1024, 1024, 10), 256


def print_compute_bound_speed(sizes):
    """One step of `fxp.models.mlp_step(sizes)` (batch 256) as FP32 and
    with dfp16, timed in interleaved rounds, against FP32."""
    x, y, params = mlp_step_inputs(sizes, SPEED_BATCH)
    text = mlp_step(sizes)
    names, replays = [], []
    for name, passes in CONFIGS:
        if name != "fp32" and not name.startswith("dfp16"):
            continue
        seeded = takes_seed(passes)
        step = compile_module(text, passes).function(
            "step", *mlp_step_signature(sizes, seeded=seeded))
        args = [x, y, *params, 0.01] + ([1] if seeded else [])
        names.append(name)
        replays.append(lambda step=step, args=args: step(*args))
    seconds = time_steps(replays, rounds=10)
    print(f"\nMLP {'-'.join(map(str, sizes))}, batch {SPEED_BATCH} (random "
          "data; contractions dominate), one thread:")
    for name, step_seconds in zip(names, seconds):
        print(f"{name:<32}{step_seconds * 1e3:>9.2f} ms/step"
              f"{seconds[0] / step_seconds:>8.2f}x")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", choices=sorted(MODELS), default="mlp")
    parser.add_argument("--epochs", type=int, default=20)
    parser.add_argument("--plot", default=None)
    parser.add_argument("--speed-sizes", nargs="*", type=int,
                        default=list(SPEED_SIZES),
                        help="layer sizes of the MLP step also timed where "
                             "contractions dominate (none: skip it)")
    args = parser.parse_args(argv)
    args.plot = args.plot or os.path.join(_ROOT, "build", f"training-loss-{args.model}.png")

    data = load_digits_split()
    network = ("MLP 64-128-10" if args.model == "mlp"
               else "CNN conv3x3x8-ReLU-dense288x10")
    print(f"digits: {len(data[0])} train / {len(data[2])} test images; "
          f"{network}, batch 32, SGD lr 0.1, {args.epochs} epochs\n")
    curves, rows, replays = {}, [], []
    for name, passes in CONFIGS:
        losses, accuracy, replay = train(passes, data, epochs=args.epochs,
                                         model=args.model)
        curves[name] = losses
        rows.append((name, accuracy, losses[-1]))
        replays.append(replay)
    seconds = time_steps(replays)
    header = f"{'configuration':<32}{'test acc':>9}{'final loss':>12}{'ms/step':>9}{'vs fp32':>9}"
    print(header)
    print("-" * len(header))
    for (name, accuracy, loss), step_seconds in zip(rows, seconds):
        print(f"{name:<32}{accuracy * 100:>8.2f}%{loss:>12.4f}"
              f"{step_seconds * 1e3:>9.3f}{seconds[0] / step_seconds:>8.2f}x")
    print("\n(ms/step: one step on a batch of 32 after training, every "
          "configuration timed in the same interleaved rounds, best of 15)")
    if args.speed_sizes:
        print_compute_bound_speed(args.speed_sizes)
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
        fig, ax = plt.subplots(figsize=(8, 5))
        for name, losses in curves.items():
            ax.plot(range(1, len(losses) + 1), losses, label=name)
        ax.set_xlabel("epoch")
        ax.set_ylabel("mean training loss")
        ax.set_yscale("log")
        ax.legend(fontsize=8)
        os.makedirs(os.path.dirname(args.plot), exist_ok=True)
        fig.savefig(args.plot, dpi=120, bbox_inches="tight")
        print(f"\nloss curves: {args.plot}")
    except ImportError:
        print("\n(matplotlib missing: no plot)")


if __name__ == "__main__":
    main()
