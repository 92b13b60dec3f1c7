#include "harness/runner/property_checks.h"

#include "base/json_read.h"
#include "harness/client/client.h"
#include "harness/runner/prerequisite.h"
#include "properties/reproduction.h"
#include "properties/suite.h"

namespace ecrc::runner {
namespace {

constexpr char kApiReference[] = "https://docs.aws.amazon.com/AmazonECRPublic/latest/APIReference/";

CheckResult AgreementCheck(const spec::Service& service) {
  CheckResult r;
  r.id = r.check = "property_model_agreement";
  r.suite = "property";
  r.category = "lifecycle";
  r.title = "Generated call sequences over every operation agree with a model of the registry";
  for (const auto& [name, op] : service.operations()) r.operations.push_back(name);
  // Each command cites its rules (fact sheet tags D/M/E) in properties/commands/<Operation>.h.
  r.source = kApiReference;
  return r;
}

// The shrunk sequence for a reader of the report, with the command that replays it.
std::string ReproductionText(const prop::Trace& trace) {
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

std::vector<CheckResult> CommandExercisedChecks(const std::vector<std::string>& commands, const std::map<std::string, int64_t>& runs,
                                                int64_t cases, bool suite_passed) {
  std::vector<CheckResult> out;
  for (const auto& name : commands) {
    CheckResult r;
    r.id = "property_command_exercised[" + name + "]";
    r.check = "property_command_exercised";
    r.suite = "property";
    r.category = "coverage";
    r.title = "The property suite ran the " + name + " command";
    r.operations = {name};
    r.source = kApiReference + std::string("API_") + name + ".html";
    auto it = runs.find(name);
    int64_t count = it == runs.end() ? 0 : it->second;
    if (!suite_passed) {
      r.outcome = Outcome::kSkipped;
      r.skip_reason = "the property suite stopped at a failing case";
    } else if (count == 0) {
      r.outcome = Outcome::kFailed;
      Finding f;
      f.message = name + " never ran in " + std::to_string(cases) + " cases: its generator or weight is broken";
      f.expected = "at least one run";
      f.observed = "0";
      r.findings.push_back(f);
    }
    out.push_back(r);
  }
  return out;
}

CheckResult PropertyAgreementHeader(const spec::Service& service) { return AgreementCheck(service); }

std::vector<CheckResult> RunPropertyChecks(const RunConfig& config, std::shared_ptr<const spec::Service> service, PropertyStats* stats,
                                          const std::atomic<bool>* interrupted, client::SendGate* gate) {
  std::vector<CheckResult> out;
  CheckResult agreement = AgreementCheck(*service);
  auto limits = prop::Limits::FromService(*service);
  if (!limits.ok()) {
    agreement.outcome = Outcome::kSkipped;
    agreement.skip_reason = limits.status().message();
    return {agreement};
  }
  client::Client client(service, config.endpoint);
  client.set_gate(gate);
  prop::PropertyConfig pc{config.property_cases, config.property_max_steps, config.seed, interrupted};
  prop::PropertyOutcome outcome = prop::RunPropertySuite(client, limits.value(), pc);
  stats->cases = outcome.cases_passed + (outcome.failure ? 1 : 0);
  stats->steps = outcome.tally.steps;
  stats->max_steps = config.property_max_steps;
  stats->commands = outcome.tally.commands;
  stats->choices = outcome.tally.choices;

  if (!outcome.setup.ok()) {
    // A set-up call the endpoint failed is a cause, not a harness error: the suite judged
    // nothing, so it is skipped (the operation's own checks carry the failure); no answer or a
    // RapidCheck error leaves it errored.
    MarkBlocked(outcome.setup, outcome.setup_operation, &agreement);
    if (agreement.outcome == Outcome::kSkipped) agreement.skip_reason = "the property suite could not run: " + agreement.skip_reason;
  } else if (outcome.failure) {
    const auto& f = *outcome.failure;
    agreement.outcome = Outcome::kFailed;
    Finding finding;
    finding.message = "after " + std::to_string(f.cases_before) + " passing cases, a sequence of " + std::to_string(f.trace.size()) +
                      " steps (shrunk) disagrees with the model: " + f.description;
    if (!f.trace.empty() && !f.trace.back().calls.empty()) {
      const auto& last = f.trace.back().calls.back();
      finding.path = last.operation;
      finding.expected = last.expected;
      finding.observed = last.transport_error.empty()
                             ? "HTTP " + std::to_string(last.status) + (last.error_code.empty() ? "" : " " + last.error_code)
                             : last.transport_error;
    }
    agreement.findings.push_back(finding);
    prop::Reproduction repro{config.seed, config.endpoint_label, f.description, f.trace};
    agreement.attachment = kPropertyReproductionFile;
    agreement.attachment_body = jr::Dump(prop::ReproductionToJson(repro), 2) + "\n";
    agreement.reproduction = ReproductionText(f.trace);
  }
  out.push_back(agreement);

  for (auto& r : CommandExercisedChecks(prop::CommandNames(), outcome.tally.commands, stats->cases, agreement.outcome == Outcome::kPassed)) {
    if (!outcome.setup.ok()) r.skip_reason = "the property suite could not run: " + outcome.setup.message();
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace ecrc::runner
