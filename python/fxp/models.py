"""FP32 training graphs written the way frontends emit them (linalg on
tensors, arith, math, func), for benchmarks and tests of any size.

`mlp_step(sizes)` is one SGD step of a multilayer perceptron with ReLU hidden
layers and softmax cross-entropy, over a dynamic batch: the computation of
examples/mlp_step.mlir (whose sizes are [64, 128, 10]) for any depth, with
`dy w^T` written as a matmul indexing map instead of a `linalg.transpose`
(fxp-quantize-training turns both into the same `fxp.contract`);
`mlp_step_signature(sizes)` is its calling convention for
`fxp.compiler.Library.function` and `mlp_step_inputs(sizes, batch)` a set of
arguments for it."""

import numpy as np


def _matmul(result, lhs, rhs, lhs_map, rhs_map, lhs_type, rhs_type, init, init_type):
    return (f"  {result} = linalg.matmul indexing_maps = [affine_map<(m, n, k) -> ({lhs_map})>, "
            f"affine_map<(m, n, k) -> ({rhs_map})>, affine_map<(m, n, k) -> (m, n)>]\n"
            f"      ins({lhs}, {rhs} : {lhs_type}, {rhs_type}) outs({init} : {init_type}) -> {init_type}\n")


def _filled(name, type_, dynamic=False):
    size = "(%batch)" if dynamic else "()"
    return (f"  {name}_e = tensor.empty{size} : {type_}\n"
            f"  {name} = linalg.fill ins(%zero : f32) outs({name}_e : {type_}) -> {type_}\n")


def _update(result, param, grad, type_, rank):
    ids = "#id2" if rank == 2 else "#id1"
    iterators = ", ".join(['"parallel"'] * rank)
    return (f"  {result} = linalg.generic {{indexing_maps = [{ids}, {ids}, {ids}], "
            f"iterator_types = [{iterators}]}}\n"
            f"      ins({param}, {grad} : {type_}, {type_}) outs({grad} : {type_}) {{\n"
            f"  ^bb0(%p: f32, %g: f32, %o: f32):\n"
            f"    %s = arith.mulf %g, %lr : f32\n"
            f"    %r = arith.subf %p, %s : f32\n"
            f"    linalg.yield %r : f32\n"
            f"  }} -> {type_}\n")


