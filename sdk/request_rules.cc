#include "sdk/request_rules.h"

#include <set>
#include <string>
#include <unordered_set>
#include <utility>

#include "base/ascii.h"
#include "base/json_depth.h"
#include "base/utf8.h"
#include "harness/codec/validator.h"
#include "harness/codec/violation.h"

namespace ecrc::sdk {
namespace {

using nlohmann::json;
using spec::Shape;
using spec::ShapeType;

// A header value as sent, quoted and cut short: a fuzzed header can be megabytes.
std::string Quote(std::string_view text, size_t limit = 120) {
  std::string out = "'";
  out += text.substr(0, limit);
  if (text.size() > limit) out += "...(" + std::to_string(text.size()) + " bytes)";
  return out + "'";
}

std::string_view TrimOws(std::string_view v) {
  while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.remove_prefix(1);
  while (!v.empty() && (v.back() == ' ' || v.back() == '\t')) v.remove_suffix(1);
  return v;
}

std::vector<std::string_view> HeaderValues(const Headers& headers, std::string_view name) {
  std::vector<std::string_view> values;
  for (const auto& [n, v] : headers.entries) {
    if (EqualsIgnoreCase(n, name)) values.push_back(TrimOws(v));
  }
  return values;
}

std::string JoinQuoted(const std::vector<std::string_view>& values) {
  std::string out;
  for (auto v : values) out += (out.empty() ? "" : ", ") + Quote(v);
  return out;
}

// What a JSON value is, for "found ..." in messages; never the whole of a large value.
std::string Describe(const json& v) {
  switch (v.type()) {
    case json::value_t::null: return "null";
    case json::value_t::object: return "an object of " + std::to_string(v.size()) + " members";
    case json::value_t::array: return "an array of " + std::to_string(v.size()) + " items";
    case json::value_t::string: return "the string " + Quote(v.get_ref<const std::string&>(), 60);
    case json::value_t::boolean: return std::string("the boolean ") + (v.get<bool>() ? "true" : "false");
    case json::value_t::number_float: return "the number " + v.dump();
    case json::value_t::number_integer:
    case json::value_t::number_unsigned: return "the integer " + v.dump();
    default: return "a value";
  }
}

class Judge {
 public:
  Judge(const spec::Service& service, const HttpRequest& request, std::string_view endpoint_path,
        const RequestRuleLimits& limits)
      : service_(service), request_(request), endpoint_path_(endpoint_path.empty() ? "/" : endpoint_path), limits_(limits) {}

  RequestVerdict Run() {
    Method();
    Path();
    Target();
    ContentType();
    try {
      Body();
    } catch (const std::exception& e) {
      // Nothing below is meant to throw; should it (say, out of memory), the request still gets a verdict.
      Fail(kRuleRequestBodyJsonObject, "", std::string("the body could not be judged: ") + e.what());
      verdict_.input = nullptr;
    }
    return std::move(verdict_);
  }

 private:
  bool Full() const { return verdict_.failures.size() >= limits_.max_failures; }

  void Fail(const char* rule, std::string path, std::string message, results::Severity severity = results::Severity::kError,
            FailureKind kind = FailureKind::kWire) {
    if (Full()) return;
    verdict_.failures.push_back({rule, severity, kind, std::move(path), std::move(message)});
  }

  void Method() {
    if (request_.method != "POST") {
      Fail(kRuleRequestMethodPost, "", "expected method POST (awsJson1_1), found " + Quote(request_.method));
    }
  }

  void Path() {
    std::string_view path = request_.path;
    if (path != endpoint_path_) {
      Fail(kRuleRequestPath, "",
           "expected path " + Quote(endpoint_path_) + " (the endpoint's path, no query string), found " + Quote(path));
    }
  }

