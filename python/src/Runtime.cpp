//===- Runtime.cpp - fxp._runtime: calls into compiled modules --*- C++ -*-===//
//
// Calls a function of a module compiled by fxp-lower-to-llvm through its
// `_fxp_packed_<name>` wrapper (fxp-emit-packed-interface) on NumPy arrays:
// memref descriptors for the arguments, NumPy arrays over the buffers the
// callee allocated for the results. A few microseconds a call, where
// building the descriptors with ctypes took tens.
//
//===----------------------------------------------------------------------===//

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>
#include <type_traits>
#include <vector>

namespace py = pybind11;

namespace {

/// Element types of memref arguments and results.
enum class Element { F32, F64, I8, I16, I32, I64 };

Element parseElement(const std::string &name) {
  static const std::pair<const char *, Element> names[] = {
      {"f32", Element::F32}, {"f64", Element::F64}, {"i8", Element::I8},
      {"i16", Element::I16}, {"i32", Element::I32}, {"i64", Element::I64}};
  for (auto [spelling, element] : names)
    if (name == spelling)
      return element;
  throw py::value_error("unknown element type '" + name + "'");
}

template <typename F> auto dispatch(Element element, F &&f) {
  switch (element) {
  case Element::F32:
    return f(float());
  case Element::F64:
    return f(double());
  case Element::I8:
    return f(int8_t());
  case Element::I16:
    return f(int16_t());
  case Element::I32:
    return f(int32_t());
  case Element::I64:
    return f(int64_t());
  }
  throw py::value_error("unknown element type");
}

/// A memref of `rank` (its descriptor: allocated and aligned pointers,
/// offset, sizes, strides; all 8 bytes), or a scalar when rank < 0.
struct Spec {
  int rank;
  Element element;
  int64_t words() const { return rank < 0 ? 1 : 3 + 2 * rank; }
};

/// A spec from Python: ("memref", rank, element) or a scalar's element.
Spec parseSpec(py::handle spec) {
  if (py::isinstance<py::str>(spec))
    return {-1, parseElement(spec.cast<std::string>())};
  auto tuple = spec.cast<py::tuple>();
  if (tuple.size() != 3 || tuple[0].cast<std::string>() != "memref")
    throw py::value_error("expected (\"memref\", rank, element)");
  int rank = tuple[1].cast<int>();
  if (rank < 0)
    throw py::value_error("negative rank");
  return {rank, parseElement(tuple[2].cast<std::string>())};
}

class Function {
public:
  Function(uintptr_t address, const py::sequence &args,
           const py::sequence &results)
      : packed(reinterpret_cast<void (*)(void **)>(address)) {
    for (py::handle spec : args)
      this->args.push_back(parseSpec(spec));
    for (py::handle spec : results) {
      Spec parsed = parseSpec(spec);
      if (parsed.rank < 0)
        throw py::value_error("results must be memrefs");
      this->results.push_back(parsed);
    }
  }

  py::list operator()(const py::args &values) const {
    if (values.size() != args.size())
      throw py::type_error("expected " + std::to_string(args.size()) +
                           " arguments, got " + std::to_string(values.size()));
    // One buffer of 8-byte words: the results' descriptors (laid out as the
    // struct the C interface returns them in), then each argument's.
    int64_t resultWords = 0;
    for (const Spec &spec : results)
      resultWords += spec.words();
    int64_t words = resultWords;
    for (const Spec &spec : args)
      words += spec.words();
    std::vector<int64_t> storage(words);
    // The packed wrapper takes a pointer to each parameter's value: to the
    // word of a scalar, and to the address of the results' descriptors or
    // an argument's descriptor, which `pointers` holds.
    size_t first = results.empty() ? 0 : 1;
    std::vector<void *> pointers(first + args.size());
    std::vector<void *> addresses(first + args.size());
    if (first) {
      pointers[0] = storage.data();
      addresses[0] = &pointers[0];
    }
    std::vector<py::array> inputs;
    int64_t *word = storage.data() + resultWords;
    for (size_t i = 0; i < args.size(); ++i) {
      size_t parameter = first + i;
      if (args[i].rank < 0) {
        storeScalar(args[i].element, values[i], word);
        addresses[parameter] = word;
      } else {
        inputs.push_back(toArray(args[i], values[i]));
        storeDescriptor(inputs.back(), word);
        pointers[parameter] = word;
        addresses[parameter] = &pointers[parameter];
      }
      word += args[i].words();
    }
    {
      py::gil_scoped_release release;
      packed(addresses.data());
    }
    return wrapResults(storage.data(), inputs);
  }

private:
  /// Integers wrap to the element's width, as C conversions do (a 64-bit
  /// seed may be given as an unsigned number).
  static void storeScalar(Element element, py::handle value, int64_t *word) {
    dispatch(element, [&](auto zero) {
      using T = decltype(zero);
      T scalar;
      if constexpr (std::is_integral_v<T>)
        scalar = static_cast<T>(PyLong_AsUnsignedLongLongMask(
            py::int_(py::reinterpret_borrow<py::object>(value)).ptr()));
      else
        scalar = value.cast<T>();
      std::memcpy(word, &scalar, sizeof(scalar));
      return 0;
    });
  }

