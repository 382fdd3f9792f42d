"""Peak throughput of the instructions fxp's kernels are built from, on this
machine, one core: the INT16 pair dot product of each x86 target
(`vpdpwssd` zmm for avx512vnni, `vpmaddwd` + `vpaddd` ymm for avx2) and the
FP32 FMA of the same vector width, each with 12 independent accumulators in
a loop, compiled through fxp's own pipeline.

    PYTHONPATH=python /usr/bin/python3 bench/peak.py

Prints GOPS (2 ops per multiply-accumulate) and the INT16/FP32 ratio, the
ceiling for the contraction benchmark's int16/fp32 column.
"""

import time

import numpy as np

from fxp.compiler import compile_module, host_targets

ACCUMULATORS = 12

INT16 = """
func.func @peak(%a: memref<{pairs}xi16>, %b: memref<{pairs}xi16>, %n: i64) -> tensor<i32> {{
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %zero = arith.constant dense<0> : vector<{lanes}xi32>
  %pad = arith.constant 0 : i16
  %va = vector.transfer_read %a[%c0], %pad {{in_bounds = [true]}} : memref<{pairs}xi16>, vector<{pairs}xi16>
  %vb = vector.transfer_read %b[%c0], %pad {{in_bounds = [true]}} : memref<{pairs}xi16>, vector<{pairs}xi16>
  %count = arith.index_cast %n : i64 to index
  %r:{acc} = scf.for %i = %c0 to %count step %c1 iter_args({iter_args}) -> ({types}) {{
{body}
    scf.yield {yields} : {types}
  }}
{sum}
  %s = vector.reduction <add>, %t{last} : vector<{lanes}xi32> into i32
  %out = tensor.from_elements %s : tensor<i32>
  return %out : tensor<i32>
}}
"""

FP32 = """
func.func @peak(%a: memref<{lanes}xf32>, %b: memref<{lanes}xf32>, %n: i64) -> tensor<f32> {{
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %zero = arith.constant dense<0.0> : vector<{lanes}xf32>
  %pad = arith.constant 0.0 : f32
  %va = vector.transfer_read %a[%c0], %pad {{in_bounds = [true]}} : memref<{lanes}xf32>, vector<{lanes}xf32>
  %vb = vector.transfer_read %b[%c0], %pad {{in_bounds = [true]}} : memref<{lanes}xf32>, vector<{lanes}xf32>
  %count = arith.index_cast %n : i64 to index
  %r:{acc} = scf.for %i = %c0 to %count step %c1 iter_args({iter_args}) -> ({types}) {{
{body}
    scf.yield {yields} : {types}
  }}
{sum}
  %s = vector.reduction <add>, %t{last} : vector<{lanes}xf32> into f32
  %out = tensor.from_elements %s : tensor<f32>
  return %out : tensor<f32>
}}
"""


def kernel(template, lanes, element, step):
    """`template` with ACCUMULATORS chains of `step(j)` (which defines %n{j}
    from %x{j})."""
    names = range(ACCUMULATORS)
    vector = f"vector<{lanes}x{element}>"
    sums = ["  %t0 = arith.addi %r#0, %r#1 : " + vector if element == "i32" else
            "  %t0 = arith.addf %r#0, %r#1 : " + vector]
    for j in range(2, ACCUMULATORS):
        op = "arith.addi" if element == "i32" else "arith.addf"
        sums.append(f"  %t{j - 1} = {op} %t{j - 2}, %r#{j} : {vector}")
    return template.format(
        pairs=2 * lanes, lanes=lanes, acc=ACCUMULATORS,
        iter_args=", ".join(f"%x{j} = %zero" for j in names),
        types=", ".join([vector] * ACCUMULATORS),
        body="\n".join(step(j) for j in names),
        yields=", ".join(f"%n{j}" for j in names),
        sum="\n".join(sums), last=ACCUMULATORS - 2)


def measure(fn, args, macs_per_iteration, iterations=20_000_000):
    fn(*args, 1000)
    best = float("inf")
    for _ in range(5):
        begin = time.perf_counter()
        fn(*args, iterations)
        best = min(best, time.perf_counter() - begin)
    return 2.0 * macs_per_iteration * iterations / best / 1e9


def main():
    for target in host_targets():
        lanes = 16 if target == "avx512vnni" else 8
        if target == "avx512vnni":
            step = lambda j: (f"    %n{j} = fxp.x86.vpdpwssd %x{j}, %va, %vb "
                              f": vector<16xi32>, vector<32xi16>")
        else:
            # The product reads the accumulator, or LLVM would hoist it.
            step = lambda j: (f"    %w{j} = vector.bitcast %x{j} : vector<8xi32> to vector<16xi16>\n"
                              f"    %p{j} = fxp.x86.vpmaddwd %w{j}, %vb : vector<16xi16> -> vector<8xi32>\n"
                              f"    %n{j} = arith.addi %x{j}, %p{j} : vector<8xi32>")
        int16 = compile_module(kernel(INT16, lanes, "i32", step), target=target).function(
            "peak", [("memref", 1, "i16"), ("memref", 1, "i16"), "i64"], [("memref", 0, "i32")])
        fma = compile_module(kernel(FP32, lanes, "f32", lambda j: (
            f"    %n{j} = vector.fma %va, %vb, %x{j} : vector<{lanes}xf32>")),
            target=target).function(
            "peak", [("memref", 1, "f32"), ("memref", 1, "f32"), "i64"], [("memref", 0, "f32")])
        ones16 = np.ones(2 * lanes, np.int16)
        ones32 = np.ones(lanes, np.float32)
        int_gops = measure(int16, [ones16, ones16], ACCUMULATORS * 2 * lanes)
        fp_gops = measure(fma, [ones32, ones32], ACCUMULATORS * lanes)
        print(f"{target}: INT16 {int_gops:.1f} GOPS, FP32 FMA {fp_gops:.1f} GFLOPS, "
              f"INT16/FP32 {int_gops / fp_gops:.2f}x")


if __name__ == "__main__":
    main()
