#include "harness/runner/run_record.h"

namespace ecrc::runner {

void RunRecord::OnCall(const check::Call& call, const ShapeAggregates::Reproducer& reproduce) {
  coverage_.OnCall(call);
  shapes_.Add(*service_, *semantics_, call, reproduce);
  if (!call.ok() || !call.input.is_object()) return;
  for (const auto& [name, resource] : semantics_->resources()) {
    if (!call.input.contains(resource.identifier_member)) continue;
    const auto& id = call.input[resource.identifier_member];
    if (!id.is_string()) continue;
    if (resource.create_operation == call.op->name && !resource.delete_operation.empty()) cleanup_.Add(name, id);
    if (resource.delete_operation == call.op->name) cleanup_.Forget(name, id);
  }
}

}  // namespace ecrc::runner
