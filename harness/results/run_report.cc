#include "harness/results/run_report.h"

namespace ecrc::results {

Outcome RunReport::OverallOutcome() const {
  Outcome out = Outcome::kDisabled;
  for (const auto& c : checks) out = MaxOutcome(out, c.outcome);
  return out;
}

std::map<Outcome, size_t> RunReport::Counts() const {
  std::map<Outcome, size_t> counts;
  for (const auto& c : checks) ++counts[c.outcome];
  return counts;
}

}  // namespace ecrc::results
