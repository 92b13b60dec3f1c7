// The HTML page's stylesheet and scripts: real files in harness/report/html/, compiled in at
// build time by cmake/embed.cmake (harness/report/CMakeLists.txt lists them).
#pragma once

#include <vector>

#include "base/embedded_file.h"

namespace ecrc::report {

// "report_css" (html/report.css), "error_capture_js" (html/error_capture.js, run first in <head>
// so later errors show in the page) and "report_js" (html/report.js, the filters and self-test).
const std::vector<EmbeddedFile>& HtmlAssetFiles();

}  // namespace ecrc::report
