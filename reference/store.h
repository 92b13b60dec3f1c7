// The reference server's one thread-safe, in-memory state: the registry, its repositories with
// their images, layers, tags and policies, and the layer uploads in progress, within quotas.
#pragma once

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

#include "reference/outcome.h"
#include "reference/upload_session.h"

namespace ecrc::server {

// Service quotas (fact sheet §5.8) plus the resource bounds of this process. Every one is
// configurable so tests can reach a cap with a handful of requests.
struct Quotas {
  size_t max_repositories = 10000;             // per region (archived UG quota page)
  size_t max_images_per_repository = 100000;   // current quota page (older copies: 10,000)
  size_t max_tags_per_repository = 50;         // TooManyTagsException beyond it
  size_t max_tags_per_image = 1000;            // archived UG quota page
  UploadLimits upload;                         // parts, part sizes, layer size
  // Not AWS quotas: bounds that keep a long-running server's memory finite. Initiating an upload
  // beyond the cap discards the least recently used upload (upload lifetime is U in the fact
  // sheet; AWS also expires idle uploads). Stored manifest text beyond the byte budget makes
  // PutImage fail with LimitExceededException.
  size_t max_uploads_in_progress = 10000;
  uint64_t max_manifest_bytes = uint64_t{1} << 30;
};

struct Tag {
  std::string key;
  std::string value;
  bool operator==(const Tag&) const = default;
};

// A blob that CompleteLayerUpload accepted. Its media type is learnt from the first manifest
// that references it (BatchCheckLayerAvailability reports it); empty until then.
struct Layer {
  int64_t size = 0;
  std::string media_type;
  bool operator==(const Layer&) const = default;
};

struct Image {
  std::string digest;               // sha256 of `manifest`
  std::string manifest;             // exactly the bytes PutImage received
  std::string media_type;           // imageManifestMediaType
  std::string artifact_media_type;  // config media type (or artifactType); empty for lists
  int64_t size = 0;                 // imageSizeInBytes
  double pushed_at = 0;             // epoch seconds
  std::vector<std::string> tags;    // in the order they were applied
  std::vector<std::string> children;  // manifests a list/index references (digests)
  bool operator==(const Image&) const = default;
};

struct ImageTagRef {
  std::string digest;
  double created_at = 0;  // when the tag was (last) applied
  bool operator==(const ImageTagRef&) const = default;
};

struct Repository {
  uint64_t id = 0;  // never reused: binds uploads to this incarnation of the name
  std::string name;
  std::string arn;
  std::string uri;
  double created_at = 0;
  std::string wire;  // the Repository output structure as JSON text, fixed at creation
  nlohmann::json catalog = nlohmann::json::object();  // output form (logoUrl, never the blob)
  std::optional<std::string> policy;                   // re-serialised policy text
  std::vector<Tag> tags;                               // insertion order; keys unique
  std::map<std::string, Layer> layers;                 // digest → layer
  std::map<std::string, Image> images;                 // digest → image (sorted: pagination key)
  std::map<std::string, ImageTagRef> image_tags;       // tag → image (sorted: pagination key)
  std::map<std::string, int> list_references;          // digest → lists/indexes referencing it
  // Upload id → layer digest of the uploads completed here (the repeated_completion choice needs
  // them; bounded like the uploads in progress).
  std::map<std::string, std::string> completed_uploads;
  uint64_t manifest_bytes = 0;

  const Tag* FindTag(const std::string& key) const;
  bool operator==(const Repository&) const = default;
};

// One upload in progress. Its own mutex serialises parts so that hashing a 20 MiB part never
// holds the store lock.
struct Upload {
  std::string id;
  std::string repository;
  uint64_t repository_id = 0;
  std::mutex mu;
  UploadSession session;
  uint64_t last_used = 0;  // store clock tick, for evicting the least recently used

