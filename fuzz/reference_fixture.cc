// The reference fixture; see reference_fixture.h.
#include "fuzz/reference_fixture.h"

#include <cstdlib>
#include <sstream>

#include "base/sha256.h"
#include "fuzz/check.h"
#include "harness/codec/codec.h"
#include "harness/codec/value.h"
#include "specs/media_types.h"

namespace ecrc::fuzz {

using nlohmann::json;

server::Options FixtureOptions() {
  server::Options options;
  options.token_secret = "ecrc-fuzz-fixture";
  options.quotas.upload.min_part_size = 4;
  // ECRC_FUZZ_FAULTS=name[,name]: the reference server's fault switches, so that ctest can show
  // the server-facing properties fail on a server that breaks their rule.
  if (const char* env = std::getenv("ECRC_FUZZ_FAULTS"); env && *env) {
    std::vector<std::string> names;
    std::stringstream list(env);
    for (std::string name; std::getline(list, name, ',');) names.push_back(name);
    std::string error;
    auto faults = server::Faults::Parse(names, &error);
    ECRC_FUZZ_CHECK(faults.has_value(), "ECRC_FUZZ_FAULTS: " + error);
    options.faults = *faults;
  }
  return options;
}

const std::vector<std::string>& ReferenceFixture::ImageRepositories() {
  static const std::vector<std::string> names = {"alpha", "beta"};
  return names;
}

const std::vector<std::string>& ReferenceFixture::AllRepositories() {
  static const std::vector<std::string> names = {"alpha", "beta", "gamma/nested", "delta", "epsilon"};
  return names;
}

ReferenceFixture& ReferenceFixture::Shared() {
  static ReferenceFixture* fixture = new ReferenceFixture();  // never destroyed: outlives every input
  return *fixture;
}

HttpResponse ReferenceFixture::Call(const std::string& operation, const json& input) {
  const spec::Operation* op = service().FindOperation(operation);
  ECRC_FUZZ_CHECK(op != nullptr, "fixture calls an operation the model lacks: " + operation);
  return server_.Handle(codec::EncodeRequest(service(), *op, input));
}

json ReferenceFixture::CallOk(const std::string& operation, const json& input) {
  HttpResponse r = Call(operation, input);
  ECRC_FUZZ_CHECK(r.status == 200, "fixture set-up " + operation + " " + input.dump() + " answered " +
                                       std::to_string(r.status) + ": " + Excerpt(r.body));
  json body = json::parse(r.body, nullptr, false);
  ECRC_FUZZ_CHECK(!body.is_discarded(), "fixture set-up " + operation + " answered a body that is not JSON");
  return body;
}

std::string ReferenceFixture::PushBlob(const std::string& repo, const std::string& bytes) {
  json init = CallOk("InitiateLayerUpload", {{"repositoryName", repo}});
  std::string upload_id = init.value("uploadId", "");
  CallOk("UploadLayerPart", {{"repositoryName", repo},
                             {"uploadId", upload_id},
                             {"partFirstByte", 0},
                             {"partLastByte", bytes.size() - 1},
                             {"layerPartBlob", codec::BlobValue(bytes)}});
  std::string digest = "sha256:" + Sha256Hex(bytes);
  CallOk("CompleteLayerUpload", {{"repositoryName", repo}, {"uploadId", upload_id}, {"layerDigests", {digest}}});
  layer_digests_.push_back(digest);
  return digest;
}

std::string ReferenceFixture::PushImage(const std::string& repo, int seed, const std::string& tag) {
  std::string config = R"({"architecture":"amd64","os":"linux","seed":)" + std::to_string(seed) + "}";
  std::string layer = "layer bytes of image " + std::to_string(seed);
  json manifest = {{"schemaVersion", 2},
                   {"mediaType", spec::kDockerSchema2MediaType},
                   {"config",
                    {{"mediaType", spec::kDockerConfigMediaType},
                     {"size", config.size()},
                     {"digest", PushBlob(repo, config)}}},
                   {"layers",
                    json::array({{{"mediaType", spec::kDockerLayerMediaType},
                                  {"size", layer.size()},
                                  {"digest", PushBlob(repo, layer)}}})}};
  std::string text = manifest.dump(2);
  json input = {{"repositoryName", repo}, {"imageManifest", text}};
  if (!tag.empty()) input["imageTag"] = tag;
  CallOk("PutImage", input);
  std::string digest = "sha256:" + Sha256Hex(text);
  image_digests_.push_back(digest);
  if (!tag.empty()) image_tags_.push_back(tag);
  return digest;
}

ReferenceFixture::ReferenceFixture() : server_(FixtureOptions()) {
  CallOk("CreateRepository", {{"repositoryName", "alpha"}});
  CallOk("CreateRepository", {{"repositoryName", "beta"}, {"tags", {{{"Key", "team"}, {"Value", "fuzz"}}}}});
  CallOk("CreateRepository", {{"repositoryName", "gamma/nested"},
                              {"catalogData", {{"description", "nested"}, {"architectures", {"ARM 64"}}}}});
  CallOk("CreateRepository", {{"repositoryName", "delta"}});
  CallOk("CreateRepository", {{"repositoryName", "epsilon"}});

  std::string a1 = PushImage("alpha", 1, "v1");
  std::string a2 = PushImage("alpha", 2, "v2");
  PushImage("alpha", 3, "v3");
  PushImage("alpha", 4, "");
  json index = {{"schemaVersion", 2}, {"mediaType", spec::kOciIndexMediaType}, {"manifests", json::array()}};
  for (const std::string& d : {a1, a2}) {
    index["manifests"].push_back({{"mediaType", spec::kDockerSchema2MediaType},
                                  {"size", 400},
                                  {"digest", d},
                                  {"platform", {{"architecture", "amd64"}, {"os", "linux"}}}});
  }
  std::string index_text = index.dump();
  CallOk("PutImage", {{"repositoryName", "alpha"}, {"imageManifest", index_text}, {"imageTag", "multi"}});
  image_digests_.push_back("sha256:" + Sha256Hex(index_text));
  image_tags_.push_back("multi");
  PushImage("beta", 5, "v1");
  PushImage("beta", 6, "stable");
  PushImage("beta", 7, "");

  CallOk("SetRepositoryPolicy",
         {{"repositoryName", "beta"},
          {"policyText", R"({"Version":"2012-10-17","Statement":[{"Sid":"pull","Effect":"Allow",)"
                         R"("Principal":"*","Action":["ecr-public:BatchCheckLayerAvailability"]}]})"}});
  CallOk("PutRepositoryCatalogData",
         {{"repositoryName", "alpha"},
          {"catalogData", {{"description", "alpha images"}, {"aboutText", "about"}, {"usageText", "usage"},
                           {"operatingSystems", {"Linux"}}}}});
  CallOk("PutRegistryCatalogData", {{"displayName", "fuzz registry"}});
  CallOk("TagResource", {{"resourceArn", "arn:aws:ecr-public::" + server_.options().account_id + ":repository/alpha"},
                         {"tags", {{{"Key", "stage"}, {"Value", "test"}}}}});
  snapshot_ = server_.store().Read([](const server::StoreState& s) { return s; });
  // Uploads are shared (shared_ptr) between a state and its copy, so a snapshot holding one
  // would see later parts land in it.
  if (snapshot_->upload_count() != 0) Fail(__FILE__, __LINE__, "snapshot without uploads", "the fixture left an upload open");
  writes_at_snapshot_ = server_.store().writes();
}

void ReferenceFixture::Restore() {
  // Copying the registry back is a quarter of an input's time; most inputs change nothing.
  if (server_.store().writes() == writes_at_snapshot_) return;
  server_.store().Write([this](server::StoreState& s) { s.ResetTo(*snapshot_); });
  writes_at_snapshot_ = server_.store().writes();
}

}  // namespace ecrc::fuzz
