// Writes the seed corpora of the fuzz targets (corpus/<target>/<intent>.<ext>) from the model, its
// sample values and the reference fixture, so the committed seeds can be regenerated after a
// model or format change: `fuzz_seed_corpus <corpus dir>`. Files it does not name (inputs merged
// in by scripts/fuzz, regressions/) are left alone.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "base/base64.h"
#include "base/sha256.h"
#include "fuzz/check.h"
#include "fuzz/pagination_table.h"
#include "fuzz/reference_fixture.h"
#include "harness/codec/codec.h"
#include "harness/codec/sample.h"
#include "harness/codec/value.h"
#include "reference/manifest.h"
#include "specs/media_types.h"

namespace ecrc::fuzz {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr char kRegressionsReadme[] =
    "# Regression inputs\n\n"
    "Minimized inputs that once broke a property of this fuzz target (or crashed it), kept so that\n"
    "ctest replays them on every run (`fuzz.replay.<target>`). Each file is named after the bug it\n"
    "reproduces; the fix that made it pass is described in the commit that added it. `scripts/fuzz`\n"
    "leaves minimized crash reproducers in `reports/runs/<time>-fuzz/`; copy one here once the bug\n"
    "it shows is fixed.\n";

class Writer {
 public:
  explicit Writer(fs::path root) : root_(std::move(root)) {}

  void Write(const std::string& target, std::string name, std::string_view bytes) {
    for (char& c : name) {
      if (c == '/' || c == ' ') c = '_';
    }
    fs::path dir = root_ / target;
    fs::create_directories(dir / "regressions");
    fs::path readme = dir / "regressions" / "README.md";
    if (!fs::exists(readme)) std::ofstream(readme) << kRegressionsReadme;
    std::ofstream out(dir / name, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    ECRC_FUZZ_CHECK(out.good(), "cannot write " + (dir / name).string());
    ++counts_[target];
  }

  void Summary() const {
    for (const auto& [target, n] : counts_) std::printf("%-22s %3d seeds\n", target.c_str(), n);
  }

 private:
  fs::path root_;
  std::map<std::string, int> counts_;
};

// The byte that makes `data[0] % n == index` in targets that pick the operation by their first
// byte; printable, so the files stay readable.
char OperationByte(size_t index, size_t n) {
  for (int b = '0'; b <= '~'; ++b) {
    if (static_cast<size_t>(b) % n == index) return static_cast<char>(b);
  }
  Fail(__FILE__, __LINE__, "a printable operation byte", std::to_string(index));
}

std::string Pseudorandom(size_t n, uint32_t seed) {
  std::string out(n, '\0');
  for (auto& c : out) {
    seed = seed * 1664525u + 1013904223u;
    c = static_cast<char>(seed >> 24);
  }
  return out;
}

json Sample(const spec::Shape& shape, bool maximal) {
  codec::SampleOptions options;
  options.maximal = maximal;
  options.length_cap = 64;  // seeds stay small; the fuzzer finds the long ones
  auto v = codec::SampleValue(shape, options);
  ECRC_FUZZ_CHECK(v.ok(), "no sample for " + shape.name + ": " + v.status().message());
  return codec::ValueToWire(shape, *v);
}

class Seeder {
 public:
  explicit Seeder(Writer& writer) : w_(writer), fixture_(ReferenceFixture::Shared()), service_(fixture_.service()) {
    for (const auto& [name, op] : service_.operations()) ops_.push_back(&op);
  }

  void All() {
    RequestRoundTrip();
    Dispatch();  // before ResponseValidation: it collects the reference's real responses
    ResponseValidation();
    ErrorDecoding();
    ManifestParsing();
    PaginationToken();
  }

