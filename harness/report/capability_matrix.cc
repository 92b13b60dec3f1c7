#include "harness/report/capability_matrix.h"

#include <set>

#include "harness/report/report_util.h"

namespace ecrc::report {

const MatrixCell* CapabilityMatrix::Find(const std::string& row, const std::string& column) const {
  auto it = cells.find({row, column});
  return it == cells.end() ? nullptr : &it->second;
}

std::string CategoryOf(const CheckResult& check) { return check.category.empty() ? "other" : check.category; }

CapabilityMatrix BuildMatrix(const RunReport& report) {
  // The order a reader expects: from the simplest call to whole scenarios.
  static const std::vector<std::string> kKnownColumns = {
      "minimal_call", "maximal_call", "required",   "constraint", "output_shape", "error_shape", "not_found",
      "pagination",   "lifecycle",    "upload",     "image",      "tags",         "policy",      "catalog",
      "auth",         "registry",     "property",   "fuzz",       "protocol",     "other"};
  CapabilityMatrix m;
  std::set<std::string> operations(report.coverage.operations_exercised.begin(), report.coverage.operations_exercised.end());
  operations.insert(report.coverage.operations_missed.begin(), report.coverage.operations_missed.end());
  bool cross = false, protocol = false;
  std::set<std::string> columns;
  for (const auto& c : report.checks) {
    std::string group = GroupOf(c);
    if (group == kCrossOperationGroup) {
      cross = true;
    } else if (group == kProtocolGroup) {
      protocol = true;
    } else {
      operations.insert(group);
    }
    std::string column = CategoryOf(c);
    columns.insert(column);
    MatrixCell& cell = m.cells[{group, column}];
    ++cell.total;
    switch (c.outcome) {
      case Outcome::kPassed: ++cell.passed; break;
      case Outcome::kFailed: ++(c.severity == Severity::kError ? cell.failed_error : cell.failed_warning); break;
      case Outcome::kErrored: ++cell.errored; break;
      case Outcome::kSkipped:
      case Outcome::kDisabled: ++cell.not_run; break;
    }
  }
  m.rows.assign(operations.begin(), operations.end());
  if (cross) m.rows.push_back(kCrossOperationGroup);
  if (protocol) m.rows.push_back(kProtocolGroup);
  for (const auto& k : kKnownColumns) {
    if (columns.erase(k)) m.columns.push_back(k);
  }
  m.columns.insert(m.columns.end(), columns.begin(), columns.end());
  return m;
}

CellState StateOf(const MatrixCell& cell) {
  if (cell.failed_error > 0) return CellState::kFail;
  if (cell.failed_warning > 0 || cell.errored > 0) return CellState::kWarn;
  if (cell.passed > 0) return CellState::kPass;
  return CellState::kNone;
}

const char* CellGlyph(CellState state, bool emoji) {
  switch (state) {
    case CellState::kPass: return emoji ? "✅" : "✓";
    case CellState::kFail: return emoji ? "❌" : "✗";
    case CellState::kWarn: return emoji ? "⚠️" : "⚠";
    case CellState::kNone: break;
  }
  return "–";
}

std::string CellText(const MatrixCell* cell, bool emoji) {
  if (cell == nullptr) return "–";
  CellState state = StateOf(*cell);
  std::string glyph = CellGlyph(state, emoji);
  switch (state) {
    case CellState::kNone: return "–";
    case CellState::kPass: return glyph + " " + std::to_string(cell->passed);
    default: return glyph + " " + std::to_string(cell->Problems()) + "/" + std::to_string(cell->Ran());
  }
}

}  // namespace ecrc::report
