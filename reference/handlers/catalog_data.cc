// Repository catalog data (Get/PutRepositoryCatalogData, and CreateRepository's catalogData)
// and registry catalog data (Get/PutRegistryCatalogData).
#include <cstdio>
#include <random>

#include "base/base64.h"
#include "reference/handlers/common.h"
#include "reference/handlers/handlers.h"
#include "reference/upload_session.h"

namespace ecrc::server {
namespace {

uint32_t BigEndian32(const std::string& bytes, size_t at) {
  return (uint32_t{static_cast<unsigned char>(bytes[at])} << 24) |
         (uint32_t{static_cast<unsigned char>(bytes[at + 1])} << 16) |
         (uint32_t{static_cast<unsigned char>(bytes[at + 2])} << 8) | uint32_t{static_cast<unsigned char>(bytes[at + 3])};
}

// The UG (public-repository-catalog-data) requires a PNG of 60..2048 pixels in both dimensions;
// the IHDR chunk, which must come first, holds them.
std::optional<std::string> CheckLogo(const std::string& png) {
  static constexpr char kSignature[] = "\x89PNG\r\n\x1a\n";
  if (png.size() < 24 || png.compare(0, 8, kSignature, 8) != 0 || png.compare(12, 4, "IHDR") != 0) {
    return "Logo image must be a PNG image";
  }
  uint32_t width = BigEndian32(png, 16);
  uint32_t height = BigEndian32(png, 20);
  if (width < 60 || height < 60 || width > 2048 || height > 2048) {
    return "Logo image dimensions must be between 60x60 and 2048x2048 pixels (got " + std::to_string(width) + "x" +
           std::to_string(height) + ")";
  }
  return std::nullopt;
}

// Where a real registry would serve the logo from (CloudFront, as in the CLI examples). Nothing
// is served there: the URL is what the API returns.
std::string LogoUrl() { return "https://d3g9o9u8re44ak.cloudfront.net/logo/" + NewUploadId() + "/" + NewUploadId() + ".png"; }

}  // namespace

std::variant<json, ApiError> MergeCatalogData(const HandlerContext& ctx, const json& input, json stored) {
  if (!stored.is_object()) stored = json::object();
  // PutRepositoryCatalogData "creates or updates"; whether omitted fields are cleared is U (fact
  // sheet §4 item 19). By default we merge: a member that is given replaces the stored one, an
  // omitted one is kept. That is the only reading under which a client can change the description
  // without re-uploading the logo, which it can only send as a blob. The catalog_put choice
  // plays the other reading in PutRepositoryCatalogData.
  for (const char* key : {"description", "aboutText", "usageText"}) {
    if (const std::string* text = GetString(input, key)) stored[key] = *text;
  }
  // Architectures and operating systems outside the gallery's list are stored and returned as
  // given (model docs: the API accepts them).
  for (const char* key : {"architectures", "operatingSystems"}) {
    if (const json* list = GetArray(input, key)) {
      json kept = json::array();
      for (const auto& item : *list) {
        if (item.is_string()) kept.push_back(item);
      }
      stored[key] = std::move(kept);
    }
  }
  if (auto logo = GetBlob(input, "logoImageBlob")) {
    if (logo->empty()) {
      // An empty blob (allowed by the model, 0..512,000 bytes) removes the logo.
      stored.erase("logoUrl");
      stored.erase("logoImageBlob");
    } else if (auto problem = CheckLogo(*logo)) {
      return InvalidParameterAt("catalogData.logoImageBlob", *problem);
    } else if (ctx.faults.Has(Fault::kCatalogLogoEchoed)) {
      stored["logoImageBlob"] = Base64Encode(*logo);
    } else {
      stored["logoUrl"] = LogoUrl();
    }
  }
  return stored;
}

namespace handlers {

Outcome GetRepositoryCatalogData(HandlerContext& ctx, const json& input) {
  std::string name = StringOr(input, "repositoryName");
  if (auto error = CheckRegistryId(ctx, input)) return *error;
  return ctx.store.Read([&](const StoreState& s) -> Outcome {
    const Repository* repo = s.FindRepository(name);
    if (!repo) return RepositoryNotFound(ctx, name);
    // When RepositoryCatalogDataNotFoundException (1.43.11 model) fires is U (fact sheet §4 item
    // 13). By default it never does: a repository created without catalog data already reports
    // catalogData {} from CreateRepository, so {} is the consistent answer here too. The
    // catalog_missing choice plays the other reading.
    if (repo->catalog.empty() && ctx.choices.Is(Choice::kCatalogMissing, "not_found")) {
      return ApiError{"RepositoryCatalogDataNotFoundException",
                      "The repository with name '" + name + "' has no catalog data"};
    }
    json out = json::object();
    out["catalogData"] = repo->catalog;
    return out;
  });
}

Outcome PutRepositoryCatalogData(HandlerContext& ctx, const json& input) {
  std::string name = StringOr(input, "repositoryName");
  if (auto error = CheckRegistryId(ctx, input)) return *error;
  const json* catalog_input = GetObject(input, "catalogData");
  static const json kEmpty = json::object();
  // Validate the logo before taking the lock: decoding and checking it needs no state.
  auto merged_probe = MergeCatalogData(ctx, catalog_input ? *catalog_input : kEmpty, json::object());
  if (auto* error = std::get_if<ApiError>(&merged_probe)) return *error;
  return ctx.store.Write([&](StoreState& s) -> Outcome {
    Repository* repo = s.FindRepository(name);
    if (!repo) return RepositoryNotFound(ctx, name);
    json probe = std::get<json>(merged_probe);
    // The replace reading clears what the put does not name (a logo included); merge keeps it.
    if (ctx.choices.Is(Choice::kCatalogPut, "replace")) repo->catalog = json::object();
    // Merge the already-checked result over what is stored (a new logo keeps its fresh URL).
    for (auto& [key, value] : probe.items()) repo->catalog[key] = value;
    if (auto logo = GetBlob(catalog_input ? *catalog_input : kEmpty, "logoImageBlob"); logo && logo->empty()) {
      repo->catalog.erase("logoUrl");
      repo->catalog.erase("logoImageBlob");
    }
    json out = json::object();
    out["catalogData"] = repo->catalog;
    return out;
  });
}

Outcome GetRegistryCatalogData(HandlerContext& ctx, const json& input) {
  return ctx.store.Read([&](const StoreState& s) -> Outcome {
    json data = json::object();
    if (s.registry_display_name) data["displayName"] = *s.registry_display_name;
    json out = json::object();
    // Required member: {} when nothing is set (fact sheet §4 item 12).
    out["registryCatalogData"] = std::move(data);
    return out;
  });
}

Outcome PutRegistryCatalogData(HandlerContext& ctx, const json& input) {
  return ctx.store.Write([&](StoreState& s) -> Outcome {
    if (const std::string* name = GetString(input, "displayName")) {
      // Whether "" clears the value is U (fact sheet §4 item 18); by default an empty display
      // name is no display name, so it clears it; the empty_display_name choice keeps the stored
      // one instead. An omitted displayName leaves the stored one alone.
      if (name->empty()) {
        if (ctx.choices.Is(Choice::kEmptyDisplayName, "clears")) s.registry_display_name.reset();
      } else {
        s.registry_display_name = *name;
      }
    }
    json data = json::object();
    if (s.registry_display_name) data["displayName"] = *s.registry_display_name;
    json out = json::object();
    out["registryCatalogData"] = std::move(data);
    return out;
  });
}

}  // namespace handlers
}  // namespace ecrc::server
