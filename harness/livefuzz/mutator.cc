#include "harness/livefuzz/mutator.h"

#include <algorithm>
#include <cctype>
#include <functional>
#include <limits>

#include "base/ascii.h"
#include "base/base64.h"
#include "harness/codec/codec.h"
#include "harness/codec/sample.h"

namespace ecrc::livefuzz {
namespace {

using nlohmann::json;
using spec::Shape;
using spec::ShapeType;

constexpr char kTarget[] = "X-Amz-Target";
constexpr char kContentType[] = "Content-Type";
// Stands in for raw text that nlohmann cannot hold (invalid UTF-8, 10^30 as an integer, deep
// nesting we do not want to build as a tree): the document is dumped with this string in place
// and the quoted token is then replaced by the raw text.
constexpr char kRawToken[] = "ECRC_LIVEFUZZ_RAW_VALUE_7f3a";

const std::vector<MutationInfo> kMutations = {
    {MutationKind::kNone, "seed", false, false, "the spec-valid seed request, unmutated"},
    {MutationKind::kWrongType, "wrong_type", false, false, "a member holds a JSON value of another type"},
    {MutationKind::kBoundary, "boundary", false, false, "a value exactly at a bound of its shape"},
    {MutationKind::kOutOfRange, "out_of_range", false, false, "a value or size one past a bound, negative or huge numbers"},
    {MutationKind::kOversizedString, "oversized_string", false, false, "a string far beyond its maximum length"},
    {MutationKind::kOversizedList, "oversized_list", false, false, "a list or map far beyond its maximum size"},
    {MutationKind::kInvalidValue, "invalid_value", false, false, "a string breaking its pattern or enum"},
    {MutationKind::kUnknownMember, "unknown_member", false, false, "a member the model does not have"},
    {MutationKind::kMissingRequired, "missing_required", false, false, "a required member left out or null"},
    {MutationKind::kInvalidBase64, "invalid_base64", false, false, "a blob that is not canonical base64"},
    {MutationKind::kInvalidUtf8, "invalid_utf8", false, false, "bytes that are not UTF-8 inside a string"},
    {MutationKind::kDeepNesting, "deep_nesting", false, false, "thousands of nested arrays or objects"},
    {MutationKind::kDuplicateKey, "duplicate_key", false, true, "a member name twice in one object"},
    {MutationKind::kTruncatedJson, "truncated_json", false, false, "the JSON body cut short"},
    {MutationKind::kNonObjectBody, "non_object_body", false, false, "JSON that is not an object, or trailing data"},
    {MutationKind::kEmptyBody, "empty_body", false, false, "no body, or whitespace only"},
    {MutationKind::kHugeBody, "huge_body", false, true, "a body of a few MiB", 1},
    {MutationKind::kWrongContentType, "wrong_content_type", false, true, "a Content-Type other than application/x-amz-json-1.1"},
    {MutationKind::kMissingContentType, "missing_content_type", false, true, "no Content-Type header"},
    {MutationKind::kDuplicateHeader, "duplicate_header", false, true, "X-Amz-Target or Content-Type sent twice"},
    {MutationKind::kUnknownTarget, "unknown_target", true, false, "the service's target prefix with an operation it does not have"},
    {MutationKind::kMissingTarget, "missing_target", true, false, "no X-Amz-Target header, or an empty one"},
    {MutationKind::kWrongTargetPrefix, "wrong_target_prefix", true, false, "an operation of the model behind a wrong target prefix"},
};

size_t Below(std::mt19937_64& rng, size_t n) { return n == 0 ? 0 : static_cast<size_t>(rng() % n); }

template <typename T>
T Pick(std::mt19937_64& rng, const std::vector<T>& items) {
  return items[Below(rng, items.size())];
}

bool Coin(std::mt19937_64& rng) { return (rng() & 1) != 0; }

// Where in the body a mutation can act: a member of a structure (present or not), a list item or
// a map value, with the shape the model gives it.
struct Site {
  json::json_pointer pointer;
  const Shape* shape = nullptr;
  bool present = false;
  bool required = false;
};

void CollectSites(const Shape& shape, const json& value, const json::json_pointer& at, int depth, std::vector<Site>* out) {
  if (depth > 8) return;
  switch (shape.type) {
    case ShapeType::kStructure:
      if (!value.is_object()) return;
      for (const auto& m : shape.members) {
        auto it = value.find(m.name);
        bool present = it != value.end() && !it->is_null();
        out->push_back({at / m.name, m.shape, present, m.required});
        if (present) CollectSites(*m.shape, *it, at / m.name, depth + 1, out);
      }
      return;
    case ShapeType::kList:
      if (!value.is_array()) return;
      for (size_t i = 0; i < value.size() && i < 3; ++i) {
        out->push_back({at / i, shape.member, true, false});
        CollectSites(*shape.member, value[i], at / i, depth + 1, out);
      }
      return;
    case ShapeType::kMap: {
      if (!value.is_object()) return;
      size_t n = 0;
      for (const auto& [key, item] : value.items()) {
        if (n++ == 3) break;
        out->push_back({at / key, shape.value, true, false});
        CollectSites(*shape.value, item, at / key, depth + 1, out);
      }
      return;
    }
    default: return;
  }
}

// Every site of the body, the root structure first.
std::vector<Site> Sites(const spec::Operation& op, const json& wire) {
  std::vector<Site> sites = {{json::json_pointer(), op.input, true, false}};
  CollectSites(*op.input, wire, json::json_pointer(), 0, &sites);
  return sites;
}

std::vector<Site> Filter(const std::vector<Site>& sites, const std::function<bool(const Site&)>& keep) {
  std::vector<Site> out;
  for (const auto& s : sites) {
    if (keep(s)) out.push_back(s);
  }
  return out;
}

bool IsStringLike(const Shape& s) { return s.type == ShapeType::kString || s.type == ShapeType::kBlob; }

std::string Dump(const json& doc) { return doc.dump(-1, ' ', false, json::error_handler_t::replace); }

std::string TypeName(const json& v) {
  if (v.is_number_integer()) return "integer";
  if (v.is_number_float()) return "number";
  return v.type_name();
}

// "integer -1", "string of 206 characters", "array of 1001 items".
std::string Describe(const json& v) {
  if (v.is_string()) return "string of " + std::to_string(v.get_ref<const std::string&>().size()) + " bytes";
  if (v.is_array()) return "array of " + std::to_string(v.size()) + " items";
  if (v.is_object()) return "object of " + std::to_string(v.size()) + " members";
  return TypeName(v) + " " + Dump(v);
}

bool MatchesType(const Shape& shape, const json& v) {
  switch (shape.type) {
    case ShapeType::kStructure:
    case ShapeType::kMap: return v.is_object();
    case ShapeType::kList: return v.is_array();
    case ShapeType::kString:
    case ShapeType::kBlob: return v.is_string();
    case ShapeType::kBoolean: return v.is_boolean();
    case ShapeType::kInteger:
    case ShapeType::kLong: return v.is_number_integer();
    case ShapeType::kFloat:
    case ShapeType::kDouble:
    case ShapeType::kTimestamp: return v.is_number();
  }
  return false;
}

const std::vector<json>& AnyValues() {
  static const std::vector<json> kValues = {"text", "", "1", 1, 0, -1, 1.5, true, false, json::array(), json::array({1}),
                                            json::object(), json::object({{"a", 1}}), nullptr, "2024-01-01T00:00:00Z"};
  return kValues;
}

// The current string at a site, so that resized strings keep what the seed had there: a
// repository name bound to the run's prefix keeps the prefix when it grows.
std::string ExistingString(const json& doc, const Site& site) {
  if (!site.present || !doc.contains(site.pointer)) return "";
  const json& v = doc.at(site.pointer);
  return v.is_string() ? v.get<std::string>() : "";
}

std::string Resize(const std::string& base, size_t n) {
  if (base.empty()) return std::string(n, 'a');
  if (n <= base.size()) return base.substr(0, n);
  char fill = static_cast<unsigned char>(base.back()) < 0x80 ? base.back() : 'a';
  return base + std::string(n - base.size(), fill);
}

// A string of n characters for `shape`, close to `base`; the pattern is kept when the sampler
// can keep it (the validator decides afterwards whether the result is valid).
std::string StringOfLength(const Shape& shape, const std::string& base, size_t n) {
  std::string s = Resize(base, n);
  if (shape.MatchesPattern(s)) return s;
  Shape unbounded = shape;
  unbounded.min.reset();
  unbounded.max.reset();
  if (auto alt = codec::SampleString(unbounded, static_cast<int64_t>(n))) return *alt;
  return s;
}

json BlobOfLength(size_t bytes) { return Base64Encode(std::string(bytes, 'x')); }

json ItemFor(const Shape& list_shape, const json& existing) {
  if (existing.is_array() && !existing.empty()) return existing[0];
  auto sample = codec::SampleValue(*list_shape.member);
  return sample.ok() ? codec::ValueToWire(*list_shape.member, *sample) : json("x");
}

json ListOf(const Shape& shape, const json& existing, size_t n) {
  json item = ItemFor(shape, existing);
  json out = json::array();
  for (size_t i = 0; i < n; ++i) out.push_back(item);
  return out;
}

json MapOf(const Shape& shape, size_t n) {
  json out = json::object();
  auto value = codec::SampleValue(*shape.value);
  json v = value.ok() ? codec::ValueToWire(*shape.value, *value) : json("v");
  for (size_t i = 0; i < n; ++i) {
    auto key = codec::SampleString(*shape.key, std::max<int64_t>(shape.key->min.value_or(1), 1));
    out[(key ? *key : std::string("k")) + std::to_string(i)] = v;
  }
  return out;
}

// One replacement value: a JSON value, or raw text where JSON cannot say it.
struct Candidate {
  json value;
  std::optional<std::string> raw;
  std::string what;
};

std::vector<Candidate> BoundaryCandidates(const Shape& shape, const json& doc, const Site& site, const MutatorLimits& limits) {
  std::vector<Candidate> out;
  const std::string base = ExistingString(doc, site);
  const json existing = site.present && doc.contains(site.pointer) ? doc.at(site.pointer) : json();
  auto len = [](std::optional<int64_t> v, int64_t fallback) { return static_cast<size_t>(std::max<int64_t>(v.value_or(fallback), 0)); };
  switch (shape.type) {
    case ShapeType::kString:
      if (!shape.enum_values.empty()) {
        out.push_back({shape.enum_values.front(), {}, "first enum value"});
        out.push_back({shape.enum_values.back(), {}, "last enum value"});
        break;
      }
      out.push_back({StringOfLength(shape, base, len(shape.min, 0)), {}, "string at its minimum length " + std::to_string(len(shape.min, 0))});
      if (shape.max && static_cast<size_t>(*shape.max) <= limits.max_string_chars) {
        out.push_back({StringOfLength(shape, base, len(shape.max, 0)), {}, "string at its maximum length " + std::to_string(*shape.max)});
      }
      break;
    case ShapeType::kBlob:
      out.push_back({BlobOfLength(len(shape.min, 0)), {}, "blob at its minimum size " + std::to_string(len(shape.min, 0))});
      if (shape.max && static_cast<size_t>(*shape.max) / 3 * 4 <= limits.max_string_chars) {
        out.push_back({BlobOfLength(len(shape.max, 0)), {}, "blob at its maximum size " + std::to_string(*shape.max)});
      }
      break;
    case ShapeType::kInteger:
    case ShapeType::kLong: {
      bool wide = shape.type == ShapeType::kLong;
      int64_t lo = shape.min.value_or(wide ? std::numeric_limits<int64_t>::min() : std::numeric_limits<int32_t>::min());
      int64_t hi = shape.max.value_or(wide ? std::numeric_limits<int64_t>::max() : std::numeric_limits<int32_t>::max());
      out.push_back({lo, {}, "integer at its minimum " + std::to_string(lo)});
      out.push_back({hi, {}, "integer at its maximum " + std::to_string(hi)});
      break;
    }
    case ShapeType::kList:
      out.push_back({ListOf(shape, existing, len(shape.min, 0)), {}, "list at its minimum size " + std::to_string(len(shape.min, 0))});
      if (shape.max && static_cast<size_t>(*shape.max) <= limits.max_list_items) {
        out.push_back({ListOf(shape, existing, len(shape.max, 0)), {}, "list at its maximum size " + std::to_string(*shape.max)});
      }
      break;
    case ShapeType::kMap:
      out.push_back({MapOf(shape, len(shape.min, 0)), {}, "map at its minimum size"});
      if (shape.max && static_cast<size_t>(*shape.max) <= limits.max_list_items) {
        out.push_back({MapOf(shape, len(shape.max, 0)), {}, "map at its maximum size " + std::to_string(*shape.max)});
      }
      break;
    case ShapeType::kBoolean:
      out.push_back({true, {}, "true"});
      out.push_back({false, {}, "false"});
      break;
    case ShapeType::kTimestamp:
      out.push_back({0, {}, "timestamp 0 (the epoch)"});
      out.push_back({4102444800.5, {}, "fractional timestamp in 2100"});
      break;
    case ShapeType::kFloat:
    case ShapeType::kDouble:
      out.push_back({static_cast<double>(shape.min.value_or(0)), {}, "number at its minimum"});
      if (shape.max) out.push_back({static_cast<double>(*shape.max), {}, "number at its maximum"});
      break;
    case ShapeType::kStructure: break;
  }
  return out;
}

std::vector<Candidate> OutOfRangeCandidates(const Shape& shape, const json& doc, const Site& site, const MutatorLimits& limits) {
  std::vector<Candidate> out;
  const std::string base = ExistingString(doc, site);
  const json existing = site.present && doc.contains(site.pointer) ? doc.at(site.pointer) : json();
  switch (shape.type) {
    case ShapeType::kString:
      if (shape.min && *shape.min > 0) {
        out.push_back({StringOfLength(shape, base, *shape.min - 1), {}, "string one below its minimum length " + std::to_string(*shape.min)});
      }
      if (shape.max && static_cast<size_t>(*shape.max) < limits.max_string_chars) {
        out.push_back({StringOfLength(shape, base, *shape.max + 1), {}, "string one past its maximum length " + std::to_string(*shape.max)});
      }
      break;
    case ShapeType::kBlob:
      if (shape.min && *shape.min > 0) out.push_back({BlobOfLength(*shape.min - 1), {}, "blob one below its minimum size"});
      if (shape.max && static_cast<size_t>(*shape.max) / 3 * 4 < limits.max_string_chars) {
        out.push_back({BlobOfLength(*shape.max + 1), {}, "blob one past its maximum size " + std::to_string(*shape.max)});
      }
      break;
    case ShapeType::kInteger:
    case ShapeType::kLong:
      if (shape.min && *shape.min > std::numeric_limits<int64_t>::min()) {
        out.push_back({*shape.min - 1, {}, "integer one below its minimum " + std::to_string(*shape.min)});
      }
      if (shape.max && *shape.max < std::numeric_limits<int64_t>::max()) {
        out.push_back({*shape.max + 1, {}, "integer one past its maximum " + std::to_string(*shape.max)});
      }
      out.push_back({-1, {}, "negative integer -1"});
      out.push_back({std::numeric_limits<int64_t>::min(), {}, "the most negative 64-bit integer"});
      if (shape.type == ShapeType::kInteger) out.push_back({int64_t{2147483648}, {}, "2^31: past a 32-bit integer"});
      out.push_back({uint64_t{9223372036854775808ull}, {}, "2^63: past a 64-bit signed integer"});
      out.push_back({json(), std::string("123456789012345678901234567890"), "an integer of 30 digits"});
      out.push_back({json(), std::string("1e400"), "a number beyond double range"});
      out.push_back({json(), std::string("-0"), "negative zero"});
      break;
    case ShapeType::kList:
      if (shape.min && *shape.min > 0) out.push_back({ListOf(shape, existing, *shape.min - 1), {}, "list one below its minimum size"});
      if (shape.max && static_cast<size_t>(*shape.max) < limits.max_list_items) {
        out.push_back({ListOf(shape, existing, *shape.max + 1), {}, "list one past its maximum size " + std::to_string(*shape.max)});
      }
      break;
    case ShapeType::kMap:
      if (shape.min && *shape.min > 0) out.push_back({MapOf(shape, *shape.min - 1), {}, "map one below its minimum size"});
      if (shape.max && static_cast<size_t>(*shape.max) < limits.max_list_items) {
        out.push_back({MapOf(shape, *shape.max + 1), {}, "map one past its maximum size " + std::to_string(*shape.max)});
      }
      break;
    case ShapeType::kTimestamp:
    case ShapeType::kFloat:
    case ShapeType::kDouble:
      out.push_back({-1.5, {}, "negative number -1.5"});
      out.push_back({json(), std::string("1e400"), "a number beyond double range"});
      break;
    default: break;
  }
  return out;
}

std::vector<Candidate> InvalidValueCandidates(const Shape& shape, const json& doc, const Site& site) {
  std::vector<Candidate> out;
  if (shape.type != ShapeType::kString) return out;
  std::string base = ExistingString(doc, site);
  if (!shape.enum_values.empty()) {
    const std::string& first = shape.enum_values.front();
    std::string lower = AsciiLower(first);
    for (const std::string& s : {std::string("NOT_A_MODELLED_VALUE"), lower, first + " ", std::string("")}) {
      if (std::find(shape.enum_values.begin(), shape.enum_values.end(), s) == shape.enum_values.end()) {
        out.push_back({s, {}, "'" + s + "' outside the enum"});
      }
    }
    return out;
  }
  if (shape.pattern.empty()) return out;
  if (base.empty()) {
    auto sample = codec::SampleString(shape, std::max<int64_t>(shape.min.value_or(1), 1));
    base = sample ? *sample : "a";
  }
  std::string upper = base;
  std::transform(upper.begin(), upper.end(), upper.begin(), [](unsigned char c) { return std::toupper(c); });
  for (const std::string& s : {base + "!", "-" + base, base + " ", upper, base + "\xc3\xa9", base + "\n", base + "/", std::string("..")}) {
    if (!shape.MatchesPattern(s)) out.push_back({s, {}, "string breaking the pattern " + shape.pattern});
  }
  return out;
}

// True when `s` dumps as itself between quotes.
bool NeedsNoEscaping(const std::string& s) {
  return std::none_of(s.begin(), s.end(), [](char c) { return c == '"' || c == '\\' || static_cast<unsigned char>(c) < 0x20; });
}

// Places a candidate at a site and renders the body.
std::string Render(json doc, const json::json_pointer& at, const Candidate& c) {
  std::optional<std::string> raw = c.raw;
  // Long strings are spliced in as text: dumping escapes them byte by byte.
  if (!raw && c.value.is_string() && c.value.get_ref<const std::string&>().size() > 4096 &&
      NeedsNoEscaping(c.value.get_ref<const std::string&>())) {
    raw = "\"" + c.value.get<std::string>() + "\"";
  }
  if (!raw) {
    doc[at] = c.value;
    return Dump(doc);
  }
  doc[at] = kRawToken;
  std::string body = Dump(doc);
  std::string quoted = std::string("\"") + kRawToken + "\"";
  size_t pos = body.find(quoted);
  if (pos != std::string::npos) body.replace(pos, quoted.size(), *raw);
  return body;
}

class Mutator {
 public:
  Mutator(const spec::Service& service, const spec::Operation& op, const json& wire, std::mt19937_64& rng, const MutatorLimits& limits)
      : service_(service), op_(op), wire_(wire.is_object() ? wire : json::object()), rng_(rng), limits_(limits), sites_(Sites(op, wire_)) {}