  Upload(std::string upload_id, std::string repo, uint64_t repo_id, UploadLimits limits)
      : id(std::move(upload_id)), repository(std::move(repo)), repository_id(repo_id), session(limits) {}
};

// Everything the store holds. Only reachable through Store::Read / Store::Write, which hold the
// lock for the duration of the callback; mutators enforce the quotas.
class StoreState {
 public:
  explicit StoreState(const Quotas& quotas) : quotas_(quotas) {}

  const Quotas& quotas() const { return quotas_; }

  // Registry-level data.
  std::optional<std::string> registry_display_name;

  const std::map<std::string, Repository>& repositories() const { return repositories_; }
  Repository* FindRepository(const std::string& name);
  const Repository* FindRepository(const std::string& name) const;

  // Adds `repo` (id assigned here). Fails with LimitExceededException at the repository quota.
  // The caller has checked that the name is free.
  std::variant<Repository*, ApiError> AddRepository(Repository repo);
  // Removes the repository with everything in it (images, layers, tags, policy, uploads) and
  // returns it; nullopt when absent.
  std::optional<Repository> RemoveRepository(const std::string& name);

  // Images. AddImage fails with LimitExceededException at the images-per-repository quota or the
  // manifest byte budget.
  std::optional<ApiError> AddImage(Repository& repo, Image image);
  // Removes the image and every tag pointing at it.
  void RemoveImage(Repository& repo, const std::string& digest);
  // Points `tag` at `digest` (which must exist); the image that held it loses it. Returns the
  // digest of that previous image, if any and different. Fails with LimitExceededException at
  // the tags-per-image quota.
  std::variant<std::optional<std::string>, ApiError> ApplyImageTag(Repository& repo, const std::string& tag,
                                                                   const std::string& digest, double now);
  // Removes `tag` from its image (the image stays, possibly untagged).
  void RemoveImageTag(Repository& repo, const std::string& tag);

  // Uploads. AddUpload evicts the least recently used upload beyond the in-progress cap.
  std::shared_ptr<Upload> AddUpload(const Repository& repo, std::string id, UploadLimits limits);
  std::shared_ptr<Upload> FindUpload(const std::string& id);
  void RemoveUpload(const std::string& id);
  size_t upload_count() const { return uploads_.size(); }

  // State kept only for faults that need memory beyond the contract (see faults.h).
  std::optional<Repository> stale_deleted;                        // stale_read_after_delete
  std::map<std::string, std::vector<Tag>> orphaned_tags;          // tags_survive_repo_delete

  // Makes this state equal to `snapshot` (taken by copying a state of the same store), copying
  // only the repositories that differ: a fixture that returns to its snapshot after every input
  // would otherwise copy the whole registry each time. Uploads are shared with the snapshot, as
  // in any copy of a state.
  void ResetTo(const StoreState& snapshot);

 private:
  Quotas quotas_;
  std::map<std::string, Repository> repositories_;
  std::map<std::string, std::shared_ptr<Upload>> uploads_;
  uint64_t next_repository_id_ = 1;
  uint64_t clock_ = 0;
  uint64_t manifest_bytes_ = 0;
};

// The lock: readers share it, writers hold it alone. Callbacks must be short; nothing in them may
// block on I/O or hash large inputs.
class Store {
 public:
  explicit Store(const Quotas& quotas = {}) : state_(quotas) {}
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  const Quotas& quotas() const { return state_.quotas(); }

  template <typename F>
  auto Read(F&& f) const {
    std::shared_lock lock(mu_);
    return f(static_cast<const StoreState&>(state_));
  }
  template <typename F>
  auto Write(F&& f) {
    std::unique_lock lock(mu_);
    writes_.fetch_add(1, std::memory_order_relaxed);
    return f(state_);
  }

  // How many Write callbacks have run: equal counts mean the state cannot have changed in
  // between, which lets callers skip work such as restoring a snapshot.
  uint64_t writes() const { return writes_.load(std::memory_order_relaxed); }

 private:
  mutable std::shared_mutex mu_;
  std::atomic<uint64_t> writes_{0};
  StoreState state_;
};

}  // namespace ecrc::server
