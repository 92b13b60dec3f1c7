#include "harness/runner/worker.h"

#include "harness/runner/check_call.h"

#include "harness/client/reproduction.h"

namespace ecrc::runner {

Worker::Worker(RunShared* shared)
    : shared_(shared),
      client_(shared->service, shared->config->endpoint),
      fixture_(*shared->service, *shared->semantics, AsCallFn(), shared->config->prefix, &shared->name_counter, &shared->cleanup) {
  client_.set_gate(shared->guard);
}

check::CallFn Worker::AsCallFn() {
  return [this](const spec::Operation& op, const codec::Value& input) { return Call(op, input); };
}

check::Call Worker::Call(const spec::Operation& op, const codec::Value& input) {
  check::Call call = MakeCheckCall(client_, op, input);
  shared_->coverage.OnCall(call);
  shared_->shapes.Add(*shared_->service, *shared_->semantics, call, [this](const Exchange& e) { return Reproduction(e); });
  // Whatever a call created is deleted at the end of the run, even when the check did not mean
  // to create it (a server that accepts an invalid name, say).
  for (const auto& [name, resource] : shared_->semantics->resources()) {
    if (!call.ok() || !input.is_object() || !input.contains(resource.identifier_member)) continue;
    const auto& id = input[resource.identifier_member];
    if (!id.is_string()) continue;
    if (resource.create_operation == op.name && !resource.delete_operation.empty()) shared_->cleanup.Add(name, id);
    if (resource.delete_operation == op.name) shared_->cleanup.Forget(name, id);
  }
  return call;
}

std::string Worker::Reproduction(const Exchange& exchange) const {
  return client::CurlReproduction(exchange, client_.base_url(), client_.endpoint().region, shared_->service->metadata().signing_name);
}

Exchange ToExchange(const check::Call& call) {
  Exchange e;
  e.operation = call.op ? call.op->name : "";
  e.request = call.request;
  if (call.response) e.response = *call.response;
  e.transport_error = call.transport_error;
  return e;
}

}  // namespace ecrc::runner