 private:
  void RequestRoundTrip() {
    for (size_t i = 0; i < ops_.size(); ++i) {
      std::string op_byte(1, OperationByte(i, ops_.size()));
      w_.Write("request_round_trip", ops_[i]->name + ".zeros", op_byte + std::string(256, '\0'));
      w_.Write("request_round_trip", ops_[i]->name + ".ones", op_byte + std::string(256, '\xff'));
      w_.Write("request_round_trip", ops_[i]->name + ".mixed", op_byte + Pseudorandom(256, static_cast<uint32_t>(i)));
    }
  }

  void ResponseValidation() {
    for (size_t i = 0; i < ops_.size(); ++i) {
      const spec::Operation& op = *ops_[i];
      std::string op_byte(1, OperationByte(i, ops_.size()));
      w_.Write("response_validation", op.name + ".minimal.json", op_byte + Sample(*op.output, false).dump());
      w_.Write("response_validation", op.name + ".maximal.json", op_byte + Sample(*op.output, true).dump(1));
      if (auto it = reference_responses_.find(op.name); it != reference_responses_.end()) {
        w_.Write("response_validation", op.name + ".reference.json", op_byte + it->second);
      }
    }
    // Broken bodies, on an operation with nested lists and structures.
    size_t index = 0;
    while (ops_[index]->name != "DescribeImages") ++index;
    std::string b(1, OperationByte(index, ops_.size()));
    json maximal = Sample(*ops_[index]->output, true);
    w_.Write("response_validation", "DescribeImages.empty_body", b);
    w_.Write("response_validation", "DescribeImages.not_json", b + "<html>503 Service Unavailable</html>");
    w_.Write("response_validation", "DescribeImages.array_body", b + "[]");
    w_.Write("response_validation", "DescribeImages.truncated.json", b + maximal.dump().substr(0, 60));
    json unknown = maximal;
    unknown["imageDetails"][0]["unexpected.member"] = {{"a", 1}};
    unknown["x[0]"] = nullptr;
    w_.Write("response_validation", "DescribeImages.unknown_members.json", b + unknown.dump());
    json wrong = maximal;
    wrong["imageDetails"][0]["imagePushedAt"] = "2024-01-01T00:00:00Z";
    wrong["imageDetails"][0]["imageSizeInBytes"] = 1.5;
    wrong["imageDetails"][0]["imageTags"] = {nullptr, 7};
    wrong["nextToken"] = json::array();
    w_.Write("response_validation", "DescribeImages.wrong_types.json", b + wrong.dump());
    json missing = maximal;
    missing["imageDetails"][0].erase("imageDigest");
    w_.Write("response_validation", "DescribeImages.missing_members.json", b + missing.dump());
  }

