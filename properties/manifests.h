// Image manifests and indexes the property suite pushes, built from the model's layers and
// images, and read back (they are the suite's own documents) to know what they reference.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace ecrc::prop {

struct Descriptor {
  std::string media_type;
  std::string digest;
  int64_t size = 0;
};

// Docker schema 2 (oci = false) or OCI image manifest with `config` and `layers`.
std::string ImageManifest(bool oci, const Descriptor& config, const std::vector<Descriptor>& layers);
// Docker manifest list or OCI index over `manifests`; `nonce` goes into an annotation so that
// otherwise equal indexes differ.
std::string IndexManifest(bool oci, const std::vector<Descriptor>& manifests, int nonce);

// What a manifest of ours says: its media type, the config's, its blobs (config first) and the
// manifests it references. Empty on text that is not ours.
struct ManifestRefs {
  std::string media_type;
  std::string config_media_type;
  std::vector<std::string> blobs;
  std::vector<std::string> children;
};
ManifestRefs ReadManifest(const std::string& text);

}  // namespace ecrc::prop
