"""Contraction throughput: fxp INT16 (DFP, quantization and packing included)
against FP32 through the same pipeline and OpenBLAS SGEMM, in one run.

    PYTHONPATH=python /usr/bin/python3 bench/contraction.py [--shapes 256x256x256]
                                                           [--targets avx512vnni avx2]

Prints GOPS (2 ops per multiply-accumulate) and ratios, then the kernel
alone at chunk 32 and chunk 1024 (what SEMANTICS §6's short chunks for
14-bit mantissas cost). OpenBLAS runs through
NumPy with one thread; run it with OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE
unset (bench/run does) so that it uses its AVX-512 kernel.
"""

import argparse
import os
import time

import numpy as np

from fxp.compiler import compile_module, host_targets

INT16 = """
func.func @int16(%a: tensor<{ashape}xf32>, %b: tensor<{bshape}xf32>) -> tensor<{m}x{n}xf32> {{
  %ea = fxp.shared_exponent %a width 14 : tensor<{ashape}xf32> -> tensor<i32>
  %da = fxp.quantize_dfp %a, %ea overflow <saturate_symmetric>
      : tensor<{ashape}xf32>, tensor<i32> -> !fxp.dfp<{ashape}, 14>
  %eb = fxp.shared_exponent %b width 14 : tensor<{bshape}xf32> -> tensor<i32>
  %db = fxp.quantize_dfp %b, %eb overflow <saturate_symmetric>
      : tensor<{bshape}xf32>, tensor<i32> -> !fxp.dfp<{bshape}, 14>
  %c = fxp.matmul %da, %db chunk 32 symmetric {transposes}
      : !fxp.dfp<{ashape}, 14>, !fxp.dfp<{bshape}, 14> -> tensor<{m}x{n}xf32>
  return %c : tensor<{m}x{n}xf32>
}}
"""

FP32 = """
func.func @fp32(%a: tensor<{ashape}xf32>, %b: tensor<{bshape}xf32>) -> tensor<{m}x{n}xf32> {{
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<{m}x{n}xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<{m}x{n}xf32>) -> tensor<{m}x{n}xf32>
  %c = linalg.matmul indexing_maps = [affine_map<(m, n, k) -> ({amap})>,
                                      affine_map<(m, n, k) -> ({bmap})>,
                                      affine_map<(m, n, k) -> (m, n)>]
      ins(%a, %b : tensor<{ashape}xf32>, tensor<{bshape}xf32>)
      outs(%f : tensor<{m}x{n}xf32>) -> tensor<{m}x{n}xf32>
  return %c : tensor<{m}x{n}xf32>
}}
"""

SPEC_2D = ("memref", 2, "f32")
SPEC_4D = ("memref", 4, "f32")

# One convolution layer (NHWC input, HWCF filter, 3x3, no padding).
CONV_INT16 = """
func.func @int16(%x: tensor<{n}x{h}x{w}x{c}xf32>, %f: tensor<3x3x{c}x{k}xf32>) -> tensor<{n}x{oh}x{ow}x{k}xf32> {{
  %ex = fxp.shared_exponent %x width 14 : tensor<{n}x{h}x{w}x{c}xf32> -> tensor<i32>
  %dx = fxp.quantize_dfp %x, %ex overflow <saturate_symmetric>
      : tensor<{n}x{h}x{w}x{c}xf32>, tensor<i32> -> !fxp.dfp<{n}x{h}x{w}x{c}, 14>
  %ef = fxp.shared_exponent %f width 14 : tensor<3x3x{c}x{k}xf32> -> tensor<i32>
  %df = fxp.quantize_dfp %f, %ef overflow <saturate_symmetric>
      : tensor<3x3x{c}x{k}xf32>, tensor<i32> -> !fxp.dfp<3x3x{c}x{k}, 14>
  %y = fxp.contract %dx, %df
      maps [affine_map<(n, h, w, f, kh, kw, c) -> (n, h + kh, w + kw, c)>,
            affine_map<(n, h, w, f, kh, kw, c) -> (kh, kw, c, f)>,
            affine_map<(n, h, w, f, kh, kw, c) -> (n, h, w, f)>] chunk 32 symmetric
      : !fxp.dfp<{n}x{h}x{w}x{c}, 14>, !fxp.dfp<3x3x{c}x{k}, 14> -> tensor<{n}x{oh}x{ow}x{k}xf32>
  return %y : tensor<{n}x{oh}x{ow}x{k}xf32>
}}
"""

CONV_FP32 = """
func.func @fp32(%x: tensor<{n}x{h}x{w}x{c}xf32>, %f: tensor<3x3x{c}x{k}xf32>) -> tensor<{n}x{oh}x{ow}x{k}xf32> {{
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<{n}x{oh}x{ow}x{k}xf32>
  %z = linalg.fill ins(%zero : f32) outs(%e : tensor<{n}x{oh}x{ow}x{k}xf32>) -> tensor<{n}x{oh}x{ow}x{k}xf32>
  %y = linalg.conv_2d_nhwc_hwcf ins(%x, %f : tensor<{n}x{h}x{w}x{c}xf32>, tensor<3x3x{c}x{k}xf32>)
                                outs(%z : tensor<{n}x{oh}x{ow}x{k}xf32>) -> tensor<{n}x{oh}x{ow}x{k}xf32>
  return %y : tensor<{n}x{oh}x{ow}x{k}xf32>
}}
"""


