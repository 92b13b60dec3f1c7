#include "reference/server.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <random>

#include "base/sha256.h"
#include "harness/codec/codec.h"
#include "harness/codec/json_writer.h"
#include "harness/codec/protocol_errors.h"
#include "reference/http_front.h"
#include "reference/upload_session.h"

namespace ecrc::server {
namespace {

using nlohmann::json;

constexpr char kRequestIdHeader[] = "x-amzn-RequestId";
constexpr char kErrorTypeHeader[] = "x-amzn-ErrorType";

// Request ids only need to be unique, not secret: a per-thread generator keeps them cheap (this
// runs for every request, so no snprintf either).
std::string NewRequestId() {
  thread_local std::mt19937_64 rng{std::random_device{}() ^ (uint64_t{std::random_device{}()} << 32)};
  static constexpr char kHex[] = "0123456789abcdef";
  uint64_t halves[2] = {rng(), rng()};
  halves[0] = (halves[0] & 0xffffffffffff0fffULL) | 0x0000000000004000ULL;  // version 4
  halves[1] = (halves[1] & 0x3fffffffffffffffULL) | 0x8000000000000000ULL;  // RFC 4122 variant
  std::string id(36, '-');
  int nibble = 0;
  for (size_t i = 0; i < id.size(); ++i) {
    if (i == 8 || i == 13 || i == 18 || i == 23) continue;
    uint64_t word = halves[nibble / 16];
    id[i] = kHex[(word >> (60 - 4 * (nibble % 16))) & 0xf];
    ++nibble;
  }
  return id;
}

double NowSeconds() {
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch());
  return static_cast<double>(ms.count()) / 1000.0;
}

bool StartsWith(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }
bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Which error answers a set of input violations. Everything is InvalidParameterException with
// AWS's message, except that problems confined to tags use the tag errors the operation declares:
// InvalidTagParameterException ("Tag keys can have a maximum character length of 128 ...", its
// model description) and TooManyTagsException for a tag list over the model's 200.
ApiError ViolationError(const spec::Operation& op, const codec::Violations& violations, const Choices& choices) {
  std::string message = codec::AwsValidationMessage(violations);
  // A missing required member: InvalidParameterException most likely, the common error
  // ValidationError (AWS Common Errors page) the other reading (fact sheet §2.2, U).
  if (choices.Is(Choice::kMissingRequiredCode, "validation_error") &&
      std::any_of(violations.begin(), violations.end(), [](const auto& v) { return v.kind == codec::ViolationKind::kRequired; })) {
    return {"ValidationError", message};
  }
  bool tags_only = op.DeclaresError("InvalidTagParameterException");
  bool too_many = false;
  for (const auto& v : violations) {
    bool list_length = (v.path == "tags" || v.path == "tagKeys") && v.kind == codec::ViolationKind::kLength;
    too_many = too_many || (v.path == "tags" && list_length);
    if (!(StartsWith(v.path, "tags[") || StartsWith(v.path, "tagKeys[") || list_length)) tags_only = false;
  }
  if (tags_only && too_many && op.DeclaresError("TooManyTagsException")) return {"TooManyTagsException", message};
  // A tag key or value over its length: the tag error per its description, or generic constraint
  // validation's InvalidParameterException (fact sheet §5.5, U).
  if (tags_only && choices.Is(Choice::kTagLengthError, "invalid_tag_parameter")) return {"InvalidTagParameterException", message};
  return {"InvalidParameterException", message};
}

// What a lenient JSON binder does with a scalar of the wrong JSON type (fault
// accept_wrong_json_types): "5" read as 5, "true" as true, 5 as "5". Anything else is left as
// it is and stays a violation.
void CoerceScalars(const spec::Shape& shape, json& value, int depth = 0) {
  if (depth > 32 || value.is_null()) return;
  switch (shape.type) {
    case spec::ShapeType::kStructure:
      if (!value.is_object()) return;
      for (const auto& m : shape.members) {
        if (auto it = value.find(m.name); it != value.end()) CoerceScalars(*m.shape, *it, depth + 1);
      }
      return;
    case spec::ShapeType::kList:
      if (!value.is_array()) return;
      for (auto& item : value) CoerceScalars(*shape.member, item, depth + 1);
      return;
    case spec::ShapeType::kInteger:
    case spec::ShapeType::kLong:
      if (value.is_string()) {
        const std::string& text = value.get_ref<const std::string&>();
        char* end = nullptr;
        long long n = std::strtoll(text.c_str(), &end, 10);
        if (!text.empty() && end && *end == '\0') value = static_cast<int64_t>(n);
      }
      return;
    case spec::ShapeType::kBoolean:
      if (value.is_string() && (value == "true" || value == "false")) value = value == "true";
      return;
    case spec::ShapeType::kString:
      if (value.is_number()) value = value.dump();
      return;
    default: return;
  }
}

}  // namespace

