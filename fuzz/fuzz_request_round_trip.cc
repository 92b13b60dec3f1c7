// Fuzz target: any spec-valid request value the fuzzer can describe survives awsJson1_1
// encoding and server-side decoding unchanged, and the validator accepts it.
//
// Input: the first byte picks the operation; the rest drives a FuzzedDataProvider that walks the
// operation's input shape (members present or not, list sizes, string lengths and characters,
// numbers, blobs), always within the model's traits.
#include <fuzzer/FuzzedDataProvider.h>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "base/utf8.h"
#include "fuzz/check.h"
#include "harness/codec/codec.h"
#include "harness/codec/sample.h"
#include "harness/codec/validator.h"
#include "harness/codec/value.h"
#include "specs/spec.h"

namespace ecrc::fuzz {
namespace {

using codec::Value;
using nlohmann::json;
using spec::Shape;
using spec::ShapeType;

// Caps keep one input cheap: lengths and sizes beyond them add no new code paths.
constexpr int64_t kStringSlack = 48;
constexpr int64_t kBlobSlack = 96;
constexpr int64_t kListSlack = 3;
constexpr int kMaxDepth = 12;

void AppendUtf8(uint32_t cp, std::string& out) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::string MapInto(const std::string& material, std::string_view alphabet) {
  std::string out(material.size(), '\0');
  for (size_t i = 0; i < material.size(); ++i) out[i] = alphabet[static_cast<uint8_t>(material[i]) % alphabet.size()];
  return out;
}

class ValueBuilder {
 public:
  explicit ValueBuilder(FuzzedDataProvider& fdp) : fdp_(fdp) {}