  void Target() {
    const std::string& prefix = service_.metadata().target_prefix;
    std::string expected = "one X-Amz-Target header '" + prefix + ".<Operation>' (the model's targetPrefix)";
    auto values = HeaderValues(request_.headers, "X-Amz-Target");
    if (values.empty()) return Fail(kRuleRequestTarget, "", "expected " + expected + ", found none");
    if (values.size() > 1) {
      Fail(kRuleRequestTarget, "",
           "expected " + expected + ", found " + std::to_string(values.size()) + ": " + JoinQuoted(values));
      for (auto v : values) {
        if (v != values[0]) return;  // which one names the operation is anyone's guess
      }
    }
    std::string_view target = values[0];
    if (target.size() <= prefix.size() || target.compare(0, prefix.size(), prefix) != 0 || target[prefix.size()] != '.') {
      return Fail(kRuleRequestTarget, "", "expected " + expected + ", found " + Quote(target));
    }
    std::string_view name = target.substr(prefix.size() + 1);
    verdict_.operation = service_.FindOperation(name);
    if (verdict_.operation) return;
    std::string hint;
    for (const auto& [op_name, op] : service_.operations()) {
      if (EqualsIgnoreCase(op_name, name)) hint = " (operation names are case-sensitive: did it mean '" + op_name + "'?)";
    }
    Fail(kRuleRequestTarget, "",
         "expected " + expected + " naming a modelled operation, found " + Quote(target) + ": " + Quote(name, 60) +
             " is not an operation of " + service_.metadata().service_id + hint);
  }

  // Smithy's awsJson1_1 names the bare media type. Media types compare case-insensitively
  // (RFC 9110 §8.3.1); a `charset=utf-8` parameter adds nothing (JSON between systems is UTF-8,
  // RFC 8259 §8.1), so it is accepted; any other parameter or charset is not what the protocol sends.
  void ContentType() {
    std::string expected_type = "application/x-amz-json-" + service_.metadata().json_version;
    std::string expected = "one Content-Type header '" + expected_type + "' (the model's jsonVersion)";
    auto values = HeaderValues(request_.headers, "Content-Type");
    if (values.size() != 1) {
      return Fail(kRuleRequestContentType, "",
                  "expected " + expected + ", found " + (values.empty() ? std::string("none") : JoinQuoted(values)));
    }
    std::string_view value = values[0];
    size_t semi = value.find(';');
    std::string_view media = TrimOws(value.substr(0, semi));
    if (!EqualsIgnoreCase(media, expected_type)) {
      return Fail(kRuleRequestContentType, "", "expected " + expected + ", found " + Quote(value));
    }
    while (semi != std::string_view::npos) {
      std::string_view rest = value.substr(semi + 1);
      semi = rest.find(';');
      std::string_view param = TrimOws(rest.substr(0, semi));
      value = rest;
      size_t eq = param.find('=');
      std::string_view name = TrimOws(param.substr(0, eq));
      std::string_view arg = eq == std::string_view::npos ? std::string_view() : TrimOws(param.substr(eq + 1));
      if (arg.size() >= 2 && arg.front() == '"' && arg.back() == '"') arg = arg.substr(1, arg.size() - 2);
      if (EqualsIgnoreCase(name, "charset") && EqualsIgnoreCase(arg, "utf-8")) continue;
      return Fail(kRuleRequestContentType, "",
                  "expected " + expected + " (at most a 'charset=utf-8' parameter), found " + Quote(values[0]) +
                      " with the parameter " + Quote(param));
    }
  }

  void Body();
  void ShapeRules(const spec::Operation& op, const json& wire);

  const spec::Service& service_;
  const HttpRequest& request_;
  std::string endpoint_path_;
  const RequestRuleLimits& limits_;
  RequestVerdict verdict_;
};

// A SAX pass that finds keys repeated within one object, at any depth: nlohmann's DOM parser keeps
// the last of them silently, so the parsed document cannot show them.
class DuplicateKeyScanner : public nlohmann::json_sax<json> {
 public:
  explicit DuplicateKeyScanner(size_t max) : max_(max) {}

  // Paths (`a.b[2].key`) of each repeated key, from its second occurrence.
  const std::vector<std::string>& duplicates() const { return duplicates_; }

