#include "harness/livefuzz/fuzz_loop.h"

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <optional>
#include <random>
#include <set>

#include "harness/codec/sample.h"
#include "harness/livefuzz/findings.h"
#include "harness/livefuzz/fuzz_suite.h"
#include "harness/livefuzz/judge.h"
#include "harness/livefuzz/request_builder.h"
#include "harness/runner/prerequisite.h"
#include "harness/runner/worker.h"

namespace ecrc::livefuzz {
namespace {

using Clock = std::chrono::steady_clock;

// Request i draws from its own generator, so that a request can be replayed from (seed, i)
// whatever the requests before it consumed.
std::mt19937_64 RequestRng(uint64_t seed, uint64_t i) {
  std::seed_seq seq{static_cast<uint32_t>(seed), static_cast<uint32_t>(seed >> 32), static_cast<uint32_t>(i),
                    static_cast<uint32_t>(i >> 32)};
  return std::mt19937_64(seq);
}

bool HasRequiredMembers(const spec::Operation& op) {
  for (const auto& m : op.input->members) {
    if (m.required) return true;
  }
  return false;
}

// A read any endpoint can serve, asked of the spec: the first paginated operation without
// required members, else the first operation without them.
const spec::Operation* HealthOperation(const spec::Service& service) {
  for (const auto& [name, p] : service.paginators()) {
    const spec::Operation* op = service.FindOperation(name);
    if (op && !HasRequiredMembers(*op)) return op;
  }
  for (const auto& [name, op] : service.operations()) {
    if (!HasRequiredMembers(op)) return &op;
  }
  return nullptr;
}

// After the loop: a valid, signed call must still succeed. Errored without a probe when the loop
// already stopped for want of an endpoint (`stopped` says why); `*reachable` false when the
// endpoint is gone (nothing to clean up).
// A seed whose resources could not be made: its operation is not fuzzed past its not-found
// checks, which the run says once per operation. As for any check blocked by a set-up call
// (runner/prerequisite.h): skipped with the cause when the endpoint failed `setup_operation`
// (and failed when nothing else in the report says so), errored when no answer came.
results::CheckResult FuzzFixtureSetup(const spec::Operation& op, const Status& why, const std::string& setup_operation) {
  results::CheckResult r = FuzzCheckHeader(kFixtureSetup, std::string(kFixtureSetup) + "[" + op.name + "]", {op.name});
  runner::MarkBlocked(why, setup_operation, &r);
  std::string* text = r.outcome == results::Outcome::kSkipped ? &r.skip_reason : &r.findings.back().message;
  *text = "cannot fuzz " + op.name + " past its not-found checks: " + *text;
  return r;
}

results::CheckResult FuzzEndpointSurvives(const spec::Service& service, runner::CallPath& path, const std::string& stopped,
                                          bool* reachable) {
  *reachable = stopped.empty();
  if (!*reachable) {
    results::CheckResult r = FuzzCheckHeader(kEndpointSurvives, kEndpointSurvives, {});
    r.outcome = results::Outcome::kErrored;
    r.findings.push_back({"the fuzzing stopped: " + stopped, "", "", "", {}});
    return r;
  }
  const spec::Operation* op = HealthOperation(service);
  if (!op) {
    results::CheckResult r = FuzzCheckHeader(kEndpointSurvives, kEndpointSurvives, {});
    r.outcome = results::Outcome::kSkipped;
    r.skip_reason = "the model has no operation without required members to probe with";
    return r;
  }
  results::CheckResult r = FuzzCheckHeader(kEndpointSurvives, kEndpointSurvives, {op->name});
  auto input = codec::SampleValue(*op->input);
  // Sent raw and decoded here: whether the endpoint is gone (nothing to clean up) depends on
  // the kind of transport failure, which only the transport result tells.
  runner::CallPath::Raw sent = path.SendRaw(codec::EncodeRequest(service, *op, input.ok() ? *input : codec::Value::object()), client::Sign::kYes, op->name);
  bool ok = sent.result.ok() && !codec::DecodeResponse(service, *op, sent.result.response()).is_error;
  if (ok) return r;
  *reachable = sent.result.ok() || sent.result.error().kind != client::TransportErrorKind::kUnreachable;
  r.outcome = results::Outcome::kFailed;
  std::string observed = DescribeAnswer(service, op, sent.result);
  r.findings.push_back({"after the fuzzing, a valid " + op->name + " call no longer succeeds: " + observed, "", "HTTP 200", observed, 0});
  r.reproduction = path.Reproduction(sent.evidence);
  r.exchanges.push_back(std::move(sent.evidence));
  return r;
}

}  // namespace

results::CheckResult FuzzCheckHeader(const char* check, const std::string& id, const std::vector<std::string>& operations) {
  const CheckInfo* info = FindFuzzCheck(check);
  results::CheckResult r;
  r.id = id;
  r.check = check;
  r.suite = FuzzSuite::kName;
  r.category = info->category;
  r.title = info->title;
  r.severity = info->severity;
  r.operations = operations;
  r.source = info->source;
  return r;
}

std::vector<results::CheckResult> RunLiveFuzz(const FuzzOptions& options, runner::Worker& worker, FuzzStats* stats) {
  *stats = {};
  const runner::RunShared& run = worker.shared();
  const runner::RunConfig& config = *run.config;
  const spec::Service& service = *run.service;
  auto started = Clock::now();
  auto deadline = started + options.duration;

  client::TransportOptions transport;
  transport.total_timeout = options.timeout;
  transport.connect_timeout = std::min(options.timeout, std::chrono::milliseconds(3000));
  runner::CallPath path(run.service, config.endpoint, &worker.shared().record, transport);
  // Its own names under the run's prefix: in a run with other suites, the fixture names
  // repositories under the same prefix with its own counter.
  RequestBuilder builder(service, *run.semantics, config.prefix + "-fz", path.AsCallFn());
  Judge judge(service, *run.semantics);
  FindingBook book;
  const std::vector<Seed> seeds = MakeSeeds(service);
  // Each kind as often as its weight says; the draw walks on from a random start until a kind
  // applies to the seed (kNone always does).
  std::vector<MutationKind> draw;
  for (const auto& info : AllMutations()) draw.insert(draw.end(), static_cast<size_t>(std::max(info.weight, 0)), info.kind);
  std::set<std::string> setup_failed;

  // Mutants that cannot be sent (a resource could not be made, or they would leave the prefix)
  // do not count as requests; this many in a row means nothing is left to send.
  constexpr uint64_t kMaxUnsentInARow = 10000;
  uint64_t unsent_in_a_row = 0;
  int consecutive_failures = options.failures_before;
  for (uint64_t i = 0; !seeds.empty(); ++i) {
    if (run.interrupted && run.interrupted->load()) {
      stats->stopped_by = "interrupt";
      break;
    }
    // The run's deadline or breaker: every request would be refused from now on.
    if (std::string why = run.guard ? run.guard->StopReason() : ""; !why.empty()) {
      stats->stopped_by = why;
      break;
    }
    if (options.max_requests && stats->requests >= options.max_requests) {
      stats->stopped_by = "max-requests";
      break;
    }
    if (Clock::now() >= deadline) {
      stats->stopped_by = "duration";
      break;
    }
    if (unsent_in_a_row >= kMaxUnsentInARow) {
      stats->stopped_by = "no request left to send";
      break;
    }
    std::mt19937_64 rng = RequestRng(config.seed, i);
    const Seed& seed = seeds[rng() % seeds.size()];
    auto wire = builder.Wire(seed);
    if (!wire.ok()) {
      ++unsent_in_a_row;
      if (setup_failed.insert(seed.op->name).second) book.Add(FuzzFixtureSetup(*seed.op, wire.status(), builder.failed_setup_operation()));
      continue;
    }
    std::optional<Mutant> mutant;
    size_t start = rng() % draw.size();
    for (size_t k = 0; k < draw.size() && !mutant; ++k) {
      mutant = Mutate(service, *seed.op, *wire, draw[(start + k) % draw.size()], rng, options.limits);
    }
    if (!mutant) continue;
    RequestView view = Inspect(service, mutant->request);
    if (!builder.StaysInPrefix(*seed.op, view.body)) {
      ++stats->withheld;
      ++unsent_in_a_row;
      continue;
    }
    unsent_in_a_row = 0;
    // Requests libcurl cannot sign correctly (a repeated header, an empty header value, a body
    // without Content-Type: toolchain.md) go unsigned; the judge then accepts an
    // authentication error as the answer to a valid one.
    bool sign = mutant->signable;
    runner::CallPath::Raw sent = path.SendRaw(mutant->request, sign ? client::Sign::kYes : client::Sign::kNo, view.op ? view.op->name : "");
    const client::TransportResult& result = sent.result;
    if (!result.ok() && result.error().kind == client::TransportErrorKind::kNotSent) {
      stats->stopped_by = result.error().message;
      break;
    }
    ++stats->requests;
    const MutationInfo& info = InfoOf(mutant->kind);
    std::string operation = info.names_no_operation ? "" : seed.op->name;
    Judgement judgement = judge.Evaluate(view, info, sign, result);
    std::string note = std::string(info.name) + " at " + mutant->where + ": " + mutant->what + (sign ? "" : " (sent unsigned)");
    book.Record(operation, mutant->kind, judgement, mutant->request.body.size(), note, [&] { return sent.evidence; });
    if (result.ok() && result.response().status >= 200 && result.response().status < 300 && view.op) {
      builder.AfterSuccess(*view.op, view.body);
    }
    if (!result.ok() && result.error().kind == client::TransportErrorKind::kUnreachable) {
      stats->endpoint_lost = true;
      stats->stopped_by = "endpoint lost";
      break;
    }
    consecutive_failures = result.ok() ? 0 : consecutive_failures + 1;
    if (options.max_consecutive_failures > 0 && consecutive_failures >= options.max_consecutive_failures) {
      stats->endpoint_lost = true;
      stats->stopped_by = "the endpoint stopped answering: " + std::to_string(consecutive_failures) +
                          " consecutive transport failures, last: " + result.error().message;
      break;
    }
    if (run.progress) {
      long left = std::max<long>(0, static_cast<long>(std::chrono::duration_cast<std::chrono::seconds>(deadline - Clock::now()).count()));
      run.progress->Detail("fuzz: " + std::to_string(stats->requests) + " requests, " +
                           std::to_string(book.failing_classes(results::Severity::kError) + book.failing_classes(results::Severity::kWarning)) +
                           " failing classes, " + std::to_string(left) + "s left");
    }
  }
  stats->seconds = std::chrono::duration<double>(Clock::now() - started).count();

  // Stopped by the run (its deadline): the gate refuses the probe and the cleanup too; what
  // the builder made is in the run's record, which the run's own cleanup deletes.
  bool stopped = stats->endpoint_lost || (run.guard && !run.guard->StopReason().empty());
  bool reachable = false;
  book.Add(FuzzEndpointSurvives(service, path, stopped ? stats->stopped_by : "", &reachable));
  // A dead endpoint cannot delete anything; every attempt would only wait for its timeout.
  if (reachable) builder.Cleanup();
  stats->housekeeping = builder.housekeeping_calls() + (stats->endpoint_lost ? 0 : 1);
  stats->failing_requests = book.failing_requests();

  return book.Results([&path](const results::Exchange& e) { return path.Reproduction(e); });
}

}  // namespace ecrc::livefuzz