  /// `value` as a C-contiguous array of the spec's element type (a copy
  /// only when it is not one already).
  static py::array toArray(const Spec &spec, py::handle value) {
    py::array array = dispatch(spec.element, [&](auto zero) -> py::array {
      using T = decltype(zero);
      auto converted =
          py::array_t<T, py::array::c_style | py::array::forcecast>::ensure(
              value);
      if (!converted) {
        // ensure() drops NumPy's error: asarray raises it again.
        py::module_::import("numpy").attr("asarray")(value, py::dtype::of<T>());
        throw py::type_error("cannot convert an argument to an array");
      }
      return converted;
    });
    if (array.ndim() != spec.rank) {
      std::string shape = py::str(py::tuple(array.attr("shape")));
      throw py::value_error("expected rank " + std::to_string(spec.rank) +
                            ", got shape " + shape);
    }
    return array;
  }

  static void storeDescriptor(const py::array &array, int64_t *word) {
    auto data = reinterpret_cast<int64_t>(array.data());
    word[0] = data;
    word[1] = data;
    word[2] = 0;
    for (py::ssize_t d = 0; d < array.ndim(); ++d) {
      word[3 + d] = array.shape(d);
      word[3 + array.ndim() + d] = array.strides(d) / array.itemsize();
    }
  }

  /// NumPy arrays over the result buffers, which they own. A buffer that is
  /// an argument's, or an earlier result's, is copied: results are values.
  py::list wrapResults(const int64_t *word,
                       const std::vector<py::array> &inputs) const {
    py::list arrays;
    std::vector<void *> owned, unread;
    for (const Spec &spec : results) {
      void *allocated = reinterpret_cast<void *>(word[0]);
      auto *aligned = reinterpret_cast<char *>(word[1]);
      std::vector<py::ssize_t> shape(word + 3, word + 3 + spec.rank);
      std::vector<py::ssize_t> strides(word + 3 + spec.rank,
                                       word + 3 + 2 * spec.rank);
      int64_t count = 1;
      for (py::ssize_t size : shape)
        count *= size;
      bool shared =
          std::find(owned.begin(), owned.end(), allocated) != owned.end();
      for (const py::array &input : inputs)
        shared |= input.data() == allocated;
      arrays.append(dispatch(spec.element, [&](auto zero) -> py::array {
        using T = decltype(zero);
        if (count == 0) {
          // Nothing to read; a buffer the callee allocated is freed once
          // every result is wrapped (a later one may share it).
          if (!shared) {
            unread.push_back(allocated);
            owned.push_back(allocated);
          }
          return py::array_t<T>(shape);
        }
        for (py::ssize_t &stride : strides)
          stride *= sizeof(T);
        T *data = reinterpret_cast<T *>(aligned) + word[2];
        if (shared) // Without a base, pybind11 copies the data.
          return py::array_t<T>(shape, strides, data);
        owned.push_back(allocated);
        py::capsule owner(allocated, [](void *buffer) { std::free(buffer); });
        return py::array_t<T>(shape, strides, data, owner);
      }));
      word += spec.words();
    }
    for (void *buffer : unread)
      std::free(buffer);
    return arrays;
  }

  void (*packed)(void **);
  std::vector<Spec> args, results;
};

} // namespace

PYBIND11_MODULE(_runtime, m) {
  m.doc() = "Calls functions of modules compiled by fxp-lower-to-llvm.";
  py::class_<Function>(m, "Function")
      .def(py::init<uintptr_t, const py::sequence &, const py::sequence &>(),
           py::arg("address"), py::arg("args"), py::arg("results"),
           "Wraps the `_fxp_packed_<name>` function at `address`. `args` "
           "and `results` describe the signature after bufferization: "
           "(\"memref\", rank, \"f32\") for a tensor, \"f32\" or \"i64\" "
           "for a scalar.")
      .def("__call__", &Function::operator());
}
