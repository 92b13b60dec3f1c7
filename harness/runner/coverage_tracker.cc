#include "harness/runner/coverage_tracker.h"

namespace ecrc::runner {

void CoverageTracker::OnCall(const check::Call& call) {
  if (!call.answered()) return;
  std::lock_guard lock(mu_);
  operations_.insert(call.op->name);
  if (call.is_error() && call.decoded.error.error_class == codec::ErrorClass::kDeclared) {
    errors_.insert(call.op->name + ":" + call.error_code());
  }
}

void CoverageTracker::OnOperation(const std::string& operation) {
  std::lock_guard lock(mu_);
  operations_.insert(operation);
}

void CoverageTracker::OnConstraint(const std::string& key) {
  std::lock_guard lock(mu_);
  constraints_.insert(key);
}

void CoverageTracker::OnPaginator(const std::string& operation) {
  std::lock_guard lock(mu_);
  paginators_.insert(operation);
}

results::Coverage CoverageTracker::Finish(const spec::Service& service, const spec::Semantics& semantics,
                                 const std::vector<std::string>& constraints, const std::string& region) const {
  std::lock_guard lock(mu_);
  results::Coverage c;
  for (const auto& [name, op] : service.operations()) {
    (operations_.count(name) ? c.operations_exercised : c.operations_missed).push_back(name);
    for (const spec::Shape* e : op.errors) {
      std::string key = name + ":" + e->name;
      if (errors_.count(key)) c.errors_provoked.push_back(key);
      else if (auto why = semantics.WhyUnprovokable(name, e->name, region)) c.errors_unprovokable[key] = *why;
      else c.errors_missed.push_back(key);
    }
  }
  for (const auto& key : constraints) (constraints_.count(key) ? c.constraints_exercised : c.constraints_missed).push_back(key);
  for (const auto& [name, p] : service.paginators()) (paginators_.count(name) ? c.paginators_verified : c.paginators_missed).push_back(name);
  return c;
}

}  // namespace ecrc::runner
