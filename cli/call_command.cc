// `ecr-conform call <Operation>`: one signed call against an endpoint, with the input checked
// against the model before it is sent and the response checked against the model after.
#include <CLI/CLI.hpp>
#include <cmath>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/context.h"
#include "harness/client/client.h"
#include "harness/codec/codec.h"
#include "harness/codec/validator.h"

namespace ecrc::cli {
namespace {

using nlohmann::json;

struct CallOptions {
  std::string operation;
  std::string input;
  std::string input_file;
  std::string endpoint_url;
  std::string region;
  bool no_validate = false;
  double timeout_seconds = 30;
  double connect_timeout_seconds = 3;
};

constexpr char kFooter[] = R"(Exit codes:
  0  the call succeeded and the response matches the output shape, or the endpoint answered
     with an error the operation declares (or a protocol-level error), printed as `error: ...`
  1  findings: the response breaks the output shape or framing, or the error is one the
     operation does not declare
  2  usage or configuration error: unknown operation, input that is not JSON or breaks the
     input shape (see --no-validate), no or invalid endpoint, a transport error other than 3
  3  the endpoint is unreachable or did not answer within --timeout

Endpoint, region and credentials come from --endpoint-url / AWS_ENDPOINT_URL_ECR_PUBLIC /
AWS_ENDPOINT_URL, --region / AWS_REGION / AWS_DEFAULT_REGION (default us-east-1) and
AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN (dummy credentials for a
loopback endpoint). Input is the wire JSON (blobs as base64), e.g.
  ecr-conform call CreateRepository --input '{"repositoryName":"demo"}' --endpoint-url http://127.0.0.1:4566)";

// "[json.exception.parse_error.101] parse error at ..." → "parse error at ...".
std::string JsonErrorText(const std::exception& e) {
  std::string what = e.what();
  if (what.starts_with("[json.exception.")) {
    size_t close = what.find("] ");
    if (close != std::string::npos) what = what.substr(close + 2);
  }
  return what;
}

std::string Pretty(const std::string& body) {
  if (body.empty()) return "(empty body)";
  json doc = json::parse(body, nullptr, false);
  if (doc.is_discarded()) return body;
  return doc.dump(2, ' ', false, json::error_handler_t::replace);
}

void Run(Context& ctx, const CallOptions& o) {
  auto service = ctx.Service();
  if (!service) return;
  const spec::Operation* op = service->FindOperation(o.operation);
  if (!op) {
    std::string known;
    for (const auto& [name, unused] : service->operations()) known += (known.empty() ? "" : ", ") + name;
    return Fail(ctx, kExitUsage, "no operation '" + o.operation + "' in the model; operations: " + known);
  }

  std::string text = o.input.empty() ? "{}" : o.input;
  std::string source = "--input";
  if (!o.input_file.empty()) {
    source = "--input-file " + o.input_file;
    std::stringstream buffer;
    if (o.input_file == "-") {
      buffer << std::cin.rdbuf();
    } else {
      std::ifstream file(o.input_file, std::ios::binary);
      if (!file) return Fail(ctx, kExitUsage, "cannot read " + source + ": " + std::strerror(errno));
      buffer << file.rdbuf();
    }
    text = buffer.str();
  }
  json wire;
  try {
    wire = json::parse(text);
  } catch (const json::exception& e) {
    return Fail(ctx, kExitUsage, source + " is not valid JSON: " + JsonErrorText(e));
  }
  if (!wire.is_object()) {
    return Fail(ctx, kExitUsage, source + " must be a JSON object (the " + op->input->name + " structure), not " +
                                     std::string(wire.type_name()));
  }
  if (!o.no_validate) {
    codec::Violations violations = codec::Validate(*op->input, wire);
    if (!violations.empty()) {
      std::string message = "the input breaks the " + op->input->name + " shape (--no-validate sends it anyway):";
      for (const auto& v : violations) message += "\n  " + v.AwsMessage();
      return Fail(ctx, kExitUsage, message);
    }
  }

  auto resolved = client::ResolveEndpoint({o.endpoint_url, o.region}, client::ProcessEnv());
  if (!resolved.ok()) return Fail(ctx, kExitUsage, resolved.status().message());
  if (!resolved->has_value()) {
    return Fail(ctx, kExitUsage,
                "no endpoint: pass --endpoint-url URL or set AWS_ENDPOINT_URL_ECR_PUBLIC or AWS_ENDPOINT_URL "
                "(`call` talks to an existing endpoint; only `run` starts the embedded server)");
  }
  client::TransportOptions options;
  auto ms = [](double seconds) { return std::chrono::milliseconds(static_cast<long long>(std::ceil(seconds * 1000))); };
  options.total_timeout = ms(o.timeout_seconds);
  options.connect_timeout = std::min(ms(o.connect_timeout_seconds), options.total_timeout);
  client::Client client(service, std::move(**resolved), options);
  client::CallResult call = client.Call(*op, codec::WireToValue(*op->input, wire));

  if (!call.ok()) {
    const auto& error = call.transport.error();
    bool unreachable = error.kind == client::TransportErrorKind::kUnreachable || error.kind == client::TransportErrorKind::kTimeout;
    return Fail(ctx, unreachable ? kExitUnreachable : kExitUsage, error.message);
  }
  const HttpResponse& response = call.response();
  std::cout << "HTTP " << response.status << "\n" << Pretty(response.body) << "\n";
  if (call.decoded.is_error) {
    const codec::DecodedError& e = call.decoded.error;
    std::string code = e.code.empty() ? "(no error code: no X-Amzn-ErrorType header, no __type or code in the body)" : e.code;
    std::string where;
    switch (e.error_class) {
      case codec::ErrorClass::kDeclared: where = "declared by " + op->name; break;
      case codec::ErrorClass::kProtocol: where = "protocol-level error"; break;
      case codec::ErrorClass::kUndeclared: where = "NOT declared by " + op->name; break;
    }
    std::cout << "error: " << code << " (" << where << ")";
    if (e.message) std::cout << ": " << *e.message;
    std::cout << "\n";
    if (e.error_class == codec::ErrorClass::kUndeclared) {
      std::cout << "finding: " << op->name << " does not declare " << (e.code.empty() ? "an error without a code" : e.code)
                << "; it declares:";
      for (const auto* declared : op->errors) std::cout << " " << declared->name;
      std::cout << "\n";
      ctx.exit_code = kExitFindings;
    }
    return;
  }
  for (const auto& finding : call.decoded.findings) std::cout << "finding: " << finding.ToString() << "\n";
  if (!call.decoded.findings.empty()) ctx.exit_code = kExitFindings;
}

}  // namespace

void AddCallCommand(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<CallOptions>();
  auto* cmd = app.add_subcommand("call", "Send one signed call to an endpoint and check the response against the model");
  cmd->footer(kFooter);
  cmd->add_option("operation", o->operation, "Operation name, e.g. DescribeRegistries (see `ecr-conform spec list`)")
      ->required();
  auto* input = cmd->add_option("--input", o->input, "Input as wire JSON (default {})");
  cmd->add_option("--input-file", o->input_file, "Read the input JSON from a file (- for stdin)")->excludes(input);
  cmd->add_option("--endpoint-url", o->endpoint_url, "Endpoint URL (else AWS_ENDPOINT_URL_ECR_PUBLIC, AWS_ENDPOINT_URL)");
  cmd->add_option("--region", o->region, "Signing region (else AWS_REGION, AWS_DEFAULT_REGION, us-east-1)");
  cmd->add_flag("--no-validate", o->no_validate, "Send the input even when it breaks the input shape");
  cmd->add_option("--timeout", o->timeout_seconds, "Seconds for the whole call (default 30)")->check(CLI::PositiveNumber);
  cmd->add_option("--connect-timeout", o->connect_timeout_seconds, "Seconds to establish the connection (default 3)")
      ->check(CLI::PositiveNumber);
  cmd->callback([&ctx, o] { Run(ctx, *o); });
}

}  // namespace ecrc::cli
