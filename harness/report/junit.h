// JUnit XML for CI systems (Jenkins, GitLab, GitHub test reporters): one <testcase> per check,
// grouped into one <testsuite> per operation; validates against reports/schema/junit.xsd.
#pragma once

#include <string>
#include <string_view>

#include "harness/results/run_report.h"

namespace ecrc::report {

// The report as JUnit XML (UTF-8). Suites: one per operation, in name order, holding the checks
// that touch exactly that operation; then `cross-operation` (checks touching several operations,
// e.g. the push lifecycle: filing them under one of their operations would blame it alone) and
// `protocol` (checks touching none). testcase classname = "<suite>.<group>" (e.g.
// `contract.CreateRepository`), name = the check id. failed → <failure>, errored → <error>,
// skipped and disabled → <skipped>; the element's text holds the findings and the reproduction,
// <system-out> the redacted exchanges. Characters XML 1.0 forbids become U+FFFD. Deterministic:
// the only wall-clock value is the run's total `time` on <testsuites>.
std::string RenderJunit(const results::RunReport& report);

}  // namespace ecrc::report