  Value Build(const Shape& shape, int depth) {
    ECRC_FUZZ_CHECK(depth < kMaxDepth, "input shapes nest deeper than expected at " + shape.name);
    switch (shape.type) {
      case ShapeType::kStructure: {
        Value out = json::object();
        for (const auto& m : shape.members) {
          if (m.required || fdp_.ConsumeBool()) out[m.name] = Build(*m.shape, depth + 1);
        }
        return out;
      }
      case ShapeType::kList: {
        Value out = json::array();
        int64_t n = Count(shape, kListSlack);
        for (int64_t i = 0; i < n; ++i) out.push_back(Build(*shape.member, depth + 1));
        return out;
      }
      case ShapeType::kMap: {
        Value out = json::object();
        int64_t n = Count(shape, kListSlack);
        // Keys collapse when equal; a few extra attempts reach the minimum size anyway.
        for (int64_t tries = 0; static_cast<int64_t>(out.size()) < n && tries < n + 8; ++tries) {
          out[String(*shape.key)] = Build(*shape.value, depth + 1);
        }
        int64_t fill = 0;
        while (static_cast<int64_t>(out.size()) < shape.min.value_or(0)) {
          auto key = codec::SampleString(*shape.key, shape.key->min.value_or(1) + fill++);
          ECRC_FUZZ_CHECK(key.has_value() && fill < 1000, "no map key sample for " + shape.name);
          out[*key] = Build(*shape.value, depth + 1);
        }
        return out;
      }
      case ShapeType::kString: return String(shape);
      case ShapeType::kBoolean: return fdp_.ConsumeBool();
      case ShapeType::kInteger:
      case ShapeType::kLong: {
        bool is32 = shape.type == ShapeType::kInteger;
        int64_t lo = shape.min.value_or(is32 ? std::numeric_limits<int32_t>::min() : std::numeric_limits<int64_t>::min());
        int64_t hi = shape.max.value_or(is32 ? std::numeric_limits<int32_t>::max() : std::numeric_limits<int64_t>::max());
        return fdp_.ConsumeIntegralInRange<int64_t>(lo, hi);
      }
      case ShapeType::kFloat:
      case ShapeType::kDouble: {
        double lo = shape.min ? static_cast<double>(*shape.min) : -1e300;
        double hi = shape.max ? static_cast<double>(*shape.max) : 1e300;
        return fdp_.ConsumeFloatingPointInRange<double>(lo, hi);
      }
      case ShapeType::kTimestamp:
        // Epoch seconds with a millisecond part, as AWS sends them.
        return static_cast<double>(fdp_.ConsumeIntegralInRange<int64_t>(0, 4102444800000)) / 1000.0;
      case ShapeType::kBlob: {
        int64_t n = Count(shape, kBlobSlack);
        std::vector<uint8_t> bytes = fdp_.ConsumeBytes<uint8_t>(static_cast<size_t>(n));
        bytes.resize(static_cast<size_t>(n), 0);  // the data may run out; the length stays in bounds
        return codec::BlobValue(std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
      }
    }
    Fail(__FILE__, __LINE__, "known shape type", shape.name);
  }

 private:
  int64_t Count(const Shape& shape, int64_t slack) {
    int64_t lo = std::max<int64_t>(shape.min.value_or(0), 0);
    int64_t hi = std::max(lo, std::min(shape.max.value_or(lo + slack), lo + slack));
    return fdp_.ConsumeIntegralInRange<int64_t>(lo, hi);
  }

  // Cheaper than Validate (this runs for every candidate): the candidates are ASCII except the
  // raw fuzz bytes, whose code points are counted.
  static bool Fits(const Shape& shape, const std::string& s) {
    auto length = Utf8Length(s);
    if (!length) return false;
    auto n = static_cast<int64_t>(*length);
    return (!shape.min || n >= *shape.min) && (!shape.max || n <= *shape.max) && shape.MatchesPattern(s);
  }

  // A string the shape accepts, built from fuzz bytes: the fuzzer's text itself when the shape has
  // no pattern, else the fuzz bytes in one of the forms AWS patterns take (raw, names, digits,
  // hex, digests, UUIDs). A selector byte says which form to try first, so most strings cost one
  // pattern match rather than one per form; SampleString when none fits.
  std::string String(const Shape& shape) {
    if (!shape.enum_values.empty()) return shape.enum_values[fdp_.ConsumeIntegralInRange<size_t>(0, shape.enum_values.size() - 1)];
    int64_t n = Count(shape, kStringSlack);
    if (shape.pattern.empty()) {
      std::string out;
      out.reserve(static_cast<size_t>(n) * 2);
      for (int64_t i = 0; i < n; ++i) {
        uint8_t b = fdp_.ConsumeIntegral<uint8_t>();
        uint32_t cp = b < 0x80 ? b : fdp_.ConsumeIntegralInRange<uint32_t>(0x80, 0x10FFFF);
        if (cp >= 0xD800 && cp <= 0xDFFF) cp = 0xFFFD;  // surrogates are not scalar values
        AppendUtf8(cp, out);
      }
      return out;
    }
    size_t first = fdp_.ConsumeIntegral<uint8_t>() % kForms;
    std::string material = fdp_.ConsumeBytesAsString(static_cast<size_t>(n));
    material.resize(static_cast<size_t>(n), '\0');
    for (size_t k = 0; k < kForms; ++k) {
      std::string candidate = Form((first + k) % kForms, material);
      if (Fits(shape, candidate)) return candidate;
    }
    for (int64_t len : {n, shape.min.value_or(1), shape.max.value_or(1)}) {
      if (auto s = codec::SampleString(shape, len); s && Fits(shape, *s)) return *s;
    }
    auto sample = codec::SampleValue(shape);
    ECRC_FUZZ_CHECK(sample.ok() && sample->is_string(), "no valid string for shape " + shape.name);
    return sample->get<std::string>();
  }

  static constexpr size_t kForms = 7;
  static std::string Form(size_t form, const std::string& material) {
    static constexpr std::string_view kName = "abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz0123456789._-/";
    static constexpr std::string_view kAlnum = "abcdefghijklmnopqrstuvwxyz0123456789";
    static constexpr std::string_view kDigits = "0123456789";
    static constexpr std::string_view kHex = "0123456789abcdef";
    switch (form) {
      case 0: return material;
      case 1: return MapInto(material, kName);
      case 2: return MapInto(material, kAlnum);
      case 3: return MapInto(material, kDigits);
      case 4: return MapInto(material, kHex);
      case 5: {
        std::string hex = MapInto(material, kHex);
        return "sha256:" + hex.substr(std::min<size_t>(hex.size(), 7));
      }
      default: {
        std::string hex = MapInto(material, kHex);
        hex.resize(32, '0');
        return hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" + hex.substr(16, 4) + "-" + hex.substr(20, 12);
      }
    }
  }

  FuzzedDataProvider& fdp_;
};

}  // namespace
}  // namespace ecrc::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace ecrc;
  using namespace ecrc::fuzz;
  static const EmbeddedModel ctx;
  if (size < 1) return 0;
  const spec::Operation& op = ctx.OperationFor(data[0]);
  FuzzedDataProvider fdp(data + 1, size - 1);
  codec::Value value = ValueBuilder(fdp).Build(*op.input, 0);

  HttpRequest request = codec::EncodeRequest(*ctx.service, op, value);
  auto decoded_or = codec::DecodeRequest(*ctx.service, request);
  const auto* protocol = std::get_if<codec::ProtocolError>(&decoded_or);
  ECRC_FUZZ_CHECK(protocol == nullptr, op.name + ": an encoded request is refused as " +
                                           (protocol ? protocol->code + " " + protocol->message : std::string()));
  const auto& decoded = std::get<codec::DecodedRequest>(decoded_or);
  ECRC_FUZZ_CHECK(decoded.op == &op, op.name + ": decoded as " + (decoded.op ? decoded.op->name : "nothing"));
  // The generator stays within the model's traits, so any violation is a validator (or
  // generator) bug.
  ECRC_FUZZ_CHECK(decoded.violations.empty(), op.name + ": the validator rejects a request built within the model's traits: " +
                                                  Describe(decoded.violations) + " in " + Excerpt(request.body));
  ECRC_FUZZ_CHECK(decoded.input == value, op.name + ": the decoded input differs from the encoded one: sent " +
                                              Excerpt(request.body) + " decoded " +
                                              Excerpt(codec::ValueToWire(*op.input, decoded.input).dump()));
  return 0;
}