  void ErrorDecoding() {
    std::map<std::string, const spec::Operation*> declarer;
    for (const auto* op : ops_) {
      for (const auto* e : op->errors) declarer.emplace(e->name, op);
    }
    for (const auto& [error, op] : declarer) {
      w_.Write("error_decoding", error + ".header_only", op->name + "\nX-Amzn-ErrorType: " + error + "\n\n");
      w_.Write("error_decoding", error + ".type_only.json",
               op->name + "\n\n" + json({{"__type", error}, {"message", "seed message"}}).dump());
    }
    const std::string op = "DescribeImages";
    const std::string e = "RepositoryNotFoundException";
    const std::string uri = ":http://internal.amazon.com/coral/com.amazon.coral.validate/";
    auto seed = [&](const std::string& name, const std::string& headers, const std::string& body) {
      w_.Write("error_decoding", name, op + "\n" + headers + "\n" + body);
    };
    seed("header_namespaced_uri", "X-Amzn-ErrorType: com.amazonaws.ecrpublic#" + e + uri + "\n", "{}");
    seed("header_uri_only", "X-Amzn-ErrorType: " + e + uri + "\n", "{}");
    seed("header_lowercase_name", "x-amzn-errortype: " + e + "\n", "{}");
    seed("header_empty_then_type", "X-Amzn-ErrorType: \n", json({{"__type", e}}).dump());
    seed("two_headers", "X-Amzn-ErrorType: " + e + "\nX-Amzn-ErrorType: ThrottlingException\n", "{}");
    seed("header_and_body_disagree", "X-Amzn-ErrorType: " + e + "\n", json({{"__type", "ServerException"}}).dump());
    seed("type_namespaced.json", "", json({{"__type", "aws.ecr#" + e}}).dump());
    seed("type_namespaced_uri.json", "", json({{"__type", "aws.ecr#" + e + uri}, {"message", "m"}}).dump());
    seed("code_member.json", "", json({{"code", e}}).dump());
    seed("code_and_type.json", "", json({{"code", e}, {"__type", "ServerException"}}).dump());
    seed("code_not_string.json", "", json({{"code", 404}, {"__type", e}}).dump());
    seed("hash_twice.json", "", json({{"__type", "a#b#" + e}}).dump());
    seed("colon_before_hash.json", "", json({{"__type", "ns:x#" + e}}).dump());
    seed("message_capitalised.json", "", json({{"__type", e}, {"Message", "M"}}).dump());
    seed("error_message.json", "", json({{"__type", e}, {"errorMessage", "em"}}).dump());
    seed("no_type.json", "", json({{"message", "nothing says what"}}).dump());
    seed("not_json", "", "<html><body>502 Bad Gateway</body></html>");
    seed("empty_body", "", "");
    seed("protocol_throttling.json", "", json({{"__type", "ThrottlingException"}}).dump());
    seed("undeclared.json", "", json({{"__type", "RepositoryNotEmptyException"}}).dump());
    seed("other_headers", "Content-Type: application/x-amz-json-1.1\nx-amzn-RequestId: 1\n", json({{"__type", e}}).dump());
    w_.Write("error_decoding", "no_operation.json", "\n\n" + json({{"__type", e}}).dump());
  }

