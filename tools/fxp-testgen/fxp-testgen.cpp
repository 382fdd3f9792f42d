//===- fxp-testgen.cpp - bit-exact execution tests of fxp ops ---*- C++ -*-===//
//
// Prints a complete MLIR test module for one configuration of one fxp op.
// `@kernel` applies the op to its arguments; `@main` calls it on
// deterministic inputs (edge cases first, see TestData.h), converts the
// result to integers (storage integers, f32 bit patterns or exponents),
// counts in MLIR the elements that differ from what the reference model
// (FXPReference) computes, and prints the number of elements compared, the
// number of mismatches, a negative control (the count against the expected
// tensor with one element altered, which must be 1) and the first results.
// The module carries its own FileCheck lines:
//
//   fxp-testgen --op=quantize --out=8,4 > t.mlir
//   fxp-opt t.mlir --fxp-lower-to-llvm |
//     mlir-runner -e main -entry-point-result=void -shared-libs=... |
//     FileCheck t.mlir
//
//===----------------------------------------------------------------------===//

#include "TestCase.h"
#include "TestData.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/raw_ostream.h"

#include <cmath>
#include <cstdlib>
#include <cstring>

using namespace llvm;
using namespace mlir::fxp;
using namespace mlir::fxp::testgen;

static cl::OptionCategory category("fxp-testgen options");
static cl::opt<OpKind>
    opKind("op", cl::desc("The op under test"), cl::Required, cl::cat(category),
           cl::values(clEnumValN(OpKind::Quantize, "quantize", ""),
                      clEnumValN(OpKind::Dequantize, "dequantize", ""),
                      clEnumValN(OpKind::Rescale, "rescale", ""),
                      clEnumValN(OpKind::Saturate, "saturate", ""),
                      clEnumValN(OpKind::FromStorage, "from_storage", ""),
                      clEnumValN(OpKind::Add, "add", ""),
                      clEnumValN(OpKind::Sub, "sub", ""),
                      clEnumValN(OpKind::Mul, "mul", ""),
                      clEnumValN(OpKind::SharedExponent, "shared_exponent", ""),
                      clEnumValN(OpKind::QuantizeDFP, "quantize_dfp", ""),
                      clEnumValN(OpKind::DequantizeDFP, "dequantize_dfp", ""),
                      clEnumValN(OpKind::Matmul, "matmul", "")));
static cl::opt<std::string>
    shapeOpt("shape",
             cl::desc("Shape of element-wise and DFP ops: AxBxC ('': rank 0)"),
             cl::init("7"), cl::cat(category));
static cl::opt<bool>
    dynamicOpt("dynamic",
               cl::desc("Make dimension 0 of the kernel's tensors dynamic"),
               cl::cat(category));
static cl::opt<bool>
    scalarOpt("scalar",
              cl::desc("Apply an element-wise op to scalars, one call each"),
              cl::cat(category));
static cl::opt<std::string>
    roundingOpt("rounding",
                cl::desc("floor, toward_zero, nearest_even, nearest_away, "
                         "nearest_up, biased or stochastic"),
                cl::cat(category));
static cl::opt<std::string>
    overflowOpt("overflow", cl::desc("saturate, saturate_symmetric or wrap"),
                cl::cat(category));
static cl::opt<std::string> inOpt("in", cl::desc("W,F of the (lhs) input"),
                                  cl::init("16,8"), cl::cat(category));
static cl::opt<std::string> rhsOpt("rhs",
                                   cl::desc("W,F of the rhs (default: --in)"),
                                   cl::cat(category));
static cl::opt<std::string> outOpt("out", cl::desc("W,F of the result"),
                                   cl::init("16,8"), cl::cat(category));
static cl::opt<uint64_t> seedOpt("seed", cl::desc("Stochastic rounding seed"),
                                 cl::init(2026), cl::cat(category));
static cl::opt<unsigned> streamOpt("stream", cl::desc("Stochastic stream"),
                                   cl::init(1), cl::cat(category));
static cl::opt<unsigned> widthOpt("width", cl::desc("DFP mantissa width"),
                                  cl::init(16), cl::cat(category));
static cl::opt<int> headroomOpt("headroom", cl::desc("DFP exponent headroom"),
                                cl::init(0), cl::cat(category));
static cl::opt<int64_t> blockOpt("block", cl::desc("DFP block (0: tensor)"),
                                 cl::init(0), cl::cat(category));
