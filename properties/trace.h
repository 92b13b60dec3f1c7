// What one property case did, command by command: the record a reproduction file is made of.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "harness/results/exchange.h"

namespace ecrc::prop {

// One request of a command: as sent, what the model expected, and what came back.
struct CallRecord {
  std::string operation;
  nlohmann::json input;      // wire form, blobs as base64
  std::string expected;      // "success" or "error: XException | YException"
  int status = 0;            // 0 when no response arrived
  std::string error_code;    // sanitised, for error responses
  nlohmann::json body;       // the response body (parsed; text when not JSON)
  std::string transport_error;
  // The redacted request and response as the call path kept them: the report's evidence of a
  // failing step (not part of the reproduction file, which replays from `input`).
  results::Exchange exchange;
};

// One command: its abstract arguments (replay rebuilds the command from them), its requests,
// and why it disagreed with the model (empty when it agreed).
struct Step {
  std::string command;
  nlohmann::json args;
  std::vector<CallRecord> calls;
  std::string failure;
};

using Trace = std::vector<Step>;

nlohmann::json StepToJson(const Step& step);
// Reads what replay needs (command and args); fails naming what is missing.
bool StepFromJson(const nlohmann::json& j, Step* step, std::string* error);

// How often each command ran and which open outcome (fact sheet: U) the endpoint chose.
struct Tally {
  std::map<std::string, int64_t> commands;
  std::map<std::string, int64_t> choices;
  int64_t steps = 0;
};

}  // namespace ecrc::prop
