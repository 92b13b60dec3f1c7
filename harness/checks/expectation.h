// What a call should have produced, and the evaluation of a call against it (pure functions).
#pragma once

#include <string>
#include <vector>

#include "harness/checks/call.h"
#include "harness/results/run_report.h"

namespace ecrc::check {

struct Expectation {
  enum class Kind {
    kSuccess,             // HTTP 200 and a body valid for the output shape
    kSuccessOrDeclared,   // success, or an error the operation declares
    kClientError,         // a 4xx carrying an error the operation declares or a protocol error
    kErrorCode,           // an error whose code is one of `codes`
  };
  Kind kind = Kind::kSuccess;
  std::vector<std::string> codes;

  static Expectation Success() { return {Kind::kSuccess, {}}; }
  static Expectation SuccessOrDeclared() { return {Kind::kSuccessOrDeclared, {}}; }
  static Expectation ClientError() { return {Kind::kClientError, {}}; }
  static Expectation ErrorCode(std::vector<std::string> codes) { return {Kind::kErrorCode, std::move(codes)}; }
  std::string Describe() const;
};

// Appends a finding when `call` does not meet `expected`. `exchange` is the index to cite.
void EvaluateOutcome(const Call& call, const Expectation& expected, size_t exchange, std::vector<results::Finding>* out);

// The response checks every call of a run feeds, each named after the check family it decides
// (harness/runner/shape_aggregates.cc). Each appends a finding per rule `call` breaks.

// output_shape_valid, success responses: what breaks SDKs (framing, request id, required
// members, JSON types, base64, UTF-8).
void OutputShapeValid(const Call& call, size_t exchange, std::vector<results::Finding>* out);

// output_traits_respected, success responses: what SDKs do not enforce on responses (lengths,
// ranges, patterns, enums, unknown members).
void OutputTraitsRespected(const Call& call, size_t exchange, std::vector<results::Finding>* out);

// error_shape_valid, error responses: HTTP 400 (500 for a fault shape), a type naming the error
// (header or __type), a `message` member, the awsJson Content-Type and a request id.
void ErrorShapeValid(const spec::Service& service, const Call& call, size_t exchange, std::vector<results::Finding>* out);

// "HTTP 400 RepositoryNotFoundException", "HTTP 200", "no response (timeout ...)".
std::string DescribeObserved(const Call& call);

}  // namespace ecrc::check