static cl::opt<unsigned> axisOpt("axis", cl::desc("DFP block axis"),
                                 cl::init(0), cl::cat(category));
static cl::opt<int>
    scaleOpt("scale", cl::desc("DFP inputs: log2 of the typical block maximum"),
             cl::init(0), cl::cat(category));
static cl::opt<bool> anyExponentsOpt(
    "any-exponents",
    cl::desc("quantize_dfp: random exponents up to the ends of the i32 range "
             "instead of those of fxp.shared_exponent"),
    cl::cat(category));
static cl::opt<int64_t> mOpt("m", cl::desc("matmul: rows of the result"),
                             cl::init(4), cl::cat(category));
static cl::opt<int64_t> nOpt("n", cl::desc("matmul: columns of the result"),
                             cl::init(4), cl::cat(category));
static cl::opt<int64_t> kOpt("k", cl::desc("matmul: reduction length"),
                             cl::init(4), cl::cat(category));
static cl::opt<int64_t> batchOpt("batch", cl::desc("0: not batched"),
                                 cl::init(0), cl::cat(category));
static cl::opt<int64_t> chunkOpt("chunk",
                                 cl::desc("matmul: products summed in i32"),
                                 cl::init(1), cl::cat(category));
static cl::opt<bool>
    saturatingOpt("saturating",
                  cl::desc("matmul: one saturating i32 sum instead of chunks"),
                  cl::cat(category));
static cl::opt<bool>
    symmetricOpt("symmetric",
                 cl::desc("matmul, saturate: clamp to [-qmax, qmax]"),
                 cl::cat(category));
static cl::opt<bool> transposeAOpt("transpose-a",
                                   cl::desc("matmul: A is [k, m]"),
                                   cl::cat(category));
static cl::opt<bool> transposeBOpt("transpose-b",
                                   cl::desc("matmul: B is [n, k]"),
                                   cl::cat(category));
static cl::opt<bool> dfpOpt("dfp", cl::desc("matmul: DFP operands"),
                            cl::cat(category));
static cl::opt<bool>
    fromFloatOpt("from-float",
                 cl::desc("matmul: quantize f32 operands in the kernel"),
                 cl::cat(category));
static cl::opt<bool>
    adversarialOpt("adversarial",
                   cl::desc("matmul: every operand at its largest magnitude"),
                   cl::cat(category));
static cl::opt<std::string>
    splatOpt("splat",
             cl::desc("quantize: every input is this value; also checks that "
                      "the mean rounding error is ~0"),
             cl::cat(category));
static cl::opt<uint64_t> dataSeedOpt("data-seed", cl::desc("Input seed"),
                                     cl::init(1), cl::cat(category));
static cl::opt<unsigned> firstOpt("first", cl::desc("Results to print"),
                                  cl::init(8), cl::cat(category));

[[noreturn]] static void fail(const Twine &message) {
  errs() << "fxp-testgen: " << message << "\n";
  std::exit(1);
}

static Format parseFormat(StringRef text, StringRef option) {
  auto [w, f] = text.split(',');
  Format format;
  if (w.trim().getAsInteger(10, format.width) ||
      f.trim().getAsInteger(10, format.frac) || format.width < 2 ||
      format.width > 32 || format.frac < -64 || format.frac > 64)
    fail("--" + option + " must be W,F with 2 <= W <= 32, -64 <= F <= 64");
  return format;
}

