#include "harness/livefuzz/request_builder.h"

#include "base/ascii.h"
#include "harness/codec/sample.h"
#include "harness/codec/value.h"

namespace ecrc::livefuzz {

using nlohmann::json;

std::vector<Seed> MakeSeeds(const spec::Service& service) {
  std::vector<Seed> seeds;
  for (const auto& [name, op] : service.operations()) {
    auto minimal = codec::SampleValue(*op.input);
    auto maximal = codec::SampleValue(*op.input, {.maximal = true});
    if (minimal.ok()) seeds.push_back({&op, "minimal", *minimal});
    if (maximal.ok() && (!minimal.ok() || *maximal != *minimal)) seeds.push_back({&op, "maximal", *maximal});
  }
  return seeds;
}

RequestBuilder::RequestBuilder(const spec::Service& service, const spec::Semantics& semantics, std::string prefix, check::CallFn call)
    : service_(service),
      semantics_(semantics),
      prefix_(std::move(prefix)),
      call_(std::move(call)),
      fixture_(service, semantics, [this](const spec::Operation& op, const codec::Value& input) { return TrackedCall(op, input); },
               prefix_, &name_counter_, &cleanup_) {}

check::Call RequestBuilder::TrackedCall(const spec::Operation& op, const codec::Value& input) {
  ++housekeeping_calls_;
  check::Call call = call_(op, input);
  if (call.ok() && input.is_object()) {
    for (const auto& [name, resource] : semantics_.resources()) {
      auto it = input.find(resource.identifier_member);
      if (it == input.end() || !it->is_string()) continue;
      if (resource.create_operation == op.name && !resource.delete_operation.empty()) cleanup_.Add(name, *it);
      if (resource.delete_operation == op.name) cleanup_.Forget(name, *it);
    }
  }
  return call;
}

namespace {

// `registryId` -> `registry_id`: the spelling of the semantics file's output names.
std::string SnakeCase(const std::string& name) {
  std::string out;
  for (char c : name) {
    if (c >= 'A' && c <= 'Z') {
      out += '_';
      out += AsciiLower(c);
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

Result<json> RequestBuilder::Wire(const Seed& seed) {
  const spec::Operation& op = *seed.op;
  json input = seed.value.is_object() ? seed.value : json::object();
  std::set<std::string> named;
  for (const auto& [name, resource] : semantics_.resources()) {
    if (resource.create_operation != op.name || !input.contains(resource.identifier_member)) continue;
    input[resource.identifier_member] = fixture_.NewName();
    named.insert(resource.identifier_member);
  }
  for (const auto& m : op.input->members) {
    if (named.count(m.name) || !input.contains(m.name)) continue;
    std::string resource, key;
    if (const spec::Binding* binding = semantics_.FindBinding(m.name)) {
      resource = binding->resource;
      key = binding->value;
    } else {
      // A member named like an output of a resource (registryId: the repository's registry_id)
      // gets the live value too: a sample account id would only ever reach RegistryNotFound.
      for (const auto& [name, r] : semantics_.resources()) {
        if (r.outputs.count(SnakeCase(m.name))) {
          resource = name;
          key = SnakeCase(m.name);
          break;
        }
      }
      if (resource.empty()) continue;
    }
    if (auto f = failed_.find(resource); f != failed_.end()) {
      failed_operation_ = f->second.operation;
      return f->second.status;
    }
    std::vector<check::Call> setup;
    auto values = fixture_.Make(resource, 0, &made_, &setup);
    if (!values.ok()) {
      failed_[resource] = {values.status(), setup.empty() || !setup.back().op ? "" : setup.back().op->name};
      failed_operation_ = failed_[resource].operation;
      return values.status();
    }
    auto value = values->find(key);
    if (value == values->end() || value->second.empty()) {
      // The resource was made, but the endpoint's answers did not carry the value: its failure.
      const spec::Resource* made = semantics_.FindResource(resource);
      std::string creator = made ? made->create_operation : "";
      failed_[resource] = {Status::EndpointFailed("prerequisite " + creator + " answered without the " + resource + "'s '" + key +
                                                  "' (needed by " + op.name + ")"),
                           creator};
      failed_operation_ = creator;
      return failed_[resource].status;
    }
    input[m.name] = value->second;
  }
  return codec::ValueToWire(*op.input, input);
}

bool RequestBuilder::StaysInPrefix(const spec::Operation& op, const json& body) const {
  if (!body.is_object()) return true;
  auto outside = [&](const std::string& member) {
    auto it = body.find(member);
    return it != body.end() && it->is_string() && it->get_ref<const std::string&>().find(prefix_) == std::string::npos;
  };
  for (const auto& [name, resource] : semantics_.resources()) {
    if (resource.scope.empty() && resource.create_operation == op.name && outside(resource.identifier_member)) return false;
  }
  for (const auto& m : op.input->members) {
    const spec::Binding* binding = semantics_.FindBinding(m.name);
    if (!binding) continue;
    const spec::Resource* resource = semantics_.FindResource(binding->resource);
    if (resource && resource->scope.empty() && outside(m.name)) return false;
  }
  return true;
}

void RequestBuilder::Forget(const std::string& resource) {
  made_.erase(resource);
  // What lived in it went with it.
  for (const auto& [name, r] : semantics_.resources()) {
    if (r.scope == resource) Forget(name);
  }
}

void RequestBuilder::AfterSuccess(const spec::Operation& op, const json& body) {
  if (!body.is_object()) return;
  for (const auto& [name, resource] : semantics_.resources()) {
    auto it = body.find(resource.identifier_member);
    if (it == body.end() || !it->is_string()) continue;
    const std::string id = *it;
    if (resource.delete_operation == op.name) {
      cleanup_.Forget(name, id);
      auto made = made_.find(name);
      if (made != made_.end() && made->second["name"] == id) Forget(name);  // json-read-ok: a std::map of the names the suite chose
    }
    if (resource.create_operation == op.name && !resource.delete_operation.empty() && id.find(prefix_) != std::string::npos) {
      const spec::Operation* del = service_.FindOperation(resource.delete_operation);
      if (!del) continue;
      cleanup_.Add(name, id);
      json input = resource.delete_input.is_object() ? resource.delete_input : json::object();
      input[resource.identifier_member] = id;
      TrackedCall(*del, input);
    }
  }
}

void RequestBuilder::Cleanup() {
  runner::Fixture::DeleteAll(service_, semantics_, [this](const spec::Operation& op, const codec::Value& input) { return TrackedCall(op, input); },
                             &cleanup_);
  made_.clear();
}

}  // namespace ecrc::livefuzz
