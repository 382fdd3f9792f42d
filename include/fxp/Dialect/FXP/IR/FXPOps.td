//===- FXPOps.td - fxp operations --------------------------*- tablegen -*-===//

#ifndef FXP_DIALECT_FXP_IR_FXPOPS_TD
#define FXP_DIALECT_FXP_IR_FXPOPS_TD

include "fxp/Dialect/FXP/IR/FXPDialect.td"
include "fxp/Dialect/FXP/IR/FXPAttrs.td"
include "fxp/Dialect/FXP/IR/FXPTypes.td"
include "mlir/Interfaces/SideEffectInterfaces.td"
include "mlir/IR/BuiltinAttributeInterfaces.td"

//===----------------------------------------------------------------------===//
// Type constraints
//===----------------------------------------------------------------------===//

def FXP_FixedTensor : RankedTensorOf<[FXP_FixedType]>;
def FXP_FixedLike : AnyTypeOf<[FXP_FixedType, FXP_FixedTensor],
                              "fixed-point scalar or ranked tensor">;
def FXP_FloatLike : AnyTypeOf<[F32, RankedTensorOf<[F32]>],
                              "f32 scalar or ranked tensor of f32">;
def FXP_F32Tensor : RankedTensorOf<[F32]>;
def FXP_ExponentTensor : RankedTensorOf<[I32]>;
def FXP_Seed : I<64>;

// Rounding configuration shared by every op that rounds. The seed and the
// stream are present exactly when the rounding is stochastic.
class FXP_RoundingOp<string mnemonic, list<Trait> traits = []>
    : FXP_Op<mnemonic, !listconcat(traits, [Pure])> {
  string roundingFormat = [{
    (`rounding` $rounding^)? (`overflow` $overflow^)?
    (`seed` $seed^)? (`stream` $stream^)?
  }];
  code roundingClassDecl = [{
    /// True when the rounding needs random bits (a seed and a stream).
    bool isStochastic() {
      return getRounding() == ::mlir::fxp::RoundingMode::Stochastic;
    }
  }];
}

defvar RoundingArgs = (ins
  DefaultValuedAttr<FXP_RoundingModeAttr, "::mlir::fxp::RoundingMode::NearestEven">:$rounding,
  DefaultValuedAttr<FXP_OverflowModeAttr, "::mlir::fxp::OverflowMode::Saturate">:$overflow,
  Optional<FXP_Seed>:$seed,
  OptionalAttr<I32Attr>:$stream);


//===----------------------------------------------------------------------===//
// Constants
//===----------------------------------------------------------------------===//

def FXP_ConstantOp : FXP_Op<"constant", [ConstantLike, Pure]> {
  let summary = "Fixed-point constant given by its stored integers";
  let description = [{
    A fixed-point scalar or tensor whose integers `q` are given in the storage
    type (`i8`, `i16` or `i32`). Each integer must lie in the range of the
    result's width.

    ```mlir
    // 1.5 and -0.25 as fixed<16, 8>
    %c = fxp.constant dense<[384, -64]> : tensor<2xi16> -> tensor<2x!fxp.fixed<16, 8>>
    %s = fxp.constant 3 : i16 -> !fxp.fixed<12, 4>
    ```
  }];
  let arguments = (ins TypedAttrInterface:$value);
  let results = (outs FXP_FixedLike:$result);
  let assemblyFormat = "$value attr-dict `->` type($result)";
  let hasVerifier = 1;
  let hasFolder = 1;
}

def FXP_ToStorageOp : FXP_Op<"to_storage", [Pure]> {
  let summary = "The stored integers of fixed-point values";
  let description = [{
    Reinterprets fixed-point values as their storage integers (`i8`, `i16` or
    `i32`, sign-extended from `W` bits): how fixed-point data leaves fxp, e.g.
    to be printed, stored or passed to code that knows nothing of fxp.

    ```mlir
    %i = fxp.to_storage %q : tensor<4x!fxp.fixed<12, 8>> -> tensor<4xi16>
    ```
  }];
  let arguments = (ins FXP_FixedLike:$input);
  let results = (outs AnyTypeOf<[AnySignlessInteger, RankedTensorOf<[AnySignlessInteger]>]>:$result);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($result)";
  let hasVerifier = 1;
  let hasFolder = 1;
}