static Config parseOptions() {
  Config c;
  c.op = opKind;
  SmallVector<StringRef> dims;
  if (!shapeOpt.empty()) // --shape= is a rank-0 tensor
    StringRef(shapeOpt).split(dims, 'x');
  for (StringRef dim : dims) {
    int64_t size;
    if (dim.getAsInteger(10, size) || size < 1)
      fail("--shape must be sizes >= 1 separated by 'x', got '" + shapeOpt +
           "'");
    c.shape.push_back(size);
  }
  c.dynamic = dynamicOpt;
  c.scalar = scalarOpt;
  if (c.scalar && (c.dynamic || c.op >= OpKind::SharedExponent))
    fail("--scalar is for element-wise fixed-point ops, without --dynamic");
  if (!roundingOpt.empty()) {
    for (int i = 0; i <= static_cast<int>(ref::Rounding::Stochastic); ++i)
      if (roundingOpt == getRoundingName(static_cast<ref::Rounding>(i)))
        c.rounding = static_cast<ref::Rounding>(i);
    if (!c.rounding)
      fail("unknown rounding mode '" + roundingOpt + "'");
  }
  if (!overflowOpt.empty()) {
    for (int i = 0; i <= static_cast<int>(ref::Overflow::Wrap); ++i)
      if (overflowOpt == getOverflowName(static_cast<ref::Overflow>(i)))
        c.overflow = static_cast<ref::Overflow>(i);
    if (!c.overflow)
      fail("unknown overflow mode '" + overflowOpt + "'");
  }
  c.in = parseFormat(inOpt, "in");
  c.rhs = rhsOpt.empty() ? c.in : parseFormat(rhsOpt, "rhs");
  c.out = parseFormat(outOpt, "out");
  c.seed = seedOpt;
  c.stream = streamOpt;
  c.width = widthOpt;
  c.headroom = headroomOpt;
  c.block = blockOpt;
  c.axis = axisOpt;
  c.scale = scaleOpt;
  c.anyExponents = anyExponentsOpt;
  if (c.width < 2 || c.width > 32 || c.headroom < 0 || c.block < 0 ||
      (c.block && c.op != OpKind::Matmul && c.axis >= c.shape.size()) ||
      (c.block && c.op == OpKind::Matmul && !dfpOpt))
    fail("invalid --width, --headroom, --block or --axis");
  c.m = mOpt;
  c.n = nOpt;
  c.k = kOpt;
  c.batch = batchOpt;
  c.chunk = chunkOpt;
  if (c.m < 1 || c.n < 1 || c.k < 1 || c.batch < 0)
    fail("invalid matmul sizes");
  c.saturating = saturatingOpt;
  c.symmetric = symmetricOpt;
  c.transposeA = transposeAOpt;
  c.transposeB = transposeBOpt;
  c.dfp = dfpOpt;
  c.fromFloat = fromFloatOpt;
  c.adversarial = adversarialOpt;
  if (!splatOpt.empty()) {
    if (c.op != OpKind::Quantize)
      fail("--splat is for --op=quantize");
    char *end;
    c.splat = std::strtof(splatOpt.c_str(), &end);
    if (*end)
      fail("--splat must be a number");
  }
  c.dataSeed = dataSeedOpt;
  return c;
}

//===----------------------------------------------------------------------===//
// The module
//===----------------------------------------------------------------------===//

namespace {
/// Writes the module of one test case.
class Emitter {
public:
  Emitter(raw_ostream &os, const Config &c, const TestCase &t)
      : os(os), c(c), t(t),
        count(std::max<int64_t>(numElements(t.resultShape), 1)) {
    wantElement = "i" + std::to_string(t.bits);
    gotElement = t.kind == ResultKind::Float ? "f32" : wantElement;
    flatType = tensorType({count}, gotElement, false);
    wantType = tensorType({count}, wantElement, false);
  }

  void emit(StringRef commandLine);

private:
  std::string kernelType(const std::vector<int64_t> &shape,
                         const std::string &element) const {
    return c.scalar ? element : tensorType(shape, element, c.dynamic);
  }
  std::string mainType(const Arg &arg) const {
    return tensorType(c.scalar ? std::vector<int64_t>{count} : arg.shape,
                      arg.element, false);
  }
  std::string resultKernelType() const {
    return kernelType(t.resultShape, t.resultElement);
  }
  void emitChecks();
  void emitKernel();
  void emitHelpers();
  void emitMain();
  void emitCallTensors();
  void emitCallScalars();
  void emitStatistics();

  raw_ostream &os;
  const Config &c;
  const TestCase &t;
  const int64_t count;
  std::string wantElement, gotElement, flatType, wantType;
  /// The results as a 1-D tensor of `flatType`.
  std::string flat = "%flat";
};
} // namespace

void Emitter::emit(StringRef commandLine) {
  os << "// Generated by fxp-testgen; do not edit. To regenerate:\n//   "
     << commandLine << "\n//\n// " << t.summary
     << ".\n// The lowered kernel and the reference model must agree bit for "
        "bit on all\n// "
     << count
     << " results; the control compares against the expected results "
        "with\n// one of them altered and must find exactly 1 mismatch.\n";
  emitChecks();
  emitKernel();
  emitHelpers();
  emitMain();
}

static std::string vectorText(const std::vector<int64_t> &values, size_t size) {
  std::string text = "(";
  for (size_t i = 0; i < size; ++i)
    text += (i ? ", " : " ") + std::to_string(values[i]);
  return text + " )";
}

