#include "harness/runner/fixture.h"

#include "base/json_path.h"
#include "harness/checks/expectation.h"
#include "harness/runner/prerequisite.h"

namespace ecrc::runner {

using nlohmann::json;

void CleanupList::Add(const std::string& resource, const std::string& name) {
  std::lock_guard lock(mu_);
  items_.emplace(resource, name);
}

void CleanupList::Forget(const std::string& resource, const std::string& name) {
  std::lock_guard lock(mu_);
  items_.erase({resource, name});
}

std::vector<std::pair<std::string, std::string>> CleanupList::Take() {
  std::lock_guard lock(mu_);
  std::vector<std::pair<std::string, std::string>> out(items_.begin(), items_.end());
  items_.clear();
  return out;
}

std::string StringAt(const json& value, const std::string& dotted) {
  const json& at = AtPath(value, dotted);
  return at.is_string() ? at.get<std::string>() : "";
}

Fixture::Fixture(const spec::Service& service, const spec::Semantics& semantics, check::CallFn call, std::string prefix,
                 std::atomic<uint64_t>* counter, CleanupList* cleanup)
    : service_(service), semantics_(semantics), call_(std::move(call)), prefix_(std::move(prefix)), counter_(counter), cleanup_(cleanup) {}

std::string Fixture::NewName(size_t length) {
  std::string name = prefix_ + "-" + std::to_string(counter_->fetch_add(1));
  if (name.size() < length) name += std::string(length - name.size(), 'a');
  return name;
}

Result<std::map<std::string, std::string>> Fixture::Make(const std::string& resource_name, size_t name_length,
                                                         std::map<std::string, std::map<std::string, std::string>>* made,
                                                         std::vector<check::Call>* setup) {
  if (auto it = made->find(resource_name); it != made->end()) return it->second;
  const spec::Resource* resource = semantics_.FindResource(resource_name);
  if (!resource) return Status::Error("semantics name no resource '" + resource_name + "'");
  const spec::Operation* create = service_.FindOperation(resource->create_operation);
  json input = resource->create_input.is_object() ? resource->create_input : json::object();
  std::map<std::string, std::string> values;
  if (!resource->scope.empty()) {
    auto scope = Make(resource->scope, 0, made, setup);
    if (!scope.ok()) return scope;
    const spec::Resource* parent = semantics_.FindResource(resource->scope);
    input[parent->identifier_member] = scope->at("name");
  }
  // A resource whose identifier is an input member is named by us; otherwise the create call names it.
  bool we_name_it = create->input->FindMember(resource->identifier_member) != nullptr;
  if (we_name_it) {
    values["name"] = NewName(name_length);  // json-read-ok: a std::map of the names the suite chose
    input[resource->identifier_member] = values["name"];  // json-read-ok: a std::map of the names the suite chose
  }
  check::Call call = call_(*create, input);
  setup->push_back(call);
  if (!call.ok()) return PrerequisiteFailure(call);
  for (const auto& [key, path] : resource->outputs) values[key] = StringAt(call.decoded.output, path);
  if (!we_name_it) values["name"] = values.count("id") ? values["id"] : "";  // json-read-ok: a std::map of the names the suite chose
  (*made)[resource_name] = values;
  return values;
}

Result<codec::Value> Fixture::Bind(const spec::Operation& op, codec::Value input, const std::string& keep,
                                   std::vector<check::Call>* setup) {
  if (!input.is_object()) return input;
  std::map<std::string, std::map<std::string, std::string>> made;
  // The operation that creates a resource gets a fresh name under the prefix (padded to the
  // generated length, so boundary lengths stay boundary lengths) instead of a live resource.
  for (const auto& [name, resource] : semantics_.resources()) {
    if (resource.create_operation != op.name || !input.contains(resource.identifier_member)) continue;
    if (keep == resource.identifier_member) return input;
    const json& placeholder = input[resource.identifier_member];
    input[resource.identifier_member] = NewName(placeholder.is_string() ? placeholder.get<std::string>().size() : 0);
    return input;
  }
  for (const auto& m : op.input->members) {
    if (m.name == keep || !input.contains(m.name)) continue;
    const spec::Binding* binding = semantics_.FindBinding(m.name);
    if (!binding) continue;
    size_t length = input[m.name].is_string() && binding->value == "name" ? input[m.name].get<std::string>().size() : 0;
    auto values = Make(binding->resource, length, &made, setup);
    if (!values.ok()) return values.status();
    auto value = values->find(binding->value);
    if (value == values->end() || value->second.empty()) {
      // A success that lacks what the check needs (an ARN, an upload id) fails the set-up too.
      const spec::Resource* resource = semantics_.FindResource(binding->resource);
      std::string path = resource && resource->outputs.count(binding->value) ? resource->outputs.at(binding->value) : binding->value;
      for (auto it = setup->rbegin(); it != setup->rend(); ++it) {
        if (resource && it->op && it->op->name == resource->create_operation) return PrerequisiteFailure(*it, path);
      }
      return Status::Error("set-up made no " + binding->resource + " value '" + binding->value + "' for " + m.name);
    }
    input[m.name] = value->second;
  }
  return input;
}

void Fixture::DeleteAll(const spec::Service& service, const spec::Semantics& semantics, const check::CallFn& call,
                        CleanupList* cleanup) {
  for (const auto& [resource_name, name] : cleanup->Take()) {
    const spec::Resource* resource = semantics.FindResource(resource_name);
    if (!resource || resource->delete_operation.empty()) continue;
    json input = resource->delete_input.is_object() ? resource->delete_input : json::object();
    input[resource->identifier_member] = name;
    call(*service.FindOperation(resource->delete_operation), input);
  }
}

}  // namespace ecrc::runner
