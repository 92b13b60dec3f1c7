// The one road every call of every suite takes to the endpoint and back: encode, sign and send
// (through the run's gate), decode and validate, keep the redacted exchange as evidence, and tell
// the run's record (coverage, cleanup, output-shape aggregates) about it.
#pragma once

#include <memory>
#include <string>

#include "harness/checks/call.h"
#include "harness/client/client.h"
#include "harness/results/exchange.h"
#include "harness/runner/run_record.h"

namespace ecrc::runner {

// Not thread-safe (it owns one kept-alive connection): one CallPath per thread.
class CallPath {
 public:
  // `record` may be null: a path outside a run (a replay, a benchmark) records nothing and
  // sends through no gate.
  CallPath(std::shared_ptr<const spec::Service> service, const client::Endpoint& endpoint, RunRecord* record,
           client::TransportOptions options = {});

  // One operation call; `answered()` false when no response came (the transport error is in the
  // exchange). Never throws for anything the endpoint does.
  check::Call Call(const spec::Operation& op, const codec::Value& input);
  check::CallFn AsCallFn();

  // A request sent as it is (protocol probes, fuzz mutants): through the gate; what the
  // transport saw (for judges of the bytes) and its redacted evidence. An answered request
  // naming an `operation` counts it as exercised; nothing else is recorded, as nothing was decoded.
  struct Raw {
    client::TransportResult result;
    results::Exchange evidence;
  };
  Raw SendRaw(const HttpRequest& request, client::Sign sign, const std::string& operation);

  // A curl command line replaying `exchange` against this endpoint.
  std::string Reproduction(const results::Exchange& exchange) const;

  const spec::Service& service() const { return client_.service(); }
  const client::Endpoint& endpoint() const { return client_.endpoint(); }
  const std::string& base_url() const { return client_.base_url(); }

 private:
  client::Client client_;
  RunRecord* record_;
};

}  // namespace ecrc::runner
