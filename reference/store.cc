#include "reference/store.h"

#include <algorithm>

namespace ecrc::server {

const Tag* Repository::FindTag(const std::string& key) const {
  for (const auto& t : tags) {
    if (t.key == key) return &t;
  }
  return nullptr;
}

Repository* StoreState::FindRepository(const std::string& name) {
  auto it = repositories_.find(name);
  return it == repositories_.end() ? nullptr : &it->second;
}

const Repository* StoreState::FindRepository(const std::string& name) const {
  auto it = repositories_.find(name);
  return it == repositories_.end() ? nullptr : &it->second;
}

std::variant<Repository*, ApiError> StoreState::AddRepository(Repository repo) {
  if (repositories_.size() >= quotas_.max_repositories) {
    return ApiError{"LimitExceededException",
                    "The maximum number of repositories (" + std::to_string(quotas_.max_repositories) +
                        ") has been reached for this registry"};
  }
  repo.id = next_repository_id_++;
  std::string name = repo.name;
  auto [it, inserted] = repositories_.emplace(std::move(name), std::move(repo));
  return &it->second;
}

std::optional<Repository> StoreState::RemoveRepository(const std::string& name) {
  auto it = repositories_.find(name);
  if (it == repositories_.end()) return std::nullopt;
  Repository repo = std::move(it->second);
  repositories_.erase(it);
  manifest_bytes_ -= repo.manifest_bytes;
  std::erase_if(uploads_, [&](const auto& entry) { return entry.second->repository_id == repo.id; });
  return repo;
}

std::optional<ApiError> StoreState::AddImage(Repository& repo, Image image) {
  if (repo.images.size() >= quotas_.max_images_per_repository) {
    return ApiError{"LimitExceededException", "The maximum number of images (" +
                                                  std::to_string(quotas_.max_images_per_repository) +
                                                  ") has been reached for the repository '" + repo.name + "'"};
  }
  if (manifest_bytes_ + image.manifest.size() > quotas_.max_manifest_bytes) {
    return ApiError{"LimitExceededException", "This server's storage budget for image manifests (" +
                                                  std::to_string(quotas_.max_manifest_bytes) +
                                                  " bytes) is exhausted; delete images first"};
  }
  manifest_bytes_ += image.manifest.size();
  repo.manifest_bytes += image.manifest.size();
  for (const auto& child : image.children) ++repo.list_references[child];
  std::string digest = image.digest;
  repo.images.emplace(std::move(digest), std::move(image));
  return std::nullopt;
}

void StoreState::RemoveImage(Repository& repo, const std::string& digest) {
  auto it = repo.images.find(digest);
  if (it == repo.images.end()) return;
  for (const auto& tag : it->second.tags) {
    auto ref = repo.image_tags.find(tag);
    if (ref != repo.image_tags.end() && ref->second.digest == digest) repo.image_tags.erase(ref);
  }
  for (const auto& child : it->second.children) {
    auto ref = repo.list_references.find(child);
    if (ref != repo.list_references.end() && --ref->second <= 0) repo.list_references.erase(ref);
  }
  manifest_bytes_ -= it->second.manifest.size();
  repo.manifest_bytes -= it->second.manifest.size();
  repo.images.erase(it);
}

std::variant<std::optional<std::string>, ApiError> StoreState::ApplyImageTag(Repository& repo, const std::string& tag,
                                                                             const std::string& digest, double now) {
  auto image = repo.images.find(digest);
  if (image == repo.images.end()) return std::optional<std::string>();
  std::optional<std::string> previous;
  auto existing = repo.image_tags.find(tag);
  if (existing != repo.image_tags.end()) {
    if (existing->second.digest == digest) return previous;
    previous = existing->second.digest;
  }
  if (image->second.tags.size() >= quotas_.max_tags_per_image) {
    return ApiError{"LimitExceededException", "The image already has the maximum of " +
                                                  std::to_string(quotas_.max_tags_per_image) + " tags"};
  }
  if (previous) {
    auto old = repo.images.find(*previous);
    if (old != repo.images.end()) std::erase(old->second.tags, tag);
  }
  image->second.tags.push_back(tag);
  repo.image_tags[tag] = ImageTagRef{digest, now};
  return previous;
}

void StoreState::RemoveImageTag(Repository& repo, const std::string& tag) {
  auto it = repo.image_tags.find(tag);
  if (it == repo.image_tags.end()) return;
  auto image = repo.images.find(it->second.digest);
  if (image != repo.images.end()) std::erase(image->second.tags, tag);
  repo.image_tags.erase(it);
}

std::shared_ptr<Upload> StoreState::AddUpload(const Repository& repo, std::string id, UploadLimits limits) {
  while (!uploads_.empty() && uploads_.size() >= quotas_.max_uploads_in_progress) {
    auto oldest = std::min_element(uploads_.begin(), uploads_.end(), [](const auto& a, const auto& b) {
      return a.second->last_used < b.second->last_used;
    });
    uploads_.erase(oldest);
  }
  auto upload = std::make_shared<Upload>(id, repo.name, repo.id, limits);
  upload->last_used = ++clock_;
  uploads_.emplace(std::move(id), upload);
  return upload;
}

std::shared_ptr<Upload> StoreState::FindUpload(const std::string& id) {
  auto it = uploads_.find(id);
  if (it == uploads_.end()) return nullptr;
  it->second->last_used = ++clock_;
  return it->second;
}

void StoreState::RemoveUpload(const std::string& id) { uploads_.erase(id); }

void StoreState::ResetTo(const StoreState& snapshot) {
  registry_display_name = snapshot.registry_display_name;
  stale_deleted = snapshot.stale_deleted;
  orphaned_tags = snapshot.orphaned_tags;
  uploads_ = snapshot.uploads_;
  next_repository_id_ = snapshot.next_repository_id_;
  clock_ = snapshot.clock_;
  manifest_bytes_ = snapshot.manifest_bytes_;
  for (auto it = repositories_.begin(); it != repositories_.end();) {
    auto kept = snapshot.repositories_.find(it->first);
    if (kept == snapshot.repositories_.end()) {
      it = repositories_.erase(it);
      continue;
    }
    if (!(it->second == kept->second)) it->second = kept->second;
    ++it;
  }
  for (const auto& [name, repo] : snapshot.repositories_) repositories_.try_emplace(name, repo);
}

}  // namespace ecrc::server
