#include "base/http.h"

#include <gtest/gtest.h>

namespace ecrc {
namespace {

TEST(Http, FindsHeadersWhateverTheirCase) {
  Headers headers;
  headers.Add("X-Amz-Target", "SpencerFrontendService.ListTagsForResource");
  headers.Set("content-type", "application/x-amz-json-1.1");
  headers.Set("Content-Type", "application/json");
  ASSERT_NE(headers.Find("x-amz-target"), nullptr);
  EXPECT_EQ(*headers.Find("x-amz-target"), "SpencerFrontendService.ListTagsForResource");
  EXPECT_EQ(*headers.Find("CONTENT-TYPE"), "application/json");  // Set replaced the other spelling
  EXPECT_EQ(headers.entries.size(), 2u);
  EXPECT_EQ(headers.Find("Content-Length"), nullptr);
}

TEST(Http, HeaderNamesCompareInAsciiCaseOnly) {
  EXPECT_TRUE(EqualsIgnoreCase("Content-Type", "content-TYPE"));
  EXPECT_TRUE(EqualsIgnoreCase("", ""));
  EXPECT_FALSE(EqualsIgnoreCase("Content-Type", "Content-Typ"));
  EXPECT_FALSE(EqualsIgnoreCase("[", "{"));  // 0x5B and 0x7B differ by the case bit but are not letters
  EXPECT_FALSE(EqualsIgnoreCase("\xC4", "\xE4"));  // Latin-1 Ä and ä: not ASCII, compared as bytes
}

TEST(Http, ResponseMediaTypeDropsParametersAndNamesAnAbsentHeader) {
  HttpResponse response;
  EXPECT_EQ(ResponseMediaType(response), "no Content-Type");
  response.headers.Set("content-type", "text/html ; charset=utf-8");
  EXPECT_EQ(ResponseMediaType(response), "text/html");
  response.headers.Set("Content-Type", "application/x-amz-json-1.1");
  EXPECT_EQ(ResponseMediaType(response), "application/x-amz-json-1.1");
}

}  // namespace
}  // namespace ecrc
