#include "harness/report/junit.h"

#include <gtest/gtest.h>

#include "harness/report/report_util.h"
#include "harness/report/test_util.h"
#include "harness/report/xml_escape.h"

namespace ecrc::report {
namespace {

using results::CheckResult;
using results::Outcome;
using results::RunReport;
using testing::Quote;
using testing::TempDir;

std::string Xsd() { return testing::SourceDir() + "/reports/schema/junit.xsd"; }

// xmllint --schema on `xml`; returns its exit status and diagnostics.
int Validate(const TempDir& dir, const std::string& xml, std::string* diagnostics) {
  std::string path = dir.File("report.junit.xml");
  testing::WriteFile(path, xml);
  return testing::Run("xmllint --noout --schema " + Quote(Xsd()) + " " + Quote(path) + " 2>&1", diagnostics);
}

std::string XPath(const TempDir& dir, const std::string& expr) {
  std::string out;
  testing::Run("xmllint --xpath " + Quote(expr) + " " + Quote(dir.File("report.junit.xml")) + " 2>&1", &out);
  if (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

#define REQUIRE_XMLLINT()                                                                                 \
  if (!testing::HaveTool("xmllint")) {                                                                  \
    GTEST_SKIP() << "xmllint (Debian libxml2-utils) is not installed: JUnit schema validation NOT run"; \
  }

TEST(Junit, SampleValidatesAgainstTheSchema) {
  REQUIRE_XMLLINT();
  TempDir dir;
  std::string diagnostics;
  EXPECT_EQ(Validate(dir, RenderJunit(testing::SampleReport()), &diagnostics), 0) << diagnostics;
  EXPECT_NE(diagnostics.find("validates"), std::string::npos) << diagnostics;
}

TEST(Junit, SchemaRejectsWhatTheFormatForbids) {
  REQUIRE_XMLLINT();
  TempDir dir;
  std::string diagnostics;
  // A testsuite without its required name and counts: proves the validation is not vacuous.
  EXPECT_NE(Validate(dir, "<testsuites><testsuite><testcase name=\"x\"/></testsuite></testsuites>", &diagnostics), 0);
  EXPECT_NE(Validate(dir, "<testsuites><testsuite name=\"a\" tests=\"1\" failures=\"0\" errors=\"0\"><bogus/></testsuite></testsuites>", &diagnostics), 0);
}

TEST(Junit, StructureGroupsChecksByOperation) {
  REQUIRE_XMLLINT();
  TempDir dir;
  std::string diagnostics;
  ASSERT_EQ(Validate(dir, RenderJunit(testing::SampleReport()), &diagnostics), 0) << diagnostics;
  EXPECT_EQ(XPath(dir, "count(//testcase)"), "11");
  EXPECT_EQ(XPath(dir, "string(/testsuites/@tests)"), "11");
  EXPECT_EQ(XPath(dir, "string(/testsuites/@failures)"), "4");
  EXPECT_EQ(XPath(dir, "string(/testsuites/@errors)"), "1");
  // Suites: operations by name, then cross-operation, then protocol.
  EXPECT_EQ(XPath(dir, "string(/testsuites/testsuite[1]/@name)"), "CreateRepository");
  EXPECT_EQ(XPath(dir, "string(/testsuites/testsuite[last()-1]/@name)"), "cross-operation");
  EXPECT_EQ(XPath(dir, "string(/testsuites/testsuite[last()]/@name)"), "protocol");
  EXPECT_EQ(XPath(dir, "string(//testsuite[@name='CreateRepository']/@tests)"), "3");
  EXPECT_EQ(XPath(dir, "string(//testsuite[@name='CreateRepository']/@failures)"), "1");
  EXPECT_EQ(XPath(dir, "string(//testsuite[@name='CreateRepository']/properties/property[@name='spec.operation_sha256']/@value)"),
            std::string(64, '1'));
  const std::string failed = "//testcase[@name='required_member_rejected[CreateRepository.repositoryName]']";
  EXPECT_EQ(XPath(dir, "string(" + failed + "/@classname)"), "contract.CreateRepository");
  EXPECT_EQ(XPath(dir, "string(" + failed + "/failure/@type)"), "required_member_rejected");
  EXPECT_NE(XPath(dir, "string(" + failed + "/failure/@message)").find("the call succeeded although"), std::string::npos);
  std::string evidence = XPath(dir, "string(" + failed + "/failure)");
  EXPECT_NE(evidence.find("expected: HTTP 400 with __type InvalidParameterException"), std::string::npos) << evidence;
  EXPECT_NE(evidence.find("reproduction:\ncurl -sS"), std::string::npos) << evidence;
  EXPECT_NE(evidence.find("<script>alert(1)</script>"), std::string::npos) << "escaped text must parse back to the original";
  std::string out = XPath(dir, "string(" + failed + "/system-out)");
  EXPECT_NE(out.find("X-Amz-Target: SpencerFrontendService.CreateRepository"), std::string::npos) << out;
  EXPECT_EQ(XPath(dir, "string(//testcase[@name='push_lifecycle']/@classname)"), "scenario.cross-operation");
  EXPECT_EQ(XPath(dir, "string(//testcase[@name='content_type_required']/@classname)"), "contract.protocol");
  EXPECT_EQ(XPath(dir, "count(//testcase[@name='error_shape_conformance[DeleteRepository]']/error)"), "1");
  EXPECT_NE(XPath(dir, "string(//testcase[@name='error_shape_conformance[DeleteRepository]']/error/@message)").find("no response within 10 s"),
            std::string::npos);
  EXPECT_EQ(XPath(dir, "string(//testcase[@name='pagination_terminates[DescribeImages]']/skipped/@message)"), "filtered out by --check");
  EXPECT_EQ(XPath(dir, "string(//testcase[@name='not_found_error[DescribeImageTags]']/skipped/@message)"),
            "disabled: disabled in the configuration");
  EXPECT_EQ(XPath(dir, "count(//testcase[@name='minimal_call[CreateRepository]']/*)"), "0");
  EXPECT_NE(XPath(dir, "string(//testcase[@name='authorization_token_decodes']/failure/@message)").find("[warning]"), std::string::npos);
}

TEST(Junit, IllegalCharactersAndBadUtf8StillGiveValidXml) {
  REQUIRE_XMLLINT();
  RunReport r;
  r.endpoint = "http://h/\x01";
  CheckResult c;
  c.id = "weird[\x02\"'<&>]";
  c.check = "weird";
  c.suite = "fuzz";
  c.operations = {"PutImage"};
  c.outcome = Outcome::kFailed;
  std::string message = "nul ";
  message.push_back('\0');
  message += " bell \a bad \xff\xfe utf8 \xef\xbf\xbf noncharacter\r\n]]> end";
  c.findings.push_back({message, "", "", "", 0});
  results::Exchange ex;
  ex.response.status = 500;
  ex.response.body = std::string("\x00\x01\x02 binary", 10);
  c.exchanges.push_back(ex);
  r.checks.push_back(c);
  TempDir dir;
  std::string diagnostics;
  ASSERT_EQ(Validate(dir, RenderJunit(r), &diagnostics), 0) << diagnostics;
  EXPECT_EQ(XPath(dir, "count(//failure)"), "1");
}

TEST(Junit, EmptyReportIsValid) {
  REQUIRE_XMLLINT();
  TempDir dir;
  std::string diagnostics;
  EXPECT_EQ(Validate(dir, RenderJunit(RunReport{}), &diagnostics), 0) << diagnostics;
}

TEST(Junit, EscapingWithoutAParser) {
  EXPECT_EQ(XmlEscape("a<b>&\"'"), "a&lt;b&gt;&amp;\"'");
  EXPECT_EQ(XmlEscape("a\"'\n\t", true), "a&quot;&apos;&#10;&#9;");
  EXPECT_EQ(XmlEscape(std::string("\x01\xff", 2)), "\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(XmlEscape("\xEF\xBF\xBE"), "\xEF\xBF\xBD");
  EXPECT_EQ(XmlEscape("✓ 🐳"), "✓ 🐳");
}

TEST(Junit, DeterministicOutput) { EXPECT_EQ(RenderJunit(testing::SampleReport()), RenderJunit(testing::SampleReport())); }

}  // namespace
}  // namespace ecrc::report