void Emitter::emitChecks() {
  size_t first = std::min<size_t>(firstOpt, count);
  os << "\n// CHECK: compared " << count << "{{$}}\n"
     << "// CHECK-NEXT: mismatches 0{{$}}\n"
     << "// CHECK-NEXT: control 1{{$}}\n"
     << "// CHECK-NEXT: first " << vectorText(t.expected, first) << "{{$}}\n";
  if (!c.splat)
    return;
  int64_t sum = 0;
  for (int64_t v : t.expected)
    sum += v;
  os << "// CHECK: sum " << sum << "{{$}}\n"
     << "// CHECK-NEXT: unbiased 1{{$}}\n";
}

void Emitter::emitKernel() {
  std::vector<std::string> types;
  for (const Arg &arg : t.args)
    types.push_back(kernelType(arg.shape, arg.element));
  os << "\nfunc.func @kernel(";
  for (size_t i = 0; i < types.size(); ++i)
    os << (i ? ", " : "") << "%arg" << i << ": " << types[i];
  if (t.usesSeed)
    os << ", %seed: i64";
  os << ")\n    -> " << resultKernelType() << " attributes {no_inline} {\n";
  for (std::string line : t.body) {
    for (size_t pos; (pos = line.find('$')) != std::string::npos;) {
      char which = line[pos + 1];
      line.replace(pos, 2,
                   which == 'R' ? resultKernelType() : types[which - '0']);
    }
    os << "  " << line << "\n";
  }
  os << "  return %result : " << resultKernelType() << "\n}\n";
}

void Emitter::emitHelpers() {
  // @count: the number of elements compared and of mismatches.
  os << R"(
func.func @count(%got: )"
     << flatType << ", %want: " << wantType << R"()
    -> (i64, i64) attributes {no_inline} {
  %zero = arith.constant 0 : i64
  %one = arith.constant 1 : i64
  %empty = tensor.empty() : tensor<i64>
  %init = linalg.fill ins(%zero : i64) outs(%empty : tensor<i64>) -> tensor<i64>
  %r:2 = linalg.generic {
      indexing_maps = [affine_map<(i) -> (i)>, affine_map<(i) -> (i)>,
                       affine_map<(i) -> ()>, affine_map<(i) -> ()>],
      iterator_types = ["reduction"]}
      ins(%got, %want : )"
     << flatType << ", " << wantType << R"()
      outs(%init, %init : tensor<i64>, tensor<i64>) {
  ^bb0(%g: )"
     << gotElement << ", %w: " << wantElement << R"(, %n: i64, %m: i64):
)";
  if (t.kind == ResultKind::Float)
    os << "    %gi = arith.bitcast %g : f32 to i32\n";
  os << "    %differs = arith.cmpi ne, "
     << (t.kind == ResultKind::Float ? "%gi" : "%g") << ", %w : " << wantElement
     << R"(
    %d = arith.extui %differs : i1 to i64
    %n1 = arith.addi %n, %one : i64
    %m1 = arith.addi %m, %d : i64
    linalg.yield %n1, %m1 : i64, i64
  } -> (tensor<i64>, tensor<i64>)
  %n = tensor.extract %r#0[] : tensor<i64>
  %m = tensor.extract %r#1[] : tensor<i64>
  return %n, %m : i64, i64
}
)";
  if (!c.splat)
    return;
  // @sum: the sum of the results.
  os << R"(
func.func @sum(%got: )"
     << flatType << R"() -> i64 attributes {no_inline} {
  %zero = arith.constant 0 : i64
  %empty = tensor.empty() : tensor<i64>
  %init = linalg.fill ins(%zero : i64) outs(%empty : tensor<i64>) -> tensor<i64>
  %r = linalg.generic {
      indexing_maps = [affine_map<(i) -> (i)>, affine_map<(i) -> ()>],
      iterator_types = ["reduction"]}
      ins(%got : )"
     << flatType << R"() outs(%init : tensor<i64>) {
  ^bb0(%g: )"
     << gotElement << R"(, %s: i64):
    %w = arith.extsi %g : )"
     << gotElement << R"( to i64
    %t = arith.addi %s, %w : i64
    linalg.yield %t : i64
  } -> tensor<i64>
  %v = tensor.extract %r[] : tensor<i64>
  return %v : i64
}
)";
}

