#include "harness/livefuzz/fuzz_loop.h"

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <optional>
#include <random>
#include <set>

#include "harness/client/client.h"
#include "harness/client/reproduction.h"
#include "harness/codec/sample.h"
#include "harness/livefuzz/findings.h"
#include "harness/livefuzz/judge.h"
#include "harness/livefuzz/request_builder.h"
#include "harness/runner/check_call.h"
#include "harness/runner/report_stamp.h"

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

runner::CheckResult Fixed(const char* check, const std::string& id, const std::vector<std::string>& operations) {
  const CheckInfo* info = FindFuzzCheck(check);
  runner::CheckResult r;
  r.id = id;
  r.check = check;
  r.suite = "fuzz";
  r.category = info->category;
  r.title = info->title;
  r.severity = info->severity;
  r.operations = operations;
  r.source = info->source;
  return r;
}

// After the loop: a valid, signed call must still succeed.
runner::CheckResult HealthProbe(const spec::Service& service, client::Client& client, bool* reachable) {
  *reachable = true;
  const spec::Operation* op = HealthOperation(service);
  if (!op) {
    runner::CheckResult r = Fixed(kEndpointSurvives, kEndpointSurvives, {});
    r.outcome = runner::Outcome::kSkipped;
    r.skip_reason = "the model has no operation without required members to probe with";
    return r;
  }
  runner::CheckResult r = Fixed(kEndpointSurvives, kEndpointSurvives, {op->name});
  auto input = codec::SampleValue(*op->input);
  client::CallResult call = client.Call(*op, input.ok() ? *input : codec::Value::object());
  bool ok = call.ok() && !call.decoded.is_error;
  if (ok) return r;
  *reachable = call.ok() || call.transport.error().kind != client::TransportErrorKind::kUnreachable;
  runner::Exchange evidence = client.Evidence(call);
  r.outcome = runner::Outcome::kFailed;
  std::string observed = DescribeAnswer(service, op, call.transport);
  r.findings.push_back({"after the fuzzing, a valid " + op->name + " call no longer succeeds: " + observed, "", "HTTP 200", observed, 0});
  r.reproduction = client::CurlReproduction(evidence, client.base_url(), client.endpoint().region, service.metadata().signing_name);
  r.exchanges.push_back(std::move(evidence));
  return r;
}

class ProgressLine {
 public:
  explicit ProgressLine(bool enabled) : enabled_(enabled) {}
  // True at most four times a second, and never when disabled.
  bool Due() {
    if (!enabled_) return false;
    auto now = Clock::now();
    if (now < next_) return false;
    next_ = now + std::chrono::milliseconds(250);
    return true;
  }
  void Print(const FuzzStats& stats, size_t failing, Clock::time_point deadline) {
    auto now = Clock::now();
    long left = std::max<long>(0, static_cast<long>(std::chrono::duration_cast<std::chrono::seconds>(deadline - now).count()));
    std::fprintf(stderr, "\r  fuzz: %llu requests, %zu failing classes, %lds left   ", static_cast<unsigned long long>(stats.requests), failing, left);
    std::fflush(stderr);
  }
  void Finish() {
    if (enabled_) std::fprintf(stderr, "\n");
  }

 private:
  bool enabled_;
  Clock::time_point next_{};
};

}  // namespace

