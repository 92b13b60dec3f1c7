// Steps the scenario families share: citing the fact sheet, pushing blobs and images through the
// layer-upload API, building manifests, and reading members out of decoded outputs without
// throwing. Also declares each family's entry point, which scenarios/registry.cc calls in order.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "harness/checks/scenario.h"

namespace ecrc::check {

// One per family file, each appending its scenarios in a fixed order.
void AddLifecycleScenarios(std::vector<Scenario>* out);
void AddUploadsScenarios(std::vector<Scenario>* out);
void AddPutImageScenarios(std::vector<Scenario>* out);
void AddBatchScenarios(std::vector<Scenario>* out);
void AddPaginationScenarios(std::vector<Scenario>* out);
void AddTagsScenarios(std::vector<Scenario>* out);
void AddPolicyScenarios(std::vector<Scenario>* out);
void AddCatalogScenarios(std::vector<Scenario>* out);
void AddRegistriesScenarios(std::vector<Scenario>* out);
void AddDeleteScenarios(std::vector<Scenario>* out);
void AddNotFoundScenarios(std::vector<Scenario>* out);
void AddTimestampScenarios(std::vector<Scenario>* out);
void AddImageSizeScenarios(std::vector<Scenario>* out);

namespace steps {

using nlohmann::json;

// "specs/ecr-public/behaviour.md <section>" (the behaviour reference, which comments call the fact
// sheet): the `source` every scenario cites. `section` starts with a heading number, e.g. "§5.1 (D)".
std::string FactSheet(std::string_view section);

// "sha256:" + the lowercase hex SHA-256 of `bytes`: how ECR Public names blobs and manifests.
std::string Digest(std::string_view bytes);

// A well-formed digest no scenario ever uploads (derived from `seed` so it is unique per use).
std::string AbsentDigest(std::string_view seed);

// A UUID-shaped upload id derived from `seed`, which no server issued.
std::string AbsentUploadId(std::string_view seed);

// Non-throwing readers of decoded outputs: a missing member, or one of another type, reads as
// null / "" / nullopt, so a broken response yields a finding instead of an exception.
const json& At(const json& value, std::string_view key);
std::string Str(const json& value);
std::optional<int64_t> Int(const json& value);
std::string Dump(const json& value);  // compact text for findings; "absent" for null

// A blob in a repository: what manifests need to reference it.
struct Blob {
  std::string digest;
  int64_t size = 0;
  std::string media_type;
};

// Uploads `bytes` as a single part (the last part is exempt from the 5 MiB minimum, fact sheet
// §5.1) and completes the upload. Set-up (ScenarioContext::RequireSetUp): when any of the three
// calls fails the scenario ends skipped with that cause; field-by-field checks of those calls
// are push_lifecycle's job, not every scenario's.
Blob PushBlob(ScenarioContext& ctx, const std::string& repository, const std::string& bytes, const std::string& media_type);

// Small, valid-looking blobs; different seeds give different bytes (so different digests).
std::string LayerBytes(std::string_view seed);
std::string ConfigBytes(std::string_view seed, const std::string& layer_digest);

// Compact manifest texts, exactly the bytes sent. `with_media_type` false leaves out the
// top-level mediaType (allowed in OCI manifests) for the "media type required" rule.
std::string DockerManifest(const Blob& config, const std::vector<Blob>& layers);
std::string OciManifest(const Blob& config, const std::vector<Blob>& layers, bool with_media_type = true);

// A manifest list (Docker) or image index (OCI) naming `children` (digest, size, media type).
struct ChildManifest {
  std::string digest;
  int64_t size = 0;
  std::string media_type;
  std::string architecture;
};
std::string ManifestList(const std::vector<ChildManifest>& children, bool oci);

// PutImage of `manifest` (with `tag` when non-empty and `media_type` when non-empty), as set-up:
// the scenario ends skipped unless it succeeds. Returns the digest the server reported.
std::string PutManifest(ScenarioContext& ctx, const std::string& repository, const std::string& manifest,
                        const std::string& tag, const std::string& media_type);

// An image pushed by PushImage: its manifest bytes, their digest and the blobs it references.
struct Pushed {
  std::string digest;
  std::string manifest;
  Blob config;
  Blob layer;
};

// Uploads a config unique to `seed` and a layer (unless `layer` is given: reused as it is), then
// puts a Docker schema 2 manifest tagged `tag`. Set-up: the scenario ends skipped when a step fails.
Pushed PushImage(ScenarioContext& ctx, const std::string& repository, const std::string& tag, std::string_view seed,
                 const std::optional<Blob>& layer = std::nullopt);

// DescribeImages of the whole repository (one page of up to 1000, no pagination needed for the
// handful of images a scenario makes); aborts unless it succeeds. Returns imageDetails.
json DescribeAllImages(ScenarioContext& ctx, const std::string& repository);

// The imageDetails entry for `digest`, or null.
const json& FindImage(const json& image_details, const std::string& digest);

// The entry's imageTags as a set (empty when the member is absent, as for untagged images).
std::set<std::string> TagsOf(const json& image_detail);

// Joins for findings: "{a, b}".
std::string Describe(const std::set<std::string>& items);

}  // namespace steps
}  // namespace ecrc::check
