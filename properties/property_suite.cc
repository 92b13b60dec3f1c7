#include "properties/property_suite.h"

#include "base/json_read.h"
#include "harness/runner/prerequisite.h"
#include "harness/runner/worker.h"
#include "properties/reproduction.h"
#include "properties/suite.h"

namespace ecrc::prop {
namespace {

constexpr char kApiReference[] = "https://docs.aws.amazon.com/AmazonECRPublic/latest/APIReference/";

results::CheckResult AgreementCheck(const spec::Service& service) {
  results::CheckResult r;
  r.id = r.check = "property_model_agreement";
  r.suite = PropertySuite::kName;
  r.category = "lifecycle";
  r.title = "Generated call sequences over every operation agree with a model of the registry";
  for (const auto& [name, op] : service.operations()) r.operations.push_back(name);
  // Each command cites its rules (fact sheet tags D/M/E) in properties/commands/<Operation>.h.
  r.source = kApiReference;
  return r;
}

// The shrunk sequence for a reader of the report, with the command that replays it.
std::string ReproductionText(const Trace& trace) {
  std::string out = std::string("# replay: ecr-conform replay ") + kPropertyReproductionFile + " --endpoint-url <endpoint>\n";
  for (size_t i = 0; i < trace.size(); ++i) {
    std::string args = jr::Dump(trace[i].args);
    if (args.size() > 400) args = args.substr(0, 400) + "...";
    out += std::to_string(i + 1) + ". " + trace[i].command + " " + args + "\n";
    for (const auto& call : trace[i].calls) {
      std::string got = call.transport_error.empty() ? "HTTP " + std::to_string(call.status) + (call.error_code.empty() ? "" : " " + call.error_code)
                                                     : call.transport_error;
      out += "   " + call.operation + ": expected " + call.expected + ", got " + got + "\n";
    }
    if (!trace[i].failure.empty()) out += "   => " + trace[i].failure + "\n";
  }
  return out;
}

}  // namespace

std::vector<results::CheckResult> CommandExercisedChecks(const std::vector<std::string>& commands, const std::map<std::string, int64_t>& runs,
                                                int64_t cases, bool suite_passed) {
  std::vector<results::CheckResult> out;
  for (const auto& name : commands) {
    results::CheckResult r;
    r.id = "property_command_exercised[" + name + "]";
    r.check = "property_command_exercised";
    r.suite = PropertySuite::kName;
    r.category = "coverage";
    r.title = "The property suite ran the " + name + " command";
    r.operations = {name};
    r.source = kApiReference + std::string("API_") + name + ".html";
    auto it = runs.find(name);
    int64_t count = it == runs.end() ? 0 : it->second;
    if (!suite_passed) {
      r.outcome = results::Outcome::kSkipped;
      r.skip_reason = "the property suite stopped at a failing case";
    } else if (count == 0) {
      r.outcome = results::Outcome::kFailed;
      results::Finding f;
      f.message = name + " never ran in " + std::to_string(cases) + " cases: its generator or weight is broken";
      f.expected = "at least one run";
      f.observed = "0";
      r.findings.push_back(f);
    }
    out.push_back(r);
  }
  return out;
}

results::CheckResult PropertyAgreementHeader(const spec::Service& service) { return AgreementCheck(service); }

namespace {

// Runs the cases on `worker`'s call path and fills `stats`.
std::vector<results::CheckResult> RunCases(const PropertyOptions& options, runner::Worker& worker, results::PropertyStats* stats) {
  const runner::RunConfig& config = *worker.shared().config;
  const spec::Service& service = *worker.shared().service;
  std::vector<results::CheckResult> out;
  results::CheckResult agreement = AgreementCheck(service);
  auto limits = Limits::FromService(service);
  if (!limits.ok()) {
    agreement.outcome = results::Outcome::kSkipped;
    agreement.skip_reason = limits.status().message();
    return {agreement};
  }
  PropertyConfig pc{options.cases, options.max_steps, config.seed, worker.shared().interrupted};
  PropertyOutcome outcome = RunPropertySuite(worker.path(), limits.value(), pc);
  stats->cases = outcome.cases_passed + (outcome.failure ? 1 : 0);
  stats->steps = outcome.tally.steps;
  stats->max_steps = options.max_steps;
  stats->commands = outcome.tally.commands;
  stats->choices = outcome.tally.choices;

  if (!outcome.setup.ok()) {
    // A set-up call the endpoint failed is a cause, not a harness error: the suite judged
    // nothing, so it is skipped (the operation's own checks carry the failure); no answer or a
    // RapidCheck error leaves it errored.
    runner::MarkBlocked(outcome.setup, outcome.setup_operation, &agreement);
    if (agreement.outcome == results::Outcome::kSkipped) agreement.skip_reason = "the property suite could not run: " + agreement.skip_reason;
  } else if (outcome.failure) {
    const auto& f = *outcome.failure;
    agreement.outcome = results::Outcome::kFailed;
    results::Finding finding;
    finding.message = "after " + std::to_string(f.cases_before) + " passing cases, a sequence of " + std::to_string(f.trace.size()) +
                      " steps (shrunk) disagrees with the model: " + f.description;
    if (!f.trace.empty() && !f.trace.back().calls.empty()) {
      const auto& last = f.trace.back().calls.back();
      // The disagreeing call's exchange, with a curl line replaying it alone; the replay file
      // replays the whole sequence.
      agreement.exchanges.push_back(last.exchange);
      finding.exchange = 0;
      finding.path = last.operation;
      finding.expected = last.expected;
      finding.observed = last.transport_error.empty()
                             ? "HTTP " + std::to_string(last.status) + (last.error_code.empty() ? "" : " " + last.error_code)
                             : last.transport_error;
    }
    agreement.findings.push_back(finding);
    Reproduction repro{config.seed, config.endpoint_label, f.description, f.trace};
    agreement.attachment = kPropertyReproductionFile;
    agreement.attachment_body = jr::Dump(ReproductionToJson(repro), 2) + "\n";
    agreement.reproduction = ReproductionText(f.trace);
    if (!agreement.exchanges.empty()) {
      agreement.reproduction += "# the disagreeing call alone:\n" + worker.Reproduction(agreement.exchanges[0]);
    }
  }
  out.push_back(agreement);

  for (auto& r : CommandExercisedChecks(CommandNames(), outcome.tally.commands, stats->cases, agreement.outcome == results::Outcome::kPassed)) {
    if (!outcome.setup.ok()) r.skip_reason = "the property suite could not run: " + outcome.setup.message();
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace

std::vector<runner::Unit> PropertySuite::Plan(const runner::SuitePlanning& planning) {
  if (!planning.selected(AgreementCheck(planning.service).id, {})) return {};
  const spec::Service* service = &planning.service;
  return {{[this](runner::Worker& worker) {
             stats_.emplace();
             std::vector<results::CheckResult> got = RunCases(options_, worker, &*stats_);
             // Stopped half way: the cases that ran say nothing about the model's agreement.
             if (std::string why = worker.shared().guard->StopReason(); !why.empty()) {
               results::CheckResult r = AgreementCheck(*worker.shared().service);
               r.outcome = results::Outcome::kErrored;
               r.findings.push_back({"not run: " + why, "", "", "", std::nullopt});
               return std::vector<results::CheckResult>{r};
             }
             return got;
           },
           [service] { return std::vector<results::CheckResult>{AgreementCheck(*service)}; }}};
}

void PropertySuite::Annotate(results::RunReport* report) const {
  if (stats_) report->property = stats_;
}

}  // namespace ecrc::prop
