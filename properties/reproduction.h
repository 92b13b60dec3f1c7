// A failing property case as a file: the seed, the shrunk steps with every input, what the model
// expected and what the endpoint answered; and replaying it against an endpoint.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "harness/runner/call_path.h"
#include "properties/limits.h"
#include "properties/trace.h"

namespace ecrc::prop {

inline constexpr char kReproductionFormat[] = "ecr-conform-property-reproduction";

struct Reproduction {
  uint64_t seed = 0;
  std::string endpoint;
  std::string failure;
  Trace steps;
};

nlohmann::json ReproductionToJson(const Reproduction& r);
// Reads a reproduction file; the error names the file and what is wrong with it.
Result<Reproduction> ReadReproduction(const std::string& path);

enum class Verdict { kFixed, kFlaky, kFailing };
const char* VerdictName(Verdict v);

struct ReplayResult {
  Verdict verdict = Verdict::kFixed;
  std::vector<std::string> failures;  // per run: "" when it passed, else why it failed
};

// Runs the steps `runs` times, each under a fresh prefix: FIXED when every run agrees with the
// model, FAILING when none does, FLAKY otherwise. Fails when a step names no known command.
Result<ReplayResult> Replay(const Reproduction& r, runner::CallPath& path, const Limits& limits, int runs = 3);

}  // namespace ecrc::prop
