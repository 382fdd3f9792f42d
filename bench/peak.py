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

# A loop of ACCUMULATORS independent chains on two loop-invariant vectors
# (operands of {operand} elements, accumulators of {acc}); the chains' sum
# is returned so that nothing is dead.
TEMPLATE = """
func.func @peak(%a: memref<{width}x{operand}>, %b: memref<{width}x{operand}>, %n: i64) -> tensor<{acc}> {{
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %zero = arith.constant dense<{zero}> : vector<{lanes}x{acc}>
  %pad = arith.constant {zero} : {operand}
  %va = vector.transfer_read %a[%c0], %pad {{in_bounds = [true]}} : memref<{width}x{operand}>, vector<{width}x{operand}>
  %vb = vector.transfer_read %b[%c0], %pad {{in_bounds = [true]}} : memref<{width}x{operand}>, vector<{width}x{operand}>
  %count = arith.index_cast %n : i64 to index
  %r:{chains} = scf.for %i = %c0 to %count step %c1 iter_args({iter_args}) -> ({types}) {{
{body}
    scf.yield {yields} : {types}
  }}
{sum}
  %s = vector.reduction <add>, %t{last} : vector<{lanes}x{acc}> into {acc}
  %out = tensor.from_elements %s : tensor<{acc}>
  return %out : tensor<{acc}>
}}
"""


def kernel(lanes, operand, acc, step):
    """The loop with ACCUMULATORS chains of `step(j)` (which defines %n{j}
    from %x{j})."""
    names = range(ACCUMULATORS)
    vector = f"vector<{lanes}x{acc}>"
    add = "arith.addi" if acc == "i32" else "arith.addf"
    sums = [f"  %t0 = {add} %r#0, %r#1 : {vector}"]
    for j in range(2, ACCUMULATORS):
        sums.append(f"  %t{j - 1} = {add} %t{j - 2}, %r#{j} : {vector}")
    return TEMPLATE.format(
        width=lanes * (2 if operand == "i16" else 1), operand=operand, acc=acc,
        lanes=lanes, zero="0" if acc == "i32" else "0.0", chains=ACCUMULATORS,
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
        int16 = compile_module(kernel(lanes, "i16", "i32", step), target=target).function(
            "peak", [("memref", 1, "i16"), ("memref", 1, "i16"), "i64"], [("memref", 0, "i32")])
        fma = compile_module(kernel(lanes, "f32", "f32", lambda j: (
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
