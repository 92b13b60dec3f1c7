// Parses the image manifests PutImage accepts (Docker schema 2 and lists, OCI manifests and
// indexes, legacy Docker schema 1) into the digests, sizes and media types the store checks.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace ecrc::server {

enum class ManifestKind {
  kDockerV2Schema2,     // single-platform image: config + layers
  kDockerManifestList,  // references other manifests
  kOciManifest,         // OCI image manifest, and any OCI artifact with config/layers/blobs
  kOciIndex,            // references other manifests
  kDockerV2Schema1,     // legacy: fsLayers[].blobSum, no sizes
};

// Stable lowercase name for logs and tests ("docker_v2_schema2", "oci_index", ...).
std::string_view ManifestKindName(ManifestKind kind);

// One content reference inside a manifest.
struct Descriptor {
  std::string digest;      // "<algorithm>:<hex>", grammar of the model's LayerDigest
  int64_t size = 0;        // bytes as the manifest declares them; 0 when absent (schema 1)
  std::string media_type;  // empty when the descriptor has none
};

struct ParsedManifest {
  ManifestKind kind = ManifestKind::kOciManifest;
  // The effective media type: the explicit imageManifestMediaType parameter when given, else the
  // manifest's own "mediaType" field. This is what DescribeImages reports.
  std::string media_type;
  // The config blob's media type or, for OCI artifacts, "artifactType" when present: what
  // DescribeImages reports as artifactMediaType. Empty for lists, indexes and schema 1.
  std::string artifact_media_type;

  // Image manifests only (schema 2, OCI manifest, schema 1): the config blob (absent for
  // schema 1, for OCI artifact manifests that use "blobs", and for unknown media types without
  // one) and the layer blobs ("blobs" entries included), in order.
  std::optional<Descriptor> config;
  std::vector<Descriptor> layers;

  // Lists and indexes only: the referenced manifests.
  std::vector<Descriptor> manifests;

  bool IsList() const {
    return kind == ManifestKind::kDockerManifestList || kind == ManifestKind::kOciIndex;
  }
  // Every blob digest PutImage must find in the repository (config first, then layers, without
  // duplicates). Empty for lists and indexes.
  std::vector<std::string> BlobDigests() const;
  // Every manifest digest a list or index references (without duplicates). Empty otherwise.
  std::vector<std::string> ManifestDigests() const;
  // Sum of the declared layer sizes (the compressed image size; the config is not counted).
  int64_t LayersSize() const;
};

// Parses `text` (the exact imageManifest string) as a manifest. `media_type_param` is the
// PutImage imageManifestMediaType parameter, empty when the request had none.
//
// On success returns the parsed manifest. On failure returns a Status whose message is meant to
// be sent to the client as an InvalidParameterException, e.g. for: invalid JSON, JSON that is
// not an object, no media type from either the parameter or the manifest, a parameter that
// disagrees with the manifest's own mediaType, a wrong schemaVersion, a missing config, layers
// or manifests member, or a descriptor without a well-formed digest or with a negative size.
//
// Leniency (as real registries): a media type this parser does not know (OCI artifacts such as
// Helm charts) is accepted and classified by structure: "manifests" → kOciIndex; "config",
// "layers" or "blobs" → kOciManifest; "fsLayers" → kDockerV2Schema1. Unknown members are
// ignored, a descriptor without "size" counts as size 0, "layers" may be empty, and for unknown
// media types schemaVersion may be absent (the OCI artifact manifest has none).
// Never throws and never aborts, whatever the input.
Result<ParsedManifest> ParseManifest(std::string_view text, std::string_view media_type_param = {});

// The image digest of a manifest: "sha256:" + lowercase hex SHA-256 of the exact bytes given
// (no re-serialisation: a pretty-printed copy of the same JSON has a different digest).
std::string ManifestDigest(std::string_view bytes);

}  // namespace ecrc::server
