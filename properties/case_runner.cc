#include "properties/case_runner.h"

#include <atomic>
#include <random>

namespace ecrc::prop {

std::string NextCasePrefix() {
  static const uint32_t run_tag = std::random_device{}();
  static std::atomic<uint64_t> counter{0};
  return CasePrefix(run_tag, counter++);
}

Model InitialModel(const Limits& limits, const std::string& display_name) {
  Model m;
  m.limits = &limits;
  m.display_name = {display_name};
  return m;
}

CaseRun RunCommands(runner::CallPath& path, const Limits& limits, const std::vector<CommandPtr>& commands, Tally* tally) {
  CaseRun out;
  Sut sut(path, limits, NextCasePrefix(), tally);
  auto display = sut.Begin();
  if (!display.ok()) {
    out.setup = display.status();
    out.setup_operation = sut.failed_set_up();
    out.failure = "case set-up failed: " + display.status().message();
    return out;
  }
  Model model = InitialModel(limits, display.value().value_or(""));
  for (const auto& command : commands) {
    if (!rc::state::isValidCommand(*command, model)) {
      std::ostringstream shown;
      command->show(shown);
      out.failure = "the step " + shown.str() + " does not apply to the state the steps before it leave";
      break;
    }
    try {
      command->run(model, sut);
    } catch (const rc::detail::CaseResult& r) {
      out.failure = r.description;
      break;
    } catch (const std::exception& e) {
      out.failure = std::string("unexpected response: ") + e.what();
      break;
    }
    command->apply(model);
  }
  sut.End();
  out.trace = sut.trace();
  if (!out.failure.empty() && !out.trace.empty() && out.trace.back().failure.empty()) out.trace.back().failure = out.failure;
  return out;
}

}  // namespace ecrc::prop