  bool null() override { return Value(); }
  bool boolean(bool) override { return Value(); }
  bool number_integer(number_integer_t) override { return Value(); }
  bool number_unsigned(number_unsigned_t) override { return Value(); }
  bool number_float(number_float_t, const string_t&) override { return Value(); }
  bool string(string_t&) override { return Value(); }
  bool binary(binary_t&) override { return Value(); }
  bool start_object(std::size_t) override {
    Value();
    frames_.push_back({true});
    return true;
  }
  bool key(string_t& key) override {
    Frame& top = frames_.back();
    top.key = key;
    if (!top.keys.insert(key).second && duplicates_.size() < max_) duplicates_.push_back(Text());
    return true;
  }
  bool end_object() override {
    frames_.pop_back();
    return true;
  }
  bool start_array(std::size_t) override {
    Value();
    frames_.push_back({false});
    return true;
  }
  bool end_array() override {
    frames_.pop_back();
    return true;
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override { return false; }

 private:
  struct Frame {
    bool object;
    std::unordered_set<std::string> keys = {};
    std::string key = {};
    size_t index = 0;
    size_t count = 0;
  };

  // Every value in an array takes the next index.
  bool Value() {
    if (!frames_.empty() && !frames_.back().object) frames_.back().index = frames_.back().count++;
    return true;
  }

  std::string Text() const {
    std::string out;
    for (const Frame& f : frames_) {
      if (f.object) out += (out.empty() ? "" : ".") + f.key;
      else out += "[" + std::to_string(f.index) + "]";
    }
    return out;
  }

  size_t max_;
  std::vector<Frame> frames_;
  std::vector<std::string> duplicates_;
};

void Judge::Body() {
  const std::string& body = request_.body;
  const spec::Operation* op = verdict_.operation;
  std::string expected = "a body that is one JSON object";
  if (body.find_first_not_of(" \t\r\n") == std::string::npos) {
    if (!op) return;  // which operation it is for is unknown, so whether it may be empty is too
    if (op->input->members.empty()) {
      verdict_.input = json::object();
      return;
    }
    return Fail(kRuleRequestBodyJsonObject, "",
                "expected " + expected + " (an empty body only for an input without members; " + op->name +
                    "'s input has " + std::to_string(op->input->members.size()) + ", so send at least '{}'), found an empty body");
  }
  if (body.size() > limits_.max_body_bytes) {
    return Fail(kRuleRequestBodyJsonObject, "",
                "expected " + expected + " of at most " + std::to_string(limits_.max_body_bytes) +
                    " bytes (the largest modelled input, base64 included, fits), found " + std::to_string(body.size()) + " bytes");
  }
  if (auto bad = FirstInvalidUtf8(body)) {
    return Fail(kRuleRequestBodyJsonObject, "",
                "expected " + expected + " in UTF-8 (RFC 8259 §8.1), found a byte that is not UTF-8 at offset " + std::to_string(*bad));
  }
  if (JsonNestingDepth(body, limits_.max_depth) > limits_.max_depth) {
    return Fail(kRuleRequestBodyJsonObject, "",
                "expected " + expected + " nesting at most " + std::to_string(limits_.max_depth) +
                    " levels (the model's inputs nest fewer than 10), found deeper nesting");
  }
  // nlohmann's parser stops at a NUL byte as if the text ended there; JSON allows none outside
  // escapes, so a body holding one is not JSON whatever precedes it.
  if (size_t nul = body.find('\0'); nul != std::string::npos) {
    return Fail(kRuleRequestBodyJsonObject, "",
                "expected " + expected + ", found text that is not JSON (a NUL byte at offset " + std::to_string(nul) + ")");
  }
  json wire = json::parse(body, nullptr, false);
  if (wire.is_discarded()) return Fail(kRuleRequestBodyJsonObject, "", "expected " + expected + ", found text that is not JSON");
  if (!wire.is_object()) return Fail(kRuleRequestBodyJsonObject, "", "expected " + expected + ", found " + Describe(wire));

  DuplicateKeyScanner scanner(limits_.max_failures);
  json::sax_parse(body, &scanner);
  for (const auto& path : scanner.duplicates()) {
    Fail(kRuleRequestNoDuplicateKeys, path,
         "expected each key once per object, found '" + path + "' again (parsers keep either one: the server may read another value than the SDK meant)");
  }
  if (op) ShapeRules(*op, wire);
  verdict_.input = std::move(wire);
}

// Where the validator's paths meet the document: blob and timestamp members (so a type error there
// is reported under their own rule) and members sent as null.
class ShapeScan {
 public:
  std::set<std::string> blobs;
  std::set<std::string> timestamps;
  std::vector<std::string> nulls;

  void Walk(const Shape& shape, const json& value, const std::string& path) {
    switch (shape.type) {
      case ShapeType::kStructure:
        if (!value.is_object()) return;
        for (const auto& m : shape.members) {
          auto it = value.find(m.name);
          if (it == value.end()) continue;
          Visit(*m.shape, *it, path.empty() ? m.name : path + "." + m.name);
        }
        return;
      case ShapeType::kList:
        if (!value.is_array()) return;
        for (size_t i = 0; i < value.size(); ++i) {
          if (!value[i].is_null()) Visit(*shape.member, value[i], path + "[" + std::to_string(i) + "]");
        }
        return;
      case ShapeType::kMap:
        if (!value.is_object()) return;
        for (const auto& [key, item] : value.items()) Visit(*shape.value, item, path + "." + key);
        return;
      default: return;
    }
  }

