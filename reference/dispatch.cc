// The dispatch table: operation name → handler.
#include <algorithm>
#include <array>
#include <utility>

#include "reference/handler.h"
#include "reference/handlers/handlers.h"

namespace ecrc::server {
namespace {

using Entry = std::pair<std::string_view, Handler>;

// Sorted by name for binary search.
constexpr std::array<Entry, 23> kTable = {{
    {"BatchCheckLayerAvailability", handlers::BatchCheckLayerAvailability},
    {"BatchDeleteImage", handlers::BatchDeleteImage},
    {"CompleteLayerUpload", handlers::CompleteLayerUpload},
    {"CreateRepository", handlers::CreateRepository},
    {"DeleteRepository", handlers::DeleteRepository},
    {"DeleteRepositoryPolicy", handlers::DeleteRepositoryPolicy},
    {"DescribeImageTags", handlers::DescribeImageTags},
    {"DescribeImages", handlers::DescribeImages},
    {"DescribeRegistries", handlers::DescribeRegistries},
    {"DescribeRepositories", handlers::DescribeRepositories},
    {"GetAuthorizationToken", handlers::GetAuthorizationToken},
    {"GetRegistryCatalogData", handlers::GetRegistryCatalogData},
    {"GetRepositoryCatalogData", handlers::GetRepositoryCatalogData},
    {"GetRepositoryPolicy", handlers::GetRepositoryPolicy},
    {"InitiateLayerUpload", handlers::InitiateLayerUpload},
    {"ListTagsForResource", handlers::ListTagsForResource},
    {"PutImage", handlers::PutImage},
    {"PutRegistryCatalogData", handlers::PutRegistryCatalogData},
    {"PutRepositoryCatalogData", handlers::PutRepositoryCatalogData},
    {"SetRepositoryPolicy", handlers::SetRepositoryPolicy},
    {"TagResource", handlers::TagResource},
    {"UntagResource", handlers::UntagResource},
    {"UploadLayerPart", handlers::UploadLayerPart},
}};

}  // namespace

Handler FindHandler(std::string_view operation) {
  auto it = std::lower_bound(kTable.begin(), kTable.end(), operation,
                             [](const Entry& e, std::string_view name) { return e.first < name; });
  return it != kTable.end() && it->first == operation ? it->second : nullptr;
}

}  // namespace ecrc::server