  std::optional<Mutant> Run(MutationKind kind) {
    Mutant m;
    m.kind = kind;
    m.request = FrameRequest(service_, op_, Dump(wire_));
    m.where = "body";
    bool ok = true;
    switch (kind) {
      case MutationKind::kNone: m.what = "the seed, unmutated"; break;
      case MutationKind::kWrongType: ok = WrongType(&m); break;
      case MutationKind::kBoundary: ok = FromCandidates(&m, BoundaryCandidates); break;
      case MutationKind::kOutOfRange: ok = FromCandidates(&m, OutOfRangeCandidates); break;
      case MutationKind::kOversizedString: ok = OversizedString(&m); break;
      case MutationKind::kOversizedList: ok = OversizedList(&m); break;
      case MutationKind::kInvalidValue:
        ok = FromCandidates(&m, [](const Shape& s, const json& d, const Site& site, const MutatorLimits&) { return InvalidValueCandidates(s, d, site); });
        break;
      case MutationKind::kUnknownMember: ok = UnknownMember(&m); break;
      case MutationKind::kMissingRequired: ok = MissingRequired(&m); break;
      case MutationKind::kInvalidBase64: ok = InvalidBase64(&m); break;
      case MutationKind::kInvalidUtf8: ok = InvalidUtf8(&m); break;
      case MutationKind::kDeepNesting: ok = DeepNesting(&m); break;
      case MutationKind::kDuplicateKey: DuplicateKey(&m); break;
      case MutationKind::kTruncatedJson: Truncated(&m); break;
      case MutationKind::kNonObjectBody: NonObject(&m); break;
      case MutationKind::kEmptyBody:
        m.request.body = Pick<std::string>(rng_, {"", " ", "\n\t "});
        m.what = m.request.body.empty() ? "empty body" : "whitespace-only body";
        break;
      case MutationKind::kHugeBody: HugeBody(&m); break;
      case MutationKind::kWrongContentType: {
        std::string type = Pick<std::string>(rng_, {"application/json", "text/plain", "application/x-amz-json-1.0",
                                                    "application/x-www-form-urlencoded", "application/xml", "x-amz-json-1.1"});
        m.request.headers.Set(kContentType, type);
        m.where = std::string("header:") + kContentType;
        m.what = "Content-Type " + type;
        break;
      }
      case MutationKind::kMissingContentType:
        RemoveHeader(&m.request, kContentType);
        m.where = std::string("header:") + kContentType;
        m.what = "no Content-Type";
        // libcurl would add an unsigned form Content-Type to a signed POST (toolchain.md).
        m.signable = false;
        break;
      case MutationKind::kDuplicateHeader: DuplicateHeader(&m); break;
      case MutationKind::kUnknownTarget: ok = UnknownTarget(&m); break;
      case MutationKind::kMissingTarget:
        m.where = std::string("header:") + kTarget;
        if (Coin(rng_)) {
          RemoveHeader(&m.request, kTarget);
          m.what = "no X-Amz-Target";
        } else {
          m.request.headers.Set(kTarget, "");
          m.what = "empty X-Amz-Target";
          // libcurl signs an empty-valued header wrongly, so Transport refuses to sign it.
          m.signable = false;
        }
        break;
      case MutationKind::kWrongTargetPrefix: {
        const std::string& prefix = service_.metadata().target_prefix;
        std::string target = Pick<std::string>(rng_, {"AmazonEC2ContainerRegistry_V20150921." + op_.name, AsciiLower(prefix) + "." + op_.name,
                                                      prefix + op_.name, "." + op_.name, op_.name, prefix + "/" + op_.name,
                                                      "DynamoDB_20120810." + op_.name});
        m.request.headers.Set(kTarget, target);
        m.where = std::string("header:") + kTarget;
        m.what = "X-Amz-Target " + target;
        break;
      }
    }
    if (!ok) return std::nullopt;
    return m;
  }

