#include "harness/runner/runner.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <functional>
#include <mutex>
#include <thread>

#include "base/glob.h"
#include "harness/checks/contract_cases.h"
#include "harness/checks/protocol_probes.h"
#include "harness/checks/scenario.h"
#include "harness/runner/property_checks.h"
#include "harness/runner/report_stamp.h"
#include "harness/runner/scenario_context.h"
#include "harness/runner/worker.h"

namespace ecrc::runner {
namespace {

bool Selected(const RunConfig& config, const std::string& id, const std::vector<std::string>& operations) {
  if (!config.check_glob.empty() && !GlobMatch(config.check_glob, id)) return false;
  if (!config.operation.empty() && std::find(operations.begin(), operations.end(), config.operation) == operations.end()) return false;
  return true;
}

bool Wants(const RunConfig& config, const char* suite) {
  return std::find(config.suites.begin(), config.suites.end(), suite) != config.suites.end();
}

std::vector<CheckResult> RunContractCase(const check::ContractCase& c, Worker& worker) {
  std::vector<check::Call> setup;
  auto bound = worker.fixture().Bind(*c.op, c.input, c.member_under_test, &setup);
  std::optional<check::Call> call;
  if (bound.ok()) {
    call = worker.Call(*c.op, *bound);
    if (call->response && !c.constraint.empty()) worker.shared().coverage.OnConstraint(c.constraint);
  }
  std::vector<CheckResult> out;
  for (const auto& e : c.evaluations) {
    CheckResult r;
    r.id = e.check + "[" + c.id + "]";
    r.check = e.check;
    r.suite = "contract";
    r.category = e.category;
    r.title = e.title;
    r.severity = e.severity;
    r.operations = {c.op->name};
    r.source = e.source;
    if (!bound.ok()) {
      r.outcome = Outcome::kErrored;
      r.findings.push_back({bound.status().message(), "", "", "", std::nullopt});
      for (const auto& s : setup) r.exchanges.push_back(ToExchange(s));
    } else {
      r.exchanges.push_back(ToExchange(*call));
      if (!call->response) {
        r.outcome = Outcome::kErrored;
        r.findings.push_back({"transport failure: " + call->transport_error, "", "", "", 0});
      } else {
        check::EvaluateOutcome(*call, e.expectation, 0, &r.findings);
        r.outcome = r.findings.empty() ? Outcome::kPassed : Outcome::kFailed;
        if (!r.findings.empty()) r.reproduction = worker.Reproduction(r.exchanges[0]);
      }
    }
    out.push_back(std::move(r));
  }
  return out;
}

CheckResult RunProtocolProbe(const check::ProtocolProbe& probe, Worker& worker) {
  CheckResult r;
  r.id = probe.id;
  r.check = probe.id;
  r.suite = "contract";
  r.category = "protocol";
  r.title = probe.title;
  r.severity = probe.severity;
  if (!probe.operation.empty()) r.operations = {probe.operation};
  r.source = probe.source;
  client::TransportResult result = worker.client().SendRaw(probe.request, client::Sign::kYes);
  r.exchanges.push_back(worker.client().Evidence(result, probe.operation));
  if (!result.ok()) {
    r.outcome = Outcome::kErrored;
    r.findings.push_back({"transport failure: " + result.error().message, "", "", "", 0});
    return r;
  }
  probe.evaluate(*worker.shared().service, result.response(), &r.findings);
  r.outcome = r.findings.empty() ? Outcome::kPassed : Outcome::kFailed;
  if (!r.findings.empty()) r.reproduction = worker.Reproduction(r.exchanges[0]);
  return r;
}

// Live progress on a terminal: checks done / total and failures so far, on one line.
class Progress {
 public:
  Progress(bool enabled, bool color, size_t total) : enabled_(enabled), color_(color), total_(total) {}
  void Tick(const std::vector<CheckResult>& results) {
    std::lock_guard lock(mu_);
    for (const auto& r : results) failures_ += r.outcome >= Outcome::kFailed;
    ++done_;
    if (!enabled_) return;
    const char* red = color_ && failures_ ? "\033[31m" : "";
    const char* reset = color_ && failures_ ? "\033[0m" : "";
    std::fprintf(stderr, "\r  %zu/%zu done, %s%zu failing%s   ", done_, total_, red, failures_, reset);
    std::fflush(stderr);
  }
  void Finish() {
    if (enabled_) std::fprintf(stderr, "\n");
  }

