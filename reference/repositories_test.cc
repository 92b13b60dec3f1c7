// CreateRepository, DescribeRepositories, DeleteRepository (fact sheet §4 items 4, 5, 10; §2.5).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>

#include "reference/test_util.h"

namespace ecrc::server::testing {
namespace {

using ::testing::HasSubstr;

TEST(Repositories, CreateReturnsRepositoryAndEmptyCatalogData) {
  TestServer t;
  Reply r = t.Call("CreateRepository", {{"repositoryName", "project-a/nginx-web-app"}});
  ASSERT_EQ(r.status, 200) << r.raw.body;
  const json& repo = r.body["repository"];
  EXPECT_EQ(repo["repositoryArn"], "arn:aws:ecr-public::123456789012:repository/project-a/nginx-web-app");
  EXPECT_EQ(repo["registryId"], "123456789012");
  EXPECT_EQ(repo["repositoryName"], "project-a/nginx-web-app");
  EXPECT_EQ(repo["repositoryUri"], "public.ecr.aws/" + t.server().identity().alias + "/project-a/nginx-web-app");
  ASSERT_TRUE(repo["createdAt"].is_number());
  EXPECT_NEAR(repo["createdAt"].get<double>(), static_cast<double>(time(nullptr)), 5);
  EXPECT_EQ(r.body["catalogData"], json::object());
}

TEST(Repositories, UriUsesTheConfiguredAlias) {
  Options options = TestOptions();
  options.registry_alias = "my-alias";
  TestServer t(options);
  Reply r = t.Call("CreateRepository", {{"repositoryName", "app"}});
  EXPECT_EQ(r.body["repository"]["repositoryUri"], "public.ecr.aws/my-alias/app");
}

TEST(Repositories, CreateTwiceIsRepositoryAlreadyExists) {
  TestServer t;
  t.CreateRepository("app");
  Reply r = t.Call("CreateRepository", {{"repositoryName", "app"}});
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.code, "RepositoryAlreadyExistsException");
  EXPECT_THAT(r.message, HasSubstr("'app' already exists"));
}

TEST(Repositories, NamesFollowThePublicPattern) {
  TestServer t;
  for (const char* bad : {"a--b", "a__b", "-ab", "ab-", "a//b", "/ab", "ab/", "AB", "a", "a b", "a+b"}) {
    Reply r = t.Call("CreateRepository", {{"repositoryName", bad}});
    EXPECT_EQ(r.code, "InvalidParameterException") << bad;
  }
  EXPECT_EQ(t.Call("CreateRepository", {{"repositoryName", std::string(206, 'a')}}).code, "InvalidParameterException");
  for (const char* good : {"ab", "a.b_c-d", "x/y/z", "a1/b2.c3"}) {
    EXPECT_EQ(t.Call("CreateRepository", {{"repositoryName", good}}).status, 200) << good;
  }
  EXPECT_EQ(t.Call("CreateRepository", {{"repositoryName", std::string(205, 'a')}}).status, 200);
}

TEST(Repositories, RepositoryQuotaGivesLimitExceeded) {
  Options options = TestOptions();
  options.quotas.max_repositories = 2;
  TestServer t(options);
  t.CreateRepository("r1");
  t.CreateRepository("r2");
  Reply r = t.Call("CreateRepository", {{"repositoryName", "r3"}});
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.code, "LimitExceededException");
  // Deleting one frees a slot.
  ASSERT_EQ(t.Call("DeleteRepository", {{"repositoryName", "r1"}}).status, 200);
  EXPECT_EQ(t.Call("CreateRepository", {{"repositoryName", "r3"}}).status, 200);
}

json Tags(int n, const std::string& prefix = "k") {
  json tags = json::array();
  for (int i = 0; i < n; ++i) tags.push_back({{"Key", prefix + std::to_string(i)}, {"Value", "v"}});
  return tags;
}

