// PutImage: manifests built from the repository's layers (at times naming a layer it lacks:
// LayersNotFound, D), indexes over its images (at times a missing one: ReferencedImagesNotFound,
// D), re-pushes (same tag: ImageAlreadyExists, D; new tag: the tag is added), a wrong imageDigest
// (ImageDigestDoesNotMatch, D). A tag on another image moves; that image stays untagged (E).
#pragma once

#include "properties/command.h"
#include "base/json_read.h"
#include "properties/commands/common.h"
#include "properties/manifests.h"
#include "specs/media_types.h"

namespace ecrc::prop {

class PutImage : public OneCall<PutImage> {
 public:
  static constexpr const char* kName = "PutImage";
  std::string suffix;
  std::string manifest;
  std::string tag;
  int digest_mode = 0;  // 0: no imageDigest, 1: the right one, 2: a wrong one
  NLOHMANN_DEFINE_TYPE_INTRUSIVE_WITH_DEFAULT(PutImage, suffix, manifest, tag, digest_mode)

  PutImage() = default;
  explicit PutImage(const Model& m) : suffix(*GenRepo(m)) {
    const Repository* repo = m.Find(suffix);
    std::vector<std::string> images, layers;
    if (repo) {
      for (const auto& [d, image] : repo->images) images.push_back(d);
      for (const auto& [d, size] : repo->layers) layers.push_back(d);
    }
    int mode = *rc::gen::weightedOneOf<int>({{4, rc::gen::just(0)}, {images.empty() ? 0 : 2, rc::gen::just(1)}, {4, rc::gen::just(2)}});
    bool oci = *rc::gen::arbitrary<bool>();
    tag = *GenImageTag(*m.limits);
    if (mode == 1) {
      const Image& image = repo->images.at(*rc::gen::elementOf(images));
      manifest = image.manifest;
      // Half the re-pushes name a tag the image has: ImageAlreadyExists.
      if (!image.tags.empty() && *rc::gen::arbitrary<bool>()) tag = *rc::gen::elementOf(std::vector<std::string>(image.tags.begin(), image.tags.end()));
    } else if (mode == 0) {
      auto blob = [&](const char* media) {
        bool known = !layers.empty() && *rc::gen::inRange(0, 6) != 0;
        std::string d = known ? *rc::gen::elementOf(layers) : *GenUnknownDigest();
        return Descriptor{media, d, known ? repo->layers.at(d) : 7};
      };
      Descriptor config = blob(oci ? spec::kOciConfigMediaType : spec::kDockerConfigMediaType);
      std::vector<Descriptor> parts;
      for (int i = *rc::gen::inRange(0, 3); i > 0; --i) parts.push_back(blob(spec::kOciLayerMediaType));
      manifest = ImageManifest(oci, config, parts);
    } else {
      std::vector<Descriptor> children;
      for (int i = images.empty() ? *rc::gen::element(0, 0, 0, 1) : *rc::gen::inRange(0, 3); i > 0; --i) {
        bool known = !images.empty() && *rc::gen::inRange(0, 6) != 0;
        if (known) {
          const Image& child = repo->images.at(*rc::gen::elementOf(images));
          children.push_back({child.media_type, child.digest, static_cast<int64_t>(child.manifest.size())});
        } else {
          children.push_back({oci ? spec::kOciManifestMediaType : spec::kDockerSchema2MediaType, *GenUnknownDigest(), 321});
        }
      }
      // An index with no manifests: the OCI image-index spec allows an empty list ("MAY be
      // zero"); the Docker manifest list spec says nothing, so those always list something.
      manifest = IndexManifest(oci || children.empty(), children, *rc::gen::inRange(0, 1000));
    }
    digest_mode = *rc::gen::weightedOneOf<int>({{6, rc::gen::just(0)}, {2, rc::gen::just(1)}, {1, rc::gen::just(2)}});
  }

 protected:
  std::string Digest() const { return DigestOf(manifest); }
  codec::Value Input(const Model& m, Sut& sut) const override {
    codec::Value in = {{"repositoryName", sut.Name(suffix)}, {"imageManifest", manifest},
                       {"imageManifestMediaType", ReadManifest(manifest).media_type}, {"imageTag", tag}};
    if (digest_mode == 1) in["imageDigest"] = Digest();
    if (digest_mode == 2) in["imageDigest"] = DigestOf(manifest + " ");
    return in;
  }
  Expected Predict(const Model& m) const override {
    const Repository* repo = m.Find(suffix);
    // A wrong imageDigest can be seen without looking the repository up: either check may come first.
    if (!repo) return Expected::Error("RepositoryNotFoundException").If(digest_mode == 2, "ImageDigestDoesNotMatchException");
    ManifestRefs refs = ReadManifest(manifest);
    bool missing_blob = false, missing_child = false;
    for (const auto& b : refs.blobs) missing_blob = missing_blob || !repo->layers.count(b);
    for (const auto& c : refs.children) missing_child = missing_child || !repo->images.count(c);
    auto existing = repo->images.find(Digest());
    return Expected()
        .If(digest_mode == 2, "ImageDigestDoesNotMatchException")
        .If(missing_blob, "LayersNotFoundException")
        .If(missing_child, "ReferencedImagesNotFoundException")
        .If(existing != repo->images.end() && existing->second.tags.count(tag), "ImageAlreadyExistsException");
  }
  void Mutate(Model& m) const override {
    Repository& repo = *m.Find(suffix);
    for (auto& [d, image] : repo.images) image.tags.erase(tag);
    Image& image = repo.images[Digest()];
    if (image.digest.empty()) {
      ManifestRefs refs = ReadManifest(manifest);
      image = Image{Digest(), manifest, refs.media_type, refs.config_media_type, refs.blobs, refs.children, {}};
    }
    image.tags.insert(tag);
  }
  void Verify(const Model& m, StepCall& call, const nlohmann::json& out) const override {
    const auto& image = jr::Object(jr::Member(out, "image"));
    const auto& id = jr::Object(jr::Member(image, "imageId"));
    call.Require(jr::StringAt(id, "imageDigest") == Digest(), "image.imageId.imageDigest is not the manifest's sha256 " + Digest());
    call.Require(jr::StringAt(id, "imageTag") == tag, "image.imageId.imageTag is not " + tag);
    // D/E: the manifest is stored and echoed byte for byte.
    call.Require(jr::StringAt(image, "imageManifest") == manifest, "image.imageManifest is not the manifest as sent, byte for byte");
    call.Require(jr::StringAt(image, "imageManifestMediaType") == ReadManifest(manifest).media_type, "image.imageManifestMediaType is not the manifest's");
  }
};

}  // namespace ecrc::prop
