// BatchCheckLayerAvailability and the layer upload operations (fact sheet §4 items 1, 3, 15, 23;
// §5.1).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <regex>

#include "reference/test_util.h"

namespace ecrc::server::testing {
namespace {

using ::testing::HasSubstr;

class Layers : public ::testing::Test {
 protected:
  void SetUp() override { t_.CreateRepository("app"); }

  std::string Initiate(const std::string& repo = "app") {
    Reply r = t_.Call("InitiateLayerUpload", {{"repositoryName", repo}});
    EXPECT_EQ(r.status, 200) << r.raw.body;
    return r.body.value("uploadId", "");
  }
  Reply Part(const std::string& upload, int64_t first, int64_t last, const std::string& bytes,
             const std::string& repo = "app") {
    return t_.Call("UploadLayerPart", {{"repositoryName", repo},
                                       {"uploadId", upload},
                                       {"partFirstByte", first},
                                       {"partLastByte", last},
                                       {"layerPartBlob", codec::BlobValue(bytes)}});
  }
  Reply Complete(const std::string& upload, const json& digests, const std::string& repo = "app") {
    return t_.Call("CompleteLayerUpload", {{"repositoryName", repo}, {"uploadId", upload}, {"layerDigests", digests}});
  }

  TestServer t_;
};

TEST_F(Layers, InitiateGivesAUuidAndAPartSize) {
  Reply r = t_.Call("InitiateLayerUpload", {{"repositoryName", "app"}});
  ASSERT_EQ(r.status, 200);
  EXPECT_TRUE(std::regex_match(r.body["uploadId"].get<std::string>(),
                               std::regex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")));
  EXPECT_EQ(r.body["partSize"], 10 * 1024 * 1024);
  EXPECT_EQ(t_.Call("InitiateLayerUpload", {{"repositoryName", "nope"}}).code, "RepositoryNotFoundException");
}

TEST_F(Layers, RegistryIdOrAliasIsChecked) {
  std::string alias = t_.server().identity().alias;
  EXPECT_EQ(t_.Call("InitiateLayerUpload", {{"repositoryName", "app"}, {"registryId", alias}}).status, 200);
  EXPECT_EQ(t_.Call("InitiateLayerUpload", {{"repositoryName", "app"}, {"registryId", "123456789012"}}).status, 200);
  EXPECT_EQ(t_.Call("InitiateLayerUpload", {{"repositoryName", "app"}, {"registryId", "someoneelse"}}).code,
            "RegistryNotFoundException");
  EXPECT_EQ(t_.Call("BatchCheckLayerAvailability",
                    {{"repositoryName", "app"}, {"registryId", "999999999999"}, {"layerDigests", {"sha256:aa"}}})
                .code,
            "RegistryNotFoundException");
  // RegistryIdOrAlias is 2..50 characters.
  EXPECT_EQ(t_.Call("InitiateLayerUpload", {{"repositoryName", "app"}, {"registryId", "x"}}).code,
            "InvalidParameterException");
}

TEST_F(Layers, SinglePartUpload) {
  std::string upload = Initiate();
  Reply r = Part(upload, 0, 4, "hello");
  ASSERT_EQ(r.status, 200) << r.raw.body;
  EXPECT_EQ(r.body["lastByteReceived"], 4);
  EXPECT_EQ(r.body["uploadId"], upload);
  EXPECT_EQ(r.body["repositoryName"], "app");
  EXPECT_EQ(r.body["registryId"], "123456789012");
  std::string digest = Sha256Digest("hello");
  r = Complete(upload, {digest});
  ASSERT_EQ(r.status, 200) << r.raw.body;
  EXPECT_EQ(r.body["layerDigest"], digest);
  EXPECT_EQ(r.body["uploadId"], upload);
  // The upload is consumed.
  EXPECT_EQ(Complete(upload, {digest}).code, "UploadNotFoundException");
  EXPECT_EQ(Part(upload, 5, 5, "x").code, "UploadNotFoundException");
}

TEST_F(Layers, MultiPartUploadWithContiguousInclusiveRanges) {
  std::string upload = Initiate();
  ASSERT_EQ(Part(upload, 0, 3, "abcd").status, 200);
  ASSERT_EQ(Part(upload, 4, 7, "efgh").status, 200);
  ASSERT_EQ(Part(upload, 8, 9, "ij").status, 200);
  Reply r = Complete(upload, {Sha256Digest("abcdefghij")});
  ASSERT_EQ(r.status, 200) << r.raw.body;
  EXPECT_EQ(r.body["layerDigest"], Sha256Digest("abcdefghij"));
}

TEST_F(Layers, GapsAndOverlapsAreInvalidLayerPart) {
  std::string upload = Initiate();
  // The first part must start at 0; nothing has been received, so lastValidByteReceived is omitted.
  Reply r = Part(upload, 1, 4, "abcd");
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.code, "InvalidLayerPartException");
  EXPECT_FALSE(r.body.contains("lastValidByteReceived"));
  EXPECT_EQ(r.body["uploadId"], upload);
  EXPECT_EQ(r.body["repositoryName"], "app");
  EXPECT_EQ(r.body["registryId"], "123456789012");
  ASSERT_EQ(Part(upload, 0, 3, "abcd").status, 200);
  for (auto [first, last] : {std::pair{5, 8}, std::pair{3, 6}, std::pair{0, 3}}) {
    r = Part(upload, first, last, "wxyz");
    EXPECT_EQ(r.code, "InvalidLayerPartException") << first;
    EXPECT_EQ(r.body["lastValidByteReceived"], 3);
  }
  // A blob whose length disagrees with the range, and a range that runs backwards.
  EXPECT_EQ(Part(upload, 4, 7, "xyz").code, "InvalidLayerPartException");
  EXPECT_EQ(Part(upload, 4, 3, "").code, "InvalidLayerPartException");
  // The upload goes on where it was.
  EXPECT_EQ(Part(upload, 4, 5, "ef").status, 200);
  EXPECT_EQ(Complete(upload, {Sha256Digest("abcdef")}).status, 200);
}

TEST_F(Layers, UploadIdsAreBoundToTheirRepository) {
  t_.CreateRepository("other");
  std::string upload = Initiate("other");
  Reply r = Part(upload, 0, 1, "ab");
  EXPECT_EQ(r.code, "UploadNotFoundException");
  EXPECT_EQ(Part(upload, 0, 1, "ab", "other").status, 200);
  EXPECT_EQ(Complete(upload, {Sha256Digest("ab")}).code, "UploadNotFoundException");
  EXPECT_EQ(Part("8a4a1d2e-6b9c-4c6e-9b1f-2f3e4d5c6b7a", 0, 1, "ab").code, "UploadNotFoundException");
  EXPECT_EQ(Part(upload, 0, 1, "ab", "nope").code, "RepositoryNotFoundException");
  EXPECT_EQ(Part("not-a-uuid", 0, 1, "ab").code, "InvalidParameterException");
}

TEST_F(Layers, CompleteOutcomes) {
  // EmptyUpload; the upload stays usable.
  std::string upload = Initiate();
  Reply r = Complete(upload, {Sha256Digest("")});
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.code, "EmptyUploadException");
  ASSERT_EQ(Part(upload, 0, 2, "abc").status, 200);
  // InvalidLayer on a digest mismatch.
  r = Complete(upload, {Sha256Digest("abd")});
  EXPECT_EQ(r.code, "InvalidLayerException");
  EXPECT_THAT(r.message, HasSubstr(Sha256Digest("abc")));
  // Success, then LayerAlreadyExists for the same bytes again.
  upload = Initiate();
  ASSERT_EQ(Part(upload, 0, 2, "abc").status, 200);
  ASSERT_EQ(Complete(upload, {Sha256Digest("abc")}).status, 200);
  upload = Initiate();
  ASSERT_EQ(Part(upload, 0, 2, "abc").status, 200);
  r = Complete(upload, {Sha256Digest("abc")});
  EXPECT_EQ(r.code, "LayerAlreadyExistsException");
  // A mismatching digest is reported before the existing layer (CTRD).
  upload = Initiate();
  ASSERT_EQ(Part(upload, 0, 2, "abc").status, 200);
  EXPECT_EQ(Complete(upload, {Sha256Digest("zzz")}).code, "InvalidLayerException");
  EXPECT_EQ(Complete("8a4a1d2e-6b9c-4c6e-9b1f-2f3e4d5c6b7a", {Sha256Digest("abc")}).code, "UploadNotFoundException");
  EXPECT_EQ(Complete(upload, {Sha256Digest("abc")}, "nope").code, "RepositoryNotFoundException");
  EXPECT_EQ(Complete(upload, {"not a digest"}).code, "InvalidParameterException");
}

TEST_F(Layers, PartsBelowTheMinimumAreLayerPartTooSmall) {
  // The test server's minimum part size is 4 bytes; only the last part may be smaller.
  std::string upload = Initiate();
  ASSERT_EQ(Part(upload, 0, 1, "ab").status, 200);
  ASSERT_EQ(Part(upload, 2, 5, "cdef").status, 200);
  Reply r = Complete(upload, {Sha256Digest("abcdef")});
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.code, "LayerPartTooSmallException");
  upload = Initiate();
  ASSERT_EQ(Part(upload, 0, 3, "abcd").status, 200);
  ASSERT_EQ(Part(upload, 4, 4, "e").status, 200);
  EXPECT_EQ(Complete(upload, {Sha256Digest("abcde")}).status, 200);
}

TEST(LayersQuota, PartCountAndLayerSizeGiveLimitExceeded) {
  Options options = TestOptions();
  options.quotas.upload.min_part_size = 1;
  options.quotas.upload.max_parts = 2;
  options.quotas.upload.max_layer_size = 10;
  TestServer t(options);
  t.CreateRepository("app");
  auto part = [&](const std::string& upload, int64_t first, const std::string& bytes) {
    return t.Call("UploadLayerPart", {{"repositoryName", "app"}, {"uploadId", upload}, {"partFirstByte", first},
                                      {"partLastByte", first + static_cast<int64_t>(bytes.size()) - 1},
                                      {"layerPartBlob", codec::BlobValue(bytes)}});
  };
  std::string upload = t.Call("InitiateLayerUpload", {{"repositoryName", "app"}}).body["uploadId"];
  ASSERT_EQ(part(upload, 0, "a").status, 200);
  ASSERT_EQ(part(upload, 1, "b").status, 200);
  EXPECT_EQ(part(upload, 2, "c").code, "LimitExceededException");
  upload = t.Call("InitiateLayerUpload", {{"repositoryName", "app"}}).body["uploadId"];
  EXPECT_EQ(part(upload, 0, std::string(11, 'x')).code, "LimitExceededException");
}

TEST(LayersQuota, UploadsInProgressAreBounded) {
  Options options = TestOptions();
  options.quotas.max_uploads_in_progress = 3;
  TestServer t(options);
  t.CreateRepository("app");
  std::vector<std::string> ids;
  for (int i = 0; i < 5; ++i) ids.push_back(t.Call("InitiateLayerUpload", {{"repositoryName", "app"}}).body["uploadId"]);
  // The least recently used uploads were dropped; the newest still work.
  auto part = [&](const std::string& id) {
    return t.Call("UploadLayerPart", {{"repositoryName", "app"}, {"uploadId", id}, {"partFirstByte", 0},
                                      {"partLastByte", 0}, {"layerPartBlob", codec::BlobValue("a")}});
  };
  EXPECT_EQ(part(ids[0]).code, "UploadNotFoundException");
  EXPECT_EQ(part(ids[4]).status, 200);
}

TEST_F(Layers, BatchCheckLayerAvailability) {
  std::string present = t_.PushBlob("app", "some layer bytes");
  std::string absent = Sha256Digest("absent");
  Reply r = t_.Call("BatchCheckLayerAvailability",
                    {{"repositoryName", "app"}, {"layerDigests", {present, absent, "", "no-colon", "sha256:xyz"}}});
  ASSERT_EQ(r.status, 200) << r.raw.body;
  ASSERT_EQ(r.body["layers"].size(), 2u);
  EXPECT_EQ(r.body["layers"][0],
            (json{{"layerDigest", present}, {"layerAvailability", "AVAILABLE"}, {"layerSize", 16}}));
  EXPECT_EQ(r.body["layers"][1], (json{{"layerDigest", absent}, {"layerAvailability", "UNAVAILABLE"}}));
  ASSERT_EQ(r.body["failures"].size(), 3u);
  EXPECT_EQ(r.body["failures"][0]["failureCode"], "MissingLayerDigest");
  EXPECT_EQ(r.body["failures"][0]["layerDigest"], "");
  EXPECT_EQ(r.body["failures"][1]["failureCode"], "InvalidLayerDigest");
  EXPECT_EQ(r.body["failures"][2]["failureCode"], "InvalidLayerDigest");
  EXPECT_TRUE(r.body["failures"][1]["failureReason"].is_string());

  EXPECT_EQ(t_.Call("BatchCheckLayerAvailability", {{"repositoryName", "nope"}, {"layerDigests", {present}}}).code,
            "RepositoryNotFoundException");
  EXPECT_EQ(t_.Call("BatchCheckLayerAvailability", {{"repositoryName", "app"}, {"layerDigests", json::array()}}).code,
            "InvalidParameterException");
  json many = json::array();
  for (int i = 0; i < 101; ++i) many.push_back(absent);
  EXPECT_EQ(t_.Call("BatchCheckLayerAvailability", {{"repositoryName", "app"}, {"layerDigests", many}}).code,
            "InvalidParameterException");
  // Blobs are per repository.
  t_.CreateRepository("other");
  r = t_.Call("BatchCheckLayerAvailability", {{"repositoryName", "other"}, {"layerDigests", {present}}});
  EXPECT_EQ(r.body["layers"][0]["layerAvailability"], "UNAVAILABLE");
}

TEST_F(Layers, BatchCheckReportsMediaTypesLearntFromManifests) {
  std::string manifest = t_.Schema2Manifest("app", "seed", true);
  ASSERT_EQ(t_.PutImage("app", manifest, "v1").status, 200);
  json m = json::parse(manifest);
  Reply r = t_.Call("BatchCheckLayerAvailability",
                    {{"repositoryName", "app"}, {"layerDigests", {m["config"]["digest"], m["layers"][0]["digest"]}}});
  EXPECT_EQ(r.body["layers"][0]["mediaType"], "application/vnd.docker.container.image.v1+json");
  EXPECT_EQ(r.body["layers"][1]["mediaType"], "application/vnd.docker.image.rootfs.diff.tar.gzip");
}

}  // namespace
}  // namespace ecrc::server::testing

