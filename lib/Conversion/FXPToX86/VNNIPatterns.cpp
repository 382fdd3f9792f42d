//===- VNNIPatterns.cpp - INT16 contractions as VNNI kernels ----*- C++ -*-===//
//
// A matmul-shaped fxp contraction on operands of at most 16 bits becomes:
// packing of both operands in the VNNI layout (pairs of consecutive k side by
// side), and a register-tiled kernel whose step multiplies a broadcast pair
// of A by 2L values of B and adds each lane's two products into an i32
// accumulator. Chunks of k end on pair boundaries (the chunk is even), where
// the i32 accumulators flush into f32 ones: the same sums, in the same order,
// as SEMANTICS §6 and the portable lowering. A saturating contraction is one
// chunk whose pairs add with saturation (vpdpwssds).
//
//===----------------------------------------------------------------------===//

#include "../FXPToArith/FixedPointMath.h"
#include "fxp/Conversion/FXPToX86/FXPToX86.h"
#include "fxp/Dialect/FXP/IR/FXPOps.h"
#include "mlir/Dialect/Affine/Utils.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/IR/TypeUtilities.h"

using namespace mlir;
using namespace mlir::fxp;

namespace {

/// The register tile: `rows` rows of A by `vectors` vectors of `lanes`
/// 32-bit accumulators.
struct TileShape {
  int64_t rows, vectors, lanes;
};

/// INT16 tiles keep an i32 and an f32 accumulator per vector: 6 x 2 zmm
/// (24 accumulators, 2 B vectors and a broadcast) fit in 32 registers,
/// 4 x 2 ymm in 16 (measured faster than 3 x 2, which spills nothing, and
/// 5 x 2). FP32 tiles keep one: 6 x 2 is 12 accumulators, enough
/// to hide the FMA latency, and fits in 16 registers too.
TileShape getTileShape(X86Target target, bool fp32) {
  if (target == X86Target::AVX2)
    return fp32 ? TileShape{6, 2, 8} : TileShape{4, 2, 8};
  return TileShape{6, 2, 16};
}

/// Where m, n and k are in a matmul-shaped contraction's operands.
struct MatmulLayout {
  bool transposeA, transposeB;
};

/// Recognizes `C[m, n] += A[m|k, k|m] * B[k|n, n|k]`.
std::optional<MatmulLayout> getMatmulLayout(ArrayRef<AffineMap> maps) {
  if (maps.size() != 3 || maps[0].getNumDims() != 3 ||
      maps[2].getNumResults() != 2 || !maps[2].isProjectedPermutation())
    return std::nullopt;
  auto dimOf = [](AffineExpr e) -> std::optional<unsigned> {
    if (auto d = dyn_cast<AffineDimExpr>(e))
      return d.getPosition();
    return std::nullopt;
  };
  unsigned m = *dimOf(maps[2].getResult(0)), n = *dimOf(maps[2].getResult(1));
  unsigned k = 3 - m - n;
  auto layout = [&](AffineMap map, unsigned outer,
                    unsigned inner) -> std::optional<bool> {
    if (map.getNumResults() != 2)
      return std::nullopt;
    auto first = dimOf(map.getResult(0)), second = dimOf(map.getResult(1));
    if (first == outer && second == inner)
      return false;
    if (first == inner && second == outer)
      return true;
    return std::nullopt;
  };
  std::optional<bool> a = layout(maps[0], m, k), b = layout(maps[1], k, n);
  if (!a || !b)
    return std::nullopt;
  return MatmulLayout{*a, *b};
}

/// One contraction operand as packing reads it (storage integers, or floats
/// to quantize), with its format's facts.
struct Operand {
  Value storage;        // tensor of i8 or i16 (null when `source` is set)
  Value exponent;       // i64: -F, or the per-tensor DFP exponent (else 0)
  Value blockExponents; // per-block DFP: the i32 exponents, else null
  int64_t clampBelow;   // -qmax when symmetric, else qmin
  /// An operand quantized to DFP with round-to-nearest: its f32 input and
  /// the quantization, which packing applies to the floats it reads, so that
  /// the mantissas need no pass over memory of their own.
  Value source;
  std::optional<RoundingConfig> quantization;

