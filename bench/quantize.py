"""Element-wise throughput through fxp, next to a plain copy measured in the
same run: the shared exponent (max magnitude), quantization to DFP with
round-to-nearest and with stochastic rounding, and dequantization, over
1024x1024 and 16384x4096 f32 tensors. GB/s count the bytes read and written.

    PYTHONPATH=python /usr/bin/python3 bench/quantize.py [--shapes 1024x1024] [--parallel]

With --parallel the ops run on OpenMP threads (OMP_NUM_THREADS) and the copy
is NumPy's, on one thread.
"""

import argparse
import time

import numpy as np

from fxp.compiler import compile_module

MAX_MAGNITUDE = """
func.func @run(%x: tensor<{m}x{n}xf32>) -> tensor<i32> {{
  %e = fxp.shared_exponent %x width 16 : tensor<{m}x{n}xf32> -> tensor<i32>
  return %e : tensor<i32>
}}
"""

QUANTIZE = """
func.func @run(%x: tensor<{m}x{n}xf32>, %e: tensor<i32>, %seed: i64) -> tensor<{m}x{n}xi16> {{
  %d = fxp.quantize_dfp %x, %e rounding <{rounding}> overflow <saturate_symmetric> {random}
      : tensor<{m}x{n}xf32>, tensor<i32> -> !fxp.dfp<{m}x{n}, 16>
  %q = fxp.mantissas %d : !fxp.dfp<{m}x{n}, 16> -> tensor<{m}x{n}x!fxp.fixed<16, 0>>
  %s = fxp.to_storage %q : tensor<{m}x{n}x!fxp.fixed<16, 0>> -> tensor<{m}x{n}xi16>
  return %s : tensor<{m}x{n}xi16>
}}
"""

DEQUANTIZE = """
func.func @run(%s: tensor<{m}x{n}xi16>, %e: tensor<i32>) -> tensor<{m}x{n}xf32> {{
  %q = fxp.from_storage %s : tensor<{m}x{n}xi16> -> tensor<{m}x{n}x!fxp.fixed<16, 0>>
  %d = fxp.make_dfp %q, %e : tensor<{m}x{n}x!fxp.fixed<16, 0>>, tensor<i32> -> !fxp.dfp<{m}x{n}, 16>
  %x = fxp.dequantize %d : !fxp.dfp<{m}x{n}, 16> -> tensor<{m}x{n}xf32>
  return %x : tensor<{m}x{n}xf32>
}}
"""


def best_time(fn, runs=10):
    fn()
    best = float("inf")
    for _ in range(runs):
        begin = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - begin)
    return best


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--shapes", nargs="*", default=["1024x1024", "16384x4096"])
    parser.add_argument("--parallel", action="store_true")
    args = parser.parse_args()
    F32, I16, E = ("memref", 2, "f32"), ("memref", 2, "i16"), ("memref", 0, "i32")
    print(f"{'shape':<12}{'copy':>8}{'max|x|':>8}{'nearest':>9}{'stoch.':>8}{'dequant':>9}"
          "   GB/s (read + written)")
    for shape in args.shapes:
        m, n = (int(v) for v in shape.split("x"))
        x = np.random.RandomState(0).randn(m, n).astype(np.float32)
        exponent = np.array(-13, np.int32)
        storage = np.random.RandomState(1).randint(-32767, 32767, (m, n)).astype(np.int16)
        out = np.empty_like(x)
        copy = 2 * x.nbytes / best_time(lambda: np.copyto(out, x)) / 1e9
        row = f"{shape:<12}{copy:>8.1f}"
        fn = compile_module(MAX_MAGNITUDE.format(m=m, n=n), parallel=args.parallel).function("run", [F32], [E])
        row += f"{x.nbytes / best_time(lambda: fn(x)) / 1e9:>8.1f}"
        for rounding, random, width in [("nearest_even", "", 9),
                                        ("stochastic", "seed %seed stream 1", 8)]:
            fn = compile_module(QUANTIZE.format(m=m, n=n, rounding=rounding, random=random),
                                parallel=args.parallel).function("run", [F32, E, "i64"], [I16])
            gbs = (x.nbytes + storage.nbytes) / best_time(lambda: fn(x, exponent, 7)) / 1e9
            row += f"{gbs:>{width}.1f}"
        fn = compile_module(DEQUANTIZE.format(m=m, n=n), parallel=args.parallel).function("run", [I16, E], [F32])
        gbs = (x.nbytes + storage.nbytes) / best_time(lambda: fn(storage, exponent)) / 1e9
        row += f"{gbs:>9.1f}"
        print(row, flush=True)


if __name__ == "__main__":
    main()
