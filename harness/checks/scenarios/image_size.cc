// imageSizeInBytes as `docker pull` progress and quotas read it (fact sheet §4.8): the compressed
// size of the image, i.e. the sum of its layers' sizes. Whether the config blob counts is U, so
// both sums are accepted; anything else is wrong.
#include "harness/checks/scenarios/steps.h"
#include "specs/media_types.h"

namespace ecrc::check {
namespace {

using namespace steps;  // NOLINT: the family files are built from these steps
using results::Severity;

void ImageSizeIsLayerSum(ScenarioContext& ctx) {
  std::string repo = ctx.CreateRepository();
  // Two layers of different sizes, so a size that counts one of them, or the manifest, is told apart.
  Blob first = PushBlob(ctx, repo, LayerBytes("size-first"), spec::kDockerLayerMediaType);
  Blob second = PushBlob(ctx, repo, LayerBytes("size-second") + std::string(300, 's'), spec::kDockerLayerMediaType);
  Blob config = PushBlob(ctx, repo, ConfigBytes("size", first.digest), spec::kDockerConfigMediaType);
  std::string digest = PutManifest(ctx, repo, DockerManifest(config, {first, second}), "sized", spec::kDockerSchema2MediaType);
  int64_t layers = first.size + second.size;
  std::string expected = std::to_string(layers) + " (the layers) or " + std::to_string(layers + config.size) + " (layers and config)";
  auto check = [&](const json& size, const std::string& what) {
    std::optional<int64_t> n = Int(size);
    ctx.Check(n == layers || n == layers + config.size, what + " is the sum of the image's layer sizes", expected, Dump(size));
  };
  check(At(FindImage(DescribeAllImages(ctx, repo), digest), "imageSizeInBytes"), "DescribeImages imageSizeInBytes");
  const Call& tags = ctx.Send("DescribeImageTags", {{"repositoryName", repo}});
  ctx.Require(tags, Expectation::Success(), "DescribeImageTags lists the image's tag");
  const json& details = At(tags.decoded.output, "imageTagDetails");
  ctx.RequireTrue(details.is_array() && details.size() == 1, "DescribeImageTags lists the one tag", "1 entry", Dump(details));
  check(At(At(details.front(), "imageDetail"), "imageSizeInBytes"), "DescribeImageTags imageDetail.imageSizeInBytes");
}
const Scenario kImageSizeIsLayerSum = {"image_size_is_layer_sum", "images",
    "imageSizeInBytes of a pushed image is the sum of its layers' sizes (the config's included is also accepted)", Severity::kError,
    {"PutImage", "DescribeImages", "DescribeImageTags"},
    FactSheet("§4.8 (D: MN imageSizeInBytes doc, the compressed size; U: whether the config counts)"), ImageSizeIsLayerSum};

}  // namespace

void AddImageSizeScenarios(std::vector<Scenario>* out) {
  out->insert(out->end(), {kImageSizeIsLayerSum});
}

}  // namespace ecrc::check
