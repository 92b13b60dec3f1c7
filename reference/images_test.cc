// PutImage, DescribeImages, DescribeImageTags, BatchDeleteImage (fact sheet §4 items 2, 7, 8, 17;
// §5.2).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>

#include "reference/test_util.h"

namespace ecrc::server::testing {
namespace {

using ::testing::HasSubstr;

class Images : public ::testing::Test {
 protected:
  void SetUp() override { t_.CreateRepository("app"); }

  json Describe(const json& ids) {
    Reply r = t_.Call("DescribeImages", {{"repositoryName", "app"}, {"imageIds", ids}});
    EXPECT_EQ(r.status, 200) << r.raw.body;
    return r.body["imageDetails"];
  }
  Reply Delete(const json& ids) { return t_.Call("BatchDeleteImage", {{"repositoryName", "app"}, {"imageIds", ids}}); }

  TestServer t_;
};

TEST_F(Images, PutImageStoresAndEchoesTheExactBytes) {
  // Pretty-printed with odd spacing: the digest is over these exact bytes.
  std::string manifest = t_.Schema2Manifest("app", "one", true);
  manifest = "  " + manifest + "\n";
  Reply r = t_.PutImage("app", manifest, "v1");
  ASSERT_EQ(r.status, 200) << r.raw.body;
  const json& image = r.body["image"];
  EXPECT_EQ(image["imageManifest"], manifest);
  EXPECT_EQ(image["imageId"]["imageDigest"], Sha256Digest(manifest));
  EXPECT_EQ(image["imageId"]["imageTag"], "v1");
  EXPECT_EQ(image["imageManifestMediaType"], "application/vnd.docker.distribution.manifest.v2+json");
  EXPECT_EQ(image["registryId"], "123456789012");
  EXPECT_EQ(image["repositoryName"], "app");

  json detail = Describe({{{"imageTag", "v1"}}})[0];
  EXPECT_EQ(detail["imageDigest"], Sha256Digest(manifest));
  EXPECT_EQ(detail["imageTags"], (json{"v1"}));
  EXPECT_EQ(detail["artifactMediaType"], "application/vnd.docker.container.image.v1+json");
  EXPECT_EQ(detail["imageManifestMediaType"], "application/vnd.docker.distribution.manifest.v2+json");
  EXPECT_EQ(detail["imageSizeInBytes"], std::string("layer-bytes-of-one").size());
  EXPECT_TRUE(detail["imagePushedAt"].is_number());
  EXPECT_EQ(detail["registryId"], "123456789012");
}

TEST_F(Images, MediaTypeComesFromTheParameterOrTheManifest) {
  std::string layer = t_.PushBlob("app", "oci layer");
  std::string config = t_.PushBlob("app", "{}");
  json oci = {{"schemaVersion", 2},
              {"config", {{"mediaType", "application/vnd.oci.image.config.v1+json"}, {"size", 2}, {"digest", config}}},
              {"layers", {{{"mediaType", "application/vnd.oci.image.layer.v1.tar+gzip"}, {"size", 9}, {"digest", layer}}}}};
  // No mediaType in the manifest and none given: InvalidParameterException.
  Reply r = t_.Call("PutImage", {{"repositoryName", "app"}, {"imageManifest", oci.dump()}, {"imageTag", "oci"}});
  EXPECT_EQ(r.code, "InvalidParameterException");
  r = t_.Call("PutImage", {{"repositoryName", "app"}, {"imageManifest", oci.dump()}, {"imageTag", "oci"},
                           {"imageManifestMediaType", "application/vnd.oci.image.manifest.v1+json"}});
  ASSERT_EQ(r.status, 200) << r.raw.body;
  EXPECT_EQ(r.body["image"]["imageManifestMediaType"], "application/vnd.oci.image.manifest.v1+json");
  // A parameter that contradicts the manifest (U: refused).
  std::string docker = t_.Schema2Manifest("app", "two", true);
  r = t_.Call("PutImage", {{"repositoryName", "app"}, {"imageManifest", docker},
                           {"imageManifestMediaType", "application/vnd.oci.image.manifest.v1+json"}});
  EXPECT_EQ(r.code, "InvalidParameterException");
  EXPECT_EQ(t_.PutImage("app", "not json", "x").code, "InvalidParameterException");
  EXPECT_EQ(t_.PutImage("app", "", "x").code, "InvalidParameterException");
}

TEST_F(Images, MissingBlobsAreLayersNotFound) {
  std::string manifest = t_.Schema2Manifest("app", "one", false);
  Reply r = t_.PutImage("app", manifest, "v1");
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.code, "LayersNotFoundException");
  // The config alone missing is enough.
  json m = json::parse(manifest);
  t_.PushBlob("app", "layer-bytes-of-one");
  r = t_.PutImage("app", manifest, "v1");
  EXPECT_EQ(r.code, "LayersNotFoundException");
  EXPECT_THAT(r.message, HasSubstr(m["config"]["digest"].get<std::string>()));
  // Blobs of another repository do not count.
  t_.CreateRepository("other");
  std::string elsewhere = t_.Schema2Manifest("other", "two", true);
  EXPECT_EQ(t_.PutImage("app", elsewhere, "v2").code, "LayersNotFoundException");
  EXPECT_EQ(t_.PutImage("nope", elsewhere, "v2").code, "RepositoryNotFoundException");
}

TEST_F(Images, IndexesNeedTheirManifests) {
  std::string a = t_.PushImage("app", "amd64");
  std::string b = t_.PushImage("app", "arm64");
  std::string missing = Sha256Digest("missing");
  Reply r = t_.PutImage("app", IndexManifest({a, missing}), "multi");
  EXPECT_EQ(r.code, "ReferencedImagesNotFoundException");
  EXPECT_THAT(r.message, HasSubstr(missing));
  r = t_.PutImage("app", IndexManifest({a, b}), "multi");
  ASSERT_EQ(r.status, 200) << r.raw.body;
  EXPECT_EQ(r.body["image"]["imageManifestMediaType"], "application/vnd.oci.image.index.v1+json");
  r = t_.PutImage("app", IndexManifest({a, b}, false), "multi-docker");
  ASSERT_EQ(r.status, 200) << r.raw.body;
  EXPECT_EQ(r.body["image"]["imageManifestMediaType"], "application/vnd.docker.distribution.manifest.list.v2+json");
  json detail = Describe({{{"imageTag", "multi"}}})[0];
  // A list's size is the largest of its images'; it has no config.
  EXPECT_EQ(detail["imageSizeInBytes"], std::string("layer-bytes-of-amd64").size());
  EXPECT_FALSE(detail.contains("artifactMediaType"));
}

TEST_F(Images, DigestParameterMustMatch) {
  std::string manifest = t_.Schema2Manifest("app", "one", true);
  Reply r = t_.Call("PutImage", {{"repositoryName", "app"}, {"imageManifest", manifest}, {"imageDigest", Sha256Digest("x")}});
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.code, "ImageDigestDoesNotMatchException");
  r = t_.Call("PutImage", {{"repositoryName", "app"}, {"imageManifest", manifest}, {"imageDigest", Sha256Digest(manifest)}});
  EXPECT_EQ(r.status, 200) << r.raw.body;
  EXPECT_FALSE(r.body["image"]["imageId"].contains("imageTag"));
}

