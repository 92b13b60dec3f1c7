// Tests for reference/manifest.h: classification, media types, references and rejections.
#include "reference/manifest.h"

#include <gtest/gtest.h>

#include "base/sha256.h"
#include "specs/media_types.h"

namespace ecrc::server {
namespace {

const std::string kA = "sha256:" + std::string(64, 'a');
const std::string kB = "sha256:" + std::string(64, 'b');
const std::string kC = "sha256:" + std::string(64, 'c');

std::string Schema2(bool with_media_type = true) {
  std::string mt = with_media_type ? R"("mediaType": "application/vnd.docker.distribution.manifest.v2+json",)" : "";
  return R"({"schemaVersion": 2, )" + mt + R"(
    "config": {"mediaType": "application/vnd.docker.container.image.v1+json", "size": 100, "digest": ")" + kA + R"("},
    "layers": [
      {"mediaType": "application/vnd.docker.image.rootfs.diff.tar.gzip", "size": 1000, "digest": ")" + kB + R"("},
      {"mediaType": "application/vnd.docker.image.rootfs.diff.tar.gzip", "size": 2000, "digest": ")" + kC + R"("}]})";
}

std::string OciIndex() {
  return R"({"schemaVersion": 2, "mediaType": "application/vnd.oci.image.index.v1+json", "manifests": [
    {"mediaType": "application/vnd.oci.image.manifest.v1+json", "size": 500, "digest": ")" + kA + R"(",
     "platform": {"architecture": "amd64", "os": "linux"}},
    {"mediaType": "application/vnd.oci.image.manifest.v1+json", "size": 501, "digest": ")" + kB + R"("}]})";
}

TEST(ManifestTest, DockerSchema2) {
  auto m = ParseManifest(Schema2());
  ASSERT_TRUE(m.ok()) << m.status().message();
  EXPECT_EQ(m->kind, ManifestKind::kDockerV2Schema2);
  EXPECT_EQ(ManifestKindName(m->kind), "docker_v2_schema2");
  EXPECT_EQ(m->media_type, spec::kDockerSchema2MediaType);
  EXPECT_EQ(m->artifact_media_type, "application/vnd.docker.container.image.v1+json");
  ASSERT_TRUE(m->config.has_value());
  EXPECT_EQ(m->config->digest, kA);
  EXPECT_EQ(m->config->size, 100);
  ASSERT_EQ(m->layers.size(), 2u);
  EXPECT_EQ(m->layers[1].size, 2000);
  EXPECT_EQ(m->BlobDigests(), (std::vector<std::string>{kA, kB, kC}));
  EXPECT_TRUE(m->ManifestDigests().empty());
  EXPECT_EQ(m->LayersSize(), 3000);
  EXPECT_FALSE(m->IsList());
}

TEST(ManifestTest, MediaTypeFromParameterWhenManifestHasNone) {
  auto m = ParseManifest(Schema2(false), spec::kDockerSchema2MediaType);
  ASSERT_TRUE(m.ok()) << m.status().message();
  EXPECT_EQ(m->kind, ManifestKind::kDockerV2Schema2);
  EXPECT_EQ(m->media_type, spec::kDockerSchema2MediaType);
}

TEST(ManifestTest, ParameterEqualToFieldIsFine) {
  auto m = ParseManifest(Schema2(), spec::kDockerSchema2MediaType);
  ASSERT_TRUE(m.ok()) << m.status().message();
}

TEST(ManifestTest, NoMediaTypeAnywhereIsRejected) {
  auto m = ParseManifest(Schema2(false));
  ASSERT_FALSE(m.ok());
  EXPECT_NE(m.status().message().find("imageManifestMediaType"), std::string::npos);
}

TEST(ManifestTest, ParameterContradictingFieldIsRejected) {
  auto m = ParseManifest(Schema2(), spec::kOciManifestMediaType);
  ASSERT_FALSE(m.ok());
  EXPECT_NE(m.status().message().find("does not match"), std::string::npos);
}