  /// The tensor that packing reads (its shape is the operand's).
  Value getPacked() const { return source ? source : storage; }
};

/// The storage integers of a tensor of fixed-point values.
Value getStorage(ImplicitLocOpBuilder &b, Value fixedTensor) {
  auto type = cast<RankedTensorType>(fixedTensor.getType());
  return ToStorageOp::create(
      b, type.clone(getFixedElementType(type).getStorageType()), fixedTensor);
}

/// The operand `value` of `contraction`. With `fuseQuantization`, one that
/// a per-tensor fxp.quantize_dfp with round-to-nearest produces for it alone,
/// in its block (not hoisted out of a loop around it), is read from its
/// floats.
Operand getOperand(ImplicitLocOpBuilder &b, Operation *contraction, Value value,
                   bool symmetric, bool fuseQuantization) {
  Operand result;
  unsigned width;
  auto quantize = value.getDefiningOp<QuantizeDFPOp>();
  if (fuseQuantization && quantize && quantize->hasOneUse() &&
      quantize->getBlock() == contraction->getBlock() &&
      quantize.getType().isPerTensor() &&
      isNearestRounding(quantize.getRounding())) {
    width = quantize.getType().getWidth();
    result.source = quantize.getInput();
    result.quantization =
        RoundingConfig{quantize.getRounding(), quantize.getOverflow(), width};
    result.exponent = arith::ExtSIOp::create(
        b, b.getI64Type(),
        tensor::ExtractOp::create(b, quantize.getExponents(), ValueRange{}));
  } else if (auto dfp = dyn_cast<DFPType>(value.getType())) {
    width = dfp.getWidth();
    Value exponents = ExponentsOp::create(b, dfp.getExponentType(), value);
    if (dfp.isPerTensor()) {
      result.exponent = arith::ExtSIOp::create(
          b, b.getI64Type(),
          tensor::ExtractOp::create(b, exponents, ValueRange{}));
    } else {
      result.exponent = createIntConstant(b, 0, 64);
      result.blockExponents = exponents;
    }
    result.storage =
        getStorage(b, MantissasOp::create(b, dfp.getMantissaType(), value));
  } else {
    FixedType fixed = getFixedElementType(value.getType());
    width = fixed.getWidth();
    result.exponent = createIntConstant(b, -fixed.getFrac(), 64);
    result.storage = getStorage(b, value);
  }
  int64_t qmax = (int64_t(1) << (width - 1)) - 1;
  result.clampBelow = symmetric ? -qmax : -qmax - 1;
  return result;
}

Value index(ImplicitLocOpBuilder &b, int64_t v) {
  return arith::ConstantIndexOp::create(b, v);
}

Value ceilDiv(ImplicitLocOpBuilder &b, Value a, int64_t d) {
  return b.createOrFold<arith::CeilDivUIOp>(a, index(b, d));
}

Value multiply(ImplicitLocOpBuilder &b, Value a, int64_t c) {
  return b.createOrFold<arith::MulIOp>(a, index(b, c));
}

/// The size of `tensor`'s dimension as a constant when it is static, so
/// that the sizes derived from it fold.
Value getSize(ImplicitLocOpBuilder &b, Value tensor, int64_t dim) {
  int64_t size = cast<RankedTensorType>(tensor.getType()).getDimSize(dim);
  if (!ShapedType::isDynamic(size))
    return index(b, size);
  return tensor::DimOp::create(b, tensor, dim);
}

/// A static size when `size` is a constant.
int64_t getStaticSize(Value size) {
  return getConstantIntValue(size).value_or(ShapedType::kDynamic);
}

/// A 2-D tensor zero-padded at the end to `rows` x `cols`.
Value padTo(ImplicitLocOpBuilder &b, Value storage, Value rows, Value cols) {
  auto type = cast<RankedTensorType>(storage.getType());
  // Whole tiles already: padding would only copy.
  if (getConstantIntValue(rows) == type.getDimSize(0) &&
      getConstantIntValue(cols) == type.getDimSize(1))
    return storage;
  SmallVector<OpFoldResult> low(2, b.getIndexAttr(0));
  SmallVector<OpFoldResult> high = {
      arith::SubIOp::create(b, rows, tensor::DimOp::create(b, storage, 0))
          .getResult(),
      arith::SubIOp::create(b, cols, tensor::DimOp::create(b, storage, 1))
          .getResult()};
  auto padded = RankedTensorType::get(
      {getStaticSize(rows), getStaticSize(cols)}, type.getElementType());
  Value zero = arith::ConstantOp::create(
      b, cast<TypedAttr>(b.getZeroAttr(type.getElementType())));
  return tensor::PadOp::create(b, padded, storage, low, high, zero);
}

/// An i8 or i16 operand value (or vector of them) as i16, clamped as the
/// contraction requires.
Value widenAndClamp(ImplicitLocOpBuilder &b, Value v, int64_t clampBelow) {
  Type i16 = b.getI16Type();
  auto vector = dyn_cast<VectorType>(v.getType());
  Type wide = vector ? Type(vector.clone(i16)) : i16;
  if (v.getType() != wide)
    v = arith::ExtSIOp::create(b, wide, v);
  TypedAttr bound = b.getIntegerAttr(i16, clampBelow);
  if (vector)
    bound = DenseElementsAttr::get(cast<ShapedType>(wide), bound);
  return arith::MaxSIOp::create(b, v, arith::ConstantOp::create(b, bound));
}

/// An empty tensor of `sizes`, static where they are constants.
Value createEmpty(ImplicitLocOpBuilder &b, ArrayRef<Value> sizes,
                  Type elementType) {
  SmallVector<int64_t> shape;
  SmallVector<Value> dynamicSizes;
  for (Value size : sizes) {
    shape.push_back(getStaticSize(size));
    if (ShapedType::isDynamic(shape.back()))
      dynamicSizes.push_back(size);
  }
  return tensor::EmptyOp::create(b, shape, elementType, dynamicSizes);
}

/// The rows of a result `m` high, in whole register tiles.
Value getPaddedRows(ImplicitLocOpBuilder &b, Value m, TileShape tile) {
  return multiply(b, ceilDiv(b, m, tile.rows), tile.rows);
}

/// The rows of a packed A for a result `m` high: whole register tiles of
/// rows, in whole blocks of L (the block packing's unit).
Value getPackedRows(ImplicitLocOpBuilder &b, Value m, TileShape tile) {
  return multiply(b, ceilDiv(b, getPaddedRows(b, m, tile), tile.lanes),
                  tile.lanes);
}

/// The column vectors of a result `n` wide, in whole register tiles.
Value getColumnVectors(ImplicitLocOpBuilder &b, Value n, TileShape tile) {
  return multiply(b, ceilDiv(b, ceilDiv(b, n, tile.lanes), tile.vectors),
                  tile.vectors);
}

/// The shape of a fixed-point or DFP operand.
ArrayRef<int64_t> getOperandShape(Type type) {
  if (auto dfp = dyn_cast<DFPType>(type))
    return dfp.getShape();
  return cast<RankedTensorType>(type).getShape();
}

/// Two i16 operand values as one i32 of the VNNI layout, the first (even k)
/// in the low half.
Value packPair(ImplicitLocOpBuilder &b, Value even, Value odd) {
  auto word = [&](Value v) {
    return arith::ExtUIOp::create(b, b.getI32Type(), v);
  };
  Value high =
      arith::ShLIOp::create(b, word(odd), createIntConstant(b, 16, 32));
  return arith::OrIOp::create(b, word(even), high);
}

/// A linalg.generic without inputs filling a new tensor of `sizes`: element
/// `ids` is `body(ids)`.
Value buildGather(
    ImplicitLocOpBuilder &b, ArrayRef<Value> sizes, Type elementType,
    function_ref<Value(ImplicitLocOpBuilder &, ValueRange)> body) {
  Value init = createEmpty(b, sizes, elementType);
  unsigned rank = sizes.size();
  auto generic = linalg::GenericOp::create(
      b, TypeRange{init.getType()}, ValueRange{}, ValueRange{init},
      ArrayRef<AffineMap>{b.getMultiDimIdentityMap(rank)},
      SmallVector<utils::IteratorType>(rank, utils::IteratorType::parallel),
      [&](OpBuilder &nested, Location loc, ValueRange) {
        ImplicitLocOpBuilder nb(loc, nested);
        SmallVector<Value> ids;
        for (unsigned d = 0; d < rank; ++d)
          ids.push_back(linalg::IndexOp::create(nb, d));
        linalg::YieldOp::create(nb, body(nb, ids));
      });
  return generic.getResult(0);
}

/// Where iteration `i` of a loop over disjoint slices of a tensor writes:
/// the slice's offsets and sizes.
using SliceAt = function_ref<
    std::pair<SmallVector<OpFoldResult>, SmallVector<OpFoldResult>>(
        ImplicitLocOpBuilder &, Value i)>;

/// Iteration `i` of such a loop: writes its slice into `target` and returns
/// it. `target` is the whole tensor, or with `parallel` the slice alone, whose
/// position in the tensor `offsets` gives (zeros for the whole tensor).
using SliceBody = function_ref<Value(ImplicitLocOpBuilder &, Value target,
                                     Value i, ArrayRef<Value> offsets)>;

/// Runs `count` iterations of `body` over `init`, each writing only the
/// slice `sliceAt(i)`: an scf.for threading the tensor through, or with
/// `parallel` an scf.forall whose iterations (threads, once lowered through
/// OpenMP) write their slices in parallel.
Value buildSliceLoop(ImplicitLocOpBuilder &b, Value init, Value count,
                     bool parallel, SliceAt sliceAt, SliceBody body) {
  auto type = cast<RankedTensorType>(init.getType());
  if (!parallel) {
    SmallVector<Value> zeros(type.getRank(), index(b, 0));
    auto loop = scf::ForOp::create(
        b, index(b, 0), count, index(b, 1), ValueRange{init},
        [&](OpBuilder &nested, Location loc, Value i, ValueRange args) {
          ImplicitLocOpBuilder lb(loc, nested);
          scf::YieldOp::create(lb, body(lb, args[0], i, zeros));
        });
    return loop.getResult(0);
  }
  auto forall = scf::ForallOp::create(b, ArrayRef<OpFoldResult>{count},
                                      ValueRange{init}, std::nullopt);
  OpBuilder::InsertionGuard guard(b);
  b.setInsertionPointToStart(forall.getBody());
  Value i = forall.getInductionVars()[0];
  auto [offsets, sizes] = sliceAt(b, i);
  SmallVector<OpFoldResult> strides(type.getRank(), b.getIndexAttr(1));
  Value shared = forall.getRegionIterArgs()[0];
  Value slice =
      tensor::ExtractSliceOp::create(b, shared, offsets, sizes, strides);
  SmallVector<Value> offsetValues;
  for (OpFoldResult offset : offsets)
    offsetValues.push_back(
        getValueOrCreateConstantIndexOp(b, b.getLoc(), offset));
  Value written = body(b, slice, i, offsetValues);
  b.setInsertionPointToStart(forall.getTerminator().getBody());
  tensor::ParallelInsertSliceOp::create(b, written, shared, offsets, sizes,
                                        strides);
  return forall.getResult(0);
}

/// The transpose of a square block given as its rows (L vectors of L
/// lanes, L a power of two): stage h swaps bit h of the row and column
/// indices with one vector.shuffle per row, which x86 backends select as
/// unpack, blend and lane-permute instructions (L log2 L shuffles instead of
/// L^2 element moves).
SmallVector<Value> transposeBlock(ImplicitLocOpBuilder &b,
                                  ArrayRef<Value> rows) {
  int64_t lanes = rows.size();
  SmallVector<Value> current(rows);
  for (int64_t h = 1; h < lanes; h *= 2) {
    SmallVector<int64_t> low, high;
    for (int64_t j = 0; j < lanes; ++j) {
      low.push_back(j & h ? lanes + j - h : j);
      high.push_back(j & h ? lanes + j : j + h);
    }
    SmallVector<Value> next(current);
    for (int64_t r = 0; r < lanes; ++r) {
      if (r & h)
        continue;
      next[r] = vector::ShuffleOp::create(b, current[r], current[r + h], low);
      next[r + h] =
          vector::ShuffleOp::create(b, current[r], current[r + h], high);
    }
    current = std::move(next);
  }
  return current;
}

/// Row `row` of the 2-D `source` from column `firstCol`, `count` elements,
/// zero beyond either end of the tensor. Reads that lie inside are plain
/// vector loads; the others are masked (x86 has no masked loads of i16 or
/// i8: LLVM tests each lane), and only the transferred dimension may run out
/// of bounds, so a row beyond the end reads the last one, then zeros.
Value readRowOrZero(ImplicitLocOpBuilder &b, Value source, Value row,
                    Value firstCol, int64_t count) {
  auto type = cast<RankedTensorType>(source.getType());
  auto vectorType = VectorType::get({count}, type.getElementType());
  Value rows = tensor::DimOp::create(b, source, 0);
  Value cols = tensor::DimOp::create(b, source, 1);
  using P = arith::CmpIPredicate;
  Value inside = arith::CmpIOp::create(b, P::ult, row, rows);
  Value whole = arith::CmpIOp::create(
      b, P::ule, arith::AddIOp::create(b, firstCol, index(b, count)), cols);
  auto read = [&](OpBuilder &nested, Location loc, bool inBounds) {
    ImplicitLocOpBuilder rb(loc, nested);
    Value zero = arith::ConstantOp::create(
        rb, cast<TypedAttr>(rb.getZeroAttr(type.getElementType())));
    if (inBounds) {
      scf::YieldOp::create(
          rb, Value(vector::TransferReadOp::create(
                  rb, vectorType, source, ValueRange{row, firstCol}, zero,
                  ArrayRef<bool>{true})));
      return;
    }
    Value safeRow = arith::MinUIOp::create(
        rb, row, arith::SubIOp::create(rb, rows, index(rb, 1)));
    Value masked = vector::TransferReadOp::create(rb, vectorType, source,
                                                  ValueRange{safeRow, firstCol},
                                                  zero, ArrayRef<bool>{false});
    Value zeros = arith::ConstantOp::create(
        rb, cast<TypedAttr>(rb.getZeroAttr(vectorType)));
    scf::YieldOp::create(
        rb, Value(arith::SelectOp::create(rb, inside, masked, zeros)));
  };
  return scf::IfOp::create(
             b, arith::AndIOp::create(b, inside, whole),
             [&](OpBuilder &nb, Location loc) { read(nb, loc, true); },
             [&](OpBuilder &nb, Location loc) { read(nb, loc, false); })
      .getResult(0);
}

/// `count` values of a matmul operand from row `row`, column `firstCol`, as
/// i16 clamped as the contraction requires, zero beyond the operand: its
/// storage read, or its floats read and quantized.
Value readOperandRow(ImplicitLocOpBuilder &b, const Operand &operand, Value row,
                     Value firstCol, int64_t count) {
  Value values = readRowOrZero(b, operand.getPacked(), row, firstCol, count);
  if (operand.quantization) {
    // Quantizing with -e fraction bits, as fxp.quantize_dfp does.
    Value frac = vector::BroadcastOp::create(
        b, VectorType::get({count}, b.getI64Type()),
        arith::SubIOp::create(b, createIntConstant(b, 0, 64),
                              operand.exponent));
    Value mantissas =
        emitQuantizeFloat(b, values, frac, *operand.quantization, Value());
    values = arith::TruncIOp::create(
        b, VectorType::get({count}, b.getI16Type()), mantissas);
  }
  return widenAndClamp(b, values, operand.clampBelow);
}

/// Vector `i` of the L x L block of a packing whose first result row is
/// `firstRow` and first word `firstWord` (words are i32 pairs of i16, or
/// f32), read as the source stores it contiguously: either row
/// `firstRow + i`'s words from `firstWord` (lanes are words), or word
/// `firstWord + i` of the rows from `firstRow` (lanes are rows). Zero beyond
/// the source.
using ReadBlockVector = function_ref<Value(
    ImplicitLocOpBuilder &, Value firstRow, Value firstWord, int64_t i)>;

/// The fewest iterations an scf.forall of packing needs to keep threads
/// busy.
constexpr int64_t kMinParallelIterations = 8;

/// Packs an operand in L x L blocks of vectors, into `result[r][w]`
/// (`rowMajor`, a [rows][words] tensor) or `result[r / L][w][r % L]` (a
/// [rows / L][words][L] tensor), for `rows` rows (a multiple of L) and
/// `words` words rounded up to whole blocks. The block's vectors are stored
/// as read when their lanes run the way the result's do, and transposed in
/// registers first with `transpose` (a transposed matmul operand, whose
/// packed layout runs across its storage rows). In the 3-D layout without
/// `transpose`, each read may cover `span` row blocks (`span` L lanes, for
/// `rows` a multiple of `span` L: with AVX-512, a tile's two column vectors
/// are 64 bytes of i16), stored as `span` vectors; reads of L lanes would
/// fetch every cache line twice. With `parallel`, the outer loop (see below)
/// runs as scf.forall iterations.
Value buildBlockPacking(ImplicitLocOpBuilder &b, int64_t lanes, Type wordType,
                        Value rows, Value words, bool rowMajor, bool transpose,
                        bool parallel, ReadBlockVector readBlockVector,
                        int64_t span = 1) {
  assert((span == 1 || (!transpose && !rowMajor)) &&
         "only lanes along the 3-D layout's rows span blocks");
  assert((!getConstantIntValue(rows) ||
          *getConstantIntValue(rows) % (span * lanes) == 0) &&
         "reads would run past the packed rows");
  Value rowBlocks = ceilDiv(b, rows, lanes);
  Value wordBlocks = ceilDiv(b, words, lanes);
  Value paddedWords = multiply(b, wordBlocks, lanes);
  Value init =
      rowMajor
          ? createEmpty(b, {rows, paddedWords}, wordType)
          : createEmpty(b, {rowBlocks, paddedWords, index(b, lanes)}, wordType);
  Value zero = index(b, 0), one = index(b, 1);
  // The block of row group `group` (`span` row blocks) and word block
  // `wordBlock`, written into `target`, whose first row (or row block) and
  // word are `rowBase` and `wordBase` of the whole result.
  auto packBlock = [&](ImplicitLocOpBuilder &lb, Value target, Value group,
                       Value wordBlock, Value rowBase, Value wordBase) {
    Value firstRow = multiply(lb, group, span * lanes);
    Value firstWord = multiply(lb, wordBlock, lanes);
    // Untransposed vectors are stored as soon as read: a whole block would
    // not fit in registers.
    SmallVector<Value> stored;
    if (transpose) {
      SmallVector<Value> block;
      for (int64_t i = 0; i < lanes; ++i)
        block.push_back(readBlockVector(lb, firstRow, firstWord, i));
      stored = transposeBlock(lb, block);
    }
    Value result = target;
    for (int64_t r = 0; r < lanes; ++r) {
      if (!transpose)
        stored.push_back(readBlockVector(lb, firstRow, firstWord, r));
      for (int64_t s = 0; s < span; ++s) {
        Value piece = stored[r];
        if (span > 1)
          piece = vector::ExtractStridedSliceOp::create(
              lb, piece, ArrayRef<int64_t>{s * lanes}, ArrayRef<int64_t>{lanes},
              ArrayRef<int64_t>{1});
        SmallVector<Value> at;
        if (rowMajor)
          at = {arith::SubIOp::create(
                    lb, arith::AddIOp::create(lb, firstRow, index(lb, r)),
                    rowBase),
                arith::SubIOp::create(lb, firstWord, wordBase)};
        else
          at = {arith::SubIOp::create(
                    lb,
                    arith::AddIOp::create(lb, multiply(lb, group, span),
                                          index(lb, s)),
                    rowBase),
                arith::SubIOp::create(
                    lb, arith::AddIOp::create(lb, firstWord, index(lb, r)),
                    wordBase),
                zero};
        result = vector::TransferWriteOp::create(lb, piece, result, at,
                                                 ArrayRef<bool>{true})
                     .getResult();
      }
    }
    return result;
  };
  Value groups = ceilDiv(b, rowBlocks, span);
  // The blocks of one row group (`groupFixed`) or one word block, the
  // other index running over `count`.
  auto packBlocks = [&](ImplicitLocOpBuilder &ob, Value target, Value count,
                        Value fixed, bool groupFixed, ArrayRef<Value> offsets) {
    auto loop = scf::ForOp::create(
        ob, zero, count, one, ValueRange{target},
        [&](OpBuilder &b1, Location loc, Value i, ValueRange args) {
          ImplicitLocOpBuilder lb(loc, b1);
          Value group = groupFixed ? fixed : i,
                wordBlock = groupFixed ? i : fixed;
          scf::YieldOp::create(lb, packBlock(lb, args[0], group, wordBlock,
                                             offsets[0], offsets[1]));
        });
    return loop.getResult(0);
  };
  // Untransposed in the 3-D layout, the source's rows run along the words
  // (B's pairs lie in two of its rows): word blocks are then the outer loop,
  // so that each source row is read in order. Row blocks outside would read
  // a panel of every row, then the next, at a stride prefetchers miss. On
  // threads, word blocks are outside only when there are enough of them (a
  // weight gradient's k is the batch, often one block).
  std::optional<int64_t> staticWordBlocks = getConstantIntValue(wordBlocks);
  if (!rowMajor && !transpose &&
      (!parallel ||
       (staticWordBlocks && *staticWordBlocks >= kMinParallelIterations))) {
    auto sliceAt = [&](ImplicitLocOpBuilder &sb, Value wordBlock) {
      SmallVector<OpFoldResult> offsets = {sb.getIndexAttr(0),
                                           multiply(sb, wordBlock, lanes),
                                           sb.getIndexAttr(0)};
      SmallVector<OpFoldResult> sizes = {getAsOpFoldResult(rowBlocks),
                                         sb.getIndexAttr(lanes),
                                         sb.getIndexAttr(lanes)};
      return std::make_pair(offsets, sizes);
    };
    auto packWordBlock = [&](ImplicitLocOpBuilder &ob, Value target,
                             Value wordBlock, ArrayRef<Value> offsets) {
      return packBlocks(ob, target, groups, wordBlock, /*groupFixed=*/false,
                        offsets);
    };
    return buildSliceLoop(b, init, wordBlocks, parallel, sliceAt,
                          packWordBlock);
  }
  // Row group `group` (its rows, or its row blocks in the 3-D layout, at
  // `offsets[0]` of the whole result).
  auto sliceAt = [&](ImplicitLocOpBuilder &sb, Value group) {
    SmallVector<OpFoldResult> offsets(rowMajor ? 2 : 3, sb.getIndexAttr(0));
    offsets[0] =
        rowMajor ? multiply(sb, group, lanes) : multiply(sb, group, span);
    SmallVector<OpFoldResult> sizes = {sb.getIndexAttr(rowMajor ? lanes : span),
                                       getAsOpFoldResult(paddedWords)};
    if (!rowMajor)
      sizes.push_back(sb.getIndexAttr(lanes));
    return std::make_pair(offsets, sizes);
  };
  auto packRowGroup = [&](ImplicitLocOpBuilder &ob, Value target, Value group,
                          ArrayRef<Value> offsets) {
    return packBlocks(ob, target, wordBlocks, group, /*groupFixed=*/true,
                      offsets);
  };
  return buildSliceLoop(b, init, groups, parallel, sliceAt, packRowGroup);
}

/// `acc + a_even * b_even + a_odd * b_odd` per i32 lane, wrapping or
/// saturating: one vpdpwssd(s) with VNNI, vpmaddwd and an add without.
Value pairDot(ImplicitLocOpBuilder &b, X86Target target, bool saturating,
              Value acc, Value a, Value bv) {
  if (target == X86Target::AVX512VNNI) {
    if (saturating)
      return X86DotPairsSaturatingOp::create(b, acc.getType(), acc, a, bv);
    return X86DotPairsOp::create(b, acc.getType(), acc, a, bv);
  }
  Value products = X86MultiplyAddPairsOp::create(b, acc.getType(), a, bv);
  if (saturating)
    return emitSaturatingAdd(b, acc, products);
  return arith::AddIOp::create(b, acc, products);
}

/// The sums of one register tile: `rows * vectors` f32 vectors for the tile
/// whose first row is `firstRow` and first column vector `firstVector`.
using TileSums = function_ref<SmallVector<Value>(
    ImplicitLocOpBuilder &, Value firstRow, Value firstVector)>;

/// Loops over the row and column tiles of a result padded to whole tiles,
/// stores each tile's sums, and returns the result cut to `m` x `n`. With
/// `parallel`, column panels are the iterations of an `scf.forall` (threads
/// once lowered through OpenMP); every tile's sums are the same either way.
Value buildTiledResult(ImplicitLocOpBuilder &b, TileShape tile, Value rowTiles,
                       Value colTiles, Value m, Value n,
                       RankedTensorType resultType, bool parallel,
                       TileSums tileSums) {
  int64_t rows = tile.rows, vectors = tile.vectors, lanes = tile.lanes;
  Value paddedRows = multiply(b, rowTiles, rows);
  Value padded = createEmpty(
      b, {paddedRows, multiply(b, colTiles, vectors * lanes)}, b.getF32Type());
  Value zero = index(b, 0), one = index(b, 1);
  // Column panel `colTile`: all rows, one tile of columns.
  auto sliceAt = [&](ImplicitLocOpBuilder &sb, Value colTile) {
    SmallVector<OpFoldResult> offsets = {
        sb.getIndexAttr(0), multiply(sb, colTile, vectors * lanes)};
    SmallVector<OpFoldResult> sizes = {paddedRows,
                                       sb.getIndexAttr(vectors * lanes)};
    return std::make_pair(offsets, sizes);
  };
  // The tiles of column panel `colTile`, stored into `target` whose first
  // column is `offsets[1]` of the result's.
  auto storePanel = [&](ImplicitLocOpBuilder &ob, Value target, Value colTile,
                        ArrayRef<Value> offsets) -> Value {
    Value firstCol = offsets[1];
    auto rowLoop = scf::ForOp::create(
        ob, zero, rowTiles, one, ValueRange{target},
        [&](OpBuilder &b2, Location loc2, Value rowTile, ValueRange rowArgs) {
          ImplicitLocOpBuilder rb(loc2, b2);
          Value firstRow = multiply(rb, rowTile, rows);
          Value firstVector = multiply(rb, colTile, vectors);
          SmallVector<Value> sums = tileSums(rb, firstRow, firstVector);
          Value result = rowArgs[0];
          for (int64_t r = 0; r < rows; ++r) {
            Value row = arith::AddIOp::create(rb, firstRow, index(rb, r));
            for (int64_t v = 0; v < vectors; ++v) {
              Value col = arith::SubIOp::create(
                  rb,
                  multiply(rb,
                           arith::AddIOp::create(rb, firstVector, index(rb, v)),
                           lanes),
                  firstCol);
              result = vector::TransferWriteOp::create(
                           rb, sums[r * vectors + v], result,
                           ValueRange{row, col}, ArrayRef<bool>{true})
                           .getResult();
            }
          }
          scf::YieldOp::create(rb, result);
        });
    return rowLoop.getResult(0);
  };
  Value tiled =
      buildSliceLoop(b, padded, colTiles, parallel, sliceAt, storePanel);
  SmallVector<OpFoldResult> offsets(2, b.getIndexAttr(0));
  SmallVector<OpFoldResult> strides(2, b.getIndexAttr(1));
  SmallVector<OpFoldResult> sizes;
  for (auto [i, size] : llvm::enumerate(ValueRange{m, n}))
    sizes.push_back(resultType.isDynamicDim(i)
                        ? OpFoldResult(size)
                        : b.getIndexAttr(resultType.getDimSize(i)));
  return tensor::ExtractSliceOp::create(b, resultType, tiled, offsets, sizes,
                                        strides);
}

/// The `vectors` consecutive B vectors at `k` of a packed [N/L][K][L] B, as
/// `type` (i32 pairs are read as twice as many i16 lanes).
SmallVector<Value> readBVectors(ImplicitLocOpBuilder &b, Value packedB,
                                VectorType type, Value firstVector, Value k,
                                int64_t vectors) {
  auto packedType = cast<RankedTensorType>(packedB.getType());
  auto readType = VectorType::get({packedType.getShape().back()},
                                  packedType.getElementType());
  Value pad = arith::ConstantOp::create(
      b, cast<TypedAttr>(b.getZeroAttr(readType.getElementType())));
  SmallVector<Value> result;
  for (int64_t v = 0; v < vectors; ++v) {
    Value read = vector::TransferReadOp::create(
        b, readType, packedB,
        ValueRange{arith::AddIOp::create(b, firstVector, index(b, v)), k,
                   index(b, 0)},
        pad, ArrayRef<bool>{true});
    result.push_back(
        readType == type ? read : vector::BitCastOp::create(b, type, read));
  }
  return result;
}

/// The loops of a contraction that is not a plain matmul (batched matmuls,
/// convolutions, any `fxp.contract`), grouped as a matmul sees them: batch
/// loops index both operands and the result, m loops only A and the result,
/// n loops only B and the result, and k loops are the reductions. Within a
/// group, loops keep their order and linearize row-major, so k runs in the
/// order of SEMANTICS §6.
struct LoopGroups {
  SmallVector<unsigned> batch, m, n, k;
  /// Static loop sizes (kDynamic where unknown).
  SmallVector<int64_t> sizes;
};

/// Groups the loops of `maps` over operands of `shapes`, or std::nullopt
/// when a loop other than the first of its group has no static size (the
/// linearization needs constant strides).
std::optional<LoopGroups> getLoopGroups(ArrayRef<AffineMap> maps,
                                        ArrayRef<ArrayRef<int64_t>> shapes) {
  unsigned numLoops = maps[2].getNumDims();
  LoopGroups groups;
  groups.sizes.assign(numLoops, ShapedType::kDynamic);
  for (auto [map, shape] : llvm::zip(maps, shapes))
    for (auto [position, expr] : llvm::enumerate(map.getResults()))
      if (auto dim = dyn_cast<AffineDimExpr>(expr))
        if (!ShapedType::isDynamic(shape[position]))
          groups.sizes[dim.getPosition()] = shape[position];
  for (unsigned loop = 0; loop < numLoops; ++loop) {
    bool inA = maps[0].isFunctionOfDim(loop),
         inB = maps[1].isFunctionOfDim(loop);
    if (!maps[2].isFunctionOfDim(loop))
      groups.k.push_back(loop);
    else if (inA && inB)
      groups.batch.push_back(loop);
    else if (inB)
      groups.n.push_back(loop);
    else
      groups.m.push_back(loop);
  }
  for (ArrayRef<unsigned> group : {ArrayRef(groups.batch), ArrayRef(groups.m),
                                   ArrayRef(groups.n), ArrayRef(groups.k)})
    for (unsigned loop : group.drop_front(group.empty() ? 0 : 1))
      if (ShapedType::isDynamic(groups.sizes[loop]))
        return std::nullopt;
  return groups;
}

/// The row-major strides of a group's loops (the first one's is the product
/// of the others' static sizes).
SmallVector<int64_t> getStrides(const LoopGroups &groups,
                                ArrayRef<unsigned> group) {
  SmallVector<int64_t> strides(group.size(), 1);
  for (int64_t i = int64_t(group.size()) - 2; i >= 0; --i)
    strides[i] = strides[i + 1] * groups.sizes[group[i + 1]];
  return strides;
}

/// Writes into `values` (indexed by loop) the loops of `group` that the
/// linear index `linear` stands for.
void delinearize(ImplicitLocOpBuilder &b, const LoopGroups &groups,
                 ArrayRef<unsigned> group, Value linear,
                 MutableArrayRef<Value> values) {
  SmallVector<int64_t> strides = getStrides(groups, group);
  for (auto [i, loop] : llvm::enumerate(group)) {
    Value v = arith::DivUIOp::create(b, linear, index(b, strides[i]));
    if (i > 0)
      v = arith::RemUIOp::create(b, v, index(b, groups.sizes[loop]));
    values[loop] = v;
  }
}

/// The product of the sizes of a group's loops.
Value getGroupSize(ImplicitLocOpBuilder &b, ArrayRef<unsigned> group,
                   ArrayRef<Value> loopSizes) {
  Value size = index(b, 1);
  for (unsigned loop : group)
    size = b.createOrFold<arith::MulIOp>(size, loopSizes[loop]);
  return size;
}

/// The element of `source` that `map` reads at the loop `values`.
Value gatherElement(ImplicitLocOpBuilder &b, Value source, AffineMap map,
                    ArrayRef<Value> values) {
  SmallVector<Value, 8> indices =
      *affine::expandAffineMap(b, b.getLoc(), map, values);
  return tensor::ExtractOp::create(b, source, indices);
}

/// Each loop's size: static, or the dimension of an operand that it indexes
/// alone (fxp ops verify that one does).
SmallVector<Value> getLoopSizes(ImplicitLocOpBuilder &b,
                                const LoopGroups &groups,
                                ArrayRef<AffineMap> maps,
                                ArrayRef<Value> operands) {
  SmallVector<Value> loopSizes(groups.sizes.size());
  for (auto [loop, size] : llvm::enumerate(groups.sizes))
    if (!ShapedType::isDynamic(size))
      loopSizes[loop] = index(b, size);
  for (auto [map, operand] : llvm::zip(maps, operands))
    for (auto [position, expr] : llvm::enumerate(map.getResults()))
      if (auto dim = dyn_cast<AffineDimExpr>(expr);
          dim && !loopSizes[dim.getPosition()])
        loopSizes[dim.getPosition()] =
            tensor::DimOp::create(b, operand, position);
  assert(llvm::all_of(loopSizes, [](Value size) { return size; }) &&
         "a loop's size is neither static nor an operand's dimension");
  return loopSizes;
}

/// Writes into `values` the loops of `group` that linear index `linear`
/// stands for, and returns whether it lies below `size`; outside, index 0
/// stands in.
Value locate(ImplicitLocOpBuilder &b, const LoopGroups &groups,
             ArrayRef<unsigned> group, Value linear, Value size,
             MutableArrayRef<Value> values) {
  Value inside =
      arith::CmpIOp::create(b, arith::CmpIPredicate::ult, linear, size);
  delinearize(b, groups, group,
              arith::SelectOp::create(b, inside, linear, index(b, 0)), values);
  return inside;
}

/// Fills the k loops' `values` of one packed element (for pairs, of its
/// `half`: an index, 0 or 1) and returns whether that k lies inside the
/// problem.
using KLocator = function_ref<Value(ImplicitLocOpBuilder &, Value half,
                                    MutableArrayRef<Value> values)>;

/// An operand gathered into a packed layout [leading..., K, trailing...]
/// (K the k loops linearized, in pairs of consecutive k with `pairs`) by a
/// linalg.generic that iterates the k loops themselves, so that no element
/// divides its k apart. With `pairs` the innermost k loop must have an even
/// static size (no pair straddles two of its runs). Without k loops K is 1.
/// `body` gets the leading and trailing indices and a KLocator.
Value buildPackedGather(ImplicitLocOpBuilder &b, ArrayRef<Value> leading,
                        ArrayRef<Value> trailing, const LoopGroups &groups,
                        ArrayRef<Value> loopSizes, Value k, bool pairs,
                        Type elementType,
                        function_ref<Value(ImplicitLocOpBuilder &, ValueRange,
                                           ValueRange, KLocator)>
                            body) {
  int64_t innermost = groups.k.empty() ? 0 : groups.sizes[groups.k.back()];
  assert(!pairs || groups.k.empty() ||
         (!ShapedType::isDynamic(innermost) && innermost % 2 == 0));
  bool expand = !groups.k.empty();
  SmallVector<Value> sizes(leading);
  if (expand) {
    for (unsigned loop : groups.k)
      sizes.push_back(loopSizes[loop]);
    if (pairs)
      sizes.back() = index(b, innermost / 2);
  } else {
    sizes.push_back(pairs ? ceilDiv(b, k, 2) : k);
  }
  unsigned kDims = sizes.size() - leading.size();
  sizes.append(trailing.begin(), trailing.end());
  Value gathered = buildGather(
      b, sizes, elementType, [&](ImplicitLocOpBuilder &nb, ValueRange ids) {
        ValueRange kIds = ids.slice(leading.size(), kDims);
        auto locateK = [&](ImplicitLocOpBuilder &lb, Value half,
                           MutableArrayRef<Value> values) -> Value {
          auto position = [&](Value id) -> Value {
            if (!pairs)
              return id;
            return arith::AddIOp::create(lb, multiply(lb, id, 2), half);
          };
          if (expand) {
            for (auto [loop, id] : llvm::zip(groups.k, kIds))
              values[loop] = id;
            values[groups.k.back()] = position(kIds.back());
            return arith::ConstantIntOp::create(lb, lb.getI1Type(), 1);
          }
          return locate(lb, groups, groups.k, position(kIds.front()), k,
                        values);
        };
        return body(nb, ids.take_front(leading.size()),
                    ids.drop_front(leading.size() + kDims), locateK);
      });
  if (!expand || kDims == 1)
    return gathered;
  // One dimension for the k loops, as the kernels index them.
  SmallVector<ReassociationIndices> groupsOfDims;
  int64_t dim = 0;
  for (size_t i = 0; i < leading.size(); ++i)
    groupsOfDims.push_back({dim++});
  ReassociationIndices kGroup;
  for (unsigned i = 0; i < kDims; ++i)
    kGroup.push_back(dim++);
  groupsOfDims.push_back(kGroup);
  for (size_t i = 0; i < trailing.size(); ++i)
    groupsOfDims.push_back({dim++});
  return tensor::CollapseShapeOp::create(b, gathered, groupsOfDims);
}

/// Pair words from single elements: `single` holds the `k` elements of each
/// row along dimension `kDim`; the result holds ceil(k / 2) i32 words there,
/// word p the elements 2p (low half) and 2p + 1 (zero beyond k).
Value pairUp(ImplicitLocOpBuilder &b, Value single, unsigned kDim, Value k) {
  auto type = cast<RankedTensorType>(single.getType());
  SmallVector<Value> sizes;
  for (int64_t d = 0; d < type.getRank(); ++d)
    sizes.push_back(d == kDim ? ceilDiv(b, k, 2) : getSize(b, single, d));
  Value last = arith::SubIOp::create(b, k, index(b, 1));
  return buildGather(
      b, sizes, b.getI32Type(), [&](ImplicitLocOpBuilder &nb, ValueRange ids) {
        SmallVector<Value> at(ids);
        at[kDim] = multiply(nb, ids[kDim], 2);
        Value even = tensor::ExtractOp::create(nb, single, at);
        Value next = arith::AddIOp::create(nb, at[kDim], index(nb, 1));
        at[kDim] = arith::MinUIOp::create(nb, next, last);
        Value odd = arith::SelectOp::create(
            nb, arith::CmpIOp::create(nb, arith::CmpIPredicate::ult, next, k),
            tensor::ExtractOp::create(nb, single, at),
            arith::ConstantOp::create(
                nb, cast<TypedAttr>(nb.getZeroAttr(even.getType()))));
        return packPair(nb, even, odd);
      });
}

/// A contraction computed as [batch, m, n]: `perBatch` returns the [m, n]
/// result of one batch (given the batch loops' values), and a last copy puts
/// each element where the result map wants it, added to `init` when given.
Value buildGroupedContraction(
    ImplicitLocOpBuilder &b, ArrayRef<AffineMap> maps, const LoopGroups &groups,
    ArrayRef<Value> loopSizes, RankedTensorType resultType, Value init,
    function_ref<Value(ImplicitLocOpBuilder &, ArrayRef<Value>)> perBatch) {
  unsigned numLoops = maps[2].getNumDims();
  Value batches = getGroupSize(b, groups.batch, loopSizes);
  Value m = getGroupSize(b, groups.m, loopSizes);
  Value n = getGroupSize(b, groups.n, loopSizes);
  // Without batch loops (convolutions) the one [m, n] result is read as it
  // is; otherwise each batch's goes into a [batch, m, n] tensor.
  Value computed;
  if (groups.batch.empty()) {
    computed = perBatch(b, SmallVector<Value>(numLoops, index(b, 0)));
  } else {
    Value all = createEmpty(b, {batches, m, n}, b.getF32Type());
    auto batchLoop = scf::ForOp::create(
        b, index(b, 0), batches, index(b, 1), ValueRange{all},
        [&](OpBuilder &b1, Location loc, Value batch, ValueRange iterArgs) {
          ImplicitLocOpBuilder lb(loc, b1);
          SmallVector<Value> batchValues(numLoops, index(lb, 0));
          delinearize(lb, groups, groups.batch, batch, batchValues);
          Value tiles = perBatch(lb, batchValues);
          SmallVector<OpFoldResult> offsets = {batch, lb.getIndexAttr(0),
                                               lb.getIndexAttr(0)};
          SmallVector<OpFoldResult> sizes = {
              lb.getIndexAttr(1), getAsOpFoldResult(m), getAsOpFoldResult(n)};
          SmallVector<OpFoldResult> strides(3, lb.getIndexAttr(1));
          scf::YieldOp::create(
              lb, Value(tensor::InsertSliceOp::create(
                      lb, tiles, iterArgs[0], offsets, sizes, strides)));
        });
    computed = batchLoop.getResult(0);
  }

  // A result laid out as the batch loops, the m loops and the n loops, each
  // in order, is the computed [batch, m, n] (or [m, n]) reshaped (NHWC
  // convolutions, batched matmuls): no copy.
  SmallVector<ArrayRef<unsigned>> slotGroups;
  if (!groups.batch.empty())
    slotGroups.push_back(groups.batch);
  slotGroups.append({groups.m, groups.n});
  SmallVector<AffineExpr> inOrder;
  for (ArrayRef<unsigned> group : slotGroups)
    for (unsigned loop : group)
      inOrder.push_back(b.getAffineDimExpr(loop));
  if (!init && !groups.m.empty() && !groups.n.empty() &&
      maps[2].getResults() == ArrayRef(inOrder)) {
    SmallVector<ReassociationIndices> reassociation;
    SmallVector<OpFoldResult> shape;
    for (ArrayRef<unsigned> group : slotGroups) {
      ReassociationIndices dims;
      for (unsigned loop : group) {
        int64_t position = shape.size();
        dims.push_back(position);
        shape.push_back(resultType.isDynamicDim(position)
                            ? OpFoldResult(loopSizes[loop])
                            : b.getIndexAttr(resultType.getDimSize(position)));
      }
      reassociation.push_back(dims);
    }
    if (reassociation.size() == shape.size())
      return computed.getType() == resultType
                 ? computed
                 : tensor::CastOp::create(b, resultType, computed).getResult();
    return tensor::ExpandShapeOp::create(b, resultType, computed, reassociation,
                                         shape);
  }

  // The result reads [batch, m, n] (or [m, n]) at its loops' linear indices.
  SmallVector<AffineExpr> linear(3, b.getAffineConstantExpr(0));
  SmallVector<Value> dynamicSizes;
  ArrayRef<unsigned> slots[] = {groups.batch, groups.m, groups.n};
  for (auto [position, expr] : llvm::enumerate(maps[2].getResults())) {
    unsigned loop = cast<AffineDimExpr>(expr).getPosition();
    if (resultType.isDynamicDim(position))
      dynamicSizes.push_back(loopSizes[loop]);
    for (auto [slot, group] : llvm::enumerate(slots)) {
      SmallVector<int64_t> strides = getStrides(groups, group);
      for (auto [i, member] : llvm::enumerate(group))
        if (member == loop)
          linear[slot] =
              linear[slot] + b.getAffineDimExpr(position) * strides[i];
    }
  }
  unsigned rank = resultType.getRank();
  Value empty = tensor::EmptyOp::create(b, resultType.getShape(),
                                        b.getF32Type(), dynamicSizes);
  SmallVector<Value> inputs = {computed};
  ArrayRef<AffineExpr> read(linear);
  if (groups.batch.empty())
    read = read.drop_front();
  SmallVector<AffineMap> copyMaps = {
      AffineMap::get(rank, 0, read, b.getContext())};
  if (init) {
    inputs.push_back(init);
    copyMaps.push_back(b.getMultiDimIdentityMap(rank));
  }
  copyMaps.push_back(b.getMultiDimIdentityMap(rank));
  return linalg::GenericOp::create(
             b, TypeRange{resultType}, inputs, ValueRange{empty}, copyMaps,
             SmallVector<utils::IteratorType>(rank,
                                              utils::IteratorType::parallel),
             [&](OpBuilder &nested, Location loc, ValueRange args) {
               Value v = args[0];
               if (init)
                 v = arith::AddFOp::create(nested, loc, args[1], v);
               linalg::YieldOp::create(nested, loc, v);
             })
      .getResult(0);
}

/// A packed [rows][K] (or, with `pairs`, [rows][K/2] i32 pair words) A of a
/// contraction whose innermost k loop A reads alone in its last dimension:
/// each run of that loop is one vector load of `source` (`convert`ed
/// lane-wise), zero for rows beyond `m`. With `parallel`, rows are
/// scf.forall iterations.
Value buildRunPackedRows(
    ImplicitLocOpBuilder &b, Value source, AffineMap map,
    const LoopGroups &groups, ArrayRef<Value> loopSizes,
    ArrayRef<Value> batchValues, Value rows, Value m, Value k, bool pairs,
    Type packedType, bool parallel,
    function_ref<Value(ImplicitLocOpBuilder &, Value)> convert) {
  unsigned innermost = groups.k.back();
  int64_t run = groups.sizes[innermost];
  int64_t words = pairs ? run / 2 : run;
  ArrayRef<unsigned> outerK = ArrayRef<unsigned>(groups.k).drop_back();
  Value runs = getGroupSize(b, outerK, loopSizes);
  Value rowWords = pairs ? ceilDiv(b, k, 2) : k;
  Value init = createEmpty(b, {rows, rowWords}, packedType);
  auto sourceType = cast<RankedTensorType>(source.getType());
  auto runType = VectorType::get({run}, sourceType.getElementType());
  auto sliceAt = [&](ImplicitLocOpBuilder &sb, Value row) {
    SmallVector<OpFoldResult> offsets = {row, sb.getIndexAttr(0)};
    SmallVector<OpFoldResult> sizes = {sb.getIndexAttr(1),
                                       getAsOpFoldResult(rowWords)};
    return std::make_pair(offsets, sizes);
  };
  auto packRow = [&](ImplicitLocOpBuilder &rb, Value target, Value row,
                     ArrayRef<Value> offsets) -> Value {
    SmallVector<Value> values(batchValues);
    Value inside = locate(rb, groups, groups.m, row, m, values);
    Value targetRow = arith::SubIOp::create(rb, row, offsets[0]);
    auto runLoop = scf::ForOp::create(
        rb, index(rb, 0), runs, index(rb, 1), ValueRange{target},
        [&](OpBuilder &b2, Location loc2, Value outer, ValueRange args) {
          ImplicitLocOpBuilder lb(loc2, b2);
          SmallVector<Value> at(values);
          delinearize(lb, groups, outerK, outer, at);
          at[innermost] = index(lb, 0);
          SmallVector<Value, 8> indices =
              *affine::expandAffineMap(lb, lb.getLoc(), map, at);
          Value zero = arith::ConstantOp::create(
              lb, cast<TypedAttr>(lb.getZeroAttr(sourceType.getElementType())));
          Value loaded = convert(
              lb, vector::TransferReadOp::create(lb, runType, source, indices,
                                                 zero, ArrayRef<bool>{true}));
          Value v = arith::SelectOp::create(
              lb, inside, loaded,
              arith::ConstantOp::create(
                  lb, cast<TypedAttr>(lb.getZeroAttr(loaded.getType()))));
          if (pairs)
            v = vector::BitCastOp::create(
                lb, VectorType::get({words}, packedType), v);
          scf::YieldOp::create(
              lb, vector::TransferWriteOp::create(
                      lb, v, args[0],
                      ValueRange{targetRow, multiply(lb, outer, words)},
                      ArrayRef<bool>{true})
                      .getResult());
        });
    return runLoop.getResult(0);
  };
  return buildSliceLoop(b, init, rows, parallel, sliceAt, packRow);
}

/// A contraction of `groups` computed by a kernel of register tiles of
/// `tile`: for each batch, A is gathered through its map into [M, K] rows
/// and B into [N/L, K, L] vectors of `elementType` (with `pairs`, of i32
/// words holding two consecutive k, read as 2L lanes), zero
/// beyond the problem; `convert(operand, element)` turns each element read
/// from `operands` into `elementType`; `tiles(packedA, packedB, m, n, k)`
/// computes the batch's [m, n] result; the last copy adds `init` if given.
/// A loop that only the result indexes alone (a convolution's output
/// position) takes its size from `shape`, a tensor of the result's shape.
/// With `parallel`, contiguous runs of A are packed row by row on threads
/// (the other gathers are linalg ops that fxp-parallelize-elementwise
/// splits).
Value buildGatheredContraction(
    ImplicitLocOpBuilder &b, ArrayRef<AffineMap> maps, const LoopGroups &groups,
    ArrayRef<Value> operands, TileShape tile, bool pairs, Type elementType,
    RankedTensorType resultType, Value init, Value shape, bool parallel,
    function_ref<Value(ImplicitLocOpBuilder &, unsigned, Value)> convert,
    function_ref<Value(ImplicitLocOpBuilder &, Value, Value, Value, Value,
                       Value, RankedTensorType)>
        tiles) {
  SmallVector<Value> sized(operands);
  if (shape)
    sized.push_back(shape);
  SmallVector<Value> loopSizes =
      getLoopSizes(b, groups, maps.take_front(sized.size()), sized);
  Value m = getGroupSize(b, groups.m, loopSizes);
  Value n = getGroupSize(b, groups.n, loopSizes);
  Value k = getGroupSize(b, groups.k, loopSizes);
  int64_t lanes = tile.lanes;
  Value paddedRows = getPaddedRows(b, m, tile);
  Value colVectors = getColumnVectors(b, n, tile);
  auto tilesType = RankedTensorType::get({getStaticSize(m), getStaticSize(n)},
                                         b.getF32Type());
  // Operand `i` at the loop `values`, or zero outside the problem.
  auto element = [&](ImplicitLocOpBuilder &nb, unsigned i,
                     ArrayRef<Value> values, Value inside) {
    Value v = convert(nb, i, gatherElement(nb, operands[i], maps[i], values));
    return arith::SelectOp::create(
        nb, inside, v,
        arith::ConstantOp::create(
            nb, cast<TypedAttr>(nb.getZeroAttr(elementType))));
  };
  // Pairs of k that could straddle two runs of the innermost k loop (an odd
  // one, such as the channels of a one-channel NHWC convolution, or one of
  // dynamic size) are formed after gathering single elements, which
  // iterates the k loops themselves.
  int64_t run = groups.k.empty() ? 0 : groups.sizes[groups.k.back()];
  bool gatherPairs = pairs && (groups.k.empty() ||
                               (!ShapedType::isDynamic(run) && run % 2 == 0));
  // Operand `i`'s gathered element at the m or n loops in `values`: its k,
  // or with gatherPairs the i32 word of k = 2p and 2p + 1.
  auto packedElement = [&](ImplicitLocOpBuilder &nb, unsigned i,
                           SmallVector<Value> &values, Value outerInside,
                           KLocator locateK) -> Value {
    SmallVector<Value> halves;
    for (int64_t half = 0; half < (gatherPairs ? 2 : 1); ++half) {
      Value inside = arith::AndIOp::create(
          nb, outerInside, locateK(nb, index(nb, half), values));
      halves.push_back(element(nb, i, values, inside));
    }
    return gatherPairs ? packPair(nb, halves[0], halves[1]) : halves[0];
  };
  Type packedType = pairs ? b.getI32Type() : elementType;
  Type gatheredType = gatherPairs ? packedType : elementType;
  auto paired = [&](ImplicitLocOpBuilder &lb, Value gathered) {
    return pairs && !gatherPairs ? pairUp(lb, gathered, 1, k) : gathered;
  };
  // A's innermost k loop, when A reads it alone and in its last dimension
  // (an NHWC convolution's channels): each run of it is contiguous in A.
  bool readRuns =
      run > 0 &&
      maps[0].getResults().back() == b.getAffineDimExpr(groups.k.back()) &&
      llvm::count_if(maps[0].getResults(), [&](AffineExpr e) {
        return e.isFunctionOfDim(groups.k.back());
      }) == 1;
  auto perBatch = [&](ImplicitLocOpBuilder &lb, ArrayRef<Value> batchValues) {
    Value packedA = paired(
        lb, readRuns
                ? buildRunPackedRows(lb, operands[0], maps[0], groups,
                                     loopSizes, batchValues, paddedRows, m, k,
                                     gatherPairs, gatheredType, parallel,
                                     [&](ImplicitLocOpBuilder &nb, Value v) {
                                       return convert(nb, 0, v);
                                     })
                : buildPackedGather(
                      lb, {paddedRows}, {}, groups, loopSizes, k, gatherPairs,
                      gatheredType,
                      [&](ImplicitLocOpBuilder &nb, ValueRange lead, ValueRange,
                          KLocator locateK) -> Value {
                        SmallVector<Value> values(batchValues);
                        Value rowInside =
                            locate(nb, groups, groups.m, lead[0], m, values);
                        return packedElement(nb, 0, values, rowInside, locateK);
                      }));
    // B as [N/L][K][L] vectors of the same words.
    Value packedB = paired(
        lb, buildPackedGather(lb, {colVectors}, {index(lb, lanes)}, groups,
                              loopSizes, k, gatherPairs, gatheredType,
                              [&](ImplicitLocOpBuilder &nb, ValueRange lead,
                                  ValueRange trail, KLocator locateK) -> Value {
                                Value col = arith::AddIOp::create(
                                    nb, multiply(nb, lead[0], lanes), trail[0]);
                                SmallVector<Value> values(batchValues);
                                Value colInside = locate(nb, groups, groups.n,
                                                         col, n, values);
                                return packedElement(nb, 1, values, colInside,
                                                     locateK);
                              }));
    return tiles(lb, packedA, packedB, m, n, k, tilesType);
  };
  return buildGroupedContraction(b, maps, groups, loopSizes, resultType, init,
                                 perBatch);
}

/// The exponent sums (`i64` vectors, one per accumulator of the register
/// tile at `firstRow`, `firstVector`) of the products in one segment.
using SegmentExponents = function_ref<SmallVector<Value>(
    ImplicitLocOpBuilder &, Value firstRow, Value firstVector, Value segment)>;

/// Whether a contraction has a static size of 0 in its result or an operand
/// (no sums, or sums of nothing). It needs no kernel, and slicing a whole
/// tile down to nothing would take an offset beyond the size, which
/// tensor.extract_slice rejects: the portable lowering handles it.
static bool hasNoElements(Operation *op) {
  auto zeroSized = [](Type type) {
    if (auto dfp = dyn_cast<DFPType>(type))
      return llvm::is_contained(dfp.getShape(), 0);
    auto shaped = dyn_cast<ShapedType>(type);
    return shaped && llvm::is_contained(shaped.getShape(), 0);
  };
  return llvm::any_of(op->getOperandTypes(), zeroSized) ||
         llvm::any_of(op->getResultTypes(), zeroSized);
}

template <typename OpTy> struct VNNIContraction : OpRewritePattern<OpTy> {
  VNNIContraction(MLIRContext *context, X86Target target, bool parallel)
      : OpRewritePattern<OpTy>(context), target(target),
        tile(getTileShape(target, /*fp32=*/false)), parallel(parallel) {}

  LogicalResult matchAndRewrite(OpTy op,
                                PatternRewriter &rewriter) const override {
    if (hasNoElements(op))
      return rewriter.notifyMatchFailure(op, "no elements");
    SmallVector<AffineMap> maps = op.getIndexingMapsArray();
    std::optional<MatmulLayout> layout = getMatmulLayout(maps);
    std::optional<LoopGroups> groups;
    if (!layout) {
      ArrayRef<int64_t> shapes[] = {getOperandShape(op.getLhs().getType()),
                                    getOperandShape(op.getRhs().getType()),
                                    op.getType().getShape()};
      groups = getLoopGroups(maps, shapes);
      if (!groups)
        return rewriter.notifyMatchFailure(
            op, "a loop inside its group has a dynamic size");
    }
    bool saturating = op.getSaturating();
    if (!saturating && *op.getChunk() % 2 != 0)
      return rewriter.notifyMatchFailure(op, "odd chunks split k pairs");
    int64_t block = 0;
    for (Value operand : {op.getLhs(), op.getRhs()}) {
      if (auto dfp = dyn_cast<DFPType>(operand.getType());
          dfp && !dfp.isPerTensor()) {
        // Blocks are segments of whole pairs in the plain matmul layout.
        if (!layout || dfp.getBlock() % 2 != 0)
          return rewriter.notifyMatchFailure(
              op, "per-block DFP operands off a plain matmul, or odd blocks");
        block = dfp.getBlock();
      }
      unsigned width = isa<DFPType>(operand.getType())
                           ? cast<DFPType>(operand.getType()).getWidth()
                           : getFixedElementType(operand.getType()).getWidth();
      if (width > 16)
        return rewriter.notifyMatchFailure(op, "operands wider than 16 bits");
    }

    ImplicitLocOpBuilder b(op.getLoc(), rewriter);
    // The plain matmul's packing reads rows as vectors: it can quantize them.
    bool fuseQuantization = layout.has_value();
    Operand a =
        getOperand(b, op, op.getLhs(), op.getSymmetric(), fuseQuantization);
    Operand bOp =
        getOperand(b, op, op.getRhs(), op.getSymmetric(), fuseQuantization);
    Value result = layout ? buildMatmul(b, op, *layout, a, bOp, block)
                          : buildContraction(b, op, maps, *groups, a, bOp);
    rewriter.replaceOp(op, result);
    return success();
  }

  /// A plain matmul: both operands padded to whole tiles, so packing needs
  /// no bounds checks and zeros fill the tails (they add nothing to any sum).
  Value buildMatmul(ImplicitLocOpBuilder &b, OpTy op, MatmulLayout layout,
                    const Operand &a, const Operand &bOp, int64_t block) const {
    auto dim = [&](Value tensor, int64_t d) { return getSize(b, tensor, d); };
    Value m = dim(a.getPacked(), layout.transposeA ? 1 : 0);
    Value k = dim(a.getPacked(), layout.transposeA ? 0 : 1);
    Value n = dim(bOp.getPacked(), layout.transposeB ? 0 : 1);
    int64_t lanes = tile.lanes;
    Value pairs = ceilDiv(b, k, 2);
    Value colVectors = getColumnVectors(b, n, tile);
    Value paddedCols = multiply(b, colVectors, lanes);

    auto wordVector = VectorType::get({lanes}, b.getI32Type());
    // The pair words of `pair` for `count` lanes from `firstLane` of an
    // operand whose pairs lie in two rows (B, or A^T): both rows' lanes
    // interleaved.
    auto readPairsAcrossRows = [&](const Operand &operand, int64_t count) {
      return [&, count](ImplicitLocOpBuilder &lb, Value firstLane,
                        Value firstPair, int64_t i) -> Value {
        Value k =
            multiply(lb, arith::AddIOp::create(lb, firstPair, index(lb, i)), 2);
        auto half = [&](Value row) {
          return readOperandRow(lb, operand, row, firstLane, count);
        };
        SmallVector<int64_t> interleave;
        for (int64_t lane = 0; lane < count; ++lane)
          interleave.append({lane, count + lane});
        Value interleaved = vector::ShuffleOp::create(
            lb, half(k), half(arith::AddIOp::create(lb, k, index(lb, 1))),
            interleave);
        return vector::BitCastOp::create(
            lb, VectorType::get({count}, lb.getI32Type()), interleaved);
      };
    };
    // The L pair words from `firstPair` of row `firstRow + i` of an operand
    // whose pairs are adjacent in its rows (A, or B^T).
    auto readPairsAlongRow = [&](const Operand &operand) {
      return [&](ImplicitLocOpBuilder &lb, Value firstRow, Value firstPair,
                 int64_t i) -> Value {
        Value halves = readOperandRow(
            lb, operand, arith::AddIOp::create(lb, firstRow, index(lb, i)),
            multiply(lb, firstPair, 2), 2 * lanes);
        return vector::BitCastOp::create(lb, wordVector, halves);
      };
    };
    // A as [M][K/2] i32 pairs (the even k in the low half), B as [N/L][K/2][L]
    // i32 pairs: lane c of vector j at pair p holds (B[2p, jL + c],
    // B[2p + 1, jL + c]), read as 2L i16 lanes. Transposed operands are
    // transposed in blocks.
    Value packedA = buildBlockPacking(
        b, lanes, b.getI32Type(), getPackedRows(b, m, tile), pairs,
        /*rowMajor=*/true, /*transpose=*/layout.transposeA, parallel,
        layout.transposeA ? ReadBlockVector(readPairsAcrossRows(a, lanes))
                          : ReadBlockVector(readPairsAlongRow(a)));
    // B's reads cover a tile's two column vectors.
    int64_t span = layout.transposeB ? 1 : tile.vectors;
    Value packedB = buildBlockPacking(
        b, lanes, b.getI32Type(), paddedCols, pairs, /*rowMajor=*/false,
        /*transpose=*/layout.transposeB, parallel,
        layout.transposeB
            ? ReadBlockVector(readPairsAlongRow(bOp))
            : ReadBlockVector(readPairsAcrossRows(bOp, span * lanes)),
        span);
    // Segment s of a per-block operand reads its exponents at block s: A's
    // of each row (padding rows read the last), B's of each lane (zero
    // beyond n).
    auto exponents = [&](ImplicitLocOpBuilder &eb, Value firstRow,
                         Value firstVector, Value segment) {
      auto i64Vector = VectorType::get({lanes}, eb.getI64Type());
      auto i32Vector = VectorType::get({lanes}, eb.getI32Type());
      Value lastRow = arith::SubIOp::create(eb, m, index(eb, 1));
      SmallVector<Value> result;
      for (int64_t r = 0; r < tile.rows; ++r) {
        Value ea = a.exponent;
        if (a.blockExponents) {
          Value row = arith::MinUIOp::create(
              eb, arith::AddIOp::create(eb, firstRow, index(eb, r)), lastRow);
          ea = arith::ExtSIOp::create(
              eb, eb.getI64Type(),
              tensor::ExtractOp::create(eb, a.blockExponents,
                                        layout.transposeA
                                            ? ValueRange{segment, row}
                                            : ValueRange{row, segment}));
        }
        Value eaVector = vector::BroadcastOp::create(eb, i64Vector, ea);
        for (int64_t v = 0; v < tile.vectors; ++v) {
          Value ebVector =
              vector::BroadcastOp::create(eb, i64Vector, bOp.exponent);
          if (bOp.blockExponents) {
            Value col = multiply(
                eb, arith::AddIOp::create(eb, firstVector, index(eb, v)),
                lanes);
            Value pad = createIntConstant(eb, 0, 32);
            Value lanesRead =
                layout.transposeB
                    ? vector::TransferReadOp::create(
                          eb, i32Vector, bOp.blockExponents,
                          ValueRange{col, segment}, pad,
                          AffineMap::get(2, 0, {eb.getAffineDimExpr(0)},
                                         eb.getContext()),
                          ArrayRef<bool>{false})
                    : vector::TransferReadOp::create(
                          eb, i32Vector, bOp.blockExponents,
                          ValueRange{segment, col}, pad, ArrayRef<bool>{false});
            ebVector = arith::ExtSIOp::create(eb, i64Vector, lanesRead);
          }
          result.push_back(arith::AddIOp::create(eb, eaVector, ebVector));
        }
      }
      return result;
    };
    return buildTiles(b, op, packedA, packedB, m, n, pairs, block, exponents,
                      op.getType());
  }

  /// Any other contraction: for each batch, A and B are gathered into the
  /// packed layouts through their indexing maps (m, n and k linearized, with
  /// zeros beyond the problem), the same kernel computes the [M, N] tiles,
  /// and a last copy puts each element where the result map wants it.
  Value buildContraction(ImplicitLocOpBuilder &b, OpTy op,
                         ArrayRef<AffineMap> maps, const LoopGroups &groups,
                         const Operand &a, const Operand &bOp) const {
    auto widen = [&](ImplicitLocOpBuilder &nb, unsigned i, Value v) {
      return widenAndClamp(nb, v, i == 0 ? a.clampBelow : bOp.clampBelow);
    };
    auto tiles = [&](ImplicitLocOpBuilder &lb, Value packedA, Value packedB,
                     Value m, Value n, Value k, RankedTensorType tilesType) {
      auto exponents = [&](ImplicitLocOpBuilder &eb, Value, Value, Value) {
        Value sum = vector::BroadcastOp::create(
            eb, VectorType::get({tile.lanes}, eb.getI64Type()),
            arith::AddIOp::create(eb, a.exponent, bOp.exponent));
        return SmallVector<Value>(tile.rows * tile.vectors, sum);
      };
      return buildTiles(lb, op, packedA, packedB, m, n, ceilDiv(lb, k, 2),
                        /*block=*/0, exponents, tilesType);
    };
    // Without `sizes`, the operands size every loop (the verifier sees to
    // it).
    Value shape;
    if constexpr (std::is_same_v<OpTy, ContractOp>)
      if (!op.getResultSizes().empty())
        shape = tensor::EmptyOp::create(b, op.getType(), op.getResultSizes());
    return buildGatheredContraction(b, maps, groups, {a.storage, bOp.storage},
                                    tile, /*pairs=*/true, b.getI16Type(),
                                    op.getType(), /*init=*/Value(), shape,
                                    parallel, widen, tiles);
  }

  /// The [m, n] result of the register-tiled kernel on packed operands:
  /// chunks of k pairs in i32, flushed into f32. Per-tensor operands make
  /// one segment of all pairs; per-block ones (blocks along k of `block`
  /// elements) a segment per block, where the chunks restart. Each segment's
  /// sums are scaled by 2^(its exponents, from `exponents(row, vector,
  /// segment)`) in the epilogue, once, and added up.
  Value buildTiles(ImplicitLocOpBuilder &b, OpTy op, Value packedA,
                   Value packedB, Value m, Value n, Value pairs, int64_t block,
                   SegmentExponents exponents,
                   RankedTensorType resultType) const {
    bool saturating = op.getSaturating();
    int64_t rows = tile.rows, lanes = tile.lanes, vectors = tile.vectors;
    Value rowTiles = ceilDiv(b, m, rows);
    Value colTiles = ceilDiv(b, ceilDiv(b, n, lanes), vectors);

    auto i32Vector = VectorType::get({lanes}, b.getI32Type());
    auto f32Vector = VectorType::get({lanes}, b.getF32Type());
    auto pairVector = VectorType::get({2 * lanes}, b.getI16Type());
    int64_t accumulators = rows * vectors;
    Value zero = index(b, 0), one = index(b, 1);
    Value segmentPairs = block ? index(b, block / 2) : pairs;
    int64_t chunkPairs = saturating ? 0 : *op.getChunk() / 2;

    auto tileSums = [&](ImplicitLocOpBuilder &rb, Value firstRow,
                        Value firstVector) {
      Value zeroF = arith::ConstantOp::create(
          rb, DenseElementsAttr::get(f32Vector, 0.0f));
      // The sums of one segment, scaled by its exponents (rounding once).
      auto segmentSums = [&](ImplicitLocOpBuilder &sb, Value segment) {
        Value begin = arith::MulIOp::create(sb, segment, segmentPairs);
        Value end = arith::MinUIOp::create(
            sb, arith::AddIOp::create(sb, begin, segmentPairs), pairs);
        // One pair of k at `pair` added to the i32 sums `accs`.
        auto pairStep = [&](ImplicitLocOpBuilder &kb, ValueRange accs,
                            Value pair) {
          SmallVector<Value> bVectors =
              readBVectors(kb, packedB, pairVector, firstVector, pair, vectors);
          SmallVector<Value> next;
          for (int64_t r = 0; r < rows; ++r) {
            Value aPair = tensor::ExtractOp::create(
                kb, packedA,
                ValueRange{arith::AddIOp::create(kb, firstRow, index(kb, r)),
                           pair});
            Value aVector = vector::BitCastOp::create(
                kb, pairVector,
                vector::BroadcastOp::create(kb, i32Vector, aPair));
            for (int64_t v = 0; v < vectors; ++v)
              next.push_back(pairDot(kb, target, saturating,
                                     accs[r * vectors + v], aVector,
                                     bVectors[v]));
          }
          return next;
        };
        // The f32 sums `floatAccs` with the chunk of pairs [first, last)
        // added: its exact i32 sums, flushed into them.
        auto addChunk = [&](ImplicitLocOpBuilder &cb, ValueRange floatAccs,
                            Value first, Value last) {
          Value zeroI = arith::ConstantOp::create(
              cb, DenseElementsAttr::get(i32Vector, int32_t(0)));
          SmallVector<Value> zeros(accumulators, zeroI);
          auto pairLoop = scf::ForOp::create(
              cb, first, last, one, zeros,
              [&](OpBuilder &b4, Location loc4, Value pair, ValueRange accs) {
                ImplicitLocOpBuilder kb(loc4, b4);
                scf::YieldOp::create(kb, pairStep(kb, accs, pair));
              });
          ValueRange intSums = pairLoop.getResults();
          SmallVector<Value> flushed;
          for (int64_t i = 0; i < accumulators; ++i)
            flushed.push_back(arith::AddFOp::create(
                cb, floatAccs[i],
                arith::SIToFPOp::create(cb, f32Vector, intSums[i])));
          return flushed;
        };
        SmallVector<Value> sums(accumulators, zeroF);
        SmallVector<Value> chunkSums;
        if (saturating) {
          // A saturating sum is one chunk per segment.
          chunkSums = addChunk(sb, sums, begin, end);
        } else {
          // Whole chunks first, whose pair loops have a constant trip count
          // (LLVM unrolls them without remainder tests), then the rest if any.
          Value wholeChunks = arith::DivUIOp::create(
              sb, arith::SubIOp::create(sb, end, begin), index(sb, chunkPairs));
          auto chunkLoop = scf::ForOp::create(
              sb, zero, wholeChunks, one, sums,
              [&](OpBuilder &b3, Location loc3, Value chunk,
                  ValueRange floatAccs) {
                ImplicitLocOpBuilder cb(loc3, b3);
                Value first = arith::AddIOp::create(
                    cb, begin, multiply(cb, chunk, chunkPairs));
                scf::YieldOp::create(
                    cb, addChunk(cb, floatAccs, first,
                                 arith::AddIOp::create(cb, first,
                                                       index(cb, chunkPairs))));
              });
          Value restBegin = arith::AddIOp::create(
              sb, begin, multiply(sb, wholeChunks, chunkPairs));
          auto rest = scf::IfOp::create(
              sb,
              arith::CmpIOp::create(sb, arith::CmpIPredicate::ult, restBegin,
                                    end),
              [&](OpBuilder &b3, Location loc3) {
                ImplicitLocOpBuilder cb(loc3, b3);
                scf::YieldOp::create(
                    cb, addChunk(cb, chunkLoop.getResults(), restBegin, end));
              },
              [&](OpBuilder &b3, Location loc3) {
                scf::YieldOp::create(b3, loc3, chunkLoop.getResults());
              });
          chunkSums = SmallVector<Value>(rest.getResults());
        }
        SmallVector<Value> exp2 = exponents(sb, firstRow, firstVector, segment);
        SmallVector<Value> scaled;
        for (int64_t i = 0; i < accumulators; ++i)
          scaled.push_back(emitScaleToFloat(sb, chunkSums[i], exp2[i]));
        return scaled;
      };
      // One segment is the result (adding it to a zero would turn a -0 into
      // +0); more add up in increasing k.
      if (!block)
        return segmentSums(rb, zero);
      SmallVector<Value> totals(accumulators, zeroF);
      auto segmentLoop = scf::ForOp::create(
          rb, zero, ceilDiv(rb, pairs, block / 2), one, totals,
          [&](OpBuilder &b2, Location loc2, Value segment,
              ValueRange segmentTotals) {
            ImplicitLocOpBuilder sb(loc2, b2);
            SmallVector<Value> scaled = segmentSums(sb, segment);
            SmallVector<Value> next;
            for (int64_t i = 0; i < accumulators; ++i)
              next.push_back(
                  arith::AddFOp::create(sb, segmentTotals[i], scaled[i]));
            scf::YieldOp::create(sb, next);
          });
      return SmallVector<Value>(segmentLoop.getResults());
    };
    return buildTiledResult(b, tile, rowTiles, colTiles, m, n, resultType,
                            parallel, tileSums);
  }

  X86Target target;
  TileShape tile;
  bool parallel;
};

/// FP32 contractions (`linalg.matmul` in any layout, batched matmuls,
/// convolutions, `linalg.generic` contractions) as the same register-tiled
/// loops with FMAs, so that FP32 graphs compiled for an x86 target have a
/// vectorized baseline. Each result element sums its products in increasing
/// k; a matmul's accumulators start from its init, other contractions add
/// their init at the end, and fused multiply-adds round once per product
/// (FP32 is outside the fxp contract).
struct F32Contraction : OpInterfaceRewritePattern<linalg::LinalgOp> {
  F32Contraction(MLIRContext *context, X86Target target, bool parallel)
      : OpInterfaceRewritePattern<linalg::LinalgOp>(context),
        tile(getTileShape(target, /*fp32=*/true)), parallel(parallel) {}

