// Regression review between two runs: which checks newly fail, which were fixed, which still
// fail, which appeared or disappeared, and which operations' spec changed in between.
#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "harness/results/run_report.h"

namespace ecrc::report {

// One check seen in either report; an absent side is nullopt.
struct CheckChange {
  std::string id;
  std::string title;
  std::vector<std::string> operations;
  results::Severity severity = results::Severity::kError;
  std::optional<results::Outcome> old_outcome;
  std::optional<results::Outcome> new_outcome;
  std::string detail;  // first finding (or skip reason) of the newer side, redacted, one line
};

// An operation whose model hash differs; an empty sha means the operation is absent on that side.
struct SpecChange {
  std::string operation;
  std::string old_sha256;
  std::string new_sha256;
};

struct ReportDiff {
  // Failing now (failed or errored) but not before: the check passed, was skipped or disabled,
  // or did not exist in the old report. These are the regressions.
  std::vector<CheckChange> new_failures;
  std::vector<CheckChange> fixed;          // failed or errored → passed
  std::vector<CheckChange> still_failing;  // failing in both (failed ↔ errored included)
  std::vector<CheckChange> appeared;       // only in the new report (any outcome)
  std::vector<CheckChange> disappeared;    // only in the old report (any outcome)
  // Present in both with another outcome change: e.g. failed → skipped (no longer verified, not
  // fixed), passed → skipped, skipped → passed.
  std::vector<CheckChange> other_changes;
  std::vector<SpecChange> spec_changes;  // by operation name
  std::string old_uid, new_uid, old_model_sha256, new_model_sha256;
  size_t old_total = 0, new_total = 0;
  results::Outcome old_outcome = results::Outcome::kDisabled, new_outcome = results::Outcome::kDisabled;
  // Each report's run verdict ("passed with 2 warnings", "failed"; see verdict.h) for the header.
  std::string old_verdict, new_verdict;

  bool HasRegressions() const { return !new_failures.empty(); }
  bool ModelChanged() const { return old_model_sha256 != new_model_sha256; }
};

// Compares two reports by check id; every list is sorted by id (spec changes by operation).
ReportDiff DiffReports(const results::RunReport& old_report, const results::RunReport& new_report);

// True when `current` has a failing check (failed or errored, any severity) that was not failing
// in `baseline`, including checks the baseline does not have: what `run --baseline` gates on,
// so known failures recorded in the baseline do not fail the run.
bool HasRegressions(const results::RunReport& baseline, const results::RunReport& current);

enum class DiffFormat { kText, kMarkdown };

// The diff for a terminal (kText) or a pull request (kMarkdown). Every section is printed, with
// "none" when empty, so a reader sees what was compared. Labels name the two reports.
std::string FormatDiff(const ReportDiff& diff, DiffFormat format, const std::string& old_label, const std::string& new_label);

// `ecr-conform diff` without the argument parsing: reads both files, writes the diff to `out`.
// Returns 0 without regressions, 1 with regressions, 2 when a file cannot be read or is not a
// valid report (the message on `err` names the file and the JSON path).
int RunDiff(const std::string& old_path, const std::string& new_path, DiffFormat format, std::ostream& out, std::ostream& err);

}  // namespace ecrc::report
