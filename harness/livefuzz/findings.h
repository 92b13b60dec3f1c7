// Turns thousands of judged requests into a report a person can read: one check result per
// (check, operation, mutation kind), failing ones carrying the smallest failing request as
// evidence with a curl reproduction, and passed ones showing what the run covered.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "harness/livefuzz/judge.h"
#include "harness/livefuzz/mutator.h"
#include "harness/results/run_report.h"

namespace ecrc::livefuzz {

// `fuzz_no_server_error[CreateRepository.wrong_type]`, or `fuzz_no_server_error[missing_target]`
// for a request naming no operation.
std::string ClassId(const std::string& check, const std::string& operation, MutationKind kind);

class FindingBook {
 public:
  // Counts `judgement` for its class. `note` says what the mutant did ("wrong_type at
  // /repositoryName: integer 1 where the model says string"). `evidence` is called only when this
  // request becomes the kept example of a failing class: the one of highest severity with the
  // shortest body.
  void Record(const std::string& operation, MutationKind kind, const Judgement& judgement, size_t body_size, const std::string& note,
              const std::function<results::Exchange()>& evidence);

  // A result made outside the request loop (the closing health probe, a failed setup).
  void Add(results::CheckResult result);

  // Every class, sorted by id; `reproduce` makes the curl command of a kept exchange.
  std::vector<results::CheckResult> Results(const std::function<std::string(const results::Exchange&)>& reproduce) const;

  // Classes with at least one failure of error (warning) severity.
  size_t failing_classes(results::Severity severity) const;
  uint64_t failing_requests() const { return failing_requests_; }

 private:
  struct Class {
    std::string check;
    std::string operation;
    MutationKind kind = MutationKind::kNone;
    uint64_t requests = 0;
    uint64_t failures = 0;
    bool failed = false;
    Verdict verdict;  // the kept failure
    std::string note;
    size_t body_size = 0;
    results::Exchange exchange;
  };

  std::map<std::string, Class> classes_;
  std::vector<results::CheckResult> extra_;
  uint64_t failing_requests_ = 0;
};

}  // namespace ecrc::livefuzz
