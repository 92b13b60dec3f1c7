#include "harness/report/writer.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "harness/report/html.h"
#include "harness/report/json_report.h"
#include "harness/report/json_report_reader.h"
#include "harness/report/junit.h"
#include "harness/report/markdown.h"
#include "harness/report/test_util.h"

namespace ecrc::report {
namespace {

using testing::TempDir;

TEST(Writer, WritesEveryFormatIntoANewDirectory) {
  TempDir tmp;
  std::string dir = tmp.File("runs/2025/run-1");
  results::RunReport r = testing::SampleReport();
  Status s = WriteReports(r, dir, AllReportFormats());
  ASSERT_TRUE(s.ok()) << s.message();
  std::vector<std::string> files;
  for (const auto& e : std::filesystem::directory_iterator(dir)) files.push_back(e.path().filename().string());
  std::sort(files.begin(), files.end());
  EXPECT_EQ(files, (std::vector<std::string>{"report.html", "report.json", "report.junit.xml", "report.md"}));
  for (ReportFormat f : AllReportFormats()) {
    EXPECT_EQ(testing::ReadFile(dir + "/" + ReportFileName(f)), RenderReport(r, f)) << ReportFormatName(f);
  }
  // What was written reads back.
  auto reread = ReadReportFile(dir + "/report.json");
  ASSERT_TRUE(reread.ok()) << reread.status().message();
  EXPECT_EQ(reread->checks.size(), r.checks.size());
}

TEST(Writer, WritesOnlyTheChosenFormats) {
  TempDir tmp;
  auto formats = ParseReportFormats("md, junit");
  ASSERT_TRUE(formats.ok());
  ASSERT_TRUE(WriteReports(testing::SampleReport(), tmp.path(), *formats).ok());
  EXPECT_TRUE(std::filesystem::exists(tmp.File("report.md")));
  EXPECT_TRUE(std::filesystem::exists(tmp.File("report.junit.xml")));
  EXPECT_FALSE(std::filesystem::exists(tmp.File("report.json")));
  EXPECT_FALSE(std::filesystem::exists(tmp.File("report.html")));
}

TEST(Writer, ParseFormats) {
  auto all = ParseReportFormats("all");
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(*all, AllReportFormats());
  auto some = ParseReportFormats("html,json,html,markdown");
  ASSERT_TRUE(some.ok());
  EXPECT_EQ(*some, (std::vector<ReportFormat>{ReportFormat::kJson, ReportFormat::kMarkdown, ReportFormat::kHtml}));
  auto bad = ParseReportFormats("json,pdf");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().message(), "unknown report format 'pdf'; use a comma-separated list of json, junit, md, html (or all)");
  EXPECT_FALSE(ParseReportFormats(" , ").ok());
}

TEST(Writer, ErrorsNameThePath) {
  TempDir tmp;
  testing::WriteFile(tmp.File("plainfile"), "x");
  Status s = WriteReports(testing::SampleReport(), tmp.File("plainfile"), AllReportFormats());
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find(tmp.File("plainfile")), std::string::npos) << s.message();
  Status nested = WriteReports(testing::SampleReport(), tmp.File("plainfile/sub"), AllReportFormats());
  ASSERT_FALSE(nested.ok());
  EXPECT_NE(nested.message().find("cannot create report directory " + tmp.File("plainfile/sub")), std::string::npos) << nested.message();
}

TEST(Writer, ScrubsGivenAndEnvironmentSecrets) {
  results::RunReport r = testing::SampleReport();
  r.checks[0].findings[0].observed = "echoed my-literal-secret-1 and env-secret-value-42";
  setenv("AWS_SECRET_ACCESS_KEY", "env-secret-value-42", 1);
  TempDir tmp;
  WriteOptions options;
  options.secrets = {"my-literal-secret-1"};
  Status s = WriteReports(r, tmp.path(), AllReportFormats(), options);
  unsetenv("AWS_SECRET_ACCESS_KEY");
  ASSERT_TRUE(s.ok()) << s.message();
  for (ReportFormat f : AllReportFormats()) {
    std::string text = testing::ReadFile(tmp.File(ReportFileName(f)));
    EXPECT_EQ(text.find("my-literal-secret-1"), std::string::npos) << ReportFormatName(f);
    EXPECT_EQ(text.find("env-secret-value-42"), std::string::npos) << ReportFormatName(f);
  }
}

// The end-to-end promise of the writers' redaction pass (harness/results/redaction.h): whatever
// the runner forgot, no writer outputs a planted secret.
TEST(Writer, NoWriterOutputsAPlantedSecret) {
  results::RunReport r = testing::SampleReport();
  // Make sure the fixture really carries the secrets, so this test cannot pass vacuously.
  std::string raw = testing::ReadFile(testing::TestData("sample_report.json"));
  auto contains = [](const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; };
  for (const auto& s : testing::PlantedSecrets()) {
    ASSERT_TRUE(contains(raw, s) || contains(raw, "AKIDEXAMPLE1234567%2F20250101")) << s;
  }
  std::vector<std::pair<std::string, std::string>> outputs = {
      {"json", ToJsonString(r)}, {"junit", RenderJunit(r)}, {"markdown", RenderMarkdown(r)}, {"html", RenderHtml(r)}};
  for (const auto& [name, text] : outputs) {
    for (const auto& s : testing::PlantedSecrets()) EXPECT_FALSE(contains(text, s)) << name << " leaks " << s;
    EXPECT_FALSE(contains(text, "AKIDEXAMPLE1234567%2F20250101")) << name;
    EXPECT_TRUE(contains(text, "redacted")) << name;
    // Evidence that is not secret survives.
    EXPECT_TRUE(contains(text, "SignedHeaders=content-type;host;x-amz-date;x-amz-security-token;x-amz-target")) << name;
    EXPECT_TRUE(contains(text, "SpencerFrontendService.CreateRepository")) << name;
  }
}

}  // namespace
}  // namespace ecrc::report
