# Contractions the training pass was not written against: random kinds
# (matmuls in every layout, batched, NHWC and NCHW convolutions, generic
# contractions with permuted loops), shapes and options (recipe, rounding,
# block, accumulation), each rewritten by fxp-quantize-training, compiled
# for the portable target and every x86 target (those this CPU lacks with
# their instructions emulated), and run on the same inputs: all targets
# agree bit for bit, and dfp16 stays close to FP32.
#
# RUN: env PYTHONPATH=%fxp_src_root/python FXP_BUILD_DIR=%fxp_obj_root %python %s | FileCheck %s
# CHECK-COUNT-12: bit-identical on all targets
# CHECK: done

import itertools

import numpy as np

from fxp.compiler import compile_module, host_targets

rng = np.random.RandomState(2026)


def contraction(kind):
    """A random FP32 contraction of `kind`: (op text, operand shapes, result
    shape, NumPy reference)."""
    d = lambda: int(rng.randint(1, 40))
    if kind in ("matmul", "matmul_t"):
        m, n, k = d(), d(), d()
        ta, tb = (rng.rand() < 0.5, rng.rand() < 0.5) if kind == "matmul_t" else (False, False)
        sa, sb = ((k, m) if ta else (m, k)), ((n, k) if tb else (k, n))
        ma = "(k, m)" if ta else "(m, k)"
        mb = "(n, k)" if tb else "(k, n)"
        op = (f"linalg.matmul indexing_maps = [affine_map<(m, n, k) -> {ma}>, "
              f"affine_map<(m, n, k) -> {mb}>, affine_map<(m, n, k) -> (m, n)>]")
        ref = lambda a, b: (a.T if ta else a) @ (b.T if tb else b)
        return op, [sa, sb], (m, n), ref
    if kind == "batch":
        bt, m, n, k = int(rng.randint(1, 4)), d(), d(), d()
        return ("linalg.batch_matmul", [(bt, m, k), (bt, k, n)], (bt, m, n),
                lambda a, b: a @ b)
    if kind == "nhwc":
        nb, h, w, c, f = int(rng.randint(1, 3)), int(rng.randint(3, 9)), int(rng.randint(3, 9)), \
            int(rng.randint(1, 9)), int(rng.randint(1, 20))
        ref = lambda x, k: np.einsum(
            "nhwcij,ijcf->nhwf",
            np.lib.stride_tricks.sliding_window_view(x, (3, 3), axis=(1, 2)), k)
        return ("linalg.conv_2d_nhwc_hwcf", [(nb, h, w, c), (3, 3, c, f)],
                (nb, h - 2, w - 2, f), ref)
    if kind == "nchw":
        nb, h, w, c, f = int(rng.randint(1, 3)), int(rng.randint(3, 9)), int(rng.randint(3, 9)), \
            int(rng.randint(1, 9)), int(rng.randint(1, 20))
        ref = lambda x, k: np.einsum(
            "nchwij,fcij->nfhw",
            np.lib.stride_tricks.sliding_window_view(x, (3, 3), axis=(2, 3)), k)
        return ("linalg.conv_2d_nchw_fchw", [(nb, c, h, w), (f, c, 3, 3)],
                (nb, f, h - 2, w - 2), ref)
    # C[j, i] = sum_{k1, k2} A[k2, i, k1] * B[j, k1, k2]
    i, j, k1, k2 = d(), d(), int(rng.randint(1, 7)), int(rng.randint(1, 7))
    op = ("linalg.generic {indexing_maps = [affine_map<(i, j, p, q) -> (q, i, p)>, "
          "affine_map<(i, j, p, q) -> (j, p, q)>, affine_map<(i, j, p, q) -> (j, i)>], "
          "iterator_types = [\"parallel\", \"parallel\", \"reduction\", \"reduction\"]}")
    return (op, [(k2, i, k1), (j, k1, k2)], (j, i),
            lambda a, b: np.einsum("qip,jpq->ji", a, b))


def module(op, shapes, result):
    t = lambda s: "tensor<" + "x".join(map(str, s)) + "xf32>"
    body = (" {\n  ^bb0(%x: f32, %y: f32, %acc: f32):\n    %p = arith.mulf %x, %y : f32\n"
            "    %s = arith.addf %acc, %p : f32\n    linalg.yield %s : f32\n  }"
            if op.startswith("linalg.generic") else "")
    return f"""
func.func @f(%a: {t(shapes[0])}, %b: {t(shapes[1])}) -> {t(result)} {{
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : {t(result)}
  %z = linalg.fill ins(%zero : f32) outs(%e : {t(result)}) -> {t(result)}
  %c = {op} ins(%a, %b : {t(shapes[0])}, {t(shapes[1])}) outs(%z : {t(result)}){body} -> {t(result)}
  return %c : {t(result)}
}}"""


# Six kinds against five options: twelve cases pair them differently.
kinds = itertools.cycle(["matmul", "matmul_t", "batch", "nhwc", "nchw", "generic"])
options = itertools.cycle([
    "recipe=dfp16 rounding=nearest_even",
    "recipe=dfp16 block=4",
    "recipe=dfp16 width=16 accumulate=saturating",
    "recipe=gupta frac-bits=10",
    "recipe=dfp16 block=8 rounding=nearest_even",
])
for case in range(12):
    kind = next(kinds)
    op, shapes, result, reference = contraction(kind)
    option = next(options)
    stochastic = "rounding" not in option
    text = module(op, shapes, result)
    a, b = (rng.randn(*s).astype(np.float32) for s in shapes)
    spec = [("memref", len(s), "f32") for s in shapes] + (["i64"] if stochastic else [])
    outputs = {}
    for target in ["portable", "avx2", "avx512vnni"]:
        fn = compile_module(text, f'--fxp-quantize-training="{option}"', target=target,
                            emulate_x86=target not in host_targets()) \
            .function("f", spec, [("memref", len(result), "f32")])
        (outputs[target],) = fn(a, b, *([5] if stochastic else []))
    same = all(np.array_equal(o.view(np.uint32), outputs["portable"].view(np.uint32))
               for o in outputs.values())
    expected = reference(a, b)
    scale = np.abs(expected).max() + 1e-30
    error = np.abs(outputs["portable"] - expected).max() / scale
    close = error < (2e-2 if "gupta" in option else 2e-3)
    print(f"{kind} {shapes} [{option}]: "
          f"{'bit-identical on all targets' if same else 'TARGETS DIFFER'}"
          f"{'' if close else f', far from FP32 ({error:.2e})'}")
print("done")