def FXP_FromStorageOp : FXP_Op<"from_storage", [Pure]> {
  let summary = "Fixed-point values from storage integers";
  let description = [{
    Reinterprets storage integers as fixed-point values. Only the low `W`
    bits count: they are sign-extended (the `wrap` of SEMANTICS §3), so every
    input gives a value in range.

    ```mlir
    %q = fxp.from_storage %i : tensor<4xi16> -> tensor<4x!fxp.fixed<12, 8>>
    ```
  }];
  let arguments = (ins AnyTypeOf<[AnySignlessInteger, RankedTensorOf<[AnySignlessInteger]>]>:$input);
  let results = (outs FXP_FixedLike:$result);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($result)";
  let hasVerifier = 1;
  let hasFolder = 1;
}

//===----------------------------------------------------------------------===//
// Conversions between float and fixed point
//===----------------------------------------------------------------------===//

def FXP_QuantizeOp : FXP_RoundingOp<"quantize"> {
  let summary = "Round f32 values to fixed point";
  let description = [{
    Rounds `t = x * 2^F` to an integer per `rounding` (default
    `nearest_even`) and clamps it to the result's range per `overflow`
    (`saturate` by default, or `saturate_symmetric`; `wrap` is rejected).
    NaN becomes 0 and infinities saturate. Stochastic rounding takes an `i64`
    `seed` operand and a `stream` unique in the module; element `i`
    (row-major) uses the random word `fxp_random_bits(fxp_key(seed, stream), i)`.

    ```mlir
    %q = fxp.quantize %x : tensor<4xf32> -> tensor<4x!fxp.fixed<16, 12>>
    %r = fxp.quantize %x rounding <stochastic> seed %seed stream 7
         : tensor<4xf32> -> tensor<4x!fxp.fixed<16, 12>>
    ```
  }];
  let arguments = !con((ins FXP_FloatLike:$input), RoundingArgs);
  let results = (outs FXP_FixedLike:$result);
  let assemblyFormat = "$input " # roundingFormat #
                       "attr-dict `:` type($input) `->` type($result)";
  let extraClassDeclaration = roundingClassDecl;
  let hasVerifier = 1;
  let hasFolder = 1;
}

def FXP_DequantizeOp : FXP_Op<"dequantize", [Pure]> {
  let summary = "Convert fixed point or DFP values to f32";
  let description = [{
    The exact value `q * 2^-F` (or `m * 2^e` for a DFP tensor), rounded once
    to the nearest f32 (ties to even). It is exact whenever `W <= 25`.

    ```mlir
    %x = fxp.dequantize %q : tensor<4x!fxp.fixed<16, 12>> -> tensor<4xf32>
    %y = fxp.dequantize %d : !fxp.dfp<64x128, 16> -> tensor<64x128xf32>
    ```
  }];
  let arguments = (ins AnyTypeOf<[FXP_FixedLike, FXP_DFPType]>:$input);
  let results = (outs FXP_FloatLike:$result);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($result)";
  let hasVerifier = 1;
  let hasFolder = 1;
}

//===----------------------------------------------------------------------===//
// Fixed-point arithmetic
//===----------------------------------------------------------------------===//

def FXP_RescaleOp : FXP_RoundingOp<"rescale"> {
  let summary = "Change the format of fixed-point values";
  let description = [{
    Converts `!fxp.fixed<W1, F1>` to `!fxp.fixed<W2, F2>`. Exact when
    `F2 >= F1` and the value fits; otherwise rounds `t = q * 2^(F2 - F1)`
    per `rounding` and brings the result into range per `overflow`
    (`saturate`, `saturate_symmetric` or `wrap`). A rescale that cannot
    drop bits rejects a `rounding`, and one that cannot overflow an
    `overflow` (other than the defaults, which are not printed): whatever
    the rounding, `wrap` and `saturate_symmetric` have no effect when the
    result has more integer bits `W - F` than the input, and `wrap` also
    when it has as many and `F2 >= F1`.

    ```mlir
    %y = fxp.rescale %x rounding <nearest_up> overflow <wrap>
         : tensor<8x!fxp.fixed<32, 20>> -> tensor<8x!fxp.fixed<16, 8>>
    ```
  }];
  let arguments = !con((ins FXP_FixedLike:$input), RoundingArgs);
  let results = (outs FXP_FixedLike:$result);
  let assemblyFormat = "$input " # roundingFormat #
                       "attr-dict `:` type($input) `->` type($result)";
  let extraClassDeclaration = roundingClassDecl;
  let hasVerifier = 1;
  let hasFolder = 1;
}