TEST_F(Images, RepushingIsImageAlreadyExistsUnlessTheTagIsNew) {
  std::string manifest = t_.Schema2Manifest("app", "one", true);
  ASSERT_EQ(t_.PutImage("app", manifest, "v1").status, 200);
  Reply r = t_.PutImage("app", manifest, "v1");
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.code, "ImageAlreadyExistsException");
  // Same manifest, new tag: succeeds and adds the tag.
  ASSERT_EQ(t_.PutImage("app", manifest, "latest").status, 200);
  EXPECT_EQ(Describe({{{"imageDigest", Sha256Digest(manifest)}}})[0]["imageTags"], (json{"v1", "latest"}));
  // No tag at all for an image that exists: nothing would change.
  EXPECT_EQ(t_.PutImage("app", manifest).code, "ImageAlreadyExistsException");
}

TEST_F(Images, TagMoveLeavesTheOldImageUntagged) {
  std::string first = t_.PushImage("app", "one", "latest");
  std::string second = t_.PushImage("app", "two", "latest");
  json old = Describe({{{"imageDigest", first}}})[0];
  EXPECT_FALSE(old.contains("imageTags"));
  EXPECT_EQ(Describe({{{"imageTag", "latest"}}})[0]["imageDigest"], second);
  Reply all = t_.Call("DescribeImages", {{"repositoryName", "app"}});
  EXPECT_EQ(all.body["imageDetails"].size(), 2u);
  // ImageTagAlreadyExistsException never occurs: ECR Public has no tag immutability.
}

