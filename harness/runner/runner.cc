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
#include "harness/runner/prerequisite.h"
#include "harness/runner/property_checks.h"
#include "harness/runner/report_stamp.h"
#include "harness/runner/root_cause.h"
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

// The identity of a contract case's checks, before anything ran.
CheckResult ContractHeader(const check::ContractCase& c, const check::Evaluation& e) {
  CheckResult r;
  r.id = e.check + "[" + c.id + "]";
  r.check = e.check;
  r.suite = "contract";
  r.category = e.category;
  r.title = e.title;
  r.severity = e.severity;
  r.operations = {c.op->name};
  r.source = e.source;
  return r;
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
    CheckResult r = ContractHeader(c, e);
    if (!bound.ok()) {
      MarkBlocked(bound.status(), setup.empty() || !setup.back().op ? "" : setup.back().op->name, &r);
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

CheckResult ProbeHeader(const check::ProtocolProbe& probe) {
  CheckResult r;
  r.id = probe.id;
  r.check = probe.id;
  r.suite = "contract";
  r.category = "protocol";
  r.title = probe.title;
  r.severity = probe.severity;
  if (!probe.operation.empty()) r.operations = {probe.operation};
  r.source = probe.source;
  return r;
}

CheckResult RunProtocolProbe(const check::ProtocolProbe& probe, Worker& worker) {
  CheckResult r = ProbeHeader(probe);
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

// Checks a unit never ran, errored with why.
std::vector<CheckResult> NotRun(std::vector<CheckResult> headers, const std::string& why) {
  for (auto& r : headers) {
    r.outcome = Outcome::kErrored;
    r.findings.push_back({"not run: " + why, "", "", "", std::nullopt});
  }
  return headers;
}

// Runs a unit; an exception (a harness defect: endpoint data must never throw) errors the unit's
// checks instead of ending the process.
template <typename Run, typename Header>
std::vector<CheckResult> Guarded(Run&& run, Header&& header) {
  try {
    return run();
  } catch (const std::exception& e) {
    std::vector<CheckResult> out = header();
    for (auto& r : out) {
      r.outcome = Outcome::kErrored;
      r.findings.push_back({std::string("harness error: ") + e.what(), "", "", "", std::nullopt});
    }
    return out;
  }
}

// One quick request with short timeouts: does the endpoint give any HTTP answer at all?
bool StillAnswers(std::shared_ptr<const spec::Service> service, const client::Endpoint& endpoint) {
  client::TransportOptions quick;
  quick.connect_timeout = std::chrono::milliseconds(1000);
  quick.total_timeout = std::chrono::milliseconds(2000);
  quick.low_speed_time = std::chrono::milliseconds(1000);
  client::Client probe(std::move(service), endpoint, quick);
  HttpRequest ping;
  ping.headers.Add("Content-Type", "application/x-amz-json-1.1");
  ping.body = "{}";
  return probe.SendRaw(ping).ok();
}

}  // namespace

RunReport Run(const RunConfig& config, std::shared_ptr<const spec::Service> service, std::shared_ptr<const spec::Semantics> semantics,
              std::atomic<bool>* interrupted, RunStop* stop) {
  auto started = std::chrono::steady_clock::now();
  RunGuard::Limits limits;
  limits.max_consecutive_failures = config.max_consecutive_failures;
  if (config.deadline.count() > 0) limits.deadline = started + config.deadline;
  limits.deadline_text = config.deadline_text;
  RunGuard guard(limits);
  if (!config.endpoint_failure.empty()) guard.Trip("the endpoint stopped answering: " + config.endpoint_failure);
  RunShared shared;
  shared.service = service;
  shared.semantics = semantics;
  shared.config = &config;
  shared.guard = &guard;

  // Every unit of work yields check results; units run in any order on any worker. `header`
  // names the checks a unit yields without running it: a unit the run never got to (the
  // endpoint stopped answering, the deadline passed) is reported as errored with the reason.
  struct Task {
    std::function<std::vector<CheckResult>(Worker&)> run;
    std::function<std::vector<CheckResult>()> header;
  };
  std::vector<Task> tasks;
  check::ContractPlan plan = check::GenerateContractCases(*service, *semantics);
  if (Wants(config, "contract")) {
    for (const auto& c : plan.cases) {
      bool any = false;
      for (const auto& e : c.evaluations) any = any || Selected(config, e.check + "[" + c.id + "]", {c.op->name});
      if (!any) continue;
      tasks.push_back({[&c](Worker& w) { return RunContractCase(c, w); },
                       [&c] {
                         std::vector<CheckResult> out;
                         for (const auto& e : c.evaluations) out.push_back(ContractHeader(c, e));
                         return out;
                       }});
    }
  }
  std::vector<check::ProtocolProbe> probes = check::ProtocolProbes(*service);
  if (Wants(config, "contract")) {
    for (const auto& p : probes) {
      std::vector<std::string> ops;
      if (!p.operation.empty()) ops.push_back(p.operation);
      if (Selected(config, p.id, ops)) {
        tasks.push_back({[&p](Worker& w) { return std::vector<CheckResult>{RunProtocolProbe(p, w)}; },
                         [&p] { return std::vector<CheckResult>{ProbeHeader(p)}; }});
      }
    }
  }
  if (Wants(config, "scenario")) {
    for (const auto& s : check::AllScenarios()) {
      if (Selected(config, s.id, s.operations)) {
        tasks.push_back({[&s](Worker& w) { return std::vector<CheckResult>{RunScenario(s, w)}; },
                         [&s] { return std::vector<CheckResult>{ScenarioHeader(s)}; }});
      }
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
      std::vector<CheckResult> got;
      if (std::string why = guard.StopReason(); !why.empty()) {
        got = NotRun(tasks[i].header(), why);
      } else {
        got = Guarded([&] { return tasks[i].run(worker); }, [&] { return tasks[i].header(); });
      }
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
    std::vector<CheckResult> got;
    if (std::string why = guard.StopReason(); !why.empty()) {
      got = NotRun({PropertyAgreementHeader(*service)}, why);
    } else {
      got = Guarded([&] { return RunPropertyChecks(config, service, &*property, interrupted, &guard); },
                    [&] { return std::vector<CheckResult>{PropertyAgreementHeader(*service)}; });
      // Stopped half way: the cases that ran say nothing about the model's agreement.
      if (std::string why = guard.StopReason(); !why.empty()) got = NotRun({PropertyAgreementHeader(*service)}, why);
    }
    for (auto& r : got) results.push_back(std::move(r));
  }

  RunStop local_stop;
  if (!stop) stop = &local_stop;
  stop->endpoint_stopped_answering = guard.tripped();
  stop->deadline_reached = !stop->endpoint_stopped_answering && guard.deadline_reached();
  stop->reason = guard.StopReason();
  {
    // The cleanup gets a guard of its own (bounded in time, a shorter breaker), and runs only if
    // a run stopped by its endpoint finds the endpoint answering again: a dead endpoint cannot
    // delete anything, and every attempt would only wait for its timeout.
    RunGuard cleanup_guard({2, std::chrono::steady_clock::now() + std::chrono::seconds(30), "30s for the cleanup"});
    shared.guard = &cleanup_guard;
    Worker cleaner(&shared);
    if (!stop->endpoint_stopped_answering || StillAnswers(service, config.endpoint)) {
      try {
        Fixture::DeleteAll(*service, *semantics, cleaner.AsCallFn(), &shared.cleanup);
      } catch (const std::exception& e) {
        std::fprintf(stderr, "ecr-conform: cleanup stopped by a harness error: %s\n", e.what());
      }
    }
  }
  try {
    shared.shapes.Emit(*service, *shared.semantics, [&](const std::string& id, const std::string& op) { return Selected(config, id, {op}); }, &results);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "ecr-conform: output-shape aggregates stopped by a harness error: %s\n", e.what());
  }
  ChargeUnreportedPrerequisites(&results);

  // Before passing checks drop their exchanges: "every operation answered 5xx" needs them all.
  std::string root_cause = RootCause(results);
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
  report.root_cause = root_cause;
  report.coverage = shared.coverage.Finish(*service, *semantics, plan.constraints, config.endpoint.region);
  report.started_at = NowIso();
  report.duration_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return report;
}

}  // namespace ecrc::runner
