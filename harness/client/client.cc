#include "harness/client/client.h"

namespace ecrc::client {

Client::Client(std::shared_ptr<const spec::Service> service, Endpoint endpoint, TransportOptions options)
    : service_(std::move(service)),
      endpoint_(std::move(endpoint)),
      secrets_(SecretValues(endpoint_.credentials)),
      base_url_(endpoint_.url.ToString()),
      transport_(std::move(options)) {}

Signing Client::signing() const {
  return Signing{endpoint_.region, service_->metadata().signing_name, endpoint_.credentials};
}

CallResult Client::Call(const spec::Operation& op, const codec::Value& input, const codec::ValidateOptions& options) {
  HttpRequest request = codec::EncodeRequest(*service_, op, input);
  TransportResult result = Send(request, Sign::kYes);
  CallResult call{&op, base_url_ + request.path, std::move(request), std::move(result), {}};
  if (call.ok()) call.decoded = codec::DecodeResponse(*service_, op, call.response(), options);
  return call;
}

TransportResult Client::SendRaw(const HttpRequest& request, Sign sign) { return Send(request, sign); }

TransportResult Client::Send(const HttpRequest& request, Sign sign) {
  if (gate_) {
    if (std::string why = gate_->Refusal(); !why.empty()) return TransportResult(TransportError{TransportErrorKind::kNotSent, "not sent: " + why}, request);
  }
  TransportResult result = sign == Sign::kYes ? transport_.Send(base_url_, request, signing()) : transport_.SendUnsigned(base_url_, request);
  if (gate_) gate_->Record(result);
  return result;
}

results::Exchange Client::Evidence(const TransportResult& result, std::string operation) const {
  results::Exchange exchange;
  exchange.operation = std::move(operation);
  exchange.request = result.sent();
  if (result.ok()) {
    exchange.response = result.response();
    // Reports keep 64 KiB of a body; keeping more in memory until then lets an endpoint that
    // answers every call with megabytes hold hundreds of megabytes of evidence.
    if (exchange.response.body.size() > kMaxEvidenceBodyBytes) {
      size_t total = exchange.response.body.size();
      exchange.response.body.resize(kMaxEvidenceBodyBytes);
      exchange.response.body += "\n... [truncated: " + std::to_string(total) + " bytes in all]";
    }
  } else {
    exchange.transport_error = result.error().message;
  }
  return results::Redacted(std::move(exchange), secrets_);
}

results::Exchange Client::Evidence(const CallResult& call) const {
  return Evidence(call.transport, call.op ? call.op->name : "");
}

}  // namespace ecrc::client
