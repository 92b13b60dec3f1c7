#include "properties/model.h"

#include <algorithm>

namespace ecrc::prop {

const Repository* Model::Find(const std::string& suffix) const {
  auto it = repositories.find(suffix);
  return it == repositories.end() ? nullptr : &it->second;
}

Repository* Model::Find(const std::string& suffix) {
  auto it = repositories.find(suffix);
  return it == repositories.end() ? nullptr : &it->second;
}

std::optional<std::string> Model::DigestOfTag(const Repository& repo, const std::string& tag) const {
  for (const auto& [digest, image] : repo.images) {
    if (image.tags.count(tag)) return digest;
  }
  return std::nullopt;
}

std::vector<std::string> Model::Parents(const Repository& repo, const std::string& digest) const {
  std::vector<std::string> out;
  for (const auto& [d, image] : repo.images) {
    if (std::find(image.children.begin(), image.children.end(), digest) != image.children.end()) out.push_back(d);
  }
  return out;
}

void Model::RemoveImage(Repository& repo, const std::string& digest) { repo.images.erase(digest); }

std::set<int64_t> AcceptableImageSizes(const Repository& repo, const Image& image) {
  if (!image.children.empty() || image.config_media_type.empty()) {
    std::set<int64_t> out;
    std::set<int64_t> largest = {0};
    for (const auto& child : image.children) {
      auto it = repo.images.find(child);
      if (it == repo.images.end()) continue;
      std::set<int64_t> sizes = AcceptableImageSizes(repo, it->second);
      std::set<int64_t> next;
      for (int64_t a : largest) {
        for (int64_t b : sizes) next.insert(std::max(a, b));
      }
      largest = std::move(next);
    }
    return largest;
  }
  auto size_of = [&](const std::string& d) {
    auto it = repo.layers.find(d);
    return it == repo.layers.end() ? int64_t{0} : it->second;
  };
  int64_t layers = 0;
  for (size_t i = 1; i < image.blobs.size(); ++i) layers += size_of(image.blobs[i]);
  return {layers, layers + (image.blobs.empty() ? 0 : size_of(image.blobs[0]))};
}

}  // namespace ecrc::prop