  void ManifestParsing() {
    auto desc = [](const std::string& media_type, const std::string& seed, int64_t size) {
      return json{{"mediaType", media_type}, {"size", size}, {"digest", "sha256:" + Sha256Hex(seed)}};
    };
    const std::string docker_config = "application/vnd.docker.container.image.v1+json";
    const std::string docker_layer = "application/vnd.docker.image.rootfs.diff.tar.gzip";
    const std::string oci_config = "application/vnd.oci.image.config.v1+json";
    const std::string oci_layer = "application/vnd.oci.image.layer.v1.tar+gzip";
    json schema2 = {{"schemaVersion", 2},
                    {"mediaType", spec::kDockerSchema2MediaType},
                    {"config", desc(docker_config, "config", 1469)},
                    {"layers", {desc(docker_layer, "layer1", 2811947), desc(docker_layer, "layer2", 310)}}};
    json list = {{"schemaVersion", 2},
                 {"mediaType", spec::kDockerManifestListMediaType},
                 {"manifests",
                  {desc(std::string(spec::kDockerSchema2MediaType), "amd64", 528),
                   desc(std::string(spec::kDockerSchema2MediaType), "arm64", 528)}}};
    list["manifests"][0]["platform"] = {{"architecture", "amd64"}, {"os", "linux"}};
    list["manifests"][1]["platform"] = {{"architecture", "arm64"}, {"os", "linux"}, {"variant", "v8"}};
    json oci = {{"schemaVersion", 2},
                {"mediaType", spec::kOciManifestMediaType},
                {"config", desc(oci_config, "oci-config", 7023)},
                {"layers", {desc(oci_layer, "oci-layer", 32654)}},
                {"annotations", {{"org.opencontainers.image.created", "2024-01-01T00:00:00Z"}}}};
    json index = {{"schemaVersion", 2},
                  {"mediaType", spec::kOciIndexMediaType},
                  {"manifests", {desc(std::string(spec::kOciManifestMediaType), "oci-amd64", 1024)}}};
    json schema1 = {{"schemaVersion", 1},
                    {"name", "library/hello"},
                    {"tag", "latest"},
                    {"architecture", "amd64"},
                    {"fsLayers", {{{"blobSum", "sha256:" + Sha256Hex("s1-a")}}, {{"blobSum", "sha256:" + Sha256Hex("s1-b")}}}},
                    {"history", {{{"v1Compatibility", "{}"}}}}};
    json helm = {{"schemaVersion", 2},
                 {"config", desc("application/vnd.cncf.helm.config.v1+json", "chart-config", 117)},
                 {"layers", {desc("application/vnd.cncf.helm.chart.content.v1.tar+gzip", "chart", 2487)}}};
    json artifact = {{"mediaType", "application/vnd.oci.artifact.manifest.v1+json"},
                     {"artifactType", "application/vnd.example.sbom"},
                     {"blobs", {desc("application/json", "sbom", 10)}}};
    auto seed = [&](const std::string& name, const std::string& param, const std::string& text) {
      w_.Write("manifest_parsing", name, param + "\n" + text);
    };
    seed("docker_schema2.json", "", schema2.dump(3));
    seed("docker_schema2.param_matches.json", std::string(spec::kDockerSchema2MediaType), schema2.dump());
    seed("docker_manifest_list.json", "", list.dump(3));
    seed("oci_manifest.json", "", oci.dump(2));
    seed("oci_index.json", "", index.dump(2));
    seed("docker_schema1.json", std::string(spec::kDockerSchema1MediaType), schema1.dump(3));
    seed("docker_schema1_signed.json", std::string(spec::kDockerSchema1SignedMediaType), schema1.dump());
    seed("helm_chart.param.json", "application/vnd.cncf.helm.chart.v1+json", helm.dump());
    seed("oci_artifact_blobs.json", "", artifact.dump());
    json untyped = oci;
    untyped.erase("mediaType");
    seed("oci_manifest.param_only.json", std::string(spec::kOciManifestMediaType), untyped.dump());
    seed("invalid.no_media_type.json", "", untyped.dump());
    seed("invalid.param_contradicts.json", std::string(spec::kOciIndexMediaType), schema2.dump());
    json bad = schema2;
    bad["layers"][0]["digest"] = "sha256:not-hex";
    seed("invalid.bad_digest.json", "", bad.dump());
    bad = schema2;
    bad["layers"][1]["size"] = -1;
    seed("invalid.negative_size.json", "", bad.dump());
    bad = schema2;
    bad["layers"][1]["size"] = 1.5;
    seed("invalid.float_size.json", "", bad.dump());
    bad = schema2;
    bad.erase("config");
    seed("invalid.no_config.json", "", bad.dump());
    bad = schema2;
    bad["schemaVersion"] = 1;
    seed("invalid.schema_version.json", "", bad.dump());
    bad = list;
    bad["manifests"] = {{"digest", 5}};
    seed("invalid.list_entry.json", "", bad.dump());
    seed("invalid.not_object.json", "", "[1,2,3]");
    seed("invalid.syntax.json", "", "{\"schemaVersion\": 2, \"mediaType\": ");
    seed("duplicate_keys.json", "", R"({"schemaVersion":2,"mediaType":"x","mediaType":")" +
                                         std::string(spec::kOciIndexMediaType) + R"(","manifests":[]})");
  }

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
                   {"config", {{"mediaType", "application/vnd.docker.container.image.v1+json"}, {"size", 10}, {"digest", fixture_.layer_digests()[0]}}},
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

