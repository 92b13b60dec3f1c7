#include "sdk/output_vectors.h"

#include <utility>

#include "sdk/canned_response.h"
#include "sdk/case_inputs.h"
#include "sdk/output_values.h"

namespace ecrc::sdk {
namespace {

using nlohmann::json;

constexpr char kAwsJson11[] = "https://smithy.io/2.0/aws/protocols/aws-json-1_1-protocol.html";
constexpr char kTimestampFormat[] = "https://smithy.io/2.0/spec/protocol-traits.html#timestampformat-trait";

// A case answered once with 200 `sent`, expecting `expected` decoded.
SdkCase OutputCase(const spec::Operation& op, std::string vector, json input, const json& sent, json expected,
                   std::string documentation, std::string source) {
  SdkCase c;
  c.id = op.name + "." + vector;
  c.operation = op.name;
  c.input = std::move(input);
  c.category = "output";
  c.vector = std::move(vector);
  c.documentation = std::move(documentation);
  c.source = std::move(source);
  c.responses.push_back(JsonResponse(200, sent));
  c.expect = Expectation::kOutput;
  c.expected_output = std::move(expected);
  AddRequestIds(c);
  return c;
}

Status AddOperationCases(const spec::Operation& op, std::vector<SdkCase>& out) {
  const spec::Shape& output = *op.output;
  std::string output_path = "shapes." + output.name;
  auto max = MaxOutput(output);
  auto min = MinOutput(output);
  auto minimal_input = MinimalInput(op);
  auto maximal_input = MaximalInput(op);
  for (const Status& s : {max.status(), min.status(), minimal_input.status(), maximal_input.status()}) {
    if (!s.ok()) return Status::Error(op.name + ": " + s.message());
  }

  out.push_back(OutputCase(op, "max", maximal_input->input, *max, *max,
                           "Every output member at every level, strings at their longest with non-ASCII text, numbers at "
                           "the largest every SDK can hold; sent with the maximal input",
                           output_path));
  if (maximal_input->other) {
    out.push_back(OutputCase(op, "max_exclusive_members", *maximal_input->other, *max, *max,
                             "The input members the max case leaves out, because the model's documentation says they "
                             "cannot be used with members it sends",
                             "shapes." + op.input->name));
  }
  out.push_back(OutputCase(op, "min", *minimal_input, *min, *min,
                           "Only the required output members: optional ones absent must stay absent", output_path));
  out.push_back(OutputCase(op, "unknown_members", *minimal_input, WithUnknownMembers(output, *max), *max,
                           "A member the model does not know, in every object: a client must ignore it (forward "
                           "compatibility), not fail",
                           kAwsJson11));
  SentAndExpected nulls = WithNulls(output, *max);
  out.push_back(OutputCase(op, "nulls", *minimal_input, nulls.sent, nulls.expected,
                           "Optional members sent as null at every level: awsJson reads null as absent", kAwsJson11));
  if (HoldsTimestamp(output)) {
    json fractional = WithFractionalTimestamps(output, *max);
    out.push_back(OutputCase(op, "fractional_timestamps", *minimal_input, fractional, fractional,
                             "Timestamps as epoch seconds with milliseconds: the fraction must survive decoding",
                             kTimestampFormat));
  }
  if (HoldsCollection(output)) {
    json empty = WithEmptyCollections(output, *max);
    out.push_back(OutputCase(op, "empty_collections", *minimal_input, empty, empty,
                             "Every list [] and every map {}: an empty collection is not an absent one", output_path));
  }
  return Status::Ok();
}

}  // namespace

Result<std::vector<SdkCase>> OutputCases(const spec::Service& service) {
  std::vector<SdkCase> out;
  for (const auto& [name, op] : service.operations()) {
    if (Status s = AddOperationCases(op, out); !s.ok()) return s;
  }
  return out;
}

}  // namespace ecrc::sdk
