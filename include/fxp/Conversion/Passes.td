//===- Passes.td - fxp conversion passes -------------------*- tablegen -*-===//

#ifndef FXP_CONVERSION_PASSES_TD
#define FXP_CONVERSION_PASSES_TD

include "mlir/Pass/PassBase.td"

def ConvertFXPToArithPass : Pass<"convert-fxp-to-arith", "::mlir::ModuleOp"> {
  let summary = "Lower fxp types and ops to integer arith on tensors";
  let description = [{
    Lowers every fxp type and op to upstream dialects, on tensors, before
    bufferization: `!fxp.fixed<W, F>` becomes its storage integer (`i8`,
    `i16` or `i32`), a tensor of them a tensor of the storage, and a DFP tensor
    the pair (mantissa tensor, `i32` exponent tensor), function signatures,
    calls and returns included (a 1:N conversion).

    Element-wise ops become `linalg.generic`s whose bodies compute the
    contract of `docs/Semantics.md` with integer `arith` only (the random bits
    of stochastic rounding included, from the element's linear index), so they
    vectorize; `fxp.shared_exponent` becomes a max-magnitude reduction (per
    tensor: vector loops over the parts of an `scf.forall`, which
    `fxp-lower-to-llvm` runs on threads with `parallel=true`) and
    `fxp.matmul` a reduction that flushes each chunk's `i32` sum to f32.

    A per-tensor `fxp.shared_exponent` of an element-wise `linalg.generic`'s
    result (a bias and activation, an activation's gradient: parallel loops,
    projected-permutation maps, one result, no `linalg.index`) is computed by
    that producer: it is split into the parts, along its first loop that is
    not of size 1, and each part reduces the rows it has just written, while
    they are in cache, instead of a second pass reading the whole result.

    ```mlir
    // fxp-opt --convert-fxp-to-arith
    %q = fxp.quantize %x : tensor<4xf32> -> tensor<4x!fxp.fixed<16, 12>>
    // becomes a linalg.generic producing tensor<4xi16>
    ```
    The x86 target ops (`fxp.x86.*`) stay for `convert-fxp-to-llvm`. Ops the
    pass cannot lower (an upstream op on fxp types that it does not know) are
    reported with their name; nothing is left half converted.
  }];
  let dependentDialects = [
    "::mlir::arith::ArithDialect",
    "::mlir::linalg::LinalgDialect",
    "::mlir::math::MathDialect",
    "::mlir::scf::SCFDialect",
    "::mlir::tensor::TensorDialect",
    "::mlir::vector::VectorDialect",
  ];
}

def ConvertFXPToX86Pass : Pass<"convert-fxp-to-x86", "::mlir::ModuleOp"> {
  let summary = "Lower INT16 contractions to packed vpdpwssd kernels";
  let description = [{
    Rewrites each `fxp.matmul` and `fxp.contract` (matmuls in any layout,
    batched matmuls, convolutions, any contraction) whose operands have at
    most 16 bits, are fixed point or per-tensor DFP, and whose chunk is even
    (or which saturates) into code built for x86's INT16 dot products, with
    exactly the results of the portable lowering (SEMANTICS §6):

    - the operands are packed in the VNNI layout: pairs of consecutive `k`
      side by side, A as `[M][K/2]` i32 pairs, B as `[N/L][K/2][L]` i32
      pairs read as 2L i16 lanes (L = 16 lanes for AVX-512, 8 for AVX2),
      zero beyond the problem. A plain matmul packs its operands in L x L
      blocks of pair words: vector loads along a row of A or B^T (pairs
      adjacent), or of two rows of B or A^T interleaved, stored as read, or
      transposed in registers (shuffles) for transposed operands; loads
      inside the tensor are plain, those at its edges masked. Any
      other contraction groups its loops into batch, m, n and k (each
      linearized row-major, so k keeps the order of SEMANTICS §6), gathers
      its operands through their indexing maps for each batch, and copies
      the `[batch, m, n]` tiles into its result;
    - a register tile of MR x (NV * L) `i32` accumulators runs through one
      chunk of `k` pairs (`scf.for` with the accumulators as `iter_args`); its
      step is the even/odd pair product `acc + a_even * b_even + a_odd * b_odd`,
      `vpdpwssd` (AVX512-VNNI) or `vpmaddwd + vpaddd` (AVX2); saturating
      contractions use `vpdpwssds`, or `vpmaddwd` and a saturating add;
    - at the end of each chunk the `i32` accumulators convert to f32 and add
      into f32 accumulators; the output scale is applied in the tile's
      epilogue.

    Per-block DFP operands of a plain matmul (blocks of an even size along
    `k`) make a segment per block, where chunks restart and whose sums the
    epilogue scales by the block's exponents.

    `target=avx512vnni` uses 6 x 32 tiles of 512-bit vectors, `target=avx2`
    4 x 16 tiles of 256-bit vectors. Per-block operands of other
    contractions, odd blocks, and contractions whose inner loops have
    dynamic sizes are left to `convert-fxp-to-arith`.

    FP32 contractions (`linalg.matmul` in any layout, batched matmuls,
    convolutions, `linalg.generic` contractions; bodies `out + a * b`) get
    the same register-tiled loops with `vector.fma`, so that FP32 graphs
    compiled for an x86 target have a vectorized baseline: a matmul's
    accumulators start from its init, other contractions add their init at
    the end. Fused multiply-adds round once per product, so those results
    differ in the last bits from the portable target's separate multiply and
    add (FP32 is outside the fxp contract).
  }];
  let options = [
    Option<"target", "target", "::mlir::fxp::X86Target",
           "::mlir::fxp::X86Target::AVX512VNNI", "Vector extension to shape kernels for",
           [{::llvm::cl::values(
             clEnumValN(::mlir::fxp::X86Target::AVX512VNNI, "avx512vnni",
                        "512-bit vectors, vpdpwssd"),
             clEnumValN(::mlir::fxp::X86Target::AVX2, "avx2",
                        "256-bit vectors, vpmaddwd + vpaddd"))}]>,
    Option<"parallel", "parallel", "bool", "false",
           "Make the column panels of each kernel, and the packing of its "
           "operands, scf.forall iterations">,
  ];
  let dependentDialects = [
    "::mlir::arith::ArithDialect",
    "::mlir::linalg::LinalgDialect",
    "::mlir::scf::SCFDialect",
    "::mlir::tensor::TensorDialect",
    "::mlir::vector::VectorDialect",
  ];
}

def ConvertFXPToLLVMPass : Pass<"convert-fxp-to-llvm", "::mlir::ModuleOp"> {
  let summary = "Lower fxp's x86 target ops to LLVM intrinsic calls";
  let description = [{
    Each `fxp.x86.*` op becomes `llvm.call_intrinsic` of the intrinsic it
    mirrors (`fxp.x86.vpdpwssd` is `llvm.x86.avx512.vpdpwssd.512`). An
    intrinsic call has unknown memory effects, so this runs after
    bufferization and buffer deallocation; `fxp-lower-to-llvm` does.

    ```mlir
    %r = fxp.x86.vpdpwssd %acc, %a, %b : vector<16xi32>, vector<32xi16>
    // becomes
    %r = llvm.call_intrinsic "llvm.x86.avx512.vpdpwssd.512"(%acc, %a, %b)
           : (vector<16xi32>, vector<32xi16>, vector<32xi16>) -> vector<16xi32>
    ```

    With `emulate`, each op becomes instead the target-independent vector
    arithmetic of the instruction's definition (widen, multiply, add the
    even and odd lanes, wrap or clamp), which any CPU runs: the kernels of
    `target=avx512vnni` then execute, slowly and with the same bits, on a
    machine without AVX-512. This is how the test suite runs every target's
    kernels on every x86-64 machine.
  }];
  let options = [
    Option<"emulate", "emulate", "bool", "false",
           "Lower to target-independent vector arithmetic instead of x86 "
           "intrinsics (for testing a target on a CPU without it)">,
  ];
  let dependentDialects = [
    "::mlir::LLVM::LLVMDialect",
    "::mlir::arith::ArithDialect",
    "::mlir::vector::VectorDialect",
  ];
}

#endif // FXP_CONVERSION_PASSES_TD
