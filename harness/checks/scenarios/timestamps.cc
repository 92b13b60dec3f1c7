// Timestamps as clients decode them (fact sheet §2.1, M/D/E): epoch seconds as a JSON number, and
// for what this run has just created, within a day of the client's clock. Epoch milliseconds
// pass every type check yet decode to the year 57000; this family catches them.
#include <chrono>
#include <cmath>

#include "base/json_read.h"
#include "harness/checks/scenarios/steps.h"

namespace ecrc::check {
namespace {

using namespace steps;  // NOLINT: the family files are built from these steps
using results::Severity;

constexpr double kDay = 24 * 3600;

double ClientClock() { return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count(); }

struct Stamp {
  std::string path;
  json value;
};

// Every timestamp-typed member of `value`, found through the model's `shape` (not by name).
void CollectTimestamps(const spec::Shape& shape, const json& value, const std::string& path, std::vector<Stamp>* out, int depth = 0) {
  if (depth > 16 || value.is_null()) return;
  switch (shape.type) {
    case spec::ShapeType::kTimestamp: out->push_back({path, value}); return;
    case spec::ShapeType::kStructure:
      for (const auto& m : shape.members) CollectTimestamps(*m.shape, At(value, m.name), path + (path.empty() ? "" : ".") + m.name, out, depth + 1);
      return;
    case spec::ShapeType::kList:
      if (!value.is_array()) return;
      for (size_t i = 0; const auto& item : value) CollectTimestamps(*shape.member, item, path + "[" + std::to_string(i++) + "]", out, depth + 1);
      return;
    default: return;
  }
}

// "about 1,000x too large: epoch milliseconds?" style hint for a value outside the window.
std::string Describe(double value, double now) {
  std::string out = std::to_string(static_cast<int64_t>(std::llround(value)));
  double days = (value - now) / kDay;
  out += " (" + std::to_string(static_cast<int64_t>(std::llround(days))) + " days from the client's clock";
  if (value > now * 100) out += "; epoch milliseconds?";
  return out + ")";
}

void TimestampsEpochSecondsPlausible(ScenarioContext& ctx) {
  double start = ClientClock();
  std::string repo = ctx.CreateRepository();
  Pushed image = PushImage(ctx, repo, "stamped", "timestamps");
  std::vector<const Call*> calls = {
      &ctx.Send("DescribeRepositories", {{"repositoryNames", {repo}}}),
      &ctx.Send("DescribeImages", {{"repositoryName", repo}, {"imageIds", {{{"imageDigest", image.digest}}}}}),
      &ctx.Send("DescribeImageTags", {{"repositoryName", repo}}),
  };
  double end = ClientClock();
  size_t seen = 0;
  for (const Call* call : calls) {
    ctx.Require(*call, Expectation::Success(), call->op->name + " answers for what this run created");
    std::vector<Stamp> stamps;
    CollectTimestamps(*call->op->output, call->decoded.output, "", &stamps);
    for (const auto& s : stamps) {
      ++seen;
      std::string what = call->op->name + " " + s.path;
      std::optional<double> number = jr::Number(s.value);
      if (!number) {
        ctx.Check(false, what + " is epoch seconds (a JSON number)", "a number", Dump(s.value));
        continue;
      }
      double v = *number;
      ctx.Check(v >= start - kDay && v <= end + kDay, what + " of a resource created just now is within a day of the client's clock",
                "epoch seconds within a day of now", Describe(v, end));
    }
  }
  if (seen == 0) ctx.Skip("the endpoint returned no timestamps for what this run created");
}
const Scenario kTimestampsEpochSecondsPlausible = {"timestamps_epoch_seconds_plausible", "lifecycle",
    "createdAt and imagePushedAt of what the run just created are epoch seconds within a day of the client's clock", Severity::kError,
    {"CreateRepository", "PutImage", "DescribeRepositories", "DescribeImages", "DescribeImageTags"},
    FactSheet("§2.1 (M/D: timestamps are epoch seconds as a JSON number; SJ)"), TimestampsEpochSecondsPlausible};

}  // namespace

void AddTimestampScenarios(std::vector<Scenario>* out) {
  out->insert(out->end(), {kTimestampsEpochSecondsPlausible});
}

}  // namespace ecrc::check
