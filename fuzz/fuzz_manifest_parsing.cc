// Fuzz target: the reference server's manifest parser never crashes on any bytes, and what it
// reports is consistent: stable on re-parse and under re-serialisation, digests in the model's
// LayerDigest grammar, the media type and kind the documented rules give, the image digest
// that of the exact bytes.
//
// Input (readable): line 1 is the imageManifestMediaType parameter (empty: none); the rest is
// the manifest text.
#include <cstdint>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "base/sha256.h"
#include "fuzz/check.h"
#include "fuzz/text_input.h"
#include "reference/manifest.h"
#include "specs/media_types.h"
#include "specs/spec.h"

namespace ecrc::fuzz {
namespace {

using nlohmann::json;
using server::Descriptor;
using server::ManifestKind;
using server::ParsedManifest;

bool SameDescriptor(const Descriptor& a, const Descriptor& b) {
  return a.digest == b.digest && a.size == b.size && a.media_type == b.media_type;
}

bool SameDescriptors(const std::vector<Descriptor>& a, const std::vector<Descriptor>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (!SameDescriptor(a[i], b[i])) return false;
  }
  return true;
}

bool SameManifest(const ParsedManifest& a, const ParsedManifest& b) {
  return a.kind == b.kind && a.media_type == b.media_type && a.artifact_media_type == b.artifact_media_type &&
         a.config.has_value() == b.config.has_value() && (!a.config || SameDescriptor(*a.config, *b.config)) &&
         SameDescriptors(a.layers, b.layers) && SameDescriptors(a.manifests, b.manifests);
}

bool SameResult(const Result<ParsedManifest>& a, const Result<ParsedManifest>& b) {
  if (a.ok() != b.ok()) return false;
  return a.ok() ? SameManifest(*a, *b) : a.status().message() == b.status().message();
}

std::string Outcome(const Result<ParsedManifest>& r) {
  if (!r.ok()) return "error: " + r.status().message();
  return std::string(server::ManifestKindName(r->kind)) + " " + r->media_type;
}

// The kinds manifest.h documents for the media types it knows.
std::optional<ManifestKind> KnownKind(std::string_view mt) {
  if (mt == spec::kDockerSchema2MediaType) return ManifestKind::kDockerV2Schema2;
  if (mt == spec::kDockerManifestListMediaType) return ManifestKind::kDockerManifestList;
  if (mt == spec::kOciManifestMediaType) return ManifestKind::kOciManifest;
  if (mt == spec::kOciIndexMediaType) return ManifestKind::kOciIndex;
  if (mt == spec::kDockerSchema1MediaType || mt == spec::kDockerSchema1SignedMediaType) {
    return ManifestKind::kDockerV2Schema1;
  }
  return std::nullopt;
}

void CheckDescriptors(const spec::Shape& digest_shape, const std::vector<Descriptor>& list, const char* what,
                      const std::string& text) {
  for (const auto& d : list) {
    ECRC_FUZZ_CHECK(digest_shape.MatchesPattern(d.digest),
                    std::string(what) + " digest '" + Excerpt(d.digest) + "' is outside the model's LayerDigest pattern " +
                        digest_shape.pattern + " in " + Excerpt(text));
    ECRC_FUZZ_CHECK(d.size >= 0, std::string(what) + " has a negative size");
  }
}

}  // namespace
}  // namespace ecrc::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace ecrc;
  using namespace ecrc::fuzz;
  static const spec::Shape& digest_shape = *spec::Service::Embedded()->FindShape("LayerDigest");
  std::string_view rest(reinterpret_cast<const char*>(data), size);
  std::string param(TakeLine(rest));
  std::string text(rest);

  Result<ParsedManifest> parsed = server::ParseManifest(text, param);
  ECRC_FUZZ_CHECK(SameResult(parsed, server::ParseManifest(text, param)), "re-parsing the same bytes changed the result");

  // The image digest is the SHA-256 of the exact bytes, whatever they hold.
  std::string digest = server::ManifestDigest(text);
  ECRC_FUZZ_CHECK(digest == "sha256:" + Sha256Hex(text) && digest.size() == 71 && digest_shape.MatchesPattern(digest),
                  "ManifestDigest gave '" + digest + "'");

  json doc = json::parse(text, nullptr, false);
  if (!doc.is_discarded()) {
    // The parser reads JSON values, not bytes: the same document serialised differently (key
    // order, spacing, duplicate keys resolved) parses to the same result.
    std::string canonical = doc.dump();
    ECRC_FUZZ_CHECK(SameResult(parsed, server::ParseManifest(canonical, param)),
                    "re-serialising the manifest changed the result: " + Outcome(parsed) + " vs " +
                        Outcome(server::ParseManifest(canonical, param)));
  }
  if (!parsed.ok()) return 0;
  const ParsedManifest& m = *parsed;
  ECRC_FUZZ_CHECK(doc.is_object(), "accepted a manifest that is not a JSON object");

  // Media type: the parameter when given, else the manifest's own mediaType.
  std::string own = doc.contains("mediaType") && doc["mediaType"].is_string() ? doc["mediaType"].get<std::string>() : "";
  ECRC_FUZZ_CHECK(m.media_type == (param.empty() ? own : param), "media type '" + Excerpt(m.media_type) +
                                                                     "' is neither the parameter nor the manifest's own");
  ECRC_FUZZ_CHECK(!m.media_type.empty(), "accepted a manifest without any media type");
  ECRC_FUZZ_CHECK(param.empty() || own.empty() || own == param, "accepted a parameter that contradicts the manifest");
  // Making the effective media type explicit changes nothing.
  ECRC_FUZZ_CHECK(SameResult(parsed, server::ParseManifest(text, m.media_type)),
                  "passing the effective media type explicitly changed the result");

  if (auto kind = KnownKind(m.media_type)) {
    ECRC_FUZZ_CHECK(m.kind == *kind, "kind " + std::string(server::ManifestKindName(m.kind)) + " for media type " + m.media_type);
  } else {
    ManifestKind want = doc.contains("manifests")                                                   ? ManifestKind::kOciIndex
                        : doc.contains("config") || doc.contains("layers") || doc.contains("blobs") ? ManifestKind::kOciManifest
                                                                                                     : ManifestKind::kDockerV2Schema1;
    ECRC_FUZZ_CHECK(m.kind == want, "kind " + std::string(server::ManifestKindName(m.kind)) + " by structure, expected " +
                                        std::string(server::ManifestKindName(want)));
  }

  if (m.IsList()) {
    ECRC_FUZZ_CHECK(!m.config && m.layers.empty() && m.BlobDigests().empty(), "a list or index reports blobs");
    ECRC_FUZZ_CHECK(m.artifact_media_type.empty(), "a list or index reports an artifact media type");
    ECRC_FUZZ_CHECK(doc["manifests"].is_array() && doc["manifests"].size() == m.manifests.size(),
                    "the manifests reported are not those of the document");
    for (size_t i = 0; i < m.manifests.size(); ++i) {
      ECRC_FUZZ_CHECK(doc["manifests"][i]["digest"] == m.manifests[i].digest, "manifests[" + std::to_string(i) + "] digest differs");
    }
  } else {
    ECRC_FUZZ_CHECK(m.manifests.empty() && m.ManifestDigests().empty(), "an image manifest reports referenced manifests");
  }
  CheckDescriptors(digest_shape, m.layers, "a layer", text);
  CheckDescriptors(digest_shape, m.manifests, "a referenced manifest", text);
  if (m.config) CheckDescriptors(digest_shape, {*m.config}, "the config", text);
  if (m.config && m.kind != ManifestKind::kDockerV2Schema1) {
    ECRC_FUZZ_CHECK(doc["config"]["digest"] == m.config->digest, "the config digest differs from the document's");
  }

  // BlobDigests: config first, then layers, each once, nothing else.
  std::vector<std::string> blobs = m.BlobDigests();
  std::set<std::string> unique(blobs.begin(), blobs.end());
  ECRC_FUZZ_CHECK(unique.size() == blobs.size(), "BlobDigests repeats a digest");
  std::set<std::string> expected;
  if (m.config) expected.insert(m.config->digest);
  for (const auto& l : m.layers) expected.insert(l.digest);
  ECRC_FUZZ_CHECK(unique == expected, "BlobDigests is not the set of config and layer digests");
  if (m.config) ECRC_FUZZ_CHECK(blobs.front() == m.config->digest, "BlobDigests does not start with the config");
  std::vector<std::string> children = m.ManifestDigests();
  ECRC_FUZZ_CHECK(std::set<std::string>(children.begin(), children.end()).size() == children.size(),
                  "ManifestDigests repeats a digest");

  // LayersSize saturates instead of overflowing.
  int64_t total = 0;
  for (const auto& l : m.layers) total = l.size > INT64_MAX - total ? INT64_MAX : total + l.size;
  ECRC_FUZZ_CHECK(m.LayersSize() == total, "LayersSize " + std::to_string(m.LayersSize()) + ", expected " + std::to_string(total));
  return 0;
}
