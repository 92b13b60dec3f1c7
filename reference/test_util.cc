#include "reference/test_util.h"

#include <gtest/gtest.h>

#include "base/sha256.h"
#include "harness/codec/codec.h"
#include "specs/media_types.h"

namespace ecrc::server::testing {

Options TestOptions() {
  Options options;
  options.quotas.upload.min_part_size = 4;
  options.token_secret = "test-secret";
  return options;
}

TestServer::TestServer(Options options) : server_(std::move(options)) {}

Reply TestServer::Send(const HttpRequest& request) {
  Reply reply;
  reply.raw = server_.Handle(request);
  reply.status = reply.raw.status;
  reply.body = json::parse(reply.raw.body, nullptr, false);
  if (reply.body.is_discarded()) reply.body = json();
  if (reply.status != 200) {
    if (reply.body.is_object() && reply.body.contains("__type") && reply.body["__type"].is_string()) {
      reply.code = reply.body["__type"];
    } else if (const std::string* header = reply.raw.headers.Find("x-amzn-ErrorType")) {
      reply.code = *header;
    }
    if (reply.body.is_object() && reply.body.contains("message") && reply.body["message"].is_string()) {
      reply.message = reply.body["message"];
    }
  }
  return reply;
}

Reply TestServer::Call(const std::string& operation, const json& input) {
  const spec::Operation* op = server_.service().FindOperation(operation);
  EXPECT_NE(op, nullptr) << operation;
  if (!op) return Reply{};
  return Send(codec::EncodeRequest(server_.service(), *op, input));
}

Reply TestServer::CallRaw(const std::string& operation, const std::string& body) {
  HttpRequest request;
  request.headers.Add("X-Amz-Target", "SpencerFrontendService." + operation);
  request.headers.Add("Content-Type", "application/x-amz-json-1.1");
  request.body = body;
  return Send(request);
}

void TestServer::CreateRepository(const std::string& name) {
  Reply r = Call("CreateRepository", {{"repositoryName", name}});
  ASSERT_EQ(r.status, 200) << name << ": " << r.code << " " << r.message;
}

std::string TestServer::PushBlob(const std::string& repo, const std::string& bytes, size_t part_size) {
  Reply init = Call("InitiateLayerUpload", {{"repositoryName", repo}});
  EXPECT_EQ(init.status, 200) << init.code << " " << init.message;
  std::string upload_id = init.body.value("uploadId", "");
  for (size_t at = 0; at < bytes.size(); at += part_size) {
    std::string part = bytes.substr(at, part_size);
    Reply r = Call("UploadLayerPart", {{"repositoryName", repo},
                                       {"uploadId", upload_id},
                                       {"partFirstByte", at},
                                       {"partLastByte", at + part.size() - 1},
                                       {"layerPartBlob", codec::BlobValue(part)}});
    EXPECT_EQ(r.status, 200) << r.code << " " << r.message;
  }
  std::string digest = Sha256Digest(bytes);
  Reply done = Call("CompleteLayerUpload", {{"repositoryName", repo}, {"uploadId", upload_id}, {"layerDigests", {digest}}});
  // An identical blob pushed earlier is fine: the layer is there either way.
  if (done.status != 200) {
    EXPECT_EQ(done.code, "LayerAlreadyExistsException") << done.message;
  }
  return digest;
}

std::string TestServer::Schema2Manifest(const std::string& repo, const std::string& seed, bool push_blobs) {
  std::string config = R"({"architecture":"amd64","os":"linux","seed":")" + seed + R"("})";
  std::string layer = "layer-bytes-of-" + seed;
  std::string config_digest = push_blobs ? PushBlob(repo, config) : Sha256Digest(config);
  std::string layer_digest = push_blobs ? PushBlob(repo, layer) : Sha256Digest(layer);
  json m = {{"schemaVersion", 2},
            {"mediaType", spec::kDockerSchema2MediaType},
            {"config",
             {{"mediaType", spec::kDockerConfigMediaType}, {"size", config.size()}, {"digest", config_digest}}},
            {"layers",
             json::array({{{"mediaType", spec::kDockerLayerMediaType},
                           {"size", layer.size()},
                           {"digest", layer_digest}}})}};
  return m.dump(2);
}

Reply TestServer::PutImage(const std::string& repo, const std::string& manifest, const std::string& tag) {
  json input = {{"repositoryName", repo}, {"imageManifest", manifest}};
  if (!tag.empty()) input["imageTag"] = tag;
  return Call("PutImage", input);
}

std::string TestServer::PushImage(const std::string& repo, const std::string& seed, const std::string& tag) {
  std::string manifest = Schema2Manifest(repo, seed, true);
  Reply r = PutImage(repo, manifest, tag);
  EXPECT_EQ(r.status, 200) << r.code << " " << r.message;
  return Sha256Digest(manifest);
}

std::string TestServer::RepositoryArn(const std::string& name) const {
  return "arn:aws:ecr-public::" + server_.options().account_id + ":repository/" + name;
}

std::string IndexManifest(const std::vector<std::string>& digests, bool oci) {
  json manifests = json::array();
  for (const auto& d : digests) {
    manifests.push_back({{"mediaType", oci ? spec::kOciManifestMediaType : spec::kDockerSchema2MediaType},
                         {"size", 500},
                         {"digest", d},
                         {"platform", {{"architecture", "amd64"}, {"os", "linux"}}}});
  }
  json m = {{"schemaVersion", 2},
            {"mediaType", oci ? spec::kOciIndexMediaType : spec::kDockerManifestListMediaType},
            {"manifests", manifests}};
  return m.dump();
}

std::string Sha256Digest(const std::string& bytes) { return "sha256:" + Sha256Hex(bytes); }

std::string PngOf(uint32_t width, uint32_t height) {
  std::string png("\x89PNG\r\n\x1a\n", 8);
  png += std::string("\0\0\0\x0d", 4) + "IHDR";
  for (uint32_t v : {width, height}) {
    for (int shift = 24; shift >= 0; shift -= 8) png += static_cast<char>((v >> shift) & 0xff);
  }
  png += std::string("\x08\x06\0\0\0", 5);
  png += std::string(4, '\0');  // CRC (not checked)
  return png;
}

}  // namespace ecrc::server::testing
