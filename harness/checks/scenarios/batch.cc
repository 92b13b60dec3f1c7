// The two batch operations (fact sheet §4.1, §4.2, §5.3): per-item failures inside an HTTP 200,
// what deleting by tag and by digest removes, and what layer availability reports.
#include <algorithm>

#include "harness/checks/scenarios/steps.h"
#include "specs/media_types.h"

namespace ecrc::check {
namespace {

using namespace steps;  // NOLINT: the family files are built from these steps
using results::Severity;

// The failures[] entry whose imageId matches `id` (by the members `id` has), or null.
const json& FailureFor(const json& failures, const json& id) {
  static const json kNull;
  if (!failures.is_array()) return kNull;
  for (const auto& f : failures) {
    const json& got = At(f, "imageId");
    bool match = true;
    for (const auto& [k, v] : id.items()) match = match && At(got, k) == v;
    if (id.empty()) match = !At(got, "imageDigest").is_string() && !At(got, "imageTag").is_string();
    if (match) return f;
  }
  return kNull;
}

void BatchDeleteFailureCodes(ScenarioContext& ctx) {
  // §4.2, §5.3: per-item problems come back in failures with HTTP 200 (D: CLI; E: MOTO), coded
  // from the model's enum (M): ImageNotFound for an absent id, MissingDigestAndTag for {}.
  std::string repo = ctx.CreateRepository();
  std::string absent = AbsentDigest(repo);
  json ids = json::array({{{"imageDigest", absent}}, {{"imageTag", "no-such-tag"}}, json::object()});
  const Call& call = ctx.Send("BatchDeleteImage", {{"repositoryName", repo}, {"imageIds", ids}});
  ctx.Require(call, Expectation::Success(), "BatchDeleteImage answers HTTP 200 even when every item fails");
  const json& failures = At(call.decoded.output, "failures");
  ctx.Check(failures.is_array() && failures.size() == 3, "one failure per requested id", "3 failures", Dump(failures));
  const json& deleted = At(call.decoded.output, "imageIds");
  ctx.Check(!deleted.is_array() || deleted.empty(), "nothing is reported deleted", "imageIds [] or absent", Dump(deleted));
  struct Want {
    json id;
    const char* code;
  } wants[] = {{ids[0], "ImageNotFound"}, {ids[1], "ImageNotFound"}, {ids[2], "MissingDigestAndTag"}};
  for (const auto& w : wants) {
    const json& f = FailureFor(failures, w.id);
    ctx.Check(Str(At(f, "failureCode")) == w.code, std::string("failureCode for imageId ") + Dump(w.id), w.code, Dump(f));
  }
}
const Scenario kBatchDeleteFailureCodes = {"batch_delete_failure_codes", "batch",
    "BatchDeleteImage reports ImageNotFound and MissingDigestAndTag per item inside an HTTP 200", Severity::kError,
    {"CreateRepository", "BatchDeleteImage"}, FactSheet("§4.2, §5.3 (D: CLI batch-delete-image; M: ImageFailureCode; E: MOTO reasons)"),
    BatchDeleteFailureCodes};

void BatchDeleteLastTagDeletesImage(ScenarioContext& ctx) {
  // §4.2 (D: MN doc, UG public-image-delete): removing one of two tags keeps the image;
  // removing the last deletes it.
  std::string repo = ctx.CreateRepository();
  Pushed p = PushImage(ctx, repo, "one", "last-tag");
  PutManifest(ctx, repo, p.manifest, "two", spec::kDockerSchema2MediaType);

  ctx.Require(ctx.Send("BatchDeleteImage", {{"repositoryName", repo}, {"imageIds", {{{"imageTag", "one"}}}}}), Expectation::Success(),
              "BatchDeleteImage removes the first tag");
  json details = DescribeAllImages(ctx, repo);
  const json& image = FindImage(details, p.digest);
  ctx.Check(!image.is_null(), "the image survives while it still has a tag", p.digest, Dump(details));
  ctx.Check(TagsOf(image) == std::set<std::string>{"two"}, "only the deleted tag is gone", "{two}", Describe(TagsOf(image)));

  ctx.Require(ctx.Send("BatchDeleteImage", {{"repositoryName", repo}, {"imageIds", {{{"imageTag", "two"}}}}}), Expectation::Success(),
              "BatchDeleteImage removes the last tag");
  details = DescribeAllImages(ctx, repo);
  ctx.Check(FindImage(details, p.digest).is_null(), "deleting the last tag deletes the image", "image gone", Dump(details));
}
const Scenario kBatchDeleteLastTagDeletesImage = {"batch_delete_last_tag_deletes_image", "batch",
    "deleting one of two tags keeps the image; deleting the last deletes it", Severity::kError,
    {"PutImage", "BatchDeleteImage", "DescribeImages"}, FactSheet("§4.2 (D: MN BatchDeleteImage doc; UG public-image-delete)"),
    BatchDeleteLastTagDeletesImage};

void BatchDeleteByDigestRemovesTags(ScenarioContext& ctx) {
  // §4.2 (D: CLI batch-delete-image examples): deleting by digest deletes the image with all its
  // tags, and the answer names the tags even though only the digest was given.
  std::string repo = ctx.CreateRepository();
  Pushed p = PushImage(ctx, repo, "one", "by-digest");
  PutManifest(ctx, repo, p.manifest, "two", spec::kDockerSchema2MediaType);

  const Call& del = ctx.Send("BatchDeleteImage", {{"repositoryName", repo}, {"imageIds", {{{"imageDigest", p.digest}}}}});
  ctx.Require(del, Expectation::Success(), "BatchDeleteImage deletes the image by digest");
  const json& deleted = At(del.decoded.output, "imageIds");
  ctx.Check(deleted.is_array() && !deleted.empty(), "the deleted image is reported", "imageIds with the digest", Dump(deleted));
  std::set<std::string> tags;
  for (const auto& id : deleted) {
    ctx.Check(Str(At(id, "imageDigest")) == p.digest, "each deleted id carries the digest", p.digest, Dump(id));
    tags.insert(Str(At(id, "imageTag")));
  }
  tags.erase("");
  const std::set<std::string> kImageTags = {"one", "two"};
  bool only_its_tags = std::includes(kImageTags.begin(), kImageTags.end(), tags.begin(), tags.end());
  ctx.Check(!tags.empty() && only_its_tags, "the deleted ids carry the image's tags", "imageTag among {one, two}", Dump(deleted));

  json details = DescribeAllImages(ctx, repo);
  ctx.Check(details.empty(), "the image is gone", "no images", Dump(details));
  const Call& tag_list = ctx.Send("DescribeImageTags", {{"repositoryName", repo}});
  ctx.Require(tag_list, Expectation::Success(), "DescribeImageTags answers");
  const json& tag_details = At(tag_list.decoded.output, "imageTagDetails");
  ctx.Check(!tag_details.is_array() || tag_details.empty(), "no tag survives the image", "no tags", Dump(tag_details));
}
const Scenario kBatchDeleteByDigestRemovesTags = {"batch_delete_by_digest_removes_tags", "batch",
    "deleting by digest deletes the image and every tag, and names them", Severity::kError,
    {"PutImage", "BatchDeleteImage", "DescribeImages", "DescribeImageTags"}, FactSheet("§4.2 (D: CLI batch-delete-image examples 1-3)"),
    BatchDeleteByDigestRemovesTags};

// BatchCheckLayerAvailability over an uploaded blob, a well-formed absent digest and (when
// `malformed`) an ill-formed and an empty digest.
json CheckLayers(ScenarioContext& ctx, bool malformed, Blob* blob, std::string* absent) {
  std::string repo = ctx.CreateRepository();
  *blob = PushBlob(ctx, repo, LayerBytes("availability"), spec::kDockerLayerMediaType);
  *absent = AbsentDigest(repo);
  json digests = {blob->digest, *absent};
  if (malformed) {
    digests.push_back("not-a-digest");
    digests.push_back("");
  }
  const Call& call = ctx.Send("BatchCheckLayerAvailability", {{"repositoryName", repo}, {"layerDigests", digests}});
  ctx.Require(call, Expectation::Success(), "BatchCheckLayerAvailability answers HTTP 200 for a mix of digests");
  return call.decoded.output;
}

const json& LayerEntry(const json& output, const std::string& digest) {
  static const json kNull;
  for (const auto& l : At(output, "layers")) {
    if (Str(At(l, "layerDigest")) == digest) return l;
  }
  return kNull;
}

const json& FailureEntry(const json& output, const std::string& digest) {
  static const json kNull;
  for (const auto& f : At(output, "failures")) {
    if (Str(At(f, "layerDigest")) == digest) return f;
  }
  return kNull;
}

void BatchCheckLayerAvailability(ScenarioContext& ctx) {
  // §4.1 (D: CLIp example): an uploaded blob is AVAILABLE with its size. An absent one must not
  // be reported AVAILABLE; whether it is UNAVAILABLE or a MissingLayerDigest failure is E (the
  // next scenario prefers the first).
  Blob blob;
  std::string absent;
  json out = CheckLayers(ctx, false, &blob, &absent);
  const json& have = LayerEntry(out, blob.digest);
  ctx.Check(Str(At(have, "layerAvailability")) == "AVAILABLE", "an uploaded blob is AVAILABLE", "AVAILABLE", Dump(have));
  ctx.Check(Int(At(have, "layerSize")) == blob.size, "an uploaded blob reports its layerSize", std::to_string(blob.size),
            Dump(At(have, "layerSize")));
  // Either reading (§4.1, E), and nothing else: an UNAVAILABLE layer or a MissingLayerDigest
  // failure, exactly one of the two.
  bool unavailable = Str(At(LayerEntry(out, absent), "layerAvailability")) == "UNAVAILABLE";
  bool missing_failure = Str(At(FailureEntry(out, absent), "failureCode")) == "MissingLayerDigest";
  ctx.Check(unavailable != missing_failure, "an absent blob is UNAVAILABLE in layers or a MissingLayerDigest failure, not AVAILABLE",
            "UNAVAILABLE or a MissingLayerDigest failure", Dump(out));
}
const Scenario kBatchCheckLayerAvailability = {"batch_check_layer_availability", "batch",
    "an uploaded blob is AVAILABLE with its size; an absent one is UNAVAILABLE or a MissingLayerDigest failure", Severity::kError,
    {"CompleteLayerUpload", "BatchCheckLayerAvailability"}, FactSheet("§4.1 (D: CLIp batch-check-layer-availability)"),
    BatchCheckLayerAvailability};

void BatchCheckLayerAvailabilityFailures(ScenarioContext& ctx) {
  // §4.1 (E: CTRD pusher.go models an absent blob as UNAVAILABLE; emulators disagree) and the
  // failure-code mapping (M enum, E mapping): each digest is answered exactly once.
  Blob blob;
  std::string absent;
  json out = CheckLayers(ctx, true, &blob, &absent);
  ctx.Check(Str(At(LayerEntry(out, absent), "layerAvailability")) == "UNAVAILABLE", "an absent well-formed digest is UNAVAILABLE in layers",
            "layers[] entry UNAVAILABLE", Dump(out));
  ctx.Check(Str(At(FailureEntry(out, "not-a-digest"), "failureCode")) == "InvalidLayerDigest",
            "an ill-formed digest is an InvalidLayerDigest failure", "InvalidLayerDigest", Dump(At(out, "failures")));
  ctx.Check(Str(At(FailureEntry(out, ""), "failureCode")) == "MissingLayerDigest", "an empty digest is a MissingLayerDigest failure",
            "MissingLayerDigest", Dump(At(out, "failures")));
  size_t answered = At(out, "layers").size() + At(out, "failures").size();
  ctx.Check(answered == 4, "each requested digest is answered exactly once", "4 entries in layers + failures", std::to_string(answered));
}
const Scenario kBatchCheckLayerAvailabilityFailures = {"batch_check_layer_availability_failures", "batch",
    "absent digests are UNAVAILABLE, ill-formed and empty ones are failures, each digest answered once", Severity::kWarning,
    {"CompleteLayerUpload", "BatchCheckLayerAvailability"}, FactSheet("§4.1 (E: CTRD pusher.go, pusher_test.go; M: LayerFailureCode)"),
    BatchCheckLayerAvailabilityFailures};

}  // namespace

void AddBatchScenarios(std::vector<Scenario>* out) {
  out->insert(out->end(), {kBatchDeleteFailureCodes, kBatchDeleteLastTagDeletesImage, kBatchDeleteByDigestRemovesTags,
                           kBatchCheckLayerAvailability, kBatchCheckLayerAvailabilityFailures});
}

}  // namespace ecrc::check
