// BatchCheckLayerAvailability, InitiateLayerUpload, UploadLayerPart, CompleteLayerUpload.
//
// Locking: the store lock is never held while an upload's own mutex is, so hashing a large part
// blocks nobody but that upload.
#include <algorithm>

#include "base/sha256.h"
#include "reference/handlers/common.h"
#include "reference/handlers/handlers.h"
#include "reference/upload_session.h"

namespace ecrc::server::handlers {
namespace {

// The upload's own repository, or UploadNotFoundException: unknown ids, finished uploads and ids
// of another repository are all "not found" (model doc: "isn't valid for this repository").
std::variant<std::shared_ptr<Upload>, ApiError> FindUploadFor(HandlerContext& ctx, const std::string& name,
                                                              const std::string& upload_id) {
  return ctx.store.Write([&](StoreState& s) -> std::variant<std::shared_ptr<Upload>, ApiError> {
    const Repository* repo = s.FindRepository(name);
    if (!repo) return RepositoryNotFound(ctx, name);
    std::shared_ptr<Upload> upload = s.FindUpload(upload_id);
    if (upload && upload->repository_id != repo->id && !ctx.faults.Has(Fault::kUploadNotBoundToRepository)) {
      upload = nullptr;
    }
    if (!upload) {
      return ApiError{"UploadNotFoundException", "The upload with id '" + upload_id +
                                                     "' does not exist or is not valid for the repository with name '" +
                                                     name + "' in the registry with id '" + ctx.identity.account_id +
                                                     "'"};
    }
    return upload;
  });
}

// Completing an upload a second time: the upload is consumed, so UploadNotFoundException; or, as
// the other reading has it, the layer it produced is now in the repository, so
// LayerAlreadyExistsException (fact sheet §2.6, U). Only the latter needs the completed ids.
std::optional<ApiError> RepeatedCompletion(HandlerContext& ctx, const std::string& name, const std::string& upload_id) {
  if (!ctx.choices.Is(Choice::kRepeatedCompletion, "layer_already_exists")) return std::nullopt;
  return ctx.store.Read([&](const StoreState& s) -> std::optional<ApiError> {
    const Repository* repo = s.FindRepository(name);
    if (!repo) return std::nullopt;
    auto it = repo->completed_uploads.find(upload_id);
    if (it == repo->completed_uploads.end() || !repo->layers.count(it->second)) return std::nullopt;
    return ApiError{"LayerAlreadyExistsException", "The layer with digest '" + it->second +
                                                       "' already exists in the repository with name '" + name + "'"};
  });
}

ApiError FromUploadError(const HandlerContext& ctx, const UploadError& e, const std::string& name,
                         const std::string& upload_id) {
  ApiError error{std::string(e.ExceptionName()), e.message};
  if (e.code == UploadErrorCode::kInvalidLayerPart) {
    // InvalidLayerPartException carries where to resume (model shape); before the first byte
    // there is no valid value (PartSize >= 0), so the member is omitted.
    error.extra = json::object();
    error.extra["registryId"] = ctx.identity.account_id;
    error.extra["repositoryName"] = name;
    error.extra["uploadId"] = upload_id;
    if (e.last_valid_byte_received) error.extra["lastValidByteReceived"] = *e.last_valid_byte_received;
  }
  return error;
}

}  // namespace

Outcome BatchCheckLayerAvailability(HandlerContext& ctx, const json& input) {
  std::string name = StringOr(input, "repositoryName");
  if (auto error = CheckRegistryId(ctx, input)) return *error;
  static const json kNone = json::array();
  const json* digests = GetArray(input, "layerDigests");
  if (!digests) digests = &kNone;
  return ctx.store.Read([&](const StoreState& s) -> Outcome {
    const Repository* repo = s.FindRepository(name);
    if (!repo) return RepositoryNotFound(ctx, name);
    json layers = json::array();
    json failures = json::array();
    for (const auto& d : *digests) {
      std::string digest = d.is_string() ? d.get<std::string>() : std::string();
      // Every requested digest lands in exactly one list. An absent but well-formed digest is
      // UNAVAILABLE, not a failure (fact sheet §4 item 1: the containerd resolver relies on it),
      // unless the absent_layer choice says otherwise.
      if (digest.empty()) {
        failures.push_back({{"layerDigest", digest}, {"failureCode", "MissingLayerDigest"},
                            {"failureReason", "The layer digest is missing"}});
      } else if (!IsLayerDigest(digest)) {
        failures.push_back({{"layerDigest", digest}, {"failureCode", "InvalidLayerDigest"},
                            {"failureReason", "Invalid layer digest: must match [a-zA-Z0-9-_+.]+:[a-fA-F0-9]+"}});
      } else if (auto it = repo->layers.find(digest); it != repo->layers.end()) {
        json layer = {{"layerDigest", digest}, {"layerAvailability", "AVAILABLE"}, {"layerSize", it->second.size}};
        if (!it->second.media_type.empty()) layer["mediaType"] = it->second.media_type;
        layers.push_back(std::move(layer));
      } else if (ctx.faults.Has(Fault::kFailureCodeOutsideEnum)) {
        failures.push_back({{"layerDigest", digest}, {"failureCode", "LayerNotFound"}, {"failureReason", "The layer does not exist"}});
      } else if (ctx.choices.Is(Choice::kAbsentLayer, "missing_layer_digest") || ctx.faults.Has(Fault::kAbsentLayerWrongFailure)) {
        // The other reading (emulators such as fakecloud): an absent layer is a failure.
        bool wrong = ctx.faults.Has(Fault::kAbsentLayerWrongFailure);
        failures.push_back({{"layerDigest", digest}, {"failureCode", wrong ? "InvalidLayerDigest" : "MissingLayerDigest"},
                            {"failureReason", "The layer with this digest does not exist in the repository"}});
      } else {
        layers.push_back({{"layerDigest", digest}, {"layerAvailability", "UNAVAILABLE"}});
      }
    }
    json out = json::object();
    out["layers"] = std::move(layers);
    out["failures"] = std::move(failures);
    return out;
  });
}

Outcome InitiateLayerUpload(HandlerContext& ctx, const json& input) {
  std::string name = StringOr(input, "repositoryName");
  if (auto error = CheckRegistryId(ctx, input)) return *error;
  UploadLimits limits = ctx.store.quotas().upload;
  if (ctx.faults.Has(Fault::kPartTooSmallAccepted)) limits.min_part_size = 0;
  std::string upload_id = ctx.new_upload_id();
  return ctx.store.Write([&](StoreState& s) -> Outcome {
    const Repository* repo = s.FindRepository(name);
    if (!repo) return RepositoryNotFound(ctx, name);
    s.AddUpload(*repo, upload_id, limits);
    json out = json::object();
    out["uploadId"] = upload_id;
    // What clients should send per part: 10 MiB, the quota page's maximum part size and the
    // value private ECR reports (CLIp), kept within the configured limits.
    out["partSize"] = std::clamp<int64_t>(10 * kMiB, limits.min_part_size, limits.max_part_size);
    return out;
  });
}

Outcome UploadLayerPart(HandlerContext& ctx, const json& input) {
  std::string name = StringOr(input, "repositoryName");
  std::string upload_id = StringOr(input, "uploadId");
  if (auto error = CheckRegistryId(ctx, input)) return *error;
  auto found = FindUploadFor(ctx, name, upload_id);
  if (auto* error = std::get_if<ApiError>(&found)) return *error;
  Upload& upload = *std::get<std::shared_ptr<Upload>>(found);
  int64_t first = GetInt(input, "partFirstByte").value_or(-1);
  int64_t last = GetInt(input, "partLastByte").value_or(-1);
  std::string_view bytes = GetBlobView(input, "layerPartBlob");
  std::optional<UploadError> failed;
  {
    std::lock_guard lock(upload.mu);
    int64_t from = first;
    int64_t to = last;
    if (ctx.faults.Has(Fault::kAcceptPartGaps) && first >= 0 && last >= first && first != upload.session.bytes_received()) {
      // Take the part as if it continued the upload.
      from = upload.session.bytes_received();
      to = from + (last - first);
    }
    failed = upload.session.AppendPart(from, to, bytes);
  }
  if (failed) return FromUploadError(ctx, *failed, name, upload_id);
  json out = json::object();
  out["registryId"] = ctx.identity.account_id;
  out["repositoryName"] = name;
  out["uploadId"] = upload_id;
  out["lastByteReceived"] = last;
  return out;
}

Outcome CompleteLayerUpload(HandlerContext& ctx, const json& input) {
  std::string name = StringOr(input, "repositoryName");
  std::string upload_id = StringOr(input, "uploadId");
  if (auto error = CheckRegistryId(ctx, input)) return *error;
  std::vector<std::string> digests;
  if (const json* list = GetArray(input, "layerDigests")) {
    for (const auto& d : *list) {
      if (d.is_string()) digests.push_back(d.get<std::string>());
    }
  }
  auto found = FindUploadFor(ctx, name, upload_id);
  if (auto* error = std::get_if<ApiError>(&found)) {
    if (auto again = RepeatedCompletion(ctx, name, upload_id)) return *again;
    return *error;
  }
  std::shared_ptr<Upload> upload = std::get<std::shared_ptr<Upload>>(found);

  std::variant<CompletedLayer, UploadError> result;
  {
    std::lock_guard lock(upload->mu);
    result = upload->session.Complete(digests);
    if (auto* e = std::get_if<UploadError>(&result)) {
      if (e->code == UploadErrorCode::kEmptyUpload && ctx.faults.Has(Fault::kEmptyUploadAccepted)) {
        result = CompletedLayer{"sha256:" + Sha256Hex(""), 0};
      } else if (e->code == UploadErrorCode::kInvalidLayer && ctx.faults.Has(Fault::kNoDigestVerification)) {
        result = CompletedLayer{digests.empty() ? upload->session.CurrentDigest() : digests.front(),
                                upload->session.bytes_received()};
      }
    }
  }
  return ctx.store.Write([&](StoreState& s) -> Outcome {
    // The upload may have been completed by a concurrent call or dropped with its repository.
    if (s.FindUpload(upload_id) != upload) {
      return ApiError{"UploadNotFoundException", "The upload with id '" + upload_id + "' does not exist"};
    }
    if (auto* e = std::get_if<UploadError>(&result)) {
      // An upload without parts can still receive them; every other failure ends the upload
      // (its bytes can never form the layer the client announced). Whether a failed upload stays
      // usable is U.
      if (e->code != UploadErrorCode::kEmptyUpload) s.RemoveUpload(upload_id);
      return FromUploadError(ctx, *e, name, upload_id);
    }
    const CompletedLayer& done = std::get<CompletedLayer>(result);
    Repository* repo = s.FindRepository(name);
    if (!repo) return RepositoryNotFound(ctx, name);
    s.RemoveUpload(upload_id);
    // The digest check comes first (CTRD: "ECR has validated that the digest provided matches
    // ours"), then the repository's existing layers.
    if (repo->layers.count(done.digest) && !ctx.faults.Has(Fault::kLayerAlreadyExistsIgnored)) {
      return ApiError{"LayerAlreadyExistsException", "The layer with digest '" + done.digest +
                                                         "' already exists in the repository with name '" + name +
                                                         "' in the registry with id '" + ctx.identity.account_id +
                                                         "'"};
    }
    repo->layers[done.digest].size = done.size;
    repo->completed_uploads[upload_id] = done.digest;
    if (repo->completed_uploads.size() > s.quotas().max_uploads_in_progress) repo->completed_uploads.erase(repo->completed_uploads.begin());
    json out = json::object();
    out["registryId"] = ctx.identity.account_id;
    out["repositoryName"] = name;
    out["uploadId"] = upload_id;
    out["layerDigest"] = done.digest;
    return out;
  });
}

}  // namespace ecrc::server::handlers
