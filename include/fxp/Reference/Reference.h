//===- Reference.h - fxp bit-exact reference model --------------*- C++ -*-===//
//
// The bit-exact reference model of the fxp numeric contract
// (SEMANTICS.md): rounding (§2), overflow handling (§3), counter-based random
// bits (§4), shared-exponent tensors (§5), chunked accumulation (§6) and
// rescaling (§7). Every lowering of the fxp dialect must produce the same bits
// as these functions for the same inputs and seed.
//
// This is plain C++17 without any MLIR or LLVM dependency; it only lives in
// the mlir::fxp namespace. It is the oracle of the test suite, so it favours
// obviously correct code over speed: every rounding is computed from exact
// integers (__int128 where needed), never from floating-point arithmetic.
//
// Conventions used throughout:
//  - A value of type fixed<W, F> is passed as its integer q (an int64_t holding
//    the sign-extended W-bit value); the results are sign-extended likewise.
//  - `width` is W, 2 <= W <= 32 (asserted).
//  - `random` is the 32-bit random word k of §2; it is ignored unless the
//    rounding mode is Stochastic.
//
//===----------------------------------------------------------------------===//

#ifndef FXP_REFERENCE_REFERENCE_H
#define FXP_REFERENCE_REFERENCE_H

#include <cstddef>
#include <cstdint>
#include <vector>

