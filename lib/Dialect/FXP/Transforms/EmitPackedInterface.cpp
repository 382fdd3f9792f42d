//===- EmitPackedInterface.cpp - one calling convention for all -*- C++ -*-===//

#include "fxp/Dialect/FXP/Transforms/Passes.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/SymbolTable.h"

namespace mlir::fxp {
#define GEN_PASS_DEF_FXPEMITPACKEDINTERFACEPASS
#include "fxp/Dialect/FXP/Transforms/Passes.h.inc"
} // namespace mlir::fxp

using namespace mlir;

static constexpr StringLiteral kCInterfacePrefix = "_mlir_ciface_";
static constexpr StringLiteral kPackedPrefix = "_fxp_packed_";

/// Emits `void _fxp_packed_<name>(void **args)` calling `wrapper`: args[i]
/// points to parameter i's value, args[n] to where a returned value goes.
/// A module that has it already (the pass ran before) keeps it; another
/// symbol of that name is an error.
static LogicalResult emitPackedWrapper(OpBuilder &builder, SymbolTable &symbols,
                                       LLVM::LLVMFuncOp wrapper) {
  Location loc = wrapper.getLoc();
  MLIRContext *context = builder.getContext();
  auto ptr = LLVM::LLVMPointerType::get(context);
  auto type =
      LLVM::LLVMFunctionType::get(LLVM::LLVMVoidType::get(context), {ptr});
  std::string name =
      (kPackedPrefix + wrapper.getName().drop_front(kCInterfacePrefix.size()))
          .str();
  if (Operation *existing = symbols.lookup(name)) {
    auto function = dyn_cast<LLVM::LLVMFuncOp>(existing);
    if (function && function.getFunctionType() == type &&
        !function.isExternal())
      return success();
    return existing->emitOpError()
           << "takes the name of the packed interface of '" << wrapper.getName()
           << "', which must be a defined " << type;
  }
  auto packed = LLVM::LLVMFuncOp::create(builder, loc, name, type);
  symbols.insert(packed);
  OpBuilder::InsertionGuard guard(builder);
  Block *entry = packed.addEntryBlock(builder);
  builder.setInsertionPointToStart(entry);
  Value args = entry->getArgument(0);
  // The address in args[position].
  auto slot = [&](int32_t position) -> Value {
    Value address = LLVM::GEPOp::create(builder, loc, ptr, ptr, args,
                                        ArrayRef<LLVM::GEPArg>{position});
    return LLVM::LoadOp::create(builder, loc, ptr, address);
  };
  LLVM::LLVMFunctionType wrapperType = wrapper.getFunctionType();
  SmallVector<Value> operands;
  for (auto [position, param] : llvm::enumerate(wrapperType.getParams()))
    operands.push_back(
        LLVM::LoadOp::create(builder, loc, param, slot(position)));
  auto call = LLVM::CallOp::create(builder, loc, wrapper, operands);
  if (!isa<LLVM::LLVMVoidType>(wrapperType.getReturnType()))
    LLVM::StoreOp::create(builder, loc, call.getResult(),
                          slot(wrapperType.getNumParams()));
  LLVM::ReturnOp::create(builder, loc, ValueRange{});
  return success();
}

namespace {
struct FXPEmitPackedInterfacePass
    : fxp::impl::FXPEmitPackedInterfacePassBase<FXPEmitPackedInterfacePass> {
  using Base::Base;
  void runOnOperation() override {
    ModuleOp module = getOperation();
    SymbolTable symbols(module);
    OpBuilder builder = OpBuilder::atBlockEnd(module.getBody());
    for (auto wrapper : llvm::to_vector(module.getOps<LLVM::LLVMFuncOp>()))
      if (wrapper.getName().starts_with(kCInterfacePrefix) &&
          !wrapper.isExternal() &&
          failed(emitPackedWrapper(builder, symbols, wrapper)))
        return signalPassFailure();
  }
};
} // namespace
