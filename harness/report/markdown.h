// The Markdown summary of a run, for pull requests and CI job summaries: a headline, the
// capability matrix, every failure with its evidence, and the coverage of the contract.
#pragma once

#include <string>
#include <string_view>

#include "harness/results/run_report.h"

namespace ecrc::report {

// Sections, in order: headline (overall outcome, counts, endpoint, spec uid and short model
// sha), capability matrix (rows = operations, columns = check categories, cells ✅/❌/⚠️/– with
// counts), failures (error severity), warnings (warning-severity failures), errored checks
// (harness or transport trouble, not non-conformance), each with findings, exchanges in fenced
// blocks and the curl reproduction; skipped checks grouped by reason; coverage (operations,
// paginators, declared errors, constraints, with every gap named). Redacted; deterministic
// except for the run's start time and duration in the headline.
std::string RenderMarkdown(const results::RunReport& report);

// Text escaped so Markdown renders it literally (also inside table cells).
std::string MarkdownEscape(std::string_view text);
// `text` as an inline code span that survives backticks and newlines inside it; `in_table` also
// escapes pipes, which end a GFM table cell even inside a code span.
std::string MarkdownCode(std::string_view text, bool in_table = false);
// `text` in a fenced block whose fence is longer than any backtick run inside it.
std::string MarkdownFence(std::string_view text, std::string_view info = "");

}  // namespace ecrc::report