std::string DefaultRegistryAlias(const std::string& account_id) {
  std::string hex = Sha256Hex("ecr-public-alias:" + account_id);
  std::string alias = "p";
  for (size_t i = 0; alias.size() < 8 && i < hex.size(); i += 2) {
    unsigned v = static_cast<unsigned>(std::stoul(hex.substr(i, 2), nullptr, 16)) % 36;
    alias += static_cast<char>(v < 10 ? '0' + v : 'a' + (v - 10));
  }
  return alias;
}

Server::Server(Options options, std::shared_ptr<const spec::Service> service)
    : options_(std::move(options)),
      service_(service ? std::move(service) : spec::Service::Embedded()),
      store_(options_.quotas),
      tokens_(options_.token_secret) {
  identity_.account_id = options_.account_id;
  identity_.alias = options_.registry_alias.empty() ? DefaultRegistryAlias(options_.account_id) : options_.registry_alias;
  identity_.region = options_.region;
  if (!options_.upload_ids) options_.upload_ids = NewUploadId;
}

Server::~Server() { Stop(); }

HttpResponse Server::Finish(HttpResponse response, std::string request_id) const {
  response.headers.entries.reserve(response.headers.entries.size() + 2);
  response.headers.Add("Content-Type", options_.faults.Has(Fault::kWrongContentType) ? "application/json"
                                                                                      : codec::kJsonContentType);
  if (!options_.faults.Has(Fault::kMissingRequestId)) response.headers.Add(kRequestIdHeader, std::move(request_id));
  return response;
}

HttpResponse Server::ErrorResponse(int status, const ApiError& error, const std::string& request_id) const {
  return Finish(ErrorBody(status, error), request_id);
}

HttpResponse Server::ErrorBody(int status, const ApiError& error) const {
  HttpResponse response;
  response.status = status;
  // Written directly rather than through a json object: every rejected request pays for this.
  std::string& out = response.body;
  out.reserve(48 + error.code.size() + error.message.size());
  out += '{';
  // Smithy awsJson1_1: the bare shape name in __type, and the same value in X-Amzn-ErrorType
  // (botocore reads the body, Go v2 and JS v3 the header).
  bool header_only = options_.faults.Has(Fault::kErrorTypeHeaderOnly);
  bool typed = !options_.faults.Has(Fault::kErrorWithoutType) && !header_only;
  if (typed) {
    out += "\"__type\":";
    codec::AppendJsonString(error.code, out);
    out += ',';
  }
  out += "\"message\":";
  codec::AppendJsonString(error.message, out);
  if (error.extra.is_object()) {
    for (const auto& [key, value] : error.extra.items()) {
      if (key == "__type" || key == "message") continue;
      out += ',';
      codec::AppendJsonString(key, out);
      out += ':';
      codec::AppendJson(value, out);
    }
  }
  out += '}';
  if (typed || header_only) response.headers.Add(kErrorTypeHeader, error.code);
  return response;
}

HttpResponse Server::Handle(const HttpRequest& request) {
  std::string request_id = NewRequestId();
  try {
    HttpResponse response = HandleOrThrow(request);
    return Finish(std::move(response), std::move(request_id));
  } catch (const std::exception& e) {
    // Only a bug in this server gets here (handlers never throw for client input); answering
    // ServerException is then the truth, and the suite's "never 5xx" checks will report it.
    return ErrorResponse(500, {"ServerException", std::string("Internal error: ") + e.what()}, request_id);
  } catch (...) {
    return ErrorResponse(500, {"ServerException", "Internal error"}, request_id);
  }
}