 private:
  using CandidateFn = std::function<std::vector<Candidate>(const Shape&, const json&, const Site&, const MutatorLimits&)>;

  // Picks a site that has candidates (from a random starting point, so that only a few sites'
  // candidates are built), then one candidate.
  bool FromCandidates(Mutant* m, const CandidateFn& candidates) {
    size_t start = Below(rng_, sites_.size());
    for (size_t i = 0; i < sites_.size(); ++i) {
      const Site& s = sites_[(start + i) % sites_.size()];
      if (s.pointer.empty()) continue;
      auto c = candidates(*s.shape, wire_, s, limits_);
      if (c.empty()) continue;
      Place(m, s, Pick(rng_, c));
      return true;
    }
    return false;
  }

  void Place(Mutant* m, const Site& site, const Candidate& c) {
    m->request.body = Render(wire_, site.pointer, c);
    m->where = site.pointer.to_string();
    m->what = c.what;
  }

  bool WrongType(Mutant* m) {
    auto sites = Filter(sites_, [](const Site& s) { return !s.pointer.empty(); });
    if (sites.empty()) return false;
    const Site& site = Pick(rng_, sites);
    std::vector<json> values;
    for (const auto& v : AnyValues()) {
      if (!MatchesType(*site.shape, v)) values.push_back(v);
    }
    const json& v = Pick(rng_, values);
    Place(m, site, {v, {}, Describe(v) + " where the model says " + spec::ShapeTypeName(site.shape->type)});
    return true;
  }