  void DispatchSeed(const std::string& name, const std::vector<std::string>& requests) {
    std::string text;
    for (const auto& r : requests) text += (text.empty() ? "" : "\n%%\n") + r;
    w_.Write("reference_dispatch", name, text);
    // Replayed here too, to report which seeds reach success paths (and to keep their outputs).
    std::string upload_id, token = "none", statuses;
    for (const auto& r : requests) {
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
      statuses += std::to_string(response.status) + " ";
      json body = json::parse(response.body, nullptr, false);
      if (response.status == 200 && body.is_object()) {
        if (body.contains("uploadId")) upload_id = body["uploadId"];
        if (body.contains("nextToken")) token = body["nextToken"];
        std::string op = request.headers.Find("X-Amz-Target")->substr(service_.metadata().target_prefix.size() + 1);
        reference_responses_.emplace(op, response.body);
      }
    }
    fixture_.Restore();
    std::printf("  reference_dispatch/%-48s %s\n", name.c_str(), statuses.c_str());
  }

  void Dispatch() {
    for (const auto* op : ops_) {
      DispatchSeed(op->name + ".minimal.req", {Call(op->name, Fit(Sample(*op->input, false)))});
      DispatchSeed(op->name + ".maximal.req", {Call(op->name, Fit(Sample(*op->input, true)))});
    }
    const std::string layer = "fresh layer bytes for the dispatch seed";
    const std::string layer_digest = "sha256:" + Sha256Hex(layer);
    json manifest = {{"schemaVersion", 2},
                     {"mediaType", spec::kDockerSchema2MediaType},
                     {"config", {{"mediaType", "application/vnd.docker.container.image.v1+json"}, {"size", 10}, {"digest", fixture_.layer_digests()[0]}}},
                     {"layers", {{{"mediaType", "application/vnd.docker.image.rootfs.diff.tar.gzip"}, {"size", layer.size()}, {"digest", layer_digest}}}}};
    DispatchSeed("sequence.push_layer_then_image.req",
                 {Call("InitiateLayerUpload", {{"repositoryName", "alpha"}}),
                  Call("UploadLayerPart", {{"repositoryName", "alpha"}, {"uploadId", "${uploadId}"}, {"partFirstByte", 0},
                                           {"partLastByte", 19}, {"layerPartBlob", Base64Encode(layer.substr(0, 20))}}),
                  Call("UploadLayerPart", {{"repositoryName", "alpha"}, {"uploadId", "${uploadId}"}, {"partFirstByte", 20},
                                           {"partLastByte", layer.size() - 1}, {"layerPartBlob", Base64Encode(layer.substr(20))}}),
                  Call("CompleteLayerUpload", {{"repositoryName", "alpha"}, {"uploadId", "${uploadId}"}, {"layerDigests", {layer_digest}}}),
                  Call("PutImage", {{"repositoryName", "alpha"}, {"imageManifest", manifest.dump()}, {"imageTag", "fresh"}}),
                  Call("DescribeImages", {{"repositoryName", "alpha"}, {"imageIds", {{{"imageTag", "fresh"}}}}})});
    DispatchSeed("sequence.upload_wrong_digest.req",
                 {Call("InitiateLayerUpload", {{"repositoryName", "beta"}}),
                  Call("UploadLayerPart", {{"repositoryName", "beta"}, {"uploadId", "${uploadId}"}, {"partFirstByte", 0},
                                           {"partLastByte", 7}, {"layerPartBlob", Base64Encode("12345678")}}),
                  Call("UploadLayerPart", {{"repositoryName", "beta"}, {"uploadId", "${uploadId}"}, {"partFirstByte", 4},
                                           {"partLastByte", 11}, {"layerPartBlob", Base64Encode("abcdefgh")}}),
                  Call("CompleteLayerUpload", {{"repositoryName", "beta"}, {"uploadId", "${uploadId}"}, {"layerDigests", {layer_digest}}})});
    DispatchSeed("sequence.page_chain.req",
                 {Call("DescribeImages", {{"repositoryName", "alpha"}, {"maxResults", 2}}),
                  Call("DescribeImages", {{"repositoryName", "alpha"}, {"maxResults", 2}, {"nextToken", "${nextToken}"}}),
                  Call("DescribeImageTags", {{"repositoryName", "alpha"}, {"nextToken", "${nextToken}"}}),
                  Call("DescribeRepositories", {{"maxResults", 1}}),
                  Call("DescribeRepositories", {{"nextToken", "${nextToken}"}})});
    DispatchSeed("sequence.delete_and_retag.req",
                 {Call("BatchDeleteImage", {{"repositoryName", "alpha"}, {"imageIds", {{{"imageTag", "v1"}}, {{"imageDigest", fixture_.image_digests()[0]}}}}}),
                  Call("PutImage", {{"repositoryName", "beta"}, {"imageManifest", "{}"}, {"imageTag", "stable"}}),
                  Call("DeleteRepository", {{"repositoryName", "beta"}}),
                  Call("DeleteRepository", {{"repositoryName", "beta"}, {"force", true}}),
                  Call("DescribeImageTags", {{"repositoryName", "beta"}}),
                  Call("DeleteRepositoryPolicy", {{"repositoryName", "alpha"}})});
    DispatchSeed("sequence.tags.req",
                 {Call("TagResource", {{"resourceArn", "arn:aws:ecr-public::123456789012:repository/delta"},
                                       {"tags", {{{"Key", "a"}, {"Value", "1"}}, {{"Key", "a"}, {"Value", "2"}}}}}),
                  Call("UntagResource", {{"resourceArn", "arn:aws:ecr-public::123456789012:repository/delta"}, {"tagKeys", {"a", "b"}}}),
                  Call("ListTagsForResource", {{"resourceArn", "arn:aws:ecr-public::123456789012:repository/delta"}}),
                  Call("TagResource", {{"resourceArn", "arn:aws:ecr-public::123456789012:repository/delta"},
                                       {"tags", {{{"Key", "aws:reserved"}, {"Value", "1"}}}}})});
    // Protocol-level requests: framing the server must refuse with a documented error.
    const std::string prefix = service_.metadata().target_prefix;
    const std::string ct = codec::kJsonContentType;
    const std::string create = json({{"repositoryName", "fresh"}}).dump();
    DispatchSeed("protocol.no_target.req", {Request("", ct, create)});
    DispatchSeed("protocol.unknown_operation.req", {Request(prefix + ".CreateBucket", ct, create)});
    DispatchSeed("protocol.wrong_prefix.req", {Request("AmazonEC2ContainerRegistry_V20150921.CreateRepository", ct, create)});
    DispatchSeed("protocol.operation_only.req", {Request("CreateRepository", ct, create)});
    DispatchSeed("protocol.lowercase_operation.req", {Request(prefix + ".createrepository", ct, create)});
    DispatchSeed("protocol.no_content_type.req", {Request(prefix + ".CreateRepository", "", create)});
    DispatchSeed("protocol.application_json.req", {Request(prefix + ".CreateRepository", "application/json", create)});
    DispatchSeed("protocol.charset_content_type.req", {Request(prefix + ".CreateRepository", ct + "; charset=utf-8", create)});
    DispatchSeed("protocol.empty_body.req", {Request(prefix + ".DescribeRegistries", ct, "")});
    DispatchSeed("protocol.empty_body_required.req", {Request(prefix + ".CreateRepository", ct, "")});
    DispatchSeed("protocol.array_body.req", {Request(prefix + ".CreateRepository", ct, "[]")});
    DispatchSeed("protocol.null_body.req", {Request(prefix + ".CreateRepository", ct, "null")});
    DispatchSeed("protocol.invalid_json.req", {Request(prefix + ".CreateRepository", ct, "{\"repositoryName\": ")});
    DispatchSeed("protocol.trailing_garbage.req", {Request(prefix + ".CreateRepository", ct, create + "}")});
    DispatchSeed("protocol.invalid_utf8.req", {Request(prefix + ".CreateRepository", ct, "{\"repositoryName\":\"a\xff\xfe\"}")});
    DispatchSeed("protocol.huge_max_results.req",
                 {Request(prefix + ".DescribeRepositories", ct, "{\"maxResults\": 222222222222222222222222222}")});
    DispatchSeed("protocol.float_max_results.req", {Request(prefix + ".DescribeRepositories", ct, "{\"maxResults\": 1.5}")});
    DispatchSeed("protocol.null_members.req",
                 {Request(prefix + ".DescribeImages", ct, "{\"repositoryName\":\"alpha\",\"imageIds\":null,\"nextToken\":null}")});
    DispatchSeed("protocol.wrong_types.req",
                 {Request(prefix + ".PutImage", ct, "{\"repositoryName\":[\"alpha\"],\"imageManifest\":{},\"imageTag\":5}")});
    DispatchSeed("protocol.deep_nesting.req",
                 {Request(prefix + ".DescribeImages", ct, "{\"repositoryName\":\"alpha\",\"imageIds\":" + std::string(200, '[') + std::string(200, ']') + "}")});
  }