HttpResponse Server::HandleOrThrow(const HttpRequest& request) {
  // Handle adds the headers every response carries.
  auto error = [&](int status, const ApiError& e) { return ErrorBody(status, e); };
  if (request.body.size() > options_.max_body_bytes) {
    // Not a modelled error: the body is refused unread, as an HTTP front end would, with 413.
    return error(413, {"RequestEntityTooLargeException", "The request body has " + std::to_string(request.body.size()) +
                                                             " bytes; this server accepts at most " +
                                                             std::to_string(options_.max_body_bytes)});
  }
  // awsJson1_1 is POST / only (Smithy); anything else names no operation.
  if (request.method != "POST" || request.path != "/") {
    return error(404, {"UnknownOperationException", "awsJson1_1 requests are POST / (got " + request.method + " " +
                                                        request.path + ")"});
  }
  auto decoded_or = codec::DecodeRequest(*service_, request);
  if (auto* protocol = std::get_if<codec::ProtocolError>(&decoded_or)) {
    if (protocol->code == codec::kSerialization && options_.faults.Has(Fault::kCrashOnMalformedJson)) {
      return error(500, {"ServerException", "Unexpected error while parsing the request"});
    }
    if (protocol->code == codec::kUnknownOperation && options_.faults.Has(Fault::kUnknownOperationAsInvalidAction)) {
      return error(400, {codec::kInvalidAction, protocol->message});
    }
    return error(protocol->status, {protocol->code, protocol->message});
  }
  auto& decoded = std::get<codec::DecodedRequest>(decoded_or);
  const spec::Operation& op = *decoded.op;
  if (options_.faults.Has(Fault::kAcceptWrongJsonTypes)) {
    if (codec::TypeMismatchError(decoded.violations)) {
      CoerceScalars(*op.input, decoded.input);
      decoded.violations = codec::Validate(*op.input, codec::ValueToWire(*op.input, decoded.input));
    }
  } else if (auto mismatch = codec::TypeMismatchError(decoded.violations)) {
    // AWS's JSON front end refuses a member of the wrong JSON type before validating anything.
    return error(mismatch->status, {mismatch->code, mismatch->message});
  }
  if (!decoded.violations.empty() && !options_.faults.Has(Fault::kNoInputValidation)) {
    if (op.DeclaresError("InvalidParameterException")) return error(400, ViolationError(op, decoded.violations, options_.choices));
    // GetRegistryCatalogData declares no InvalidParameterException and has no input members, so
    // its only possible violations are unknown members. Answering with an undeclared error would
    // break its contract; ignoring unknown members is what most AWS services do anyway.
  }
  Handler handler = FindHandler(op.name);
  if (!handler) return error(400, {"UnsupportedCommandException", "The action " + op.name + " isn't supported"});
  HandlerContext ctx{store_, options_.faults, options_.choices, identity_, tokens_, op, NowSeconds(), options_.upload_ids};
  Outcome outcome = handler(ctx, decoded.input);
  if (!outcome.ok()) {
    const ApiError& e = outcome.error();
    // Every modelled error is HTTP 400 except ServerException (500); none is 404 (fact sheet §2.2).
    int status = e.code == "ServerException" ? 500 : 400;
    if (options_.faults.Has(Fault::kNotFoundAs404) && EndsWith(e.code, "NotFoundException")) status = 404;
    return error(status, e);
  }
  HttpResponse response;
  response.status = 200;
  // Outputs hold no blobs (catalog data returns a logoUrl), so the Value is already wire JSON.
  if (outcome.has_raw_json()) {
    response.body = std::move(outcome.raw_json());
  } else {
    response.body.reserve(512);
    codec::AppendJson(outcome.output(), response.body);
  }
  return response;
}

Result<std::string> Server::Start() {
  if (front_) return url_;
  FrontOptions front;
  front.max_body_bytes = options_.max_body_bytes;
  front.threads = options_.threads;
  front.refusal = [this](int status) {
    std::string request_id = NewRequestId();
    ApiError e = status == 413 ? ApiError{"RequestEntityTooLargeException",
                                          "The request body exceeds " + std::to_string(options_.max_body_bytes) + " bytes"}
                 : status == 404 ? ApiError{"UnknownOperationException", "awsJson1_1 requests are POST /"}
                 : status >= 500 ? ApiError{"ServerException", "Internal error"}
                                 : ApiError{"SerializationException", "The request could not be read"};
    return ErrorResponse(status, e, request_id);
  };
  front_ = std::make_unique<HttpFront>([this](HttpRequest& request) { return Handle(request); }, std::move(front));
  auto port = front_->Listen(options_.host, options_.port);
  if (!port.ok()) {
    front_.reset();
    return port.status();
  }
  std::string host = options_.host.find(':') != std::string::npos ? "[" + options_.host + "]" : options_.host;
  url_ = "http://" + host + ":" + std::to_string(*port);
  return url_;
}

void Server::Stop() {
  if (front_) {
    front_->Stop();
    front_.reset();
  }
}

}  // namespace ecrc::server