  bool OversizedString(Mutant* m) {
    auto sites = Filter(sites_, [](const Site& s) { return !s.pointer.empty() && IsStringLike(*s.shape); });
    if (sites.empty()) return false;
    const Site& site = Pick(rng_, sites);
    const Shape& shape = *site.shape;
    size_t cap = limits_.max_string_chars;
    size_t base = shape.max ? static_cast<size_t>(*shape.max) : 1024;
    size_t n = std::min(cap, Pick<size_t>(rng_, {base * 2 + 1, base * 16 + 1, cap}));
    if (shape.type == ShapeType::kBlob) {
      size_t bytes = std::min(n, cap / 4 * 3);
      Place(m, site, {BlobOfLength(bytes), {}, "blob of " + std::to_string(bytes) + " bytes (max " + (shape.max ? std::to_string(*shape.max) : "none") + ")"});
    } else {
      Place(m, site, {Resize(ExistingString(wire_, site), n), {}, "string of " + std::to_string(n) + " characters (max " +
                                                                    (shape.max ? std::to_string(*shape.max) : "none") + ")"});
    }
    return true;
  }

  bool OversizedList(Mutant* m) {
    auto sites = Filter(sites_, [](const Site& s) {
      return s.shape->type == ShapeType::kList || s.shape->type == ShapeType::kMap;
    });
    if (sites.empty()) return false;
    const Site& site = Pick(rng_, sites);
    const Shape& shape = *site.shape;
    size_t base = shape.max ? static_cast<size_t>(*shape.max) : 100;
    size_t n = std::min(limits_.max_list_items, Pick<size_t>(rng_, {base + 10, base * 4, limits_.max_list_items}));
    json existing = site.present && wire_.contains(site.pointer) ? wire_.at(site.pointer) : json();
    json value = shape.type == ShapeType::kList ? ListOf(shape, existing, n) : MapOf(shape, n);
    // Items can be large (a list of structures): the body stays within a few MiB.
    while (n > 1 && Dump(value).size() > limits_.max_string_chars) {
      n /= 2;
      value = shape.type == ShapeType::kList ? ListOf(shape, existing, n) : MapOf(shape, n);
    }
    Place(m, site, {value, {}, std::string(shape.type == ShapeType::kList ? "list" : "map") + " of " + std::to_string(n) + " entries (max " +
                                   (shape.max ? std::to_string(*shape.max) : "none") + ")"});
    return true;
  }

