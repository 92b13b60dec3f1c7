// Seeds of fuzz_reference_dispatch (format: its header): a minimal and a maximal sample request
// per operation, fitted to the fixture's names so they reach success paths; request chains
// (push a layer then an image, a wrong digest, a page chain, deletes, tags); and protocol-level
// framing the server must refuse with a documented error. Each seed is replayed against the
// fixture, which prints the statuses it answered and gives response_validation real answers.
#include <cstdio>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/base64.h"
#include "base/sha256.h"
#include "fuzz/reference_fixture.h"
#include "fuzz/seeds.h"
#include "harness/codec/codec.h"
#include "specs/media_types.h"

namespace ecrc::fuzz {
namespace {

using nlohmann::json;

struct DispatchSeed {
  std::string name;
  std::vector<std::string> requests;  // each "target\ncontent type\nbody"
};

// What the fixture answered to one seed: the statuses in order ("200 400 "), and the body of
// the first 200 answer per operation.
struct Replay {
  std::string statuses;
  std::map<std::string, std::string> answers;
};

class DispatchSeeds {
 public:
  explicit DispatchSeeds(ReferenceFixture& fixture) : fixture_(fixture), service_(fixture.service()) {}

  std::vector<DispatchSeed> All() {
    std::vector<DispatchSeed> out;
    for (const auto& [name, op] : service_.operations()) {
      out.push_back({op.name + ".minimal.req", {Call(op.name, Fit(SampleWire(*op.input, false)))}});
      out.push_back({op.name + ".maximal.req", {Call(op.name, Fit(SampleWire(*op.input, true)))}});
    }
    const std::string layer = "fresh layer bytes for the dispatch seed";
    const std::string layer_digest = "sha256:" + Sha256Hex(layer);
    json manifest = {{"schemaVersion", 2},
                     {"mediaType", spec::kDockerSchema2MediaType},
                     {"config", {{"mediaType", spec::kDockerConfigMediaType}, {"size", 10}, {"digest", fixture_.layer_digests()[0]}}},
                     {"layers", {{{"mediaType", spec::kDockerLayerMediaType}, {"size", layer.size()}, {"digest", layer_digest}}}}};
    out.push_back({"sequence.push_layer_then_image.req",
                   {Call("InitiateLayerUpload", {{"repositoryName", "alpha"}}),
                    Call("UploadLayerPart", {{"repositoryName", "alpha"}, {"uploadId", "${uploadId}"}, {"partFirstByte", 0},
                                             {"partLastByte", 19}, {"layerPartBlob", Base64Encode(layer.substr(0, 20))}}),
                    Call("UploadLayerPart", {{"repositoryName", "alpha"}, {"uploadId", "${uploadId}"}, {"partFirstByte", 20},
                                             {"partLastByte", layer.size() - 1}, {"layerPartBlob", Base64Encode(layer.substr(20))}}),
                    Call("CompleteLayerUpload", {{"repositoryName", "alpha"}, {"uploadId", "${uploadId}"}, {"layerDigests", {layer_digest}}}),
                    Call("PutImage", {{"repositoryName", "alpha"}, {"imageManifest", manifest.dump()}, {"imageTag", "fresh"}}),
                    Call("DescribeImages", {{"repositoryName", "alpha"}, {"imageIds", {{{"imageTag", "fresh"}}}}})}});
    out.push_back({"sequence.upload_wrong_digest.req",
                   {Call("InitiateLayerUpload", {{"repositoryName", "beta"}}),
                    Call("UploadLayerPart", {{"repositoryName", "beta"}, {"uploadId", "${uploadId}"}, {"partFirstByte", 0},
                                             {"partLastByte", 7}, {"layerPartBlob", Base64Encode("12345678")}}),
                    Call("UploadLayerPart", {{"repositoryName", "beta"}, {"uploadId", "${uploadId}"}, {"partFirstByte", 4},
                                             {"partLastByte", 11}, {"layerPartBlob", Base64Encode("abcdefgh")}}),
                    Call("CompleteLayerUpload", {{"repositoryName", "beta"}, {"uploadId", "${uploadId}"}, {"layerDigests", {layer_digest}}})}});
    out.push_back({"sequence.page_chain.req",
                   {Call("DescribeImages", {{"repositoryName", "alpha"}, {"maxResults", 2}}),
                    Call("DescribeImages", {{"repositoryName", "alpha"}, {"maxResults", 2}, {"nextToken", "${nextToken}"}}),
                    Call("DescribeImageTags", {{"repositoryName", "alpha"}, {"nextToken", "${nextToken}"}}),
                    Call("DescribeRepositories", {{"maxResults", 1}}),
                    Call("DescribeRepositories", {{"nextToken", "${nextToken}"}})}});
    out.push_back({"sequence.delete_and_retag.req",
                   {Call("BatchDeleteImage", {{"repositoryName", "alpha"}, {"imageIds", {{{"imageTag", "v1"}}, {{"imageDigest", fixture_.image_digests()[0]}}}}}),
                    Call("PutImage", {{"repositoryName", "beta"}, {"imageManifest", "{}"}, {"imageTag", "stable"}}),
                    Call("DeleteRepository", {{"repositoryName", "beta"}}),
                    Call("DeleteRepository", {{"repositoryName", "beta"}, {"force", true}}),
                    Call("DescribeImageTags", {{"repositoryName", "beta"}}),
                    Call("DeleteRepositoryPolicy", {{"repositoryName", "alpha"}})}});
    out.push_back({"sequence.tags.req",
                   {Call("TagResource", {{"resourceArn", "arn:aws:ecr-public::123456789012:repository/delta"},
                                         {"tags", {{{"Key", "a"}, {"Value", "1"}}, {{"Key", "a"}, {"Value", "2"}}}}}),
                    Call("UntagResource", {{"resourceArn", "arn:aws:ecr-public::123456789012:repository/delta"}, {"tagKeys", {"a", "b"}}}),
                    Call("ListTagsForResource", {{"resourceArn", "arn:aws:ecr-public::123456789012:repository/delta"}}),
                    Call("TagResource", {{"resourceArn", "arn:aws:ecr-public::123456789012:repository/delta"},
                                         {"tags", {{{"Key", "aws:reserved"}, {"Value", "1"}}}}})}});
    // Protocol-level requests: framing the server must refuse with a documented error.
    const std::string prefix = service_.metadata().target_prefix;
    const std::string ct = codec::kJsonContentType;
    const std::string create = json({{"repositoryName", "fresh"}}).dump();
    auto protocol = [&](const std::string& name, std::string request) { out.push_back({"protocol." + name + ".req", {std::move(request)}}); };
    protocol("no_target", Request("", ct, create));
    protocol("unknown_operation", Request(prefix + ".CreateBucket", ct, create));
    protocol("wrong_prefix", Request("AmazonEC2ContainerRegistry_V20150921.CreateRepository", ct, create));
    protocol("operation_only", Request("CreateRepository", ct, create));
    protocol("lowercase_operation", Request(prefix + ".createrepository", ct, create));
    protocol("no_content_type", Request(prefix + ".CreateRepository", "", create));
    protocol("application_json", Request(prefix + ".CreateRepository", "application/json", create));
    protocol("charset_content_type", Request(prefix + ".CreateRepository", ct + "; charset=utf-8", create));
    protocol("empty_body", Request(prefix + ".DescribeRegistries", ct, ""));
    protocol("empty_body_required", Request(prefix + ".CreateRepository", ct, ""));
    protocol("array_body", Request(prefix + ".CreateRepository", ct, "[]"));
    protocol("null_body", Request(prefix + ".CreateRepository", ct, "null"));
    protocol("invalid_json", Request(prefix + ".CreateRepository", ct, "{\"repositoryName\": "));
    protocol("trailing_garbage", Request(prefix + ".CreateRepository", ct, create + "}"));
    protocol("invalid_utf8", Request(prefix + ".CreateRepository", ct, "{\"repositoryName\":\"a\xff\xfe\"}"));
    protocol("huge_max_results", Request(prefix + ".DescribeRepositories", ct, "{\"maxResults\": 222222222222222222222222222}"));
    protocol("float_max_results", Request(prefix + ".DescribeRepositories", ct, "{\"maxResults\": 1.5}"));
    protocol("null_members", Request(prefix + ".DescribeImages", ct, "{\"repositoryName\":\"alpha\",\"imageIds\":null,\"nextToken\":null}"));
    protocol("wrong_types", Request(prefix + ".PutImage", ct, "{\"repositoryName\":[\"alpha\"],\"imageManifest\":{},\"imageTag\":5}"));
    protocol("deep_nesting", Request(prefix + ".DescribeImages", ct,
                                     "{\"repositoryName\":\"alpha\",\"imageIds\":" + std::string(200, '[') + std::string(200, ']') + "}"));
    return out;
  }

