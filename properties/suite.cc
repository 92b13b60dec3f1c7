#include "properties/suite.h"

#include <iostream>
#include <sstream>

#include <rapidcheck/detail/Configuration.h>

#include "properties/case_runner.h"
#include "properties/command.h"

namespace ecrc::prop {
namespace {

// Adds a case's command counts to the total only for generated cases, not for shrink re-runs.
class TallyListener : public rc::detail::TestListener {
 public:
  TallyListener(Tally* total, Tally* last_case) : total_(total), last_case_(last_case) {}
  void onTestCaseFinished(const rc::detail::CaseDescription&) override {
    for (const auto& [k, v] : last_case_->commands) total_->commands[k] += v;
    for (const auto& [k, v] : last_case_->choices) total_->choices[k] += v;
    total_->steps += last_case_->steps;
  }
  void onShrinkTried(const rc::detail::CaseDescription&, bool) override {}
  void onTestFinished(const rc::detail::TestMetadata&, const rc::detail::TestResult&) override {}

 private:
  Tally* total_;
  Tally* last_case_;
};

// RapidCheck announces its global configuration (a random seed) on first use; the suite passes
// its own seed explicitly, so that line would only mislead.
void SilenceConfigurationBanner() {
  static const bool done = [] {
    std::ostringstream sink;
    std::streambuf* old = std::cerr.rdbuf(sink.rdbuf());
    rc::detail::configuration();
    std::cerr.rdbuf(old);
    return true;
  }();
  (void)done;
}

}  // namespace

PropertyOutcome RunPropertySuite(runner::CallPath& path, const Limits& limits, const PropertyConfig& config) {
  SilenceConfigurationBanner();
  PropertyOutcome out;
  Tally last_case;
  CaseRun last_failure;
  CaseRun setup_failure;
  // Every case starts from the registry name seen here: each case restores it when it ends.
  Sut probe(path, limits, NextCasePrefix(), nullptr);
  auto display = probe.Begin();
  if (!display.ok()) {
    out.setup = display.status();
    out.setup_operation = probe.failed_set_up();
    return out;
  }
  const Model initial = InitialModel(limits, display.value().value_or(""));
  auto property = [&] {
    last_case = Tally{};
    if (config.stop && config.stop->load()) return;
    const auto commands = *rc::state::gen::commands(initial, [](const Model& m) { return GenCommand(m); });
    std::vector<CommandPtr> list(commands.begin(), commands.end());
    CaseRun run = RunCommands(path, limits, list, &last_case);
    if (!run.failure.empty()) {
      if (!run.setup.ok()) setup_failure = run;
      last_failure = run;
      RC_FAIL(run.failure);
    }
  };
  rc::detail::TestParams params;
  params.seed = config.seed;
  params.maxSuccess = config.cases;
  params.maxSize = std::max(0, config.max_steps - 1);
  TallyListener listener(&out.tally, &last_case);
  rc::detail::TestResult result = rc::detail::checkProperty(rc::detail::toProperty(property), rc::detail::TestMetadata{}, params, listener);
  rc::detail::SuccessResult success;
  rc::detail::FailureResult failure;
  rc::detail::GaveUpResult gave_up;
  rc::detail::Error error;
  if (result.match(success)) {
    out.cases_passed = success.numSuccess;
  } else if (result.match(failure)) {
    out.cases_passed = failure.numSuccess;
    if (!setup_failure.setup.ok()) {
      out.setup = setup_failure.setup;
      out.setup_operation = setup_failure.setup_operation;
    } else {
      // The last failing run is the shrunk one: shrinking adopts each failing candidate in turn
      // and stops when none of the smaller ones fails.
      out.failure = PropertyFailure{last_failure.failure.empty() ? failure.description : last_failure.failure, last_failure.trace,
                                    failure.numSuccess};
    }
  } else if (result.match(gave_up)) {
    out.setup = Status::Error("RapidCheck gave up: " + gave_up.description);
  } else if (result.match(error)) {
    out.setup = Status::Error("RapidCheck error: " + error.description);
  }
  return out;
}

}  // namespace ecrc::prop
