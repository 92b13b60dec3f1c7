// Fuzz target: decoding and validating any bytes as the success response of any operation never
// crashes, gives the same verdict every time, and every finding points at a real place in the
// body (or at the body as a whole).
//
// Input: the first byte picks the operation; the rest is the HTTP 200 body, sent with the
// awsJson1_1 Content-Type.
#include <cstdint>
#include <string>
#include <vector>

#include "fuzz/check.h"
#include "fuzz/json_locate.h"
#include "harness/codec/codec.h"
#include "harness/codec/value.h"
#include "specs/spec.h"

namespace ecrc::fuzz {
namespace {

using nlohmann::json;

bool SameFindings(const codec::Violations& a, const codec::Violations& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i].path != b[i].path || a[i].kind != b[i].kind || a[i].constraint != b[i].constraint) return false;
  }
  return true;
}

}  // namespace
}  // namespace ecrc::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace ecrc;
  using namespace ecrc::fuzz;
  static const EmbeddedModel ctx;
  if (size < 1) return 0;
  const spec::Operation& op = ctx.OperationFor(data[0]);
  HttpResponse response;
  response.status = 200;
  response.headers.Add("Content-Type", codec::kJsonContentType);
  response.body.assign(reinterpret_cast<const char*>(data + 1), size - 1);

  codec::DecodedResponse first = codec::DecodeResponse(*ctx.service, op, response);
  codec::DecodedResponse second = codec::DecodeResponse(*ctx.service, op, response);
  ECRC_FUZZ_CHECK(!first.is_error, op.name + ": a 200 response decoded as an error");
  ECRC_FUZZ_CHECK(SameFindings(first.findings, second.findings) && first.output == second.output,
                  op.name + ": two decodings of the same response disagree: " + Describe(first.findings) + " vs " +
                      Describe(second.findings));

  bool empty_body = response.body.find_first_not_of(" \t\r\n") == std::string::npos;
  json body = empty_body ? json::object() : json::parse(response.body, nullptr, false);
  for (const auto& f : first.findings) {
    if (f.path.empty()) continue;  // the body as a whole
    ECRC_FUZZ_CHECK(!body.is_discarded(), op.name + ": a finding at '" + f.path + "' in a body that is not JSON");
    bool located = f.kind == codec::ViolationKind::kRequired ? PathNamesAbsentMember(body, f.path)
                                                              : PathExists(body, f.path);
    ECRC_FUZZ_CHECK(located, op.name + ": finding " + f.ToString() + " does not point into the body " +
                                 Excerpt(response.body));
  }
  // A body the validator passes is one the codec understands completely: its Value encodes back
  // to the same document.
  if (first.findings.empty()) {
    ECRC_FUZZ_CHECK(body.is_object(), op.name + ": a clean verdict on a body that is not an object");
    json wire = codec::ValueToWire(*op.output, first.output);
    ECRC_FUZZ_CHECK(wire == body, op.name + ": a valid response does not survive decode/encode: " +
                                      Excerpt(response.body) + " became " + Excerpt(wire.dump()));
  }
  return 0;
}
