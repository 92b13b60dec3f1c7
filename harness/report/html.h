// The HTML report: one self-contained page (inline CSS and JavaScript, no external resources)
// for reviewing a run in a browser, with the report JSON embedded.
#pragma once

#include <string>

#include "harness/results/run_report.h"

namespace ecrc::report {

// The page: headline, capability matrix (click a row to filter by it), every check as a
// <details> element (failures expand to their findings, request/response exchanges and curl
// reproduction), filters by operation, category, outcome, severity and id text, and the
// coverage section. The content is rendered server-side, so it reads without JavaScript; the
// script adds the filters. A Content-Security-Policy forbids every external load. The script
// records uncaught errors, console.error calls and CSP violations in <ul id="js-errors">, sets
// <body data-ready="1"> after a successful start, and, when the URL fragment is `#selftest`,
// checks every filter against the embedded JSON and writes `SELFTEST PASS <n> assertions` or
// `SELFTEST FAIL ...` into <pre id="selftest-result"> (window.ecrcSelfTest() does the same).
std::string RenderHtml(const results::RunReport& report);

}  // namespace ecrc::report
