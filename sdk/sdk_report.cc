#include "sdk/sdk_report.h"

#include <algorithm>
#include <functional>
#include <map>
#include <set>

#include "harness/runner/report_stamp.h"

namespace ecrc::sdk {
namespace {

using results::CheckResult;
using results::Outcome;

// Every input member path of a shape: `imageIds[].imageTag`, recursing through structures, list
// elements and map values.
void InputMemberPaths(const spec::Shape& shape, const std::string& prefix, int depth, std::set<std::string>* out) {
  if (depth > 8) return;
  switch (shape.type) {
    case spec::ShapeType::kStructure:
      for (const auto& member : shape.members) {
        std::string path = prefix.empty() ? member.name : prefix + "." + member.name;
        out->insert(path);
        InputMemberPaths(*member.shape, path, depth + 1, out);
      }
      return;
    case spec::ShapeType::kList: return InputMemberPaths(*shape.member, prefix + "[]", depth + 1, out);
    case spec::ShapeType::kMap: return InputMemberPaths(*shape.value, prefix + "{}", depth + 1, out);
    default: return;
  }
}

void SentPaths(const spec::Shape& shape, const nlohmann::json& value, const std::string& prefix, int depth,
               std::set<std::string>* out) {
  if (depth > 8) return;
  switch (shape.type) {
    case spec::ShapeType::kStructure:
      if (!value.is_object()) return;
      for (const auto& member : shape.members) {
        auto it = value.find(member.name);
        if (it == value.end() || it->is_null()) continue;
        std::string path = prefix.empty() ? member.name : prefix + "." + member.name;
        out->insert(path);
        SentPaths(*member.shape, *it, path, depth + 1, out);
      }
      return;
    case spec::ShapeType::kList:
      if (value.is_array()) {
        for (const auto& element : value) SentPaths(*shape.member, element, prefix + "[]", depth + 1, out);
      }
      return;
    case spec::ShapeType::kMap:
      if (value.is_object()) {
        for (const auto& [key, element] : value.items()) SentPaths(*shape.value, element, prefix + "{}", depth + 1, out);
      }
      return;
    default: return;
  }
}

// The planned cases the driver answered other than exactly once: the case's own checks error
// too, but the driver's conduct is judged here, across the run.
void AnswerCountProblems(const std::vector<SdkCase>& cases, const DriverResults& results,
                         const std::function<void(std::string)>& problem) {
  constexpr size_t kListed = 10;
  std::vector<std::string> never;
  size_t repeated = 0;
  for (const auto& sdk_case : cases) {
    auto found = results.answers.find(sdk_case.id);
    size_t count = found == results.answers.end() ? 0 : found->second.size();
    if (count == 0) never.push_back(sdk_case.id);
    if (count < 2 || ++repeated > kListed) continue;
    std::string lines;
    for (const auto& answer : found->second) lines += (lines.empty() ? "" : ", ") + std::to_string(answer.line);
    problem("the driver answered case '" + sdk_case.id + "' " + std::to_string(count) + " times (lines " + lines + ")");
  }
  if (repeated > kListed) problem(std::to_string(repeated - kListed) + " more cases answered more than once");
  if (never.empty()) return;
  std::string listed;
  for (size_t i = 0; i < never.size() && i < kListed; ++i) listed += (i ? ", " : "") + never[i];
  if (never.size() > kListed) listed += ", ... (" + std::to_string(never.size() - kListed) + " more)";
  problem("the driver never answered " + std::to_string(never.size()) + " of " + std::to_string(cases.size()) +
          " cases: " + listed);
}

CheckResult DriverCheck(const SdkReportInput& input, const std::vector<SdkCase>& cases,
                        const std::vector<ControlProblem>& control, const CaseTrace* unannounced, bool planned) {
  CheckResult check;
  check.id = "sdk_driver_protocol";
  check.check = check.id;
  check.suite = kSdkSuite;
  check.category = "driver";
  check.title = "the driver announces each case, answers each exactly once in JSON lines, and exits 0 in time";
  check.source = "sdk/README.md#driver-protocol";
  auto problem = [&](std::string message) {
    check.outcome = Outcome::kErrored;
    check.findings.push_back(results::Finding{std::move(message), "", "", "", std::nullopt});
  };
  for (const auto& p : input.driver_problems) problem(p);
  if (input.driver_results) {
    for (const auto& p : input.driver_results->problems) problem("results file, " + p);
    if (planned) AnswerCountProblems(cases, *input.driver_results, problem);
  }
  for (const auto& p : control) problem("case announcement: " + p.message);
  if (planned && unannounced && !unannounced->requests.empty()) {
    problem(std::to_string(unannounced->requests.size()) + " request(s) arrived before any case was announced");
  }
  return check;
}

}  // namespace

results::RunReport SdkReport(const Judge& judge, const CaseCheckContext& context, const SdkReportInput& input) {
  const spec::Service& service = judge.service();
  auto traces = judge.Traces();
  std::map<std::string, const CaseTrace*> by_case;
  for (const auto& trace : traces) by_case[trace.case_id] = &trace;
  bool planned = !judge.cases().empty();

  std::vector<CheckResult> checks;
  std::map<std::string, std::vector<std::string>> unsupported;  // operation -> case ids
  std::map<std::string, int> supported;
  if (planned) {
    for (const auto& sdk_case : judge.cases()) {
      auto trace = by_case.find(sdk_case.id);
      const std::vector<DriverAnswer>* answers = nullptr;
      if (input.driver_results) {
        auto found = input.driver_results->answers.find(sdk_case.id);
        if (found != input.driver_results->answers.end()) answers = &found->second;
      }
      if (answers) {
        for (const auto& answer : *answers) {
          if (answer.kind == DriverAnswer::Kind::kUnsupported) {
            unsupported[sdk_case.operation].push_back(sdk_case.id + " (" + answer.message + ")");
          } else {
            ++supported[sdk_case.operation];
          }
        }
      }
      for (auto& check : JudgeCase(context, sdk_case, trace == by_case.end() ? nullptr : trace->second, answers)) {
        checks.push_back(std::move(check));
      }
    }
    std::set<std::string> operations;
    for (const auto& sdk_case : judge.cases()) operations.insert(sdk_case.operation);
    for (const auto& operation : operations) {
      CheckResult check;
      check.id = "sdk_supported[" + operation + "]";
      check.check = "sdk_supported";
      check.suite = kSdkSuite;
      check.category = "drift";
      check.title = "the SDK has the operation and every input member the cases use (else: model drift)";
      check.operations = {operation};
      check.source = "specs/ecr-public/2020-10-30/service-2.json#operations." + operation;
      if (unsupported.count(operation)) {
        check.outcome = Outcome::kFailed;
        for (const auto& id : unsupported[operation]) {
          check.findings.push_back({"model drift: the SDK does not support " + id, "", "supported", "unsupported", std::nullopt});
        }
      } else if (!supported.count(operation)) {
        check.outcome = Outcome::kSkipped;
        check.skip_reason = "the driver answered no case of this operation";
      }
      checks.push_back(std::move(check));
    }
  } else {
    for (const auto& trace : traces) {
      for (auto& check : JudgeUnplannedTrace(context, trace)) checks.push_back(std::move(check));
    }
  }
  const CaseTrace* unannounced = by_case.count("") ? by_case[""] : nullptr;
  checks.push_back(DriverCheck(input, judge.cases(), judge.ControlProblems(), unannounced, planned));

  results::RunReport report = runner::StampedReport(service, input.endpoint, judge.options().reference.region, 0);
  report.suites = {kSdkSuite};
  std::sort(checks.begin(), checks.end(), [](const CheckResult& a, const CheckResult& b) { return a.id < b.id; });
  for (auto& check : checks) {
    if (check.outcome == Outcome::kPassed) check.exchanges.clear();
  }

  results::Coverage& coverage = report.coverage;
  std::set<std::string> exercised, all_members, sent_members;
  for (const auto& [name, op] : service.operations()) InputMemberPaths(*op.input, name + ":", 0, &all_members);
  for (const auto& trace : traces) {
    for (const auto& request : trace.requests) {
      if (!request.verdict.operation) continue;
      exercised.insert(request.verdict.operation->name);
      SentPaths(*request.verdict.operation->input, request.verdict.input, request.verdict.operation->name + ":", 0,
                &sent_members);
    }
  }
  for (const auto& [name, op] : service.operations()) {
    (exercised.count(name) ? coverage.operations_exercised : coverage.operations_missed).push_back(name);
  }
  for (const auto& path : all_members) {
    (sent_members.count(path) ? coverage.input_members_sent : coverage.input_members_missed).push_back(path);
  }
  std::map<std::string, bool> error_decoded;  // "Op:Error" -> every form decoded
  for (const auto& check : checks) {
    if (check.check == "sdk_paginates" && check.outcome == Outcome::kPassed) {
      coverage.paginators_verified.push_back(check.operations.empty() ? check.id : check.operations.front());
    }
    if (check.check != "sdk_error_code" || check.category != "error") continue;
    // sdk_error_code[<Op>.<Error>.<form>]; workflow cases name no form.
    std::string label = check.id.substr(check.check.size() + 1, check.id.size() - check.check.size() - 2);
    size_t form_at = label.rfind('.');
    size_t error_at = form_at == std::string::npos ? std::string::npos : label.rfind('.', form_at - 1);
    if (error_at == std::string::npos) continue;
    bool decoded = check.outcome == Outcome::kPassed;
    (decoded ? coverage.error_forms_decoded : coverage.error_forms_missed).push_back(label);
    std::string pair = label.substr(0, error_at) + ":" + label.substr(error_at + 1, form_at - error_at - 1);
    auto [it, added] = error_decoded.emplace(pair, decoded);
    if (!added) it->second = it->second && decoded;
  }
  for (const auto& [pair, decoded] : error_decoded) (decoded ? coverage.errors_provoked : coverage.errors_missed).push_back(pair);
  for (const auto& [name, paginator] : service.paginators()) {
    if (std::find(coverage.paginators_verified.begin(), coverage.paginators_verified.end(), name) ==
        coverage.paginators_verified.end()) {
      coverage.paginators_missed.push_back(name);
    }
  }
  report.checks = std::move(checks);
  return report;
}

}  // namespace ecrc::sdk