  // Sends each request of `seed` to the fixture as the target would (placeholders filled in from
  // earlier answers), then restores the fixture.
  Replay Run(const DispatchSeed& seed) {
    Replay replay;
    std::string upload_id, token = "none";
    for (const auto& r : seed.requests) {
      std::string_view rest(r);
      size_t nl1 = rest.find('\n'), nl2 = rest.find('\n', nl1 + 1);
      HttpRequest request;
      request.headers.Add("X-Amz-Target", std::string(rest.substr(0, nl1)));
      request.headers.Add("Content-Type", std::string(rest.substr(nl1 + 1, nl2 - nl1 - 1)));
      request.body = std::string(rest.substr(nl2 + 1));
      for (auto [from, to] : {std::pair<std::string, std::string*>{"${uploadId}", &upload_id}, {"${nextToken}", &token}}) {
        for (size_t at = request.body.find(from); at != std::string::npos; at = request.body.find(from)) request.body.replace(at, from.size(), *to);
      }
      HttpResponse response = fixture_.server().Handle(request);
      replay.statuses += std::to_string(response.status) + " ";
      json body = json::parse(response.body, nullptr, false);
      if (response.status == 200 && body.is_object()) {
        if (body.contains("uploadId")) upload_id = body["uploadId"];
        if (body.contains("nextToken")) token = body["nextToken"];
        std::string op = request.headers.Find("X-Amz-Target")->substr(service_.metadata().target_prefix.size() + 1);
        replay.answers.emplace(op, response.body);
      }
    }
    fixture_.Restore();
    return replay;
  }

