#include "harness/runner/call_path.h"

#include "harness/client/reproduction.h"

namespace ecrc::runner {

CallPath::CallPath(std::shared_ptr<const spec::Service> service, const client::Endpoint& endpoint, RunRecord* record,
                   client::TransportOptions options)
    : client_(std::move(service), endpoint, std::move(options)), record_(record) {
  if (record_) client_.set_gate(record_->gate());
}

check::CallFn CallPath::AsCallFn() {
  return [this](const spec::Operation& op, const codec::Value& input) { return Call(op, input); };
}

check::Call CallPath::Call(const spec::Operation& op, const codec::Value& input) {
  client::CallResult result = client_.Call(op, input);
  check::Call call;
  call.op = &op;
  call.input = input;
  call.exchange = client_.Evidence(result);
  if (result.ok()) call.decoded = std::move(result.decoded);
  if (record_) record_->OnCall(call, [this](const results::Exchange& e) { return Reproduction(e); });
  return call;
}

CallPath::Raw CallPath::SendRaw(const HttpRequest& request, client::Sign sign, const std::string& operation) {
  client::TransportResult result = client_.SendRaw(request, sign);
  results::Exchange evidence = client_.Evidence(result, operation);
  if (record_ && result.ok() && !operation.empty()) record_->coverage().OnOperation(operation);
  return {std::move(result), std::move(evidence)};
}

std::string CallPath::Reproduction(const results::Exchange& exchange) const {
  return client::CurlReproduction(exchange, client_.base_url(), client_.endpoint().region, client_.service().metadata().signing_name);
}

}  // namespace ecrc::runner