void Emitter::emitMain() {
  os << "\nfunc.func @main() {\n";
  if (t.usesSeed)
    os << "  %seed = arith.constant " << static_cast<int64_t>(c.seed)
       << " : i64\n";
  for (size_t i = 0; i < t.args.size(); ++i) {
    const Arg &arg = t.args[i];
    std::vector<int64_t> shape =
        c.scalar ? std::vector<int64_t>{count} : arg.shape;
    os << "  %in" << i << " = ";
    if (arg.storage.empty())
      os << "arith.constant " << arg.data << " : " << mainType(arg) << "\n";
    else
      os << "fxp.constant " << arg.data << " : "
         << tensorType(shape, arg.storage, false) << " -> " << mainType(arg)
         << "\n";
  }
  if (c.scalar)
    emitCallScalars();
  else
    emitCallTensors();

  std::string one = t.kind == ResultKind::Float ? "0.0" : "0";
  size_t first = std::min<size_t>(firstOpt, count);
  std::string head = "vector<" + std::to_string(first) + "x";
  os << "  %want = arith.constant " << denseHex(t.expected, t.bits) << " : "
     << wantType << R"(
  %n, %m = call @count()"
     << flat << ", %want) : (" << flatType << ", " << wantType
     << R"() -> (i64, i64)
  vector.print str "compared "
  vector.print %n : i64
  vector.print str "mismatches "
  vector.print %m : i64
  %ci = arith.constant )"
     << count / 2 << R"( : index
  %old = tensor.extract %want[%ci] : )"
     << wantType << R"(
  %bit = arith.constant 1 : )"
     << wantElement << R"(
  %new = arith.xori %old, %bit : )"
     << wantElement << R"(
  %control = tensor.insert %new into %want[%ci] : )"
     << wantType << R"(
  %cn, %cm = call @count()"
     << flat << ", %control) : (" << flatType << ", " << wantType
     << R"() -> (i64, i64)
  vector.print str "control "
  vector.print %cm : i64
  %c0 = arith.constant 0 : index
  %pad = arith.constant )"
     << one << " : " << gotElement << R"(
  %head = vector.transfer_read )"
     << flat << R"([%c0], %pad {in_bounds = [true]}
      : )"
     << flatType << ", " << head << gotElement << ">\n";
  if (t.kind == ResultKind::Float)
    os << "  %bits = vector.bitcast %head : " << head << "f32> to " << head
       << "i32>\n";
  os << "  vector.print str \"first \"\n  vector.print "
     << (t.kind == ResultKind::Float ? "%bits" : "%head") << " : " << head
     << wantElement << ">\n";
  if (t.kind == ResultKind::Float)
    os << "  vector.print str \"values \"\n  vector.print %head : " << head
       << "f32>\n";
  if (c.splat)
    emitStatistics();
  os << "  return\n}\n";
}

void Emitter::emitCallTensors() {
  std::vector<std::string> names, types;
  for (size_t i = 0; i < t.args.size(); ++i) {
    const Arg &arg = t.args[i];
    std::string name = "%in" + std::to_string(i);
    std::string type = kernelType(arg.shape, arg.element);
    if (type != mainType(arg)) {
      os << "  %arg" << i << " = tensor.cast " << name << " : " << mainType(arg)
         << " to " << type << "\n";
      name = "%arg" + std::to_string(i);
    }
    names.push_back(name);
    types.push_back(type);
  }
  if (t.usesSeed) {
    names.push_back("%seed");
    types.push_back("i64");
  }
  os << "  %r = call @kernel(" << join(names, ", ") << ") : ("
     << join(types, ", ") << ") -> " << resultKernelType() << "\n";
  std::string result = "%r";
  std::string type = tensorType(t.resultShape, t.resultElement, false);
  if (type != resultKernelType()) {
    os << "  %rs = tensor.cast %r : " << resultKernelType() << " to " << type
       << "\n";
    result = "%rs";
  }
  if (t.kind == ResultKind::Fixed) {
    std::string storage = tensorType(t.resultShape, wantElement, false);
    os << "  %ri = fxp.to_storage " << result << " : " << type << " -> "
       << storage << "\n";
    result = "%ri";
    type = storage;
  }
  size_t rank = t.resultShape.size();
  if (rank == 0) {
    os << "  %scalar = tensor.extract " << result << "[] : " << type
       << "\n  %flat = tensor.from_elements %scalar : " << flatType << "\n";
  } else if (rank == 1) {
    flat = result;
  } else {
    std::vector<std::string> dims;
    for (size_t i = 0; i < rank; ++i)
      dims.push_back(std::to_string(i));
    os << "  %flat = tensor.collapse_shape " << result << " [["
       << join(dims, ", ") << "]] : " << type << " into " << flatType << "\n";
  }
}

