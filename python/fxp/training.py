"""Train the example MLP (examples/mlp_step.mlir) on scikit-learn's 8x8
digits with FP32 and with fxp's fixed-point recipes, all compiled by fxp.

    PYTHONPATH=python /usr/bin/python3 -m fxp.training [--epochs N] [--plot F]

Prints a table of test accuracy, final training loss and time per step for
every configuration, and writes a plot of the loss curves.
"""

import argparse
import os
import time

import numpy as np

from .compiler import compile_module

_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MLP_STEP = os.path.join(_ROOT, "examples", "mlp_step.mlir")

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


def init_params(seed=0, hidden=128):
    rng = np.random.RandomState(seed)
    return [
        (rng.randn(64, hidden) * np.sqrt(2.0 / 64)).astype(np.float32),
        np.zeros(hidden, np.float32),
        (rng.randn(hidden, 10) * np.sqrt(2.0 / hidden)).astype(np.float32),
        np.zeros(10, np.float32),
    ]


def predict(params, x):
    w1, b1, w2, b2 = params
    h = np.maximum(x @ w1 + b1, 0)
    return np.argmax(h @ w2 + b2, axis=1)


def compile_step(passes):
    """The compiled step function: (x, onehot, w1, b1, w2, b2, lr[, seed])
    -> (w1, b1, w2, b2, loss)."""
    with open(MLP_STEP) as f:
        library = compile_module(f.read(), passes)
    args = [("memref", 2, "f32"), ("memref", 2, "f32"), ("memref", 2, "f32"),
            ("memref", 1, "f32"), ("memref", 2, "f32"), ("memref", 1, "f32"), "f32"]
    stochastic = "stochastic" in passes or ("fxp-quantize-training" in passes
                                            and "rounding=" not in passes)
    if stochastic:
        args.append("i64")
    results = [("memref", 2, "f32"), ("memref", 1, "f32"), ("memref", 2, "f32"),
               ("memref", 1, "f32"), ("memref", 0, "f32")]
    return library.function("step", args, results), stochastic


def train(passes, data, epochs=20, batch=32, lr=0.1, seed=0):
    """Trains from the same initial parameters and batch order; returns the
    per-epoch mean training loss, final test accuracy and seconds per step."""
    step, stochastic = compile_step(passes)
    x_train, y_train, x_test, y_test = data
    onehot = np.eye(10, dtype=np.float32)[y_train]
    params = init_params(seed)
    order_rng = np.random.RandomState(seed + 1)
    losses, step_times, step_index = [], [], 0
    for _ in range(epochs):
        order = order_rng.permutation(len(x_train))
        epoch_loss = []
        for start in range(0, len(order) - batch + 1, batch):
            idx = order[start:start + batch]
            args = [x_train[idx], onehot[idx], *params, lr]
            if stochastic:
                args.append(1000003 * seed + step_index)
            begin = time.perf_counter()
            *params, loss = step(*args)
            step_times.append(time.perf_counter() - begin)
            epoch_loss.append(float(loss))
            step_index += 1
        losses.append(float(np.mean(epoch_loss)))
    accuracy = float(np.mean(predict(params, x_test) == y_test))
    return losses, accuracy, float(np.median(step_times))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=20)
    parser.add_argument("--plot", default=os.path.join(_ROOT, "build", "training-loss.png"))
    args = parser.parse_args(argv)

    data = load_digits_split()
    print(f"digits: {len(data[0])} train / {len(data[2])} test images; "
          f"MLP 64-128-10, batch 32, SGD lr 0.1, {args.epochs} epochs\n")
    header = f"{'configuration':<32}{'test acc':>9}{'final loss':>12}{'ms/step':>9}{'vs fp32':>9}"
    print(header)
    print("-" * len(header))
    curves, fp32_time = {}, None
    for name, passes in CONFIGS:
        losses, accuracy, seconds = train(passes, data, epochs=args.epochs)
        fp32_time = fp32_time or seconds
        curves[name] = losses
        print(f"{name:<32}{accuracy * 100:>8.2f}%{losses[-1]:>12.4f}"
              f"{seconds * 1e3:>9.3f}{fp32_time / seconds:>8.2f}x", flush=True)
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
