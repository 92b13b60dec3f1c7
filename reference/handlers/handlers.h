// One handler per ECR Public operation, grouped by resource area (one .cc file per area).
#pragma once

#include "reference/handler.h"

namespace ecrc::server::handlers {

// repositories.cc
Outcome CreateRepository(HandlerContext& ctx, const nlohmann::json& input);
Outcome DescribeRepositories(HandlerContext& ctx, const nlohmann::json& input);
Outcome DeleteRepository(HandlerContext& ctx, const nlohmann::json& input);

// catalog_data.cc (repository and registry catalog data)
Outcome GetRepositoryCatalogData(HandlerContext& ctx, const nlohmann::json& input);
Outcome PutRepositoryCatalogData(HandlerContext& ctx, const nlohmann::json& input);
Outcome GetRegistryCatalogData(HandlerContext& ctx, const nlohmann::json& input);
Outcome PutRegistryCatalogData(HandlerContext& ctx, const nlohmann::json& input);

// registry.cc
Outcome DescribeRegistries(HandlerContext& ctx, const nlohmann::json& input);
Outcome GetAuthorizationToken(HandlerContext& ctx, const nlohmann::json& input);

// layers.cc
Outcome BatchCheckLayerAvailability(HandlerContext& ctx, const nlohmann::json& input);
Outcome InitiateLayerUpload(HandlerContext& ctx, const nlohmann::json& input);
Outcome UploadLayerPart(HandlerContext& ctx, const nlohmann::json& input);
Outcome CompleteLayerUpload(HandlerContext& ctx, const nlohmann::json& input);

// images.cc
Outcome PutImage(HandlerContext& ctx, const nlohmann::json& input);
Outcome DescribeImages(HandlerContext& ctx, const nlohmann::json& input);
Outcome DescribeImageTags(HandlerContext& ctx, const nlohmann::json& input);
Outcome BatchDeleteImage(HandlerContext& ctx, const nlohmann::json& input);

// policies.cc
Outcome SetRepositoryPolicy(HandlerContext& ctx, const nlohmann::json& input);
Outcome GetRepositoryPolicy(HandlerContext& ctx, const nlohmann::json& input);
Outcome DeleteRepositoryPolicy(HandlerContext& ctx, const nlohmann::json& input);

// tags.cc
Outcome ListTagsForResource(HandlerContext& ctx, const nlohmann::json& input);
Outcome TagResource(HandlerContext& ctx, const nlohmann::json& input);
Outcome UntagResource(HandlerContext& ctx, const nlohmann::json& input);

}  // namespace ecrc::server::handlers