  bool UnknownMember(Mutant* m) {
    auto sites = Filter(sites_, [this](const Site& s) {
      return s.shape->type == ShapeType::kStructure && s.present && wire_.contains(s.pointer) && wire_.at(s.pointer).is_object();
    });
    if (sites.empty()) return false;
    const Site& site = Pick(rng_, sites);
    std::vector<std::string> names = {"ecrcUnknownMember", "__type", "x-amz-meta", ""};
    for (const auto& member : site.shape->members) {
      std::string capital = member.name;
      capital[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(capital[0])));
      names.push_back(capital);
      names.push_back(AsciiLower(member.name));
    }
    std::vector<std::string> unknown;
    for (const auto& n : names) {
      if (!site.shape->FindMember(n)) unknown.push_back(n);
    }
    const std::string& name = Pick(rng_, unknown);
    const json& value = Pick(rng_, AnyValues());
    json doc = wire_;
    doc[site.pointer][name] = value;
    m->request.body = Dump(doc);
    m->where = (site.pointer / name).to_string();
    m->what = "unknown member '" + name + "' = " + Describe(value);
    return true;
  }

  bool MissingRequired(Mutant* m) {
    std::vector<Site> sites = Filter(sites_, [](const Site& s) { return s.required && s.present; });
    if (sites.empty()) return false;
    const Site& site = Pick(rng_, sites);
    json doc = wire_;
    bool as_null = Coin(rng_);
    if (as_null) {
      doc[site.pointer] = nullptr;
    } else {
      doc[site.pointer.parent_pointer()].erase(site.pointer.back());
    }
    m->request.body = Dump(doc);
    m->where = site.pointer.to_string();
    m->what = as_null ? "required member set to null" : "required member left out";
    return true;
  }

