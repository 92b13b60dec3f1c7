#include "harness/runner/results.h"

namespace ecrc::runner {

const char* OutcomeName(Outcome o) {
  switch (o) {
    case Outcome::kDisabled: return "disabled";
    case Outcome::kSkipped: return "skipped";
    case Outcome::kPassed: return "passed";
    case Outcome::kFailed: return "failed";
    case Outcome::kErrored: return "errored";
  }
  return "?";
}

Outcome OutcomeFromName(const std::string& name, bool* ok) {
  for (Outcome o : {Outcome::kDisabled, Outcome::kSkipped, Outcome::kPassed, Outcome::kFailed, Outcome::kErrored}) {
    if (name == OutcomeName(o)) {
      if (ok) *ok = true;
      return o;
    }
  }
  if (ok) *ok = false;
  return Outcome::kErrored;
}

const char* SeverityName(Severity s) { return s == Severity::kError ? "error" : "warning"; }

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

}  // namespace ecrc::runner
