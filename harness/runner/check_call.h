// One call made through a client, in the form the checks read (request and response as redacted
// evidence, the decoded output or error, or the transport failure).
#pragma once

#include "harness/checks/call.h"
#include "harness/client/client.h"

namespace ecrc::runner {

check::Call MakeCheckCall(client::Client& client, const spec::Operation& op, const codec::Value& input);

}  // namespace ecrc::runner