TEST_F(Images, ImageQuotaIsLimitExceeded) {
  Options options = TestOptions();
  options.quotas.max_images_per_repository = 2;
  TestServer t(options);
  t.CreateRepository("app");
  t.PushImage("app", "one", "1");
  t.PushImage("app", "two", "2");
  std::string manifest = t.Schema2Manifest("app", "three", true);
  EXPECT_EQ(t.PutImage("app", manifest, "3").code, "LimitExceededException");
}

TEST_F(Images, DescribeImagesErrors) {
  std::string digest = t_.PushImage("app", "one", "v1");
  Reply r = t_.Call("DescribeImages", {{"repositoryName", "app"}, {"imageIds", {{{"imageTag", "zzz"}}}}});
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.code, "ImageNotFoundException");
  EXPECT_THAT(r.message, HasSubstr("imageTag:'zzz'"));
  EXPECT_EQ(t_.Call("DescribeImages", {{"repositoryName", "app"}, {"imageIds", {{{"imageDigest", Sha256Digest("q")}}}}}).code,
            "ImageNotFoundException");
  // Digest and tag of different images.
  std::string other = t_.PushImage("app", "two", "v2");
  EXPECT_EQ(t_.Call("DescribeImages", {{"repositoryName", "app"}, {"imageIds", {{{"imageDigest", other}, {"imageTag", "v1"}}}}}).code,
            "ImageNotFoundException");
  EXPECT_EQ(t_.Call("DescribeImages", {{"repositoryName", "nope"}}).code, "RepositoryNotFoundException");
  EXPECT_EQ(t_.Call("DescribeImages", {{"repositoryName", "app"}, {"imageIds", {{{"imageTag", "v1"}}}}, {"maxResults", 5}}).code,
            "InvalidParameterException");
  EXPECT_EQ(t_.Call("DescribeImages", {{"repositoryName", "app"}, {"imageIds", {{{"imageTag", "v1"}}}}, {"nextToken", "x"}}).code,
            "InvalidParameterException");
  EXPECT_EQ(t_.Call("DescribeImages", {{"repositoryName", "app"}, {"imageIds", json::array()}}).code,
            "InvalidParameterException");
  EXPECT_EQ(t_.Call("DescribeImages", {{"repositoryName", "app"}, {"imageIds", {json::object()}}}).code,
            "InvalidParameterException");
  // Both members naming the same image, and duplicates, describe it once.
  json details = Describe({{{"imageDigest", digest}, {"imageTag", "v1"}}, {{"imageTag", "v1"}}});
  EXPECT_EQ(details.size(), 1u);
}