def best_time(fn, min_seconds=0.5, max_runs=20):
    """The fastest of repeated runs (these machines are shared and noisy)."""
    fn()
    times, start = [], time.perf_counter()
    while len(times) < max_runs and (time.perf_counter() - start < min_seconds or len(times) < 3):
        begin = time.perf_counter()
        fn()
        times.append(time.perf_counter() - begin)
    return min(times)


def compiled(template, name, m, n, k, layout, target, parallel=False):
    """`layout` is "NN", "TN" (A stored transposed, K x M) or "NT" (B
    stored transposed, N x K): the layouts of a layer's forward pass, its
    weight gradient and its input gradient."""
    ta, tb = layout[0] == "T", layout[1] == "T"
    text = template.format(
        m=m, n=n, ashape=f"{k}x{m}" if ta else f"{m}x{k}",
        bshape=f"{n}x{k}" if tb else f"{k}x{n}", amap="k, m" if ta else "m, k",
        bmap="n, k" if tb else "k, n",
        transposes=" ".join(t for t, on in [("transpose_a", ta), ("transpose_b", tb)] if on))
    library = compile_module(text, target=target, parallel=parallel)
    return library.function(name, [SPEC_2D, SPEC_2D], [SPEC_2D])


def print_row(label, ops, baseline, build, inputs, args):
    """One row: OpenBLAS (`baseline`, timed), then fxp INT16 on each target
    and FP32 through fxp, where `build(kind, target)` compiles "int16" or
    "fp32" into a function of `inputs`, and the ratios."""
    blas = ops / best_time(baseline) / 1e9
    row = f"{label:<18}{blas:>10.1f}"
    gops = []
    for target in args.targets:
        fn = build("int16", target)
        gops.append(ops / best_time(lambda: fn(*inputs)) / 1e9)
        row += f"{gops[-1]:>16.1f}"
    if args.fp32:
        # FP32 through the same pipeline, on the first target's kernels.
        fn = build("fp32", args.targets[0])
        fp32 = ops / best_time(lambda: fn(*inputs)) / 1e9
        row += f"{fp32:>10.1f}"
    row += "".join(f"{g / blas:>16.2f}x" for g in gops)
    if args.fp32:
        row += f"{gops[0] / fp32:>11.2f}x"
    print(row, flush=True)


# The kernel alone (operands already quantized, packing included) at two
# chunk lengths: SEMANTICS §6 flushes i32 sums to f32 every 32 products for
# 14-bit mantissas (chunk 32), every 1024 for 10-bit ones.
KERNEL = """
func.func @kernel(%a: tensor<{m}x{k}xi16>, %b: tensor<{k}x{n}xi16>) -> tensor<{m}x{n}xf32> {{
  %e = arith.constant dense<-10> : tensor<i32>
  %fa = fxp.from_storage %a : tensor<{m}x{k}xi16> -> tensor<{m}x{k}x!fxp.fixed<{w}, 0>>
  %fb = fxp.from_storage %b : tensor<{k}x{n}xi16> -> tensor<{k}x{n}x!fxp.fixed<{w}, 0>>
  %da = fxp.make_dfp %fa, %e : tensor<{m}x{k}x!fxp.fixed<{w}, 0>>, tensor<i32> -> !fxp.dfp<{m}x{k}, {w}>
  %db = fxp.make_dfp %fb, %e : tensor<{k}x{n}x!fxp.fixed<{w}, 0>>, tensor<i32> -> !fxp.dfp<{k}x{n}, {w}>
  %c = fxp.matmul %da, %db chunk {chunk} symmetric
      : !fxp.dfp<{m}x{k}, {w}>, !fxp.dfp<{k}x{n}, {w}> -> tensor<{m}x{n}xf32>
  return %c : tensor<{m}x{n}xf32>
}}
"""


def chunk_cost(shape, target):
    """GOPS of the kernel alone on `shape` at chunk 32 (14-bit operands) and
    chunk 1024 (10-bit), and their ratio: what the short chunks cost."""
    m, n, k = (int(v) for v in shape.split("x"))
    rng = np.random.RandomState(1)
    a = rng.randint(-511, 512, (m, k)).astype(np.int16)
    b = rng.randint(-511, 512, (k, n)).astype(np.int16)
    spec = ("memref", 2, "i16")
    gops = []
    for w, chunk in [(14, 32), (10, 1024)]:
        fn = compile_module(KERNEL.format(m=m, n=n, k=k, w=w, chunk=chunk),
                            target=target).function("kernel", [spec, spec], [SPEC_2D])
        gops.append(2.0 * m * n * k / best_time(lambda: fn(a, b)) / 1e9)
    print(f"{shape:<18}{gops[0]:>12.1f}{gops[1]:>14.1f}{gops[0] / gops[1]:>12.2f}x",
          flush=True)


