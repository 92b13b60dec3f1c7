#include "harness/runner/check_call.h"

namespace ecrc::runner {

check::Call MakeCheckCall(client::Client& client, const spec::Operation& op, const codec::Value& input) {
  client::CallResult result = client.Call(op, input);
  Exchange evidence = client.Evidence(result);
  check::Call call;
  call.op = &op;
  call.input = input;
  call.request = std::move(evidence.request);
  if (result.ok()) {
    call.response = std::move(evidence.response);
    call.decoded = std::move(result.decoded);
  } else {
    call.transport_error = result.transport.error().message;
  }
  return call;
}

}  // namespace ecrc::runner
