#include "sdk/case_checks.h"

#include <algorithm>
#include <set>

#include "base/utf8.h"
#include "harness/codec/codec.h"
#include "harness/results/redaction.h"
#include "sdk/output_compare.h"

namespace ecrc::sdk {
namespace {

using nlohmann::json;
using results::CheckResult;
using results::Finding;
using results::Outcome;
using results::Severity;

constexpr char kSmithyAwsJson[] = "https://smithy.io/2.0/aws/protocols/aws-json-1_1-protocol.html";
constexpr char kSmithyErrors[] =
    "https://smithy.io/2.0/aws/protocols/aws-json-1_1-protocol.html#operation-error-serialization";
constexpr char kSigV4[] = "https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html";
constexpr char kRetryBehavior[] = "https://docs.aws.amazon.com/sdkref/latest/guide/feature-retry-behavior.html";
constexpr size_t kMaxExchanges = 5;

// A family of request checks: which rules of the request rules (or the whole SigV4 verdict) it
// owns. Every rule of request_rules.h and sigv4_verifier.h belongs to exactly one family.
struct RequestFamily {
  const char* check;
  const char* title;
  const char* source;
  Severity severity;
  std::vector<std::string> rules;
  bool signature = false;
};

const std::vector<RequestFamily>& RequestFamilies() {
  static const std::vector<RequestFamily> families = {
      {"sdk_request_framing",
       "POST to the endpoint's path, Content-Type application/x-amz-json-1.1, one JSON object without duplicate keys",
       kSmithyAwsJson, Severity::kError,
       {kRuleRequestMethodPost, kRuleRequestPath, kRuleRequestContentType, kRuleRequestBodyJsonObject,
        kRuleRequestNoDuplicateKeys}},
      {"sdk_request_target", "X-Amz-Target is SpencerFrontendService.<the operation called>", kSmithyAwsJson,
       Severity::kError, {kRuleRequestTarget}},
      {"sdk_request_body",
       "the body carries the caller's input: modelled members, JSON types, base64 blobs, epoch-second timestamps",
       kSmithyAwsJson, Severity::kError,
       {kRuleRequestMemberKnown, kRuleRequestMemberType, kRuleRequestBlobBase64, kRuleRequestTimestampEpoch}},
      {"sdk_request_no_null", "absent members are left out, not sent as null", kSmithyAwsJson, Severity::kWarning,
       {kRuleRequestNoNull}},
      {"sdk_caller_input", "input the caller gave that breaks the model's constraints (not an SDK fault)",
       "specs/ecr-public/2020-10-30/service-2.json (constraint traits)", Severity::kWarning,
       {kRuleRequestInputConstraint}},
      {"sdk_signature", "SigV4 for ecr-public: scope, signed headers, fresh date, body hash and signature match", kSigV4,
       Severity::kError, {}, true},
  };
  return families;
}

std::string Replace(std::string text, const std::string& from, const std::string& to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

CheckResult NewCheck(const CaseCheckContext& context, const std::string& check, const std::string& label,
                     const std::string& category, const std::string& title, Severity severity,
                     const std::string& operation, const std::string& source, const std::string& case_id) {
  CheckResult result;
  result.id = check + "[" + label + "]";
  result.check = check;
  result.suite = kSdkSuite;
  result.category = category;
  result.title = title;
  result.severity = severity;
  if (!operation.empty()) result.operations = {operation};
  result.source = source;
  if (!case_id.empty()) result.reproduction = Replace(context.reproduction, "{case}", case_id);
  return result;
}

void AddExchanges(const CaseCheckContext& context, const std::vector<const JudgedRequest*>& requests,
                  const std::string& operation, CheckResult* check) {
  results::LiteralSecrets secrets({context.secret_access_key});
  for (size_t i = 0; i < requests.size() && check->exchanges.size() < kMaxExchanges; ++i) {
    if (!requests[i]->evidence_kept) continue;
    results::Exchange exchange;
    exchange.operation = operation;
    exchange.request = requests[i]->request;
    exchange.response = requests[i]->response;
    check->exchanges.push_back(results::Redacted(std::move(exchange), secrets));
  }
}

void Fail(CheckResult* check, std::string message, std::string path = "", std::string expected = "",
          std::string observed = "", std::optional<size_t> exchange = std::nullopt) {
  check->outcome = Outcome::kFailed;
  if (check->findings.size() >= 50) return;
  check->findings.push_back(Finding{std::move(message), std::move(path), std::move(expected), std::move(observed),
                                    exchange && *exchange < kMaxExchanges ? exchange : std::nullopt});
}

void Error(CheckResult* check, std::string message) {
  check->outcome = Outcome::kErrored;
  check->findings.push_back(Finding{std::move(message), "", "", "", std::nullopt});
}

void Skip(CheckResult* check, std::string reason) {
  check->outcome = Outcome::kSkipped;
  check->skip_reason = std::move(reason);
}

// What the case's nth request must carry: the input, plus the token of the previous page.
json ExpectedInput(const spec::Service& service, const SdkCase& sdk_case, size_t n) {
  json input = sdk_case.input;
  if (sdk_case.paginator && n > 0 && n - 1 < sdk_case.page_tokens.size()) {
    if (const auto* paginator = service.FindPaginator(sdk_case.operation)) {
      input[paginator->input_token] = sdk_case.page_tokens[n - 1];
    }
  }
  return input;
}

// Body differences between what was sent and the case's input (the paginator's token is
// sdk_paginates' concern).
std::vector<OutputDifference> InputDifferences(const spec::Service& service, const SdkCase& sdk_case,
                                               const spec::Operation& op, const JudgedRequest& request, size_t n) {
  if (!request.verdict.input.is_object()) return {};
  json expected = ExpectedInput(service, sdk_case, n);
  json observed = request.verdict.input;
  if (sdk_case.paginator) {
    if (const auto* paginator = service.FindPaginator(sdk_case.operation)) {
      expected.erase(paginator->input_token);
      observed.erase(paginator->input_token);
    }
  }
  return CompareOutput(*op.input, ExpectedDecoding(*op.input, expected), observed);
}

std::vector<CheckResult> RequestChecks(const CaseCheckContext& context, const std::string& label,
                                       const std::string& operation, const std::vector<const JudgedRequest*>& requests,
                                       const SdkCase* sdk_case, const std::string& no_request_reason) {
  std::vector<CheckResult> checks;
  const spec::Operation* op = context.service.FindOperation(operation);
  // Which exchange of a check shows request n (requests without kept evidence show in none).
  std::vector<std::optional<size_t>> slots(requests.size());
  for (size_t n = 0, kept = 0; n < requests.size(); ++n) {
    if (requests[n]->evidence_kept) slots[n] = kept++;
  }
  for (const auto& family : RequestFamilies()) {
    CheckResult check = NewCheck(context, family.check, label, "request", family.title, family.severity, operation,
                                 family.source, sdk_case ? sdk_case->id : "");
    if (requests.empty()) {
      if (no_request_reason.empty()) {
        Error(&check, "no request arrived for this case: the driver never announced it, or the SDK sent nothing");
      } else {
        Skip(&check, no_request_reason);
      }
      checks.push_back(std::move(check));
      continue;
    }
    AddExchanges(context, requests, operation, &check);
    for (size_t n = 0; n < requests.size(); ++n) {
      const JudgedRequest& request = *requests[n];
      std::optional<size_t> exchange = slots[n];
      if (family.signature) {
        for (const auto& failure : request.signature.failures) {
          Fail(&check, failure.rule + ": " + failure.message, "header:Authorization", "", "", exchange);
        }
        continue;
      }
      // Constraint failures are the caller's when the body is the caller's input unchanged; an
      // SDK that changed a valid input into an invalid one broke the body rules.
      bool changed = sdk_case && op && !InputDifferences(context.service, *sdk_case, *op, request, n).empty();
      for (const auto& failure : request.verdict.failures) {
        bool owned = std::count(family.rules.begin(), family.rules.end(), failure.rule) > 0;
        if (failure.rule == kRuleRequestInputConstraint) {
          owned = changed ? family.check == std::string("sdk_request_body") : family.check == std::string("sdk_caller_input");
        }
        if (owned) Fail(&check, failure.rule + ": " + failure.message, failure.path, "", "", exchange);
      }
      if (family.check == std::string("sdk_request_target") && request.verdict.operation &&
          request.verdict.operation->name != operation && op) {
        Fail(&check, "the request names another operation than the one called", "header:X-Amz-Target", operation,
             request.verdict.operation->name, exchange);
      }
      if (family.check == std::string("sdk_request_body") && sdk_case && op) {
        for (const auto& difference : InputDifferences(context.service, *sdk_case, *op, request, n)) {
          Fail(&check, "the body is not the caller's input", difference.path, difference.expected, difference.observed, exchange);
        }
      }
    }
    checks.push_back(std::move(check));
  }
  return checks;
}

// The one answer of a case, or why there is none usable.
const DriverAnswer* SingleAnswer(const std::vector<DriverAnswer>* answers, CheckResult* check) {
  if (!answers || answers->empty()) {
    Error(check, "the driver never answered this case");
    return nullptr;
  }
  if (answers->size() > 1) {
    std::string lines;
    for (const auto& answer : *answers) lines += (lines.empty() ? "" : ", ") + std::to_string(answer.line);
    Error(check, "the driver answered this case " + std::to_string(answers->size()) + " times (lines " + lines + ")");
    return nullptr;
  }
  return &answers->front();
}

std::string Describe(const DriverAnswer& answer) {
  switch (answer.kind) {
    case DriverAnswer::Kind::kOutput: return "an output: " + std::string(Utf8Prefix(answer.output.dump(-1, ' ', false, json::error_handler_t::replace), 300));
    case DriverAnswer::Kind::kError: return "error " + answer.code + ": " + answer.message;
    case DriverAnswer::Kind::kClientError: return "client_error: " + answer.message;
    case DriverAnswer::Kind::kUnsupported: return "unsupported: " + answer.message;
  }
  return "?";
}

void JudgeOutput(const spec::Shape& shape, const json& expected, const DriverAnswer& answer, CheckResult* check) {
  if (answer.kind != DriverAnswer::Kind::kOutput) {
    return Fail(check, "the SDK did not decode the response", "", "the decoded output", Describe(answer));
  }
  for (const auto& difference : CompareOutput(shape, expected, answer.output)) {
    Fail(check, "decoded output differs from the response", difference.path, difference.expected, difference.observed);
  }
}

std::vector<const JudgedRequest*> Requests(const CaseTrace* trace) {
  std::vector<const JudgedRequest*> out;
  if (trace) {
    for (const auto& request : trace->requests) out.push_back(&request);
  }
  return out;
}

// Workflow cases: the expectation is what the reference answered.
struct ReferenceExpectation {
  bool error = false;
  json output;
  std::string code;
  std::string message;
};

ReferenceExpectation FromReference(const spec::Service& service, const spec::Operation& op, const HttpResponse& response) {
  ReferenceExpectation expectation;
  if (response.status >= 200 && response.status < 300) {
    expectation.output = ExpectedDecoding(*op.output, json::parse(response.body, nullptr, false));
    return expectation;
  }
  auto decoded = codec::DecodeError(service, &op, response);
  expectation.error = true;
  expectation.code = decoded.code;
  expectation.message = decoded.message.value_or("");
  return expectation;
}

void JudgeErrorCode(const std::string& code, const DriverAnswer& answer, CheckResult* check) {
  if (answer.kind != DriverAnswer::Kind::kError) {
    return Fail(check, "the SDK did not report the service error", "", "error " + code, Describe(answer));
  }
  if (answer.code != code) Fail(check, "the SDK reported another error code", "", code, answer.code);
}

void JudgeErrorMessage(const std::string& message, const DriverAnswer& answer, CheckResult* check) {
  if (answer.kind != DriverAnswer::Kind::kError) return Skip(check, "no service error was reported");
  if (answer.message != message) Fail(check, "the SDK reported another error message", "", message, answer.message);
}

std::vector<CheckResult> ResponseChecks(const CaseCheckContext& context, const SdkCase& sdk_case,
                                        const CaseTrace* trace, const std::vector<DriverAnswer>* answers) {
  const spec::Operation* op = context.service.FindOperation(sdk_case.operation);
  auto requests = Requests(trace);
  auto make = [&](const std::string& check, const std::string& label, const std::string& title, Severity severity,
                  const std::string& source) {
    CheckResult result = NewCheck(context, check, label, sdk_case.category, title, severity, sdk_case.operation, source,
                                  sdk_case.id);
    AddExchanges(context, requests, sdk_case.operation, &result);
    return result;
  };
  std::vector<CheckResult> checks;
  auto finish = [&](CheckResult check, auto judge) {
    if (const DriverAnswer* answer = SingleAnswer(answers, &check)) {
      if (answer->kind == DriverAnswer::Kind::kUnsupported) {
        Skip(&check, "the SDK does not support this case: " + answer->message);
      } else {
        judge(*answer, &check);
      }
    }
    checks.push_back(std::move(check));
  };
  std::string output_source = "shapes." + (op ? op->output->name : sdk_case.operation);
  if (sdk_case.category == "retry") {
    finish(make("sdk_retries", sdk_case.id, "retries a throttled or unavailable answer and decodes the success",
                Severity::kWarning, kRetryBehavior),
           [&](const DriverAnswer& answer, CheckResult* check) {
             if (static_cast<int>(requests.size()) < sdk_case.expected_requests) {
               Fail(check, "the SDK did not retry", "", std::to_string(sdk_case.expected_requests) + " requests",
                    std::to_string(requests.size()) + " requests");
             }
             if (op) JudgeOutput(*op->output, sdk_case.expected_output, answer, check);
           });
    return checks;
  }
  switch (sdk_case.expect) {
    case Expectation::kOutput: {
      if (sdk_case.answered_by_reference()) {
        if (!op) break;
        if (requests.empty()) {
          CheckResult check = make("sdk_output_decoded", sdk_case.id, "decodes the reference's answer", Severity::kError, output_source);
          Error(&check, "no request arrived for this case, so there is no answer to compare with");
          checks.push_back(std::move(check));
          break;
        }
        auto expected = FromReference(context.service, *op, requests.back()->response);
        if (expected.error) {
          finish(make("sdk_error_code", sdk_case.id, "reports the reference's error with its code", Severity::kError, kSmithyErrors),
                 [&](const DriverAnswer& answer, CheckResult* check) { JudgeErrorCode(expected.code, answer, check); });
        } else {
          finish(make("sdk_output_decoded", sdk_case.id, "decodes the reference's answer", Severity::kError, output_source),
                 [&](const DriverAnswer& answer, CheckResult* check) { JudgeOutput(*op->output, expected.output, answer, check); });
        }
        break;
      }
      finish(make("sdk_output_decoded", sdk_case.id, "decodes every modelled member as sent, ignores unknown members and nulls",
                  Severity::kError, sdk_case.source.empty() ? output_source : sdk_case.source),
             [&](const DriverAnswer& answer, CheckResult* check) {
               if (op) JudgeOutput(*op->output, sdk_case.expected_output, answer, check);
             });
      break;
    }
    case Expectation::kError:
      finish(make("sdk_error_code", sdk_case.id, "reports the declared error with its code", Severity::kError,
                  sdk_case.source.empty() ? kSmithyErrors : sdk_case.source),
             [&](const DriverAnswer& answer, CheckResult* check) { JudgeErrorCode(sdk_case.expected_error_code, answer, check); });
      finish(make("sdk_error_message", sdk_case.id, "reports the error's message (message or Message)", Severity::kError,
                  kSmithyErrors),
             [&](const DriverAnswer& answer, CheckResult* check) {
               JudgeErrorMessage(sdk_case.expected_error_message, answer, check);
             });
      break;
    case Expectation::kFailure:
      finish(make("sdk_error_reported", sdk_case.id, "reports an unusable answer as an error, without hanging or crashing",
                  Severity::kError, sdk_case.source.empty() ? kSmithyAwsJson : sdk_case.source),
             [&](const DriverAnswer& answer, CheckResult* check) {
               if (answer.kind == DriverAnswer::Kind::kOutput) {
                 Fail(check, "the SDK reported an output for an unusable answer", "", "an error or client_error", Describe(answer));
               }
             });
      break;
    case Expectation::kPages:
      finish(make("sdk_paginates", sdk_case.operation, "runs the paginator through every page, sending each token back verbatim",
                  Severity::kError, sdk_case.source.empty() ? "paginators-1.json" : sdk_case.source),
             [&](const DriverAnswer& answer, CheckResult* check) {
               const spec::Paginator* paginator = context.service.FindPaginator(sdk_case.operation);
               size_t pages = sdk_case.page_tokens.size() + 1;
               if (requests.size() != pages) {
                 Fail(check, "the SDK made another number of page requests", "", std::to_string(pages),
                      std::to_string(requests.size()));
               }
               for (size_t n = 1; paginator && n < requests.size() && n <= sdk_case.page_tokens.size(); ++n) {
                 const json& input = requests[n]->verdict.input;
                 json sent = input.is_object() && input.contains(paginator->input_token) ? input[paginator->input_token] : json();
                 if (sent != sdk_case.page_tokens[n - 1]) {
                   Fail(check, "the token was not sent back verbatim", paginator->input_token,
                        json(sdk_case.page_tokens[n - 1]).dump(), sent.dump(), n);
                 }
               }
               if (answer.kind != DriverAnswer::Kind::kOutput || !answer.output.is_array()) {
                 return Fail(check, "the SDK did not report the list of pages", "", "an array of pages", Describe(answer));
               }
               if (answer.output.size() != sdk_case.expected_output.size()) {
                 Fail(check, "the SDK reported another number of pages", "", std::to_string(sdk_case.expected_output.size()),
                      std::to_string(answer.output.size()));
               }
               for (size_t i = 0; op && i < answer.output.size() && i < sdk_case.expected_output.size(); ++i) {
                 for (const auto& d : CompareOutput(*op->output, sdk_case.expected_output[i], answer.output[i])) {
                   Fail(check, "page " + std::to_string(i + 1) + " differs from the response", d.path, d.expected, d.observed);
                 }
               }
             });
      break;
  }
  return checks;
}

}  // namespace

std::vector<CheckResult> JudgeCase(const CaseCheckContext& context, const SdkCase& sdk_case, const CaseTrace* trace,
                                   const std::vector<DriverAnswer>* answers) {
  std::string no_request_reason;
  if (answers && answers->size() == 1 && answers->front().kind != DriverAnswer::Kind::kOutput &&
      answers->front().kind != DriverAnswer::Kind::kError) {
    // The SDK failed before sending: its answer is judged by the response checks.
    no_request_reason = "the SDK sent no request (" + Describe(answers->front()) + ")";
  }
  auto checks = RequestChecks(context, sdk_case.id, sdk_case.operation, Requests(trace), &sdk_case, no_request_reason);
  for (auto& check : ResponseChecks(context, sdk_case, trace, answers)) checks.push_back(std::move(check));
  return checks;
}

std::vector<CheckResult> JudgeUnplannedTrace(const CaseCheckContext& context, const CaseTrace& trace) {
  std::map<std::string, std::vector<const JudgedRequest*>> by_operation;
  for (const auto& request : trace.requests) {
    by_operation[request.verdict.operation ? request.verdict.operation->name : "(no operation)"].push_back(&request);
  }
  std::vector<CheckResult> checks;
  for (const auto& [operation, requests] : by_operation) {
    std::string label = trace.case_id.empty() ? operation : trace.case_id + "." + operation;
    for (auto& check : RequestChecks(context, label, operation == "(no operation)" ? "" : operation, requests, nullptr, "")) {
      checks.push_back(std::move(check));
    }
  }
  return checks;
}

}  // namespace ecrc::sdk