  bool InvalidBase64(Mutant* m) {
    auto sites = Filter(sites_, [](const Site& s) { return s.shape->type == ShapeType::kBlob; });
    if (sites.empty()) return false;
    const Site& site = Pick(rng_, sites);
    std::string text = Pick<std::string>(rng_, {"not base64!", "YWJ", "YWJjZA", "YWJjZA=", "YW Jj", "YWJj\nZGVm", "-_-_", "=YWJj", "YWJjZA==="});
    Place(m, site, {text, {}, "blob text '" + text + "' that is not canonical base64"});
    return true;
  }

  bool InvalidUtf8(Mutant* m) {
    static const std::vector<std::string> kBad = {"\xff", "\xc3\x28", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xc0\xaf", "\xe2\x82"};
    const std::string& bad = Pick(rng_, kBad);
    auto sites = Filter(sites_, [](const Site& s) { return !s.pointer.empty() && IsStringLike(*s.shape); });
    if (sites.empty() || Below(rng_, 4) == 0) {
      // In a member name rather than a value.
      std::string body = Dump(wire_);
      body.insert(1, "\"name" + bad + "\":1" + std::string(wire_.empty() ? "" : ","));
      m->request.body = std::move(body);
      m->where = "/name<bytes>";
      m->what = "member name with invalid UTF-8";
      return true;
    }
    const Site& site = Pick(rng_, sites);
    std::string quoted = Dump(json(ExistingString(wire_, site)));
    std::string raw = Coin(rng_) ? quoted.substr(0, quoted.size() - 1) + bad + "\"" : "\"" + bad + quoted.substr(1);
    Place(m, site, {json(), raw, "string with invalid UTF-8 bytes"});
    return true;
  }

  bool DeepNesting(Mutant* m) {
    auto sites = Filter(sites_, [](const Site& s) { return !s.pointer.empty(); });
    if (sites.empty()) return false;
    const Site& site = Pick(rng_, sites);
    size_t depth = static_cast<size_t>(Pick<int>(rng_, {64, 512, limits_.max_nesting_depth}));
    std::string raw;
    bool arrays = Coin(rng_);
    if (arrays) {
      raw = std::string(depth, '[') + std::string(depth, ']');
    } else {
      raw.reserve(depth * 6 + 1);
      for (size_t i = 0; i < depth; ++i) raw += "{\"a\":";
      raw += "1" + std::string(depth, '}');
    }
    Place(m, site, {json(), raw, std::to_string(depth) + " nested " + (arrays ? "arrays" : "objects")});
    return true;
  }

  void DuplicateKey(Mutant* m) {
    std::string body = Dump(wire_);
    std::string name = "ecrcDuplicate";
    json first = 1;
    json second = 2;
    if (!wire_.empty()) {
      std::vector<std::string> names;
      for (const auto& [k, v] : wire_.items()) names.push_back(k);
      name = Pick(rng_, names);
      const json& original = wire_[name];
      // A string keeps the original text, so a name bound to the run's prefix keeps it whichever
      // occurrence a server reads.
      if (original.is_string()) {
        second = Coin(rng_) ? original : json(original.get<std::string>() + "!");
      } else {
        second = Coin(rng_) ? original : Pick(rng_, AnyValues());
      }
    }
    std::string pair = Dump(json(name)) + ":" + Dump(second);
    // Before or after the original: which occurrence wins differs between JSON parsers.
    bool before = Coin(rng_);
    if (wire_.empty()) {
      body = "{" + Dump(json(name)) + ":" + Dump(first) + "," + pair + "}";
    } else if (before) {
      body.insert(1, pair + ",");
    } else {
      body.insert(body.size() - 1, "," + pair);
    }
    m->request.body = std::move(body);
    m->where = "/" + name;
    m->what = wire_.empty() ? "member '" + name + "' twice, as 1 and then 2"
                            : "member '" + name + "' twice, the " + (before ? "first" : "second") + " time as " + Describe(second);
  }

  void Truncated(Mutant* m) {
    std::string body = Dump(wire_);
    size_t cut = body.size() < 2 ? 1 : (Coin(rng_) ? body.size() - 1 : 1 + Below(rng_, body.size() - 1));
    m->request.body = body.substr(0, std::min(cut, body.size()));
    if (m->request.body == body) m->request.body = "{";
    m->what = "body cut to " + std::to_string(m->request.body.size()) + " of " + std::to_string(body.size()) + " bytes";
  }

  void NonObject(Mutant* m) {
    std::string body = Dump(wire_);
    m->request.body = Pick<std::string>(rng_, {"[]", "null", "\"text\"", "42", "true", "[" + body + "]", body + body, body + " x", "{}}"});
    m->what = "body '" + (m->request.body.size() > 40 ? m->request.body.substr(0, 40) + "...'" : m->request.body + "'");
  }

  void HugeBody(Mutant* m) {
    size_t span = limits_.huge_body_max_bytes > limits_.huge_body_min_bytes ? limits_.huge_body_max_bytes - limits_.huge_body_min_bytes : 0;
    size_t n = limits_.huge_body_min_bytes + Below(rng_, span + 1);
    if (Coin(rng_)) {
      std::string body = Dump(wire_);
      body.insert(1, std::string(n, ' '));
      m->request.body = std::move(body);
      m->what = std::to_string(n) + " bytes of whitespace inside the object";
    } else {
      // Spliced in as text: dumping a multi-MiB string escapes it byte by byte.
      std::string body = Dump(wire_);
      std::string member = "\"ecrcPadding\":\"" + std::string(n, 'x') + "\"";
      body.insert(body.size() - 1, wire_.empty() ? member : "," + member);
      m->request.body = std::move(body);
      m->where = "/ecrcPadding";
      m->what = "unknown member holding " + std::to_string(n) + " bytes";
    }
  }

  void DuplicateHeader(Mutant* m) {
    // libcurl signs a repeated header wrongly (toolchain.md), so these go unsigned.
    m->signable = false;
    if (Coin(rng_)) {
      std::string other = op_.name;
      for (const auto& [name, op] : service_.operations()) {
        if (name != op_.name) {
          other = name;
          break;
        }
      }
      std::string second = service_.metadata().target_prefix + "." + (Coin(rng_) ? op_.name : other);
      m->request.headers.Add(kTarget, second);
      m->where = std::string("header:") + kTarget;
      m->what = "a second X-Amz-Target: " + second;
    } else {
      std::string second = Coin(rng_) ? codec::kJsonContentType : "text/plain";
      m->request.headers.Add(kContentType, second);
      m->where = std::string("header:") + kContentType;
      m->what = "a second Content-Type: " + second;
    }
  }

  bool UnknownTarget(Mutant* m) {
    const std::string& prefix = service_.metadata().target_prefix;
    std::vector<std::string> names = {"NoSuchOperation", op_.name + "X", AsciiLower(op_.name), op_.name.substr(0, op_.name.size() - 1), ""};
    std::vector<std::string> unknown;
    for (const auto& n : names) {
      if (!service_.FindOperation(n)) unknown.push_back(n);
    }
    if (unknown.empty()) return false;
    std::string target = prefix + "." + Pick(rng_, unknown);
    m->request.headers.Set(kTarget, target);
    m->where = std::string("header:") + kTarget;
    m->what = "X-Amz-Target " + target;
    return true;
  }

  static void RemoveHeader(HttpRequest* request, std::string_view name) {
    auto& e = request->headers.entries;
    e.erase(std::remove_if(e.begin(), e.end(), [&](const auto& h) { return EqualsIgnoreCase(h.first, name); }), e.end());
  }

  const spec::Service& service_;
  const spec::Operation& op_;
  json wire_;
  std::mt19937_64& rng_;
  const MutatorLimits& limits_;
  std::vector<Site> sites_;
};

}  // namespace

const std::vector<MutationInfo>& AllMutations() { return kMutations; }

const MutationInfo& InfoOf(MutationKind kind) { return kMutations[static_cast<size_t>(kind)]; }

const char* MutationKindName(MutationKind kind) { return InfoOf(kind).name; }

std::optional<MutationKind> MutationKindByName(std::string_view name) {
  for (const auto& info : kMutations) {
    if (name == info.name) return info.kind;
  }
  return std::nullopt;
}

HttpRequest FrameRequest(const spec::Service& service, const spec::Operation& op, std::string body) {
  HttpRequest request;
  request.headers.Add(kTarget, service.metadata().target_prefix + "." + op.name);
  request.headers.Add(kContentType, codec::kJsonContentType);
  request.body = std::move(body);
  return request;
}

std::optional<Mutant> Mutate(const spec::Service& service, const spec::Operation& op, const nlohmann::json& wire, MutationKind kind,
                             std::mt19937_64& rng, const MutatorLimits& limits) {
  return Mutator(service, op, wire, rng, limits).Run(kind);
}

}  // namespace ecrc::livefuzz