  LogicalResult matchAndRewrite(linalg::LinalgOp op,
                                PatternRewriter &rewriter) const override {
    if (!op.hasPureTensorSemantics() || op.getNumDpsInputs() != 2 ||
        op.getNumDpsInits() != 1 ||
        !(linalg::isaContractionOpInterface(op) ||
          linalg::isaConvolutionOpInterface(op)))
      return rewriter.notifyMatchFailure(op, "not a tensor contraction");
    // Pooling ops share the convolutions' interface, not their body.
    auto multiplyAdd = [](Operation *elementwise, Operation *reduce) {
      return isa<arith::MulFOp>(elementwise) && isa<arith::AddFOp>(reduce);
    };
    if (!linalg::detail::isContractionBody(*op.getBlock(), multiplyAdd))
      return rewriter.notifyMatchFailure(op, "not a multiply-add body");
    for (Value operand : op->getOperands())
      if (!getElementTypeOrSelf(operand.getType()).isF32())
        return rewriter.notifyMatchFailure(op, "not f32");
    if (hasNoElements(op))
      return rewriter.notifyMatchFailure(op, "no elements");
    SmallVector<AffineMap> maps = op.getIndexingMapsArray();
    std::optional<MatmulLayout> layout = getMatmulLayout(maps);
    std::optional<LoopGroups> groups;
    if (!layout) {
      SmallVector<ArrayRef<int64_t>> shapes;
      for (Value operand : op->getOperands())
        shapes.push_back(cast<RankedTensorType>(operand.getType()).getShape());
      groups = getLoopGroups(maps, shapes);
      if (!groups)
        return rewriter.notifyMatchFailure(
            op, "a loop inside its group has a dynamic size");
    }
    ImplicitLocOpBuilder b(op.getLoc(), rewriter);
    Value result = layout ? buildMatmul(b, op, *layout)
                          : buildContraction(b, op, maps, *groups);
    rewriter.replaceOp(op, result);
    return success();
  }

