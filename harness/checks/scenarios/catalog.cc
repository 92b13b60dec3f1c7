// Catalog data (fact sheet §5.7, §4.4, §4.12, §4.13, §4.18, §4.19): repository fields round-trip,
// a logo comes back as logoUrl and never as the blob, unknown architectures and operating systems
// are kept, and the registry display name round-trips (restored afterwards: it is registry-wide).
#include <array>
#include <cstdint>

#include "harness/checks/scenarios/steps.h"
#include "harness/codec/value.h"

namespace ecrc::check {
namespace {

using namespace steps;  // NOLINT: the family files are built from these steps
using results::Severity;

uint32_t Crc32(std::string_view bytes) {
  static const std::array<uint32_t, 256> kTable = [] {
    std::array<uint32_t, 256> t{};
    for (uint32_t n = 0; n < 256; ++n) {
      uint32_t c = n;
      for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
      t[n] = c;
    }
    return t;
  }();
  uint32_t c = 0xFFFFFFFFu;
  for (unsigned char b : bytes) c = kTable[(c ^ b) & 0xFF] ^ (c >> 8);
  return c ^ 0xFFFFFFFFu;
}

void PutBigEndian(std::string* out, uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) out->push_back(static_cast<char>((v >> shift) & 0xFF));
}

void PngChunk(std::string* out, const char* type, const std::string& data) {
  PutBigEndian(out, static_cast<uint32_t>(data.size()));
  std::string body = std::string(type, 4) + data;
  out->append(body);
  PutBigEndian(out, Crc32(body));
}

// A valid 60x60 8-bit grayscale PNG (the smallest size the gallery takes, §5.7 D), its image
// data in one stored (uncompressed) deflate block so no zlib is needed.
std::string MinimalPng() {
  const uint32_t kSide = 60;
  std::string raw;
  for (uint32_t y = 0; y < kSide; ++y) {
    raw.push_back('\0');  // filter: none
    for (uint32_t x = 0; x < kSide; ++x) raw.push_back(static_cast<char>((x * 4 + y * 2) & 0xFF));
  }
  uint32_t a = 1, b = 0;  // Adler-32 of the raw data
  for (unsigned char c : raw) {
    a = (a + c) % 65521;
    b = (b + a) % 65521;
  }
  std::string zlib = {'\x78', '\x01', '\x01'};  // zlib header; final stored block
  uint16_t len = static_cast<uint16_t>(raw.size());
  zlib.push_back(static_cast<char>(len & 0xFF));
  zlib.push_back(static_cast<char>(len >> 8));
  zlib.push_back(static_cast<char>(~len & 0xFF));
  zlib.push_back(static_cast<char>((~len >> 8) & 0xFF));
  zlib += raw;
  PutBigEndian(&zlib, (b << 16) | a);

  std::string ihdr;
  PutBigEndian(&ihdr, kSide);
  PutBigEndian(&ihdr, kSide);
  ihdr += std::string("\x08\x00\x00\x00\x00", 5);  // depth 8, grayscale, deflate, no filter, no interlace
  std::string png = "\x89PNG\r\n\x1a\n";
  PngChunk(&png, "IHDR", ihdr);
  PngChunk(&png, "IDAT", zlib);
  PngChunk(&png, "IEND", "");
  return png;
}

// Catalog fields with a gallery-unknown architecture and operating system (§5.7 D: accepted,
// stored and returned).
json CatalogInput() {
  return {{"description", "ecr-conform catalog data"},
          {"architectures", {"ARM 64", "x86-64", "riscv64-ecr-conform"}},
          {"operatingSystems", {"Linux", "Plan 9 (ecr-conform)"}},
          {"aboutText", "# About\nA repository made by ecr-conform."},
          {"usageText", "`docker pull` it."}};
}

void CheckFields(ScenarioContext& ctx, const json& got, const std::string& what) {
  json want = CatalogInput();
  for (const auto& [k, v] : want.items()) {
    ctx.Check(At(got, k) == v, what + ": " + k + " round-trips", Dump(v), Dump(At(got, k)));
  }
  ctx.Check(At(got, "logoImageBlob").is_null(), what + ": the logo blob is never echoed", "no logoImageBlob", Dump(At(got, "logoImageBlob")));
}

void RepositoryCatalogData(ScenarioContext& ctx) {
  // §4.19, §4.13 (D: CLI put/get-repository-catalog-data).
  std::string repo = ctx.CreateRepository();
  const Call& put = ctx.Send("PutRepositoryCatalogData", {{"repositoryName", repo}, {"catalogData", CatalogInput()}});
  ctx.Require(put, Expectation::Success(), "PutRepositoryCatalogData stores catalog data (unknown architecture and OS included)");
  CheckFields(ctx, At(put.decoded.output, "catalogData"), "PutRepositoryCatalogData");
  const Call& get = ctx.Send("GetRepositoryCatalogData", {{"repositoryName", repo}});
  ctx.Require(get, Expectation::Success(), "GetRepositoryCatalogData returns the catalog data");
  CheckFields(ctx, At(get.decoded.output, "catalogData"), "GetRepositoryCatalogData");
}
const Scenario kRepositoryCatalogData = {"repository_catalog_data", "catalog",
    "catalog fields round-trip through Put and Get, unknown architectures and operating systems included", Severity::kError,
    {"PutRepositoryCatalogData", "GetRepositoryCatalogData"},
    FactSheet("§5.7, §4.13, §4.19 (D: MN RepositoryCatalogDataInput docs; CLI put/get-repository-catalog-data)"), RepositoryCatalogData};

void CheckLogo(ScenarioContext& ctx, const json& data, const std::string& what) {
  ctx.Check(At(data, "logoImageBlob").is_null(), what + " does not echo the logo blob", "no logoImageBlob", Dump(At(data, "logoImageBlob")));
  ctx.Check(!Str(At(data, "logoUrl")).empty(), what + " returns a logoUrl", "logoUrl", Dump(At(data, "logoUrl")));
}

void RepositoryCatalogDataLogo(ScenarioContext& ctx) {
  // §5.7 (D: UG public-repository-catalog-data; CLI): a 60x60 PNG is stored and returned as
  // logoUrl; logoImageBlob is input-only.
  std::string repo = ctx.CreateRepository();
  json input = {{"description", "with a logo"}, {"logoImageBlob", codec::BlobValue(MinimalPng())}};
  const Call& put = ctx.Send("PutRepositoryCatalogData", {{"repositoryName", repo}, {"catalogData", input}});
  ctx.Require(put, Expectation::Success(), "PutRepositoryCatalogData accepts a valid 60x60 PNG logo");
  CheckLogo(ctx, At(put.decoded.output, "catalogData"), "PutRepositoryCatalogData");
  const Call& get = ctx.Send("GetRepositoryCatalogData", {{"repositoryName", repo}});
  ctx.Require(get, Expectation::Success(), "GetRepositoryCatalogData answers");
  CheckLogo(ctx, At(get.decoded.output, "catalogData"), "GetRepositoryCatalogData");
}
const Scenario kRepositoryCatalogDataLogo = {"repository_catalog_data_logo", "catalog",
    "a PNG logo comes back as logoUrl, never as logoImageBlob", Severity::kError, {"PutRepositoryCatalogData", "GetRepositoryCatalogData"},
    FactSheet("§5.7, §4.13 (D: UG public-repository-catalog-data; CLI get-repository-catalog-data)"), RepositoryCatalogDataLogo};

void CreateRepositoryCatalogDataEmpty(ScenarioContext& ctx) {
  // §4.4 (D: CLI create-repository examples): catalogData is present as {} when none was given.
  std::string name = ctx.NewRepositoryName();
  const Call& create = ctx.Send("CreateRepository", {{"repositoryName", name}});
  ctx.Require(create, Expectation::Success(), "CreateRepository creates a repository without catalog data");
  const json& catalog = At(create.decoded.output, "catalogData");
  ctx.Check(catalog.is_object() && catalog.empty(), "CreateRepository returns catalogData {}", "{}", Dump(catalog));
  // §4.13 (U): Get on such a repository answers catalogData {} or RepositoryCatalogDataNotFound;
  // both are accepted, nothing else is.
  const Call& get = ctx.Send("GetRepositoryCatalogData", {{"repositoryName", name}});
  if (get.ok()) {
    const json& got = At(get.decoded.output, "catalogData");
    ctx.Check(got.is_null() || (got.is_object() && got.empty()), "GetRepositoryCatalogData of a repository without catalog data answers {}",
              "{} or RepositoryCatalogDataNotFoundException", Dump(got));
  } else {
    ctx.Expect(get, Expectation::ErrorCode({"RepositoryCatalogDataNotFoundException"}),
               "GetRepositoryCatalogData of a repository without catalog data answers {} or RepositoryCatalogDataNotFoundException");
  }
  ctx.Send("DeleteRepository", {{"repositoryName", name}, {"force", true}});  // created outside ctx.CreateRepository
}
const Scenario kCreateRepositoryCatalogDataEmpty = {"create_repository_catalog_data_empty", "catalog",
    "CreateRepository without catalog data returns catalogData {}", Severity::kError, {"CreateRepository", "GetRepositoryCatalogData"},
    FactSheet("§4.4 (D: CLI create-repository), §4.13 (U: Get answers {} or not found)"), CreateRepositoryCatalogDataEmpty};

void RegistryCatalogData(ScenarioContext& ctx) {
  // §4.12, §4.18 (D: MN, UG public-registry-settings: storable by any account).
  const Call& original = ctx.Send("GetRegistryCatalogData", json::object());
  ctx.Require(original, Expectation::Success(), "GetRegistryCatalogData answers");
  const json saved = At(At(original.decoded.output, "registryCatalogData"), "displayName");
  const std::string name = "ecr-conform display name";
  // No Require from here to the restore: the registry-wide value must be put back.
  const Call& put = ctx.Send("PutRegistryCatalogData", {{"displayName", name}});
  ctx.Expect(put, Expectation::Success(), "PutRegistryCatalogData sets the display name");
  if (put.ok()) {
    ctx.Check(Str(At(At(put.decoded.output, "registryCatalogData"), "displayName")) == name, "PutRegistryCatalogData returns the name", name,
              Dump(At(put.decoded.output, "registryCatalogData")));
  }
  const Call& get = ctx.Send("GetRegistryCatalogData", json::object());
  ctx.Expect(get, Expectation::Success(), "GetRegistryCatalogData answers");
  if (get.ok()) {
    ctx.Check(Str(At(At(get.decoded.output, "registryCatalogData"), "displayName")) == name, "GetRegistryCatalogData returns the name set",
              name, Dump(At(get.decoded.output, "registryCatalogData")));
  }
  // Whether "" clears the name is U (§4.18); it is the best available restore when none was set.
  const Call& restore = ctx.Send("PutRegistryCatalogData", {{"displayName", saved.is_string() ? Str(saved) : std::string()}});
  ctx.Expect(restore, Expectation::Success(), "PutRegistryCatalogData restores the original display name");
}
const Scenario kRegistryCatalogData = {"registry_catalog_data", "catalog",
    "the registry display name round-trips (and is restored afterwards)", Severity::kError,
    {"GetRegistryCatalogData", "PutRegistryCatalogData"}, FactSheet("§4.12, §4.18 (D: MN; UG public-registry-settings)"),
    RegistryCatalogData};

}  // namespace

void AddCatalogScenarios(std::vector<Scenario>* out) {
  out->insert(out->end(), {kRepositoryCatalogData, kRepositoryCatalogDataLogo, kCreateRepositoryCatalogDataEmpty, kRegistryCatalogData});
}

}  // namespace ecrc::check
