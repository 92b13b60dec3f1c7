// The push lifecycle end to end, checking every answer along the way: the path `docker push`
// and `aws ecr-public` take, so a server that fails here fails real clients.
#include <re2/re2.h>

#include "harness/checks/scenarios/steps.h"
#include "harness/codec/value.h"
#include "specs/media_types.h"

namespace ecrc::check {
namespace {

using namespace steps;  // NOLINT: the family files are built from these steps

// Uploads `bytes` in one part, checking each answer's fields rather than only its success (the
// shared PushBlob leaves that to this scenario).
Blob UploadChecked(ScenarioContext& ctx, const std::string& repo, const std::string& bytes, const std::string& media_type,
                   const std::string& what) {
  Blob blob{Digest(bytes), static_cast<int64_t>(bytes.size()), media_type};
  const Call& init = ctx.Send("InitiateLayerUpload", {{"repositoryName", repo}});
  ctx.Require(init, Expectation::Success(), "InitiateLayerUpload starts an upload for the " + what);
  std::string upload_id = Str(At(init.decoded.output, "uploadId"));
  // §4.15 (M/D): the upload id is a UUID, the part size is announced.
  static const RE2 kUuid("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  ctx.RequireTrue(RE2::FullMatch(upload_id, kUuid), "InitiateLayerUpload returns a UUID uploadId", "8-4-4-4-12 hex",
                  Dump(At(init.decoded.output, "uploadId")));
  ctx.Check(Int(At(init.decoded.output, "partSize")).has_value(), "InitiateLayerUpload returns partSize", "a number",
            Dump(At(init.decoded.output, "partSize")));

  const Call& part = ctx.Send("UploadLayerPart", {{"repositoryName", repo},
                                                  {"uploadId", upload_id},
                                                  {"partFirstByte", 0},
                                                  {"partLastByte", blob.size - 1},
                                                  {"layerPartBlob", codec::BlobValue(bytes)}});
  ctx.Require(part, Expectation::Success(), "UploadLayerPart accepts the " + what + " as one part");
  // §4.23 (D: CLIp upload-layer-part): lastByteReceived is the part's inclusive last byte.
  ctx.Check(Int(At(part.decoded.output, "lastByteReceived")) == blob.size - 1, "UploadLayerPart returns lastByteReceived = partLastByte",
            std::to_string(blob.size - 1), Dump(At(part.decoded.output, "lastByteReceived")));
  ctx.Check(Str(At(part.decoded.output, "uploadId")) == upload_id, "UploadLayerPart echoes the uploadId", upload_id,
            Dump(At(part.decoded.output, "uploadId")));

  const Call& done = ctx.Send("CompleteLayerUpload", {{"repositoryName", repo}, {"uploadId", upload_id}, {"layerDigests", {blob.digest}}});
  ctx.Require(done, Expectation::Success(), "CompleteLayerUpload accepts the " + what);
  // §4.3 (D): layerDigest is the service-computed sha256 of the concatenated parts.
  ctx.Check(Str(At(done.decoded.output, "layerDigest")) == blob.digest, "CompleteLayerUpload returns the sha256 of the uploaded bytes",
            blob.digest, Dump(At(done.decoded.output, "layerDigest")));
  return blob;
}

void PushLifecycle(ScenarioContext& ctx) {
  std::string repo = ctx.CreateRepository();
  std::string layer_bytes = LayerBytes("lifecycle");
  std::string layer_digest = Digest(layer_bytes);

  // §4.1 (E): a blob that is not there is UNAVAILABLE in `layers`, or (emulators) a failure.
  // Either is accepted; what no reading allows is calling it AVAILABLE.
  const Call& before = ctx.Send("BatchCheckLayerAvailability", {{"repositoryName", repo}, {"layerDigests", {layer_digest}}});
  ctx.Require(before, Expectation::Success(), "BatchCheckLayerAvailability answers for a layer not yet uploaded");
  for (const auto& l : At(before.decoded.output, "layers")) {
    if (Str(At(l, "layerDigest")) == layer_digest) {
      ctx.Check(Str(At(l, "layerAvailability")) != "AVAILABLE", "a layer not yet uploaded is not AVAILABLE",
                "UNAVAILABLE or a failure entry", Dump(l));
    }
  }

  Blob layer = UploadChecked(ctx, repo, layer_bytes, spec::kDockerLayerMediaType, "layer");
  Blob config = UploadChecked(ctx, repo, ConfigBytes("lifecycle", layer.digest), spec::kDockerConfigMediaType, "config blob");

  // §4.1 (D: CLIp batch-check-layer-availability): both blobs, config included, are AVAILABLE
  // with their size.
  const Call& after = ctx.Send("BatchCheckLayerAvailability", {{"repositoryName", repo}, {"layerDigests", {config.digest, layer.digest}}});
  ctx.Require(after, Expectation::Success(), "BatchCheckLayerAvailability answers for uploaded blobs");
  for (const Blob* b : {&config, &layer}) {
    json found;
    for (const auto& l : At(after.decoded.output, "layers")) {
      if (Str(At(l, "layerDigest")) == b->digest) found = l;
    }
    ctx.Check(Str(At(found, "layerAvailability")) == "AVAILABLE", "an uploaded blob is AVAILABLE (" + b->digest + ")",
              "layers[] entry with layerAvailability AVAILABLE", Dump(found));
    ctx.Check(Int(At(found, "layerSize")) == b->size, "an uploaded blob reports its layerSize (" + b->digest + ")",
              std::to_string(b->size), Dump(At(found, "layerSize")));
  }

  // §5.2 (D/E): the digest is the sha256 of the exact bytes, which are echoed unchanged.
  std::string manifest = DockerManifest(config, {layer});
  std::string digest = Digest(manifest);
  const Call& put = ctx.Send("PutImage", {{"repositoryName", repo},
                                          {"imageManifest", manifest},
                                          {"imageManifestMediaType", spec::kDockerSchema2MediaType},
                                          {"imageTag", "v1"}});
  ctx.Require(put, Expectation::Success(), "PutImage accepts a schema 2 manifest whose blobs were uploaded");
  const json& image = At(put.decoded.output, "image");
  ctx.Check(Str(At(At(image, "imageId"), "imageDigest")) == digest, "PutImage returns the sha256 of the manifest bytes", digest,
            Dump(At(At(image, "imageId"), "imageDigest")));
  ctx.Check(Str(At(At(image, "imageId"), "imageTag")) == "v1", "PutImage returns the tag", "v1", Dump(At(At(image, "imageId"), "imageTag")));
  ctx.Check(Str(At(image, "imageManifest")) == manifest, "PutImage echoes the manifest byte for byte", manifest,
            Dump(At(image, "imageManifest")));
  ctx.Check(Str(At(image, "repositoryName")) == repo, "PutImage names the repository", repo, Dump(At(image, "repositoryName")));

  // §4.8 (D): the image is listed with its digest, tag, a size and its media type.
  json details = DescribeAllImages(ctx, repo);
  ctx.Check(details.size() == 1, "DescribeImages lists exactly the pushed image", "1 image", std::to_string(details.size()));
  const json& detail = FindImage(details, digest);
  ctx.Check(!detail.is_null(), "DescribeImages lists the pushed digest", digest, Dump(details));
  if (!detail.is_null()) {
    ctx.Check(TagsOf(detail) == std::set<std::string>{"v1"}, "DescribeImages shows the image's tag", "{v1}", Describe(TagsOf(detail)));
    // Compressed size; whether the config counts is U, so only a lower bound is asserted.
    auto size = Int(At(detail, "imageSizeInBytes"));
    ctx.Check(size && *size >= layer.size, "DescribeImages reports imageSizeInBytes (at least the layer's size)",
              ">= " + std::to_string(layer.size), Dump(At(detail, "imageSizeInBytes")));
    ctx.Check(Str(At(detail, "imageManifestMediaType")) == spec::kDockerSchema2MediaType, "DescribeImages reports imageManifestMediaType",
              spec::kDockerSchema2MediaType, Dump(At(detail, "imageManifestMediaType")));
  }

  // §4.7 (D): one entry per tag, pointing at the image.
  const Call& tags = ctx.Send("DescribeImageTags", {{"repositoryName", repo}});
  ctx.Require(tags, Expectation::Success(), "DescribeImageTags lists the repository's tags");
  const json& tag_details = At(tags.decoded.output, "imageTagDetails");
  ctx.Check(tag_details.is_array() && tag_details.size() == 1, "DescribeImageTags has one entry for the one tag", "1 entry",
            Dump(tag_details));
  if (tag_details.is_array() && !tag_details.empty()) {
    const json& t = tag_details[0];
    ctx.Check(Str(At(t, "imageTag")) == "v1", "DescribeImageTags names the tag", "v1", Dump(At(t, "imageTag")));
    ctx.Check(Str(At(At(t, "imageDetail"), "imageDigest")) == digest, "DescribeImageTags points the tag at the image", digest,
              Dump(At(At(t, "imageDetail"), "imageDigest")));
  }

  // §4.2 (D): deleting the last tag deletes the image; the deleted id carries the digest.
  const Call& del = ctx.Send("BatchDeleteImage", {{"repositoryName", repo}, {"imageIds", {{{"imageTag", "v1"}}}}});
  ctx.Require(del, Expectation::Success(), "BatchDeleteImage deletes the image by tag");
  const json& deleted = At(del.decoded.output, "imageIds");
  ctx.Check(deleted.is_array() && deleted.size() == 1 && Str(At(deleted[0], "imageDigest")) == digest,
            "BatchDeleteImage returns the deleted image id with its digest", "[{imageDigest: " + digest + ", imageTag: v1}]",
            Dump(deleted));
  const json& failures = At(del.decoded.output, "failures");
  ctx.Check(!failures.is_array() || failures.empty(), "BatchDeleteImage reports no failures", "[] or absent", Dump(failures));
  json left = DescribeAllImages(ctx, repo);
  ctx.Check(left.empty(), "deleting the only tag deletes the image", "no images", Dump(left));

  // §4.5 (D): an empty repository deletes without force and answers with its attributes.
  const Call& gone = ctx.Send("DeleteRepository", {{"repositoryName", repo}});
  ctx.Require(gone, Expectation::Success(), "DeleteRepository deletes the empty repository");
  ctx.Check(Str(At(At(gone.decoded.output, "repository"), "repositoryName")) == repo, "DeleteRepository returns the deleted repository",
            repo, Dump(At(gone.decoded.output, "repository")));
  // §4.10 (E/M): the model has no per-name failures, so a missing name fails the whole call with
  // the one not-found error it declares; a server that still lists the name serves stale state.
  ctx.Expect(ctx.Send("DescribeRepositories", {{"repositoryNames", {repo}}}), Expectation::ErrorCode({"RepositoryNotFoundException"}),
             "DescribeRepositories no longer finds the deleted repository");
  // Nor does a listing (pages of 1000, a bounded number of them: the endpoint may hold others).
  json input = {{"maxResults", 1000}};
  for (int page = 0; page < 20; ++page) {
    const Call& list = ctx.Send("DescribeRepositories", input);
    ctx.Require(list, Expectation::Success(), "DescribeRepositories lists the registry");
    for (const auto& r : At(list.decoded.output, "repositories")) {
      ctx.Check(Str(At(r, "repositoryName")) != repo, "a listing after DeleteRepository does not show the deleted repository",
                "no " + repo, Dump(r));
    }
    std::string token = Str(At(list.decoded.output, "nextToken"));
    if (token.empty()) break;
    input["nextToken"] = token;
  }
}
const Scenario kPushLifecycle = {"push_lifecycle", "lifecycle",
    "create, check layers, upload config and layer, PutImage, describe images and tags, delete by tag, delete the repository",
    results::Severity::kError,
    {"CreateRepository", "BatchCheckLayerAvailability", "InitiateLayerUpload", "UploadLayerPart", "CompleteLayerUpload", "PutImage",
     "DescribeImages", "DescribeImageTags", "BatchDeleteImage", "DeleteRepository", "DescribeRepositories"},
    FactSheet("§5.1, §5.2, §4.1–§4.8 (D: MN op docs; CLIp batch-check-layer-availability, upload-layer-part, "
              "complete-layer-upload, put-image; CLI describe-images, describe-image-tags, batch-delete-image)"),
    PushLifecycle};

}  // namespace

void AddLifecycleScenarios(std::vector<Scenario>* out) {
  out->insert(out->end(), {kPushLifecycle});
}

}  // namespace ecrc::check
