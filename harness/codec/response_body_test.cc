#include "harness/codec/response_body.h"

#include <gtest/gtest.h>

namespace ecrc::codec {
namespace {

TEST(ResponseBody, ParsesOrdinaryJson) {
  ParsedBody p = ParseResponseBody(R"({"repositories":[{"repositoryName":"a"}],"nextToken":"t"})");
  ASSERT_TRUE(p.ok()) << p.problem;
  EXPECT_EQ(p.value["nextToken"], "t");
}

TEST(ResponseBody, RefusesDeepNestingBeforeParsing) {
  std::string deep = std::string(1 << 20, '[') + std::string(1 << 20, ']');
  ParsedBody p = ParseResponseBody(deep);
  EXPECT_FALSE(p.ok());
  EXPECT_NE(p.problem.find("nesting depth"), std::string::npos) << p.problem;
  EXPECT_TRUE(p.value.is_null());
  std::string objects;
  for (int i = 0; i < 65; ++i) objects += "{\"a\":";
  objects += "1" + std::string(65, '}');
  EXPECT_FALSE(ParseResponseBody(objects).ok());
  objects = objects.substr(5, objects.size() - 6);  // 64 levels: allowed
  EXPECT_TRUE(ParseResponseBody(objects).ok()) << ParseResponseBody(objects).problem;
}

TEST(ResponseBody, BracketsInsideStringsDoNotCount) {
  std::string text = "{\"a\":\"" + std::string(200, '[') + "\\\"" + std::string(200, '{') + "\"}";
  EXPECT_EQ(JsonNestingDepth(text, 64), 1);
  EXPECT_TRUE(ParseResponseBody(text).ok());
}

TEST(ResponseBody, InvalidUtf8IsAFindingOfItsOwnKind) {
  ParsedBody p = ParseResponseBody("{\"m\":\"bad \xff text\"}");
  EXPECT_FALSE(p.ok());
  EXPECT_EQ(p.kind, ViolationKind::kUtf8);
  EXPECT_NE(p.problem.find("UTF-8"), std::string::npos);
  EXPECT_TRUE(ParseResponseBody("{\"m\":\"caf\xc3\xa9\"}").ok());
  EXPECT_FALSE(ParseResponseBody("{\"m\":\"\xed\xa0\x80\"}").ok()) << "a surrogate is not UTF-8";
}

TEST(ResponseBody, SizeAndSyntax) {
  EXPECT_NE(ParseResponseBody(std::string(100, ' '), BodyLimits{10, 64}).problem.find("too large"), std::string::npos);
  EXPECT_EQ(ParseResponseBody("<html>500</html>").problem, "response body is not valid JSON");
}

TEST(ResponseBody, AnyContentEncodingButIdentityIsRefused) {
  Headers h;
  EXPECT_EQ(ContentEncodingProblem(h), "");
  h.Set("Content-Encoding", "identity");
  EXPECT_EQ(ContentEncodingProblem(h), "");
  h.Set("Content-Encoding", "gzip, gzip");
  EXPECT_NE(ContentEncodingProblem(h).find("Content-Encoding 'gzip, gzip'"), std::string::npos);
}

}  // namespace
}  // namespace ecrc::codec
