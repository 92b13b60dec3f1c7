// The model's own rules and the replay format: image sizes, catalog candidates, manifests the
// suite reads back, and commands surviving a trip through their JSON arguments.
#include <gtest/gtest.h>

#include "properties/command.h"
#include "properties/commands/common.h"
#include "properties/manifests.h"
#include "properties/model.h"
#include "properties/suite.h"
#include "specs/media_types.h"

namespace ecrc::prop {
namespace {

TEST(ModelTest, ImageSizeIsTheLayersWithOrWithoutTheConfig) {
  Repository repo;
  repo.layers = {{"sha256:c", 10}, {"sha256:l1", 100}, {"sha256:l2", 1000}};
  Image image{"sha256:m", "{}", spec::kOciManifestMediaType, spec::kOciConfigMediaType, {"sha256:c", "sha256:l1", "sha256:l2"}, {}, {}};
  EXPECT_EQ(AcceptableImageSizes(repo, image), (std::set<int64_t>{1100, 1110}));
  repo.images["sha256:m"] = image;
  Image index{"sha256:i", "{}", spec::kOciIndexMediaType, "", {}, {"sha256:m"}, {}};
  EXPECT_EQ(AcceptableImageSizes(repo, index), (std::set<int64_t>{1100, 1110}));
}

TEST(ModelTest, CatalogAfterPutKeepsReplaceAndMergeCandidates) {
  std::vector<nlohmann::json> before = {{{"description", "old"}, {"aboutText", "about"}}};
  auto after = CatalogAfterPut(before, {{"description", "new"}});
  ASSERT_EQ(after.size(), 2u);
  EXPECT_EQ(after[0], (nlohmann::json{{"description", "new"}}));
  EXPECT_EQ(after[1], (nlohmann::json{{"description", "new"}, {"aboutText", "about"}}));
}

TEST(ModelTest, ManifestsReadBackWhatTheyReference) {
  std::string m = ImageManifest(false, {spec::kDockerConfigMediaType, "sha256:c", 3}, {{"application/x", "sha256:l", 5}});
  ManifestRefs refs = ReadManifest(m);
  EXPECT_EQ(refs.media_type, spec::kDockerSchema2MediaType);
  EXPECT_EQ(refs.config_media_type, spec::kDockerConfigMediaType);
  EXPECT_EQ(refs.blobs, (std::vector<std::string>{"sha256:c", "sha256:l"}));
  std::string i = IndexManifest(true, {{spec::kOciManifestMediaType, "sha256:m", 9}}, 7);
  EXPECT_EQ(ReadManifest(i).children, (std::vector<std::string>{"sha256:m"}));
  EXPECT_NE(i, IndexManifest(true, {{spec::kOciManifestMediaType, "sha256:m", 9}}, 8));
}

TEST(ModelTest, HexKeepsBinaryContent) {
  std::string bytes("\x00\xff\x10z", 4);
  EXPECT_EQ(FromHex(ToHex(bytes)), bytes);
}

TEST(ModelTest, EveryOperationHasACommandThatParsesItsOwnArguments) {
  auto service = spec::Service::Embedded();
  std::vector<std::string> names = CommandNames();
  EXPECT_EQ(names.size(), service->operations().size());
  for (const auto& [op, unused] : service->operations()) {
    EXPECT_NE(std::find(names.begin(), names.end(), op), names.end()) << op << " has no property command";
  }
  for (const auto& name : names) {
    auto parsed = ParseCommand(name, nlohmann::json::object());
    // Every argument has a default, so {} must parse; the result shows as the command's name.
    ASSERT_TRUE(parsed.ok()) << parsed.status().message();
    std::ostringstream shown;
    parsed.value()->show(shown);
    EXPECT_EQ(shown.str().substr(0, name.size()), name);
  }
  EXPECT_FALSE(ParseCommand("NoSuchOperation", nlohmann::json::object()).ok());
  EXPECT_FALSE(ParseCommand("CreateRepository", {{"suffix", 5}}).ok());
}

}  // namespace
}  // namespace ecrc::prop
