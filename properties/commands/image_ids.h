// Image ids for BatchDeleteImage and DescribeImages: by digest or by tag, of images the model
// holds or of none (ImageNotFound paths).
#pragma once

#include "properties/commands/common.h"

namespace ecrc::prop {

inline rc::Gen<nlohmann::json> GenImageId(const Repository* repo) {
  std::vector<nlohmann::json> held;
  if (repo) {
    for (const auto& [d, image] : repo->images) {
      held.push_back({{"imageDigest", d}});
      for (const auto& t : image.tags) held.push_back({{"imageTag", t}});
    }
  }
  auto unknown = rc::gen::oneOf(rc::gen::map(GenUnknownDigest(), [](std::string d) { return nlohmann::json{{"imageDigest", d}}; }),
                                rc::gen::just(nlohmann::json{{"imageTag", "gone"}}));
  if (held.empty()) return unknown;
  return rc::gen::weightedOneOf<nlohmann::json>({{4, rc::gen::elementOf(held)}, {1, unknown}});
}

// The digest an image id names in `repo`, or "" when it names none.
inline std::string Resolve(const Model& m, const Repository& repo, const nlohmann::json& id) {
  if (id.contains("imageDigest")) {
    std::string d = id["imageDigest"].get<std::string>();  // json-read-ok: the image ids the command generated
    return repo.images.count(d) ? d : "";
  }
  return m.DigestOfTag(repo, id["imageTag"].get<std::string>()).value_or("");  // json-read-ok: the image ids the command generated
}

}  // namespace ecrc::prop
