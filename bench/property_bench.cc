// Property-suite throughput against the embedded reference server over loopback HTTP: commands
// per second (items_per_second), the figure the property issue sets a floor for (500/s).
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <iostream>

#include "harness/runner/call_path.h"
#include "properties/suite.h"
#include "reference/server.h"

namespace {

void BM_PropertySuite(benchmark::State& state) {
  ecrc::server::Options options;
  options.host = "127.0.0.1";
  ecrc::server::Server server(options);
  auto url = server.Start();
  if (!url.ok()) {
    state.SkipWithError(url.status().message().c_str());
    return;
  }
  auto service = ecrc::spec::Service::Embedded();
  auto endpoint = ecrc::client::ResolveEndpoint({url.value(), "us-east-1"}, ecrc::client::ProcessEnv());
  auto limits = ecrc::prop::Limits::FromService(*service);
  if (!endpoint.ok() || !endpoint.value() || !limits.ok()) {
    state.SkipWithError("endpoint or limits");
    return;
  }
  // The run's call path, recording into a run's record, as `ecr-conform run` sends them.
  ecrc::runner::RunRecord record(service, ecrc::spec::Semantics::Embedded());
  ecrc::runner::CallPath path(service, **endpoint, &record);
  int64_t steps = 0;
  uint64_t seed = 1;
  for (auto _ : state) {
    ecrc::prop::PropertyConfig config{static_cast<int>(state.range(0)), 50, seed++};
    auto outcome = ecrc::prop::RunPropertySuite(path, limits.value(), config);
    if (outcome.failure || !outcome.setup.ok()) {
      state.SkipWithError("the reference server disagreed with the model or failed a set-up call");
      break;
    }
    steps += outcome.tally.steps;
  }
  state.SetItemsProcessed(steps);
  state.counters["commands_per_s"] = benchmark::Counter(static_cast<double>(steps), benchmark::Counter::kIsRate);
  server.Stop();
}
BENCHMARK(BM_PropertySuite)->Arg(200)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
