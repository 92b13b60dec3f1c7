// Sends one HttpRequest over libcurl and returns what came back, or which way the transport
// failed: the only place in the suite that touches sockets.
#pragma once

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <variant>

#include "base/http.h"
#include "harness/client/endpoint.h"

namespace ecrc::client {

struct TransportOptions {
  // Bounds how long an unreachable target can stall a run.
  std::chrono::milliseconds connect_timeout{3000};
  // The whole exchange: connect, send, wait and read.
  std::chrono::milliseconds total_timeout{10000};
  // A transfer slower than low_speed_bytes per second for low_speed_time is a timeout: an
  // endpoint that answers a byte at a time (or not at all) ends the call in seconds.
  std::chrono::milliseconds low_speed_time{3000};
  long low_speed_bytes = 32;
  // Headers plus body; a larger response is cut off and reported as kTooLarge.
  size_t max_response_bytes = 16 << 20;
  // The header block alone (no API answer needs more than a few hundred bytes of it): a header
  // flood is kTooLarge, not memory growth.
  size_t max_header_bytes = 64 << 10;
  size_t max_header_count = 256;
  std::string user_agent = "ecr-conform";
};

// How to sign: SigV4 with libcurl's CURLOPT_AWS_SIGV4.
struct Signing {
  std::string region;
  std::string service;  // the model's signing name, e.g. "ecr-public"
  Credentials credentials;
};

enum class TransportErrorKind {
  kUnreachable,  // connection refused, DNS failure, connect timeout: the target is not there
  kTimeout,      // connected, but no complete response within total_timeout (or it stalled)
  kTooLarge,     // the response exceeded max_response_bytes, max_header_bytes or max_header_count
  kOther,        // anything else (reset connection, TLS failure, a request we refuse to sign, ...)
  kNotSent,      // never sent: the run's gate refused it (its deadline passed, its breaker tripped)
};
const char* TransportErrorKindName(TransportErrorKind kind);

struct TransportError {
  TransportErrorKind kind = TransportErrorKind::kOther;
  std::string message;  // one line that names the URL
};

// The response, or the transport failure; `sent` holds the request as it went on the wire
// (headers that libcurl added, such as Authorization, X-Amz-Date and Host, included) whenever
// the request got as far as being sent.
class TransportResult {
 public:
  TransportResult(HttpResponse response, HttpRequest sent) : outcome_(std::move(response)), sent_(std::move(sent)) {}
  TransportResult(TransportError error, HttpRequest sent) : outcome_(std::move(error)), sent_(std::move(sent)) {}

  bool ok() const { return std::holds_alternative<HttpResponse>(outcome_); }
  const HttpResponse& response() const { return std::get<HttpResponse>(outcome_); }
  const TransportError& error() const { return std::get<TransportError>(outcome_); }
  const HttpRequest& sent() const { return sent_; }

 private:
  std::variant<HttpResponse, TransportError> outcome_;
  HttpRequest sent_;
};

// One libcurl easy handle, reused for every request so that the connection stays alive between
// them. Not thread-safe: a Transport is used by one thread at a time (give each worker its own).
class Transport {
 public:
  explicit Transport(TransportOptions options = {});
  ~Transport();
  Transport(const Transport&) = delete;
  Transport& operator=(const Transport&) = delete;

  // Redirects are not followed (a 3xx is the answer) and Content-Encoding is not undone (the
  // request asks for none): both are for the codec to judge.
  // POSTs (or whatever request.method says) `request` to base_url + request.path, signed with
  // SigV4 by libcurl. The request's own headers are sent as they are, in order, and all of them
  // are signed, with Host, X-Amz-Date and (when the credentials carry a session token)
  // X-Amz-Security-Token; libcurl's own Accept and User-Agent go out unsigned, as botocore's
  // User-Agent does. Refuses (kOther) a request that repeats a header, has a header with an
  // empty value, sets X-Amz-Date or Authorization, has a query string, or has a body without a
  // Content-Type: libcurl would sign those wrongly or add an unsigned form Content-Type.
  TransportResult Send(const std::string& base_url, const HttpRequest& request, const Signing& signing);

  // Sends `request` exactly as given, unsigned, duplicates and odd headers included, and nothing
  // else but Host, Content-Length and User-Agent (libcurl's Accept, Expect and form Content-Type
  // are suppressed): for fuzzing and protocol probes (a caller that wants a signature of its own
  // adds it as a header).
  TransportResult SendUnsigned(const std::string& base_url, const HttpRequest& request);

  const TransportOptions& options() const { return options_; }

 private:
  TransportResult Perform(const std::string& base_url, const HttpRequest& request, const Signing* signing);

  TransportOptions options_;
  void* curl_;  // CURL*; kept opaque so that curl.h stays out of every includer
};

}  // namespace ecrc::client
