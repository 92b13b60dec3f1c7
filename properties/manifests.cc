#include "properties/manifests.h"
#include "base/json_read.h"
#include "specs/media_types.h"

#include <nlohmann/json.hpp>

namespace ecrc::prop {
namespace {

// Documents keep the member order registries use (not sorted) and indexes are pretty-printed: a
// server that re-serialises the manifest changes its bytes, which PutImage must not do.
using Ordered = nlohmann::ordered_json;

Ordered ToJson(const Descriptor& d) { return {{"mediaType", d.media_type}, {"size", d.size}, {"digest", d.digest}}; }

}  // namespace

std::string ImageManifest(bool oci, const Descriptor& config, const std::vector<Descriptor>& layers) {
  Ordered doc = {{"schemaVersion", 2}, {"mediaType", oci ? spec::kOciManifestMediaType : spec::kDockerSchema2MediaType}, {"config", ToJson(config)}};
  doc["layers"] = Ordered::array();
  for (const auto& l : layers) doc["layers"].push_back(ToJson(l));
  return doc.dump();  // json-read-ok: a manifest the suite builds
}

std::string IndexManifest(bool oci, const std::vector<Descriptor>& manifests, int nonce) {
  Ordered doc = {{"schemaVersion", 2}, {"mediaType", oci ? spec::kOciIndexMediaType : spec::kDockerManifestListMediaType}};
  doc["manifests"] = Ordered::array();
  for (const auto& m : manifests) {
    Ordered d = ToJson(m);
    d["platform"] = {{"architecture", "amd64"}, {"os", "linux"}};
    doc["manifests"].push_back(d);
  }
  doc["annotations"] = {{"org.opencontainers.image.revision", std::to_string(nonce)}};
  return doc.dump(3);
}

ManifestRefs ReadManifest(const std::string& text) {
  ManifestRefs refs;
  auto doc = nlohmann::json::parse(text, nullptr, false);
  if (!doc.is_object()) return refs;
  refs.media_type = jr::StringAt(doc, "mediaType");
  if (const auto& config = jr::Member(doc, "config"); config.is_object()) {
    refs.config_media_type = jr::StringAt(config, "mediaType");
    refs.blobs.push_back(jr::StringAt(config, "digest"));
  }
  for (const auto& l : jr::List(jr::Member(doc, "layers"))) refs.blobs.push_back(jr::StringAt(l, "digest"));
  for (const auto& m : jr::List(jr::Member(doc, "manifests"))) refs.children.push_back(jr::StringAt(m, "digest"));
  return refs;
}

}  // namespace ecrc::prop
