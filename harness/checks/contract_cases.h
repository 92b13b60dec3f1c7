// Contract checks generated from the model's traits, never written per operation: for every
// operation a minimal and a maximal valid call, for every required member its omission, for every
// constraint one violation at a time. Each case is one request; its evaluations turn the one
// exchange into one or more check results.
#pragma once

#include <string>
#include <vector>

#include "harness/checks/expectation.h"
#include "specs/semantics.h"
#include "specs/spec.h"

namespace ecrc::check {

struct Evaluation {
  std::string check;     // family id: minimal_call_accepted, required_member_rejected, ...
  std::string category;  // capability-matrix column
  std::string title;
  results::Severity severity = results::Severity::kError;
  std::string source;    // model path or documentation reference
  Expectation expectation;
};

struct ContractCase {
  std::string id;  // `CreateRepository.repositoryName.max`; check ids are `<check>[<id>]`
  const spec::Operation* op = nullptr;
  codec::Value input;
  // Top-level member the case is about: the runner must not replace it with a live resource.
  std::string member_under_test;
  // `shapes.<Shape>.<trait>` this case violates ("" when it violates none); for coverage.
  std::string constraint;
  std::vector<Evaluation> evaluations;
};

struct ContractOptions {
  // Violations that need a bigger request than this are not generated (listed as gaps instead).
  int64_t max_request_bytes = 8 << 20;
};

struct ContractPlan {
  std::vector<ContractCase> cases;
  std::vector<std::string> constraints;          // every input-reachable trait, `shapes.X.trait`
  std::vector<std::pair<std::string, std::string>> not_generated;  // constraint -> why
};

ContractPlan GenerateContractCases(const spec::Service& service, const spec::Semantics& semantics,
                                   const ContractOptions& options = {});

}  // namespace ecrc::check
