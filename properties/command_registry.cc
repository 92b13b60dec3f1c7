// The list of commands: generation weights and parsing from a reproduction's arguments.
#include "properties/command.h"
#include "properties/commands/all.h"
#include "properties/suite.h"

namespace ecrc::prop {
namespace {

template <typename C>
Result<CommandPtr> Parse(const nlohmann::json& args) {
  auto c = std::make_shared<C>();
  try {
    from_json(args, *c);
  } catch (const nlohmann::json::exception& e) {
    return Status::Error(std::string(C::kName) + " arguments " + args.dump() + " do not parse: " + e.what());  // json-read-ok: generated arguments
  }
  return CommandPtr(c);
}

struct Entry {
  const char* name;
  Result<CommandPtr> (*parse)(const nlohmann::json&);
};

template <typename... C>
std::vector<Entry> Entries() {
  return {Entry{C::kName, &Parse<C>}...};
}

const std::vector<Entry>& Table() {
  static const std::vector<Entry> table =
      Entries<BatchCheckLayerAvailability, BatchDeleteImage, CompleteLayerUpload, CreateRepository, DeleteRepository,
              DeleteRepositoryPolicy, DescribeImageTags, DescribeImages, DescribeRegistries, DescribeRepositories,
              GetAuthorizationToken, GetRegistryCatalogData, GetRepositoryCatalogData, GetRepositoryPolicy, InitiateLayerUpload,
              ListTagsForResource, PutImage, PutRegistryCatalogData, PutRepositoryCatalogData, SetRepositoryPolicy, TagResource,
              UntagResource, UploadLayerPart>();
  return table;
}

}  // namespace

Result<CommandPtr> ParseCommand(const std::string& name, const nlohmann::json& args) {
  for (const auto& e : Table()) {
    if (name == e.name) return e.parse(args);
  }
  return Status::Error("unknown command '" + name + "'");
}

std::vector<std::string> CommandNames() {
  std::vector<std::string> names;
  for (const auto& e : Table()) names.push_back(e.name);
  return names;
}

rc::Gen<CommandPtr> GenCommand(const Model& m) {
  // Repeats weigh the commands that build state (repositories, layers, images) so that the
  // commands reading it have something to read within a few steps.
  return rc::state::gen::execOneOfWithArgs<
      CreateRepository, CreateRepository, CreateRepository, DeleteRepository, DescribeRepositories, DescribeRepositories,
      InitiateLayerUpload, InitiateLayerUpload, UploadLayerPart, UploadLayerPart, UploadLayerPart, CompleteLayerUpload,
      CompleteLayerUpload, CompleteLayerUpload, BatchCheckLayerAvailability, PutImage, PutImage, PutImage, PutImage, BatchDeleteImage,
      DescribeImages, DescribeImages, DescribeImageTags, DescribeRegistries, GetAuthorizationToken, GetRegistryCatalogData,
      PutRegistryCatalogData, GetRepositoryCatalogData, PutRepositoryCatalogData, GetRepositoryPolicy, SetRepositoryPolicy,
      DeleteRepositoryPolicy, ListTagsForResource, TagResource, UntagResource>()(m);
}

}  // namespace ecrc::prop