TEST(ManifestTest, ParameterDecidesTheKind) {
  // An OCI manifest body without its own mediaType, announced by the parameter.
  std::string body = R"({"schemaVersion":2,"config":{"mediaType":"application/vnd.oci.image.config.v1+json","size":2,"digest":")" +
                     kA + R"("},"layers":[]})";
  auto m = ParseManifest(body, spec::kOciManifestMediaType);
  ASSERT_TRUE(m.ok()) << m.status().message();
  EXPECT_EQ(m->kind, ManifestKind::kOciManifest);
  EXPECT_TRUE(m->layers.empty());
  EXPECT_EQ(m->BlobDigests(), std::vector<std::string>{kA});
}

TEST(ManifestTest, OciIndex) {
  auto m = ParseManifest(OciIndex());
  ASSERT_TRUE(m.ok()) << m.status().message();
  EXPECT_EQ(m->kind, ManifestKind::kOciIndex);
  EXPECT_TRUE(m->IsList());
  EXPECT_EQ(m->ManifestDigests(), (std::vector<std::string>{kA, kB}));
  EXPECT_EQ(m->manifests[0].size, 500);
  EXPECT_EQ(m->manifests[0].media_type, spec::kOciManifestMediaType);
  EXPECT_TRUE(m->BlobDigests().empty());
  EXPECT_TRUE(m->artifact_media_type.empty());
}

TEST(ManifestTest, DockerManifestList) {
  std::string body = R"({"schemaVersion":2,"mediaType":"application/vnd.docker.distribution.manifest.list.v2+json",
    "manifests":[{"mediaType":"application/vnd.docker.distribution.manifest.v2+json","size":7,"digest":")" + kA +
                     R"(","platform":{"architecture":"arm64","os":"linux","variant":"v8"}},
                 {"mediaType":"application/vnd.docker.distribution.manifest.v2+json","size":7,"digest":")" + kA + R"("}]})";
  auto m = ParseManifest(body);
  ASSERT_TRUE(m.ok()) << m.status().message();
  EXPECT_EQ(m->kind, ManifestKind::kDockerManifestList);
  EXPECT_EQ(m->manifests.size(), 2u);
  EXPECT_EQ(m->ManifestDigests(), std::vector<std::string>{kA});  // duplicates folded
}

TEST(ManifestTest, EmptyIndexIsAccepted) {
  auto m = ParseManifest(R"({"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[]})");
  ASSERT_TRUE(m.ok()) << m.status().message();
  EXPECT_TRUE(m->manifests.empty());
}

TEST(ManifestTest, Schema1Legacy) {
  std::string body = R"({"schemaVersion":1,"name":"x","tag":"latest","architecture":"amd64",
    "fsLayers":[{"blobSum":")" + kA + R"("},{"blobSum":")" + kB + R"("},{"blobSum":")" + kA + R"("}],
    "history":[{"v1Compatibility":"{}"}]})";
  auto m = ParseManifest(body, spec::kDockerSchema1SignedMediaType);
  ASSERT_TRUE(m.ok()) << m.status().message();
  EXPECT_EQ(m->kind, ManifestKind::kDockerV2Schema1);
  EXPECT_FALSE(m->config.has_value());
  EXPECT_EQ(m->layers.size(), 3u);
  EXPECT_EQ(m->BlobDigests(), (std::vector<std::string>{kA, kB}));
  EXPECT_EQ(m->LayersSize(), 0);
}

TEST(ManifestTest, Schema1WithWrongSchemaVersionIsRejected) {
  auto m = ParseManifest(R"({"schemaVersion":2,"fsLayers":[]})", spec::kDockerSchema1MediaType);
  EXPECT_FALSE(m.ok());
}

TEST(ManifestTest, OciArtifactWithUnknownMediaTypeIsClassifiedByStructure) {
  // A Helm chart pushed as an OCI artifact, announced with a media type we do not know.
  std::string body = R"({"schemaVersion":2,"config":{"mediaType":"application/vnd.cncf.helm.config.v1+json","size":117,"digest":")" +
                     kA + R"("},"layers":[{"mediaType":"application/vnd.cncf.helm.chart.content.v1.tar+gzip","size":3,"digest":")" +
                     kB + R"("}]})";
  auto m = ParseManifest(body, "application/vnd.example.custom+json");
  ASSERT_TRUE(m.ok()) << m.status().message();
  EXPECT_EQ(m->kind, ManifestKind::kOciManifest);
  EXPECT_EQ(m->media_type, "application/vnd.example.custom+json");
  EXPECT_EQ(m->artifact_media_type, "application/vnd.cncf.helm.config.v1+json");
  EXPECT_EQ(m->BlobDigests(), (std::vector<std::string>{kA, kB}));
}

