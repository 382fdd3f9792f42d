//===- Passes.td - fxp transform passes --------------------*- tablegen -*-===//

#ifndef FXP_DIALECT_FXP_TRANSFORMS_PASSES_TD
#define FXP_DIALECT_FXP_TRANSFORMS_PASSES_TD

include "mlir/Pass/PassBase.td"

def FXPEmitCInterfacePass : Pass<"fxp-emit-c-interface", "::mlir::ModuleOp"> {
  let summary = "Give every public function a C interface wrapper";
  let description = [{
    Marks each public `func.func` with `llvm.emit_c_interface`, so that
    `convert-func-to-llvm` emits a `_mlir_ciface_<name>` wrapper taking
    memref descriptors by pointer: the form C, C++ and Python callers use.
    Its tensor arguments become `bufferization.writable = false`: the
    caller's arrays are inputs, never overwritten (a `linalg` op whose init
    is an argument writes into a copy). Part of `fxp-lower-to-llvm`, before
    bufferization.

    ```mlir
    func.func @step(%x: tensor<4xf32>) -> tensor<4xf32>
    // becomes
    func.func @step(%x: tensor<4xf32> {bufferization.writable = false})
        -> tensor<4xf32> attributes {llvm.emit_c_interface}
    ```
  }];
}

def FXPEmitPackedInterfacePass
    : Pass<"fxp-emit-packed-interface", "::mlir::ModuleOp"> {
  let summary = "Give every C interface wrapper one calling convention";
  let description = [{
    For each `llvm.func @_mlir_ciface_<name>` with a body, emits
    `llvm.func @_fxp_packed_<name>(%args: !llvm.ptr)`, which calls it:
    `args` is an array of pointers, element `i` pointing to parameter `i`'s
    value (a result or memref descriptor pointer, or a scalar), and, when
    the wrapper returns a value, the element after them to where it is
    stored. A caller can then call any function through one signature
    without generating code (the Python package's runtime does). Upstream's
    `ExecutionEngine` builds the same kind of wrapper (`_mlir_<name>`) on
    LLVM IR when it loads a module; this one is in the object file. Part of
    `fxp-lower-to-llvm`, after `convert-func-to-llvm`. Running it again
    changes nothing; another symbol with a packed interface's name is an
    error.

    ```mlir
    llvm.func @_mlir_ciface_step(%out: !llvm.ptr, %x: !llvm.ptr, %lr: f32)
    // gains
    llvm.func @_fxp_packed_step(%args: !llvm.ptr) {
      // %out = load (load args[0]) : !llvm.ptr, and so %x;
      // %lr = load (load args[2]) : f32
      llvm.call @_mlir_ciface_step(%out, %x, %lr)
      llvm.return
    }
    ```
  }];
  let dependentDialects = ["::mlir::LLVM::LLVMDialect"];
}

def FXPDecomposeAggregatesPass
    : Pass<"fxp-decompose-aggregates", "::mlir::func::FuncOp"> {
  let summary = "Decompose linalg ops that stand for several (linalg.softmax)";
  let description = [{
    Replaces every op implementing `linalg::AggregatedOpInterface`, such as
    the named `linalg.softmax` that frontends emit, by the ops it stands
    for (its `decomposeOperation`: reductions and element-wise generics),
    which the rest of the pipeline lowers. Part of `fxp-lower-to-llvm`,
    first.

    ```mlir
    %y = linalg.softmax dimension(1) ins(%x : tensor<2x3xf32>)
                                     outs(%e : tensor<2x3xf32>) -> tensor<2x3xf32>
    // becomes a max reduction, an exp(x - max) generic, a sum reduction
    // and a division generic
    ```
  }];
  let dependentDialects = [
    "::mlir::arith::ArithDialect",
    "::mlir::linalg::LinalgDialect",
    "::mlir::math::MathDialect",
    "::mlir::tensor::TensorDialect",
  ];
}

def FXPCheckLoweredPass : Pass<"fxp-check-lowered", "::mlir::ModuleOp"> {
  let summary = "Report every op that a lowering to LLVM left behind";
  let description = [{
    Emits an error, at the op's location, for each op outside the LLVM and
    OpenMP dialects (which `mlir-translate` translates; the module itself
    aside), and fails. The conversions of
    `fxp-lower-to-llvm` are partial: an op that none of them lowers (one
    from a dialect fxp does not handle) would pass through, and
    `mlir-translate` would then reject the module without saying where.
    Part of `fxp-lower-to-llvm`, last.
  }];
}

def FXPLowerStridedCopiesPass
    : Pass<"fxp-lower-strided-copies", "::mlir::func::FuncOp"> {
  let summary = "Rewrite memref.copy ops that would call the runtime's "
                "element-wise copy into linalg.copy";
  let description = [{
    `finalize-memref-to-llvm` lowers a `memref.copy` between contiguous
    identity-layout memrefs to `llvm.memcpy`, and any other to a call to
    `memrefCopy` from the C runner utilities, which moves one element at a
    time through `memcpy`. Bufferized `tensor.pad` ops produce such copies
    (into a strided subview of the padded buffer) for every dynamically
    shaped contraction operand the x86 kernels pad: in a training step they
    took about 15% of the time. This pass rewrites each of them into
    `linalg.copy`, which `convert-linalg-to-loops` turns into loops whose
    innermost one LLVM vectorizes. Part of `fxp-lower-to-llvm`, after
    bufferization.

    ```mlir
    memref.copy %a, %sub : memref<?x784xi16> to memref<?x784xi16, strided<[784, 1]>>
    // becomes
    linalg.copy ins(%a : memref<?x784xi16>)
                outs(%sub : memref<?x784xi16, strided<[784, 1]>>)
    ```
  }];
  let dependentDialects = ["::mlir::linalg::LinalgDialect"];
}

def FXPParallelizeElementwisePass
    : Pass<"fxp-parallelize-elementwise", "::mlir::func::FuncOp"> {
  let summary = "Split large linalg ops on tensors into scf.forall tiles "
                "of a parallel loop";
  let description = [{
    Tiles every linalg op on tensors with a parallel loop and at least
    `min-elements` iterations (or a dynamic size) — element-wise ops
    (quantization, dequantization, rescales, activations, weight updates,
    fills) and reductions along some dimensions (bias gradients) — along
    its first parallel loop longer than 1, into an `scf.forall` of `tiles`
    iterations, so that once lowered through OpenMP the threads share it.
    Tiles keep the op's indexing maps, which see a tile's own indices: a
    loop that a map reads as `i floordiv B` (per-block exponents) is split
    into tiles of whole blocks, and one read in any other way than `i` or
    such a quotient is not split (the next parallel loop is).
    Ops already inside a loop (the x86 kernels' packing, which they
    distribute themselves) are left alone. Each element is computed as
    before, from the same indices (the stochastic rounding index included)
    and with its reduction in the same order, so results are the same bits
    for any number of threads. An init the payload never reads is replaced
    by a fresh `tensor.empty` (an in-place update would otherwise be copied
    by bufferization). Part of `fxp-lower-to-llvm` with `parallel=true`,
    before bufferization.

    ```mlir
    %q = linalg.generic {iterator_types = ["parallel", "parallel"]} ...
           -> tensor<1024x1024xi16>
    // becomes
    %q = scf.forall (%i) in (32) shared_outs(%out = ...) {
      ... linalg.generic on tensor<32x1024xf32> slices ...
    }
    ```
  }];
  let options = [
    Option<"tiles", "tiles", "int64_t", "32",
           "Iterations of each scf.forall (tiles of the first loop)">,
    Option<"minElements", "min-elements", "int64_t", "65536",
           "Leave ops with fewer iterations (statically) as they are">,
  ];
  let dependentDialects = [
    "::mlir::affine::AffineDialect",
    "::mlir::scf::SCFDialect",
    "::mlir::tensor::TensorDialect",
  ];
}

def FXPLegalizeAccumulationPass
    : Pass<"fxp-legalize-accumulation", "::mlir::ModuleOp"> {
  let summary = "Prove the i32 bound of every contraction and fix its chunks";
  let description = [{
    For every `fxp.matmul` and `fxp.contract`, computes from the operand
    formats the longest run of products that provably sums in `i32`
    (SEMANTICS §6: `C * max|a| * max|b| <= 2^31 - 1`) and sets `chunk` to it.

    With `min-chunk=N`, a contraction whose formats allow fewer than `N`
    products per chunk is an error, unless `narrow` is set: then the
    mantissas of its operands, quantized by `fxp.quantize_dfp` (whose
    exponents come from `fxp.shared_exponent`) or by `fxp.quantize`, are
    narrowed to the widest width that reaches `N` (DFP16's trade of input
    precision for longer accumulation chains; for fixed point the fraction
    shrinks with the width, so the range stays). Operands that cannot be made
    safe are reported with the contraction's location.

    ```mlir
    // fxp-opt --fxp-legalize-accumulation
    %c = fxp.matmul %a, %b chunk 1 symmetric : tensor<4x64x!fxp.fixed<14, 10>>, ...
    // becomes chunk 32 (32 * 8191 * 8191 <= 2^31 - 1)
    ```
  }];
  let options = [
    Option<"minChunk", "min-chunk", "int64_t", "0",
           "Reject (or narrow, with 'narrow') contractions whose chunks would "
           "be shorter than this">,
    Option<"narrow", "narrow", "bool", "false",
           "Narrow quantized operands until their chunks reach 'min-chunk'">,
  ];
  let dependentDialects = ["::mlir::fxp::FXPDialect"];
}

def FXPQuantizeTrainingPass
    : Pass<"fxp-quantize-training", "::mlir::ModuleOp"> {
  let summary = "Rewrite the contractions of an FP32 training step into fixed point";
  let description = [{
    Finds every contraction of the module's functions, forward and backward
    alike: any `linalg` op (named or `linalg.generic`; matmul, batch matmul,
    transposed layouts, convolutions) with two f32 tensor inputs, one f32
    init, a reduction loop and the body `out + a * b` (or `fma(a, b, out)`).
    Each becomes an `fxp.contract` with the op's indexing maps on quantized
    operands, added to the op's init, per the recipe (SEMANTICS §8). When a
    dynamic result dimension has a loop that no operand dimension sizes
    (a convolution's output positions, read by the input as `o + w`), the
    contract takes the result's dynamic sizes (`sizes`) from the init.

    - `dfp16`: both operands become per-tensor DFP (`fxp.shared_exponent` +
      `fxp.quantize_dfp`, saturating symmetrically) with `width`-bit mantissas
      (default 14, so that chunks hold 32 products); the f32 result is used
      as it is. Everything else, including the SGD update of the FP32 master
      weights, stays FP32.
    - `gupta`: both operands become `!fxp.fixed<width, frac-bits>` (default
      `<16, 12>`), the contraction's result is rounded once to that format,
      and so is every tensor result (of rank >= 1) of the function (the
      updated parameters): there are no FP32 master weights. That holds
      for every function with a contraction, and for every public function
      that calls one, directly or through other functions (or takes its
      address): a step whose layers are outlined into private helpers
      still returns its weights in fixed point. A private function without
      a contraction of its own keeps its results.

    A tensor that feeds several contractions (an activation used by the
    forward and the backward pass) is quantized once, where that quantization
    dominates all of them. A transposed operand (`linalg.transpose`, or a
    `linalg.generic` copy equal to one, chains included) is read through the
    contraction's maps instead: its source is what gets quantized (with its
    format), so with per-tensor exponents a weight rounds once for `x w` and
    `dy w^T`, and the copy goes unless something else reads it.

    When the rounding is stochastic (the default), every rounding op gets its
    own `stream` (numbered in program order after any already in the module)
    and each function that rounds gains a trailing `i64` argument, the seed,
    marked `fxp.seed` (one whose last argument is such a seed already rounds
    with it); `func.call`s are updated to pass the caller's seed,
    which makes the caller take one too. Any other use of such a function
    (its address taken by `func.constant`, for `func.call_indirect`) is an
    error at that use, as the seed cannot follow the address.

    Per-operand overrides: a function argument with `fxp.width` (and, for
    `gupta`, `fxp.frac_bits`) integer attributes is quantized with that
    format wherever it feeds a contraction directly.

    Per-role formats (WAGE: weights, activations, gradients, errors), per
    layer, from the attributes of its weight argument W:
    `fxp.activations`, `fxp.errors` and `fxp.gradients`, each
    `{width = W : i32}` or `{width = W : i32, frac_bits = F : i32}` (W's own
    format stays `fxp.width`/`fxp.frac_bits`). Widths must be integers in
    [2, 32] and fraction bits integers in [-64, 64] (any integer type,
    signless, signed, unsigned or index, but not `i1`), as the fxp types
    accept; any other value of these attributes, on any argument of a
    function with a body, is an error on the function naming the argument,
    the attribute and the value as written. A contraction with an operand
    derived from W without another contraction in between (W, its
    transpose) takes W's format for it; its other operand is an error of
    W's layer if it depends on W (it is downstream of W's forward product),
    else an activation. A contraction whose result meets W through
    contraction-free ops (the weight update) is W's gradient: its operands
    are the error (the one depending on W) and the activation, and its
    result is rounded to the gradient format (fixed point for `gupta`, DFP
    for `dfp16`) before the update uses it.

    With `block=B` (dfp16), the operands get one exponent per block of `B`
    elements along the reduction (as microscaling formats do) instead of one
    per tensor: the contraction's loops are reordered so that a reduction
    loop indexing a dimension of both operands alone (a matmul's `k`, a
    convolution's input channels) comes last, and each operand is quantized
    in blocks along that dimension. A contraction without such a loop (a
    depthwise convolution) keeps per-tensor exponents.

    With `accumulate=saturating`, the contractions accumulate in one
    saturating `i32` (vpdpwssds) instead of chunks flushed to f32: faster,
    and exact until a sum leaves the `i32` range, where it clamps. With
    16-bit mantissas long reductions do leave it (the small CNN's weight
    gradient, over 1152 products, trains to 54% instead of 92%); 14 bits or
    fewer train like the chunked accumulation there.

    The pass then runs `fxp-legalize-accumulation`. The rest of the graph is
    left as written; a module with no contraction passes through unchanged.
    A contraction it cannot handle is reported at its location, never
    silently left in FP32: any other `linalg` op (named or generic, on
    tensors or buffers, with any number of inputs and results) that has a
    reduction loop and an operand (input or init) of element type `f32`,
    and whose body multiplies (`arith.mulf`, `arith.muli`, `math.fma`)
    two factors that read different inputs. A factor reads input `i` when
    it is `i`'s element, possibly converted (`arith.extf`, `truncf`,
    `sitofp`, `uitofp`, `fptosi`, `fptoui`, `extsi`, `extui`, `trunci`,
    `bitcast`), negated (`arith.negf`) or multiplied by a constant or by a
    value defined outside the body. So `out - a * b`, `out + 2 * a * b`,
    `out + a * b * s`, a product fused with another result, f32 operands
    into an f64 init and f16 or integer operands into an f32 init are all
    errors. Everything else stays FP32 like any other op: pooling, which
    multiplies nothing; reductions of one input (sums, maxima, sums of
    squares or of scaled values, products); element-wise products;
    products of values computed from the inputs by other ops (a loss's
    `(log(s) + m - x) * t`, a variance's `(x - mean)^2`); and contractions
    with no `f32` operand (`f64`, `f16` or integers throughout), which are
    not FP32.

    ```mlir
    %y = linalg.matmul ins(%x, %w : tensor<?x64xf32>, tensor<64x10xf32>)
                       outs(%zero : tensor<?x10xf32>) -> tensor<?x10xf32>
    // fxp-opt --fxp-quantize-training="recipe=dfp16 rounding=nearest_even"
    %ex = fxp.shared_exponent %x width 14 : tensor<?x64xf32> -> tensor<i32>
    %dx = fxp.quantize_dfp %x, %ex overflow <saturate_symmetric> : ... -> !fxp.dfp<?x64, 14>
    ...
    %y = fxp.contract %dx, %dw maps [...] chunk 32 symmetric : ... -> tensor<?x10xf32>
    ```
  }];
  let options = [
    Option<"recipe", "recipe", "::mlir::fxp::Recipe", "::mlir::fxp::Recipe::DFP16",
           "Training recipe", [{::llvm::cl::values(
             clEnumValN(::mlir::fxp::Recipe::DFP16, "dfp16",
                        "DFP operands, FP32 results and master weights"),
             clEnumValN(::mlir::fxp::Recipe::Gupta, "gupta",
                        "fixed-point operands, results and weights"))}]>,
    Option<"rounding", "rounding", "::mlir::fxp::RoundingMode",
           "::mlir::fxp::RoundingMode::Stochastic", "Rounding mode",
           [{::llvm::cl::values(
             clEnumValN(::mlir::fxp::RoundingMode::Floor, "floor", ""),
             clEnumValN(::mlir::fxp::RoundingMode::TowardZero, "toward_zero", ""),
             clEnumValN(::mlir::fxp::RoundingMode::NearestEven, "nearest_even", ""),
             clEnumValN(::mlir::fxp::RoundingMode::NearestAway, "nearest_away", ""),
             clEnumValN(::mlir::fxp::RoundingMode::NearestUp, "nearest_up", ""),
             clEnumValN(::mlir::fxp::RoundingMode::Biased, "biased", ""),
             clEnumValN(::mlir::fxp::RoundingMode::Stochastic, "stochastic", ""))}]>,
    Option<"width", "width", "unsigned", "0",
           "Word (gupta) or mantissa (dfp16) bits; 0 picks the recipe's "
           "default (16 for gupta, 14 for dfp16)">,
    Option<"fracBits", "frac-bits", "int", "12",
           "gupta: fraction bits of the fixed-point format">,
    Option<"headroom", "headroom", "int", "0",
           "dfp16: bits of headroom in the shared exponents (0 to 64)">,
    Option<"block", "block", "int64_t", "0",
           "dfp16: elements per shared exponent along the reduction; 0 "
           "shares one exponent per tensor">,
    Option<"accumulate", "accumulate", "::mlir::fxp::Accumulation",
           "::mlir::fxp::Accumulation::Chunked",
           "How contractions accumulate their products", [{::llvm::cl::values(
             clEnumValN(::mlir::fxp::Accumulation::Chunked, "chunked",
                        "exact i32 chunks added in f32 (SEMANTICS §6)"),
             clEnumValN(::mlir::fxp::Accumulation::Saturating, "saturating",
                        "one saturating i32 sum (vpdpwssds)"))}]>,
    Option<"minChunk", "min-chunk", "int64_t", "0",
           "As fxp-legalize-accumulation's option">,
    Option<"narrow", "narrow", "bool", "false",
           "As fxp-legalize-accumulation's option">,
  ];
  let dependentDialects = [
    "::mlir::fxp::FXPDialect",
    "::mlir::linalg::LinalgDialect",
    "::mlir::tensor::TensorDialect",
  ];
}

#endif // FXP_DIALECT_FXP_TRANSFORMS_PASSES_TD
