//===- FXPModule.cpp - the fxp._fxp Python extension ------------*- C++ -*-===//
//
// pybind11 bindings over fxp's C++ API: a context holding every upstream
// dialect and fxp, modules parsed from and printed to MLIR text, verified,
// and transformed by pass pipelines given as strings (fxp's and upstream's),
// and fxp's types and attributes built from and read back into Python values.
//
// MLIR is built without exceptions: nothing here throws while MLIR code is on
// the stack. Diagnostics are collected, then raised once MLIR has returned.
//
//===----------------------------------------------------------------------===//

#include "fxp/Dialect/FXP/IR/FXPOps.h"
#include "fxp/InitAll.h"
#include "mlir/AsmParser/AsmParser.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/Verifier.h"
#include "mlir/InitAllDialects.h"
#include "mlir/InitAllExtensions.h"
#include "mlir/InitAllPasses.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"
#include "llvm/Support/raw_ostream.h"

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace py = pybind11;
using namespace mlir;

namespace {

/// An MLIRContext that knows every upstream dialect and extension and fxp.
class FxpContext {
public:
  FxpContext() {
    DialectRegistry registry;
    registerAllDialects(registry);
    registerAllExtensions(registry);
    fxp::registerAllFXPDialects(registry);
    context.appendDialectRegistry(registry);
    context.loadDialect<fxp::FXPDialect>();
  }
  MLIRContext &get() { return context; }

private:
  MLIRContext context;
};
using ContextRef = std::shared_ptr<FxpContext>;

/// Records every diagnostic emitted on a context while it is alive.
class DiagnosticCollector {
public:
  explicit DiagnosticCollector(MLIRContext &context)
      : handler(&context, [this](Diagnostic &diag) {
          llvm::raw_string_ostream os(messages);
          if (!messages.empty())
            os << "\n";
          if (!isa<UnknownLoc>(diag.getLocation()))
            os << diag.getLocation() << ": ";
          os << diag;
          for (Diagnostic &note : diag.getNotes())
            os << "\n" << note.getLocation() << ": note: " << note;
          return success();
        }) {}
  const std::string &str() const { return messages; }

private:
  std::string messages;
  ScopedDiagnosticHandler handler;
};

template <typename T> std::string print(T value) {
  std::string text;
  llvm::raw_string_ostream os(text);
  os << value;
  return text;
}

//===----------------------------------------------------------------------===//
// Types and attributes
//===----------------------------------------------------------------------===//

/// A type, kept alive with its context.
struct FxpType {
  ContextRef context;
  Type type;
  std::string str() const { return print(type); }
};
struct FxpFixedType : FxpType {
  fxp::FixedType get() const { return cast<fxp::FixedType>(type); }
};
struct FxpDFPType : FxpType {
  fxp::DFPType get() const { return cast<fxp::DFPType>(type); }
};

/// An attribute, kept alive with its context.
struct FxpAttribute {
  ContextRef context;
  Attribute attr;
  std::string str() const { return print(attr); }
};
struct FxpRoundingAttr : FxpAttribute {
  fxp::RoundingModeAttr get() const {
    return cast<fxp::RoundingModeAttr>(attr);
  }
};
struct FxpOverflowAttr : FxpAttribute {
  fxp::OverflowModeAttr get() const {
    return cast<fxp::OverflowModeAttr>(attr);
  }
};

/// The most specific Python class for `type`.
py::object wrapType(const ContextRef &context, Type type) {
  if (isa<fxp::FixedType>(type))
    return py::cast(FxpFixedType{{context, type}});
  if (isa<fxp::DFPType>(type))
    return py::cast(FxpDFPType{{context, type}});
  return py::cast(FxpType{context, type});
}

py::object wrapAttribute(const ContextRef &context, Attribute attr) {
  if (isa<fxp::RoundingModeAttr>(attr))
    return py::cast(FxpRoundingAttr{{context, attr}});
  if (isa<fxp::OverflowModeAttr>(attr))
    return py::cast(FxpOverflowAttr{{context, attr}});
  return py::cast(FxpAttribute{context, attr});
}

/// Builds a type with `getChecked`, raising ValueError with its diagnostics.
template <typename TypeT, typename... Args>
py::object getCheckedType(const ContextRef &context, Args... args) {
  MLIRContext &ctx = context->get();
  TypeT type;
  std::string errors;
  {
    DiagnosticCollector diags(ctx);
    Location loc = UnknownLoc::get(&ctx);
    type = TypeT::getChecked([&] { return emitError(loc); }, &ctx, args...);
    errors = diags.str();
  }
  if (!type)
    throw py::value_error(errors);
  return wrapType(context, type);
}

std::vector<std::optional<int64_t>> dfpShape(const FxpDFPType &self) {
  std::vector<std::optional<int64_t>> shape;
  for (int64_t dim : self.get().getShape())
    shape.push_back(ShapedType::isDynamic(dim) ? std::nullopt
                                               : std::optional<int64_t>(dim));
  return shape;
}

template <typename Enum>
std::vector<std::string> enumNames(std::optional<Enum> (*symbolize)(uint32_t),
                                   llvm::StringRef (*stringify)(Enum)) {
  std::vector<std::string> names;
  for (uint32_t i = 0; std::optional<Enum> value = symbolize(i); ++i)
    names.push_back(stringify(*value).str());
  return names;
}

//===----------------------------------------------------------------------===//
// Modules
//===----------------------------------------------------------------------===//

class FxpModule {
public:
  static FxpModule parse(const ContextRef &context, const std::string &text,
                         bool verify) {
    OwningOpRef<ModuleOp> module;
    std::string errors;
    {
      DiagnosticCollector diags(context->get());
      module = parseSourceString<ModuleOp>(
          text, ParserConfig(&context->get(), verify));
      errors = diags.str();
    }
    if (!module)
      throw py::value_error(errors);
    return FxpModule(context, std::move(module));
  }