 private:
  // Replaces members the fixture can satisfy (names, tags, digests) so minimal and maximal
  // samples reach the handlers' success paths, not only their not-found answers.
  json Fit(const json& value, const std::string& key = "") {
    if (value.is_object()) {
      json out = json::object();
      for (const auto& [k, v] : value.items()) out[k] = Fit(v, k);
      return out;
    }
    if (value.is_array()) {
      json out = json::array();
      for (size_t i = 0; i < value.size(); ++i) {
        json item = Fit(value[i], key);
        if (key == "layerDigests" && i < fixture_.layer_digests().size()) item = fixture_.layer_digests()[i];
        out.push_back(item);
      }
      return out;
    }
    if (!value.is_string()) return value;
    const std::string account = fixture_.server().options().account_id;
    if (key == "repositoryName") return "alpha";
    if (key == "imageTag") return "v1";
    if (key == "imageDigest") return fixture_.image_digests()[0];
    if (key == "registryId") return account;
    if (key == "resourceArn") return "arn:aws:ecr-public::" + account + ":repository/alpha";
    if (key == "uploadId") return "${uploadId}";
    if (key == "policyText") return R"({"Version":"2012-10-17","Statement":[]})";
    if (key == "imageManifest") {
      return json({{"schemaVersion", 2},
                   {"mediaType", spec::kDockerSchema2MediaType},
                   {"config", {{"mediaType", spec::kDockerConfigMediaType}, {"size", 10}, {"digest", fixture_.layer_digests()[0]}}},
                   {"layers", json::array()}})
          .dump();
    }
    if (key == "imageManifestMediaType") return spec::kDockerSchema2MediaType;
    return value;
  }

  static std::string Request(const std::string& target, const std::string& content_type, const std::string& body) {
    return target + "\n" + content_type + "\n" + body;
  }
  std::string Call(const std::string& op, const json& input) {
    return Request(service_.metadata().target_prefix + "." + op, codec::kJsonContentType, input.dump());
  }

  ReferenceFixture& fixture_;
  const spec::Service& service_;
};

}  // namespace

void SeedReferenceDispatch(const SeedSink& add) {
  DispatchSeeds seeds(ReferenceFixture::Shared());
  for (const DispatchSeed& seed : seeds.All()) {
    std::string text;
    for (const auto& r : seed.requests) text += (text.empty() ? "" : "\n%%\n") + r;
    add(seed.name, text);
    // Replayed here too, to report which seeds reach success paths.
    std::printf("  reference_dispatch/%-48s %s\n", seed.name.c_str(), seeds.Run(seed).statuses.c_str());
  }
}

std::map<std::string, std::string> ReferenceDispatchAnswers() {
  DispatchSeeds seeds(ReferenceFixture::Shared());
  std::map<std::string, std::string> answers;
  for (const DispatchSeed& seed : seeds.All()) answers.merge(seeds.Run(seed).answers);  // the first answer wins
  return answers;
}

}  // namespace ecrc::fuzz
