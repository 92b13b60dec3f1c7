#include "harness/runner/contract_suite.h"

#include "harness/runner/prerequisite.h"
#include "harness/runner/worker.h"

namespace ecrc::runner {
namespace {

// The identity of a contract case's checks, before anything ran.
results::CheckResult ContractHeader(const check::ContractCase& c, const check::Evaluation& e) {
  results::CheckResult r;
  r.id = e.check + "[" + c.id + "]";
  r.check = e.check;
  r.suite = ContractSuite::kName;
  r.category = e.category;
  r.title = e.title;
  r.severity = e.severity;
  r.operations = {c.op->name};
  r.source = e.source;
  return r;
}

std::vector<results::CheckResult> ContractHeaders(const check::ContractCase& c) {
  std::vector<results::CheckResult> out;
  for (const auto& e : c.evaluations) out.push_back(ContractHeader(c, e));
  return out;
}

std::vector<results::CheckResult> RunContractCase(const check::ContractCase& c, Worker& worker) {
  std::vector<check::Call> setup;
  auto bound = worker.fixture().Bind(*c.op, c.input, c.member_under_test, &setup);
  std::optional<check::Call> call;
  if (bound.ok()) {
    call = worker.Call(*c.op, *bound);
    if (call->answered() && !c.constraint.empty()) worker.shared().record.coverage().OnConstraint(c.constraint);
  }
  std::vector<results::CheckResult> out;
  for (const auto& e : c.evaluations) {
    results::CheckResult r = ContractHeader(c, e);
    if (!bound.ok()) {
      MarkBlocked(bound.status(), setup.empty() || !setup.back().op ? "" : setup.back().op->name, &r);
      for (const auto& s : setup) r.exchanges.push_back(s.exchange);
    } else {
      r.exchanges.push_back(call->exchange);
      if (!call->answered()) {
        r.outcome = results::Outcome::kErrored;
        r.findings.push_back({"transport failure: " + call->transport_error(), "", "", "", 0});
      } else {
        check::EvaluateOutcome(*call, e.expectation, 0, &r.findings);
        r.outcome = r.findings.empty() ? results::Outcome::kPassed : results::Outcome::kFailed;
        if (!r.findings.empty()) r.reproduction = worker.Reproduction(r.exchanges[0]);
      }
    }
    out.push_back(std::move(r));
  }
  return out;
}

results::CheckResult ProbeHeader(const check::ProtocolProbe& probe) {
  results::CheckResult r;
  r.id = probe.id;
  r.check = probe.id;
  r.suite = ContractSuite::kName;
  r.category = "protocol";
  r.title = probe.title;
  r.severity = probe.severity;
  if (!probe.operation.empty()) r.operations = {probe.operation};
  r.source = probe.source;
  return r;
}

results::CheckResult RunProtocolProbe(const check::ProtocolProbe& probe, Worker& worker) {
  results::CheckResult r = ProbeHeader(probe);
  CallPath::Raw sent = worker.path().SendRaw(probe.request, client::Sign::kYes, probe.operation);
  const client::TransportResult& result = sent.result;
  r.exchanges.push_back(std::move(sent.evidence));
  if (!result.ok()) {
    r.outcome = results::Outcome::kErrored;
    r.findings.push_back({"transport failure: " + result.error().message, "", "", "", 0});
    return r;
  }
  probe.evaluate(worker.path().service(), result.response(), &r.findings);
  r.outcome = r.findings.empty() ? results::Outcome::kPassed : results::Outcome::kFailed;
  if (!r.findings.empty()) r.reproduction = worker.Reproduction(r.exchanges[0]);
  return r;
}

}  // namespace

std::vector<Unit> ContractSuite::Plan(const SuitePlanning& planning) {
  probes_ = check::ProtocolProbes(planning.service);
  std::vector<Unit> units;
  for (const auto& c : planning.contract_plan.cases) {
    bool any = false;
    for (const auto& e : c.evaluations) any = any || planning.selected(e.check + "[" + c.id + "]", {c.op->name});
    if (!any) continue;
    units.push_back({[&c](Worker& w) { return RunContractCase(c, w); }, [&c] { return ContractHeaders(c); }});
  }
  for (const auto& p : probes_) {
    std::vector<std::string> ops;
    if (!p.operation.empty()) ops.push_back(p.operation);
    if (!planning.selected(p.id, ops)) continue;
    units.push_back({[&p](Worker& w) { return std::vector<results::CheckResult>{RunProtocolProbe(p, w)}; },
                     [&p] { return std::vector<results::CheckResult>{ProbeHeader(p)}; }});
  }
  return units;
}

}  // namespace ecrc::runner