def FXP_SaturateOp : FXP_Op<"saturate", [Pure]> {
  let summary = "Clamp fixed-point values to a range of the same resolution";
  let description = [{
    Clamps to the range of the result type, which has the same `F` and a width
    no larger than the input's: `[qmin, qmax]`, or `[-qmax, qmax]` with
    `symmetric`. Unlike `fxp.rescale` it never rounds, and unlike
    `fxp.rescale ... overflow <saturate>` it may keep the width: `symmetric`
    on the same type removes `qmin` before a contraction (SEMANTICS §6).

    ```mlir
    %y = fxp.saturate %x symmetric
         : tensor<8x!fxp.fixed<16, 8>> -> tensor<8x!fxp.fixed<16, 8>>
    ```
  }];
  let arguments = (ins FXP_FixedLike:$input, UnitAttr:$symmetric);
  let results = (outs FXP_FixedLike:$result);
  let assemblyFormat = [{
    $input (`symmetric` $symmetric^)? attr-dict `:` type($input) `->` type($result)
  }];
  let hasVerifier = 1;
  let hasFolder = 1;
}

class FXP_BinaryOp<string mnemonic, string what>
    : FXP_RoundingOp<mnemonic> {
  let summary = "Element-wise " # what # " of fixed-point values, then rounded";
  let arguments = !con((ins FXP_FixedLike:$lhs, FXP_FixedLike:$rhs), RoundingArgs);
  let results = (outs FXP_FixedLike:$result);
  let assemblyFormat = [{
    $lhs `,` $rhs (`rounding` $rounding^)? (`overflow` $overflow^)?
    (`seed` $seed^)? (`stream` $stream^)?
    attr-dict `:` type($lhs) `,` type($rhs) `->` type($result)
  }];
  let extraClassDeclaration = roundingClassDecl;
  let hasVerifier = 1;
  let hasFolder = 1;
}

def FXP_AddOp : FXP_BinaryOp<"add", "sum"> {
  let description = [{
    The exact sum of the operands (aligned to the larger `F`), rounded to the
    result format per `rounding` and brought into range per `overflow`. The
    aligned exact sum must fit in 64 bits (checked by the verifier).

    ```mlir
    %s = fxp.add %a, %b overflow <wrap>
         : !fxp.fixed<16, 8>, !fxp.fixed<16, 4> -> !fxp.fixed<16, 8>
    ```
  }];
}

def FXP_SubOp : FXP_BinaryOp<"sub", "difference"> {
  let description = [{
    The exact difference `lhs - rhs`, rounded and brought into range as
    `fxp.add` does.

    ```mlir
    %d = fxp.sub %a, %b : tensor<4x!fxp.fixed<16, 8>>, tensor<4x!fxp.fixed<16, 8>>
                       -> tensor<4x!fxp.fixed<16, 8>>
    ```
  }];
}

def FXP_MulOp : FXP_BinaryOp<"mul", "product"> {
  let description = [{
    The exact product, `!fxp.fixed<W1 + W2, F1 + F2>`, rounded to the result
    format per `rounding` and brought into range per `overflow`.

    ```mlir
    %p = fxp.mul %a, %b rounding <stochastic> seed %seed stream 3
         : !fxp.fixed<16, 8>, !fxp.fixed<16, 8> -> !fxp.fixed<16, 8>
    ```
  }];
}

//===----------------------------------------------------------------------===//
// Shared exponents (dynamic fixed point)
//===----------------------------------------------------------------------===//