runner::RunReport RunLiveFuzz(const FuzzConfig& config, std::shared_ptr<const spec::Service> service,
                              std::shared_ptr<const spec::Semantics> semantics, const std::atomic<bool>* interrupted, FuzzStats* stats) {
  FuzzStats local;
  if (!stats) stats = &local;
  *stats = {};
  std::string started_at = runner::NowIso();
  auto started = Clock::now();
  auto deadline = started + config.duration;

  client::TransportOptions transport;
  transport.total_timeout = config.timeout;
  transport.connect_timeout = std::min(config.timeout, std::chrono::milliseconds(3000));
  client::Client client(service, config.endpoint, transport);
  RequestBuilder builder(*service, *semantics, config.prefix,
                         [&client](const spec::Operation& op, const codec::Value& input) { return runner::MakeCheckCall(client, op, input); });
  Judge judge(*service, *semantics);
  FindingBook book;
  const std::vector<Seed> seeds = MakeSeeds(*service);
  // Each kind as often as its weight says; the draw walks on from a random start until a kind
  // applies to the seed (kNone always does).
  std::vector<MutationKind> draw;
  for (const auto& info : AllMutations()) draw.insert(draw.end(), static_cast<size_t>(std::max(info.weight, 0)), info.kind);
  std::set<std::string> operations_hit;
  std::set<std::string> setup_failed;
  ProgressLine progress(config.progress);

  // Mutants that cannot be sent (a resource could not be made, or they would leave the prefix)
  // do not count as requests; this many in a row means nothing is left to send.
  constexpr uint64_t kMaxUnsentInARow = 10000;
  uint64_t unsent_in_a_row = 0;
  int consecutive_failures = config.failures_before;
  for (uint64_t i = 0; !seeds.empty(); ++i) {
    if (interrupted && interrupted->load()) {
      stats->stopped_by = "interrupt";
      break;
    }
    if (config.max_requests && stats->requests >= config.max_requests) {
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
      if (setup_failed.insert(seed.op->name).second) {
        runner::CheckResult r = Fixed(kFixtureSetup, std::string(kFixtureSetup) + "[" + seed.op->name + "]", {seed.op->name});
        r.outcome = runner::Outcome::kErrored;
        r.findings.push_back({"cannot fuzz " + seed.op->name + " past its not-found checks: " + wire.status().message(), "", "", "", {}});
        book.Add(std::move(r));
      }
      continue;
    }
    std::optional<Mutant> mutant;
    size_t start = rng() % draw.size();
    for (size_t k = 0; k < draw.size() && !mutant; ++k) {
      mutant = Mutate(*service, *seed.op, *wire, draw[(start + k) % draw.size()], rng, config.limits);
    }
    if (!mutant) continue;
    RequestView view = Inspect(*service, mutant->request);
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
    client::TransportResult result = client.SendRaw(mutant->request, sign ? client::Sign::kYes : client::Sign::kNo);
    ++stats->requests;
    const MutationInfo& info = InfoOf(mutant->kind);
    std::string operation = info.names_no_operation ? "" : seed.op->name;
    operations_hit.insert(seed.op->name);
    Judgement judgement = judge.Evaluate(view, info, sign, result);
    std::string note = std::string(info.name) + " at " + mutant->where + ": " + mutant->what + (sign ? "" : " (sent unsigned)");
    book.Record(operation, mutant->kind, judgement, mutant->request.body.size(), note,
                [&] { return client.Evidence(result, view.op ? view.op->name : ""); });
    if (result.ok() && result.response().status >= 200 && result.response().status < 300 && view.op) {
      builder.AfterSuccess(*view.op, view.body);
    }
    if (!result.ok() && result.error().kind == client::TransportErrorKind::kUnreachable) {
      stats->endpoint_lost = true;
      stats->stopped_by = "endpoint lost";
      break;
    }
    consecutive_failures = result.ok() ? 0 : consecutive_failures + 1;
    if (config.max_consecutive_failures > 0 && consecutive_failures >= config.max_consecutive_failures) {
      stats->endpoint_lost = true;
      stats->stopped_by = "the endpoint stopped answering: " + std::to_string(consecutive_failures) +
                          " consecutive transport failures, last: " + result.error().message;
      break;
    }
    if (progress.Due()) {
      progress.Print(*stats, book.failing_classes(runner::Severity::kError) + book.failing_classes(runner::Severity::kWarning), deadline);
    }
  }
  progress.Finish();
  stats->seconds = std::chrono::duration<double>(Clock::now() - started).count();

  bool reachable = !stats->endpoint_lost;
  if (reachable) {
    book.Add(HealthProbe(*service, client, &reachable));
  } else {
    runner::CheckResult r = Fixed(kEndpointSurvives, kEndpointSurvives, {});
    r.outcome = runner::Outcome::kErrored;
    r.findings.push_back({"the fuzzing stopped: " + stats->stopped_by, "", "", "", {}});
    book.Add(std::move(r));
  }
  // A dead endpoint cannot delete anything; every attempt would only wait for its timeout.
  if (reachable) builder.Cleanup();
  stats->housekeeping = builder.housekeeping_calls() + (stats->endpoint_lost ? 0 : 1);
  stats->failing_requests = book.failing_requests();

  runner::RunReport report = runner::StampedReport(*service, config.endpoint_label, config.endpoint.region, config.seed);
  report.suites = {"fuzz"};
  const std::string signing_name = service->metadata().signing_name;
  report.checks = book.Results([&](const runner::Exchange& e) {
    return client::CurlReproduction(e, client.base_url(), config.endpoint.region, signing_name);
  });
  for (const auto& [name, op] : service->operations()) {
    (operations_hit.count(name) ? report.coverage.operations_exercised : report.coverage.operations_missed).push_back(name);
  }
  report.started_at = started_at;
  report.duration_seconds = std::chrono::duration<double>(Clock::now() - started).count();
  return report;
}

}  // namespace ecrc::livefuzz
