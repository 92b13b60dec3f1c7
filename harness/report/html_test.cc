#include "harness/report/html.h"

#include <gtest/gtest.h>

#include "harness/report/html_assets.h"
#include "harness/report/test_util.h"

namespace ecrc::report {
namespace {

using results::RunReport;
using testing::Quote;
using testing::TempDir;

bool Has(const std::string& text, const std::string& needle) { return text.find(needle) != std::string::npos; }

size_t Count(const std::string& text, const std::string& needle) {
  size_t n = 0;
  for (size_t pos = text.find(needle); pos != std::string::npos; pos = text.find(needle, pos + needle.size())) ++n;
  return n;
}

// The page's stylesheet and scripts are the files in harness/report/html/ as they are now (the
// build regenerates the embedded copy when one changes), each inside its element of the page.
TEST(Html, EmbedsTheStylesheetAndScriptFiles) {
  std::string html = RenderHtml(testing::SampleReport());
  struct Asset {
    const char* name;
    const char* file;
    const char* open;
    const char* close;
  };
  for (const Asset& a : {Asset{"report_css", "report.css", "<style>\n", "</style>"},
                         Asset{"error_capture_js", "error_capture.js", "<script>\n", "</script>"},
                         Asset{"report_js", "report.js", "<script>\n", "</script>"}}) {
    std::string on_disk = testing::ReadFile(testing::SourceDir() + "/harness/report/html/" + a.file);
    ASSERT_FALSE(on_disk.empty()) << a.file;
    EXPECT_EQ(FindEmbeddedFile(HtmlAssetFiles(), a.name), on_disk) << a.name << " is stale: rebuild";
    EXPECT_TRUE(Has(html, a.open + on_disk + a.close)) << a.name;
  }
}

TEST(Html, SelfContained) {
  std::string html = RenderHtml(testing::SampleReport());
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_TRUE(Has(html, "Content-Security-Policy\" content=\"default-src 'none'"));
  // No external resources: nothing loaded by URL (links to documentation are fine).
  EXPECT_FALSE(Has(html, "<link"));
  EXPECT_FALSE(Has(html, " src="));
  EXPECT_FALSE(Has(html, "@import"));
  EXPECT_FALSE(Has(html, "url("));
  // The embedded JSON cannot close its script element early.
  size_t data = html.find("<script type=\"application/json\" id=\"report-data\">");
  ASSERT_NE(data, std::string::npos);
  size_t end = html.find("</script>", data);
  std::string json = html.substr(data, end - data);
  json = json.substr(json.find('>') + 1);
  EXPECT_FALSE(Has(json, "<"));
  auto parsed = nlohmann::json::parse(json, nullptr, false);
  ASSERT_FALSE(parsed.is_discarded());
  EXPECT_EQ(parsed["checks"].size(), 11u);
}

TEST(Html, EveryCheckAndFailureEvidenceRendered) {
  std::string html = RenderHtml(testing::SampleReport());
  EXPECT_EQ(Count(html, "<details class=\"check\""), 11u);
  EXPECT_TRUE(Has(html, "data-id=\"required_member_rejected[CreateRepository.repositoryName]\""));
  EXPECT_TRUE(Has(html, "data-operations=\" CompleteLayerUpload CreateRepository DeleteRepository InitiateLayerUpload PutImage UploadLayerPart \""));
  EXPECT_TRUE(Has(html, "data-group=\"cross-operation\""));
  // Markup from the endpoint is escaped, never live.
  EXPECT_TRUE(Has(html, "&lt;script&gt;alert(1)&lt;/script&gt;"));
  EXPECT_FALSE(Has(html, "<script>alert(1)"));
  EXPECT_TRUE(Has(html, "<pre class=\"reproduction\">curl -sS --aws-sigv4"));
  EXPECT_TRUE(Has(html, "<details class=\"exchange\" open><summary>Exchange 1: CreateRepository POST / → HTTP 200</summary>"));
  EXPECT_TRUE(Has(html, "<td class=\"s-fail\">✗ 1/1</td>"));
  EXPECT_TRUE(Has(html, "<td class=\"s-pass\">✓ 1</td>"));
  EXPECT_TRUE(Has(html, "<section id=\"coverage\">"));
  EXPECT_TRUE(Has(html, "<tr><th>operations exercised</th><td>20/23</td></tr>"));
  EXPECT_TRUE(Has(html, "<li><code>GetAuthorizationToken:UnsupportedCommandException</code>: only raised in regions without ECR Public</li>"));
}

struct BrowserRun {
  int exit_code = -1;
  std::string dom;
  std::string log;
};

// Loads `html` in headless Chromium and returns the DOM after the page's scripts ran, with
// console output (Chromium logs console messages as ":CONSOLE" lines on stderr).
BrowserRun LoadInChromium(const TempDir& dir, const std::string& html, const std::string& fragment) {
  std::string page = dir.File("report.html");
  testing::WriteFile(page, html);
  BrowserRun run;
  std::string command = "timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run "
                        "--disable-background-networking --disable-component-update --disable-sync --disable-extensions "
                        "--user-data-dir=" + Quote(dir.File("profile")) +
                        " --enable-logging=stderr --v=0 --dump-dom " + Quote("file://" + page + fragment) + " 2>" +
                        Quote(dir.File("chromium.log"));
  run.exit_code = testing::Run(command, &run.dom);
  run.log = testing::ReadFile(dir.File("chromium.log"));
  return run;
}

std::string ConsoleLines(const std::string& log) {
  std::string out;
  size_t start = 0;
  while (start < log.size()) {
    size_t end = log.find('\n', start);
    if (end == std::string::npos) end = log.size();
    std::string line = log.substr(start, end - start);
    if (Has(line, ":CONSOLE")) out += line + "\n";
    start = end + 1;
  }
  return out;
}

#define REQUIRE_CHROMIUM()                                                                          \
  if (!testing::HaveTool("chromium")) {                                                           \
    GTEST_SKIP() << "chromium (Debian package chromium) is not installed: HTML page NOT loaded"; \
  }

// The acceptance test: the page opens in headless Chromium with no console errors and every
// filter shows exactly the checks the embedded JSON says it should.
TEST(HtmlBrowser, OpensWithoutErrorsAndFiltersWork) {
  REQUIRE_CHROMIUM();
  TempDir dir;
  BrowserRun run = LoadInChromium(dir, RenderHtml(testing::SampleReport()), "#selftest");
  ASSERT_EQ(run.exit_code, 0) << run.log.substr(0, 4000);
  EXPECT_TRUE(Has(run.dom, "data-ready=\"1\"")) << "the page's script did not finish starting";
  EXPECT_TRUE(Has(run.dom, "<ul id=\"js-errors\"></ul>")) << run.dom.substr(run.dom.find("js-errors"), 2000);
  EXPECT_EQ(ConsoleLines(run.log), "");
  size_t result = run.dom.find("<pre id=\"selftest-result\">");
  ASSERT_NE(result, std::string::npos);
  std::string verdict = run.dom.substr(result, run.dom.find("</pre>", result) - result);
  EXPECT_TRUE(Has(verdict, "SELFTEST PASS")) << verdict;
  // Failures are shown first (the default filter): passing checks are hidden on load.
  size_t tag = run.dom.find("data-id=\"minimal_call[CreateRepository]\"");
  ASSERT_NE(tag, std::string::npos) << "check missing from the DOM";
  EXPECT_TRUE(Has(run.dom.substr(tag, run.dom.find('>', tag) - tag), "hidden"));
  tag = run.dom.find("data-id=\"push_lifecycle\"");
  ASSERT_NE(tag, std::string::npos);
  EXPECT_FALSE(Has(run.dom.substr(tag, run.dom.find('>', tag) - tag), "hidden"));
}

TEST(HtmlBrowser, EmptyReportOpensWithoutErrors) {
  REQUIRE_CHROMIUM();
  TempDir dir;
  BrowserRun run = LoadInChromium(dir, RenderHtml(RunReport{}), "#selftest");
  ASSERT_EQ(run.exit_code, 0) << run.log.substr(0, 4000);
  EXPECT_TRUE(Has(run.dom, "data-ready=\"1\""));
  EXPECT_TRUE(Has(run.dom, "<ul id=\"js-errors\"></ul>"));
  EXPECT_TRUE(Has(run.dom, "SELFTEST PASS"));
  EXPECT_EQ(ConsoleLines(run.log), "");
}

// The detection itself works: a page with a script error is caught both in the DOM and in the
// console log, so the tests above cannot pass because errors went unnoticed.
TEST(HtmlBrowser, ScriptErrorsAreDetected) {
  REQUIRE_CHROMIUM();
  TempDir dir;
  std::string html = RenderHtml(testing::SampleReport());
  html.insert(html.find("</body>"), "<script>window.undefinedFunctionForTheTest();</script>\n");
  BrowserRun run = LoadInChromium(dir, html, "");
  ASSERT_EQ(run.exit_code, 0) << run.log.substr(0, 4000);
  EXPECT_FALSE(Has(run.dom, "<ul id=\"js-errors\"></ul>"));
  EXPECT_TRUE(Has(run.dom, "undefinedFunctionForTheTest"));
  EXPECT_NE(ConsoleLines(run.log), "");
}

}  // namespace
}  // namespace ecrc::report