TEST(Repositories, CreateWithTagsIsAllOrNothing) {
  TestServer t;
  Reply r = t.Call("CreateRepository", {{"repositoryName", "many"}, {"tags", Tags(51)}});
  EXPECT_EQ(r.code, "TooManyTagsException");
  EXPECT_EQ(t.Call("DescribeRepositories", {{"repositoryNames", {"many"}}}).code, "RepositoryNotFoundException");

  r = t.Call("CreateRepository", {{"repositoryName", "reserved"}, {"tags", {{{"Key", "aws:x"}, {"Value", "v"}}}}});
  EXPECT_EQ(r.code, "InvalidTagParameterException");
  EXPECT_EQ(t.Call("DescribeRepositories", {{"repositoryNames", {"reserved"}}}).code, "RepositoryNotFoundException");

  // Beyond the model's 200 the list itself is rejected; tag keys over 128 characters are tag errors.
  EXPECT_EQ(t.Call("CreateRepository", {{"repositoryName", "huge"}, {"tags", Tags(201)}}).code, "TooManyTagsException");
  EXPECT_EQ(t.Call("CreateRepository", {{"repositoryName", "longkey"}, {"tags", {{{"Key", std::string(129, 'k')}, {"Value", "v"}}}}})
                .code,
            "InvalidTagParameterException");
  EXPECT_EQ(t.Call("CreateRepository", {{"repositoryName", "longval"}, {"tags", {{{"Key", "k"}, {"Value", std::string(257, 'v')}}}}})
                .code,
            "InvalidTagParameterException");

  r = t.Call("CreateRepository", {{"repositoryName", "fifty"}, {"tags", Tags(50)}});
  ASSERT_EQ(r.status, 200) << r.raw.body;
  Reply tags = t.Call("ListTagsForResource", {{"resourceArn", t.RepositoryArn("fifty")}});
  EXPECT_EQ(tags.body["tags"].size(), 50u);
  EXPECT_EQ(tags.body["tags"][0], (json{{"Key", "k0"}, {"Value", "v"}}));
}

TEST(Repositories, CreateWithCatalogData) {
  TestServer t;
  json catalog = {{"description", "My project-a ECR Public Repository"},
                  {"architectures", {"ARM", "ARM 64", "x86", "x86-64", "RISC-V"}},
                  {"operatingSystems", {"Linux", "Plan 9"}},
                  {"aboutText", "## Quick reference."},
                  {"usageText", "## Usage"},
                  {"logoImageBlob", codec::BlobValue(PngOf(100, 100))}};
  Reply r = t.Call("CreateRepository", {{"repositoryName", "app"}, {"catalogData", catalog}});
  ASSERT_EQ(r.status, 200) << r.raw.body;
  const json& out = r.body["catalogData"];
  EXPECT_EQ(out["description"], "My project-a ECR Public Repository");
  // Values outside the gallery's lists are stored and returned (model docs).
  EXPECT_EQ(out["architectures"], (json{"ARM", "ARM 64", "x86", "x86-64", "RISC-V"}));
  EXPECT_EQ(out["operatingSystems"], (json{"Linux", "Plan 9"}));
  EXPECT_FALSE(out.contains("logoImageBlob"));
  ASSERT_TRUE(out["logoUrl"].is_string());
  EXPECT_THAT(out["logoUrl"].get<std::string>(), ::testing::StartsWith("https://"));
  EXPECT_FALSE(out.contains("marketplaceCertified"));
}

TEST(Repositories, DescribeByName) {
  TestServer t;
  t.CreateRepository("a1");
  t.CreateRepository("b2");
  Reply r = t.Call("DescribeRepositories", {{"repositoryNames", {"b2", "a1", "b2"}}});
  ASSERT_EQ(r.status, 200);
  ASSERT_EQ(r.body["repositories"].size(), 2u);
  EXPECT_EQ(r.body["repositories"][0]["repositoryName"], "b2");
  EXPECT_FALSE(r.body.contains("nextToken"));
  r = t.Call("DescribeRepositories", {{"repositoryNames", {"a1", "zz"}}});
  EXPECT_EQ(r.code, "RepositoryNotFoundException");
  EXPECT_THAT(r.message, HasSubstr("'zz'"));
  EXPECT_EQ(t.Call("DescribeRepositories", {{"repositoryNames", json::array()}}).code, "InvalidParameterException");
}

TEST(Repositories, NamesCannotBeCombinedWithPagination) {
  TestServer t;
  t.CreateRepository("a1");
  EXPECT_EQ(t.Call("DescribeRepositories", {{"repositoryNames", {"a1"}}, {"maxResults", 5}}).code,
            "InvalidParameterException");
  Reply first = t.Call("DescribeRepositories", {{"maxResults", 1}});
  t.CreateRepository("a2");
  first = t.Call("DescribeRepositories", {{"maxResults", 1}});
  ASSERT_TRUE(first.body.contains("nextToken"));
  EXPECT_EQ(t.Call("DescribeRepositories", {{"repositoryNames", {"a1"}}, {"nextToken", first.body["nextToken"]}}).code,
            "InvalidParameterException");
}

