// The contract suite: checks generated from the model's traits for every operation and member
// (required members, lengths, patterns, enums, output shapes) plus the protocol probes.
#pragma once

#include "harness/checks/contract_cases.h"
#include "harness/checks/protocol_probes.h"
#include "harness/runner/suite.h"

namespace ecrc::runner {

class ContractSuite : public Suite {
 public:
  static constexpr char kName[] = "contract";
  const char* name() const override { return kName; }
  std::vector<Unit> Plan(const SuitePlanning& planning) override;

 private:
  // Units point into these (and into the run's contract plan); they live as long as the suite.
  std::vector<check::ProtocolProbe> probes_;
};

}  // namespace ecrc::runner
