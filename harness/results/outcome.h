// The outcome lattice and the severity of a check: the two scales every result is measured on.
#pragma once

#include <string>

namespace ecrc::results {

// The lattice of the OCI distribution conformance suite: a parent's outcome is the max of its
// children's. Failed = the target broke the contract; errored = the harness or transport failed
// (a timeout is never non-conformance); skipped = unsupported or filtered out.
enum class Outcome { kDisabled = 0, kSkipped = 1, kPassed = 2, kFailed = 3, kErrored = 4 };
const char* OutcomeName(Outcome o);
// The outcome named `name`; kErrored and *ok = false when no outcome has that name.
Outcome OutcomeFromName(const std::string& name, bool* ok = nullptr);
inline Outcome MaxOutcome(Outcome a, Outcome b) { return a < b ? b : a; }

// error: a D/M fact was broken; warning: an E/U fact (AWS behaviour uncertain) was not met.
enum class Severity { kError, kWarning };
const char* SeverityName(Severity s);

}  // namespace ecrc::results
