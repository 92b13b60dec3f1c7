// Codec throughput on a large response: encoding, decoding and validating a DescribeImages
// output with 1,000 image details, in bytes of wire JSON per second.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <string>

#include "harness/codec/codec.h"
#include "harness/codec/validator.h"
#include "harness/codec/value.h"
#include "specs/media_types.h"
#include "specs/spec.h"

namespace {

using ecrc::codec::Value;

struct Fixture {
  std::shared_ptr<const ecrc::spec::Service> service = ecrc::spec::Service::Embedded();
  const ecrc::spec::Operation* op = service->FindOperation("DescribeImages");
  Value output;
  std::string body;

  Fixture() {
    Value details = Value::array();
    for (int i = 0; i < 1000; ++i) {
      char digest[80];
      std::snprintf(digest, sizeof digest, "sha256:%064x", i * 2654435761u);
      Value d = {{"registryId", "123456789012"},
                 {"repositoryName", "bench/images"},
                 {"imageDigest", digest},
                 {"imageSizeInBytes", 1000000 + i},
                 {"imagePushedAt", 1.7385984915e9 + i},
                 {"imageManifestMediaType", ecrc::spec::kDockerSchema2MediaType},
                 {"artifactMediaType", ecrc::spec::kDockerConfigMediaType}};
      if (i % 3 != 0) d["imageTags"] = Value::array({"v" + std::to_string(i), "build-" + std::to_string(i * 7)});
      details.push_back(std::move(d));
    }
    output = {{"imageDetails", std::move(details)}, {"nextToken", "AQxyzNextTokenForBenchmarking"}};
    body = ecrc::codec::ValueToWire(*op->output, output).dump();
  }
};

const Fixture& F() {
  static const Fixture f;
  return f;
}

void BM_EncodeDescribeImagesResponse(benchmark::State& state) {
  const Fixture& f = F();
  size_t bytes = 0;
  for (auto _ : state) {
    std::string text = ecrc::codec::ValueToWire(*f.op->output, f.output).dump();
    bytes += text.size();
    benchmark::DoNotOptimize(text);
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}
BENCHMARK(BM_EncodeDescribeImagesResponse);

void BM_DecodeDescribeImagesResponse(benchmark::State& state) {
  const Fixture& f = F();
  ecrc::HttpResponse response;
  response.status = 200;
  response.headers.Add("Content-Type", ecrc::codec::kJsonContentType);
  response.headers.Add("x-amzn-RequestId", "bench");
  response.body = f.body;
  for (auto _ : state) {
    // Parse, convert to a Value and validate against the output shape: what the suite does per
    // response.
    ecrc::codec::DecodedResponse decoded = ecrc::codec::DecodeResponse(*f.service, *f.op, response);
    if (decoded.is_error || !decoded.findings.empty()) state.SkipWithError("the response did not decode cleanly");
    benchmark::DoNotOptimize(decoded);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * f.body.size()));
}
BENCHMARK(BM_DecodeDescribeImagesResponse);

void BM_ValidateDescribeImagesResponse(benchmark::State& state) {
  const Fixture& f = F();
  const nlohmann::json wire = nlohmann::json::parse(f.body);
  for (auto _ : state) {
    ecrc::codec::Violations v = ecrc::codec::Validate(*f.op->output, wire);
    if (!v.empty()) state.SkipWithError("the response is not valid");
    benchmark::DoNotOptimize(v);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * f.body.size()));
}
BENCHMARK(BM_ValidateDescribeImagesResponse);

}  // namespace

BENCHMARK_MAIN();