  std::string str() const {
    std::string text;
    llvm::raw_string_ostream os(text);
    ModuleOp op = module.get();
    op->print(os);
    return text;
  }

  /// Raises ValueError with the verifier's diagnostics when invalid.
  bool verify() {
    std::string errors;
    bool ok;
    {
      DiagnosticCollector diags(context->get());
      ok = succeeded(mlir::verify(*module));
      errors = diags.str();
    }
    if (!ok)
      throw py::value_error(errors);
    return true;
  }

  /// Runs a textual pass pipeline on the module, in place. Without a
  /// `builtin.module(...)` anchor, the pipeline runs on the module.
  void run(const std::string &pipeline) {
    llvm::StringRef trimmed = llvm::StringRef(pipeline).trim();
    std::string anchored = trimmed.starts_with("builtin.module(")
                               ? trimmed.str()
                               : "builtin.module(" + trimmed.str() + ")";
    std::string parseErrors;
    llvm::raw_string_ostream os(parseErrors);
    FailureOr<OpPassManager> parsed = parsePassPipeline(anchored, os);
    if (failed(parsed))
      throw py::value_error("invalid pass pipeline '" + pipeline +
                            "': " + parseErrors);

    PassManager pm(&context->get(), ModuleOp::getOperationName());
    static_cast<OpPassManager &>(pm) = std::move(*parsed);
    std::string errors;
    bool ok;
    {
      DiagnosticCollector diags(context->get());
      ok = succeeded(pm.run(*module));
      errors = diags.str();
    }
    if (!ok)
      throw std::runtime_error("pass pipeline '" + pipeline + "' failed:\n" +
                               errors);
  }

  /// The names of the operations in the module, in order (nested included).
  std::vector<std::string> operationNames() {
    std::vector<std::string> names;
    module->walk<WalkOrder::PreOrder>([&](Operation *op) {
      if (op != module->getOperation())
        names.push_back(op->getName().getStringRef().str());
    });
    return names;
  }

  const ContextRef &getContext() const { return context; }

private:
  FxpModule(ContextRef context, OwningOpRef<ModuleOp> module)
      : context(std::move(context)), module(std::move(module)) {}

  ContextRef context;
  OwningOpRef<ModuleOp> module;
};

void registerPassesOnce() {
  static std::once_flag once;
  std::call_once(once, [] {
    registerAllPasses();
    fxp::registerAllFXPPasses();
  });
}

} // namespace