void Emitter::emitCallScalars() {
  std::vector<std::string> names, types;
  for (size_t i = 0; i < t.args.size(); ++i) {
    names.push_back("%e" + std::to_string(i));
    types.push_back(t.args[i].element);
  }
  if (t.usesSeed) {
    names.push_back("%seed");
    types.push_back("i64");
  }
  os << "  %c0i = arith.constant 0 : index\n"
     << "  %c1i = arith.constant 1 : index\n"
     << "  %size = arith.constant " << count << " : index\n"
     << "  %empty = tensor.empty() : " << flatType << "\n"
     << "  %flat = scf.for %i = %c0i to %size step %c1i iter_args(%acc = "
        "%empty) -> ("
     << flatType << ") {\n";
  for (size_t i = 0; i < t.args.size(); ++i)
    os << "    %e" << i << " = tensor.extract %in" << i
       << "[%i] : " << mainType(t.args[i]) << "\n";
  os << "    %v = func.call @kernel(" << join(names, ", ") << ") : ("
     << join(types, ", ") << ") -> " << t.resultElement << "\n";
  std::string value = "%v";
  if (t.kind == ResultKind::Fixed) {
    os << "    %s = fxp.to_storage %v : " << t.resultElement << " -> "
       << wantElement << "\n";
    value = "%s";
  }
  os << "    %next = tensor.insert " << value << " into %acc[%i] : " << flatType
     << "\n    scf.yield %next : " << flatType << "\n  }\n";
}

/// With --splat: the sum of the results, and whether the mean rounding error
/// is within 5 standard deviations (+1) of 0, in units of 2^-32 * eps.
void Emitter::emitStatistics() {
  const int64_t scaled = t.splatT;
  const double p = static_cast<double>(scaled & 0xFFFFFFFF) / 4294967296.0;
  const double deviation = std::sqrt(count * p * (1 - p));
  const int64_t bound =
      static_cast<int64_t>(std::ceil((5 * deviation + 1) * 4294967296.0));
  __int128 exact = static_cast<__int128>(scaled) * count, sum = 0;
  for (int64_t v : t.expected)
    sum += v;
  __int128 error = sum * (static_cast<__int128>(1) << 32) - exact;
  if (exact > INT64_MAX / 2 || exact < INT64_MIN / 2 ||
      (sum << 32) > INT64_MAX / 2 || (sum << 32) < INT64_MIN / 2)
    fail("--splat: the sums do not fit in i64");
  if (error > bound || -error > bound)
    fail("--splat: the reference model fails the mean check");
  double denominator = static_cast<double>(count) * 4294967296.0;
  uint64_t denominatorBits;
  std::memcpy(&denominatorBits, &denominator, sizeof(denominatorBits));
  os << "  %sum = call @sum(" << flat << ") : (" << flatType << R"() -> i64
  vector.print str "sum "
  vector.print %sum : i64
  %c32 = arith.constant 32 : i64
  %scaled = arith.shli %sum, %c32 : i64
  %exact = arith.constant )"
     << static_cast<int64_t>(exact) << R"( : i64
  %error = arith.subi %scaled, %exact : i64
  %zero = arith.constant 0 : i64
  %negated = arith.subi %zero, %error : i64
  %negative = arith.cmpi slt, %error, %zero : i64
  %magnitude = arith.select %negative, %negated, %error : i64
  %bound = arith.constant )"
     << bound << R"( : i64
  %within = arith.cmpi sle, %magnitude, %bound : i64
  %unbiased = arith.extui %within : i1 to i64
  vector.print str "unbiased "
  vector.print %unbiased : i64
  %errorf = arith.sitofp %error : i64 to f64
  %denominator = arith.constant 0x)"
     << utohexstr(denominatorBits) << R"( : f64
  %mean = arith.divf %errorf, %denominator : f64
  vector.print str "mean rounding error (in units of 2^-F) "
  vector.print %mean : f64
)";
}

int main(int argc, char **argv) {
  cl::HideUnrelatedOptions(category);
  cl::ParseCommandLineOptions(
      argc, argv,
      "Prints an MLIR module that checks one fxp op against the reference "
      "model\n");
  Config config = parseOptions();
  TestCase test = buildTestCase(config);
  std::string commandLine = "fxp-testgen";
  for (int i = 1; i < argc; ++i)
    commandLine += std::string(" ") + argv[i];
  Emitter(outs(), config, test).emit(commandLine);
  return 0;
}