def conv_problem(shape):
    """The convolution `NxHxWxC*K` (3x3 filter, no padding): its template
    sizes and random NHWC input and HWCF filter."""
    n, h, w, c, k = (int(v) for v in shape.replace("*", "x").split("x"))
    sizes = dict(n=n, h=h, w=w, c=c, k=k, oh=h - 2, ow=w - 2)
    rng = np.random.RandomState(0)
    x = rng.randn(n, h, w, c).astype(np.float32)
    f = rng.randn(3, 3, c, k).astype(np.float32)
    return sizes, x, f


def compiled_conv(kind, sizes, target, parallel=False):
    """The convolution of `sizes` as "int16" (DFP, quantization included) or
    "fp32" through fxp."""
    template = CONV_INT16 if kind == "int16" else CONV_FP32
    return compile_module(template.format(**sizes), target=target,
                          parallel=parallel).function(kind, [SPEC_4D, SPEC_4D], [SPEC_4D])


def conv_row(shape, args):
    """The convolution `NxHxWxC*K` (3x3 filter); OpenBLAS runs on an im2col
    copy, timed with it."""
    sizes, x, f = conv_problem(shape)
    n, c, k, oh, ow = (sizes[key] for key in "n c k oh ow".split())

    def im2col_matmul():
        cols = np.lib.stride_tricks.sliding_window_view(x, (3, 3), axis=(1, 2))
        cols = np.ascontiguousarray(cols.transpose(0, 1, 2, 4, 5, 3))
        return cols.reshape(n * oh * ow, 9 * c) @ f.reshape(9 * c, k)

    print_row("conv " + shape, 2.0 * n * oh * ow * k * 9 * c, im2col_matmul,
              lambda kind, target: compiled_conv(kind, sizes, target, args.parallel),
              (x, f), args)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--shapes", nargs="*", default=[
        "256x256x256", "512x512x512", "1024x1024x1024", "2048x2048x2048",
        "256x1024x1024", "256x1024x1024:NT", "1024x1024x256:TN"],
                        help="MxNxK[:layout], layout NN (default), TN (A stored "
                             "K x M) or NT (B stored N x K); the default's last "
                             "three are a 1024-wide layer's forward pass, input "
                             "gradient and weight gradient at batch 256")
    parser.add_argument("--convs", nargs="*", default=["32x16x16x32*64"],
                        help="convolutions NxHxWxC*K with a 3x3 filter")
    parser.add_argument("--targets", nargs="*", default=host_targets(),
                        help="x86 targets (default: those this CPU runs)")
    parser.add_argument("--parallel", action="store_true",
                        help="run the kernels' column panels on OpenMP threads "
                             "(OMP_NUM_THREADS picks how many)")
    parser.add_argument("--chunk-cost", nargs="*", default=["1024x1024x1024"],
                        help="shapes on which to compare the kernel alone at "
                             "chunk 32 and chunk 1024 (none: skip)")
    parser.add_argument("--no-fp32", dest="fp32", action="store_false",
                        help="skip FP32 linalg.matmul through fxp's pipeline")
    args = parser.parse_args()
    rng = np.random.RandomState(0)
    header = (f"{'shape MxNxK':<18}{'openblas':>10}" +
              "".join(f"{'fxp ' + t:>16}" for t in args.targets) +
              (f"{'fxp fp32':>10}" if args.fp32 else "") +
              "".join(f"{t + '/blas':>17}" for t in args.targets) +
              (f"{'int16/fp32':>12}" if args.fp32 else ""))
    threads = os.environ.get("OMP_NUM_THREADS", "all") if args.parallel else "1"
    print(f"GOPS (2 ops per multiply-accumulate), fxp threads: {threads}, "
          f"OpenBLAS threads: {os.environ.get('OPENBLAS_NUM_THREADS', 'all')}\n"
          + header)
    for shape in args.shapes:
        sizes, _, layout = shape.partition(":")
        layout = layout or "NN"
        m, n, k = (int(v) for v in sizes.split("x"))
        a = rng.randn(*((k, m) if layout[0] == "T" else (m, k))).astype(np.float32)
        b = rng.randn(*((n, k) if layout[1] == "T" else (k, n))).astype(np.float32)
        at = a.T if layout[0] == "T" else a
        bt = b.T if layout[1] == "T" else b
        print_row(shape, 2.0 * m * n * k, lambda: at @ bt,
                  lambda kind, target: compiled(INT16 if kind == "int16" else FP32,
                                                kind, m, n, k, layout, target,
                                                args.parallel),
                  (a, b), args)
    for shape in args.convs:
        conv_row(shape, args)
    if args.chunk_cost:
        print(f"\nkernel alone, fxp {args.targets[0]} (operands quantized in advance)\n"
              f"{'shape MxNxK':<18}{'chunk 32':>12}{'chunk 1024':>14}{'32/1024':>13}")
        for shape in args.chunk_cost:
            chunk_cost(shape, args.targets[0])


if __name__ == "__main__":
    main()
