// The spec-valid requests the fuzzer starts from: a minimal and a maximal sample of every
// operation's input, with the members the semantics bind to resources filled with live ones made
// under the run's own prefix, so that mutants reach handler code past the not-found checks.
#pragma once

#include <atomic>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/status.h"
#include "harness/checks/call.h"
#include "harness/runner/fixture.h"
#include "specs/semantics.h"
#include "specs/spec.h"

namespace ecrc::livefuzz {

struct Seed {
  const spec::Operation* op = nullptr;
  std::string variant;  // "minimal" or "maximal"
  codec::Value value;   // unbound: resource members still hold sample values
};

// Every operation's minimal and maximal sample (codec::SampleValue), in operation order. An
// operation whose shape has no sample is left out.
std::vector<Seed> MakeSeeds(const spec::Service& service);

// Not thread-safe: one per fuzz loop. Every resource it makes is named under `prefix` and
// deleted by Cleanup (also those a fuzzed create call made).
class RequestBuilder {
 public:
  // `call` sends one well-formed, signed call (for setup, housekeeping and cleanup).
  RequestBuilder(const spec::Service& service, const spec::Semantics& semantics, std::string prefix, check::CallFn call);

  // The seed as wire JSON with live resources bound: a create operation's identifier gets a fresh
  // name under the prefix on every call, other bound members the run's shared live resource
  // (made on first use). Fails, naming the resource, when one cannot be made; it is then not
  // tried again. The Status says whose failure it was (EndpointFailed: the endpoint failed or
  // answered without what was needed; TransportFailed: no answer), and
  // failed_setup_operation() the set-up operation, for runner::MarkBlocked.
  Result<nlohmann::json> Wire(const Seed& seed);
  const std::string& failed_setup_operation() const { return failed_operation_; }

  // False when `body` names a top-level resource (a member the semantics bind to one, or the
  // identifier a create operation takes) with a string outside the run's prefix: such a mutant is
  // not sent, so a fuzzed call can never touch a resource the run did not make.
  bool StaysInPrefix(const spec::Operation& op, const nlohmann::json& body) const;

  // After `op` succeeded with `body`: a resource the call created is deleted right away (so a
  // long run holds a bounded number of them), and a shared resource the call deleted is made
  // again when next needed.
  void AfterSuccess(const spec::Operation& op, const nlohmann::json& body);

  // Deletes every resource still alive, ignoring those already gone.
  void Cleanup();

  // Calls made for setup, housekeeping and cleanup (not fuzz requests).
  uint64_t housekeeping_calls() const { return housekeeping_calls_; }
  const std::string& prefix() const { return prefix_; }

 private:
  check::Call TrackedCall(const spec::Operation& op, const codec::Value& input);
  void Forget(const std::string& resource);

  const spec::Service& service_;
  const spec::Semantics& semantics_;
  std::string prefix_;
  check::CallFn call_;
  std::atomic<uint64_t> name_counter_{0};
  runner::CleanupList cleanup_;
  runner::Fixture fixture_;
  std::map<std::string, std::map<std::string, std::string>> made_;  // resource -> its values
  struct SetupFailure {
    Status status;
    std::string operation;  // the set-up call that failed
  };
  std::map<std::string, SetupFailure> failed_;  // resource -> why it could not be made
  std::string failed_operation_;                // of the latest failed Wire
  uint64_t housekeeping_calls_ = 0;
};

}  // namespace ecrc::livefuzz