TEST_F(Images, DescribeImagesAndTagsPaginate) {
  std::set<std::string> digests;
  for (int i = 0; i < 7; ++i) digests.insert(t_.PushImage("app", "img" + std::to_string(i), "t" + std::to_string(i)));
  t_.PushImage("app", "untagged");
  std::set<std::string> seen;
  json input = {{"repositoryName", "app"}, {"maxResults", 3}};
  int pages = 0;
  for (;; ++pages) {
    Reply r = t_.Call("DescribeImages", input);
    ASSERT_EQ(r.status, 200);
    for (const auto& d : r.body["imageDetails"]) EXPECT_TRUE(seen.insert(d["imageDigest"]).second);
    if (!r.body.contains("nextToken") || pages > 10) break;
    input["nextToken"] = r.body["nextToken"];
  }
  EXPECT_EQ(pages, 2);
  EXPECT_EQ(seen.size(), 8u);

  std::set<std::string> tags;
  input = {{"repositoryName", "app"}, {"maxResults", 2}};
  for (pages = 0;; ++pages) {
    Reply r = t_.Call("DescribeImageTags", input);
    ASSERT_EQ(r.status, 200);
    for (const auto& d : r.body["imageTagDetails"]) {
      EXPECT_TRUE(tags.insert(d["imageTag"]).second);
      EXPECT_TRUE(d["createdAt"].is_number());
      EXPECT_TRUE(digests.count(d["imageDetail"]["imageDigest"]));
      EXPECT_EQ(d["imageDetail"]["imageManifestMediaType"], "application/vnd.docker.distribution.manifest.v2+json");
    }
    if (!r.body.contains("nextToken") || pages > 10) break;
    input["nextToken"] = r.body["nextToken"];
  }
  // One entry per tag; the untagged image has none.
  EXPECT_EQ(tags.size(), 7u);
  EXPECT_EQ(pages, 3);
  // A DescribeImages token is not a DescribeImageTags token, nor one for another repository.
  Reply first = t_.Call("DescribeImages", {{"repositoryName", "app"}, {"maxResults", 1}});
  EXPECT_EQ(t_.Call("DescribeImageTags", {{"repositoryName", "app"}, {"nextToken", first.body["nextToken"]}}).code,
            "InvalidParameterException");
  t_.CreateRepository("other");
  EXPECT_EQ(t_.Call("DescribeImages", {{"repositoryName", "other"}, {"nextToken", first.body["nextToken"]}}).code,
            "InvalidParameterException");
  EXPECT_EQ(t_.Call("DescribeImageTags", {{"repositoryName", "nope"}}).code, "RepositoryNotFoundException");
}

TEST_F(Images, BatchDeleteByTagAndDigest) {
  std::string a = t_.PushImage("app", "a", "a1");
  ASSERT_EQ(t_.PutImage("app", t_.Schema2Manifest("app", "a", false), "a2").status, 200);
  std::string b = t_.PushImage("app", "b", "b1");
  std::string untagged = t_.PushImage("app", "u");

  // Deleting one of two tags keeps the image.
  Reply r = Delete({{{"imageTag", "a1"}}});
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.body["imageIds"], (json{{{"imageDigest", a}, {"imageTag", "a1"}}}));
  EXPECT_EQ(r.body["failures"], json::array());
  EXPECT_EQ(Describe({{{"imageDigest", a}}})[0]["imageTags"], (json{"a2"}));
  // Deleting the last tag deletes the image.
  r = Delete({{{"imageTag", "a2"}}});
  EXPECT_EQ(r.body["imageIds"], (json{{{"imageDigest", a}, {"imageTag", "a2"}}}));
  EXPECT_EQ(t_.Call("DescribeImages", {{"repositoryName", "app"}, {"imageIds", {{{"imageDigest", a}}}}}).code,
            "ImageNotFoundException");
  // By digest: the image and all its tags, one entry per tag.
  ASSERT_EQ(t_.PutImage("app", t_.Schema2Manifest("app", "b", false), "b2").status, 200);
  r = Delete({{{"imageDigest", b}}});
  EXPECT_EQ(r.body["imageIds"], (json{{{"imageDigest", b}, {"imageTag", "b1"}}, {{"imageDigest", b}, {"imageTag", "b2"}}}));
  // An untagged image by digest gives the digest alone.
  r = Delete({{{"imageDigest", untagged}}});
  EXPECT_EQ(r.body["imageIds"], (json{{{"imageDigest", untagged}}}));
  EXPECT_EQ(t_.Call("DescribeImages", {{"repositoryName", "app"}}).body["imageDetails"], json::array());
  // Idempotency: deleting again is a per-item ImageNotFound with HTTP 200.
  r = Delete({{{"imageDigest", untagged}}});
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body["failures"][0]["failureCode"], "ImageNotFound");
  // Nothing deleted: imageIds (a list of at least one in the model) is omitted, not empty.
  EXPECT_FALSE(r.body.contains("imageIds"));
}

