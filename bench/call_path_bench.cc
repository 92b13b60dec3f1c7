// The one call path against a bare libcurl loop, in the same run against the same embedded
// reference server on loopback, each on one kept-alive connection: DescribeRepositories through
// runner::CallPath (encode, sign, send, decode, validate, redacted evidence, the run's record)
// versus curl_easy_perform with CURLOPT_AWS_SIGV4 and nothing else. The target (issue 14): the
// call path at 80% or more of the bare loop's calls per second (scripts/bench prints the ratio).
#include <benchmark/benchmark.h>
#include <curl/curl.h>

#include <memory>
#include <string>

#include "harness/runner/call_path.h"
#include "harness/runner/run_record.h"
#include "reference/server.h"

namespace {

constexpr char kRegion[] = "us-east-1";

// One reference server for both benchmarks, so they measure the same thing.
struct Reference {
  ecrc::server::Server server{[] {
    ecrc::server::Options o;
    o.host = "127.0.0.1";
    return o;
  }()};
  std::string url;
  bool ok = false;
  Reference() {
    auto started = server.Start();
    ok = started.ok();
    if (ok) url = started.value();
  }
};

Reference& Shared() {
  static Reference* reference = new Reference();  // never destroyed: benchmarks may still run at exit
  return *reference;
}

size_t Collect(char* data, size_t size, size_t count, void* out) {
  static_cast<std::string*>(out)->append(data, size * count);
  return size * count;
}

void BM_BareCurlSigV4(benchmark::State& state) {
  Reference& ref = Shared();
  if (!ref.ok) return state.SkipWithError("the reference server did not start");
  CURL* curl = curl_easy_init();
  curl_slist* headers = nullptr;
  headers = curl_slist_append(headers, "Content-Type: application/x-amz-json-1.1");
  headers = curl_slist_append(headers, "X-Amz-Target: SpencerFrontendService.DescribeRepositories");
  std::string body;
  std::string url = ref.url + "/";
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(curl, CURLOPT_POSTFIELDS, "{}");
  curl_easy_setopt(curl, CURLOPT_AWS_SIGV4, "aws:amz:us-east-1:ecr-public");
  curl_easy_setopt(curl, CURLOPT_USERNAME, ecrc::client::kDummyAccessKeyId);
  curl_easy_setopt(curl, CURLOPT_PASSWORD, ecrc::client::kDummySecretAccessKey);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, Collect);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &body);
  curl_easy_setopt(curl, CURLOPT_NOPROXY, "*");
  // As the transport does: without it libcurl installs a SIGALRM handler around every transfer,
  // and the bare loop would be the slower of the two for a reason that is not the call path.
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  for (auto _ : state) {
    body.clear();
    long status = 0;
    if (curl_easy_perform(curl) != CURLE_OK || curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status) != CURLE_OK || status != 200) {
      state.SkipWithError("a bare DescribeRepositories call failed");
      break;
    }
    benchmark::DoNotOptimize(body.data());
  }
  state.counters["calls_per_s"] = benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
  curl_slist_free_all(headers);
  curl_easy_cleanup(curl);
}

void BM_CallPath(benchmark::State& state) {
  Reference& ref = Shared();
  if (!ref.ok) return state.SkipWithError("the reference server did not start");
  auto service = ecrc::spec::Service::Embedded();
  // Loopback: dummy credentials, as for any local endpoint.
  auto endpoint = ecrc::client::ResolveEndpoint({ref.url, kRegion}, ecrc::client::ProcessEnv());
  if (!endpoint.ok() || !endpoint.value()) return state.SkipWithError("the reference server's endpoint");
  ecrc::runner::RunRecord record(service, ecrc::spec::Semantics::Embedded());
  ecrc::runner::CallPath path(service, **endpoint, &record);
  const ecrc::spec::Operation* op = service->FindOperation("DescribeRepositories");
  const ecrc::codec::Value input = ecrc::codec::Value::object();
  for (auto _ : state) {
    ecrc::check::Call call = path.Call(*op, input);
    if (!call.ok() || !call.decoded.findings.empty()) {
      state.SkipWithError("DescribeRepositories through the call path failed or did not validate");
      break;
    }
    benchmark::DoNotOptimize(call.exchange.response.body.data());
  }
  state.counters["calls_per_s"] = benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

BENCHMARK(BM_BareCurlSigV4)->UseRealTime()->MinTime(2.0);
BENCHMARK(BM_CallPath)->UseRealTime()->MinTime(2.0);

}  // namespace

BENCHMARK_MAIN();
