// The one call the runner makes at the end of a run: write the chosen report formats into a
// directory (report.json, report.junit.xml, report.md, report.html).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "harness/results/run_report.h"

namespace ecrc::report {

enum class ReportFormat { kJson, kJunit, kMarkdown, kHtml };

// The --format spelling: json, junit, md, html.
const char* ReportFormatName(ReportFormat format);
// The file written for the format: report.json, report.junit.xml, report.md, report.html.
const char* ReportFileName(ReportFormat format);
std::vector<ReportFormat> AllReportFormats();
// Parses a comma-separated --format value ("json,junit,md,html"; "all"; "markdown" and "xml"
// are accepted aliases); duplicates collapse, order follows AllReportFormats(). An unknown name
// gives an error listing the valid ones.
Result<std::vector<ReportFormat>> ParseReportFormats(std::string_view csv);

struct WriteOptions {
  // Literal values to scrub wherever they appear (e.g. the run's secret key), on top of the
  // pattern-based redaction every writer applies.
  std::vector<std::string> secrets;
  // Also scrub the values of AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN from the environment.
  bool scrub_environment_secrets = true;
};

// Creates `dir` (and its parents) and writes one file per format. Each file is written to a
// temporary name and renamed, so an interrupted run never leaves a half-written report. On
// failure nothing is left half-written and the Status names the file and the OS error.
Status WriteReports(const results::RunReport& report, const std::string& dir, const std::vector<ReportFormat>& formats,
                    const WriteOptions& options = {});

// The content of one format, redacted (exposed for the CLI and tests).
std::string RenderReport(const results::RunReport& report, ReportFormat format);

}  // namespace ecrc::report
