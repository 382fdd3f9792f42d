//===- ContractionPatterns.cpp - reductions of fxp to linalg ----*- C++ -*-===//

#include "FixedPointMath.h"
#include "Patterns.h"
#include "fxp/Dialect/FXP/IR/FXPOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Arith/Utils/Utils.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"

using namespace mlir;
using namespace mlir::fxp;

/// A tensor of `type` (dynamic sizes from `dynamicSizes`) filled with `value`.
static Value createFilled(ImplicitLocOpBuilder &b, RankedTensorType type,
                          ValueRange dynamicSizes, TypedAttr value) {
  Value empty = tensor::EmptyOp::create(b, type.getShape(),
                                        type.getElementType(), dynamicSizes);
  Value scalar = arith::ConstantOp::create(b, value);
  return linalg::FillOp::create(b, scalar, empty).getResult(0);
}

// The largest finite magnitude of a whole tensor, as the bits of an f32 (an
// i32): an exact, order-free unsigned-max reduction. The first pass takes
// every magnitude's bits as they are (one and, one max a vector) over up to
// `kParts` parts of the tensor (one per `kPartElements` elements: small
// tensors make one), an scf.forall (threads, with `parallel=true`); only when
// it meets an infinity or NaN (bits from 0x7F800000 up) does a second, serial
// pass redo it with those counting as 0.
static constexpr int64_t kMaxLanes = 16, kMaxAccumulators = 4, kParts = 32,
                         kPartElements = 1 << 16;

using Magnitude = Value (*)(ImplicitLocOpBuilder &, Value);

/// A magnitude's bits as they are: an infinity or NaN is its bit pattern.
static Value emitAnyMagnitudeBits(ImplicitLocOpBuilder &b, Value x) {
  Value raw = arith::BitcastOp::create(
      b, cast<VectorType>(x.getType()).clone(b.getI32Type()), x);
  return arith::AndIOp::create(
      b, raw,
      arith::ConstantOp::create(
          b, DenseElementsAttr::get(cast<ShapedType>(raw.getType()),
                                    int32_t(0x7FFFFFFF))));
}

/// `input` as a 1-D tensor.
static Value flatten(ImplicitLocOpBuilder &b, Value input) {
  auto type = cast<RankedTensorType>(input.getType());
  if (type.getRank() == 1)
    return input;
  // Bufferization gives collapsing tensor<?x0xf32> into tensor<?xf32> a
  // memref<0xf32> result, which the memref op's verifier then rejects.
  if (llvm::is_contained(type.getShape(), 0))
    return tensor::EmptyOp::create(b, ArrayRef<int64_t>{0},
                                   type.getElementType());
  ReassociationIndices all =
      llvm::to_vector(llvm::seq<int64_t>(0, type.getRank()));
  return tensor::CollapseShapeOp::create(b, input,
                                         ArrayRef<ReassociationIndices>{all});
}

