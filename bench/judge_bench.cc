// The SDK judge against the bare reference server, in the same run, each on loopback behind one
// kept-alive libcurl connection: the same signed requests (reads and a create/delete pair) sent to
// server::Server and to sdk::Judge without cases, which answers from its own reference after
// running the request rules and the SigV4 verifier and recording the request. The target
// (issue 15): the judge adds at most 20% to the reference's latency per request (scripts/bench
// prints the overhead).
#include <benchmark/benchmark.h>
#include <curl/curl.h>
#include <sys/resource.h>

#include <memory>
#include <string>
#include <vector>

#include "reference/server.h"
#include "sdk/judge.h"

namespace {

// Both servers are sent requests signed with the judge's credentials; the reference ignores them.
const ecrc::sdk::JudgeOptions kJudgeOptions = [] {
  ecrc::sdk::JudgeOptions o;
  o.reference.host = "127.0.0.1";
  return o;
}();

constexpr int kRepositories = 5;

struct Call {
  const char* target;
  std::string body;
};

// What the loop cycles through: the two common reads, then a repository created and deleted again,
// so the store is the same size after every cycle.
const std::vector<Call>& Mix() {
  static const auto* mix = new std::vector<Call>{
      {"DescribeRepositories", "{}"},
      {"DescribeImages", R"({"repositoryName":"bench-0","maxResults":100})"},
      {"CreateRepository", R"({"repositoryName":"bench-churn","catalogData":{"description":"churn"},"tags":[{"Key":"team","Value":"bench"}]})"},
      {"DeleteRepository", R"({"repositoryName":"bench-churn"})"},
  };
  return *mix;
}

// The process's minor page faults so far: the judge's record grows with every request, and where
// first touching a page is slow (a paravirtualized guest) that growth is much of its cost.
double MinorFaults() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_minflt);
}

size_t Collect(char* data, size_t size, size_t count, void* out) {
  static_cast<std::string*>(out)->append(data, size * count);
  return size * count;
}

// One kept-alive libcurl connection signing like an SDK (CURLOPT_AWS_SIGV4 for ecr-public).
class Client {
 public:
  explicit Client(const std::string& base_url) : url_(base_url + "/"), curl_(curl_easy_init()) {
    curl_easy_setopt(curl_, CURLOPT_URL, url_.c_str());
    curl_easy_setopt(curl_, CURLOPT_AWS_SIGV4, "aws:amz:us-east-1:ecr-public");
    curl_easy_setopt(curl_, CURLOPT_USERNAME, kJudgeOptions.access_key_id.c_str());
    curl_easy_setopt(curl_, CURLOPT_PASSWORD, kJudgeOptions.secret_access_key.c_str());
    curl_easy_setopt(curl_, CURLOPT_WRITEFUNCTION, Collect);
    curl_easy_setopt(curl_, CURLOPT_WRITEDATA, &body_);
    curl_easy_setopt(curl_, CURLOPT_NOPROXY, "*");
    // As the transport does: without it libcurl installs a SIGALRM handler around every transfer.
    curl_easy_setopt(curl_, CURLOPT_NOSIGNAL, 1L);
    for (const Call& call : Mix()) {
      curl_slist* h = curl_slist_append(nullptr, "Content-Type: application/x-amz-json-1.1");
      h = curl_slist_append(h, (std::string("X-Amz-Target: SpencerFrontendService.") + call.target).c_str());
      headers_.push_back(h);
    }
  }
  ~Client() {
    for (curl_slist* h : headers_) curl_slist_free_all(h);
    curl_easy_cleanup(curl_);
  }
  Client(const Client&) = delete;
  Client& operator=(const Client&) = delete;

