// PutImage, DescribeImages, DescribeImageTags, BatchDeleteImage.
//
// Listings come in a stable order, images by digest and tags by name (AWS documents no order,
// fact sheet §2.5, U): a sorted key is what lets a nextToken resume without gaps or repeats.
#include <map>
#include <set>

#include "reference/handlers/common.h"
#include "reference/handlers/handlers.h"
#include "reference/manifest.h"
#include "specs/media_types.h"

namespace ecrc::server::handlers {
namespace {

std::string JoinDigests(const std::vector<std::string>& digests) {
  std::string out = "[";
  for (size_t i = 0; i < digests.size(); ++i) out += (i ? ", " : "") + digests[i];
  return out + "]";
}

// imageSizeInBytes: the compressed layer sizes (the config is not counted; whether it is is U);
// for a list or index, the largest of the images it references (model doc of imageSizeInBytes).
// Layer sizes come from the uploads when the repository has them, else from the manifest.
int64_t ImageSize(const Repository& repo, const ParsedManifest& m) {
  int64_t size = 0;
  if (m.IsList()) {
    for (const auto& child : m.manifests) {
      auto it = repo.images.find(child.digest);
      size = std::max(size, it != repo.images.end() ? it->second.size : child.size);
    }
    return size;
  }
  for (const auto& layer : m.layers) {
    auto it = repo.layers.find(layer.digest);
    size += it != repo.layers.end() ? it->second.size : layer.size;
  }
  return size;
}

json ImageDetail(const HandlerContext& ctx, const Repository& repo, const Image& image) {
  json d = json::object();
  d["registryId"] = ctx.identity.account_id;
  d["repositoryName"] = repo.name;
  d["imageDigest"] = image.digest;
  // Untagged images carry no imageTags member (real ECR omits the empty list; fact sheet §2.1).
  if (!image.tags.empty()) d["imageTags"] = image.tags;
  d["imageSizeInBytes"] = image.size;
  d["imagePushedAt"] = Timestamp(ctx, image.pushed_at);
  d["imageManifestMediaType"] = image.media_type;
  if (!image.artifact_media_type.empty()) d["artifactMediaType"] = image.artifact_media_type;
  return d;
}

// Docker's reference grammar for tags: [A-Za-z0-9_][A-Za-z0-9._-]{0,127}.
bool IsDockerTag(const std::string& tag) {
  auto word = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'; };
  if (tag.empty() || tag.size() > 128 || !word(tag[0])) return false;
  for (char c : tag) {
    if (!word(c) && c != '.' && c != '-') return false;
  }
  return true;
}

// ImageNotFoundException in the wording of private ECR (fact sheet §4 item 8, via MOTO).
ApiError ImageNotFound(const HandlerContext& ctx, const std::string& repo, const std::string* digest,
                       const std::string* tag) {
  return ApiError{"ImageNotFoundException",
                  "The image with imageId {imageDigest:'" + (digest ? *digest : std::string("null")) + "', imageTag:'" +
                      (tag ? *tag : std::string("null")) + "'} does not exist within the repository with name '" +
                      repo + "' in the registry with id '" + ctx.identity.account_id + "'"};
}

}  // namespace

Outcome PutImage(HandlerContext& ctx, const json& input) {
  std::string name = StringOr(input, "repositoryName");
  if (auto error = CheckRegistryId(ctx, input)) return *error;
  std::string manifest = StringOr(input, "imageManifest");
  const std::string* tag = GetString(input, "imageTag");
  const std::string* digest_param = GetString(input, "imageDigest");
  if (ctx.faults.Has(Fault::kManifestReserialized)) {
    json doc = json::parse(manifest, nullptr, false);
    if (!doc.is_discarded()) manifest = doc.dump(-1, ' ', false, json::error_handler_t::replace);
  }
  auto parsed_or = ParseManifest(manifest, StringOr(input, "imageManifestMediaType"));
  if (!parsed_or.ok()) return InvalidParameter(parsed_or.status().message());
  const ParsedManifest& parsed = *parsed_or;
  // The digest of the exact bytes received, which are stored and echoed unchanged.
  std::string digest = ManifestDigest(manifest);
  if (digest_param && *digest_param != digest && !ctx.faults.Has(Fault::kDigestMismatchIgnored)) {
    return ApiError{"ImageDigestDoesNotMatchException", "The specified image digest '" + *digest_param +
                                                            "' does not match the digest '" + digest +
                                                            "' that was calculated for the image manifest"};
  }
  return ctx.store.Write([&](StoreState& s) -> Outcome {
    Repository* repo = s.FindRepository(name);
    if (!repo) return RepositoryNotFound(ctx, name);
    // After the repository lookup: a missing repository is reported first, whatever the tag.
    // ImageTag has no pattern in the model; whether ECR Public holds tags to Docker's grammar is U
    // (fact sheet §3). By default any 1..300 character tag is taken; the image_tag_grammar choice
    // refuses the others.
    if (tag && ctx.choices.Is(Choice::kImageTagGrammar, "docker") && !IsDockerTag(*tag)) {
      return InvalidParameterAt("imageTag", "Image tags must match [A-Za-z0-9_][A-Za-z0-9._-]{0,127}");
    }
    // The model doc says a tag "is required" for Docker schema 2 and OCI image manifests, yet the
    // platform manifests of a list exist untagged in ECR Public: enforcement is U (fact sheet §5.2).
    // By default an untagged push is accepted (refusing would break multi-arch pushes); the
    // untagged_manifest_push choice refuses it.
    if (!tag && !parsed.IsList() && ctx.choices.Is(Choice::kUntaggedManifestPush, "rejected") &&
        (parsed.media_type == spec::kDockerSchema2MediaType || parsed.media_type == spec::kOciManifestMediaType)) {
      return InvalidParameterAt("imageTag", "An image tag is required for Docker V2 Schema 2 and OCI image manifests");
    }
    if (!ctx.faults.Has(Fault::kAcceptMissingLayers)) {
      // Layers and, by inference, the config blob must have been uploaded to this repository.
      std::vector<std::string> missing;
      for (const auto& blob : parsed.BlobDigests()) {
        if (!repo->layers.count(blob)) missing.push_back(blob);
      }
      if (!missing.empty()) {
        return ApiError{"LayersNotFoundException", "Layers with digests " + JoinDigests(missing) +
                                                       " required for pushing image into repository with name '" +
                                                       name + "' in the registry with id '" + ctx.identity.account_id +
                                                       "' do not exist"};
      }
    }
    std::vector<std::string> children = parsed.ManifestDigests();
    std::vector<std::string> missing_children;
    for (const auto& child : children) {
      if (!repo->images.count(child)) missing_children.push_back(child);
    }
    if (!missing_children.empty()) {
      return ApiError{"ReferencedImagesNotFoundException", "Manifests with digests " + JoinDigests(missing_children) +
                                                               " referenced by the manifest list do not exist in the "
                                                               "repository with name '" + name + "'"};
    }
    auto existing = repo->images.find(digest);
    if (existing != repo->images.end()) {
      bool same_tag = tag ? repo->image_tags.count(*tag) && repo->image_tags.at(*tag).digest == digest : true;
      if (same_tag && !ctx.faults.Has(Fault::kImageAlreadyExistsIgnored)) {
        return ApiError{"ImageAlreadyExistsException",
                        "Image with digest '" + digest + "'" + (tag ? " and tag '" + *tag + "'" : std::string()) +
                            " has already been pushed, and there were no changes to the manifest or image tag"};
      }
    } else {
      Image image;
      image.digest = digest;
      image.manifest = std::move(manifest);  // not read again: the output echoes the stored copy
      image.media_type = parsed.media_type;
      image.artifact_media_type = parsed.artifact_media_type;
      image.size = ctx.faults.Has(Fault::kImageSizeWrong) ? static_cast<int64_t>(image.manifest.size()) : ImageSize(*repo, parsed);
      image.pushed_at = ctx.now;
      image.children = std::move(children);
      if (auto error = s.AddImage(*repo, std::move(image))) return *error;
      // Learn the blobs' media types from the first manifest that names them
      // (BatchCheckLayerAvailability reports them; config blobs are "layers" too).
      auto learn = [&](const Descriptor& d) {
        auto it = repo->layers.find(d.digest);
        if (it != repo->layers.end() && it->second.media_type.empty()) it->second.media_type = d.media_type;
      };
      if (parsed.config) learn(*parsed.config);
      for (const auto& layer : parsed.layers) learn(layer);
    }
    if (tag || ctx.faults.Has(Fault::kUntaggedPushTaggedLatest)) {
      std::string applied = tag ? *tag : "latest";
      if (ctx.faults.Has(Fault::kImageTagMangled)) {
        // Each character Docker's grammar forbids at its place becomes '_' (allowed anywhere).
        for (size_t i = 0; i < applied.size(); ++i) {
          if (!IsDockerTag((i ? "x" : "") + applied.substr(i, 1))) applied[i] = '_';
        }
      }
      auto moved = s.ApplyImageTag(*repo, applied, digest, ctx.now);
      if (auto* error = std::get_if<ApiError>(&moved)) return *error;
      if (const auto& previous = std::get<std::optional<std::string>>(moved)) {
        // A tag move leaves the previous image in the repository, untagged if this was its last
        // tag (ECR keeps untagged images; fact sheet §5.2).
        auto old = repo->images.find(*previous);
        if (old != repo->images.end()) {
          if (ctx.faults.Has(Fault::kTagMoveKeepsOldTag)) old->second.tags.push_back(applied);
          if (ctx.faults.Has(Fault::kUntaggedImageDeletedOnTagMove) && old->second.tags.empty()) {
            s.RemoveImage(*repo, *previous);
          }
        }
      }
    }
    const Image& stored = repo->images.at(digest);
    json image_id = json::object();
    image_id["imageDigest"] = digest;
    if (tag) image_id["imageTag"] = *tag;
    json image = json::object();
    image["registryId"] = ctx.identity.account_id;
    image["repositoryName"] = name;
    image["imageId"] = std::move(image_id);
    image["imageManifest"] = stored.manifest;
    image["imageManifestMediaType"] = stored.media_type;
    json out = json::object();
    out["image"] = std::move(image);
    return out;
  });
}

Outcome DescribeImages(HandlerContext& ctx, const json& input) {
  if (auto error = RejectIdsWithPagination(ctx, input, "imageIds")) return *error;
  std::string name = StringOr(input, "repositoryName");
  if (auto error = CheckRegistryId(ctx, input)) return *error;
  const json* ids = GetArray(input, "imageIds");
  std::variant<PageRequest, ApiError> page = PageRequest{};
  if (!ids) {
    page = ReadPageRequest(ctx, input, name);
    if (auto* error = std::get_if<ApiError>(&page)) return *error;
  }
  return ctx.store.Read([&](const StoreState& s) -> Outcome {
    const Repository* repo = s.FindRepository(name);
    if (!repo) return RepositoryNotFound(ctx, name);
    json out = json::object();
    json& details = out["imageDetails"] = json::array();
    if (ids) {
      // The response has no failures member, so one missing image fails the whole call.
      std::set<std::string> seen;
      for (const auto& id : *ids) {
        const std::string* digest = GetString(id, "imageDigest");
        const std::string* tag = GetString(id, "imageTag");
        // An id with neither member names no image; DescribeImages has no failures list, and
        // ImageNotFound would claim a lookup happened, so the request itself is invalid (U).
        if (!digest && !tag) {
          return InvalidParameterAt("imageIds", "Each image id must have an imageDigest, an imageTag or both");
        }
        const Image* image = nullptr;
        if (tag) {
          auto ref = repo->image_tags.find(*tag);
          if (ref != repo->image_tags.end() && (!digest || ref->second.digest == *digest)) {
            auto it = repo->images.find(ref->second.digest);
            if (it != repo->images.end()) image = &it->second;
          }
        } else if (auto it = repo->images.find(*digest); it != repo->images.end()) {
          image = &it->second;
        }
        if (!image && ctx.faults.Has(Fault::kDescribeImagesDropsMissing)) continue;
        if (!image) return ImageNotFound(ctx, name, digest, tag);
        if (seen.insert(image->digest).second) details.push_back(ImageDetail(ctx, *repo, *image));
      }
      return out;
    }
    auto next = WalkPage(ctx, repo->images, std::get<PageRequest>(page), name,
                         [&](const std::string&, const Image& image) { details.push_back(ImageDetail(ctx, *repo, image)); });
    if (next) out["nextToken"] = std::move(*next);
    return out;
  });
}

Outcome DescribeImageTags(HandlerContext& ctx, const json& input) {
  std::string name = StringOr(input, "repositoryName");
  if (auto error = CheckRegistryId(ctx, input)) return *error;
  auto page = ReadPageRequest(ctx, input, name);
  if (auto* error = std::get_if<ApiError>(&page)) return *error;
  return ctx.store.Read([&](const StoreState& s) -> Outcome {
    const Repository* repo = s.FindRepository(name);
    if (!repo) return RepositoryNotFound(ctx, name);
    json out = json::object();
    json& details = out["imageTagDetails"] = json::array();
    // One entry per tag; by default untagged images have none (U, fact sheet §4 item 7: most
    // likely). The untagged_in_image_tags choice lists each untagged image once, without an
    // imageTag and with its push time as createdAt.
    auto emit = [&](const std::string& tag, const ImageTagRef& ref) {
      auto it = repo->images.find(ref.digest);
      if (it == repo->images.end()) return;
      const Image& image = it->second;
      bool untagged = image.tags.empty();
      json detail = json::object();
      detail["imageDigest"] = image.digest;
      detail["imageSizeInBytes"] = image.size;
      detail["imagePushedAt"] = Timestamp(ctx, image.pushed_at);
      detail["imageManifestMediaType"] = image.media_type;
      if (!image.artifact_media_type.empty()) detail["artifactMediaType"] = image.artifact_media_type;
      json entry = json::object();
      if (!untagged) entry["imageTag"] = tag;
      entry["createdAt"] = Timestamp(ctx, ref.created_at);
      entry["imageDetail"] = std::move(detail);
      details.push_back(std::move(entry));
    };
    std::optional<std::string> next;
    if (ctx.choices.Is(Choice::kUntaggedInImageTags, "listed")) {
      // One keyset over both kinds of entry: tags under "t" + tag, untagged images under
      // "u" + digest, so a nextToken resumes in the same order.
      std::map<std::string, ImageTagRef> entries;
      for (const auto& [tag, ref] : repo->image_tags) entries.emplace("t" + tag, ref);
      for (const auto& [digest, image] : repo->images) {
        if (image.tags.empty()) entries.emplace("u" + digest, ImageTagRef{digest, image.pushed_at});
      }
      next = WalkPage(ctx, entries, std::get<PageRequest>(page), name,
                      [&](const std::string& key, const ImageTagRef& ref) { emit(key.substr(1), ref); });
    } else {
      next = WalkPage(ctx, repo->image_tags, std::get<PageRequest>(page), name, emit);
    }
    if (next) out["nextToken"] = std::move(*next);
    return out;
  });
}

Outcome BatchDeleteImage(HandlerContext& ctx, const json& input) {
  std::string name = StringOr(input, "repositoryName");
  if (auto error = CheckRegistryId(ctx, input)) return *error;
  static const json kNone = json::array();
  const json* ids = GetArray(input, "imageIds");
  if (!ids) ids = &kNone;
  return ctx.store.Write([&](StoreState& s) -> Outcome {
    Repository* repo = s.FindRepository(name);
    if (!repo) return RepositoryNotFound(ctx, name);
    json deleted = json::array();
    json failures = json::array();
    // Per-item problems are failures of that item; the call itself succeeds (HTTP 200).
    for (const auto& id : *ids) {
      const std::string* digest = GetString(id, "imageDigest");
      const std::string* tag = GetString(id, "imageTag");
      auto fail = [&](const char* code, std::string reason) {
        json image_id = json::object();
        if (digest) image_id["imageDigest"] = *digest;
        if (tag) image_id["imageTag"] = *tag;
        failures.push_back({{"imageId", std::move(image_id)}, {"failureCode", code}, {"failureReason", std::move(reason)}});
      };
      if (!digest && !tag) {
        fail("MissingDigestAndTag", "Invalid request parameters: both tag and digest cannot be null");
        continue;
      }
      // InvalidImageTag is never raised: ImageTag has no pattern, any 1..300 character tag can
      // have been pushed, and the model's length limits are checked before this runs (the exact
      // rule AWS applies is U). KmsError does not apply to ECR Public.
      if (digest && !IsLayerDigest(*digest)) {
        fail("InvalidImageDigest",
             "Invalid request parameters: image digest should satisfy the regex '[a-zA-Z0-9-_+.]+:[a-fA-F0-9]+'");
        continue;
      }
      // Resolve the target image. With both fields the pair must agree; the entry then deletes
      // the tag, like a tag alone (which of the two meanings AWS gives the pair is U; the tag
      // reading never deletes more than the caller named).
      std::string target;
      if (tag) {
        auto ref = repo->image_tags.find(*tag);
        if (ref == repo->image_tags.end() || (digest && !repo->images.count(*digest))) {
          if (ctx.faults.Has(Fault::kBatchDeleteFailsWholeCall)) return ImageNotFound(ctx, name, digest, tag);
          fail("ImageNotFound", "Requested image not found");
          continue;
        }
        if (digest && ref->second.digest != *digest) {
          fail("ImageTagDoesNotMatchDigest", "Invalid request parameters: image tag digest did not match image digest");
          continue;
        }
        target = ref->second.digest;
      } else {
        if (!repo->images.count(*digest)) {
          if (ctx.faults.Has(Fault::kBatchDeleteFailsWholeCall)) return ImageNotFound(ctx, name, digest, tag);
          fail("ImageNotFound", "Requested image not found");
          continue;
        }
        target = *digest;
      }
      Image& image = repo->images.at(target);
      bool removes_image = !tag || image.tags.size() <= 1;
      // An image a list or index still references cannot go: delete the list first (E:
      // zeek/zeek#3015, aws/containers-roadmap#1567). Removing one of several tags is fine.
      if (removes_image && repo->list_references.count(target)) {
        std::vector<std::string> parents;
        for (const auto& [d, other] : repo->images) {
          if (std::find(other.children.begin(), other.children.end(), target) != other.children.end()) {
            parents.push_back(d);
          }
        }
        fail("ImageReferencedByManifestList", "Requested image referenced by manifest list: " + JoinDigests(parents));
        continue;
      }
      if (tag) {
        deleted.push_back({{"imageDigest", target}, {"imageTag", *tag}});
        s.RemoveImageTag(*repo, *tag);
        // Deleting the last tag deletes the image (MN doc, UG public-image-delete).
        if (removes_image) s.RemoveImage(*repo, target);
      } else {
        // One entry per tag, each with both members; an untagged image gives its digest alone
        // (CLI batch-delete-image examples).
        if (image.tags.empty()) deleted.push_back({{"imageDigest", target}});
        for (const auto& t : image.tags) deleted.push_back({{"imageDigest", target}, {"imageTag", t}});
        s.RemoveImage(*repo, target);
      }
    }
    json out = json::object();
    // The model's ImageIdentifierList has at least one entry, so when nothing was deleted the
    // member is omitted rather than sent empty (unset members are omitted, fact sheet §2.1).
    if (!deleted.empty()) out["imageIds"] = std::move(deleted);
    out["failures"] = std::move(failures);
    return out;
  });
}

}  // namespace ecrc::server::handlers
