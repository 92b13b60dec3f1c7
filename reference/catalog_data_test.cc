// Repository and registry catalog data (fact sheet §4 items 12, 13, 18, 19; §5.7).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "reference/test_util.h"

namespace ecrc::server::testing {
namespace {

TEST(CatalogData, RepositoryWithoutCatalogDataHasEmptyObject) {
  TestServer t;
  t.CreateRepository("app");
  Reply r = t.Call("GetRepositoryCatalogData", {{"repositoryName", "app"}});
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.body, (json{{"catalogData", json::object()}}));
  EXPECT_EQ(t.Call("GetRepositoryCatalogData", {{"repositoryName", "nope"}}).code, "RepositoryNotFoundException");
  EXPECT_EQ(t.Call("PutRepositoryCatalogData", {{"repositoryName", "nope"}, {"catalogData", json::object()}}).code,
            "RepositoryNotFoundException");
}

TEST(CatalogData, PutMergesAndReturnsTheOutputForm) {
  TestServer t;
  t.CreateRepository("app");
  Reply r = t.Call("PutRepositoryCatalogData",
                   {{"repositoryName", "app"},
                    {"catalogData",
                     {{"description", "first"}, {"architectures", {"ARM 64"}}, {"logoImageBlob", codec::BlobValue(PngOf(60, 2048))}}}});
  ASSERT_EQ(r.status, 200) << r.raw.body;
  EXPECT_EQ(r.body["catalogData"]["description"], "first");
  std::string logo = r.body["catalogData"]["logoUrl"];
  EXPECT_FALSE(r.body["catalogData"].contains("logoImageBlob"));
  // An update naming only the description keeps the logo and the architectures (U: merge).
  r = t.Call("PutRepositoryCatalogData", {{"repositoryName", "app"}, {"catalogData", {{"description", "second"}}}});
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.body["catalogData"]["description"], "second");
  EXPECT_EQ(r.body["catalogData"]["logoUrl"], logo);
  EXPECT_EQ(r.body["catalogData"]["architectures"], (json{"ARM 64"}));
  Reply got = t.Call("GetRepositoryCatalogData", {{"repositoryName", "app"}});
  EXPECT_EQ(got.body["catalogData"], r.body["catalogData"]);
  // An empty logo blob removes the logo.
  r = t.Call("PutRepositoryCatalogData", {{"repositoryName", "app"}, {"catalogData", {{"logoImageBlob", codec::BlobValue("")}}}});
  EXPECT_FALSE(r.body["catalogData"].contains("logoUrl"));
}

TEST(CatalogData, LogoMustBeAPngOfTheDocumentedSize) {
  TestServer t;
  t.CreateRepository("app");
  auto put = [&](const std::string& blob) {
    return t.Call("PutRepositoryCatalogData",
                  {{"repositoryName", "app"}, {"catalogData", {{"logoImageBlob", codec::BlobValue(blob)}}}});
  };
  EXPECT_EQ(put("GIF89a not a png at all, really").code, "InvalidParameterException");
  EXPECT_EQ(put(PngOf(59, 100)).code, "InvalidParameterException");
  EXPECT_EQ(put(PngOf(100, 2049)).code, "InvalidParameterException");
  EXPECT_EQ(put(PngOf(2048, 60)).status, 200);
  // Over the model's 512,000 bytes.
  std::string big = PngOf(100, 100) + std::string(512001, 'x');
  EXPECT_EQ(put(big).code, "InvalidParameterException");
}

TEST(CatalogData, InputLimitsAreEnforced) {
  TestServer t;
  t.CreateRepository("app");
  auto put = [&](const json& catalog) {
    return t.Call("PutRepositoryCatalogData", {{"repositoryName", "app"}, {"catalogData", catalog}});
  };
  EXPECT_EQ(put({{"description", std::string(1025, 'd')}}).code, "InvalidParameterException");
  EXPECT_EQ(put({{"description", std::string(1024, 'd')}}).status, 200);
  EXPECT_EQ(put({{"aboutText", std::string(25601, 'a')}}).code, "InvalidParameterException");
  EXPECT_EQ(put({{"usageText", std::string(25600, 'u')}}).status, 200);
  json many = json::array();
  for (int i = 0; i < 51; ++i) many.push_back("arch" + std::to_string(i));
  EXPECT_EQ(put({{"architectures", many}}).code, "InvalidParameterException");
  EXPECT_EQ(put({{"operatingSystems", {std::string(51, 'o')}}}).code, "InvalidParameterException");
  EXPECT_EQ(put({{"operatingSystems", {""}}}).code, "InvalidParameterException");
  // catalogData is required.
  EXPECT_EQ(t.Call("PutRepositoryCatalogData", {{"repositoryName", "app"}}).code, "InvalidParameterException");
  // marketplaceCertified is output-only.
  EXPECT_EQ(put({{"marketplaceCertified", true}}).code, "InvalidParameterException");
}

TEST(CatalogData, RegistryCatalogData) {
  TestServer t;
  EXPECT_EQ(t.Call("GetRegistryCatalogData").body, (json{{"registryCatalogData", json::object()}}));
  Reply r = t.Call("PutRegistryCatalogData", {{"displayName", "My Registry"}});
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.body, (json{{"registryCatalogData", {{"displayName", "My Registry"}}}}));
  EXPECT_EQ(t.Call("GetRegistryCatalogData").body, r.body);
  // Omitted: unchanged. Empty: cleared (U).
  EXPECT_EQ(t.Call("PutRegistryCatalogData").body, r.body);
  EXPECT_EQ(t.Call("PutRegistryCatalogData", {{"displayName", ""}}).body, (json{{"registryCatalogData", json::object()}}));
  EXPECT_EQ(t.Call("PutRegistryCatalogData", {{"displayName", std::string(101, 'n')}}).code, "InvalidParameterException");
}

}  // namespace
}  // namespace ecrc::server::testing