/// The unsigned max of `magnitude` over flat[begin, end): `kMaxAccumulators`
/// vectors of 16 lanes a step (independent chains), then whole vectors, then
/// one masked tail. Its lanes past `end` read the tensor's next elements (or
/// padding of magnitude 0), which leaves the maximum unchanged.
static Value emitRangeMaxBits(ImplicitLocOpBuilder &b, Value flat,
                              Magnitude magnitude, Value begin, Value end) {
  auto floatVector = VectorType::get({kMaxLanes}, b.getF32Type());
  auto bitsVector = VectorType::get({kMaxLanes}, b.getI32Type());
  Value zeroBits =
      arith::ConstantOp::create(b, DenseElementsAttr::get(bitsVector, 0));
  Value pad = arith::ConstantOp::create(b, b.getF32FloatAttr(0.0f));
  Value vectorStep = arith::ConstantIndexOp::create(b, kMaxLanes);
  Value step = arith::ConstantIndexOp::create(b, kMaxLanes * kMaxAccumulators);
  auto accumulate = [&](ImplicitLocOpBuilder &lb, Value acc, Value at,
                        bool inBounds) -> Value {
    Value x = vector::TransferReadOp::create(
        lb, floatVector, flat, ValueRange{at}, pad, ArrayRef<bool>{inBounds});
    return arith::MaxUIOp::create(lb, acc, magnitude(lb, x));
  };
  Value length = arith::SubIOp::create(b, end, begin);
  Value wholeSteps = arith::AddIOp::create(
      b, begin,
      arith::MulIOp::create(b, arith::DivUIOp::create(b, length, step), step));
  Value wholeVectors = arith::AddIOp::create(
      b, begin,
      arith::MulIOp::create(b, arith::DivUIOp::create(b, length, vectorStep),
                            vectorStep));
  auto steps = scf::ForOp::create(
      b, begin, wholeSteps, step,
      SmallVector<Value>(kMaxAccumulators, zeroBits),
      [&](OpBuilder &nested, Location loc, Value at, ValueRange accs) {
        ImplicitLocOpBuilder lb(loc, nested);
        SmallVector<Value> next;
        for (int64_t i = 0; i < kMaxAccumulators; ++i)
          next.push_back(accumulate(
              lb, accs[i],
              arith::AddIOp::create(
                  lb, at, arith::ConstantIndexOp::create(lb, i * kMaxLanes)),
              true));
        scf::YieldOp::create(lb, next);
      });
  Value acc = steps.getResult(0);
  for (int64_t i = 1; i < kMaxAccumulators; ++i)
    acc = arith::MaxUIOp::create(b, acc, steps.getResult(i));
  auto vectors = scf::ForOp::create(
      b, wholeSteps, wholeVectors, vectorStep, ValueRange{acc},
      [&](OpBuilder &nested, Location loc, Value at, ValueRange accs) {
        ImplicitLocOpBuilder lb(loc, nested);
        scf::YieldOp::create(lb, accumulate(lb, accs[0], at, true));
      });
  acc = accumulate(b, vectors.getResult(0), wholeVectors, false);
  return vector::ReductionOp::create(b, vector::CombiningKind::MAXUI, acc)
      .getResult();
}

/// An scf.forall over `parts` iterations whose shared outputs are `outputs`
/// and a tensor of `kParts` maxima (0 where no part writes); `body` emits
/// the part at the start of the forall's body (and may add to its
/// terminator) and returns the part's maximum, which the forall stores. Its
/// results are the outputs', then the maxima.
static scf::ForallOp buildPartsLoop(
    ImplicitLocOpBuilder &b, Value parts, ValueRange outputs,
    function_ref<Value(ImplicitLocOpBuilder &, scf::ForallOp)> body) {
  auto partsType = RankedTensorType::get({kParts}, b.getI32Type());
  SmallVector<Value> sharedOutputs(outputs);
  sharedOutputs.push_back(arith::ConstantOp::create(
      b, DenseElementsAttr::get(partsType, int32_t(0))));
  auto forall = scf::ForallOp::create(b, ArrayRef<OpFoldResult>{parts},
                                      sharedOutputs, std::nullopt);
  OpBuilder::InsertionGuard guard(b);
  b.setInsertionPointToStart(forall.getBody());
  Value bits = tensor::FromElementsOp::create(
      b, RankedTensorType::get({1}, b.getI32Type()),
      ValueRange{body(b, forall)});
  b.setInsertionPointToEnd(forall.getTerminator().getBody());
  tensor::ParallelInsertSliceOp::create(
      b, bits, forall.getRegionIterArgs().back(),
      ArrayRef<OpFoldResult>{OpFoldResult(forall.getInductionVars()[0])},
      ArrayRef<OpFoldResult>{b.getIndexAttr(1)},
      ArrayRef<OpFoldResult>{b.getIndexAttr(1)});
  return forall;
}