  // Sends the mix's `i`th call; true when it was answered 200.
  bool Send(size_t i) { return Perform(headers_[i], Mix()[i].body); }
  bool CreateRepository(const std::string& name) {
    curl_slist* h = curl_slist_append(nullptr, "Content-Type: application/x-amz-json-1.1");
    h = curl_slist_append(h, "X-Amz-Target: SpencerFrontendService.CreateRepository");
    bool ok = Perform(h, R"({"repositoryName":")" + name + "\"}");
    curl_easy_setopt(curl_, CURLOPT_HTTPHEADER, nullptr);
    curl_slist_free_all(h);
    return ok;
  }
  const std::string& body() const { return body_; }

 private:
  bool Perform(curl_slist* headers, const std::string& body) {
    body_.clear();
    curl_easy_setopt(curl_, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(curl_, CURLOPT_POSTFIELDSIZE, static_cast<long>(body.size()));
    curl_easy_setopt(curl_, CURLOPT_POSTFIELDS, body.c_str());  // not copied: `body` outlives the call
    long status = 0;
    return curl_easy_perform(curl_) == CURLE_OK && curl_easy_getinfo(curl_, CURLINFO_RESPONSE_CODE, &status) == CURLE_OK &&
           status == 200;
  }

  std::string url_;
  CURL* curl_;
  std::vector<curl_slist*> headers_;
  std::string body_;
};

// Creates the repositories, then sends the mix round and round; false (after SkipWithError) when
// a call failed.
bool Drive(benchmark::State& state, const std::string& url) {
  Client client(url);
  for (int i = 0; i < kRepositories; ++i) {
    if (!client.CreateRepository("bench-" + std::to_string(i))) {
      state.SkipWithError("creating the benchmark's repositories failed");
      return false;
    }
  }
  size_t next = 0;
  double faults = MinorFaults();
  for (auto _ : state) {
    if (!client.Send(next)) {
      state.SkipWithError((std::string("a ") + Mix()[next].target + " call failed").c_str());
      return false;
    }
    benchmark::DoNotOptimize(client.body().data());
    next = (next + 1) % Mix().size();
  }
  // A partial cycle would leave bench-churn behind; the server is discarded after the run anyway.
  state.counters["faults_per_call"] = (MinorFaults() - faults) / static_cast<double>(state.iterations());
  state.counters["calls_per_s"] = benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
  state.counters["us_per_call"] = benchmark::Counter(static_cast<double>(state.iterations()) * 1e-6,
                                                     benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
  return true;
}

// Fresh servers per run: the judge records every request, and both should start equally empty.
void BM_Reference(benchmark::State& state) {
  ecrc::server::Server server(kJudgeOptions.reference);
  auto url = server.Start();
  if (!url.ok()) return state.SkipWithError("the reference server did not start");
  Drive(state, *url);
}

void BM_Judge(benchmark::State& state) {
  ecrc::sdk::Judge judge(nullptr, /*cases=*/{}, kJudgeOptions);
  auto url = judge.Start();
  if (!url.ok()) return state.SkipWithError("the judge did not start");
  if (!Drive(state, *url)) return;
  // Measuring requests the judge rejected would be meaningless: every one must have been signed
  // right and be right on the wire.
  size_t judged = 0;
  for (const ecrc::sdk::CaseTrace& trace : judge.Traces()) {
    for (const ecrc::sdk::JudgedRequest& r : trace.requests) {
      ++judged;
      if (!r.signature.ok()) {
        return state.SkipWithError(("the judge failed a request's signature: " + r.signature.failures.front().rule).c_str());
      }
      if (!r.verdict.WireOk()) return state.SkipWithError("the judge found a request wrong on the wire");
      if (r.response.status != 200) return state.SkipWithError("the judge's reference did not answer 200");
    }
  }
  if (judged != static_cast<size_t>(state.iterations()) + kRepositories) {
    state.SkipWithError("the judge did not record every request");
  }
}

BENCHMARK(BM_Reference)->UseRealTime()->MinTime(2.0);
BENCHMARK(BM_Judge)->UseRealTime()->MinTime(2.0);

}  // namespace

BENCHMARK_MAIN();
