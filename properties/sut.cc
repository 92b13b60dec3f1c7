#include "properties/sut.h"
#include "base/json_read.h"

#include <cstdio>

#include "properties/generators.h"

namespace ecrc::prop {

Sut::Sut(runner::CallPath& path, const Limits& limits, std::string prefix, Tally* tally)
    : path_(path), limits_(limits), prefix_(std::move(prefix)), tally_(tally) {}

namespace {

// A set-up call that must succeed; the error names the operation and what came back, and its
// code says who failed: EndpointFailed (an error answer), TransportFailed (no answer), Error (us).
Result<codec::Value> MustCall(runner::CallPath& path, const char* operation, const codec::Value& input) {
  const spec::Operation* op = path.service().FindOperation(operation);
  if (op == nullptr) return Status::Error(std::string("the model has no operation ") + operation);
  check::Call r = path.Call(*op, input);
  if (!r.answered()) return Status::TransportFailed(std::string("prerequisite ") + operation + ": no response: " + r.transport_error());
  if (r.decoded.is_error) {
    std::string code = r.decoded.error.code.empty() ? "" : " " + r.decoded.error.code;
    return Status::EndpointFailed(std::string("prerequisite ") + operation + " failed: HTTP " + std::to_string(r.response().status) + code);
  }
  return r.decoded.output;
}

}  // namespace

Result<std::optional<std::string>> Sut::Begin() {
  failed_set_up_ = "DescribeRegistries";
  auto registries = MustCall(path_, "DescribeRegistries", nlohmann::json::object());
  if (!registries.ok()) return registries.status();
  const auto& list = jr::List(jr::Member(registries.value(), "registries"));
  if (auto id = jr::OptString(jr::Member(jr::Element(list, 0), "registryId"))) {
    account_ = *id;
  }
  failed_set_up_ = "GetRegistryCatalogData";
  auto catalog = MustCall(path_, "GetRegistryCatalogData", nlohmann::json::object());
  if (!catalog.ok()) return catalog.status();
  failed_set_up_.clear();
  const auto& data = jr::Object(jr::Member(catalog.value(), "registryCatalogData"));
  if (auto name = jr::OptString(jr::Member(data, "displayName"))) saved_display_name_ = *name;
  return saved_display_name_;
}

void Sut::End() {
  const spec::Operation* del = path_.service().FindOperation("DeleteRepository");
  for (const auto& suffix : created_) {
    if (del) path_.Call(*del, {{"repositoryName", Name(suffix)}, {"force", true}});
  }
  if (display_name_changed_) {
    if (const spec::Operation* put = path_.service().FindOperation("PutRegistryCatalogData")) {
      path_.Call(*put, {{"displayName", saved_display_name_.value_or("")}});
    }
  }
}

std::string Sut::Arn(const std::string& suffix) const {
  auto it = arns_.find(suffix);
  if (it != arns_.end()) return it->second;
  return "arn:aws:ecr-public::" + (account_.empty() ? std::string("123456789012") : account_) + ":repository/" + Name(suffix);
}

std::string Sut::UploadId(int handle) const {
  auto it = uploads_.find(handle);
  return it != uploads_.end() ? it->second : "00000000-0000-4000-8000-000000000000";
}

std::string CasePrefix(uint32_t run_tag, uint64_t case_number) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "ecrcp%06x-%05llu/", run_tag & 0xffffff, static_cast<unsigned long long>(case_number % 100000));
  return buf;
}

}  // namespace ecrc::prop
