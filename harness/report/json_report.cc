#include "harness/report/json_report.h"

#include <algorithm>
#include <cmath>

#include "base/base64.h"
#include "base/utf8.h"
#include "harness/report/report_util.h"
#include "harness/report/text_clean.h"
#include "harness/report/verdict.h"

namespace ecrc::report {
namespace {

using Json = nlohmann::ordered_json;
using results::Coverage;
using results::Finding;

void SortUnique(std::vector<std::string>* v) {
  std::sort(v->begin(), v->end());
  v->erase(std::unique(v->begin(), v->end()), v->end());
}

Json HeadersToJson(const Headers& headers) {
  Json out = Json::array();
  for (const auto& [name, value] : headers.entries) out.push_back(Json{{"name", name}, {"value", value}});
  return out;
}

// Bodies that are valid UTF-8 are stored as text (readable, greppable); anything else as
// base64, so binary evidence survives the round trip byte for byte.
void PutBody(Json* obj, const std::string& body) {
  if (IsValidUtf8(body)) {
    (*obj)["body"] = body;
  } else {
    (*obj)["body_base64"] = Base64Encode(body);
  }
}

Json ExchangeToJson(const results::Exchange& ex) {
  Json request{{"method", ex.request.method}, {"path", ex.request.path}, {"headers", HeadersToJson(ex.request.headers)}};
  PutBody(&request, ex.request.body);
  Json response{{"status", ex.response.status}, {"headers", HeadersToJson(ex.response.headers)}};
  PutBody(&response, ex.response.body);
  return Json{{"operation", ex.operation},
              {"request", std::move(request)},
              {"response", std::move(response)},
              {"transport_error", ex.transport_error}};
}

Json FindingToJson(const Finding& f) {
  Json out{{"message", f.message}, {"path", f.path}, {"expected", f.expected}, {"observed", f.observed}};
  if (f.exchange) out["exchange"] = *f.exchange;
  return out;
}

Json CheckToJson(const CheckResult& c) {
  Json findings = Json::array();
  for (const auto& f : c.findings) findings.push_back(FindingToJson(f));
  Json exchanges = Json::array();
  for (const auto& ex : c.exchanges) exchanges.push_back(ExchangeToJson(ex));
  return Json{{"id", c.id},
              {"check", c.check},
              {"suite", c.suite},
              {"category", c.category},
              {"title", c.title},
              {"severity", results::SeverityName(c.severity)},
              {"operations", c.operations},
              {"source", c.source},
              {"outcome", results::OutcomeName(c.outcome)},
              {"skip_reason", c.skip_reason},
              {"findings", std::move(findings)},
              {"exchanges", std::move(exchanges)},
              {"reproduction", c.reproduction},
              {"attachment", c.attachment}};
}

Json CoverageToJson(const Coverage& c) {
  Json unprovokable = Json::object();
  for (const auto& [pair, why] : c.errors_unprovokable) unprovokable[pair] = why;
  Json out{{"operations_exercised", c.operations_exercised},
           {"operations_missed", c.operations_missed},
           {"errors_provoked", c.errors_provoked},
           {"errors_missed", c.errors_missed},
           {"errors_unprovokable", std::move(unprovokable)},
           {"constraints_exercised", c.constraints_exercised},
           {"constraints_missed", c.constraints_missed},
           {"paginators_verified", c.paginators_verified},
           {"paginators_missed", c.paginators_missed}};
  // Only SDK runs fill these; other reports stay as they were.
  for (const auto& [name, list] : {std::pair{"error_forms_decoded", &c.error_forms_decoded},
                                   std::pair{"error_forms_missed", &c.error_forms_missed},
                                   std::pair{"input_members_sent", &c.input_members_sent},
                                   std::pair{"input_members_missed", &c.input_members_missed}}) {
    if (!list->empty()) out[name] = *list;
  }
  return out;
}

Json SummaryToJson(const RunReport& r) {
  auto counts = r.Counts();
  Json by_outcome = Json::object();
  for (Outcome o : {Outcome::kDisabled, Outcome::kSkipped, Outcome::kPassed, Outcome::kFailed, Outcome::kErrored}) {
    by_outcome[results::OutcomeName(o)] = counts.count(o) ? counts.at(o) : 0;
  }
  RunVerdict verdict = VerdictOf(r);
  return Json{{"outcome", results::OutcomeName(r.OverallOutcome())},
              {"verdict", verdict.Name()},
              {"warnings", verdict.warnings},
              {"total", r.checks.size()},
              {"counts", by_outcome}};
}

}  // namespace

void Normalize(RunReport* report) {
  std::stable_sort(report->checks.begin(), report->checks.end(),
                   [](const CheckResult& a, const CheckResult& b) { return a.id < b.id; });
  SortUnique(&report->suites);
  for (auto& c : report->checks) {
    SortUnique(&c.operations);
    auto cap = [](std::string* s) {
      if (s->size() > kMaxStoredBodyBytes) *s = TruncateWithMarker(*s, kMaxStoredBodyBytes);
    };
    cap(&c.reproduction);
    for (auto& ex : c.exchanges) {
      cap(&ex.request.body);
      cap(&ex.response.body);
    }
  }
  Coverage& cov = report->coverage;
  for (auto* list : {&cov.operations_exercised, &cov.operations_missed, &cov.errors_provoked, &cov.errors_missed,
                     &cov.constraints_exercised, &cov.constraints_missed, &cov.paginators_verified, &cov.paginators_missed,
                     &cov.error_forms_decoded, &cov.error_forms_missed, &cov.input_members_sent, &cov.input_members_missed}) {
    SortUnique(list);
  }
}

nlohmann::ordered_json ToJson(const RunReport& input) { return ToJsonPrepared(PrepareForOutput(input)); }

nlohmann::ordered_json ToJsonPrepared(const RunReport& r) {
  Json checks = Json::array();
  for (const auto& c : r.checks) checks.push_back(CheckToJson(c));
  Json operation_sha = Json::object();
  for (const auto& [op, sha] : r.spec.operation_sha256) operation_sha[op] = sha;
  Json out{{"schema_version", kReportSchemaVersion},
              {"tool_version", r.tool_version},
              {"spec", Json{{"uid", r.spec.uid}, {"model_sha256", r.spec.model_sha256}, {"operation_sha256", std::move(operation_sha)}}},
              {"endpoint", r.endpoint},
              {"region", r.region},
              {"seed", r.seed},
              {"suites", r.suites},
              {"started_at", r.started_at},
              {"duration_seconds", std::isfinite(r.duration_seconds) && r.duration_seconds >= 0 ? r.duration_seconds : 0.0},
              {"summary", SummaryToJson(r)},
              {"root_cause", r.root_cause},
              {"checks", std::move(checks)},
              {"coverage", CoverageToJson(r.coverage)}};
  if (r.property) {
    const results::PropertyStats& p = *r.property;
    out["property"] = Json{{"cases", p.cases}, {"steps", p.steps}, {"max_steps", p.max_steps},
                           {"commands", Json(p.commands)}, {"choices", Json(p.choices)}};
  }
  return out;
}

std::string ToJsonString(const RunReport& report) { return ToJsonStringPrepared(PrepareForOutput(report)); }

std::string ToJsonStringPrepared(const RunReport& report) {
  return ToJsonPrepared(report).dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace ecrc::report
