//===- ParallelizeElementwise.cpp - element-wise ops on threads -*- C++ -*-===//

#include "fxp/Dialect/FXP/Transforms/Passes.h"
#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/SCF/Transforms/TileUsingInterface.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Interfaces/LoopLikeInterface.h"

#include <numeric>

namespace mlir::fxp {
#define GEN_PASS_DEF_FXPPARALLELIZEELEMENTWISEPASS
#include "fxp/Dialect/FXP/Transforms/Passes.h.inc"
} // namespace mlir::fxp

using namespace mlir;

namespace {
/// The multiple of which tiles along `loop` must start so that each tile
/// reads what the whole op reads: a tile keeps the op's indexing maps, which
/// see the tile's own indices, so a map reading `loop floordiv B` (a
/// per-block exponent) needs tiles of whole blocks. std::nullopt when a map
/// reads `loop` in any other way than as itself or such a quotient.
std::optional<int64_t> getTileAlignment(linalg::LinalgOp op, unsigned loop) {
  int64_t alignment = 1;
  AffineExpr d = getAffineDimExpr(loop, op.getContext());
  for (AffineMap map : op.getIndexingMapsArray()) {
    for (AffineExpr result : map.getResults()) {
      if (result == d || !result.isFunctionOfDim(loop))
        continue;
      auto quotient = dyn_cast<AffineBinaryOpExpr>(result);
      auto divisor = quotient ? dyn_cast<AffineConstantExpr>(quotient.getRHS())
                              : AffineConstantExpr();
      if (!quotient || quotient.getKind() != AffineExprKind::FloorDiv ||
          quotient.getLHS() != d || !divisor || divisor.getValue() < 1)
        return std::nullopt;
      alignment = std::lcm(alignment, divisor.getValue());
    }
  }
  return alignment;
}

struct FXPParallelizeElementwisePass
    : fxp::impl::FXPParallelizeElementwisePassBase<
          FXPParallelizeElementwisePass> {
  using Base::Base;

  void runOnOperation() override {
    if (tiles < 1) {
      getOperation().emitError("fxp-parallelize-elementwise: 'tiles' must be "
                               "at least 1, not ")
          << tiles.getValue();
      return signalPassFailure();
    }
    SmallVector<linalg::LinalgOp> candidates;
    getOperation().walk([&](linalg::LinalgOp op) {
      if (op.hasPureTensorSemantics() && op.getNumParallelLoops() > 0 &&
          !op->getParentOfType<LoopLikeOpInterface>())
        candidates.push_back(op);
    });
    IRRewriter rewriter(&getContext());
    for (linalg::LinalgOp op : candidates)
      parallelize(rewriter, op);
  }

  /// Tiles the first parallel loop of `op` that may be longer than 1 (and
  /// that its maps let tiles start on, see getTileAlignment) into `tiles`
  /// scf.forall iterations, when the op is large enough.
  void parallelize(IRRewriter &rewriter, linalg::LinalgOp op) {
    SmallVector<int64_t> sizes = op.getStaticLoopRanges();
    // An op without iterations has no work to share (and upstream's tiling
    // fails on its zero-sized loop).
    if (llvm::is_contained(sizes, 0))
      return;
    int64_t elements = 1;
    for (int64_t size : sizes)
      elements = ShapedType::isDynamic(size) || ShapedType::isDynamic(elements)
                     ? ShapedType::kDynamic
                     : elements * size;
    if (!ShapedType::isDynamic(elements) && elements < minElements)
      return;
    SmallVector<utils::IteratorType> iterators = op.getIteratorTypesArray();
    std::optional<unsigned> dim;
    int64_t alignment = 1;
    for (unsigned loop = 0; loop < sizes.size() && !dim; ++loop) {
      if (iterators[loop] != utils::IteratorType::parallel || sizes[loop] == 1)
        continue;
      if (std::optional<int64_t> unit = getTileAlignment(op, loop)) {
        dim = loop;
        alignment = *unit;
      }
    }
    if (!dim)
      return;

    rewriter.setInsertionPoint(op);
    Location loc = op.getLoc();
    // An init the payload never reads only provides the shape. Were it also
    // an input (an in-place update such as `w - lr * g` into g), threads
    // writing its slices while others read it would make bufferization copy
    // it first; a fresh tensor needs no copy.
    for (OpOperand &init : op.getDpsInitsMutable()) {
      if (op.payloadUsesValueFromOperand(&init) ||
          init.get().getDefiningOp<tensor::EmptyOp>())
        continue;
      SmallVector<OpFoldResult> shape =
          tensor::getMixedSizes(rewriter, loc, init.get());
      auto type = cast<RankedTensorType>(init.get().getType());
      rewriter.modifyOpInPlace(op, [&] {
        init.set(tensor::EmptyOp::create(rewriter, loc, shape,
                                         type.getElementType()));
      });
    }
    OpFoldResult extent = op.createLoopRanges(rewriter, loc)[*dim].size;
    AffineExpr s0 = rewriter.getAffineSymbolExpr(0);
    SmallVector<OpFoldResult> tileSizes(sizes.size(), rewriter.getIndexAttr(0));
    // At least 1: an empty loop's tiles would otherwise step by 0.
    tileSizes[*dim] = affine::makeComposedFoldedAffineMax(
        rewriter, loc,
        AffineMap::get(0, 1,
                       {s0.ceilDiv(tiles).ceilDiv(alignment) * alignment,
                        rewriter.getAffineConstantExpr(1)},
                       rewriter.getContext()),
        {extent});
    scf::SCFTilingOptions options;
    options.setLoopType(scf::SCFTilingOptions::LoopType::ForallOp);
    options.setTileSizes(tileSizes);
    FailureOr<scf::SCFTilingResult> tiled = scf::tileUsingSCF(
        rewriter, cast<TilingInterface>(op.getOperation()), options);
    if (failed(tiled))
      return;
    rewriter.replaceOp(op, tiled->replacements);
  }
};
} // namespace