 private:
  std::mutex mu_;
  bool enabled_, color_;
  size_t total_, done_ = 0, failures_ = 0;
};


}  // namespace

RunReport Run(const RunConfig& config, std::shared_ptr<const spec::Service> service, std::shared_ptr<const spec::Semantics> semantics,
              std::atomic<bool>* interrupted) {
  auto started = std::chrono::steady_clock::now();
  RunShared shared;
  shared.service = service;
  shared.semantics = semantics;
  shared.config = &config;

  // Every unit of work yields check results; units run in any order on any worker.
  using Task = std::function<std::vector<CheckResult>(Worker&)>;
  std::vector<Task> tasks;
  check::ContractPlan plan = check::GenerateContractCases(*service, *semantics);
  if (Wants(config, "contract")) {
    for (const auto& c : plan.cases) {
      bool any = false;
      for (const auto& e : c.evaluations) any = any || Selected(config, e.check + "[" + c.id + "]", {c.op->name});
      if (any) tasks.push_back([&c](Worker& w) { return RunContractCase(c, w); });
    }
  }
  std::vector<check::ProtocolProbe> probes = check::ProtocolProbes(*service);
  if (Wants(config, "contract")) {
    for (const auto& p : probes) {
      std::vector<std::string> ops;
      if (!p.operation.empty()) ops.push_back(p.operation);
      if (Selected(config, p.id, ops)) tasks.push_back([&p](Worker& w) { return std::vector<CheckResult>{RunProtocolProbe(p, w)}; });
    }
  }
  if (Wants(config, "scenario")) {
    for (const auto& s : check::AllScenarios()) {
      if (Selected(config, s.id, s.operations)) tasks.push_back([&s](Worker& w) { return std::vector<CheckResult>{RunScenario(s, w)}; });
    }
  }

  std::vector<CheckResult> results;
  std::mutex results_mu;
  std::atomic<size_t> next{0};
  Progress progress(config.progress, config.color, tasks.size());
  auto work = [&] {
    Worker worker(&shared);
    for (size_t i; (i = next.fetch_add(1)) < tasks.size();) {
      if (interrupted && interrupted->load()) break;
      std::vector<CheckResult> got = tasks[i](worker);
      progress.Tick(got);
      std::lock_guard lock(results_mu);
      for (auto& r : got) results.push_back(std::move(r));
    }
  };
  std::vector<std::thread> threads;
  for (int j = 0; j < std::max(1, config.jobs); ++j) threads.emplace_back(work);
  for (auto& t : threads) t.join();
  progress.Finish();

  // After the parallel suites: property cases run one at a time, and they set and restore the
  // registry's catalog data, which scenarios also touch.
  std::optional<PropertyStats> property;
  if (Wants(config, "property") && !(interrupted && interrupted->load()) && Selected(config, "property_model_agreement", {})) {
    property.emplace();
    for (auto& r : RunPropertyChecks(config, service, &*property, interrupted)) results.push_back(std::move(r));
  }

  {
    Worker cleaner(&shared);
    Fixture::DeleteAll(*service, *semantics, cleaner.AsCallFn(), &shared.cleanup);
  }
  shared.shapes.Emit(*service, *shared.semantics, [&](const std::string& id, const std::string& op) { return Selected(config, id, {op}); }, &results);

  RunReport report = StampedReport(*service, config.endpoint_label, config.endpoint.region, config.seed);
  report.suites = config.suites;
  std::sort(results.begin(), results.end(), [](const CheckResult& a, const CheckResult& b) { return a.id < b.id; });
  // Evidence is for failures: a passing check's exchanges would only make reports big and runs
  // differ (repository names carry the run's unique prefix).
  for (auto& r : results) {
    if (r.outcome == Outcome::kPassed) r.exchanges.clear();
  }
  report.checks = std::move(results);
  report.property = property;
  report.coverage = shared.coverage.Finish(*service, *semantics, plan.constraints, config.endpoint.region);
  report.started_at = NowIso();
  report.duration_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return report;
}

}  // namespace ecrc::runner
