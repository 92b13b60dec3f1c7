#include "harness/results/outcome.h"

namespace ecrc::results {

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

}  // namespace ecrc::results