  void PaginationToken() {
    PaginationTable table = PaginationTable::Learn(fixture_);
    auto name_of = [&](size_t c) {
      const PagedCall& call = table.calls[c];
      return call.paginator->operation + (call.repository.empty() ? "" : "." + call.repository);
    };
    auto seed = [&](const std::string& name, size_t call, size_t token, int max_results, int mode, const std::string& bytes) {
      std::string data = {static_cast<char>(call), static_cast<char>(token), static_cast<char>(max_results), static_cast<char>(mode)};
      w_.Write("pagination_token", name, data + bytes);
    };
    size_t pooled = 0;
    std::vector<size_t> first_token(table.calls.size(), SIZE_MAX);
    for (size_t c = 0; c < table.calls.size(); ++c) {
      for (size_t k = 0; k < table.calls[c].tokens.size(); ++k, ++pooled) {
        if (k == 0) first_token[c] = pooled;
        seed(name_of(c) + ".token" + std::to_string(k) + ".keep", c, pooled, k % 2 ? 2 : 0, 0, "");
      }
      seed(name_of(c) + ".first_page", c, 0, 1, 6, "");
    }
    for (size_t c = 0; c < table.calls.size(); ++c) {
      // Another listing's token: the operation or the repository differs.
      size_t other = (c + 1) % table.calls.size();
      while (first_token[other] == SIZE_MAX) other = (other + 1) % table.calls.size();
      seed(name_of(c) + ".token_of_" + name_of(other), c, first_token[other], 0, 0, "");
    }
    size_t images = 0;
    while (name_of(images) != "DescribeImages.alpha") ++images;
    size_t t = first_token[images];
    seed("DescribeImages.alpha.xor_one_bit", images, t, 0, 1, std::string(1, '\x01'));
    seed("DescribeImages.alpha.replaced", images, t, 0, 2, "AQAAAAAAAAAAAAAAAAAAAAAA");
    seed("DescribeImages.alpha.truncated", images, t, 0, 3, std::string(1, '\x10'));
    seed("DescribeImages.alpha.inserted", images, t, 0, 4, std::string(1, '\x05') + "AA");
    seed("DescribeImages.alpha.appended", images, t, 0, 5, "A");
    seed("DescribeImages.alpha.not_utf8", images, t, 0, 5, "\xff\xfe");
  }

  Writer& w_;
  ReferenceFixture& fixture_;
  const spec::Service& service_;
  std::vector<const spec::Operation*> ops_;
  std::map<std::string, std::string> reference_responses_;
};

}  // namespace
}  // namespace ecrc::fuzz

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s <corpus dir>\n", argv[0]);
    return 2;
  }
  ecrc::fuzz::Writer writer(argv[1]);
  ecrc::fuzz::Seeder(writer).All();
  writer.Summary();
  return 0;
}