/// The maximum from the parts' first-pass maxima `partMaxima`, or from an
/// infinity or NaN on, the exact serial pass over `flat`.
static Value emitFinalMaxBits(ImplicitLocOpBuilder &b, Value partMaxima,
                              Value flat) {
  Value fast = vector::ReductionOp::create(
      b, vector::CombiningKind::MAXUI,
      vector::TransferReadOp::create(
          b, VectorType::get({kParts}, b.getI32Type()), partMaxima,
          ValueRange{arith::ConstantIndexOp::create(b, 0)},
          arith::ConstantIntOp::create(b, b.getI32Type(), 0),
          ArrayRef<bool>{true}));
  Value special = arith::CmpIOp::create(
      b, arith::CmpIPredicate::uge, fast,
      arith::ConstantIntOp::create(b, b.getI32Type(), 0x7F800000));
  return scf::IfOp::create(
             b, special,
             [&](OpBuilder &nested, Location loc) {
               ImplicitLocOpBuilder ib(loc, nested);
               scf::YieldOp::create(
                   ib, emitRangeMaxBits(ib, flat, emitMagnitudeBits,
                                        arith::ConstantIndexOp::create(ib, 0),
                                        tensor::DimOp::create(ib, flat, 0)));
             },
             [&](OpBuilder &nested, Location loc) {
               scf::YieldOp::create(nested, loc, fast);
             })
      .getResult(0);
}

/// How many parts (1 to kParts) `elements` make.
static Value countParts(ImplicitLocOpBuilder &b, Value elements) {
  return arith::MaxUIOp::create(
      b,
      arith::MinUIOp::create(
          b,
          arith::CeilDivUIOp::create(
              b, elements, arith::ConstantIndexOp::create(b, kPartElements)),
          arith::ConstantIndexOp::create(b, kParts)),
      arith::ConstantIndexOp::create(b, 1));
}

/// The largest finite magnitude of `input` (see above), parts being ranges
/// of the flattened tensor.
static Value emitTensorMaxBits(ImplicitLocOpBuilder &b, Value input) {
  Value flat = flatten(b, input);
  Value size = tensor::DimOp::create(b, flat, 0);
  Value parts = countParts(b, size);
  Value partSize = arith::CeilDivUIOp::create(b, size, parts);
  auto forall = buildPartsLoop(
      b, parts, {}, [&](ImplicitLocOpBuilder &pb, scf::ForallOp loop) {
        Value part = loop.getInductionVars()[0];
        Value begin = arith::MinUIOp::create(
            pb, arith::MulIOp::create(pb, part, partSize), size);
        Value end = arith::MinUIOp::create(
            pb, arith::AddIOp::create(pb, begin, partSize), size);
        return emitRangeMaxBits(pb, flat, emitAnyMagnitudeBits, begin, end);
      });
  return emitFinalMaxBits(b, forall.getResult(0), flat);
}

/// The loop along which a producer of a tensor whose maximum is wanted can
/// be split into parts that each compute and reduce their own elements: an
/// element-wise linalg.generic (parallel loops, one result on its init's
/// identity map, inputs on projected permutations) of builtin element types
/// whose payload has no side effects nor `linalg.index`, and no loop of
/// static size 0; the loop is its first one not statically of size 1.
/// std::nullopt for any other op.
static std::optional<unsigned> getFusibleLoop(Operation *producer) {
  auto generic = dyn_cast_or_null<linalg::GenericOp>(producer);
  if (!generic || generic.getNumDpsInits() != 1 ||
      generic.getNumResults() != 1 || !generic.hasPureTensorSemantics() ||
      generic.getNumLoops() == 0 ||
      generic.getNumParallelLoops() != generic.getNumLoops() ||
      !generic.getIndexingMapsArray().back().isIdentity())
    return std::nullopt;
  for (AffineMap map : generic.getIndexingMapsArray())
    if (!map.isProjectedPermutation())
      return std::nullopt;
  for (Value operand : generic->getOperands())
    if (!getElementTypeOrSelf(operand.getType()).isIntOrIndexOrFloat())
      return std::nullopt;
  WalkResult walk = generic.getRegion().walk([](Operation *op) {
    if (isa<linalg::IndexOp>(op) || !isMemoryEffectFree(op))
      return WalkResult::interrupt();
    for (Type type : op->getResultTypes())
      if (!type.isIntOrIndexOrFloat())
        return WalkResult::interrupt();
    return WalkResult::advance();
  });
  if (walk.wasInterrupted())
    return std::nullopt;
  SmallVector<int64_t> ranges = generic.getStaticLoopRanges();
  if (llvm::is_contained(ranges, 0))
    return std::nullopt;
  for (unsigned loop = 0; loop < ranges.size(); ++loop)
    if (ranges[loop] != 1)
      return loop;
  return std::nullopt;
}