TEST(ManifestTest, ArtifactTypeWinsOverConfigMediaType) {
  std::string body = R"({"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","artifactType":"application/vnd.example.sbom",
    "config":{"mediaType":"application/vnd.oci.empty.v1+json","size":2,"digest":")" + kA + R"("},"layers":[]})";
  auto m = ParseManifest(body);
  ASSERT_TRUE(m.ok()) << m.status().message();
  EXPECT_EQ(m->artifact_media_type, "application/vnd.example.sbom");
}

TEST(ManifestTest, OciArtifactManifestWithBlobsAndNoSchemaVersion) {
  std::string body = R"({"mediaType":"application/vnd.oci.artifact.manifest.v1+json","artifactType":"application/x-sig",
    "blobs":[{"mediaType":"application/octet-stream","size":9,"digest":")" + kC + R"("}]})";
  auto m = ParseManifest(body);
  ASSERT_TRUE(m.ok()) << m.status().message();
  EXPECT_EQ(m->kind, ManifestKind::kOciManifest);
  EXPECT_FALSE(m->config.has_value());
  EXPECT_EQ(m->BlobDigests(), std::vector<std::string>{kC});
}

TEST(ManifestTest, UnknownMediaTypeWithUnknownStructureIsRejected) {
  EXPECT_FALSE(ParseManifest(R"({"schemaVersion":2,"foo":1})", "application/x-unknown").ok());
}

TEST(ManifestTest, UnknownMembersAreIgnoredAndSizeMayBeAbsent) {
  std::string body = R"({"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","annotations":{"a":"b"},
    "subject":{"mediaType":"x","size":1,"digest":")" + kC + R"("},
    "config":{"digest":")" + kA + R"("},"layers":[{"digest":")" + kB + R"(","urls":["https://x"]}]})";
  auto m = ParseManifest(body);
  ASSERT_TRUE(m.ok()) << m.status().message();
  EXPECT_EQ(m->config->size, 0);
  EXPECT_EQ(m->layers[0].size, 0);
  EXPECT_TRUE(m->config->media_type.empty());
  EXPECT_TRUE(m->artifact_media_type.empty());
}

struct Rejected {
  const char* name;
  std::string text;
  std::string param;
};

class ManifestRejectTest : public ::testing::TestWithParam<Rejected> {};

TEST_P(ManifestRejectTest, IsAnErrorWithAMessage) {
  auto m = ParseManifest(GetParam().text, GetParam().param);
  ASSERT_FALSE(m.ok()) << GetParam().name;
  EXPECT_NE(m.status().message().find("Invalid parameter at"), std::string::npos) << m.status().message();
}

const std::string kS2 = std::string(spec::kDockerSchema2MediaType);
const std::string kIdx = std::string(spec::kOciIndexMediaType);