  Value buildMatmul(ImplicitLocOpBuilder &b, linalg::LinalgOp op,
                    MatmulLayout layout) const {
    Value a = op.getDpsInputs()[0], bMatrix = op.getDpsInputs()[1];
    Value init = op.getDpsInits()[0];
    auto resultType = cast<RankedTensorType>(op->getResultTypes()[0]);
    Value m = getSize(b, a, layout.transposeA ? 1 : 0);
    Value k = getSize(b, a, layout.transposeA ? 0 : 1);
    Value n = getSize(b, bMatrix, layout.transposeB ? 0 : 1);
    int64_t lanes = tile.lanes;
    Value paddedRows = getPaddedRows(b, m, tile);
    Value colVectors = getColumnVectors(b, n, tile);
    Value paddedCols = multiply(b, colVectors, lanes);

    // Vector `i` of a packing block: a row of A^T or B (lanes along m or
    // n), or of B^T (lanes along k).
    auto readBlockVector = [&](Value source, bool lanesAreRows) {
      return [&, source, lanesAreRows](ImplicitLocOpBuilder &lb, Value firstRow,
                                       Value firstWord, int64_t i) {
        Value offset = index(lb, i);
        return lanesAreRows
                   ? readRowOrZero(lb, source,
                                   arith::AddIOp::create(lb, firstWord, offset),
                                   firstRow, lanes)
                   : readRowOrZero(lb, source,
                                   arith::AddIOp::create(lb, firstRow, offset),
                                   firstWord, lanes);
      };
    };
    // A as [M][K] rows (transposed if needed), B as [N/L][K][L] vectors.
    Value paddedA =
        layout.transposeA
            ? buildBlockPacking(b, lanes, b.getF32Type(),
                                getPackedRows(b, m, tile), k,
                                /*rowMajor=*/true, /*transpose=*/true, parallel,
                                readBlockVector(a, true))
            : padTo(b, a, paddedRows, k);
    Value packedB = buildBlockPacking(
        b, lanes, b.getF32Type(), paddedCols, k, /*rowMajor=*/false,
        /*transpose=*/layout.transposeB, parallel,
        readBlockVector(bMatrix, /*lanesAreRows=*/!layout.transposeB));
    Value paddedInit = padTo(b, init, paddedRows, paddedCols);
    return buildTiles(b, paddedA, packedB, m, n, k, paddedInit, resultType);
  }

