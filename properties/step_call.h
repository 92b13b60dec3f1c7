// One command's requests and the verdict on them: every request and answer is recorded in the
// case's trace, and a disagreement with the model fails the case (RC_FAIL) with the reason.
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "harness/codec/value.h"
#include "properties/expected.h"
#include "properties/sut.h"

namespace ecrc::prop {

class StepCall {
 public:
  // Opens the command's step in the trace and counts the command.
  StepCall(Sut& sut, const char* command, nlohmann::json args);

  // Sends `operation` with `input` and records the exchange as the step's latest call.
  void Send(const char* operation, const codec::Value& input, const Expected& expected);
  // Success or the expected error, by `expected`; returns the output on success (null otherwise).
  const nlohmann::json& Check(const Expected& expected);
  // Fails the case with `what` unless `ok`.
  void Require(bool ok, const std::string& what);
  // Sends and checks in one.
  const nlohmann::json& Call(const char* operation, const codec::Value& input, const Expected& expected) {
    Send(operation, input, expected);
    return Check(expected);
  }

  Sut& sut() { return sut_; }

 private:
  [[noreturn]] void Fail(const std::string& why);
  CallRecord& last() { return sut_.trace()[index_].calls.back(); }

  Sut& sut_;
  size_t index_;
  std::optional<check::Call> result_;  // the latest call's
  nlohmann::json output_;
};

}  // namespace ecrc::prop
