// Test support for the reference server's unit tests: calls operations through the in-process
// Server::Handle entry point and builds layers, manifests and images with few lines.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/http.h"
#include "harness/codec/value.h"
#include "reference/server.h"

namespace ecrc::server::testing {

using nlohmann::json;

// One exchange, decoded enough for assertions.
struct Reply {
  int status = 0;
  json body;           // parsed response body (null when it is not JSON)
  std::string code;    // error: __type (or the x-amzn-ErrorType header when __type is absent)
  std::string message;
  HttpResponse raw;

  bool ok() const { return status == 200; }
};

// Options for tests: small part sizes so multi-part uploads stay tiny, a fixed token secret.
Options TestOptions();

class TestServer {
 public:
  explicit TestServer(Options options = TestOptions());

  Server& server() { return server_; }

  // Encodes `input` (blobs as codec::BlobValue) for `operation` and handles it in-process.
  Reply Call(const std::string& operation, const json& input = json::object());
  // Sends `body` verbatim as the request of `operation`.
  Reply CallRaw(const std::string& operation, const std::string& body);
  Reply Send(const HttpRequest& request);

  // Creates `name`; fails the test when that does not succeed.
  void CreateRepository(const std::string& name);
  // Uploads `bytes` as a layer of `repo` in parts of `part_size` bytes; returns its digest.
  std::string PushBlob(const std::string& repo, const std::string& bytes, size_t part_size = 1 << 20);
  // Pushes `manifest` (tag optional); returns the reply.
  Reply PutImage(const std::string& repo, const std::string& manifest, const std::string& tag = "");
  // Uploads a config and one layer whose bytes derive from `seed`, then pushes a schema 2 image
  // with `tag` (none when empty). Returns the image digest.
  std::string PushImage(const std::string& repo, const std::string& seed, const std::string& tag = "");
  // The schema 2 manifest PushImage would push for `seed` (blobs must be pushed separately).
  std::string Schema2Manifest(const std::string& repo, const std::string& seed, bool push_blobs);
  std::string RepositoryArn(const std::string& name) const;

 private:
  Server server_;
};

// A manifest list / OCI index referencing `digests` (each with a size and platform).
std::string IndexManifest(const std::vector<std::string>& digests, bool oci = true);
std::string Sha256Digest(const std::string& bytes);
// A PNG header of the given dimensions (enough for the logo check).
std::string PngOf(uint32_t width, uint32_t height);

}  // namespace ecrc::server::testing