/// The largest finite magnitude of the result of `producer` (see
/// getFusibleLoop), computed by the producer itself: it is split along
/// `loop` into parts (an scf.forall) that each compute their slice of the
/// result and take its maximum while the slice is still in cache, which
/// saves reading the result again. Replaces the producer.
static Value emitProducerMaxBits(ImplicitLocOpBuilder &b,
                                 ConversionPatternRewriter &rewriter,
                                 linalg::GenericOp producer, unsigned loop) {
  OpBuilder::InsertionGuard guard(b);
  b.setInsertionPoint(producer);
  Value init = producer.getDpsInitOperand(0)->get();
  SmallVector<Value> sizes = getDimSizes(b, b.getLoc(), init);
  Value elements = arith::ConstantIndexOp::create(b, 1);
  for (Value size : sizes)
    elements = arith::MulIOp::create(b, elements, size);
  Value rows = sizes[loop];
  Value rowsPerPart =
      arith::CeilDivUIOp::create(b, rows, countParts(b, elements));
  // No empty parts (whose slices would start past the end).
  Value parts = arith::CeilDivUIOp::create(
      b, rows,
      arith::MaxUIOp::create(b, rowsPerPart,
                             arith::ConstantIndexOp::create(b, 1)));
  AffineExpr loopExpr = b.getAffineDimExpr(loop);
  auto forall = buildPartsLoop(
      b, parts, {init}, [&](ImplicitLocOpBuilder &pb, scf::ForallOp partLoop) {
        Value part = partLoop.getInductionVars()[0];
        Value output = partLoop.getRegionIterArgs()[0];
        Value begin = arith::MulIOp::create(pb, part, rowsPerPart);
        Value count = arith::MinUIOp::create(
            pb, rowsPerPart, arith::SubIOp::create(pb, rows, begin));
        // The slice of `value` (indexed by `map`) that the part reads.
        auto slice = [&](Value value, AffineMap map) {
          SmallVector<OpFoldResult> offsets, extents, strides;
          SmallVector<OpFoldResult> dims =
              tensor::getMixedSizes(pb, pb.getLoc(), value);
          for (auto [result, dim] : llvm::zip(map.getResults(), dims)) {
            bool split = result == loopExpr;
            offsets.push_back(split ? OpFoldResult(begin)
                                    : OpFoldResult(pb.getIndexAttr(0)));
            extents.push_back(split ? count : dim);
            strides.push_back(pb.getIndexAttr(1));
          }
          return tensor::ExtractSliceOp::create(pb, value, offsets, extents,
                                                strides);
        };
        SmallVector<Value> operands;
        for (OpOperand *input : producer.getDpsInputOperands())
          operands.push_back(
              slice(input->get(), producer.getMatchingIndexingMap(input)));
        auto outputSlice =
            slice(output, producer.getIndexingMapsArray().back());
        operands.push_back(outputSlice);
        Value tile =
            clone(pb, producer, outputSlice.getType(), operands)->getResult(0);
        {
          OpBuilder::InsertionGuard inner(pb);
          pb.setInsertionPointToEnd(partLoop.getTerminator().getBody());
          tensor::ParallelInsertSliceOp::create(
              pb, tile, output, outputSlice.getMixedOffsets(),
              outputSlice.getMixedSizes(), outputSlice.getMixedStrides());
        }
        Value flat = flatten(pb, tile);
        return emitRangeMaxBits(pb, flat, emitAnyMagnitudeBits,
                                arith::ConstantIndexOp::create(pb, 0),
                                tensor::DimOp::create(pb, flat, 0));
      });
  rewriter.replaceOp(producer, forall.getResult(0));
  b.setInsertionPointAfter(forall);
  return emitFinalMaxBits(b, forall.getResult(1),
                          flatten(b, forall.getResult(0)));
}

