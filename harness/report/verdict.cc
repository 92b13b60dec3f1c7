#include "harness/report/verdict.h"

namespace ecrc::report {

using results::Outcome;
using results::Severity;
using Kind = RunVerdict::Kind;

RunVerdict VerdictOf(const results::RunReport& report) {
  RunVerdict v;
  bool passed = false;
  for (const auto& c : report.checks) {
    if (c.outcome == Outcome::kErrored) ++v.errored;
    if (c.outcome == Outcome::kFailed) ++(c.severity == Severity::kError ? v.failures : v.warnings);
    passed = passed || c.outcome == Outcome::kPassed;
  }
  v.kind = v.errored > 0    ? Kind::kErrored
           : v.failures > 0 ? Kind::kFailed
           : v.warnings > 0 ? Kind::kPassedWithWarnings
           : passed         ? Kind::kPassed
                            : Kind::kSkipped;
  return v;
}

const char* RunVerdict::Name() const {
  switch (kind) {
    case Kind::kPassed: return "passed";
    case Kind::kPassedWithWarnings: return "passed_with_warnings";
    case Kind::kFailed: return "failed";
    case Kind::kErrored: return "errored";
    case Kind::kSkipped: return "skipped";
  }
  return "?";
}

std::string RunVerdict::Text() const {
  switch (kind) {
    case Kind::kPassedWithWarnings: return "passed with " + std::to_string(warnings) + (warnings == 1 ? " warning" : " warnings");
    case Kind::kSkipped: return "skipped (nothing ran)";
    default: return Name();
  }
}

const char* RunVerdict::Glyph() const {
  switch (kind) {
    case Kind::kPassed: return "✅";
    case Kind::kPassedWithWarnings: return "✅";  // the exit code says passed; the text names the warnings
    case Kind::kFailed: return "❌";
    case Kind::kErrored: return "⚠️";
    case Kind::kSkipped: return "⏭️";
  }
  return "?";
}

const char* RunVerdict::BadgeClass() const {
  switch (kind) {
    case Kind::kPassed: return "o-passed";
    case Kind::kPassedWithWarnings: return "o-warned";
    case Kind::kFailed: return "o-failed";
    case Kind::kErrored: return "o-errored";
    case Kind::kSkipped: return "o-skipped";
  }
  return "o-skipped";
}

}  // namespace ecrc::report