namespace ecrc::server::testing {
namespace {

// RegistryNotFoundException is declared on the alias-accepting operations except BatchDeleteImage
// (fact sheet §2.4, M); each answers it for a registry id or alias that is not this registry's.
TEST(RegistryIds, EveryOperationDeclaringRegistryNotFoundRaisesIt) {
  TestServer t;
  t.CreateRepository("app");
  std::string upload = t.Call("InitiateLayerUpload", {{"repositoryName", "app"}}).body["uploadId"];
  std::map<std::string, json> inputs = {
      {"BatchCheckLayerAvailability", {{"layerDigests", {Sha256Digest("x")}}}},
      {"CompleteLayerUpload", {{"uploadId", upload}, {"layerDigests", {Sha256Digest("x")}}}},
      {"InitiateLayerUpload", json::object()},
      {"PutImage", {{"imageManifest", t.Schema2Manifest("app", "x", false)}}},
      {"UploadLayerPart",
       {{"uploadId", upload}, {"partFirstByte", 0}, {"partLastByte", 0}, {"layerPartBlob", codec::BlobValue("a")}}},
  };
  int declaring = 0;
  for (const auto& [name, op] : t.server().service().operations()) {
    if (!op.DeclaresError("RegistryNotFoundException")) continue;
    ++declaring;
    ASSERT_TRUE(inputs.count(name)) << name;
    for (const char* other : {"otheralias", "999999999999"}) {
      json input = inputs[name];
      input["repositoryName"] = "app";
      input["registryId"] = other;
      Reply r = t.Call(name, input);
      EXPECT_EQ(r.status, 400) << name;
      EXPECT_EQ(r.code, "RegistryNotFoundException") << name << " " << r.raw.body;
    }
    // This registry's alias and account id both work.
    json input = inputs[name];
    input["repositoryName"] = "app";
    input["registryId"] = t.server().identity().alias;
    EXPECT_NE(t.Call(name, input).code, "RegistryNotFoundException") << name;
  }
  EXPECT_EQ(declaring, 5);
  // BatchDeleteImage takes an alias too but declares no RegistryNotFound.
  EXPECT_EQ(t.Call("BatchDeleteImage", {{"repositoryName", "app"}, {"registryId", "otheralias"}, {"imageIds", {{{"imageTag", "x"}}}}})
                .code,
            "RepositoryNotFoundException");
  EXPECT_EQ(t.Call("BatchDeleteImage", {{"repositoryName", "app"}, {"registryId", t.server().identity().alias},
                                        {"imageIds", {{{"imageTag", "x"}}}}})
                .status,
            200);
}

TEST(LayersQuota, PartsAboveTheModelLimitAreInvalidParameter) {
  TestServer t;
  t.CreateRepository("app");
  std::string upload = t.Call("InitiateLayerUpload", {{"repositoryName", "app"}}).body["uploadId"];
  std::string big(20971521, 'x');
  Reply r = t.Call("UploadLayerPart", {{"repositoryName", "app"}, {"uploadId", upload}, {"partFirstByte", 0},
                                       {"partLastByte", static_cast<int64_t>(big.size()) - 1},
                                       {"layerPartBlob", codec::BlobValue(big)}});
  EXPECT_EQ(r.code, "InvalidParameterException");
  // 20 MiB exactly is accepted (the model's limit; the quota page's 10 MiB conflicts, §5.1).
  big.pop_back();
  r = t.Call("UploadLayerPart", {{"repositoryName", "app"}, {"uploadId", upload}, {"partFirstByte", 0},
                                 {"partLastByte", static_cast<int64_t>(big.size()) - 1},
                                 {"layerPartBlob", codec::BlobValue(big)}});
  EXPECT_EQ(r.status, 200) << r.code;
}

}  // namespace
}  // namespace ecrc::server::testing
