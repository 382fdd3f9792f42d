# -*- Python -*-
# lit configuration of the fxp regression tests.

import os

import lit.formats
import lit.util
from lit.llvm import llvm_config
from lit.llvm.subst import ToolSubst

config.name = "fxp"
config.test_format = lit.formats.ShTest(not llvm_config.use_lit_shell)
config.suffixes = [".mlir", ".test"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.fxp_obj_root, "test")
# Unit tests form their own suite, found through build/test/Unit/lit.site.cfg.py.
config.excludes = ["CMakeLists.txt", "lit.cfg.py", "lit.site.cfg.py"]

config.substitutions.append(("%PATH%", config.environment["PATH"]))
config.substitutions.append(("%fxp_src_root", config.fxp_src_root))
config.substitutions.append(("%fxp_obj_root", config.fxp_obj_root))
config.substitutions.append(("%python", config.python_executable))
config.substitutions.append(
    ("%mlir_c_runner_utils",
     os.path.join(config.llvm_libs_dir, "libmlir_c_runner_utils.so")))
config.substitutions.append(
    ("%libomp", os.path.join(config.llvm_libs_dir, "libomp.so")))
config.substitutions.append(
    ("%mlir_runner_utils",
     os.path.join(config.llvm_libs_dir, "libmlir_runner_utils.so")))

llvm_config.use_default_substitutions()
llvm_config.with_environment("PATH", config.llvm_tools_dir, append_path=True)

tool_dirs = [config.fxp_tools_dir, config.llvm_tools_dir]
tools = ["fxp-opt", "fxp-testgen", "mlir-runner", "mlir-translate", "opt", "llc",
         "clang"]
llvm_config.add_tool_substitutions(tools, tool_dirs)

# Embedding fxp (test/CAPI, test/Plugin, test/Python, test/Install): the C
# API test program, stock mlir-opt with fxp's plugin, and CMake and clang++
# for the downstream project built against an installed fxp.
llvm_config.add_tool_substitutions(["fxp-capi-test", "mlir-opt"], tool_dirs)
config.substitutions.append(
    ("%fxp_plugin", os.path.join(config.fxp_obj_root, "lib", "FXPPlugin.so")))
config.substitutions.append(("%cmake", config.cmake_command))
for name, tool in [("%downstream_cxx", "clang++"), ("%downstream_cc", "clang")]:
    config.substitutions.append(
        (name, os.path.join(config.llvm_tools_dir, tool)))
if lit.util.pythonize_bool(config.fxp_link_mlir_dylib):
    config.available_features.add("fxp-plugin")
if "CCACHE_DIR" in os.environ:
    config.environment["CCACHE_DIR"] = os.environ["CCACHE_DIR"]

# CPU features gate execution tests (`REQUIRES: avx512vnni`): machines
# without them report those tests as UNSUPPORTED, not failed.
try:
    with open("/proc/cpuinfo") as cpuinfo:
        flags = set()
        for line in cpuinfo:
            if line.startswith("flags"):
                flags.update(line.split(":", 1)[1].split())
                break
except OSError:
    flags = set()
for flag, feature in [("avx512_vnni", "avx512vnni"), ("avx512bw", "avx512bw"),
                      ("avx2", "avx2")]:
    if flag in flags:
        config.available_features.add(feature)
# `%target_avx512vnni` (and `%target_avx2`) select a target's kernels; on a
# CPU without its instructions they run emulated (`emulate-x86`, the same
# bits), so every machine executes every target's kernels.
for target in ["avx512vnni", "avx2"]:
    emulated = "" if target in config.available_features else " emulate-x86=true"
    config.substitutions.append(
        (f"%target_{target}", f"target={target}{emulated}"))
