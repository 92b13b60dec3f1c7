// What an ImageDetail (DescribeImages, DescribeImageTags) must say about an image of the model.
#pragma once

#include "properties/commands/common.h"
#include "base/json_read.h"

namespace ecrc::prop {

// Checks digest-independent members of `detail` against `image`: media types and size (D: the
// compressed size; whether the config counts is U, so both are accepted). Tags are the caller's.
inline void CheckImageDetail(StepCall& call, const Repository& repo, const Image& image, const nlohmann::json& detail) {
  call.Require(jr::StringAt(detail, "imageManifestMediaType") == image.media_type,
               image.digest + ": imageManifestMediaType is not " + image.media_type);
  if (!image.config_media_type.empty()) {
    // D: CLI describe-images, artifactMediaType is the config's media type.
    call.Require(jr::StringAt(detail, "artifactMediaType") == image.config_media_type,
                 image.digest + ": artifactMediaType is not the config's " + image.config_media_type);
  }
  std::set<int64_t> sizes = AcceptableImageSizes(repo, image);
  int64_t got = jr::IntAt(detail, "imageSizeInBytes").value_or(-1);
  std::string allowed;
  for (int64_t s : sizes) allowed += " " + std::to_string(s);
  call.Require(sizes.count(got) > 0, image.digest + ": imageSizeInBytes " + std::to_string(got) + " is not one of" + allowed);
}

}  // namespace ecrc::prop
