// Scenario checks: the semantics no trait states (push lifecycle, upload rules, PutImage rules,
// pagination, tags, policies, ...), each a function that drives calls through a ScenarioContext
// and records findings. The context does the I/O; a scenario only decides what to send and what
// the answer must be.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "harness/checks/expectation.h"
#include "specs/semantics.h"

namespace ecrc::check {

// Thrown by ScenarioContext::Require* to end a scenario whose precondition failed; the runner
// catches it. It never crosses the checks library boundary.
struct ScenarioAbort {
  std::string reason;
};

class ScenarioContext {
 public:
  virtual ~ScenarioContext() = default;

  virtual const spec::Service& service() const = 0;
  virtual const spec::Semantics& semantics() const = 0;

  // Sends `input` (wire-form JSON; blobs as codec::BlobValue) to `operation` and records the
  // exchange as evidence. A transport failure aborts the scenario as errored.
  virtual const Call& Send(const std::string& operation, const codec::Value& input) = 0;

  // A new repository name under the run's unique prefix (not created). `length` pads it.
  virtual std::string NewRepositoryName(size_t length = 0) = 0;
  // Creates a repository under the run's prefix (deleted, force, when the run ends) and returns
  // its name; `extra` adds members to CreateRepository. A set-up call: if creation fails, the
  // scenario ends skipped with that cause (see RequireSetUp).
  virtual std::string CreateRepository(const codec::Value& extra = nlohmann::json::object()) = 0;
  // The repository's ARN as CreateRepository returned it.
  virtual std::string RepositoryArn(const std::string& name) = 0;
  // The region the endpoint is addressed with (GetAuthorizationToken only works in us-east-1).
  virtual std::string region() const = 0;

  // Findings: `Expect` records one when `call` misses `expected`; `Check` when `condition` is false.
  virtual void Expect(const Call& call, const Expectation& expected, const std::string& what) = 0;
  virtual void Check(bool condition, const std::string& what, const std::string& expected, const std::string& observed) = 0;
  // Like Expect/Check, then aborts the scenario (outcome failed) when unmet: later steps need it.
  void Require(const Call& call, const Expectation& expected, const std::string& what) {
    size_t before = findings();
    Expect(call, expected, what);
    if (findings() > before) throw ScenarioAbort{what};
  }
  void RequireTrue(bool condition, const std::string& what, const std::string& expected, const std::string& observed) {
    Check(condition, what, expected, observed);
    if (!condition) throw ScenarioAbort{what};
  }
  // Set-up the scenario needs but does not test: each such call has its own checks (minimal
  // calls, push_lifecycle). Unless `call` succeeded and is `usable` (has what the scenario reads
  // from it), the scenario ends skipped with the failed prerequisite as its cause ("prerequisite
  // CreateRepository failed: HTTP 500 (text/html, not JSON)"); failed if it already has findings.
  void RequireSetUp(const Call& call, const std::string& what, bool usable = true, const std::string& missing = "") {
    if (!call.ok() || !usable) SetUpFailed(call, what, call.ok() ? missing : "");
  }
  // Ends the scenario for a failed set-up call, as RequireSetUp describes; never returns.
  [[noreturn]] virtual void SetUpFailed(const Call& call, const std::string& what, const std::string& missing) = 0;
  // Marks the scenario skipped (e.g. the endpoint's region does not support the operation).
  virtual void Skip(const std::string& reason) = 0;
  virtual size_t findings() const = 0;
  // Records that a declared error was provoked or a paginator verified (coverage).
  virtual void CoverPaginator(const std::string& operation) = 0;
};

struct Scenario {
  std::string id;        // stable snake_case: push_lifecycle, upload_non_contiguous_part, ...
  std::string category;  // lifecycle, uploads, images, batch, pagination, tags, policy, catalog, registry, auth, not_found
  std::string title;
  results::Severity severity = results::Severity::kError;  // warning where the fact sheet says E/U
  std::vector<std::string> operations;
  std::string source;    // steps::FactSheet("§5.1 (D): MN; CTRD") = "specs/ecr-public/behaviour.md §5.1 (D): MN; CTRD"
  std::function<void(ScenarioContext&)> run;
};

// Every scenario, in a stable order. One file per family under harness/checks/scenarios/ adds its
// own through the Add*Scenarios functions listed in scenarios/registry.cc. A scenario's function is
// its id in CamelCase (put_image_oci_manifest: PutImageOciManifest), registered directly below it
// (`const Scenario kPutImageOciManifest`), so grepping an id lands on the code that decides it;
// tests/check_names_test.py keeps it so.
const std::vector<Scenario>& AllScenarios();

}  // namespace ecrc::check