namespace {

/// The largest finite magnitude of each block is an unsigned max over the
/// magnitudes' bits (a reduction whose output map folds each block onto one
/// element); its exponent is then computed element-wise. A whole tensor's
/// maximum is a vector reduction (emitTensorMaxBits).
struct SharedExponentLowering : OpConversionPattern<SharedExponentOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(SharedExponentOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    ImplicitLocOpBuilder b(op.getLoc(), rewriter);
    Value input = adaptor.getInput();
    RankedTensorType resultType = op.getType();
    unsigned rank = op.getInput().getType().getRank();
    int64_t block = op.getBlock();
    unsigned axis = op.getAxis();

    unsigned width = op.getWidth();
    int64_t headroom = op.getHeadroom();
    if (block == 0) {
      auto producer = input.getDefiningOp<linalg::GenericOp>();
      std::optional<unsigned> loop = getFusibleLoop(producer);
      Value maxBits = loop ? emitProducerMaxBits(b, rewriter, producer, *loop)
                           : emitTensorMaxBits(b, input);
      Value exponent = emitSharedExponent(b, maxBits, width, headroom);
      rewriter.replaceOp(op, tensor::FromElementsOp::create(
                                 b, resultType, ValueRange{exponent}));
      return success();
    }

    SmallVector<Value> sizes = getDimSizes(b, op.getLoc(), input);
    SmallVector<Value> dynamicSizes;
    for (unsigned dim = 0; dim < resultType.getRank(); ++dim) {
      if (!resultType.isDynamicDim(dim))
        continue;
      Value size = sizes[dim];
      if (dim == axis)
        size = arith::CeilDivUIOp::create(
            b, size, arith::ConstantIndexOp::create(b, block));
      dynamicSizes.push_back(size);
    }
    Value init =
        createFilled(b, resultType, dynamicSizes, b.getI32IntegerAttr(0));

    SmallVector<AffineExpr> outputExprs;
    SmallVector<utils::IteratorType> iterators;
    for (unsigned dim = 0; dim < rank; ++dim) {
      AffineExpr expr = b.getAffineDimExpr(dim);
      bool reduced = dim == axis;
      iterators.push_back(reduced ? utils::IteratorType::reduction
                                  : utils::IteratorType::parallel);
      outputExprs.push_back(dim == axis ? expr.floorDiv(block) : expr);
    }
    SmallVector<AffineMap> maps = {
        b.getMultiDimIdentityMap(rank),
        AffineMap::get(rank, 0, outputExprs, b.getContext())};
    auto maxBits = linalg::GenericOp::create(
        b, TypeRange{resultType}, ValueRange{input}, ValueRange{init}, maps,
        iterators, [&](OpBuilder &nested, Location loc, ValueRange args) {
          ImplicitLocOpBuilder nb(loc, nested);
          Value bits = emitMagnitudeBits(nb, args[0]);
          linalg::YieldOp::create(
              nb, Value(arith::MaxUIOp::create(nb, bits, args[1])));
        });

    Value result = buildElementwise(
        rewriter, op.getLoc(), resultType, maxBits.getResults(), {}, false,
        [&](ImplicitLocOpBuilder &nb, ValueRange args, Value) {
          return emitSharedExponent(nb, args[0], width, headroom);
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

/// The size of every loop of `maps`, from an operand dimension that the loop
/// indexes directly (the verifiers guarantee there is one).
static SmallVector<Value> getLoopSizes(ImplicitLocOpBuilder &b,
                                       ArrayRef<AffineMap> maps,
                                       ArrayRef<Value> operands) {
  unsigned numLoops = maps.front().getNumDims();
  SmallVector<Value> sizes(numLoops);
  for (auto [map, operand] : llvm::zip(maps, operands)) {
    SmallVector<Value> dims = getDimSizes(b, b.getLoc(), operand);
    for (auto [position, expr] : llvm::enumerate(map.getResults()))
      if (auto dim = dyn_cast<AffineDimExpr>(expr);
          dim && !sizes[dim.getPosition()])
        sizes[dim.getPosition()] = dims[position];
  }
  return sizes;
}

/// SEMANTICS §6 as one linalg.generic over the contraction's loops with two
/// accumulators: the current chunk's i32 sum, and the f32 sum that each
/// finished chunk is added to. Reduction loops run in lexicographic order, so
/// the linearized reduction index `k` tells where a chunk ends. The f32 total
/// is then scaled by 2^exp2 once. A saturating contraction keeps instead its
/// saturating i32 total and the first product of the current pair. With
/// per-block operands, chunks run within segments (see below).
template <typename OpTy>
struct ChunkedContractionLowering : OpConversionPattern<OpTy> {
  using OpConversionPattern<OpTy>::OpConversionPattern;
  using OneToNOpAdaptor = typename OpConversionPattern<OpTy>::OneToNOpAdaptor;

  LogicalResult
  matchAndRewrite(OpTy op, OneToNOpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    ImplicitLocOpBuilder b(op.getLoc(), rewriter);
    Value lhs = adaptor.getLhs()[0], rhs = adaptor.getRhs()[0];
    RankedTensorType resultType = op.getType();
    SmallVector<AffineMap> maps = op.getIndexingMapsArray();
    AffineMap resultMap = maps[2];
    unsigned numLoops = resultMap.getNumDims();
    SmallVector<Value> loopSizes =
        getLoopSizes(b, {maps[0], maps[1]}, {lhs, rhs});
    // Loops that only the result indexes have its sizes: static, or given
    // by a contraction's `sizes`.
    ValueRange resultSizes;
    if constexpr (std::is_same_v<OpTy, ContractOp>)
      resultSizes = op.getResultSizes();
    unsigned dynamicIndex = 0;
    for (auto [position, expr] : llvm::enumerate(resultMap.getResults())) {
      Value &size = loopSizes[cast<AffineDimExpr>(expr).getPosition()];
      bool dynamic = resultType.isDynamicDim(position);
      if (!size)
        size = dynamic ? resultSizes[dynamicIndex]
                       : arith::ConstantIndexOp::create(
                             b, resultType.getDimSize(position));
      dynamicIndex += dynamic;
    }

    SmallVector<utils::IteratorType> iterators(numLoops,
                                               utils::IteratorType::reduction);
    SmallVector<Value> dynamicSizes;
    for (auto [position, expr] : llvm::enumerate(resultMap.getResults())) {
      unsigned loop = cast<AffineDimExpr>(expr).getPosition();
      iterators[loop] = utils::IteratorType::parallel;
      if (resultType.isDynamicDim(position))
        dynamicSizes.push_back(loopSizes[loop]);
    }
    SmallVector<unsigned> reductionLoops;
    for (unsigned loop = 0; loop < numLoops; ++loop)
      if (iterators[loop] == utils::IteratorType::reduction)
        reductionLoops.push_back(loop);
    // K, the number of products per result element.
    Value reductionSize = arith::ConstantIndexOp::create(b, 1);
    for (unsigned loop : reductionLoops)
      reductionSize = arith::MulIOp::create(b, reductionSize, loopSizes[loop]);

    bool saturating = op.getSaturating();
    auto i32Type = RankedTensorType::get(resultType.getShape(), b.getI32Type());
    Value chunkInit =
        createFilled(b, i32Type, dynamicSizes, b.getI32IntegerAttr(0));
    Value sumInit = saturating ? chunkInit
                               : createFilled(b, resultType, dynamicSizes,
                                              b.getF32FloatAttr(0.0f));

    Type lhsType = op.getLhs().getType(), rhsType = op.getRhs().getType();
    // The clamp that `symmetric` promises: qmin never enters a product.
    auto widen = [&](ImplicitLocOpBuilder &nb, Value v, Type type) {
      Value wide = v.getType().isInteger(32)
                       ? v
                       : Value(arith::ExtSIOp::create(nb, nb.getI32Type(), v));
      if (!op.getSymmetric())
        return wide;
      return Value(arith::MaxSIOp::create(
          nb, wide, createIntConstant(nb, -op.getMaxMagnitude(type), 32)));
    };
    // Per-block operands (blocks along the last reduction loop): the
    // products split into segments of `block`, each scaled by its own
    // exponents and added to an f32 total inside the reduction.
    int64_t block = 0;
    for (Type type : {lhsType, rhsType})
      if (auto dfp = dyn_cast<DFPType>(type); dfp && !dfp.isPerTensor())
        block = dfp.getBlock();
    SmallVector<Value> inputs = {lhs, rhs};
    SmallVector<AffineMap> allMaps = {maps[0], maps[1]};
    SmallVector<Value> inits = {chunkInit, sumInit};
    if (block) {
      SmallVector<ValueRange> parts = {adaptor.getLhs(), adaptor.getRhs()};
      Type operandTypes[] = {lhsType, rhsType};
      for (auto [index, type] : llvm::enumerate(operandTypes)) {
        auto dfp = cast<DFPType>(type);
        SmallVector<AffineExpr> exprs;
        if (!dfp.isPerTensor()) {
          exprs = llvm::to_vector(maps[index].getResults());
          exprs[dfp.getAxis()] = exprs[dfp.getAxis()].floorDiv(block);
        }
        inputs.push_back(parts[index][1]);
        allMaps.push_back(AffineMap::get(numLoops, 0, exprs, b.getContext()));
      }
      inits.push_back(
          createFilled(b, resultType, dynamicSizes, b.getF32FloatAttr(0.0f)));
    }
    allMaps.append(inits.size(), resultMap);
    auto reduction = linalg::GenericOp::create(
        b, ValueRange(inits).getTypes(), inputs, inits, allMaps, iterators,
        [&](OpBuilder &nested, Location loc, ValueRange args) {
          ImplicitLocOpBuilder nb(loc, nested);
          auto index = [&](int64_t v) -> Value {
            return arith::ConstantIndexOp::create(nb, v);
          };
          auto isMultiple = [&](Value v, int64_t n) -> Value {
            return arith::CmpIOp::create(
                nb, arith::CmpIPredicate::eq,
                arith::RemUIOp::create(nb, v, index(n)), index(0));
          };
          Value product = arith::MulIOp::create(nb, widen(nb, args[0], lhsType),
                                                widen(nb, args[1], rhsType));
          // next = (index of this product in its segment) + 1.
          Value next, endsSegment;
          if (block) {
            unsigned last = reductionLoops.back();
            Value inner = linalg::IndexOp::create(nb, last);
            Value innerNext = arith::AddIOp::create(nb, inner, index(1));
            next = arith::AddIOp::create(
                nb, arith::RemUIOp::create(nb, inner, index(block)), index(1));
            endsSegment = arith::OrIOp::create(
                nb, isMultiple(innerNext, block),
                arith::CmpIOp::create(nb, arith::CmpIPredicate::eq, innerNext,
                                      loopSizes[last]));
          } else {
            // One segment: the row-major index among the K products.
            next = index(0);
            for (unsigned loop : reductionLoops)
              next = arith::AddIOp::create(
                  nb, arith::MulIOp::create(nb, next, loopSizes[loop]),
                  linalg::IndexOp::create(nb, loop));
            next = arith::AddIOp::create(nb, next, index(1));
            endsSegment = arith::CmpIOp::create(nb, arith::CmpIPredicate::eq,
                                                next, reductionSize);
          }
          // Whether this product ends a run of `length`, or its segment.
          auto endsRun = [&](int64_t length) -> Value {
            return arith::OrIOp::create(nb, isMultiple(next, length),
                                        endsSegment);
          };
          Value state = args[inputs.size()], sum = args[inputs.size() + 1];
          Value segmentSum;
          if (saturating) {
            // `state` holds the pair's first product when this is its second.
            Value pair = arith::SelectOp::create(
                nb, isMultiple(next, 2),
                arith::AddIOp::create(nb, state, product), product);
            state = pair;
            sum = arith::SelectOp::create(
                nb, endsRun(2), emitSaturatingAdd(nb, sum, pair), sum);
            segmentSum = arith::SIToFPOp::create(nb, nb.getF32Type(), sum);
          } else {
            Value chunkSum = arith::AddIOp::create(nb, state, product);
            Value flush = endsRun(*op.getChunk());
            state = arith::SelectOp::create(
                nb, flush, createIntConstant(nb, 0, 32), chunkSum);
            sum = arith::SelectOp::create(
                nb, flush,
                arith::AddFOp::create(
                    nb, sum,
                    arith::SIToFPOp::create(nb, nb.getF32Type(), chunkSum)),
                sum);
            segmentSum = sum;
          }
          SmallVector<Value> results = {state, sum};
          if (block) {
            // A finished segment joins the total, scaled by its exponents.
            auto exponent = [&](Value e) -> Value {
              return arith::ExtSIOp::create(nb, nb.getI64Type(), e);
            };
            Value scaled =
                emitScaleToFloat(nb, segmentSum,
                                 arith::AddIOp::create(nb, exponent(args[2]),
                                                       exponent(args[3])));
            Value total = args.back();
            results[1] = arith::SelectOp::create(
                nb, endsSegment,
                arith::ConstantOp::create(
                    nb, cast<TypedAttr>(nb.getZeroAttr(sum.getType()))),
                sum);
            results.push_back(arith::SelectOp::create(
                nb, endsSegment, arith::AddFOp::create(nb, total, scaled),
                total));
          }
          linalg::YieldOp::create(nb, results);
        });
    if (block) {
      rewriter.replaceOp(op, reduction.getResult(2));
      return success();
    }

    Value exp2;
    if (isa<DFPType>(lhsType)) {
      auto exponent = [&](ValueRange parts) {
        Value e = tensor::ExtractOp::create(b, parts[1], ValueRange{});
        return arith::ExtSIOp::create(b, b.getI64Type(), e);
      };
      exp2 = arith::AddIOp::create(b, exponent(adaptor.getLhs()),
                                   exponent(adaptor.getRhs()));
    } else {
      int64_t frac = getFixedElementType(lhsType).getFrac() +
                     getFixedElementType(rhsType).getFrac();
      exp2 = createIntConstant(b, -frac, 64);
    }
    Value result = buildElementwise(
        rewriter, op.getLoc(), resultType, {reduction.getResult(1)}, {}, false,
        [&](ImplicitLocOpBuilder &nb, ValueRange args, Value) {
          Value sum = args[0];
          if (saturating)
            sum = arith::SIToFPOp::create(nb, nb.getF32Type(), sum);
          return emitScaleToFloat(nb, sum, exp2);
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

} // namespace

void mlir::fxp::populateContractionPatterns(const TypeConverter &converter,
                                            RewritePatternSet &patterns) {
  patterns.add<SharedExponentLowering, ChunkedContractionLowering<MatmulOp>,
               ChunkedContractionLowering<ContractOp>>(converter,
                                                       patterns.getContext());
}
