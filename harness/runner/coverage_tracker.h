// Collects, from every call of a run, how much of the contract it touched; then lists the gaps.
#pragma once

#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "harness/checks/call.h"
#include "harness/results/run_report.h"
#include "specs/semantics.h"

namespace ecrc::runner {

class CoverageTracker {
 public:
  void OnCall(const check::Call& call);
  // An answered request of `operation` that was not decoded (a protocol probe, a fuzz mutant).
  void OnOperation(const std::string& operation);
  void OnConstraint(const std::string& key);
  void OnPaginator(const std::string& operation);

  // `constraints` is every input-reachable trait the plan knows of.
  results::Coverage Finish(const spec::Service& service, const spec::Semantics& semantics, const std::vector<std::string>& constraints,
                  const std::string& region) const;

 private:
  mutable std::mutex mu_;
  std::set<std::string> operations_;
  std::set<std::string> errors_;
  std::set<std::string> constraints_;
  std::set<std::string> paginators_;
};

}  // namespace ecrc::runner