INSTANTIATE_TEST_SUITE_P(
    All, ManifestRejectTest,
    ::testing::Values(
        Rejected{"empty", "", kS2}, Rejected{"not_json", "{not json", kS2}, Rejected{"truncated", Schema2().substr(0, 40), ""},
        Rejected{"array", "[]", kS2}, Rejected{"string", "\"x\"", kS2}, Rejected{"number", "42", kS2},
        Rejected{"null", "null", kS2}, Rejected{"trailing_garbage", Schema2() + "x", ""},
        Rejected{"media_type_not_string", R"({"schemaVersion":2,"mediaType":5})", ""},
        Rejected{"no_schema_version", R"({"config":{"digest":")" + kA + R"("},"layers":[]})", kS2},
        Rejected{"schema_version_string", R"({"schemaVersion":"2","config":{"digest":")" + kA + R"("},"layers":[]})", kS2},
        Rejected{"schema_version_3", R"({"schemaVersion":3,"config":{"digest":")" + kA + R"("},"layers":[]})", kS2},
        Rejected{"no_config", R"({"schemaVersion":2,"layers":[]})", kS2},
        Rejected{"no_layers", R"({"schemaVersion":2,"config":{"digest":")" + kA + R"("}})", kS2},
        Rejected{"layers_not_list", R"({"schemaVersion":2,"config":{"digest":")" + kA + R"("},"layers":{}})", kS2},
        Rejected{"layer_not_object", R"({"schemaVersion":2,"config":{"digest":")" + kA + R"("},"layers":[1]})", kS2},
        Rejected{"config_no_digest", R"({"schemaVersion":2,"config":{"size":1},"layers":[]})", kS2},
        Rejected{"digest_not_string", R"({"schemaVersion":2,"config":{"digest":1},"layers":[]})", kS2},
        Rejected{"digest_malformed", R"({"schemaVersion":2,"config":{"digest":"sha256"},"layers":[]})", kS2},
        Rejected{"digest_no_hex", R"({"schemaVersion":2,"config":{"digest":"sha256:"},"layers":[]})", kS2},
        Rejected{"digest_bad_hex", R"({"schemaVersion":2,"config":{"digest":"sha256:xyz"},"layers":[]})", kS2},
        Rejected{"digest_bad_algo", R"({"schemaVersion":2,"config":{"digest":"sh a:ab"},"layers":[]})", kS2},
        Rejected{"negative_size", R"({"schemaVersion":2,"config":{"digest":")" + kA + R"(","size":-1},"layers":[]})", kS2},
        Rejected{"float_size", R"({"schemaVersion":2,"config":{"digest":")" + kA + R"(","size":1.5},"layers":[]})", kS2},
        Rejected{"huge_size", R"({"schemaVersion":2,"config":{"digest":")" + kA + R"(","size":99999999999999999999999},"layers":[]})", kS2},
        Rejected{"size_string", R"({"schemaVersion":2,"config":{"digest":")" + kA + R"(","size":"1"},"layers":[]})", kS2},
        Rejected{"index_no_manifests", R"({"schemaVersion":2})", kIdx},
        Rejected{"index_manifests_not_list", R"({"schemaVersion":2,"manifests":"x"})", kIdx},
        Rejected{"index_entry_bad_digest", R"({"schemaVersion":2,"manifests":[{"digest":"nope"}]})", kIdx},
        Rejected{"schema1_no_fslayers", R"({"schemaVersion":1})", std::string(spec::kDockerSchema1MediaType)},
        Rejected{"schema1_bad_blobsum", R"({"schemaVersion":1,"fsLayers":[{"blobSum":7}]})",
                 std::string(spec::kDockerSchema1MediaType)}),
    [](const ::testing::TestParamInfo<Rejected>& info) { return std::string(info.param.name); });

TEST(ManifestTest, DigestIsOverExactBytes) {
  std::string compact = R"({"a":1})";
  std::string pretty = "{\n  \"a\": 1\n}";
  EXPECT_EQ(ManifestDigest(compact), "sha256:" + Sha256Hex(compact));
  EXPECT_NE(ManifestDigest(compact), ManifestDigest(pretty));
  EXPECT_EQ(ManifestDigest(""), "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST(ManifestTest, NeverCrashesOnHostileInputs) {
  // Deep nesting, NUL bytes, invalid UTF-8, and every prefix of a valid manifest.
  std::string deep(10000, '[');
  EXPECT_FALSE(ParseManifest(deep, kS2).ok());
  EXPECT_FALSE(ParseManifest(std::string("{\0}", 3), kS2).ok());
  EXPECT_FALSE(ParseManifest("\xff\xfe", kS2).ok());
  std::string good = OciIndex();
  for (size_t n = 0; n < good.size(); ++n) {
    EXPECT_FALSE(ParseManifest(good.substr(0, n)).ok()) << n;
  }
}

}  // namespace
}  // namespace ecrc::server
