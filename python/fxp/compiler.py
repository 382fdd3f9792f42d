"""Compile MLIR modules with fxp into shared libraries and call them."""

import ctypes
import functools
import math
import os
import shlex
import shutil
import subprocess
import tempfile

import numpy as np

_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
_LLVM_BIN = "/usr/lib/llvm-22/bin"


def find_tool(name):
    """Path of an fxp or LLVM tool: $FXP_BUILD_DIR/bin, build/bin, LLVM 22."""
    candidates = []
    if os.environ.get("FXP_BUILD_DIR"):
        candidates.append(os.path.join(os.environ["FXP_BUILD_DIR"], "bin", name))
    candidates += [os.path.join(_ROOT, "build", "bin", name),
                   os.path.join(_LLVM_BIN, name)]
    for path in candidates:
        if os.path.exists(path):
            return path
    found = shutil.which(name)
    if not found:
        raise FileNotFoundError(f"cannot find {name}; build fxp first")
    return found


def _run(args, stdin=None):
    result = subprocess.run(args, input=stdin, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"{os.path.basename(args[0])} failed:\n{result.stderr}")
    return result.stdout


@functools.cache
def _host_triple():
    return _run([find_tool("llvm-config"), "--host-target"]).strip()


def host_targets():
    """The x86 targets of fxp-lower-to-llvm this CPU runs, best first."""
    flags = set()
    try:
        with open("/proc/cpuinfo") as cpuinfo:
            for line in cpuinfo:
                if line.startswith("flags"):
                    flags.update(line.split(":", 1)[1].split())
                    break
    except OSError:
        pass
    return [target for target, flag in _X86_TARGETS.items() if flag in flags]


# Each x86 target of fxp-lower-to-llvm and the /proc/cpuinfo flag it needs.
_X86_TARGETS = {"avx512vnni": "avx512_vnni", "avx2": "avx2"}


def compile_module(mlir, passes="", target="host", workdir=None, parallel=False,
                   emulate_x86=False):
    """Compiles MLIR text: `passes` (an fxp-opt pass list such as
    "--fxp-quantize-training=recipe=dfp16") run first, then
    fxp-lower-to-llvm (for `target`; `parallel` runs the x86 kernels'
    column panels on OpenMP threads; `emulate_x86` replaces the target's x86
    instructions with portable vector arithmetic of the same bits, so that
    its kernels run, slowly, on a CPU without them). Returns the `Library`.
    The library is built for this CPU, so an x86 target it lacks needs
    `emulate_x86`; without it, this raises ValueError."""
    if target in _X86_TARGETS and target not in host_targets() and not emulate_x86:
        raise ValueError(
            f"target '{target}' needs CPU features this machine lacks; use "
            f"target='host', or emulate_x86=True to run its kernels with emulated "
            f"instructions")
    workdir = workdir or tempfile.mkdtemp(prefix="fxp-")
    args = [find_tool("fxp-opt")] + shlex.split(passes)
    args.append(f"--fxp-lower-to-llvm=target={target} parallel={str(parallel).lower()}"
                f" emulate-x86={str(emulate_x86).lower()}")
    llvm_dialect = _run(args, stdin=mlir)
    llvm_ir = _run([find_tool("mlir-translate"), "--mlir-to-llvmir"], stdin=llvm_dialect)
    ir_path = os.path.join(workdir, "module.ll")
    obj_path = os.path.join(workdir, "module.o")
    lib_path = os.path.join(workdir, "module.so")
    with open(ir_path, "w") as f:
        f.write(llvm_ir)
    # opt -O3 vectorizes the element-wise loops (quantization, packing) that
    # the pipeline leaves scalar; llc alone runs no IR optimizations. Both
    # need the host's triple: without it opt's cost model knows no vector
    # unit and llc expands memset into byte loops. (Forcing a vector width
    # instead widens the kernels' loops too: 10x the compile time.)
    opt_path = os.path.join(workdir, "module.opt.bc")
    host = ["-mtriple=" + _host_triple(), "-mcpu=native"]
    _run([find_tool("opt"), "-O3", *host, ir_path, "-o", opt_path])
    _run([find_tool("llc"), "-O3", *host, "-relocation-model=pic",
          "-filetype=obj", opt_path, "-o", obj_path])
    # -Bsymbolic: calls inside the module must not bind to same-named
    # symbols elsewhere (libc has a `step`).
    # MLIR's C runner utilities provide memrefCopy, which strided copies
    # that fxp-lower-strided-copies leaves (of unusual layouts) call.
    runtime = "/usr/lib/llvm-22/lib"
    # Parallel kernels run on OpenMP threads (OMP_NUM_THREADS picks how many).
    openmp = ["-lomp"] if parallel else []
    _run([find_tool("clang"), "-shared", "-Wl,-Bsymbolic", obj_path, "-o", lib_path,
          f"-L{runtime}", "-lmlir_c_runner_utils", *openmp, f"-Wl,-rpath,{runtime}"])
    return Library(lib_path)


@functools.cache
def _descriptor_type(rank):
    fields = [("allocated", ctypes.c_void_p), ("aligned", ctypes.c_void_p),
              ("offset", ctypes.c_int64)]
    if rank:
        fields += [("sizes", ctypes.c_int64 * rank), ("strides", ctypes.c_int64 * rank)]
    return type(f"MemRef{rank}D", (ctypes.Structure,), {"_fields_": fields})


_libc = ctypes.CDLL(None)
_libc.free.argtypes = [ctypes.c_void_p]