namespace mlir::fxp::ref {

/// The rounding modes of §2.
enum class Rounding {
  Floor,
  TowardZero,
  NearestEven,
  NearestAway,
  NearestUp,
  Biased,
  Stochastic
};

/// The overflow modes of §3.
enum class Overflow { Saturate, SaturateSymmetric, Wrap };

//===----------------------------------------------------------------------===//
// Ranges (§1)
//===----------------------------------------------------------------------===//

/// qmin = -2^(W-1).
int64_t minValue(unsigned width);
/// qmax = 2^(W-1) - 1.
int64_t maxValue(unsigned width);
/// Bits of the storage integer: the narrowest of 8, 16 or 32 that holds W.
unsigned storageBits(unsigned width);

//===----------------------------------------------------------------------===//
// Random bits (§4)
//===----------------------------------------------------------------------===//

/// The MurmurHash3 finalizer.
uint32_t fmix32(uint32_t x);
/// The key of a rounding op (`fxp_key` of §4).
uint32_t streamKey(uint64_t seed, uint32_t stream);
/// The random word of element `index` (`fxp_random_bits` of §4).
uint32_t randomBits(uint32_t key, uint64_t index);

//===----------------------------------------------------------------------===//
// Rounding (§2) and overflow (§3)
//===----------------------------------------------------------------------===//

/// The rounding decision of §2. `n` = floor(t) and `r` = the first 32
/// fractional bits of t, i.e. T = floor(t * 2^32) = n * 2^32 + r. Returns n
/// or n + 1. The sign of t is the sign of n (t < 0 exactly when T < 0, i.e.
/// when n < 0), so the table of §2 needs nothing else. Precondition:
/// n < INT128_MAX.
__int128 applyRounding(__int128 n, uint32_t r, Rounding mode, uint32_t random);

/// Brings an arbitrary integer into `width` bits (§3): clamp to
/// [qmin, qmax] (Saturate), to [-qmax, qmax] (SaturateSymmetric), or keep the
/// low W bits as a two's complement number (Wrap).
int64_t handleOverflow(__int128 v, unsigned width, Overflow mode);

/// Rounds t = q * 2^-shift to an integer per §2, then handles overflow per §3.
/// `shift` may be any int: shift <= 0 is an exact left shift (the result is
/// exact, only overflow handling applies); shift > 64 is fine too. As §2
/// defines, only T = floor(t * 2^32) takes part in the decision: for
/// shift > 32 the bits of q below 2^(shift-32) are dropped first (so e.g.
/// t = 1/2 + 2^-40 is a tie for NearestEven).
int64_t roundShifted(int64_t q, int shift, unsigned width, Rounding rounding,
                     Overflow overflow, uint32_t random);

/// Quantizes a binary32 to fixed<width, frac>: t = x * 2^frac, exactly from
/// the IEEE fields (subnormals included, -0 is 0), rounded per §2 and
/// saturated per §3. NaN gives 0; +-inf and any value beyond the range
/// saturate to the ends of the range. `frac` may be any int (for DFP it is
/// -e). Precondition (asserted): overflow != Overflow::Wrap.
int64_t quantize(float x, unsigned width, int frac, Rounding rounding,
                 Overflow overflow, uint32_t random);

/// Rescales fixed<., fromFrac> to fixed<toWidth, toFrac> (§7):
/// t = q * 2^(toFrac - fromFrac).
int64_t rescale(int64_t q, int fromFrac, unsigned toWidth, int toFrac,
                Rounding rounding, Overflow overflow, uint32_t random);

/// The exact sum, difference or product of a = fixed<., fa> and
/// b = fixed<., fb>, rounded once to fixed<outWidth, outFrac>.
/// For add and sub the operands are first aligned exactly to
/// max(fa, fb) fractional bits; precondition (asserted): each aligned operand
/// has magnitude < 2^126 (always true for 32-bit operands when
/// |fa - fb| <= 94). mul has no precondition (the product of two int64 fits
/// in an __int128).
int64_t add(int64_t a, int fa, int64_t b, int fb, unsigned outWidth,
            int outFrac, Rounding rounding, Overflow overflow, uint32_t random);
int64_t sub(int64_t a, int fa, int64_t b, int fb, unsigned outWidth,
            int outFrac, Rounding rounding, Overflow overflow, uint32_t random);
int64_t mul(int64_t a, int fa, int64_t b, int fb, unsigned outWidth,
            int outFrac, Rounding rounding, Overflow overflow, uint32_t random);

/// Dequantizes q * 2^exp2 with a single rounding to binary32 (nearest even);
/// values beyond the float range become +-inf, tiny ones round to subnormals
/// or zero. q is normally a 32-bit value; precondition (asserted):
/// |q| <= 2^53. Any exp2 is accepted (the double product is exact for
/// |exp2| <= 600, and clamping exp2 to that range cannot change the result).
float scaleToFloat(int64_t q, int exp2);

//===----------------------------------------------------------------------===//
// Shared-exponent tensors (§5)
//===----------------------------------------------------------------------===//

/// The exponent of a block of `count` values read with `stride` (in
/// elements): e = E(M) - (width - 1) + headroom, where M is the largest
/// magnitude (NaN and infinities ignored) and E(M) the smallest integer with
/// M < 2^E(M); e = 0 when M == 0 (including an empty block). Exact, from the
/// float bits.
int32_t sharedExponent(const float *values, size_t count, size_t stride,
                       unsigned width, int headroom);

/// The exponents of a row-major tensor of shape `shape`. block == 0: one
/// exponent for the whole tensor (the result has size 1). Otherwise one per
/// block of `block` consecutive elements along `axis` (the last block of each
/// line may be partial); the result is the row-major tensor whose shape is
/// `shape` with shape[axis] replaced by ceil(shape[axis] / block).
std::vector<int32_t> sharedExponents(const std::vector<float> &x,
                                     const std::vector<int64_t> &shape,
                                     unsigned width, int headroom,
                                     int64_t block, unsigned axis);

/// Quantizes a tensor to DFP mantissas: element i (row-major) uses the
/// exponent e of its block (`exponents` laid out as sharedExponents returns
/// them) and becomes quantize(x[i], width, -e, ...). Stochastic rounding uses
/// randomBits(streamKey(seed, stream), i).
std::vector<int64_t> quantizeDFP(const std::vector<float> &x,
                                 const std::vector<int64_t> &shape,
                                 const std::vector<int32_t> &exponents,
                                 unsigned width, int64_t block, unsigned axis,
                                 Rounding rounding, Overflow overflow,
                                 uint64_t seed, uint32_t stream);

//===----------------------------------------------------------------------===//
// Products and accumulation (§6)
//===----------------------------------------------------------------------===//

/// The largest magnitude of a `width`-bit operand's range: 2^(W-1), or
/// 2^(W-1) - 1 when it is saturated symmetrically.
int64_t maxMagnitude(unsigned width, bool symmetric);

/// The largest chunk C >= 0 with C * maxAbsA * maxAbsB <= 2^31 - 1, where
/// maxAbs is the largest magnitude of an operand's range (2^(W-1), or
/// 2^(W-1) - 1 when saturated symmetrically). Returns INT64_MAX when either
/// bound is 0. Precondition (asserted): 0 <= maxAbsA, maxAbsB <= 2^31.
int64_t maxChunk(int64_t maxAbsA, int64_t maxAbsB);

/// The chunked dot product of §6 over k elements a[i * strideA] and
/// b[i * strideB]: each chunk of `chunk` consecutive products (the last one
/// may be shorter) is summed in int32 (asserted: no partial sum leaves the
/// int32 range), converted to binary32 and added to a binary32 accumulator
/// that starts at 0.0f, in increasing k order. The result is that sum times
/// 2^exp2, computed exactly and rounded once to binary32. Precondition:
/// chunk >= 1.
float chunkedDot(const int64_t *a, size_t strideA, const int64_t *b,
                 size_t strideB, int64_t k, int64_t chunk, int exp2);

/// The saturating dot product (vpdpwssds): the products pair up in
/// increasing k order (an odd k ends with a lone product), and each step adds
/// a pair's exact sum (asserted to fit in int32) to an int32 accumulator that
/// starts at 0, clamping it to the int32 range. The total converts to
/// binary32 and is scaled by 2^exp2 as in chunkedDot.
float saturatingDot(const int64_t *a, size_t strideA, const int64_t *b,
                    size_t strideB, int64_t k, int exp2);

/// The dot product of per-block DFP operands whose blocks run along k: the
/// products split into segments of `block` consecutive k (the last may be
/// shorter) over which both exponents are constant, exp2[s] being the sum of
/// segment s's two exponents. Each segment is a chunkedDot (or, when
/// `saturating`, a saturatingDot) scaled by its own 2^exp2[s], and the
/// segments add into a binary32 total that starts at 0.0f, in increasing k
/// order. With one segment this is chunkedDot (saturatingDot). Precondition:
/// block >= 1, and chunk >= 1 unless saturating.
float blockedDot(const int64_t *a, size_t strideA, const int64_t *b,
                 size_t strideB, int64_t k, int64_t block, const int *exp2,
                 int64_t chunk, bool saturating);

/// Row-major [m, k] x [k, n] -> [m, n] with chunkedDot; exp2 is the scale
/// exponent (-(fa + fb) for fixed point, ea + eb for DFP).
std::vector<float> matmul(const std::vector<int64_t> &a,
                          const std::vector<int64_t> &b, int64_t m, int64_t n,
                          int64_t k, int64_t chunk, int exp2);

} // namespace mlir::fxp::ref

#endif // FXP_REFERENCE_REFERENCE_H
