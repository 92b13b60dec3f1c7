#include "sdk/case_catalog.h"

#include <utility>

#include "base/glob.h"
#include "sdk/error_vectors.h"
#include "sdk/output_vectors.h"
#include "sdk/paginator_vectors.h"
#include "sdk/resilience_vectors.h"
#include "sdk/workflow_cases.h"

namespace ecrc::sdk {

Result<std::vector<SdkCase>> AllCases(const spec::Service& service) {
  std::vector<SdkCase> all;
  for (auto* family : {&OutputCases, &ErrorCases, &ResilienceCases, &PaginatorCases}) {
    auto cases = family(service);
    if (!cases.ok()) return cases.status();
    for (auto& c : cases.value()) all.push_back(std::move(c));
  }
  for (auto& c : WorkflowCases(service)) all.push_back(std::move(c));
  return all;
}

Result<std::vector<SdkCase>> SelectCases(std::vector<SdkCase> cases, const std::vector<std::string>& globs) {
  if (globs.empty()) return cases;
  std::vector<bool> used(globs.size(), false);
  std::vector<SdkCase> selected;
  for (auto& c : cases) {
    bool match = false;
    for (size_t i = 0; i < globs.size(); ++i) {
      if (GlobMatch(globs[i], c.id)) match = used[i] = true;
    }
    if (match) selected.push_back(std::move(c));
  }
  for (size_t i = 0; i < globs.size(); ++i) {
    if (!used[i]) return Status::Error("no SDK case matches '" + globs[i] + "'");
  }
  return selected;
}

nlohmann::json CasesFileJson(const std::vector<SdkCase>& cases) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& c : cases) out.push_back(c.ToDriverJson());
  return out;
}

}  // namespace ecrc::sdk
