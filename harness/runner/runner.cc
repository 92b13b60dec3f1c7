#include "harness/runner/runner.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <mutex>
#include <thread>

#include "base/glob.h"
#include "harness/checks/contract_cases.h"
#include "harness/runner/prerequisite.h"
#include "harness/runner/report_stamp.h"
#include "harness/runner/root_cause.h"
#include "harness/runner/worker.h"

namespace ecrc::runner {
namespace {

bool Selected(const RunConfig& config, const std::string& id, const std::vector<std::string>& operations) {
  if (!config.check_glob.empty() && !GlobMatch(config.check_glob, id)) return false;
  if (!config.operation.empty() && std::find(operations.begin(), operations.end(), config.operation) == operations.end()) return false;
  return true;
}

// Checks a unit never ran, errored with why.
std::vector<results::CheckResult> NotRun(std::vector<results::CheckResult> headers, const std::string& why) {
  for (auto& r : headers) {
    r.outcome = results::Outcome::kErrored;
    r.findings.push_back({"not run: " + why, "", "", "", std::nullopt});
  }
  return headers;
}

// Runs a unit; an exception (a harness defect: endpoint data must never throw) errors the unit's
// checks instead of ending the process.
std::vector<results::CheckResult> Guarded(const Unit& unit, Worker& worker) {
  try {
    return unit.run(worker);
  } catch (const std::exception& e) {
    std::vector<results::CheckResult> out = unit.header();
    for (auto& r : out) {
      r.outcome = results::Outcome::kErrored;
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

// Units run on `jobs` workers in any order, each result list appended to `out`.
void RunUnits(const std::vector<Unit>& units, int jobs, RunShared* shared, std::vector<results::CheckResult>* out) {
  std::mutex out_mu;
  std::atomic<size_t> next{0};
  auto work = [&] {
    Worker worker(shared);
    for (size_t i; (i = next.fetch_add(1)) < units.size();) {
      if (shared->interrupted && shared->interrupted->load()) break;
      std::vector<results::CheckResult> got;
      if (std::string why = shared->guard->StopReason(); !why.empty()) {
        got = NotRun(units[i].header(), why);
      } else {
        got = Guarded(units[i], worker);
      }
      shared->progress->Tick(got);
      std::lock_guard lock(out_mu);
      for (auto& r : got) out->push_back(std::move(r));
    }
  };
  std::vector<std::thread> threads;
  for (int j = 0; j < std::max(1, jobs); ++j) threads.emplace_back(work);
  for (auto& t : threads) t.join();
}

}  // namespace

results::RunReport Run(const RunConfig& config, const std::vector<std::unique_ptr<Suite>>& suites,
                       std::shared_ptr<const spec::Service> service, std::shared_ptr<const spec::Semantics> semantics,
                       const std::atomic<bool>* interrupted, RunStop* stop) {
  auto started = std::chrono::steady_clock::now();
  std::string started_at = NowIso();
  RunGuard::Limits limits;
  limits.max_consecutive_failures = config.max_consecutive_failures;
  if (config.deadline.count() > 0) limits.deadline = started + config.deadline;
  limits.deadline_text = config.deadline_text;
  RunGuard guard(limits);
  if (!config.endpoint_failure.empty()) guard.Trip("the endpoint stopped answering: " + config.endpoint_failure);
  Progress progress(config.progress, config.color);
  RunShared shared(service, semantics, &config);
  shared.record.set_gate(&guard);
  shared.guard = &guard;
  shared.progress = &progress;
  shared.interrupted = interrupted;

  const check::ContractPlan plan = check::GenerateContractCases(*service, *semantics);
  SuitePlanning planning{*service, *semantics, config, plan,
                         [&config](const std::string& id, const std::vector<std::string>& ops) { return Selected(config, id, ops); }};
  std::vector<Unit> parallel, serial;
  bool shapes = false;
  for (const auto& suite : suites) {
    std::vector<Unit> units = suite->Plan(planning);
    auto& into = suite->serial() ? serial : parallel;
    into.insert(into.end(), std::make_move_iterator(units.begin()), std::make_move_iterator(units.end()));
    shapes = shapes || suite->reports_output_shapes();
  }
  progress.SetTotal(parallel.size() + serial.size());

  std::vector<results::CheckResult> checks;
  RunUnits(parallel, config.jobs, &shared, &checks);
  // Serial units (the property suite sets and restores the registry's catalog data, which
  // scenarios also touch) one at a time, after the parallel ones.
  RunUnits(serial, 1, &shared, &checks);
  progress.Finish();

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
    shared.record.set_gate(&cleanup_guard);
    CallPath cleaner(service, config.endpoint, &shared.record);
    if (!stop->endpoint_stopped_answering || StillAnswers(service, config.endpoint)) {
      try {
        Fixture::DeleteAll(*service, *semantics, cleaner.AsCallFn(), &shared.record.cleanup());
      } catch (const std::exception& e) {
        std::fprintf(stderr, "ecr-conform: cleanup stopped by a harness error: %s\n", e.what());
      }
    }
  }
  // Every call of the run feeds the output-shape aggregates (contract checks); they are reported
  // unless only suites that send malformed requests on purpose ran.
  if (shapes) {
    try {
      shared.record.shapes().Emit(*service, *semantics, [&](const std::string& id, const std::string& op) { return Selected(config, id, {op}); },
                                  &checks);
    } catch (const std::exception& e) {
      std::fprintf(stderr, "ecr-conform: output-shape aggregates stopped by a harness error: %s\n", e.what());
    }
  }
  ChargeUnreportedPrerequisites(&checks);

  // Before passing checks drop their exchanges: "every operation answered 5xx" needs them all.
  std::string root_cause = RootCause(checks);
  results::RunReport report = StampedReport(*service, config.endpoint_label, config.endpoint.region, config.seed);
  for (const auto& suite : suites) report.suites.push_back(suite->name());
  std::sort(checks.begin(), checks.end(), [](const results::CheckResult& a, const results::CheckResult& b) { return a.id < b.id; });
  // Evidence is for failures: a passing check's exchanges would only make reports big and runs
  // differ (repository names carry the run's unique prefix).
  for (auto& r : checks) {
    if (r.outcome == results::Outcome::kPassed) r.exchanges.clear();
  }
  report.checks = std::move(checks);
  report.root_cause = root_cause;
  report.coverage = shared.record.coverage().Finish(*service, *semantics, plan.constraints, config.endpoint.region);
  for (const auto& suite : suites) suite->Annotate(&report);
  report.started_at = started_at;
  report.duration_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return report;
}

}  // namespace ecrc::runner
