// Manifest parsing for PutImage; see manifest.h.
#include "reference/manifest.h"

#include <set>

#include <nlohmann/json.hpp>

#include "base/sha256.h"
#include "specs/media_types.h"

namespace ecrc::server {
namespace {

using nlohmann::json;

bool IsAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
bool IsHex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

// The model's LayerDigest grammar, fully matched: [a-zA-Z0-9-_+.]+:[a-fA-F0-9]+
bool IsWellFormedDigest(std::string_view d) {
  size_t colon = d.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon + 1 == d.size()) return false;
  for (size_t i = 0; i < colon; ++i) {
    char c = d[i];
    if (!IsAlnum(c) && c != '-' && c != '_' && c != '+' && c != '.') return false;
  }
  for (size_t i = colon + 1; i < d.size(); ++i) {
    if (!IsHex(d[i])) return false;
  }
  return true;
}

Status Invalid(std::string what) {
  return Status::Error("Invalid parameter at 'imageManifest' failed to satisfy constraint: '" +
                       std::move(what) + "'");
}

// Reads one descriptor object at `where` (e.g. "layers[2]").
Result<Descriptor> ReadDescriptor(const json& j, const std::string& where) {
  if (!j.is_object()) return Invalid(where + " must be an object");
  Descriptor d;
  auto digest = j.find("digest");
  if (digest == j.end() || !digest->is_string()) return Invalid(where + ".digest is required");
  d.digest = digest->get<std::string>();
  if (!IsWellFormedDigest(d.digest)) return Invalid(where + ".digest '" + d.digest + "' is not a valid digest");
  auto size = j.find("size");
  if (size != j.end()) {
    // is_number_integer first: get<int64_t> on an out-of-range or float number is undefined.
    if (size->is_number_unsigned()) {
      uint64_t v = size->get<uint64_t>();
      if (v > static_cast<uint64_t>(INT64_MAX)) return Invalid(where + ".size is out of range");
      d.size = static_cast<int64_t>(v);
    } else if (size->is_number_integer()) {
      d.size = size->get<int64_t>();
      if (d.size < 0) return Invalid(where + ".size must not be negative");
    } else {
      return Invalid(where + ".size must be an integer");
    }
  }
  auto mt = j.find("mediaType");
  if (mt != j.end()) {
    if (!mt->is_string()) return Invalid(where + ".mediaType must be a string");
    d.media_type = mt->get<std::string>();
  }
  return d;
}

Result<std::vector<Descriptor>> ReadDescriptorList(const json& doc, const char* member, bool required) {
  std::vector<Descriptor> out;
  auto it = doc.find(member);
  if (it == doc.end()) {
    if (required) return Invalid(std::string("the manifest has no '") + member + "' list");
    return out;
  }
  if (!it->is_array()) return Invalid(std::string("'") + member + "' must be a list");
  out.reserve(it->size());
  for (size_t i = 0; i < it->size(); ++i) {
    auto d = ReadDescriptor((*it)[i], std::string(member) + "[" + std::to_string(i) + "]");
    if (!d.ok()) return d.status();
    out.push_back(std::move(d).value());
  }
  return out;
}

// schemaVersion must equal `want`. It may be absent only for media types we do not know: the
// OCI artifact manifest (application/vnd.oci.artifact.manifest.v1+json) has no schemaVersion.
Status CheckSchemaVersion(const json& doc, int want, bool required) {
  auto it = doc.find("schemaVersion");
  if (it == doc.end() && !required) return Status::Ok();
  if (it == doc.end() || !it->is_number_integer() || it->get<int64_t>() != want) {
    return Invalid("schemaVersion must be " + std::to_string(want));
  }
  return Status::Ok();
}

std::optional<ManifestKind> KindOfMediaType(std::string_view mt) {
  if (mt == spec::kDockerSchema2MediaType) return ManifestKind::kDockerV2Schema2;
  if (mt == spec::kDockerManifestListMediaType) return ManifestKind::kDockerManifestList;
  if (mt == spec::kOciManifestMediaType) return ManifestKind::kOciManifest;
  if (mt == spec::kOciIndexMediaType) return ManifestKind::kOciIndex;
  if (mt == spec::kDockerSchema1MediaType || mt == spec::kDockerSchema1SignedMediaType) return ManifestKind::kDockerV2Schema1;
  return std::nullopt;
}

// For media types we do not know (OCI artifacts): decide from the members present.
std::optional<ManifestKind> KindOfStructure(const json& doc) {
  if (doc.contains("manifests")) return ManifestKind::kOciIndex;
  if (doc.contains("config") || doc.contains("layers") || doc.contains("blobs")) return ManifestKind::kOciManifest;
  if (doc.contains("fsLayers")) return ManifestKind::kDockerV2Schema1;
  return std::nullopt;
}

Status ParseImage(const json& doc, ParsedManifest& m, bool known) {
  if (Status s = CheckSchemaVersion(doc, 2, known); !s.ok()) return s;
  bool has_blobs = doc.contains("blobs");  // the short-lived OCI artifact manifest
  auto config = doc.find("config");
  if (config != doc.end()) {
    auto d = ReadDescriptor(*config, "config");
    if (!d.ok()) return d.status();
    m.config = std::move(d).value();
  } else if (known && !has_blobs) {
    return Invalid("the manifest has no 'config'");
  }
  auto layers = ReadDescriptorList(doc, "layers", /*required=*/known && !has_blobs);
  if (!layers.ok()) return layers.status();
  m.layers = std::move(layers).value();
  if (has_blobs) {
    auto blobs = ReadDescriptorList(doc, "blobs", true);
    if (!blobs.ok()) return blobs.status();
    for (auto& b : blobs.value()) m.layers.push_back(std::move(b));
  }
  auto artifact = doc.find("artifactType");
  if (artifact != doc.end() && artifact->is_string()) {
    m.artifact_media_type = artifact->get<std::string>();
  } else if (m.config) {
    m.artifact_media_type = m.config->media_type;
  }
  return Status::Ok();
}

Status ParseList(const json& doc, ParsedManifest& m, bool known) {
  if (Status s = CheckSchemaVersion(doc, 2, known); !s.ok()) return s;
  auto manifests = ReadDescriptorList(doc, "manifests", true);
  if (!manifests.ok()) return manifests.status();
  m.manifests = std::move(manifests).value();
  return Status::Ok();
}

Status ParseSchema1(const json& doc, ParsedManifest& m, bool known) {
  if (Status s = CheckSchemaVersion(doc, 1, known); !s.ok()) return s;
  auto fs = doc.find("fsLayers");
  if (fs == doc.end() || !fs->is_array()) return Invalid("the manifest has no 'fsLayers' list");
  for (size_t i = 0; i < fs->size(); ++i) {
    const json& entry = (*fs)[i];
    std::string where = "fsLayers[" + std::to_string(i) + "]";
    if (!entry.is_object()) return Invalid(where + " must be an object");
    auto sum = entry.find("blobSum");
    if (sum == entry.end() || !sum->is_string()) return Invalid(where + ".blobSum is required");
    Descriptor d;
    d.digest = sum->get<std::string>();
    if (!IsWellFormedDigest(d.digest)) return Invalid(where + ".blobSum '" + d.digest + "' is not a valid digest");
    m.layers.push_back(std::move(d));
  }
  return Status::Ok();
}

}  // namespace

