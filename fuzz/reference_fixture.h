// An in-process reference server holding a small, fixed registry (repositories, layers, tagged
// and untagged images, an index, tags, a policy, catalog data) for the fuzz targets that drive
// stateful operations, with a snapshot to return to after each input.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/http.h"
#include "reference/server.h"

namespace ecrc::fuzz {

class ReferenceFixture {
 public:
  // Builds the registry through the server's own operations, so the snapshot is a state the
  // server can reach. Aborts with a message when any set-up call fails (a fixture bug).
  ReferenceFixture();

  // The process-wide fixture: built once, because building it costs a few hundred requests'
  // worth of time and fuzz targets run millions of inputs.
  static ReferenceFixture& Shared();

  server::Server& server() { return server_; }
  const spec::Service& service() const { return server_.service(); }

  // Encodes `input` for `operation` and handles it in-process.
  HttpResponse Call(const std::string& operation, const nlohmann::json& input);
  // Call, then aborts unless the answer is 200; returns the parsed body.
  nlohmann::json CallOk(const std::string& operation, const nlohmann::json& input);

  // Returns the store to the state right after construction, so each input starts from the
  // same registry whatever the previous one changed. Free when nothing was written since.
  void Restore();

  // Repository names holding images, in the order they were created.
  static const std::vector<std::string>& ImageRepositories();
  // Every repository name of the fixture.
  static const std::vector<std::string>& AllRepositories();
  // A name no repository has.
  static constexpr char kMissingRepository[] = "no-such-repository";

  const std::vector<std::string>& image_digests() const { return image_digests_; }
  const std::vector<std::string>& layer_digests() const { return layer_digests_; }
  const std::vector<std::string>& image_tags() const { return image_tags_; }

 private:
  std::string PushBlob(const std::string& repo, const std::string& bytes);
  std::string PushImage(const std::string& repo, int seed, const std::string& tag);

  server::Server server_;
  std::optional<server::StoreState> snapshot_;
  uint64_t writes_at_snapshot_ = 0;  // Store::writes() when the state last equalled the snapshot
  std::vector<std::string> image_digests_;
  std::vector<std::string> layer_digests_;
  std::vector<std::string> image_tags_;
};

// Options of fixture servers: a fixed token secret (tokens, and so corpora, are reproducible)
// and small upload parts (multi-part uploads fit in a fuzz input), plus the fault switches named
// in ECRC_FUZZ_FAULTS (for the tests that show the targets catch a faulty server).
server::Options FixtureOptions();

}  // namespace ecrc::fuzz