_SCALARS = {"f32": (ctypes.c_float, np.float32), "f64": (ctypes.c_double, np.float64),
            "i64": (ctypes.c_int64, np.int64), "i32": (ctypes.c_int32, np.int32)}
_ELEMENTS = {"f32": np.float32, "i8": np.int8, "i16": np.int16, "i32": np.int32,
             "i64": np.int64}


_BUFFERS_KEPT = False


def _keep_buffers_mapped():
    """Compiled functions allocate their intermediate buffers on every call.
    glibc serves large blocks with mmap and returns them with munmap, so each
    call would fault every page of every buffer in again (perf: about 15% of
    a training step). Raising the mmap and trim thresholds keeps freed blocks
    in the heap for the next call. Process-wide, once; a no-op without
    glibc."""
    global _BUFFERS_KEPT
    if _BUFFERS_KEPT:
        return
    _BUFFERS_KEPT = True
    try:
        libc = ctypes.CDLL("libc.so.6")
        m_trim_threshold, m_mmap_threshold = -1, -3
        libc.mallopt(m_mmap_threshold, 1 << 30)
        libc.mallopt(m_trim_threshold, 1 << 30)
    except (OSError, AttributeError):
        pass


class Library:
    """A compiled module; `function` wraps one of its public functions."""

    def __init__(self, path):
        self.path = path
        self._lib = ctypes.CDLL(path)
        _keep_buffers_mapped()

    def function(self, name, args, results):
        """`args` and `results` describe the signature after bufferization:
        ("memref", rank, "f32") for a tensor, "f32" / "i64" for a scalar."""
        return Function(getattr(self._lib, "_mlir_ciface_" + name), args, results)


class Function:
    """Calls a `_mlir_ciface_` wrapper on NumPy arrays. Results are NumPy
    arrays over the buffers the callee allocated, without a copy; a buffer is
    freed when the last array over it is collected. A result whose buffer is
    an argument's or another result's is copied."""

    def __init__(self, symbol, args, results):
        self._symbol = symbol
        self._args = [(spec[1], np.dtype(_ELEMENTS[spec[2]]), _descriptor_type(spec[1]))
                      if isinstance(spec, tuple) else _SCALARS[spec][0] for spec in args]
        self._results = [(rank, np.dtype(_ELEMENTS[element]))
                         for _, rank, element in results]
        result_fields = [(f"r{i}", _descriptor_type(r[1])) for i, r in enumerate(results)]
        self._result_type = type("Results", (ctypes.Structure,), {"_fields_": result_fields})
        self._symbol.restype = None

    def __call__(self, *values):
        if len(values) != len(self._args):
            raise TypeError(f"expected {len(self._args)} arguments, got {len(values)}")
        c_args, keep_alive, inputs = [], [], set()
        for spec, value in zip(self._args, values):
            if not isinstance(spec, tuple):
                c_args.append(spec(value))
                continue
            rank, dtype, descriptor = spec
            # asarray keeps rank 0 (ascontiguousarray would make it 1).
            array = np.asarray(value, dtype=dtype, order="C")
            if array.ndim != rank:
                raise ValueError(f"expected rank {rank}, got shape {array.shape}")
            address = array.ctypes.data
            desc = descriptor(address, address, 0)
            if rank:
                desc.sizes[:] = array.shape
                desc.strides[:] = [stride // dtype.itemsize for stride in array.strides]
            keep_alive += [array, desc]
            inputs.add(address)
            c_args.append(ctypes.byref(desc))
        results = self._result_type()
        if len(self._results) == 1:
            # A single result is returned through its descriptor directly.
            self._symbol(ctypes.byref(results.r0), *c_args)
        else:
            self._symbol(ctypes.byref(results), *c_args)
        outputs = []
        owned = set()
        for i, (rank, dtype) in enumerate(self._results):
            desc = getattr(results, f"r{i}")
            sizes = desc.sizes[:] if rank else []
            strides = [stride * dtype.itemsize for stride in desc.strides] if rank else []
            count = math.prod(sizes)
            if count == 0:
                # Nothing to read; a buffer the callee allocated is freed now.
                if desc.allocated not in inputs and desc.allocated not in owned:
                    _libc.free(desc.allocated)
                    owned.add(desc.allocated)
                outputs.append(np.empty(sizes, dtype))
                continue
            base = desc.aligned + desc.offset * dtype.itemsize
            buffer = (ctypes.c_char * (count * dtype.itemsize)).from_address(base)
            view = np.frombuffer(buffer, dtype=dtype, count=count)
            view = (view.reshape(sizes) if _is_row_major(sizes, strides, dtype.itemsize)
                    else np.lib.stride_tricks.as_strided(view, shape=sizes, strides=strides,
                                                         writeable=True))
            if desc.allocated in inputs or desc.allocated in owned:
                # A buffer the caller or an earlier result holds: results are
                # values, so this one gets its own copy.
                outputs.append(np.array(view))
            else:
                buffer._owner = _Allocation(desc.allocated)
                owned.add(desc.allocated)
                outputs.append(view)
        return outputs


def _is_row_major(sizes, strides, itemsize):
    expected = itemsize
    for size, stride in zip(reversed(sizes), reversed(strides)):
        if size != 1 and stride != expected:
            return False
        expected *= size
    return True


class _Allocation:
    """A buffer a compiled function allocated; freed when collected."""

    def __init__(self, address):
        self._address = address

    def __del__(self):
        _libc.free(self._address)