 private:
  void Visit(const Shape& shape, const json& value, const std::string& path) {
    if (value.is_null()) return nulls.push_back(path);
    if (shape.type == ShapeType::kBlob) blobs.insert(path);
    if (shape.type == ShapeType::kTimestamp) timestamps.insert(path);
    Walk(shape, value, path);
  }
};

// The value a validator path (`a.b[2].c`, modelled names only) points at, or null.
const json* At(const json& root, std::string_view path) {
  const json* node = &root;
  while (!path.empty() && node) {
    if (path.front() == '.') path.remove_prefix(1);
    if (path.empty()) return nullptr;
    if (path.front() == '[') {
      size_t close = path.find(']');
      if (close == std::string_view::npos || !node->is_array()) return nullptr;
      size_t index = 0;
      for (char c : path.substr(1, close - 1)) index = index * 10 + static_cast<size_t>(c - '0');
      if (index >= node->size()) return nullptr;
      node = &(*node)[index];
      path.remove_prefix(close + 1);
      continue;
    }
    size_t end = path.find_first_of(".[");
    std::string name(path.substr(0, end));
    if (!node->is_object()) return nullptr;
    auto it = node->find(name);
    node = it == node->end() ? nullptr : &*it;
    path.remove_prefix(end == std::string_view::npos ? path.size() : end);
  }
  return node;
}

void Judge::ShapeRules(const spec::Operation& op, const json& wire) {
  const Shape& input = *op.input;
  ShapeScan scan;
  scan.Walk(input, wire, "");
  codec::ValidateOptions options;
  options.reject_unknown_members = true;
  options.empty_list_meets_min = false;
  options.max_violations = limits_.max_failures;
  for (const auto& v : codec::Validate(input, wire, options)) {
    const json* found = v.kind == codec::ViolationKind::kUnknownMember ? nullptr : At(wire, v.path);
    std::string message = v.constraint + (found ? ", found " + Describe(*found) : "");
    using K = codec::ViolationKind;
    switch (v.kind) {
      case K::kUnknownMember:
        Fail(kRuleRequestMemberKnown, v.path,
             "expected only members the model gives " + input.name + " and the shapes inside it, found '" + v.path +
                 "': " + v.constraint);
        break;
      case K::kType:
        if (scan.blobs.count(v.path)) Fail(kRuleRequestBlobBase64, v.path, message);
        else if (scan.timestamps.count(v.path)) Fail(kRuleRequestTimestampEpoch, v.path, message);
        else Fail(kRuleRequestMemberType, v.path, message);
        break;
      case K::kBase64: Fail(kRuleRequestBlobBase64, v.path, message); break;
      case K::kUtf8: Fail(kRuleRequestMemberType, v.path, message); break;
      default:
        Fail(kRuleRequestInputConstraint, v.path, std::string(codec::ViolationKindName(v.kind)) + ": " + message,
             results::Severity::kError, FailureKind::kCallerInput);
    }
  }
  for (const auto& path : scan.nulls) {
    Fail(kRuleRequestNoNull, path,
         "expected an absent member to be left out of the body, found null (Smithy awsJson1_1 clients omit it; a server may reject it)",
         results::Severity::kWarning);
  }
}

}  // namespace

const char* FailureKindName(FailureKind kind) { return kind == FailureKind::kWire ? "wire" : "caller_input"; }

bool RequestVerdict::Fails(std::string_view rule) const {
  for (const auto& f : failures) {
    if (f.rule == rule) return true;
  }
  return false;
}

bool RequestVerdict::WireOk() const {
  for (const auto& f : failures) {
    if (f.kind == FailureKind::kWire && f.severity == results::Severity::kError) return false;
  }
  return true;
}

RequestVerdict JudgeRequest(const spec::Service& service, const HttpRequest& request, std::string_view endpoint_path,
                            const RequestRuleLimits& limits) {
  return Judge(service, request, endpoint_path, limits).Run();
}

}  // namespace ecrc::sdk