  /// Any other contraction: A and B gathered through their indexing maps per
  /// batch (see VNNIContraction), the same tiles, the init added last.
  Value buildContraction(ImplicitLocOpBuilder &b, linalg::LinalgOp op,
                         ArrayRef<AffineMap> maps,
                         const LoopGroups &groups) const {
    auto same = [](ImplicitLocOpBuilder &, unsigned, Value v) { return v; };
    auto tiles = [&](ImplicitLocOpBuilder &lb, Value paddedA, Value packedB,
                     Value m, Value n, Value k, RankedTensorType tilesType) {
      return buildTiles(lb, paddedA, packedB, m, n, k, /*paddedInit=*/Value(),
                        tilesType);
    };
    return buildGatheredContraction(
        b, maps, groups, {op.getDpsInputs()[0], op.getDpsInputs()[1]}, tile,
        /*pairs=*/false, b.getF32Type(),
        cast<RankedTensorType>(op->getResultTypes()[0]), op.getDpsInits()[0],
        /*shape=*/op.getDpsInits()[0], parallel, same, tiles);
  }

  /// The [m, n] FMA tiles of A rows and packed B, starting from the padded
  /// init, or from zero without one.
  Value buildTiles(ImplicitLocOpBuilder &b, Value paddedA, Value packedB,
                   Value m, Value n, Value k, Value paddedInit,
                   RankedTensorType resultType) const {
    int64_t rows = tile.rows, lanes = tile.lanes, vectors = tile.vectors;
    Value rowTiles = ceilDiv(b, m, rows);
    Value colTiles = ceilDiv(b, ceilDiv(b, n, lanes), vectors);
    auto f32Vector = VectorType::get({lanes}, b.getF32Type());
    auto tileSums = [&](ImplicitLocOpBuilder &rb, Value firstRow,
                        Value firstVector) {
      Value zeroF = arith::ConstantOp::create(rb, rb.getF32FloatAttr(0.0f));
      SmallVector<Value> accs;
      for (int64_t r = 0; r < rows; ++r)
        for (int64_t v = 0; v < vectors; ++v)
          accs.push_back(
              paddedInit
                  ? Value(vector::TransferReadOp::create(
                        rb, f32Vector, paddedInit,
                        ValueRange{
                            arith::AddIOp::create(rb, firstRow, index(rb, r)),
                            multiply(rb,
                                     arith::AddIOp::create(rb, firstVector,
                                                           index(rb, v)),
                                     lanes)},
                        zeroF, ArrayRef<bool>{true}))
                  : Value(arith::ConstantOp::create(
                        rb, DenseElementsAttr::get(f32Vector, 0.0f))));
      auto kLoop = scf::ForOp::create(
          rb, index(rb, 0), k, index(rb, 1), accs,
          [&](OpBuilder &b2, Location loc, Value kk, ValueRange current) {
            ImplicitLocOpBuilder kb(loc, b2);
            SmallVector<Value> bVectors =
                readBVectors(kb, packedB, f32Vector, firstVector, kk, vectors);
            SmallVector<Value> next;
            for (int64_t r = 0; r < rows; ++r) {
              Value aValue = tensor::ExtractOp::create(
                  kb, paddedA,
                  ValueRange{arith::AddIOp::create(kb, firstRow, index(kb, r)),
                             kk});
              Value aVector =
                  vector::BroadcastOp::create(kb, f32Vector, aValue);
              for (int64_t v = 0; v < vectors; ++v)
                next.push_back(vector::FMAOp::create(kb, aVector, bVectors[v],
                                                     current[r * vectors + v]));
            }
            scf::YieldOp::create(kb, next);
          });
      return SmallVector<Value>(kLoop.getResults());
    };
    return buildTiledResult(b, tile, rowTiles, colTiles, m, n, resultType,
                            parallel, tileSums);
  }

  TileShape tile;
  bool parallel;
};

} // namespace

void mlir::fxp::populateFXPToX86Patterns(RewritePatternSet &patterns,
                                         X86Target target, bool parallel) {
  patterns.add<VNNIContraction<MatmulOp>, VNNIContraction<ContractOp>,
               F32Contraction>(patterns.getContext(), target, parallel);
}