TEST_F(Images, BatchDeleteFailuresArePerItem) {
  std::string a = t_.PushImage("app", "a", "a1");
  std::string b = t_.PushImage("app", "b", "b1");
  Reply r = Delete({json::object(),
                    {{"imageDigest", "not-a-digest"}},
                    {{"imageTag", "zzz"}},
                    {{"imageDigest", Sha256Digest("nothing")}},
                    {{"imageDigest", a}, {"imageTag", "b1"}},
                    {{"imageDigest", b}, {"imageTag", "b1"}}});
  ASSERT_EQ(r.status, 200) << r.raw.body;
  std::vector<std::string> codes;
  for (const auto& f : r.body["failures"]) codes.push_back(f["failureCode"]);
  EXPECT_EQ(codes, (std::vector<std::string>{"MissingDigestAndTag", "InvalidImageDigest", "ImageNotFound", "ImageNotFound",
                                             "ImageTagDoesNotMatchDigest"}));
  EXPECT_EQ(r.body["failures"][0]["failureReason"], "Invalid request parameters: both tag and digest cannot be null");
  EXPECT_EQ(r.body["failures"][2]["imageId"], (json{{"imageTag", "zzz"}}));
  EXPECT_EQ(r.body["failures"][2]["failureReason"], "Requested image not found");
  EXPECT_EQ(r.body["imageIds"], (json{{{"imageDigest", b}, {"imageTag", "b1"}}}));
  // Whole-call errors: the repository, and the list size.
  EXPECT_EQ(t_.Call("BatchDeleteImage", {{"repositoryName", "nope"}, {"imageIds", {{{"imageTag", "x"}}}}}).code,
            "RepositoryNotFoundException");
  EXPECT_EQ(Delete(json::array()).code, "InvalidParameterException");
  json many = json::array();
  for (int i = 0; i < 101; ++i) many.push_back({{"imageTag", "t"}});
  EXPECT_EQ(Delete(many).code, "InvalidParameterException");
}

TEST_F(Images, ImagesReferencedByAListCannotBeDeleted) {
  std::string a = t_.PushImage("app", "amd64", "amd64");
  std::string b = t_.PushImage("app", "arm64");
  Reply index = t_.PutImage("app", IndexManifest({a, b}), "multi");
  ASSERT_EQ(index.status, 200);
  Reply r = Delete({{{"imageDigest", b}}, {{"imageTag", "amd64"}}});
  ASSERT_EQ(r.status, 200);
  ASSERT_EQ(r.body["failures"].size(), 2u);
  EXPECT_EQ(r.body["failures"][0]["failureCode"], "ImageReferencedByManifestList");
  EXPECT_EQ(r.body["failures"][1]["failureCode"], "ImageReferencedByManifestList");
  // Delete the list first, then its images (in one batch, in order).
  r = Delete({{{"imageTag", "multi"}}, {{"imageDigest", b}}, {{"imageTag", "amd64"}}});
  EXPECT_EQ(r.body["failures"], json::array());
  EXPECT_EQ(r.body["imageIds"].size(), 3u);
}

}  // namespace
}  // namespace ecrc::server::testing
