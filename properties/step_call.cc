#include "properties/step_call.h"

#include "harness/codec/response_body.h"

#include <algorithm>

#include <rapidcheck.h>

namespace ecrc::prop {
namespace {

// Within the codec's bounds (depth, size, UTF-8): the trace is dumped and walked later.
nlohmann::json BodyForTrace(const std::string& body) {
  codec::ParsedBody parsed = codec::ParseResponseBody(body);
  if (parsed.ok()) return std::move(parsed.value);
  return body.size() > 2048 ? body.substr(0, 2048) + "..." : body;
}

}  // namespace

StepCall::StepCall(Sut& sut, const char* command, nlohmann::json args) : sut_(sut) {
  sut_.trace().push_back(Step{command, std::move(args), {}, {}});
  index_ = sut_.trace().size() - 1;
  if (Tally* t = sut_.tally()) {
    ++t->commands[command];
    ++t->steps;
  }
}

void StepCall::Send(const char* operation, const codec::Value& input, const Expected& expected) {
  const spec::Operation* op = sut_.path().service().FindOperation(operation);
  if (op == nullptr) Fail(std::string("the model has no operation ") + operation);
  CallRecord record;
  record.operation = operation;
  record.input = codec::ValueToWire(*op->input, input);
  record.expected = expected.ToString();
  sut_.trace()[index_].calls.push_back(std::move(record));
  result_ = sut_.path().Call(*op, input);
  CallRecord& rec = last();
  rec.exchange = result_->exchange;
  if (!result_->answered()) {
    rec.transport_error = result_->transport_error();
    return;
  }
  rec.status = result_->response().status;
  rec.body = BodyForTrace(result_->response().body);
  if (result_->decoded.is_error) rec.error_code = result_->decoded.error.code;
}

const nlohmann::json& StepCall::Check(const Expected& expected) {
  if (!result_) Fail("nothing was sent");
  if (!result_->answered()) Fail("transport: no response: " + result_->transport_error());
  const auto& d = result_->decoded;
  int status = result_->response().status;
  // D/E: every response carries x-amzn-RequestId (botocore reads it into ResponseMetadata).
  const std::string* request_id = result_->response().headers.Find("x-amzn-RequestId");
  if (request_id == nullptr || request_id->empty()) Fail("the response has no x-amzn-RequestId header");
  if (expected.or_success && d.is_error &&
      std::find(expected.errors.begin(), expected.errors.end(), d.error.code) != expected.errors.end()) {
    sut_.Chose(last().operation + " answered " + d.error.code);
  } else if (expected.success() || (expected.or_success && !d.is_error)) {
    if (expected.or_success) sut_.Chose(last().operation + " succeeded");
    if (d.is_error) {
      Fail("expected success, got HTTP " + std::to_string(status) + " " + (d.error.code.empty() ? "(no error type)" : d.error.code) +
           (d.error.message ? ": " + *d.error.message : ""));
    }
    for (const auto& v : d.findings) {
      // Trait violations (lengths, patterns, enums) are the contract suite's warnings.
      if (!codec::IsTraitViolation(v.kind)) Fail("the output breaks its shape: " + v.ToString());
    }
    output_ = d.output;
    return output_;
  }
  if (!d.is_error) Fail("expected " + expected.ToString() + ", got HTTP " + std::to_string(status) + " success");
  if (std::find(expected.errors.begin(), expected.errors.end(), d.error.code) == expected.errors.end()) {
    Fail("expected " + expected.ToString() + ", got HTTP " + std::to_string(status) + " " +
         (d.error.code.empty() ? "(no error type)" : d.error.code));
  }
  // D: every modelled ECR Public error is HTTP 400 (only ServerException is 500).
  if (status != 400) Fail(d.error.code + " came with HTTP " + std::to_string(status) + "; every modelled ECR Public error is HTTP 400");
  output_ = nullptr;
  return output_;
}

void StepCall::Require(bool ok, const std::string& what) {
  if (!ok) Fail(what);
}

void StepCall::Fail(const std::string& why) {
  sut_.trace()[index_].failure = why;
  throw rc::detail::CaseResult(rc::detail::CaseResult::Type::Failure, why);
}

}  // namespace ecrc::prop
