// The capability matrix the Markdown and HTML writers share: rows are operations (plus the
// cross-operation and protocol groups), columns are check categories, each cell what its checks
// came to.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "harness/results/run_report.h"

namespace ecrc::report {

struct MatrixCell {
  size_t total = 0, passed = 0, failed_error = 0, failed_warning = 0, errored = 0, not_run = 0;
  size_t Problems() const { return failed_error + failed_warning + errored; }
  size_t Ran() const { return total - not_run; }
};
enum class CellState { kNone, kPass, kWarn, kFail };
struct CapabilityMatrix {
  std::vector<std::string> rows;
  std::vector<std::string> columns;
  std::map<std::pair<std::string, std::string>, MatrixCell> cells;  // (row, column)
  const MatrixCell* Find(const std::string& row, const std::string& column) const;
};
// Rows: every operation named by a check or by the coverage section, sorted, then the
// cross-operation and protocol groups when used. Columns: the well-known categories in their
// pipeline order, then any others alphabetically; an empty category is "other".
CapabilityMatrix BuildMatrix(const results::RunReport& report);
// ❌ when an error-severity check failed; ⚠️ when only warnings failed or the harness errored;
// ✅ when something passed and nothing is worse; – when nothing ran.
CellState StateOf(const MatrixCell& cell);
// Emoji (✅ ❌ ⚠️) for Markdown, which GitHub renders with its own images; plain symbols
// (✓ ✗ ⚠) for HTML, where the cell colour carries the state and emoji fonts may be missing.
const char* CellGlyph(CellState state, bool emoji = true);
// "✅ 3", "❌ 1/4" (problems/ran), "–".
std::string CellText(const MatrixCell* cell, bool emoji = true);
// The category a check is counted under in the matrix.
std::string CategoryOf(const results::CheckResult& check);

}  // namespace ecrc::report
