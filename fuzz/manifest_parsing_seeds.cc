// Seeds of fuzz_manifest_parsing (format: its header): one manifest of each format PutImage
// takes (Docker schema 2 and lists, OCI manifests and indexes, schema 1, a Helm chart, an OCI
// artifact), with and without the media type parameter, and the rejections manifest.h names.
#include <cstdint>
#include <string>

#include "base/sha256.h"
#include "fuzz/seeds.h"
#include "specs/media_types.h"

namespace ecrc::fuzz {

void SeedManifestParsing(const SeedSink& add) {
  using nlohmann::json;
  auto desc = [](const std::string& media_type, const std::string& seed, int64_t size) {
    return json{{"mediaType", media_type}, {"size", size}, {"digest", "sha256:" + Sha256Hex(seed)}};
  };
  json schema2 = {{"schemaVersion", 2},
                  {"mediaType", spec::kDockerSchema2MediaType},
                  {"config", desc(spec::kDockerConfigMediaType, "config", 1469)},
                  {"layers", {desc(spec::kDockerLayerMediaType, "layer1", 2811947), desc(spec::kDockerLayerMediaType, "layer2", 310)}}};
  json list = {{"schemaVersion", 2},
               {"mediaType", spec::kDockerManifestListMediaType},
               {"manifests", {desc(spec::kDockerSchema2MediaType, "amd64", 528), desc(spec::kDockerSchema2MediaType, "arm64", 528)}}};
  list["manifests"][0]["platform"] = {{"architecture", "amd64"}, {"os", "linux"}};
  list["manifests"][1]["platform"] = {{"architecture", "arm64"}, {"os", "linux"}, {"variant", "v8"}};
  json oci = {{"schemaVersion", 2},
              {"mediaType", spec::kOciManifestMediaType},
              {"config", desc(spec::kOciConfigMediaType, "oci-config", 7023)},
              {"layers", {desc(spec::kOciLayerMediaType, "oci-layer", 32654)}},
              {"annotations", {{"org.opencontainers.image.created", "2024-01-01T00:00:00Z"}}}};
  json index = {{"schemaVersion", 2},
                {"mediaType", spec::kOciIndexMediaType},
                {"manifests", {desc(spec::kOciManifestMediaType, "oci-amd64", 1024)}}};
  json schema1 = {{"schemaVersion", 1},
                  {"name", "library/hello"},
                  {"tag", "latest"},
                  {"architecture", "amd64"},
                  {"fsLayers", {{{"blobSum", "sha256:" + Sha256Hex("s1-a")}}, {{"blobSum", "sha256:" + Sha256Hex("s1-b")}}}},
                  {"history", {{{"v1Compatibility", "{}"}}}}};
  json helm = {{"schemaVersion", 2},
               {"config", desc("application/vnd.cncf.helm.config.v1+json", "chart-config", 117)},
               {"layers", {desc("application/vnd.cncf.helm.chart.content.v1.tar+gzip", "chart", 2487)}}};
  json artifact = {{"mediaType", spec::kOciArtifactManifestMediaType},
                   {"artifactType", "application/vnd.example.sbom"},
                   {"blobs", {desc("application/json", "sbom", 10)}}};
  auto seed = [&](const std::string& name, const std::string& param, const std::string& text) {
    add(name, param + "\n" + text);
  };
  seed("docker_schema2.json", "", schema2.dump(3));
  seed("docker_schema2.param_matches.json", spec::kDockerSchema2MediaType, schema2.dump());
  seed("docker_manifest_list.json", "", list.dump(3));
  seed("oci_manifest.json", "", oci.dump(2));
  seed("oci_index.json", "", index.dump(2));
  seed("docker_schema1.json", spec::kDockerSchema1MediaType, schema1.dump(3));
  seed("docker_schema1_signed.json", spec::kDockerSchema1SignedMediaType, schema1.dump());
  seed("helm_chart.param.json", "application/vnd.cncf.helm.chart.v1+json", helm.dump());
  seed("oci_artifact_blobs.json", "", artifact.dump());
  json untyped = oci;
  untyped.erase("mediaType");
  seed("oci_manifest.param_only.json", spec::kOciManifestMediaType, untyped.dump());
  seed("invalid.no_media_type.json", "", untyped.dump());
  seed("invalid.param_contradicts.json", spec::kOciIndexMediaType, schema2.dump());
  json bad = schema2;
  bad["layers"][0]["digest"] = "sha256:not-hex";
  seed("invalid.bad_digest.json", "", bad.dump());
  bad = schema2;
  bad["layers"][1]["size"] = -1;
  seed("invalid.negative_size.json", "", bad.dump());
  bad = schema2;
  bad["layers"][1]["size"] = 1.5;
  seed("invalid.float_size.json", "", bad.dump());
  bad = schema2;
  bad.erase("config");
  seed("invalid.no_config.json", "", bad.dump());
  bad = schema2;
  bad["schemaVersion"] = 1;
  seed("invalid.schema_version.json", "", bad.dump());
  bad = list;
  bad["manifests"] = {{"digest", 5}};
  seed("invalid.list_entry.json", "", bad.dump());
  seed("invalid.not_object.json", "", "[1,2,3]");
  seed("invalid.syntax.json", "", "{\"schemaVersion\": 2, \"mediaType\": ");
  seed("duplicate_keys.json", "", R"({"schemaVersion":2,"mediaType":"x","mediaType":")" + std::string(spec::kOciIndexMediaType) +
                                      R"(","manifests":[]})");
}

}  // namespace ecrc::fuzz
