#include "harness/runner/suite_registry.h"

#include <algorithm>

namespace ecrc::runner {

void SuiteRegistry::Add(Factory factory, bool by_default) {
  std::string name = factory()->name();
  entries_.push_back({std::move(name), std::move(factory), by_default});
}

std::vector<std::string> SuiteRegistry::Names() const {
  std::vector<std::string> out;
  for (const auto& e : entries_) out.push_back(e.name);
  return out;
}

std::string SuiteRegistry::DefaultList() const {
  std::string out;
  for (const auto& e : entries_) {
    if (e.by_default) out += (out.empty() ? "" : ",") + e.name;
  }
  return out;
}

Result<std::vector<std::unique_ptr<Suite>>> SuiteRegistry::Make(const std::vector<std::string>& names) const {
  std::string known;
  for (const auto& e : entries_) known += (known.empty() ? "" : ", ") + e.name;
  if (names.empty()) return Status::Error("no suite named (known: " + known + ")");
  std::vector<std::unique_ptr<Suite>> out;
  std::vector<std::string> seen;
  for (const auto& name : names) {
    auto it = std::find_if(entries_.begin(), entries_.end(), [&](const Entry& e) { return e.name == name; });
    if (it == entries_.end()) return Status::Error("unknown suite '" + name + "' (known: " + known + ")");
    if (std::find(seen.begin(), seen.end(), name) != seen.end()) continue;
    seen.push_back(name);
    out.push_back(it->factory());
  }
  return out;
}

}  // namespace ecrc::runner
