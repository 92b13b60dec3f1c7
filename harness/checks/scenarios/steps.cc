// Shared scenario steps: fact-sheet citations, blob and image pushes, manifest texts and
// non-throwing output readers.
#include "harness/checks/scenarios/steps.h"

#include <cmath>

#include "base/json_read.h"
#include "base/sha256.h"
#include "harness/codec/value.h"
#include "specs/media_types.h"

namespace ecrc::check::steps {
namespace {

// Manifests are built with insertion-ordered JSON so the text (and so the digest) is exactly
// what the builder wrote, member order included.
using ojson = nlohmann::ordered_json;

ojson Descriptor(const std::string& media_type, int64_t size, const std::string& digest) {
  ojson d;
  d["mediaType"] = media_type;
  d["size"] = size;
  d["digest"] = digest;
  return d;
}

}  // namespace

std::string FactSheet(std::string_view section) {
  return "specs/ecr-public/behaviour.md " + std::string(section);
}

std::string Digest(std::string_view bytes) { return "sha256:" + Sha256Hex(bytes); }

std::string AbsentDigest(std::string_view seed) {
  return Digest("ecr-conform: a blob nobody uploads: " + std::string(seed));
}

std::string AbsentUploadId(std::string_view seed) {
  std::string h = Sha256Hex("ecr-conform: an upload nobody initiated: " + std::string(seed));
  // 8-4-4-4-12, version nibble 4 and variant 8 so it also passes strict UUID parsers.
  return h.substr(0, 8) + "-" + h.substr(8, 4) + "-4" + h.substr(13, 3) + "-8" + h.substr(17, 3) + "-" + h.substr(20, 12);
}

const json& At(const json& value, std::string_view key) { return jr::Member(value, key); }

std::string Str(const json& value) { return jr::String(value); }

std::optional<int64_t> Int(const json& value) {
  if (auto i = jr::Int(value)) return i;
  // Some servers write longs as 10.0; accept integral floats, reject fractions. The range test
  // comes first: converting 1e300 to int64_t is undefined.
  if (auto d = jr::Number(value); d && *d >= -9.2e18 && *d <= 9.2e18 && *d == std::trunc(*d)) return static_cast<int64_t>(*d);
  return std::nullopt;
}

std::string Dump(const json& value) {
  if (value.is_null()) return "absent";
  if (value.is_binary()) return "<" + std::to_string(value.get_binary().size()) + " bytes>";
  std::string s = value.dump(-1, ' ', false, json::error_handler_t::replace);
  if (s.size() > 400) s = s.substr(0, 400) + "...";
  return s;
}

Blob PushBlob(ScenarioContext& ctx, const std::string& repository, const std::string& bytes, const std::string& media_type) {
  Blob blob{Digest(bytes), static_cast<int64_t>(bytes.size()), media_type};
  const Call& init = ctx.Send("InitiateLayerUpload", {{"repositoryName", repository}});
  std::string upload_id = Str(At(init.decoded.output, "uploadId"));
  ctx.RequireSetUp(init, "InitiateLayerUpload starts an upload", !upload_id.empty(), "uploadId");

  json part = {{"repositoryName", repository},
               {"uploadId", upload_id},
               {"partFirstByte", 0},
               {"partLastByte", blob.size - 1},
               {"layerPartBlob", codec::BlobValue(bytes)}};
  ctx.RequireSetUp(ctx.Send("UploadLayerPart", part), "UploadLayerPart accepts the only part");

  json complete = {{"repositoryName", repository}, {"uploadId", upload_id}, {"layerDigests", {blob.digest}}};
  ctx.RequireSetUp(ctx.Send("CompleteLayerUpload", complete), "CompleteLayerUpload accepts a blob whose digest matches its bytes");
  return blob;
}

std::string LayerBytes(std::string_view seed) {
  // Not a real tarball: ECR Public stores layers without looking inside (PutImage checks only
  // that they exist, fact sheet §5.2).
  return "ecr-conform layer " + std::string(seed) + "\n";
}

std::string ConfigBytes(std::string_view seed, const std::string& layer_digest) {
  ojson config;
  config["architecture"] = "amd64";
  config["os"] = "linux";
  config["config"] = {{"Labels", {{"ecr-conform.seed", std::string(seed)}}}};
  config["rootfs"] = {{"type", "layers"}, {"diff_ids", {layer_digest}}};
  return config.dump();  // json-read-ok: a manifest the suite builds
}

std::string DockerManifest(const Blob& config, const std::vector<Blob>& layers) {
  ojson m;
  m["schemaVersion"] = 2;
  m["mediaType"] = spec::kDockerSchema2MediaType;
  m["config"] = Descriptor(config.media_type, config.size, config.digest);
  m["layers"] = ojson::array();
  for (const auto& l : layers) m["layers"].push_back(Descriptor(l.media_type, l.size, l.digest));
  return m.dump();  // json-read-ok: a manifest the suite builds
}

std::string OciManifest(const Blob& config, const std::vector<Blob>& layers, bool with_media_type) {
  ojson m;
  m["schemaVersion"] = 2;
  if (with_media_type) m["mediaType"] = spec::kOciManifestMediaType;
  m["config"] = Descriptor(config.media_type, config.size, config.digest);
  m["layers"] = ojson::array();
  for (const auto& l : layers) m["layers"].push_back(Descriptor(l.media_type, l.size, l.digest));
  return m.dump();  // json-read-ok: a manifest the suite builds
}

std::string ManifestList(const std::vector<ChildManifest>& children, bool oci) {
  ojson m;
  m["schemaVersion"] = 2;
  m["mediaType"] = oci ? spec::kOciIndexMediaType : spec::kDockerManifestListMediaType;
  m["manifests"] = ojson::array();
  for (const auto& c : children) {
    ojson d = Descriptor(c.media_type, c.size, c.digest);
    d["platform"] = {{"architecture", c.architecture}, {"os", "linux"}};
    m["manifests"].push_back(d);
  }
  return m.dump();  // json-read-ok: a manifest the suite builds
}

std::string PutManifest(ScenarioContext& ctx, const std::string& repository, const std::string& manifest,
                        const std::string& tag, const std::string& media_type) {
  json input = {{"repositoryName", repository}, {"imageManifest", manifest}};
  if (!tag.empty()) input["imageTag"] = tag;
  if (!media_type.empty()) input["imageManifestMediaType"] = media_type;
  const Call& put = ctx.Send("PutImage", input);
  ctx.RequireSetUp(put, "PutImage accepts a manifest whose blobs are in the repository");
  std::string digest = Str(At(At(At(put.decoded.output, "image"), "imageId"), "imageDigest"));
  return digest.empty() ? Digest(manifest) : digest;
}

Pushed PushImage(ScenarioContext& ctx, const std::string& repository, const std::string& tag, std::string_view seed,
                 const std::optional<Blob>& layer) {
  Pushed p;
  p.layer = layer ? *layer : PushBlob(ctx, repository, LayerBytes(seed), spec::kDockerLayerMediaType);
  p.config = PushBlob(ctx, repository, ConfigBytes(seed, p.layer.digest), spec::kDockerConfigMediaType);
  p.manifest = DockerManifest(p.config, {p.layer});
  p.digest = PutManifest(ctx, repository, p.manifest, tag, spec::kDockerSchema2MediaType);
  return p;
}

json DescribeAllImages(ScenarioContext& ctx, const std::string& repository) {
  const Call& call = ctx.Send("DescribeImages", {{"repositoryName", repository}, {"maxResults", 1000}});
  ctx.Require(call, Expectation::Success(), "DescribeImages lists the repository's images");
  const json& details = At(call.decoded.output, "imageDetails");
  return details.is_array() ? details : json::array();
}

const json& FindImage(const json& image_details, const std::string& digest) {
  static const json kNull;
  if (!image_details.is_array()) return kNull;
  for (const auto& d : image_details) {
    if (Str(At(d, "imageDigest")) == digest) return d;
  }
  return kNull;
}

std::set<std::string> TagsOf(const json& image_detail) {
  std::set<std::string> tags;
  const json& t = At(image_detail, "imageTags");
  if (t.is_array()) {
    for (const auto& x : t) tags.insert(Str(x));
  }
  return tags;
}

std::string Describe(const std::set<std::string>& items) {
  std::string out = "{";
  for (const auto& s : items) out += (out.size() > 1 ? ", " : "") + s;
  return out + "}";
}

}  // namespace ecrc::check::steps
