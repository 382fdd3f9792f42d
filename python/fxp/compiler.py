"""Compile MLIR modules with fxp into shared libraries and call them."""

import ctypes
import functools
import os
import shlex
import shutil
import subprocess
import tempfile

from . import _runtime

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
        symbol = getattr(self._lib, "_fxp_packed_" + name)
        address = ctypes.cast(symbol, ctypes.c_void_p).value
        return Function(self, _runtime.Function(address, args, results))


class Function:
    """Calls a public function of a `Library` (through the packed wrapper
    that fxp-emit-packed-interface gives it, by fxp._runtime) on NumPy
    arrays, converted to the argument types where they differ. Results are
    NumPy arrays over the buffers the callee allocated, without a copy; a
    buffer is freed when the last array over it is collected. A result whose
    buffer is an argument's or another result's is copied."""

    def __init__(self, library, native):
        self._library = library  # Keeps the code loaded.
        self._native = native

    def __call__(self, *values):
        return self._native(*values)