// Pages through DescribeRepositories; returns every name in page order.
std::vector<std::string> AllNames(TestServer& t, std::optional<int> max_results, int* pages) {
  std::vector<std::string> names;
  json input = json::object();
  if (max_results) input["maxResults"] = *max_results;
  *pages = 0;
  for (;;) {
    Reply r = t.Call("DescribeRepositories", input);
    EXPECT_EQ(r.status, 200) << r.raw.body;
    if (r.status != 200 || ++*pages > 1000) break;
    for (const auto& repo : r.body["repositories"]) names.push_back(repo["repositoryName"]);
    if (!r.body.contains("nextToken")) break;
    EXPECT_TRUE(r.body["nextToken"].is_string());
    input["nextToken"] = r.body["nextToken"];
  }
  return names;
}

TEST(Repositories, PaginationHasNoDuplicatesOrGaps) {
  TestServer t;
  for (int i = 0; i < 25; ++i) t.CreateRepository("repo" + std::to_string(i));
  int pages = 0;
  auto names = AllNames(t, 10, &pages);
  EXPECT_EQ(pages, 3);
  EXPECT_EQ(names.size(), 25u);
  EXPECT_EQ(std::set<std::string>(names.begin(), names.end()).size(), 25u);
  // maxResults 1 still terminates and returns everything once.
  names = AllNames(t, 1, &pages);
  EXPECT_EQ(pages, 25);
  EXPECT_EQ(std::set<std::string>(names.begin(), names.end()).size(), 25u);
}

TEST(Repositories, DefaultPageIs100) {
  TestServer t;
  for (int i = 0; i < 150; ++i) t.CreateRepository("r" + std::to_string(i));
  Reply r = t.Call("DescribeRepositories");
  EXPECT_EQ(r.body["repositories"].size(), 100u);
  ASSERT_TRUE(r.body.contains("nextToken"));
  r = t.Call("DescribeRepositories", {{"nextToken", r.body["nextToken"]}});
  EXPECT_EQ(r.body["repositories"].size(), 50u);
  EXPECT_FALSE(r.body.contains("nextToken"));
  r = t.Call("DescribeRepositories", {{"maxResults", 1000}});
  EXPECT_EQ(r.body["repositories"].size(), 150u);
}

TEST(Repositories, UnchangedItemsSurviveChangesBetweenPages) {
  TestServer t;
  for (int i = 0; i < 6; ++i) t.CreateRepository("r" + std::to_string(i));
  Reply first = t.Call("DescribeRepositories", {{"maxResults", 3}});
  ASSERT_EQ(first.body["repositories"].size(), 3u);
  // Delete an item already returned and one not yet returned; add one.
  std::string seen = first.body["repositories"][0]["repositoryName"];
  ASSERT_EQ(t.Call("DeleteRepository", {{"repositoryName", seen}}).status, 200);
  ASSERT_EQ(t.Call("DeleteRepository", {{"repositoryName", "r5"}}).status, 200);
  std::set<std::string> rest;
  json input = {{"maxResults", 3}, {"nextToken", first.body["nextToken"]}};
  Reply next = t.Call("DescribeRepositories", input);
  for (const auto& repo : next.body["repositories"]) rest.insert(repo["repositoryName"]);
  EXPECT_EQ(rest, (std::set<std::string>{"r3", "r4"}));
}

TEST(Repositories, BadTokensAreInvalidParameter) {
  TestServer t;
  for (int i = 0; i < 3; ++i) t.CreateRepository("r" + std::to_string(i));
  Reply r = t.Call("DescribeRepositories", {{"maxResults", 1}});
  std::string token = r.body["nextToken"];
  EXPECT_EQ(t.Call("DescribeRepositories", {{"nextToken", "garbage"}}).code, "InvalidParameterException");
  std::string tampered = token;
  tampered[tampered.size() / 2] = tampered[tampered.size() / 2] == 'A' ? 'B' : 'A';
  EXPECT_EQ(t.Call("DescribeRepositories", {{"nextToken", tampered}}).code, "InvalidParameterException");
  // A token is bound to the operation that issued it.
  EXPECT_EQ(t.Call("DescribeRegistries", {{"nextToken", token}}).code, "InvalidParameterException");
}

