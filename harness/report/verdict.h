// The run-level verdict every report and summary states: derived from the checks as the exit code
// is, so a run whose only failures are warnings reads "passed with N warnings" wherever it exits 0.
// The outcome lattice is unchanged: such a check is still `failed`; only the run's verdict differs.
#pragma once

#include <cstddef>
#include <string>

#include "harness/results/run_report.h"

namespace ecrc::report {

struct RunVerdict {
  enum class Kind { kPassed, kPassedWithWarnings, kFailed, kErrored, kSkipped };
  Kind kind = Kind::kSkipped;
  size_t failures = 0;  // failed checks of error severity
  size_t warnings = 0;  // failed checks of warning severity
  size_t errored = 0;

  // passed, passed_with_warnings, failed, errored, skipped: the JSON report's summary.verdict.
  const char* Name() const;
  // "passed", "passed with 3 warnings", "failed", "errored", "skipped (nothing ran)".
  std::string Text() const;
  // ✅ passed (with or without warnings), ❌ failed, ⚠️ errored, ⏭️ skipped: as OutcomeGlyph.
  const char* Glyph() const;
  // The CSS class of the HTML badge: o-passed, o-warned, o-failed, o-errored, o-skipped.
  const char* BadgeClass() const;
};

// errored when a check errored; failed when an error-severity check failed; passed with warnings
// when only warning-severity checks failed; passed when something passed; skipped otherwise.
RunVerdict VerdictOf(const results::RunReport& report);

}  // namespace ecrc::report
