#include "harness/livefuzz/findings.h"

#include <gtest/gtest.h>

namespace ecrc::livefuzz {
namespace {

using results::Outcome;
using results::Severity;

Judgement Failing(const char* check, Severity severity, const std::string& message) {
  Judgement j;
  j.exercised = {kAnswerInTime, kNoServerError};
  j.failures.push_back({check, severity, message, "status", "not 5xx", "HTTP 500 ServerException"});
  return j;
}

Judgement Passing() {
  Judgement j;
  j.exercised = {kAnswerInTime, kNoServerError};
  return j;
}

results::Exchange ExchangeWithBody(const std::string& body) {
  results::Exchange e;
  e.operation = "CreateRepository";
  e.request.body = body;
  return e;
}

std::string Repro(const results::Exchange& e) { return "curl --data-binary '" + e.request.body + "'"; }

const results::CheckResult* FindResult(const std::vector<results::CheckResult>& results, const std::string& id) {
  for (const auto& r : results) {
    if (r.id == id) return &r;
  }
  return nullptr;
}

TEST(FindingsTest, ClassIdsNameCheckOperationAndKind) {
  EXPECT_EQ(ClassId(kNoServerError, "CreateRepository", MutationKind::kWrongType), "fuzz_no_server_error[CreateRepository.wrong_type]");
  EXPECT_EQ(ClassId(kErrorTyped, "", MutationKind::kMissingTarget), "fuzz_error_typed[missing_target]");
}

TEST(FindingsTest, KeepsTheShortestFailingRequestAndCounts) {
  FindingBook book;
  int evidence_calls = 0;
  auto evidence = [&](const std::string& body) {
    return [&, body] {
      ++evidence_calls;
      return ExchangeWithBody(body);
    };
  };
  book.Record("CreateRepository", MutationKind::kWrongType, Failing(kNoServerError, Severity::kError, "long"), 20, "note long",
              evidence("{\"repositoryName\":1}"));
  book.Record("CreateRepository", MutationKind::kWrongType, Failing(kNoServerError, Severity::kError, "short"), 5, "note short", evidence("{\"a\"}"));
  book.Record("CreateRepository", MutationKind::kWrongType, Failing(kNoServerError, Severity::kError, "longer"), 30, "note", evidence("xxx"));
  book.Record("CreateRepository", MutationKind::kWrongType, Passing(), 3, "", evidence("never"));
  EXPECT_EQ(evidence_calls, 2);  // only when a request became the kept one
  EXPECT_EQ(book.failing_requests(), 3u);
  EXPECT_EQ(book.failing_classes(Severity::kError), 1u);

  auto results = book.Results(Repro);
  const auto* failed = FindResult(results, "fuzz_no_server_error[CreateRepository.wrong_type]");
  ASSERT_NE(failed, nullptr);
  EXPECT_EQ(failed->outcome, Outcome::kFailed);
  EXPECT_EQ(failed->suite, "fuzz");
  EXPECT_EQ(failed->operations, std::vector<std::string>{"CreateRepository"});
  ASSERT_EQ(failed->findings.size(), 1u);
  EXPECT_NE(failed->findings[0].message.find("short [note short]"), std::string::npos) << failed->findings[0].message;
  EXPECT_NE(failed->findings[0].message.find("3 of 4 such requests"), std::string::npos) << failed->findings[0].message;
  ASSERT_EQ(failed->exchanges.size(), 1u);
  EXPECT_EQ(failed->exchanges[0].request.body, "{\"a\"}");
  EXPECT_EQ(failed->reproduction, "curl --data-binary '{\"a\"}'");

  const auto* passed = FindResult(results, "fuzz_answer_in_time[CreateRepository.wrong_type]");
  ASSERT_NE(passed, nullptr);
  EXPECT_EQ(passed->outcome, Outcome::kPassed);
  EXPECT_TRUE(passed->exchanges.empty());
  EXPECT_TRUE(passed->findings.empty());
}

TEST(FindingsTest, AnErrorReplacesAKeptWarning) {
  FindingBook book;
  book.Record("DescribeRegistries", MutationKind::kUnknownMember, Failing(kInvalidRejected, Severity::kWarning, "w"), 2, "",
              [] { return ExchangeWithBody("w"); });
  book.Record("DescribeRegistries", MutationKind::kUnknownMember, Failing(kInvalidRejected, Severity::kError, "e"), 50, "",
              [] { return ExchangeWithBody("e"); });
  book.Record("DescribeRegistries", MutationKind::kUnknownMember, Failing(kInvalidRejected, Severity::kWarning, "w2"), 1, "",
              [] { return ExchangeWithBody("w2"); });
  auto results = book.Results(Repro);
  const auto* r = FindResult(results, "fuzz_invalid_rejected[DescribeRegistries.unknown_member]");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->severity, Severity::kError);
  EXPECT_EQ(r->exchanges[0].request.body, "e");
}

TEST(FindingsTest, ResultsAreSortedAndIncludeAddedOnes) {
  FindingBook book;
  book.Record("", MutationKind::kMissingTarget, Passing(), 2, "", [] { return results::Exchange(); });
  book.Record("CreateRepository", MutationKind::kNone, Passing(), 2, "", [] { return results::Exchange(); });
  results::CheckResult extra;
  extra.id = kEndpointSurvives;
  book.Add(extra);
  auto results = book.Results(Repro);
  ASSERT_EQ(results.size(), 5u);
  EXPECT_TRUE(std::is_sorted(results.begin(), results.end(), [](const auto& a, const auto& b) { return a.id < b.id; }));
  const auto* protocol = FindResult(results, "fuzz_no_server_error[missing_target]");
  ASSERT_NE(protocol, nullptr);
  EXPECT_TRUE(protocol->operations.empty());
}

}  // namespace
}  // namespace ecrc::livefuzz
