// A client for one endpoint of one service model: encodes an operation's input, signs and sends
// it, and decodes the response against the operation's output shape.
#pragma once

#include <memory>
#include <string>

#include "base/http.h"
#include "harness/client/endpoint.h"
#include "harness/client/transport.h"
#include "harness/codec/codec.h"
#include "harness/results/redaction.h"
#include "harness/results/run_report.h"
#include "specs/spec.h"

namespace ecrc::client {

// One call: what was sent, what came back (or how the transport failed), and what the codec made
// of it. `transport.sent()` carries Authorization and, with a session token, the token itself:
// pass it through Client::Evidence (or results::Redacted) before it goes anywhere persistent.
struct CallResult {
  const spec::Operation* op = nullptr;
  std::string url;               // where the request went
  HttpRequest encoded;           // what the codec produced, before libcurl added Host, date and signature
  TransportResult transport;     // the response, or the transport error
  codec::DecodedResponse decoded;  // meaningful only when transport.ok()

  bool ok() const { return transport.ok(); }
  const HttpRequest& sent() const { return transport.sent(); }
  const HttpResponse& response() const { return transport.response(); }
};

enum class Sign { kNo, kYes };

// Evidence keeps at most this much of a response body (as much as a report stores).
inline constexpr size_t kMaxEvidenceBodyBytes = 64 * 1024;

// Lets a run stop sending once it has to end (its endpoint stopped answering, its deadline
// passed): asked before every request, told the outcome of every request that went out.
// Implementations are shared by the workers of a run, so they must be thread-safe.
class SendGate {
 public:
  virtual ~SendGate() = default;
  // Why no request may go out now, or "" when it may.
  virtual std::string Refusal() = 0;
  virtual void Record(const TransportResult& result) = 0;
};

// Not thread-safe (it owns one Transport): one Client per thread.
class Client {
 public:
  Client(std::shared_ptr<const spec::Service> service, Endpoint endpoint, TransportOptions options = {});

  // Encodes `input` (valid or not: validation is the caller's business), sends it signed, and on
  // a response decodes it with codec::DecodeResponse. A transport failure leaves `decoded` empty.
  CallResult Call(const spec::Operation& op, const codec::Value& input, const codec::ValidateOptions& options = {});

  // Sends `request` as it is, for protocol probes and fuzzing: unsigned by default, or signed by
  // libcurl (then the Transport::Send restrictions apply: no duplicate headers, no query string).
  TransportResult SendRaw(const HttpRequest& request, Sign sign = Sign::kNo);

  // The exchange as report evidence, redacted (no signature, token or secret in it).
  results::Exchange Evidence(const CallResult& call) const;
  results::Exchange Evidence(const TransportResult& result, std::string operation = "") const;

  // Requests refused by the gate fail at once with a kNotSent transport error "not sent: <why>".
  // Not owned; null (the default) lets everything through.
  void set_gate(SendGate* gate) { gate_ = gate; }

  const spec::Service& service() const { return *service_; }
  const Endpoint& endpoint() const { return endpoint_; }
  const std::string& base_url() const { return base_url_; }
  Signing signing() const;

 private:
  std::shared_ptr<const spec::Service> service_;
  Endpoint endpoint_;
  results::LiteralSecrets secrets_;  // of endpoint_.credentials, scrubbed from all evidence
  std::string base_url_;
  Transport transport_;
  SendGate* gate_ = nullptr;

  TransportResult Send(const HttpRequest& request, Sign sign);
};

}  // namespace ecrc::client