def FXP_SharedExponentOp : FXP_Op<"shared_exponent", [Pure]> {
  let summary = "Shared exponents of a tensor from its largest magnitudes";
  let description = [{
    For each block (the whole tensor without `block`), `e = E(M) - (W - 1) +
    headroom`, where `M` is the block's largest finite magnitude (NaN and
    infinities are ignored), `E(M)` the smallest integer with `M < 2^E(M)`,
    and `e = 0` when `M = 0`. These are the exponents with which `W`-bit
    mantissas hold the block without saturating (DFP16, "based on the maximum
    value"); `headroom` trades low bits for range. It is at most 64: from
    `W - 1 + 32` bits on, every `|x * 2^-e|` is below `2^-32`, so the
    mantissas keep nothing of the values, and the bound keeps `e` (at most
    `128 - 1 + 64` for f32) far from `i32` overflow.

    ```mlir
    %e = fxp.shared_exponent %x width 16 : tensor<64x128xf32> -> tensor<i32>
    %b = fxp.shared_exponent %x width 16 headroom 1 block 32 axis 1
         : tensor<64x128xf32> -> tensor<64x4xi32>
    ```
  }];
  let arguments = (ins FXP_F32Tensor:$input, ConfinedAttr<I32Attr, [IntMinValue<2>, IntMaxValue<32>]>:$width,
                   DefaultValuedAttr<I32Attr, "0">:$headroom,
                   DefaultValuedAttr<ConfinedAttr<I64Attr, [IntNonNegative]>, "0">:$block,
                   DefaultValuedAttr<ConfinedAttr<I32Attr, [IntNonNegative]>, "0">:$axis);
  let results = (outs FXP_ExponentTensor:$result);
  let assemblyFormat = [{
    $input `width` $width (`headroom` $headroom^)? (`block` $block^)? (`axis` $axis^)?
    attr-dict `:` type($input) `->` type($result)
  }];
  let extraClassDeclaration = [{
    /// The largest headroom (see the description).
    static constexpr int64_t kMaxHeadroom = 64;
  }];
  let hasVerifier = 1;
  let hasFolder = 1;
}

def FXP_QuantizeDFPOp : FXP_RoundingOp<"quantize_dfp"> {
  let summary = "Round f32 values to a DFP tensor with given exponents";
  let description = [{
    Each element `x` with its block's exponent `e` becomes the mantissa
    `m` rounded from `t = x * 2^-e` (SEMANTICS §2, §3: as `fxp.quantize` to
    `!fxp.fixed<W, -e>`). The exponents usually come from
    `fxp.shared_exponent`; a predicted exponent (Autoflex) works the same.

    ```mlir
    %e = fxp.shared_exponent %x width 16 : tensor<64x128xf32> -> tensor<i32>
    %d = fxp.quantize_dfp %x, %e rounding <stochastic> seed %s stream 1
         : tensor<64x128xf32>, tensor<i32> -> !fxp.dfp<64x128, 16>
    ```
  }];
  let arguments = !con((ins FXP_F32Tensor:$input, FXP_ExponentTensor:$exponents), RoundingArgs);
  let results = (outs FXP_DFPType:$result);
  let assemblyFormat = "$input `,` $exponents " # roundingFormat #
      "attr-dict `:` type($input) `,` type($exponents) `->` qualified(type($result))";
  let extraClassDeclaration = roundingClassDecl;
  let hasVerifier = 1;
}

def FXP_MantissasOp : FXP_Op<"mantissas", [Pure]> {
  let summary = "The integer mantissas of a DFP tensor";
  let description = [{
    ```mlir
    %m = fxp.mantissas %d : !fxp.dfp<64x128, 16> -> tensor<64x128x!fxp.fixed<16, 0>>
    ```
  }];
  let arguments = (ins FXP_DFPType:$input);
  let results = (outs FXP_FixedTensor:$result);
  let assemblyFormat = "$input attr-dict `:` qualified(type($input)) `->` type($result)";
  let hasVerifier = 1;
  let hasFolder = 1;
}

def FXP_ExponentsOp : FXP_Op<"exponents", [Pure]> {
  let summary = "The shared exponents of a DFP tensor";
  let description = [{
    ```mlir
    %e = fxp.exponents %d : !fxp.dfp<64x128, 16, block = 32, axis = 1> -> tensor<64x4xi32>
    ```
  }];
  let arguments = (ins FXP_DFPType:$input);
  let results = (outs FXP_ExponentTensor:$result);
  let assemblyFormat = "$input attr-dict `:` qualified(type($input)) `->` type($result)";
  let hasVerifier = 1;
  let hasFolder = 1;
}