TEST(Repositories, DeleteRequiresForceWhenImagesRemain) {
  TestServer t;
  t.CreateRepository("app");
  t.PushImage("app", "one", "latest");
  Reply r = t.Call("DeleteRepository", {{"repositoryName", "app"}});
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.code, "RepositoryNotEmptyException");
  EXPECT_EQ(t.Call("DeleteRepository", {{"repositoryName", "app"}, {"force", false}}).code, "RepositoryNotEmptyException");
  r = t.Call("DeleteRepository", {{"repositoryName", "app"}, {"force", true}});
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.body["repository"]["repositoryName"], "app");
  EXPECT_EQ(r.body["repository"]["repositoryArn"], t.RepositoryArn("app"));
  EXPECT_EQ(t.Call("DescribeRepositories", {{"repositoryNames", {"app"}}}).code, "RepositoryNotFoundException");
  // Idempotency: a second delete finds nothing.
  EXPECT_EQ(t.Call("DeleteRepository", {{"repositoryName", "app"}}).code, "RepositoryNotFoundException");
}

TEST(Repositories, DeleteTakesEverythingWithIt) {
  TestServer t;
  ASSERT_EQ(t.Call("CreateRepository", {{"repositoryName", "app"}, {"tags", {{{"Key", "team"}, {"Value", "a"}}}},
                                        {"catalogData", {{"description", "d"}}}})
                .status,
            200);
  std::string digest = t.PushImage("app", "one", "latest");
  ASSERT_EQ(t.Call("SetRepositoryPolicy", {{"repositoryName", "app"},
                                           {"policyText", R"({"Version":"2012-10-17","Statement":[]})"}})
                .status,
            200);
  Reply init = t.Call("InitiateLayerUpload", {{"repositoryName", "app"}});
  ASSERT_EQ(t.Call("DeleteRepository", {{"repositoryName", "app"}, {"force", true}}).status, 200);
  t.CreateRepository("app");
  EXPECT_EQ(t.Call("ListTagsForResource", {{"resourceArn", t.RepositoryArn("app")}}).body["tags"], json::array());
  EXPECT_EQ(t.Call("GetRepositoryPolicy", {{"repositoryName", "app"}}).code, "RepositoryPolicyNotFoundException");
  EXPECT_EQ(t.Call("GetRepositoryCatalogData", {{"repositoryName", "app"}}).body["catalogData"], json::object());
  EXPECT_EQ(t.Call("DescribeImages", {{"repositoryName", "app"}}).body["imageDetails"], json::array());
  Reply check = t.Call("BatchCheckLayerAvailability", {{"repositoryName", "app"}, {"layerDigests", {digest}}});
  EXPECT_EQ(check.body["layers"][0]["layerAvailability"], "UNAVAILABLE");
  // The old upload belonged to the deleted repository.
  EXPECT_EQ(t.Call("CompleteLayerUpload", {{"repositoryName", "app"}, {"uploadId", init.body["uploadId"]},
                                           {"layerDigests", {digest}}})
                .code,
            "UploadNotFoundException");
}

TEST(Repositories, OtherRegistries) {
  TestServer t;
  t.CreateRepository("app");
  // DeleteRepository takes a 12-digit RegistryId and declares no RegistryNotFound: another
  // registry's repository is not found here.
  EXPECT_EQ(t.Call("DeleteRepository", {{"repositoryName", "app"}, {"registryId", "999999999999"}}).code,
            "RepositoryNotFoundException");
  EXPECT_EQ(t.Call("DeleteRepository", {{"repositoryName", "app"}, {"registryId", "alias"}}).code,
            "InvalidParameterException");
  Reply r = t.Call("DescribeRepositories", {{"registryId", "999999999999"}});
  EXPECT_EQ(r.body["repositories"], json::array());
  EXPECT_EQ(t.Call("DescribeRepositories", {{"registryId", "999999999999"}, {"repositoryNames", {"app"}}}).code,
            "RepositoryNotFoundException");
  r = t.Call("DescribeRepositories", {{"registryId", "123456789012"}});
  EXPECT_EQ(r.body["repositories"].size(), 1u);
}

}  // namespace
}  // namespace ecrc::server::testing