PYBIND11_MODULE(_fxp, m) {
  m.doc() = "fxp's C++ API: parse, print, verify and transform MLIR with the "
            "fxp dialect; build and inspect fxp types and attributes.";
  registerPassesOnce();

  py::class_<FxpContext, ContextRef>(m, "Context",
                                     "An MLIR context with every upstream "
                                     "dialect and fxp.")
      .def(py::init<>());

  py::class_<FxpModule>(m, "Module", "A builtin.module owned by Python.")
      .def_static("parse", &FxpModule::parse, py::arg("context"),
                  py::arg("text"), py::arg("verify") = true,
                  "Parses (and, unless verify=False, verifies) MLIR text; "
                  "raises ValueError with the diagnostics.")
      .def("__str__", &FxpModule::str)
      .def("verify", &FxpModule::verify,
           "Returns True, or raises ValueError with the diagnostics.")
      .def("run", &FxpModule::run, py::arg("pipeline"),
           "Runs a pass pipeline such as 'fxp-legalize-accumulation,cse' or "
           "'builtin.module(fxp-lower-to-llvm)' on the module, in place.")
      .def_property_readonly("operation_names", &FxpModule::operationNames)
      .def_property_readonly("context", &FxpModule::getContext);

  py::class_<FxpType>(m, "Type")
      .def_static(
          "parse",
          [](const ContextRef &context, const std::string &text) {
            Type type;
            std::string errors;
            {
              DiagnosticCollector diags(context->get());
              type = parseType(text, &context->get());
              errors = diags.str();
            }
            if (!type)
              throw py::value_error(errors);
            return wrapType(context, type);
          },
          py::arg("context"), py::arg("text"))
      .def("__str__", &FxpType::str)
      .def("__repr__",
           [](const FxpType &self) { return "Type(" + self.str() + ")"; })
      .def("__eq__",
           [](const FxpType &self, const FxpType &other) {
             return self.type == other.type;
           })
      .def("__hash__", [](const FxpType &self) {
        return py::hash(py::int_(
            reinterpret_cast<uintptr_t>(self.type.getAsOpaquePointer())));
      });

  py::class_<FxpFixedType, FxpType>(m, "FixedType",
                                    "!fxp.fixed<width, frac>: q * 2^-frac.")
      .def_static(
          "get",
          [](const ContextRef &context, unsigned width, int frac) {
            return getCheckedType<fxp::FixedType>(context, width, frac);
          },
          py::arg("context"), py::arg("width"), py::arg("frac"))
      .def_property_readonly(
          "width",
          [](const FxpFixedType &self) { return self.get().getWidth(); })
      .def_property_readonly(
          "frac", [](const FxpFixedType &self) { return self.get().getFrac(); })
      .def_property_readonly("storage_type", [](const FxpFixedType &self) {
        return wrapType(self.context, self.get().getStorageType());
      });

  py::class_<FxpDFPType, FxpType>(
      m, "DFPType",
      "!fxp.dfp<shape, width[, block = B, axis = A]>: integer mantissas "
      "sharing exponents; None in a shape is a dynamic dimension.")
      .def_static(
          "get",
          [](const ContextRef &context,
             const std::vector<std::optional<int64_t>> &shape, unsigned width,
             int64_t block, unsigned axis) {
            std::vector<int64_t> dims;
            for (std::optional<int64_t> dim : shape)
              dims.push_back(dim ? *dim : ShapedType::kDynamic);
            return getCheckedType<fxp::DFPType>(
                context, llvm::ArrayRef<int64_t>(dims), width, block, axis);
          },
          py::arg("context"), py::arg("shape"), py::arg("width"),
          py::arg("block") = 0, py::arg("axis") = 0)
      .def_property_readonly("shape", &dfpShape)
      .def_property_readonly(
          "width", [](const FxpDFPType &self) { return self.get().getWidth(); })
      .def_property_readonly(
          "block", [](const FxpDFPType &self) { return self.get().getBlock(); })
      .def_property_readonly(
          "axis", [](const FxpDFPType &self) { return self.get().getAxis(); })
      .def_property_readonly("per_tensor", [](const FxpDFPType &self) {
        return self.get().isPerTensor();
      });

  py::class_<FxpAttribute>(m, "Attribute")
      .def_static(
          "parse",
          [](const ContextRef &context, const std::string &text) {
            Attribute attr;
            std::string errors;
            {
              DiagnosticCollector diags(context->get());
              attr = parseAttribute(text, &context->get());
              errors = diags.str();
            }
            if (!attr)
              throw py::value_error(errors);
            return wrapAttribute(context, attr);
          },
          py::arg("context"), py::arg("text"))
      .def("__str__", &FxpAttribute::str)
      .def("__repr__",
           [](const FxpAttribute &self) {
             return "Attribute(" + self.str() + ")";
           })
      .def("__eq__",
           [](const FxpAttribute &self, const FxpAttribute &other) {
             return self.attr == other.attr;
           })
      .def("__hash__", [](const FxpAttribute &self) {
        return py::hash(py::int_(
            reinterpret_cast<uintptr_t>(self.attr.getAsOpaquePointer())));
      });

  py::class_<FxpRoundingAttr, FxpAttribute>(m, "RoundingAttr",
                                            "#fxp.rounding<mode>.")
      .def_static(
          "get",
          [](const ContextRef &context, const std::string &mode) {
            std::optional<fxp::RoundingMode> value =
                fxp::symbolizeRoundingMode(mode);
            if (!value)
              throw py::value_error("unknown rounding mode '" + mode + "'");
            return wrapAttribute(
                context, fxp::RoundingModeAttr::get(&context->get(), *value));
          },
          py::arg("context"), py::arg("mode"))
      .def_static("modes",
                  [] {
                    return enumNames<fxp::RoundingMode>(
                        fxp::symbolizeRoundingMode, fxp::stringifyRoundingMode);
                  })
      .def_property_readonly("value", [](const FxpRoundingAttr &self) {
        return fxp::stringifyRoundingMode(self.get().getValue()).str();
      });

  py::class_<FxpOverflowAttr, FxpAttribute>(m, "OverflowAttr",
                                            "#fxp.overflow<mode>.")
      .def_static(
          "get",
          [](const ContextRef &context, const std::string &mode) {
            std::optional<fxp::OverflowMode> value =
                fxp::symbolizeOverflowMode(mode);
            if (!value)
              throw py::value_error("unknown overflow mode '" + mode + "'");
            return wrapAttribute(
                context, fxp::OverflowModeAttr::get(&context->get(), *value));
          },
          py::arg("context"), py::arg("mode"))
      .def_static("modes",
                  [] {
                    return enumNames<fxp::OverflowMode>(
                        fxp::symbolizeOverflowMode, fxp::stringifyOverflowMode);
                  })
      .def_property_readonly("value", [](const FxpOverflowAttr &self) {
        return fxp::stringifyOverflowMode(self.get().getValue()).str();
      });
}
