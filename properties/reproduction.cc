#include "properties/reproduction.h"
#include "base/json_read.h"

#include <fstream>
#include <sstream>

#include "properties/case_runner.h"
#include "properties/command.h"

namespace ecrc::prop {

nlohmann::json ReproductionToJson(const Reproduction& r) {
  nlohmann::json steps = nlohmann::json::array();
  for (const auto& s : r.steps) steps.push_back(StepToJson(s));
  return {{"format", kReproductionFormat}, {"version", 1},     {"seed", r.seed},
          {"endpoint", r.endpoint},        {"failure", r.failure}, {"steps", steps}};
}

Result<Reproduction> ReadReproduction(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Error(path + ": cannot be read");
  std::stringstream text;
  text << in.rdbuf();
  auto j = nlohmann::json::parse(text.str(), nullptr, false);
  if (j.is_discarded()) return Status::Error(path + ": not JSON");
  if (!j.is_object() || jr::StringAt(j, "format") != kReproductionFormat) {
    return Status::Error(path + ": not a property reproduction (\"format\" is not \"" + kReproductionFormat + "\")");
  }
  if (!j.contains("steps") || !j["steps"].is_array() || j["steps"].empty()) return Status::Error(path + ": \"steps\" is not a non-empty array");  // json-read-ok: a reproduction file the suite wrote; types tested on the line
  Reproduction r;
  if (j.contains("seed") && j["seed"].is_number_unsigned()) r.seed = j["seed"].get<uint64_t>();  // json-read-ok: a reproduction file the suite wrote; types tested on the line
  r.endpoint = jr::StringAt(j, "endpoint");
  r.failure = jr::StringAt(j, "failure");
  for (size_t i = 0; i < j["steps"].size(); ++i) {  // json-read-ok: a reproduction file the suite wrote; types tested on the line
    Step s;
    std::string error;
    if (!StepFromJson(j["steps"][i], &s, &error)) return Status::Error(path + ": steps[" + std::to_string(i) + "]: " + error);  // json-read-ok: a reproduction file the suite wrote; types tested on the line
    r.steps.push_back(std::move(s));
  }
  return r;
}

const char* VerdictName(Verdict v) {
  switch (v) {
    case Verdict::kFixed: return "FIXED";
    case Verdict::kFlaky: return "FLAKY";
    case Verdict::kFailing: return "FAILING";
  }
  return "?";
}

Result<ReplayResult> Replay(const Reproduction& r, runner::CallPath& path, const Limits& limits, int runs) {
  std::vector<CommandPtr> commands;
  for (size_t i = 0; i < r.steps.size(); ++i) {
    auto c = ParseCommand(r.steps[i].command, r.steps[i].args);
    if (!c.ok()) return Status::Error("steps[" + std::to_string(i) + "]: " + c.status().message());
    commands.push_back(c.value());
  }
  ReplayResult out;
  int failed = 0;
  for (int i = 0; i < runs; ++i) {
    CaseRun run = RunCommands(path, limits, commands, nullptr);
    if (!run.setup.ok()) return Status::Error(run.failure);
    out.failures.push_back(run.failure);
    failed += run.failure.empty() ? 0 : 1;
  }
  out.verdict = failed == 0 ? Verdict::kFixed : failed == runs ? Verdict::kFailing : Verdict::kFlaky;
  return out;
}

}  // namespace ecrc::prop
