// PutImage rules (fact sheet §5.2): digests of the exact bytes, the errors for mismatched
// digests, missing blobs and missing child manifests, re-pushes, tags that move, and the
// manifest formats ECR Public accepts.
#include "harness/checks/scenarios/steps.h"
#include "specs/media_types.h"

namespace ecrc::check {
namespace {

using namespace steps;  // NOLINT: the family files are built from these steps
using results::Severity;

// The operations of a push, which every scenario here makes; PushAnd adds the ones it reads back with.
const std::vector<std::string> kPush = {"CreateRepository", "InitiateLayerUpload", "UploadLayerPart", "CompleteLayerUpload", "PutImage"};

std::vector<std::string> PushAnd(std::initializer_list<const char*> more) {
  std::vector<std::string> v = kPush;
  v.insert(v.end(), more.begin(), more.end());
  return v;
}

// A repository holding one layer and one config blob, ready for manifests to reference.
struct Ready {
  std::string repo;
  Blob layer;
  Blob config;
};

Ready Prepare(ScenarioContext& ctx, std::string_view seed, bool oci = false) {
  Ready r;
  r.repo = ctx.CreateRepository();
  r.layer = PushBlob(ctx, r.repo, LayerBytes(seed), oci ? spec::kOciLayerMediaType : spec::kDockerLayerMediaType);
  r.config = PushBlob(ctx, r.repo, ConfigBytes(seed, r.layer.digest), oci ? spec::kOciConfigMediaType : spec::kDockerConfigMediaType);
  return r;
}

json Put(const std::string& repo, const std::string& manifest, const std::string& tag, const std::string& media_type = "") {
  json input = {{"repositoryName", repo}, {"imageManifest", manifest}};
  if (!tag.empty()) input["imageTag"] = tag;
  if (!media_type.empty()) input["imageManifestMediaType"] = media_type;
  return input;
}

void PutImageDigestOfExactBytes(ScenarioContext& ctx) {
  // §5.2 (D/E): the same JSON document with different whitespace is a different manifest.
  Ready r = Prepare(ctx, "exact-bytes");
  std::string compact = DockerManifest(r.config, {r.layer});
  // Same members in the same order, only the whitespace differs.
  std::string pretty = nlohmann::ordered_json::parse(compact).dump(3) + "\n";
  std::string digests[2];
  const std::string* texts[2] = {&compact, &pretty};
  for (int i = 0; i < 2; ++i) {
    const Call& put = ctx.Send("PutImage", Put(r.repo, *texts[i], i == 0 ? "compact" : "pretty", spec::kDockerSchema2MediaType));
    ctx.Require(put, Expectation::Success(), "PutImage accepts the manifest");
    const json& image = At(put.decoded.output, "image");
    digests[i] = Str(At(At(image, "imageId"), "imageDigest"));
    ctx.Check(digests[i] == Digest(*texts[i]), "the image digest is the sha256 of the exact manifest bytes", Digest(*texts[i]),
              Dump(At(At(image, "imageId"), "imageDigest")));
    ctx.Check(Str(At(image, "imageManifest")) == *texts[i], "PutImage echoes the manifest byte for byte", *texts[i],
              Dump(At(image, "imageManifest")));
  }
  ctx.Check(digests[0] != digests[1], "manifests differing only in whitespace get different digests", "two digests",
            digests[0] + " and " + digests[1]);
  json details = DescribeAllImages(ctx, r.repo);
  ctx.Check(details.size() == 2, "both whitespace variants are stored as separate images", "2 images", std::to_string(details.size()));
}
const Scenario kPutImageDigestOfExactBytes = {"put_image_digest_of_exact_bytes", "images",
    "the digest is the sha256 of the exact manifest bytes, which are echoed unchanged (whitespace matters)", Severity::kError,
    PushAnd({"DescribeImages"}), FactSheet("§5.2 (D/E: CLIp put-image echoes the manifest's whitespace)"), PutImageDigestOfExactBytes};

void PutImageDigestMismatch(ScenarioContext& ctx) {
  // §5.2 (D: MN ImageDigestDoesNotMatchException).
  Ready r = Prepare(ctx, "digest-mismatch");
  std::string manifest = DockerManifest(r.config, {r.layer});
  json input = Put(r.repo, manifest, "mismatch", spec::kDockerSchema2MediaType);
  input["imageDigest"] = Digest(manifest + " ");
  ctx.Expect(ctx.Send("PutImage", input), Expectation::ErrorCode({"ImageDigestDoesNotMatchException"}),
             "PutImage with an imageDigest that is not the manifest's sha256 fails");
  // The matching digest is accepted: the parameter is a check, not an override.
  input["imageDigest"] = Digest(manifest);
  ctx.Expect(ctx.Send("PutImage", input), Expectation::Success(), "PutImage with the manifest's own digest succeeds");
}
const Scenario kPutImageDigestMismatch = {"put_image_digest_mismatch", "images",
    "an imageDigest that is not the manifest's sha256 is ImageDigestDoesNotMatchException", Severity::kError, kPush,
    FactSheet("§5.2 (D: MN ImageDigestDoesNotMatchException)"), PutImageDigestMismatch};

void PutImageLayersNotFound(ScenarioContext& ctx) {
  // §5.2 (D: MN LayersNotFoundException, "isn't valid for this repository"): a layer never
  // uploaded, then one uploaded only to another repository.
  Ready r = Prepare(ctx, "layers-not-found");
  Blob missing{AbsentDigest(r.repo), 1234, spec::kDockerLayerMediaType};
  ctx.Expect(ctx.Send("PutImage", Put(r.repo, DockerManifest(r.config, {missing}), "missing", spec::kDockerSchema2MediaType)),
             Expectation::ErrorCode({"LayersNotFoundException"}), "PutImage naming a layer nobody uploaded fails");
  std::string other = ctx.CreateRepository();
  Blob elsewhere = PushBlob(ctx, other, LayerBytes("only-in-the-other-repository"), spec::kDockerLayerMediaType);
  ctx.Expect(ctx.Send("PutImage", Put(r.repo, DockerManifest(r.config, {elsewhere}), "elsewhere", spec::kDockerSchema2MediaType)),
             Expectation::ErrorCode({"LayersNotFoundException"}), "PutImage naming a layer that is only in another repository fails");
}
const Scenario kPutImageLayersNotFound = {"put_image_layers_not_found", "images",
    "a manifest naming a layer that is not in this repository is LayersNotFoundException", Severity::kError, kPush,
    FactSheet("§5.2 (D: MN LayersNotFoundException)"), PutImageLayersNotFound};

void PutImageConfigNotFound(ScenarioContext& ctx) {
  // §5.2 (E for the config): by inference the config blob must be present like the layers.
  Ready r = Prepare(ctx, "config-not-found");
  Blob missing{AbsentDigest(r.repo), 321, spec::kDockerConfigMediaType};
  ctx.Expect(ctx.Send("PutImage", Put(r.repo, DockerManifest(missing, {r.layer}), "missing-config", spec::kDockerSchema2MediaType)),
             Expectation::ErrorCode({"LayersNotFoundException"}), "PutImage naming a config blob nobody uploaded fails");
}
const Scenario kPutImageConfigNotFound = {"put_image_config_not_found", "images",
    "a manifest naming a config blob that is not in the repository is LayersNotFoundException", Severity::kWarning, kPush,
    FactSheet("§5.2 (E: config blobs required by inference)"), PutImageConfigNotFound};

void PutImageReferencedImagesNotFound(ScenarioContext& ctx) {
  // §5.2 (D: MN ReferencedImagesNotFoundException), for a Docker manifest list and an OCI index.
  Ready r = Prepare(ctx, "referenced-not-found");
  std::string absent = AbsentDigest(r.repo);
  ctx.Expect(ctx.Send("PutImage", Put(r.repo, ManifestList({{absent, 500, spec::kDockerSchema2MediaType, "amd64"}}, false), "list", spec::kDockerManifestListMediaType)),
             Expectation::ErrorCode({"ReferencedImagesNotFoundException"}), "a manifest list naming a missing manifest fails");
  ctx.Expect(ctx.Send("PutImage", Put(r.repo, ManifestList({{absent, 500, spec::kOciManifestMediaType, "amd64"}}, true), "index", spec::kOciIndexMediaType)),
             Expectation::ErrorCode({"ReferencedImagesNotFoundException"}), "an OCI index naming a missing manifest fails");
}
const Scenario kPutImageReferencedImagesNotFound = {"put_image_referenced_images_not_found", "images",
    "a manifest list or OCI index naming a manifest that is not in the repository is ReferencedImagesNotFoundException", Severity::kError,
    kPush, FactSheet("§5.2 (D: MN ReferencedImagesNotFoundException)"), PutImageReferencedImagesNotFound};

void PutImageAlreadyExists(ScenarioContext& ctx) {
  // §5.2, §2.6 (D: MN ImageAlreadyExistsException).
  std::string repo = ctx.CreateRepository();
  Pushed p = PushImage(ctx, repo, "same", "already-exists");
  ctx.Expect(ctx.Send("PutImage", Put(repo, p.manifest, "same", spec::kDockerSchema2MediaType)), Expectation::ErrorCode({"ImageAlreadyExistsException"}),
             "re-pushing the same manifest and tag fails");
}
const Scenario kPutImageAlreadyExists = {"put_image_already_exists", "images",
    "the same manifest with the same tag again is ImageAlreadyExistsException", Severity::kError, kPush,
    FactSheet("§5.2, §2.6 (D: MN ImageAlreadyExistsException)"), PutImageAlreadyExists};

void PutImageNewTagSameManifest(ScenarioContext& ctx) {
  // §5.2 (D): the same manifest with a new tag succeeds and adds the tag.
  std::string repo = ctx.CreateRepository();
  Pushed p = PushImage(ctx, repo, "first", "new-tag");
  const Call& put = ctx.Send("PutImage", Put(repo, p.manifest, "second", spec::kDockerSchema2MediaType));
  ctx.Require(put, Expectation::Success(), "PutImage of a pushed manifest under a new tag succeeds");
  ctx.Check(Str(At(At(At(put.decoded.output, "image"), "imageId"), "imageDigest")) == p.digest, "the re-pushed manifest keeps its digest",
            p.digest, Dump(At(At(put.decoded.output, "image"), "imageId")));
  json details = DescribeAllImages(ctx, repo);
  ctx.Check(details.size() == 1, "one image, not two", "1 image", std::to_string(details.size()));
  std::set<std::string> want = {"first", "second"};
  ctx.Check(TagsOf(FindImage(details, p.digest)) == want, "the image carries both tags", Describe(want),
            Describe(TagsOf(FindImage(details, p.digest))));
}
const Scenario kPutImageNewTagSameManifest = {"put_image_new_tag_same_manifest", "images",
    "the same manifest with a new tag succeeds and adds the tag", Severity::kError, PushAnd({"DescribeImages"}),
    FactSheet("§5.2 (D: MN ImageAlreadyExistsException doc)"), PutImageNewTagSameManifest};

// Two images; the tag "moving" first on the old one, then put on the new one.
struct Moved {
  std::string repo;
  Pushed old_image;
  Pushed new_image;
};

Moved MoveTag(ScenarioContext& ctx) {
  Moved m;
  m.repo = ctx.CreateRepository();
  m.old_image = PushImage(ctx, m.repo, "moving", "tag-move-old");
  // The new image reuses the layer; only its config (and so its manifest) differs. Its PutImage
  // is what the tag-move scenarios test, so it is required of the endpoint, not set-up.
  Pushed& next = m.new_image;
  next.layer = m.old_image.layer;
  next.config = PushBlob(ctx, m.repo, ConfigBytes("tag-move-new", next.layer.digest), spec::kDockerConfigMediaType);
  next.manifest = DockerManifest(next.config, {next.layer});
  const Call& put = ctx.Send("PutImage", Put(m.repo, next.manifest, "moving", spec::kDockerSchema2MediaType));
  ctx.Require(put, Expectation::Success(), "PutImage moves an existing tag to a different manifest");
  next.digest = Str(At(At(At(put.decoded.output, "image"), "imageId"), "imageDigest"));
  if (next.digest.empty()) next.digest = Digest(next.manifest);
  return m;
}

void PutImageTagMove(ScenarioContext& ctx) {
  // §5.2 (E/M): a different manifest under an existing tag succeeds (ECR Public has no tag
  // immutability, M) and the tag then names the new image only. Pushing a new build under
  // `latest` is the most common thing clients do, so this is held strictly.
  Moved m = MoveTag(ctx);
  json details = DescribeAllImages(ctx, m.repo);
  ctx.Check(TagsOf(FindImage(details, m.new_image.digest)).count("moving") == 1, "the tag names the new image", "imageTags contains moving",
            Dump(FindImage(details, m.new_image.digest)));
  ctx.Check(TagsOf(FindImage(details, m.old_image.digest)).count("moving") == 0, "the old image no longer carries the tag",
            "imageTags without moving", Dump(FindImage(details, m.old_image.digest)));
}
const Scenario kPutImageTagMove = {"put_image_tag_move", "images", "a tag pushed with a different manifest moves to the new image",
    Severity::kError, PushAnd({"DescribeImages"}), FactSheet("§5.2 (E/M: ECR storage semantics; no tag immutability in MN)"),
    PutImageTagMove};

void PutImageTagMoveOldImageUntagged(ScenarioContext& ctx) {
  // §5.2 (E: ECR storage semantics, zeek#3015): the old image stays, untagged. §2.1 (E):
  // imageTags is omitted for untagged images, so absent and [] are both accepted.
  Moved m = MoveTag(ctx);
  const Call& call = ctx.Send("DescribeImages", {{"repositoryName", m.repo}, {"imageIds", {{{"imageDigest", m.old_image.digest}}}}});
  ctx.Expect(call, Expectation::Success(), "the image the tag moved away from is still in the repository");
  const json& details = At(call.decoded.output, "imageDetails");
  const json& old = FindImage(details, m.old_image.digest);
  ctx.Check(!old.is_null() && TagsOf(old).empty(), "the old image is listed without tags", "imageDetails entry with no imageTags",
            Dump(details));
}
const Scenario kPutImageTagMoveOldImageUntagged = {"put_image_tag_move_old_image_untagged", "images",
    "the image a tag moved away from stays in the repository, untagged", Severity::kWarning, PushAnd({"DescribeImages"}),
    FactSheet("§5.2 (E: ECR storage semantics; zeek/zeek#3015), §2.1 (E: MOTO)"), PutImageTagMoveOldImageUntagged};

void PutImageManifestListAndOciIndex(ScenarioContext& ctx) {
  // §5.2 (D for the formats; E for lists and indexes being accepted by PutImage): children
  // pushed (tagged, since an untagged push is U), then a Docker list and an OCI index over them.
  Ready docker = Prepare(ctx, "list-children");
  std::string repo = docker.repo;
  Blob oci_layer = PushBlob(ctx, repo, LayerBytes("index-children"), spec::kOciLayerMediaType);
  Blob oci_config = PushBlob(ctx, repo, ConfigBytes("index-children", oci_layer.digest), spec::kOciConfigMediaType);

  std::string docker_child = DockerManifest(docker.config, {docker.layer});
  std::string oci_child = OciManifest(oci_config, {oci_layer});
  PutManifest(ctx, repo, docker_child, "child-docker", spec::kDockerSchema2MediaType);
  PutManifest(ctx, repo, oci_child, "child-oci", spec::kOciManifestMediaType);

  struct Case {
    std::string manifest;
    std::string media_type;
    std::string tag;
  };
  Case cases[] = {
      {ManifestList({{Digest(docker_child), static_cast<int64_t>(docker_child.size()), spec::kDockerSchema2MediaType, "amd64"}}, false),
       spec::kDockerManifestListMediaType, "list"},
      {ManifestList({{Digest(oci_child), static_cast<int64_t>(oci_child.size()), spec::kOciManifestMediaType, "arm64"}}, true), spec::kOciIndexMediaType, "index"},
  };
  for (const auto& c : cases) {
    const Call& put = ctx.Send("PutImage", Put(repo, c.manifest, c.tag, c.media_type));
    ctx.Expect(put, Expectation::Success(), "PutImage accepts a " + c.media_type + " whose children are in the repository");
    if (!put.ok()) continue;
    ctx.Check(Str(At(At(At(put.decoded.output, "image"), "imageId"), "imageDigest")) == Digest(c.manifest),
              "the list's digest is the sha256 of its bytes", Digest(c.manifest), Dump(At(put.decoded.output, "image")));
  }
  json details = DescribeAllImages(ctx, repo);
  for (const auto& c : cases) {
    const json& d = FindImage(details, Digest(c.manifest));
    ctx.Check(Str(At(d, "imageManifestMediaType")) == c.media_type, "DescribeImages reports the list's media type", c.media_type,
              Dump(d));
  }
}
const Scenario kPutImageManifestListAndOciIndex = {"put_image_manifest_list_and_oci_index", "images",
    "a Docker manifest list and an OCI image index are accepted when their children exist", Severity::kWarning, PushAnd({"DescribeImages"}),
    FactSheet("§5.2 (D: UG image-manifest-formats, docker-push-multi-architecture-image; E: zeek/zeek#3015)"),
    PutImageManifestListAndOciIndex};

void PutImageOciManifest(ScenarioContext& ctx) {
  // §5.2 (D: UG image-manifest-formats): an OCI image manifest, media type taken from the
  // manifest's own mediaType field (no parameter given).
  Ready r = Prepare(ctx, "oci-manifest", true);
  std::string manifest = OciManifest(r.config, {r.layer});
  const Call& put = ctx.Send("PutImage", Put(r.repo, manifest, "oci"));
  ctx.Require(put, Expectation::Success(), "PutImage accepts an OCI image manifest");
  ctx.Check(Str(At(At(put.decoded.output, "image"), "imageManifestMediaType")) == spec::kOciManifestMediaType,
            "the media type is taken from the manifest when no parameter is given", spec::kOciManifestMediaType,
            Dump(At(At(put.decoded.output, "image"), "imageManifestMediaType")));
  json details = DescribeAllImages(ctx, r.repo);
  ctx.Check(Str(At(FindImage(details, Digest(manifest)), "imageManifestMediaType")) == spec::kOciManifestMediaType,
            "DescribeImages reports the OCI media type", spec::kOciManifestMediaType, Dump(details));
}
const Scenario kPutImageOciManifest = {"put_image_oci_manifest", "images",
    "an OCI image manifest is accepted, its media type taken from the manifest", Severity::kError, PushAnd({"DescribeImages"}),
    FactSheet("§5.2 (D: UG image-manifest-formats; MN imageManifestMediaType doc)"), PutImageOciManifest};

void PutImageMediaTypeRequired(ScenarioContext& ctx) {
  // §5.2 (D: MN imageManifestMediaType doc): neither the parameter nor a mediaType field in the
  // manifest is InvalidParameterException; the parameter alone is enough.
  Ready r = Prepare(ctx, "media-type-required", true);
  std::string manifest = OciManifest(r.config, {r.layer}, /*with_media_type=*/false);
  ctx.Expect(ctx.Send("PutImage", Put(r.repo, manifest, "no-media-type")), Expectation::ErrorCode({"InvalidParameterException"}),
             "PutImage without imageManifestMediaType of a manifest without mediaType fails");
  const Call& put = ctx.Send("PutImage", Put(r.repo, manifest, "no-media-type", spec::kOciManifestMediaType));
  ctx.Expect(put, Expectation::Success(), "the same manifest with imageManifestMediaType succeeds");
  if (put.ok()) {
    ctx.Check(Str(At(At(put.decoded.output, "image"), "imageManifestMediaType")) == spec::kOciManifestMediaType, "the parameter's media type is used",
              spec::kOciManifestMediaType, Dump(At(At(put.decoded.output, "image"), "imageManifestMediaType")));
  }
}
const Scenario kPutImageMediaTypeRequired = {"put_image_media_type_required", "images",
    "with neither imageManifestMediaType nor a mediaType in the manifest, PutImage is InvalidParameterException", Severity::kError, kPush,
    FactSheet("§5.2 (D: MN imageManifestMediaType doc)"), PutImageMediaTypeRequired};

// Edge values only some readings accept: each of these answers is in the documented set, and
// nothing else is.

void ImageTagOutsideDockerGrammar(ScenarioContext& ctx) {
  // §3 ImageTag (U): the model gives ImageTag no pattern; whether ECR Public holds tags to
  // Docker's grammar [A-Za-z0-9_][A-Za-z0-9._-]{0,127} is unknown. A tag outside it ('+', as in
  // semver build metadata) is stored exactly as sent, or refused with InvalidParameterException
  // and nothing is stored.
  Ready r = Prepare(ctx, "tag-grammar");
  const std::string tag = "v1+build.7";
  std::string manifest = DockerManifest(r.config, {r.layer});
  const Call& put = ctx.Send("PutImage", Put(r.repo, manifest, tag, spec::kDockerSchema2MediaType));
  bool accepted = put.ok();
  if (!accepted) ctx.Expect(put, Expectation::ErrorCode({"InvalidParameterException"}), "PutImage accepts the tag or refuses it as a parameter error");
  json details = DescribeAllImages(ctx, r.repo);
  const json& image = FindImage(details, Digest(manifest));
  if (accepted) {
    ctx.Check(TagsOf(image) == std::set<std::string>{tag}, "an accepted tag outside Docker's grammar is stored as sent", "{" + tag + "}",
              Describe(TagsOf(image)));
  } else {
    ctx.Check(image.is_null(), "a refused push stores no image", "no image " + Digest(manifest), Dump(image));
  }
}
const Scenario kImageTagOutsideDockerGrammar = {"image_tag_outside_docker_grammar", "images",
    "a tag outside Docker's grammar is stored as sent or refused with InvalidParameterException", Severity::kWarning,
    PushAnd({"DescribeImages"}), FactSheet("§3 ImageTag (U: no pattern in MN; Docker reference grammar)"), ImageTagOutsideDockerGrammar};

void PutImageUntaggedManifest(ScenarioContext& ctx) {
  // §5.2 (U): the model doc says a tag "is required" for Docker schema 2 and OCI manifests, yet
  // the platform manifests of a list exist untagged in ECR Public. An untagged push is stored
  // untagged, or refused with InvalidParameterException and nothing is stored.
  Ready r = Prepare(ctx, "untagged-push");
  std::string manifest = DockerManifest(r.config, {r.layer});
  const Call& put = ctx.Send("PutImage", Put(r.repo, manifest, "", spec::kDockerSchema2MediaType));
  bool accepted = put.ok();
  if (!accepted) ctx.Expect(put, Expectation::ErrorCode({"InvalidParameterException"}), "PutImage accepts the untagged manifest or refuses it as a parameter error");
  json details = DescribeAllImages(ctx, r.repo);
  const json& image = FindImage(details, Digest(manifest));
  if (accepted) {
    ctx.Check(!image.is_null() && TagsOf(image).empty(), "an accepted untagged push is stored without tags", "an image without imageTags",
              Dump(image));
  } else {
    ctx.Check(image.is_null(), "a refused push stores no image", "no image " + Digest(manifest), Dump(image));
  }
}
const Scenario kPutImageUntaggedManifest = {"put_image_untagged_manifest", "images",
    "an untagged schema 2 push is stored untagged or refused with InvalidParameterException", Severity::kWarning,
    PushAnd({"DescribeImages"}), FactSheet("§5.2 (U: MN imageTag doc; zeek/zeek#3015)"), PutImageUntaggedManifest};

void DescribeImagesImageNotFound(ScenarioContext& ctx) {
  // §4.8 (M/E): DescribeImages has no failures member, so an imageIds entry naming no image fails
  // the whole call; an existing image next to it does not save it.
  std::string repo = ctx.CreateRepository();
  Pushed p = PushImage(ctx, repo, "present", "describe-not-found");
  const Call& call = ctx.Send("DescribeImages", {{"repositoryName", repo},
                                                 {"imageIds", {{{"imageDigest", p.digest}}, {{"imageTag", "no-such-tag"}}}}});
  ctx.Expect(call, Expectation::ErrorCode({"ImageNotFoundException"}), "DescribeImages naming an absent image");
}
const Scenario kDescribeImagesImageNotFound = {"describe_images_image_not_found", "images",
    "DescribeImages naming an image that does not exist is ImageNotFoundException", Severity::kError, PushAnd({"DescribeImages"}),
    FactSheet("§4.8 (M/E: no failures member in the output)"), DescribeImagesImageNotFound};

}  // namespace

void AddPutImageScenarios(std::vector<Scenario>* out) {
  out->insert(out->end(), {kPutImageDigestOfExactBytes, kDescribeImagesImageNotFound, kPutImageDigestMismatch, kPutImageLayersNotFound,
                           kPutImageConfigNotFound, kPutImageReferencedImagesNotFound, kPutImageAlreadyExists, kPutImageNewTagSameManifest,
                           kPutImageTagMove, kPutImageTagMoveOldImageUntagged, kPutImageManifestListAndOciIndex, kPutImageOciManifest,
                           kPutImageMediaTypeRequired, kImageTagOutsideDockerGrammar, kPutImageUntaggedManifest});
}

}  // namespace ecrc::check
