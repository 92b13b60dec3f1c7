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
#include <string_view>
#include <unordered_map>
#include <utility>
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

// Caps keep one input cheap: lengths and sizes beyond them add no new code paths (the codec's
// scanners take eight bytes at a time; 24 characters are three words and a tail). Halving them
// from 48 and 96 kept coverage (cov 190, ft 748 against 757 after 5 minutes) and made the round
// trip 18% faster.
constexpr int64_t kStringSlack = 24;
constexpr int64_t kBlobSlack = 48;
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

void MapInto(std::string_view material, std::string_view alphabet, std::string& out) {
  out.resize(material.size());
  for (size_t i = 0; i < material.size(); ++i) out[i] = alphabet[static_cast<uint8_t>(material[i]) % alphabet.size()];
}

class ValueBuilder {
 public:
  // An input value for `shape` from the fuzzer's bytes in `fdp`.
  Value BuildInput(const Shape& shape, FuzzedDataProvider& fdp) {
    fdp_ = &fdp;
    return Build(shape, 0);
  }

 private:
  Value Build(const Shape& shape, int depth) {
    ECRC_FUZZ_CHECK(depth < kMaxDepth, "input shapes nest deeper than expected at " + shape.name);
    switch (shape.type) {
      case ShapeType::kStructure: {
        Value out = json::object();
        for (const auto& m : shape.members) {
          if (m.required || fdp_->ConsumeBool()) out[m.name] = Build(*m.shape, depth + 1);
        }
        return out;
      }
      case ShapeType::kList: {
        Value out = json::array();
        int64_t n = Count(shape, kListSlack);
        out.get_ref<json::array_t&>().reserve(static_cast<size_t>(n));
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
      case ShapeType::kBoolean: return fdp_->ConsumeBool();
      case ShapeType::kInteger:
      case ShapeType::kLong: {
        bool is32 = shape.type == ShapeType::kInteger;
        int64_t lo = shape.min.value_or(is32 ? std::numeric_limits<int32_t>::min() : std::numeric_limits<int64_t>::min());
        int64_t hi = shape.max.value_or(is32 ? std::numeric_limits<int32_t>::max() : std::numeric_limits<int64_t>::max());
        return fdp_->ConsumeIntegralInRange<int64_t>(lo, hi);
      }
      case ShapeType::kFloat:
      case ShapeType::kDouble: {
        double lo = shape.min ? static_cast<double>(*shape.min) : -1e300;
        double hi = shape.max ? static_cast<double>(*shape.max) : 1e300;
        return fdp_->ConsumeFloatingPointInRange<double>(lo, hi);
      }
      case ShapeType::kTimestamp:
        // Epoch seconds with a millisecond part, as AWS sends them.
        return static_cast<double>(fdp_->ConsumeIntegralInRange<int64_t>(0, 4102444800000)) / 1000.0;
      case ShapeType::kBlob: {
        int64_t n = Count(shape, kBlobSlack);
        std::vector<uint8_t> bytes = fdp_->ConsumeBytes<uint8_t>(static_cast<size_t>(n));
        bytes.resize(static_cast<size_t>(n), 0);  // the data may run out; the length stays in bounds
        return codec::BlobValue(std::move(bytes));
      }
    }
    Fail(__FILE__, __LINE__, "known shape type", shape.name);
  }

  // The sizes the builder uses for `shape`: its minimum up to `slack` more, within its maximum.
  static std::pair<int64_t, int64_t> Bounds(const Shape& shape, int64_t slack) {
    int64_t lo = std::max<int64_t>(shape.min.value_or(0), 0);
    return {lo, std::max(lo, std::min(shape.max.value_or(lo + slack), lo + slack))};
  }

  int64_t Count(const Shape& shape, int64_t slack) {
    auto [lo, hi] = Bounds(shape, slack);
    return fdp_->ConsumeIntegralInRange<int64_t>(lo, hi);
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
  // no pattern, else the fuzz bytes in one of the forms AWS patterns take (as they are, names,
  // digits, hex, digests, UUIDs), at a length where one can fit (see StringPlan). A selector byte
  // says which form to try first, so most strings cost one pattern match; SampleString when none
  // fits.
  std::string String(const Shape& shape) {
    if (!shape.enum_values.empty()) return shape.enum_values[fdp_->ConsumeIntegralInRange<size_t>(0, shape.enum_values.size() - 1)];
    if (shape.pattern.empty()) {
      int64_t n = Count(shape, kStringSlack);
      candidate_.clear();
      for (int64_t i = 0; i < n; ++i) {
        uint8_t b = fdp_->ConsumeIntegral<uint8_t>();
        uint32_t cp = b < 0x80 ? b : fdp_->ConsumeIntegralInRange<uint32_t>(0x80, 0x10FFFF);
        if (cp >= 0xD800 && cp <= 0xDFFF) cp = 0xFFFD;  // surrogates are not scalar values
        AppendUtf8(cp, candidate_);
      }
      return candidate_;
    }
    const StringPlan& plan = PlanFor(shape);
    if (!plan.forms.empty()) {
      size_t first = fdp_->ConsumeIntegralInRange<size_t>(0, plan.forms.size() - 1);
      int64_t n = plan.lengths[fdp_->ConsumeIntegralInRange<size_t>(0, plan.lengths.size() - 1)];
      std::string& material = material_;
      material.resize(static_cast<size_t>(n));
      material.resize(fdp_->ConsumeData(material.data(), material.size()));
      material.resize(static_cast<size_t>(n), '\0');  // the data may run out; the length stays
      for (size_t k = 0; k < plan.forms.size(); ++k) {
        Form(plan.forms[(first + k) % plan.forms.size()], material, candidate_);
        if (Fits(shape, candidate_)) return candidate_;
      }
      // The fuzz bytes fit no form (a pattern may want a letter first, say); neutral ones do.
      material.assign(material.size(), '\0');
      for (size_t form : plan.forms) {
        Form(form, material, candidate_);
        if (Fits(shape, candidate_)) return candidate_;
      }
    }
    for (int64_t len : {shape.min.value_or(1), shape.max.value_or(1)}) {
      if (auto s = codec::SampleString(shape, len); s && Fits(shape, *s)) return *s;
    }
    auto sample = codec::SampleValue(shape);
    ECRC_FUZZ_CHECK(sample.ok() && sample->is_string(), "no valid string for shape " + shape.name);
    return sample->get<std::string>();
  }

  // Which forms can satisfy a patterned shape, and at which lengths, worked out once per shape
  // from neutral material (zero bytes): a 12-digit registry id fits one form at one length, and
  // trying every form at every length, then sampling, was most of the builder's time.
  struct StringPlan {
    std::vector<size_t> forms;
    std::vector<int64_t> lengths;
  };

  const StringPlan& PlanFor(const Shape& shape) {
    auto [it, inserted] = plans_.try_emplace(&shape);
    if (!inserted) return it->second;
    StringPlan& plan = it->second;
    std::vector<bool> viable(kForms, false);
    auto [lo, hi] = Bounds(shape, kStringSlack);
    for (int64_t n = lo; n <= hi; ++n) {
      bool any = false;
      for (size_t form = 0; form < kForms; ++form) {
        Form(form, std::string(static_cast<size_t>(n), '\0'), candidate_);
        bool fits = Fits(shape, candidate_);
        viable[form] = viable[form] || fits;
        any = any || fits;
      }
      if (any) plan.lengths.push_back(n);
    }
    for (size_t form = 0; form < kForms; ++form) {
      if (viable[form]) plan.forms.push_back(form);
    }
    return plan;
  }

  static constexpr size_t kForms = 7;
  // Writes `material` in the given form into `out` (a buffer reused across candidates).
  static void Form(size_t form, std::string_view material, std::string& out) {
    static constexpr std::string_view kName = "abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz0123456789._-/";
    static constexpr std::string_view kAlnum = "abcdefghijklmnopqrstuvwxyz0123456789";
    static constexpr std::string_view kDigits = "0123456789";
    static constexpr std::string_view kHex = "0123456789abcdef";
    switch (form) {
      case 0: out.assign(material); return;
      case 1: MapInto(material, kName, out); return;
      case 2: MapInto(material, kAlnum, out); return;
      case 3: MapInto(material, kDigits, out); return;
      case 4: MapInto(material, kHex, out); return;
      case 5: {  // sha256: and the hex of the bytes after the first seven, as long as the material
        MapInto(material.substr(std::min<size_t>(material.size(), 7)), kHex, out);
        out.insert(0, "sha256:");
        return;
      }
      default: {  // a UUID from the first 16 bytes' worth of hex digits
        MapInto(material.substr(0, std::min<size_t>(material.size(), 32)), kHex, out);
        out.resize(32, '0');
        for (size_t dash : {20, 16, 12, 8}) out.insert(dash, 1, '-');
        return;
      }
    }
  }

  // Buffers reused across strings: under ASan an allocation costs more than building a string.
  std::string candidate_;
  std::string material_;
  std::unordered_map<const Shape*, StringPlan> plans_;  // derived from the model, once per shape
  FuzzedDataProvider* fdp_ = nullptr;
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
  static ValueBuilder builder;  // one for the process: its buffers and string plans are reused
  codec::Value value = builder.BuildInput(*op.input, fdp);

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
