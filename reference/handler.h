// The contract between the server's dispatch and its per-resource handlers: what a handler is
// given (store, faults, choices, identity, the operation) and what it returns.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "reference/choices.h"
#include "reference/faults.h"
#include "reference/outcome.h"
#include "reference/page_token.h"
#include "reference/store.h"
#include "specs/spec.h"

namespace ecrc::server {

// Who this registry is. The alias is the primary (and default) registry alias.
struct RegistryIdentity {
  std::string account_id = "123456789012";
  std::string alias;
  std::string region = "us-east-1";
};

struct HandlerContext {
  Store& store;
  const Faults& faults;
  const Choices& choices;
  const RegistryIdentity& identity;
  const PageTokenCodec& tokens;
  const spec::Operation& op;
  double now;  // epoch seconds, millisecond precision: the time of this request
  const std::function<std::string()>& new_upload_id;
};

// Handlers receive the decoded, validated input (blobs as nlohmann binary). Because validation
// can be switched off by a fault, they must still tolerate any JSON value in any member. They
// never throw for client input.
using Handler = Outcome (*)(HandlerContext& ctx, const nlohmann::json& input);

// The handler for an operation of the ECR Public model, or nullptr for one this server lacks.
Handler FindHandler(std::string_view operation);

}  // namespace ecrc::server