std::string_view ManifestKindName(ManifestKind kind) {
  switch (kind) {
    case ManifestKind::kDockerV2Schema2: return "docker_v2_schema2";
    case ManifestKind::kDockerManifestList: return "docker_manifest_list";
    case ManifestKind::kOciManifest: return "oci_manifest";
    case ManifestKind::kOciIndex: return "oci_index";
    case ManifestKind::kDockerV2Schema1: return "docker_v2_schema1";
  }
  return "unknown";
}

std::vector<std::string> ParsedManifest::BlobDigests() const {
  std::vector<std::string> out;
  std::set<std::string_view> seen;
  auto add = [&](const Descriptor& d) {
    if (seen.insert(d.digest).second) out.push_back(d.digest);
  };
  if (config) add(*config);
  for (const auto& l : layers) add(l);
  return out;
}

std::vector<std::string> ParsedManifest::ManifestDigests() const {
  std::vector<std::string> out;
  std::set<std::string_view> seen;
  for (const auto& m : manifests) {
    if (seen.insert(m.digest).second) out.push_back(m.digest);
  }
  return out;
}

int64_t ParsedManifest::LayersSize() const {
  int64_t total = 0;
  for (const auto& l : layers) {
    // Saturate rather than overflow: sizes come from the client.
    if (l.size > INT64_MAX - total) return INT64_MAX;
    total += l.size;
  }
  return total;
}

Result<ParsedManifest> ParseManifest(std::string_view text, std::string_view media_type_param) {
  // No exceptions: parse errors give a discarded value, and every access below checks types.
  json doc = json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) return Invalid("Invalid JSON syntax");
  if (!doc.is_object()) return Invalid("the manifest must be a JSON object");

  std::string own_media_type;
  if (auto it = doc.find("mediaType"); it != doc.end()) {
    if (!it->is_string()) return Invalid("mediaType must be a string");
    own_media_type = it->get<std::string>();
  }
  ParsedManifest m;
  // The parameter wins when given (model doc of imageManifestMediaType). When both are given and
  // disagree the behaviour is undocumented (fact sheet §5.2, U); we reject, as the distribution
  // spec lets registries do, because storing a media type the bytes contradict would make
  // DescribeImages lie about the image.
  if (!media_type_param.empty()) {
    if (!own_media_type.empty() && own_media_type != media_type_param) {
      return Status::Error("Invalid parameter at 'imageManifestMediaType' failed to satisfy constraint: "
                           "'the media type \"" + std::string(media_type_param) +
                           "\" does not match the manifest's mediaType \"" + own_media_type + "\"'");
    }
    m.media_type = std::string(media_type_param);
  } else if (!own_media_type.empty()) {
    m.media_type = own_media_type;
  } else {
    return Status::Error(
        "Invalid parameter at 'imageManifestMediaType' failed to satisfy constraint: 'the media type "
        "must be given either as imageManifestMediaType or as the manifest's mediaType field'");
  }

  auto kind = KindOfMediaType(m.media_type);
  const bool known = kind.has_value();
  if (!kind) kind = KindOfStructure(doc);
  if (!kind) {
    return Invalid("unsupported manifest media type '" + m.media_type +
                   "' with neither config/layers nor manifests");
  }
  m.kind = *kind;
  Status s;
  switch (m.kind) {
    case ManifestKind::kDockerV2Schema2:
    case ManifestKind::kOciManifest: s = ParseImage(doc, m, known); break;
    case ManifestKind::kDockerManifestList:
    case ManifestKind::kOciIndex: s = ParseList(doc, m, known); break;
    case ManifestKind::kDockerV2Schema1: s = ParseSchema1(doc, m, known); break;
  }
  if (!s.ok()) return s;
  return m;
}

std::string ManifestDigest(std::string_view bytes) { return "sha256:" + Sha256Hex(bytes); }

}  // namespace ecrc::server
