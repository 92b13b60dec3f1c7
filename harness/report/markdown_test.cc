#include "harness/report/markdown.h"

#include <gtest/gtest.h>

#include "harness/report/test_util.h"

namespace ecrc::report {
namespace {

using results::RunReport;

bool Has(const std::string& text, const std::string& needle) { return text.find(needle) != std::string::npos; }

// The text of the line that starts with `prefix`, or "" when none does.
std::string LineStartingWith(const std::string& text, const std::string& prefix) {
  size_t pos = text.rfind(prefix, 0) == 0 ? 0 : text.find("\n" + prefix);
  if (pos == std::string::npos) return "";
  if (pos != 0) ++pos;
  return text.substr(pos, text.find('\n', pos) - pos);
}

TEST(Markdown, Headline) {
  std::string md = RenderMarkdown(testing::SampleReport());
  EXPECT_EQ(md.rfind("# ECR Public conformance: ⚠️ errored\n", 0), 0u) << md.substr(0, 200);
  EXPECT_TRUE(Has(md, "**11 checks:** 4 passed · 4 failed · 1 errored · 1 skipped · 1 disabled"));
  EXPECT_TRUE(Has(md, "| endpoint | `http://127.0.0.1:39123` (us-east-1) |"));
  EXPECT_TRUE(Has(md, "| spec | `ecr-public-2020-10-30`, model sha256 `ae2da76b1cfa` |"));
}

TEST(Markdown, CapabilityMatrix) {
  std::string md = RenderMarkdown(testing::SampleReport());
  EXPECT_TRUE(Has(md, "## Capability matrix"));
  EXPECT_EQ(LineStartingWith(md, "| operation |"),
            "| operation | minimal_call | required | constraint | output_shape | error_shape | not_found | pagination | lifecycle | auth | "
            "protocol |");
  EXPECT_EQ(LineStartingWith(md, "| CreateRepository |"), "| CreateRepository | ✅ 1 | ❌ 1/1 | ✅ 1 | – | – | – | – | – | – | – |");
  EXPECT_EQ(LineStartingWith(md, "| DeleteRepository |"), "| DeleteRepository | – | – | – | – | ⚠️ 1/1 | – | – | – | – | – |");
  EXPECT_EQ(LineStartingWith(md, "| GetAuthorizationToken |"), "| GetAuthorizationToken | – | – | – | – | – | – | – | – | ⚠️ 1/1 | – |");
  EXPECT_EQ(LineStartingWith(md, "| cross-operation |"), "| cross-operation | – | – | – | – | – | – | – | ❌ 1/1 | – | – |");
  EXPECT_EQ(LineStartingWith(md, "| protocol |"), "| protocol | – | – | – | – | – | – | – | – | – | ❌ 1/2 |");
  // Operations that only the coverage section names still get a row.
  EXPECT_EQ(LineStartingWith(md, "| TagResource |"), "| TagResource | – | – | – | – | – | – | – | – | – | – |");
}

TEST(Markdown, FailuresWithEvidence) {
  std::string md = RenderMarkdown(testing::SampleReport());
  EXPECT_TRUE(Has(md, "## Failures (3)"));
  EXPECT_TRUE(Has(md, "## Warnings (1)"));
  EXPECT_TRUE(Has(md, "## Errored (1)"));
  EXPECT_TRUE(Has(md, "### ❌ `required_member_rejected[CreateRepository.repositoryName]`"));
  EXPECT_TRUE(Has(md, "   - expected: `HTTP 400 with __type InvalidParameterException`"));
  // Markup in messages is shown literally, not interpreted.
  EXPECT_TRUE(Has(md, "\\<script\\>alert(1)\\</script\\> \\& \"quotes\" \\| pipe \\`tick\\`"));
  EXPECT_TRUE(Has(md, "**Exchange 1**: CreateRepository POST / → HTTP 200\n\n```http\nPOST /\nContent-Type: application/x-amz-json-1.1\n"));
  EXPECT_TRUE(Has(md, "**Reproduction**\n\n```sh\ncurl -sS --aws-sigv4"));
  // A body that contains a fence gets a longer one.
  EXPECT_TRUE(Has(md, "````http\nPOST /\n\n{\"repositoryName\":\"ecrc-1-push\""));
  EXPECT_TRUE(Has(md, "PutImage POST / → HTTP 400 LayersNotFoundException"));
  EXPECT_TRUE(Has(md, "   - observed: `LayersNotFoundException \xEF\xBF\xBD ✓ 🐳`")) << "control characters are made visible";
  EXPECT_TRUE(Has(md, "### ⚠️ `authorization_token_decodes`")) << "a failed warning is marked as a warning";
  EXPECT_TRUE(Has(md, "[binary body, 11 bytes, shown as base64]\nH4sIAP/+AAECgIE="));
  EXPECT_TRUE(Has(md, "(no response: timeout after 10 s (CURLE_OPERATION_TIMEDOUT))"));
  EXPECT_TRUE(Has(md, "- source: <https://docs.aws.amazon.com/AmazonECRPublic/latest/APIReference/API_DeleteRepository.html>"));
  // Passing checks have no detail section.
  EXPECT_FALSE(Has(md, "`minimal_call[CreateRepository]`\n\n"));
}

TEST(Markdown, SkippedGroupedByReason) {
  std::string md = RenderMarkdown(testing::SampleReport());
  EXPECT_TRUE(Has(md, "## Skipped (2)"));
  EXPECT_TRUE(Has(md, "- filtered out by --check (1): `pagination_terminates[DescribeImages]`"));
  EXPECT_TRUE(Has(md, "- disabled: disabled in the configuration (1): `not_found_error[DescribeImageTags]`"));
}

TEST(Markdown, Coverage) {
  std::string md = RenderMarkdown(testing::SampleReport());
  EXPECT_TRUE(Has(md, "| operations exercised | 20/23 |"));
  EXPECT_TRUE(Has(md, "| paginators verified | 3/4 |"));
  EXPECT_TRUE(Has(md, "| declared errors provoked | 3/7 (3/5 of those that can be provoked from outside; 2 cannot) |"));
  EXPECT_TRUE(Has(md, "| constraints exercised | 3/4 |"));
  EXPECT_TRUE(Has(md, "- **operations not exercised** (3): `DescribeImageTags`, `TagResource`, `UntagResource`"));
  EXPECT_TRUE(Has(md, "- **paginators not verified** (1): `DescribeImageTags`"));
  EXPECT_TRUE(Has(md, "- **declared errors not provoked** (2): `CreateRepository:LimitExceededException`, `PutImage:ImageTagAlreadyExistsException`"));
  EXPECT_TRUE(Has(md, "  - `CreateRepository:ServerException`: an internal failure cannot be caused from outside"));
  EXPECT_TRUE(Has(md, "- **constraints not exercised** (1): `shapes.MaxResults.max`"));
}

TEST(Markdown, AllPassingReportSaysSo) {
  RunReport r;
  results::CheckResult c;
  c.id = "minimal_call[CreateRepository]";
  c.suite = "contract";
  c.category = "minimal_call";
  c.operations = {"CreateRepository"};
  r.checks.push_back(c);
  std::string md = RenderMarkdown(r);
  EXPECT_EQ(md.rfind("# ECR Public conformance: ✅ passed", 0), 0u);
  EXPECT_TRUE(Has(md, "No failures."));
  EXPECT_FALSE(Has(md, "## Failures"));
}

TEST(Markdown, Escaping) {
  EXPECT_EQ(MarkdownCode("plain"), "`plain`");
  EXPECT_EQ(MarkdownCode("a`b"), "`` a`b ``");
  EXPECT_EQ(MarkdownCode("a|b\nc", true), "`a\\|b c`");
  EXPECT_EQ(MarkdownCode(""), "` `");
  EXPECT_EQ(MarkdownFence("x ``` y", "sh"), "````sh\nx ``` y\n````\n");
  EXPECT_EQ(MarkdownEscape("*a* _b_ [c](d) <e> #f"), "\\*a\\* \\_b\\_ \\[c\\](d) \\<e\\> \\#f");
}

TEST(Markdown, Deterministic) { EXPECT_EQ(RenderMarkdown(testing::SampleReport()), RenderMarkdown(testing::SampleReport())); }

}  // namespace
}  // namespace ecrc::report