def mlp_step(sizes):
    """The MLIR text of `@step(x, y, w1, b1, ..., wL, bL, lr)` for layer
    widths `sizes` (inputs first, classes last): returns the updated
    parameters in the same order, then the mean loss (tensor<f32>)."""
    if len(sizes) < 2:
        raise ValueError("an MLP needs at least an input and an output width")
    layers = len(sizes) - 1
    classes = sizes[-1]
    act = lambda i: f"tensor<?x{sizes[i]}xf32>"
    wtype = lambda i: f"tensor<{sizes[i]}x{sizes[i + 1]}xf32>"
    btype = lambda i: f"tensor<{sizes[i + 1]}xf32>"
    params = ", ".join(f"%w{i}: {wtype(i)}, %b{i}: {btype(i)}" for i in range(layers))
    results = ", ".join(f"{wtype(i)}, {btype(i)}" for i in range(layers))
    text = ("#id2 = affine_map<(d0, d1) -> (d0, d1)>\n#row = affine_map<(d0, d1) -> (d1)>\n"
            "#col = affine_map<(d0, d1) -> (d0)>\n#scalar2 = affine_map<(d0, d1) -> ()>\n"
            "#id1 = affine_map<(d0) -> (d0)>\n\n"
            f"func.func @step(%x: {act(0)}, %y: tensor<?x{classes}xf32>, {params}, %lr: f32)\n"
            f"    -> ({results}, tensor<f32>) {{\n"
            "  %c0 = arith.constant 0 : index\n  %zero = arith.constant 0.0 : f32\n"
            "  %ninf = arith.constant 0xFF800000 : f32\n"
            f"  %batch = tensor.dim %x, %c0 : {act(0)}\n"
            "  %batch_i = arith.index_cast %batch : index to i64\n"
            "  %batch_f = arith.sitofp %batch_i : i64 to f32\n")
    # Forward: a{i+1} = relu(a{i} @ w{i} + b{i}), no ReLU on the logits.
    inputs = ["%x"]
    for i in range(layers):
        out = act(i + 1)
        text += _filled(f"%f{i}", out, dynamic=True)
        text += _matmul(f"%z{i}", inputs[i], f"%w{i}", "m, k", "k, n", act(i), wtype(i),
                        f"%f{i}", out)
        relu = i < layers - 1
        body = ("    %s = arith.addf %a, %b : f32\n" +
                ("    %r = arith.maximumf %s, %zero : f32\n    linalg.yield %r : f32\n"
                 if relu else "    linalg.yield %s : f32\n"))
        name = f"%h{i + 1}" if relu else "%logits"
        text += (f"  {name} = linalg.generic {{indexing_maps = [#id2, #row, #id2], "
                 f"iterator_types = [\"parallel\", \"parallel\"]}}\n"
                 f"      ins(%z{i}, %b{i} : {out}, {btype(i)}) outs(%f{i}_e : {out}) {{\n"
                 f"  ^bb0(%a: f32, %b: f32, %o: f32):\n{body}  }} -> {out}\n")
        inputs.append(name)
    logits = act(layers)
    # Softmax cross-entropy: dlogits = (softmax - y) / B, loss = mean NLL.
    text += f"""  %eb = tensor.empty(%batch) : tensor<?xf32>
  %mi = linalg.fill ins(%ninf : f32) outs(%eb : tensor<?xf32>) -> tensor<?xf32>
  %max = linalg.generic {{indexing_maps = [#id2, #col], iterator_types = ["parallel", "reduction"]}}
      ins(%logits : {logits}) outs(%mi : tensor<?xf32>) {{
  ^bb0(%a: f32, %m: f32):
    %r = arith.maximumf %a, %m : f32
    linalg.yield %r : f32
  }} -> tensor<?xf32>
  %ex = linalg.generic {{indexing_maps = [#id2, #col, #id2], iterator_types = ["parallel", "parallel"]}}
      ins(%logits, %max : {logits}, tensor<?xf32>) outs(%f{layers - 1}_e : {logits}) {{
  ^bb0(%a: f32, %m: f32, %o: f32):
    %d = arith.subf %a, %m : f32
    %r = math.exp %d : f32
    linalg.yield %r : f32
  }} -> {logits}
  %si = linalg.fill ins(%zero : f32) outs(%eb : tensor<?xf32>) -> tensor<?xf32>
  %sum = linalg.generic {{indexing_maps = [#id2, #col], iterator_types = ["parallel", "reduction"]}}
      ins(%ex : {logits}) outs(%si : tensor<?xf32>) {{
  ^bb0(%a: f32, %s: f32):
    %r = arith.addf %a, %s : f32
    linalg.yield %r : f32
  }} -> tensor<?xf32>
  %dz{layers - 1} = linalg.generic {{indexing_maps = [#id2, #col, #id2, #id2], iterator_types = ["parallel", "parallel"]}}
      ins(%ex, %sum, %y : {logits}, tensor<?xf32>, {logits}) outs(%f{layers - 1}_e : {logits}) {{
  ^bb0(%e: f32, %s: f32, %t: f32, %o: f32):
    %p = arith.divf %e, %s : f32
    %d = arith.subf %p, %t : f32
    %r = arith.divf %d, %batch_f : f32
    linalg.yield %r : f32
  }} -> {logits}
  %l0 = tensor.empty() : tensor<f32>
  %li = linalg.fill ins(%zero : f32) outs(%l0 : tensor<f32>) -> tensor<f32>
  %loss_sum = linalg.generic {{indexing_maps = [#id2, #col, #col, #id2, #scalar2], iterator_types = ["reduction", "reduction"]}}
      ins(%logits, %max, %sum, %y : {logits}, tensor<?xf32>, tensor<?xf32>, {logits}) outs(%li : tensor<f32>) {{
  ^bb0(%z: f32, %m: f32, %s: f32, %t: f32, %acc: f32):
    %ls = math.log %s : f32
    %lse = arith.addf %ls, %m : f32
    %nll = arith.subf %lse, %z : f32
    %w = arith.mulf %nll, %t : f32
    %r = arith.addf %acc, %w : f32
    linalg.yield %r : f32
  }} -> tensor<f32>
  %loss = linalg.generic {{indexing_maps = [affine_map<() -> ()>, affine_map<() -> ()>], iterator_types = []}}
      ins(%loss_sum : tensor<f32>) outs(%l0 : tensor<f32>) {{
  ^bb0(%a: f32, %o: f32):
    %r = arith.divf %a, %batch_f : f32
    linalg.yield %r : f32
  }} -> tensor<f32>
"""
    # Backward, last layer first: dw = a^T @ dz, db = sum_b dz, and the
    # error of the layer below, (dz @ w^T) * (a > 0).
    for i in reversed(range(layers)):
        out = act(i + 1)
        text += _filled(f"%fw{i}", wtype(i))
        text += _matmul(f"%dw{i}", inputs[i], f"%dz{i}", "k, m", "k, n", act(i), out,
                        f"%fw{i}", wtype(i))
        text += _filled(f"%fb{i}", btype(i))
        text += (f"  %db{i} = linalg.reduce ins(%dz{i} : {out}) outs(%fb{i} : {btype(i)}) "
                 "dimensions = [0]\n    (%a: f32, %s: f32) {\n"
                 "      %r = arith.addf %a, %s : f32\n      linalg.yield %r : f32\n    }\n")
        if i > 0:
            text += _filled(f"%fd{i}", act(i), dynamic=True)
            text += _matmul(f"%da{i}", f"%dz{i}", f"%w{i}", "m, k", "n, k", out, wtype(i),
                            f"%fd{i}", act(i))
            text += (f"  %dz{i - 1} = linalg.generic {{indexing_maps = [#id2, #id2, #id2], "
                     f"iterator_types = [\"parallel\", \"parallel\"]}}\n"
                     f"      ins(%da{i}, {inputs[i]} : {act(i)}, {act(i)}) outs(%fd{i}_e : {act(i)}) {{\n"
                     "  ^bb0(%g: f32, %a: f32, %o: f32):\n"
                     "    %pos = arith.cmpf ogt, %a, %zero : f32\n"
                     "    %r = arith.select %pos, %g, %zero : f32\n"
                     f"    linalg.yield %r : f32\n  }} -> {act(i)}\n")
    for i in range(layers):
        text += _update(f"%nw{i}", f"%w{i}", f"%dw{i}", wtype(i), 2)
        text += _update(f"%nb{i}", f"%b{i}", f"%db{i}", btype(i), 1)
    returned = ", ".join(f"%nw{i}, %nb{i}" for i in range(layers))
    text += f"  return {returned}, %loss : {results}, tensor<f32>\n}}\n"
    return text


def mlp_step_signature(sizes, seeded=False):
    """The (arguments, results) of `mlp_step(sizes)` once compiled, for
    `Library.function`: x, y, each layer's weight and bias, lr, and with
    `seeded` the i64 seed that stochastic rounding adds; the updated
    parameters, then the loss."""
    layers = len(sizes) - 1
    parameters = [("memref", 2, "f32"), ("memref", 1, "f32")] * layers
    args = [("memref", 2, "f32")] * 2 + parameters + ["f32"] + (["i64"] if seeded else [])
    return args, parameters + [("memref", 0, "f32")]


def mlp_step_inputs(sizes, batch):
    """Arguments for `mlp_step(sizes)` but the learning rate (and seed): a
    batch of inputs in [0, 1), one-hot labels and small random weights."""
    rng = np.random.RandomState(0)
    x = rng.rand(batch, sizes[0]).astype(np.float32)
    y = np.eye(sizes[-1], dtype=np.float32)[rng.randint(0, sizes[-1], batch)]
    params = []
    for fan_in, fan_out in zip(sizes, sizes[1:]):
        params += [(rng.randn(fan_in, fan_out) * 0.05).astype(np.float32),
                   np.zeros(fan_out, np.float32)]
    return x, y, params