def FXP_MakeDFPOp : FXP_Op<"make_dfp", [Pure]> {
  let summary = "A DFP tensor from mantissas and exponents";
  let description = [{
    ```mlir
    %d = fxp.make_dfp %m, %e : tensor<64x128x!fxp.fixed<16, 0>>, tensor<i32> -> !fxp.dfp<64x128, 16>
    ```
  }];
  let arguments = (ins FXP_FixedTensor:$mantissas, FXP_ExponentTensor:$exponents);
  let results = (outs FXP_DFPType:$result);
  let assemblyFormat = [{
    $mantissas `,` $exponents attr-dict `:` type($mantissas) `,` type($exponents) `->` qualified(type($result))
  }];
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Contraction
//===----------------------------------------------------------------------===//

def FXP_MatmulOp : FXP_Op<"matmul", [Pure]> {
  let summary = "Matrix product with chunked i32 accumulation flushed to f32";
  let description = [{
    `C[b?, m, n] = sum_k A[b?, m, k] * B[b?, k, n]` over fixed-point tensors
    (both `!fxp.fixed`) or DFP tensors, with an optional leading
    batch dimension; `transpose_a` / `transpose_b` read `A` as `[k, m]` and
    `B` as `[n, k]`.

    The reduction is exact in chunks (SEMANTICS §6): the products of each run
    of `chunk` consecutive `k` sum in `i32`, each chunk sum converts to f32
    and adds into an f32 accumulator starting at `0.0` in increasing `k`
    order; the result is that sum times `2^-(Fa + Fb)` (fixed) or
    `2^(ea + eb)` (DFP), rounded once. The verifier proves
    `chunk * max|a| * max|b| <= 2^31 - 1`, where `max|.|` is `2^(W-1)`, or
    `2^(W-1) - 1` with `symmetric`: then the operands are first clamped to
    `[-qmax, qmax]` (a no-op when their producers saturate symmetrically).

    `saturating`, in place of `chunk`, accumulates each result in one `i32`
    instead, as `vpdpwssds` does: consecutive products pair up in increasing
    `k` (an odd `K` ends with a lone product), and each step adds a pair's
    exact sum and clamps to `[-2^31, 2^31 - 1]`. The verifier proves that a
    pair sums in `i32`. The total converts to f32 and is scaled as above.

    DFP operands may have per-block exponents when their blocks run along
    `k` (both with the same block size if both are per block). The products
    then split into segments of `block` consecutive `k` over which both
    exponents are constant; chunks (or saturating pairs) restart at each
    segment, each segment's f32 sum is scaled by its own `2^(ea + eb)`
    (rounded once), and the segments add into an f32 total starting at
    `0.0`, in increasing `k`. A per-tensor contraction is the case of one
    segment.

    ```mlir
    %c = fxp.matmul %a, %b chunk 32 symmetric
         : tensor<64x256x!fxp.fixed<14, 10>>, tensor<256x32x!fxp.fixed<14, 12>>
        -> tensor<64x32xf32>
    %d = fxp.matmul %x, %w chunk 2 symmetric transpose_b
         : !fxp.dfp<64x256, 16>, !fxp.dfp<32x256, 16> -> tensor<64x32xf32>
    %e = fxp.matmul %x, %v saturating symmetric
         : !fxp.dfp<64x256, 16>, !fxp.dfp<256x32, 16> -> tensor<64x32xf32>
    ```
  }];
  let arguments = (ins AnyTypeOf<[FXP_FixedTensor, FXP_DFPType]>:$lhs,
                   AnyTypeOf<[FXP_FixedTensor, FXP_DFPType]>:$rhs,
                   OptionalAttr<ConfinedAttr<I64Attr, [IntPositive]>>:$chunk,
                   UnitAttr:$saturating, UnitAttr:$symmetric,
                   UnitAttr:$transpose_a, UnitAttr:$transpose_b);
  let results = (outs FXP_F32Tensor:$result);
  let assemblyFormat = [{
    $lhs `,` $rhs (`chunk` $chunk^)? (`saturating` $saturating^)?
    (`symmetric` $symmetric^)? (`transpose_a` $transpose_a^)? (`transpose_b` $transpose_b^)?
    attr-dict `:` type($lhs) `,` type($rhs) `->` type($result)
  }];
  let extraClassDeclaration = [{
    /// The largest magnitude an operand can have after the op's clamping.
    int64_t getMaxMagnitude(Type type);
    /// The indexing maps of the equivalent `fxp.contract`.
    SmallVector<AffineMap> getIndexingMapsArray();
  }];
  let hasVerifier = 1;
}

def FXP_ContractOp : FXP_Op<"contract", [Pure]> {
  let summary = "General contraction with chunked i32 accumulation flushed to f32";
  let description = [{
    The contraction `C[p] = sum_r A[mapA(p, r)] * B[mapB(p, r)]` of a
    `linalg.generic` with the given `indexing_maps` (over loops `p`, the
    dimensions of the result map, and reduction loops `r`, all the others):
    matmuls with any layout, batched matmuls and convolutions alike
    (`d1 + d4` in an operand map is how a convolution reads its input).
    Every index must fall within its operand: the verifier checks the maps
    that add and scale loops and constants wherever the sizes they use are
    static.

    Each loop takes its size from an operand dimension that it indexes
    alone, or else from the result dimension it indexes: a static one, or a
    dynamic one given by `sizes`. `sizes` lists the result's dynamic
    dimensions in order, as `tensor.empty` does; it may be left out when
    every loop has a size without it (a matmul's `m` indexes an operand),
    and is needed for a convolution whose output positions are dynamic
    (`d0` below, read by the input only as `d0 + d1`):

    ```mlir
    %c = fxp.contract %x, %k sizes(%n)
           maps [affine_map<(o, w) -> (o + w)>, affine_map<(o, w) -> (w)>,
                 affine_map<(o, w) -> (o)>] chunk 32
         : tensor<?x!fxp.fixed<16, 12>>, tensor<3x!fxp.fixed<16, 12>> -> tensor<?xf32>
    ```

    Accumulation follows SEMANTICS §6 with `K` the product of the reduction
    loops' sizes, visited in lexicographic order (loop order): runs of
    `chunk` consecutive products sum exactly in `i32`, each run's sum converts
    to f32 and adds into an f32 accumulator starting at `0.0`, and the total
    is scaled by `2^-(Fa + Fb)` (fixed point) or `2^(ea + eb)` (per-tensor
    DFP), rounded once. `symmetric` clamps the operands to `[-qmax, qmax]`
    first, as for `fxp.matmul`, and the verifier proves the `i32` bound.
    `saturating`, in place of `chunk`, accumulates in one saturating `i32`
    pair by pair, and per-block DFP operands split the products into
    segments, as for `fxp.matmul`, where the blocks must run along the last
    reduction loop (indexed alone: a convolution's channels, not its
    window).

    ```mlir
    // A 3x3 convolution, NHWC input and HWCF filter.
    %c = fxp.contract %in, %filter
           maps [affine_map<(n, h, w, f, kh, kw, c) -> (n, h + kh, w + kw, c)>,
                 affine_map<(n, h, w, f, kh, kw, c) -> (kh, kw, c, f)>,
                 affine_map<(n, h, w, f, kh, kw, c) -> (n, h, w, f)>]
           chunk 32 symmetric
         : tensor<8x10x10x16x!fxp.fixed<14, 10>>, tensor<3x3x16x32x!fxp.fixed<14, 12>>
        -> tensor<8x8x8x32xf32>
    ```
  }];
  let arguments = (ins AnyTypeOf<[FXP_FixedTensor, FXP_DFPType]>:$lhs,
                   AnyTypeOf<[FXP_FixedTensor, FXP_DFPType]>:$rhs,
                   Variadic<Index>:$result_sizes,
                   AffineMapArrayAttr:$indexing_maps,
                   OptionalAttr<ConfinedAttr<I64Attr, [IntPositive]>>:$chunk,
                   UnitAttr:$saturating, UnitAttr:$symmetric);
  let results = (outs FXP_F32Tensor:$result);
  let assemblyFormat = [{
    $lhs `,` $rhs (`sizes` `(` $result_sizes^ `)`)? `maps` $indexing_maps (`chunk` $chunk^)?
    (`saturating` $saturating^)? (`symmetric` $symmetric^)?
    attr-dict `:` type($lhs) `,` type($rhs) `->` type($result)
  }];
  let extraClassDeclaration = [{
    int64_t getMaxMagnitude(Type type);
    SmallVector<AffineMap> getIndexingMapsArray() {
      return llvm::to_vector(getIndexingMapsAttr().getAsValueRange<AffineMapAttr>());
    }
  }];
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// x86 INT16 dot products
//===----------------------------------------------------------------------===//

// A target op mirrors one LLVM intrinsic; `convert-fxp-to-llvm` lowers it to
// `llvm.call_intrinsic`, so that no IR optimization can reshape it.
class FXP_X86Op<string mnemonic, list<Trait> traits = []>
    : FXP_Op<"x86." # mnemonic, !listconcat(traits, [Pure])>;

// vpdpwssd and vpdpwssds differ only in how the i32 sum ends.
class FXP_X86DotPairsBase<string mnemonic, string sum>
    : FXP_X86Op<mnemonic, [AllTypesMatch<["acc", "result"]>,
                           AllTypesMatch<["lhs", "rhs"]>]> {
  let summary = "AVX512-VNNI " # mnemonic # ": add the pair products of i16 lanes";
  let description = [{
    For each of 16 i32 lanes, `acc + a[2i] * b[2i] + a[2i+1] * b[2i+1]`
    (products of sign-extended i16, }] # sum # [{): the LLVM intrinsic
    `llvm.x86.avx512.}] # mnemonic # [{.512`.

    ```mlir
    %r = fxp.x86.}] # mnemonic # [{ %acc, %a, %b : vector<16xi32>, vector<32xi16>
    ```
  }];
  let arguments = (ins VectorOfLengthAndType<[16], [I32]>:$acc,
                   VectorOfLengthAndType<[32], [I16]>:$lhs,
                   VectorOfLengthAndType<[32], [I16]>:$rhs);
  let results = (outs VectorOfLengthAndType<[16], [I32]>:$result);
  let assemblyFormat = "$acc `,` $lhs `,` $rhs attr-dict `:` type($acc) `,` type($lhs)";
  let extraClassDeclaration = [{
    static StringRef getIntrinsicName() { return "llvm.x86.avx512.}] # mnemonic # [{.512"; }
  }];
}

def FXP_X86DotPairsOp : FXP_X86DotPairsBase<"vpdpwssd", "wrapping i32 sum">;
def FXP_X86DotPairsSaturatingOp
    : FXP_X86DotPairsBase<"vpdpwssds",
                          "exact sum clamped to `[-2^31, 2^31 - 1]`">;

def FXP_X86MultiplyAddPairsOp
    : FXP_X86Op<"vpmaddwd", [AllTypesMatch<["lhs", "rhs"]>]> {
  let summary = "vpmaddwd: the pair products of i16 lanes, summed in i32";
  let description = [{
    For each i32 lane, `a[2i] * b[2i] + a[2i+1] * b[2i+1]` (wrapping): the
    LLVM intrinsic `llvm.x86.avx2.pmadd.wd` on 256-bit vectors and
    `llvm.x86.avx512.pmaddw.d.512` on 512-bit vectors.

    ```mlir
    %p = fxp.x86.vpmaddwd %a, %b : vector<16xi16> -> vector<8xi32>
    ```
  }];
  let arguments = (ins AnyTypeOf<[VectorOfLengthAndType<[16], [I16]>,
                                  VectorOfLengthAndType<[32], [I16]>]>:$lhs,
                   AnyTypeOf<[VectorOfLengthAndType<[16], [I16]>,
                                  VectorOfLengthAndType<[32], [I16]>]>:$rhs);
  let results = (outs AnyTypeOf<[VectorOfLengthAndType<[8], [I32]>,
                                 VectorOfLengthAndType<[16], [I32]>]>:$result);
  let assemblyFormat = "$lhs `,` $rhs attr-dict `:` type($lhs) `->` type($result)";
  let hasVerifier = 1;
  let extraClassDeclaration = [{
    StringRef getIntrinsicName() {
      return cast<VectorType>(getResult().getType()).getNumElements() == 8
                 ? "llvm.x86.avx2.pmadd.wd"
                 : "llvm.x86.avx512.pmaddw.d.512";
    }
  }];
}

#endif // FXP_DIALECT_FXP_IR_FXPOPS_TD
