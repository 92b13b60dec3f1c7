#include "sdk/output_values.h"

#include <algorithm>
#include <functional>
#include <limits>
#include <set>
#include <string>

#include "base/base64.h"
#include "harness/codec/sample.h"

namespace ecrc::sdk {
namespace {

using nlohmann::json;
using spec::Shape;
using spec::ShapeType;

// Recursive shapes would otherwise build forever: past this depth structures keep their required
// members only and collections stay empty. No ECR Public output nests this deep.
constexpr int kMaxDepth = 12;
constexpr int64_t kEpochSeconds = 1700000000;  // 2023-11-14, integral
constexpr int64_t kSecondsPerDay = 86400;

// One code point each: Latin-1 accents, CJK, an astral-plane emoji (two UTF-16 units, four UTF-8
// bytes) and ASCII, so lengths counted in bytes or UTF-16 units come out wrong.
constexpr const char* kTextCycle[] = {"é", "日", "😀", "a", "ü", "本", "ß", "z"};
constexpr int kTextCycleSize = sizeof(kTextCycle) / sizeof(kTextCycle[0]);

std::string Text(int64_t code_points, int offset) {
  std::string out;
  for (int64_t i = 0; i < code_points; ++i) out += kTextCycle[(offset + i) % kTextCycleSize];
  return out;
}

// Bytes 0x00..0xff in turn: a blob that is not text.
std::string BlobBytes(int64_t size, int offset) {
  std::string out;
  for (int64_t i = 0; i < size; ++i) out.push_back(static_cast<char>((offset + i) & 0xff));
  return out;
}

class OutputBuilder {
 public:
  OutputBuilder(bool maximal, int variant) : maximal_(maximal), variant_(variant) {}

  Result<json> Build(const Shape& shape, int depth) {
    bool deep = depth > kMaxDepth;
    switch (shape.type) {
      case ShapeType::kStructure: {
        json out = json::object();
        for (const auto& m : shape.members) {
          if (!m.required && (!maximal_ || deep)) continue;
          auto v = Build(*m.shape, depth + 1);
          if (!v.ok()) return Status::Error(shape.name + "." + m.name + ": " + v.status().message());
          out[m.name] = std::move(v).value();
        }
        return out;
      }
      case ShapeType::kList: {
        json out = json::array();
        int64_t n = Entries(shape, deep);
        for (int64_t i = 0; i < n; ++i) {
          OutputBuilder element(maximal_, variant_ + static_cast<int>(i));
          auto v = element.Build(*shape.member, depth + 1);
          if (!v.ok()) return v.status();
          out.push_back(std::move(v).value());
        }
        return out;
      }
      case ShapeType::kMap: {
        json out = json::object();
        int64_t n = Entries(shape, deep);
        for (int64_t i = 0; i < n; ++i) {
          OutputBuilder entry(maximal_, variant_ + static_cast<int>(i));
          auto k = entry.Build(*shape.key, depth + 1);
          auto v = entry.Build(*shape.value, depth + 1);
          if (!k.ok()) return k.status();
          if (!v.ok()) return v.status();
          // A key shape admitting fewer distinct samples (an enum, a pattern) gives fewer entries.
          out[k->get<std::string>()] = std::move(v).value();
        }
        return out;
      }
      case ShapeType::kString: return String(shape);
      case ShapeType::kBoolean: return json(maximal_);
      case ShapeType::kInteger: return json(Integral(shape, std::numeric_limits<int32_t>::max()));
      case ShapeType::kLong: return json(Integral(shape, kMaxSafeInteger));
      case ShapeType::kFloat:
      case ShapeType::kDouble: {
        // Exactly representable in both widths, far from overflow for a float.
        double fallback = maximal_ ? 1048576.5 : 0.0;
        auto bound = maximal_ ? shape.max : shape.min;
        return json(bound ? static_cast<double>(*bound) : fallback);
      }
      case ShapeType::kTimestamp: return json(kEpochSeconds + (maximal_ ? variant_ * kSecondsPerDay : 0));
      case ShapeType::kBlob: return json(Base64Encode(BlobBytes(Length(shape), variant_)));
    }
    return Status::Error(shape.name + ": unknown shape type");
  }

 private:
  // Two entries at most: enough to show a list is a list, small enough to keep vectors readable.
  int64_t Entries(const Shape& shape, bool deep) const {
    int64_t want = deep ? 0 : (maximal_ ? 2 : 1);
    want = std::max(want, shape.min.value_or(0));
    if (shape.max) want = std::min(want, *shape.max);
    return want;
  }

  // Code points for strings, bytes for blobs.
  int64_t Length(const Shape& shape) const {
    int64_t lo = shape.min.value_or(0);
    int64_t want = maximal_ ? std::min(shape.max.value_or(kStringCap), kStringCap) : 1;
    want = std::max(want, lo);
    if (shape.max) want = std::min(want, *shape.max);
    return want;
  }

  int64_t Integral(const Shape& shape, int64_t ceiling) const {
    if (maximal_) return std::min(shape.max.value_or(ceiling), ceiling);
    return std::max(shape.min.value_or(0), -ceiling);
  }

  Result<json> String(const Shape& shape) const {
    if (!shape.enum_values.empty()) return json(shape.enum_values.front());
    int64_t length = Length(shape);
    if (shape.pattern.empty()) return json(Text(length, variant_));
    auto s = codec::SampleString(shape, length);
    if (!s) s = codec::SampleString(shape, std::max<int64_t>(shape.min.value_or(1), 1));  // the pattern may fix the length
    if (!s) return Status::Error(shape.name + ": no sample string satisfies pattern " + shape.pattern);
    return json(*s);
  }

  bool maximal_;
  int variant_;
};

// Calls `visit(shape, value)` on every value of `wire` that belongs to `shape`'s tree, parents
// before children; `visit` may change the value in place. Members not in the model are skipped.
void ForEachValue(const Shape& shape, json& wire, const std::function<void(const Shape&, json&)>& visit) {
  visit(shape, wire);
  switch (shape.type) {
    case ShapeType::kStructure:
      if (!wire.is_object()) return;
      for (const auto& m : shape.members) {
        auto it = wire.find(m.name);
        if (it != wire.end() && !it->is_null()) ForEachValue(*m.shape, *it, visit);
      }
      return;
    case ShapeType::kList:
      if (!wire.is_array()) return;
      for (auto& item : wire) ForEachValue(*shape.member, item, visit);
      return;
    case ShapeType::kMap:
      if (!wire.is_object()) return;
      for (auto& [key, item] : wire.items()) ForEachValue(*shape.value, item, visit);
      return;
    default: return;
  }
}

bool Holds(const Shape& shape, const std::function<bool(const Shape&)>& wanted, std::set<const Shape*>& seen) {
  if (!seen.insert(&shape).second) return false;
  if (wanted(shape)) return true;
  for (const auto& m : shape.members) {
    if (Holds(*m.shape, wanted, seen)) return true;
  }
  for (const Shape* inner : {shape.member, shape.key, shape.value}) {
    if (inner && Holds(*inner, wanted, seen)) return true;
  }
  return false;
}

bool HoldsStructure(const Shape& shape) {
  std::set<const Shape*> seen;
  return Holds(shape, [](const Shape& s) { return s.type == ShapeType::kStructure; }, seen);
}

void Nulls(const Shape& shape, json& sent, json& expected) {
  switch (shape.type) {
    case ShapeType::kStructure:
      if (!sent.is_object()) return;
      for (const auto& m : shape.members) {
        auto it = sent.find(m.name);
        if (it == sent.end()) continue;
        if (!m.required && !HoldsStructure(*m.shape)) {
          *it = nullptr;
          expected.erase(m.name);
        } else {
          Nulls(*m.shape, *it, expected[m.name]);
        }
      }
      return;
    case ShapeType::kList:
      if (!sent.is_array()) return;
      for (size_t i = 0; i < sent.size(); ++i) Nulls(*shape.member, sent[i], expected[i]);
      return;
    case ShapeType::kMap:
      if (!sent.is_object()) return;
      for (auto& [key, item] : sent.items()) Nulls(*shape.value, item, expected[key]);
      return;
    default: return;
  }
}

}  // namespace

Result<json> MaxOutput(const Shape& shape, int variant) { return OutputBuilder(true, variant).Build(shape, 0); }

Result<json> MinOutput(const Shape& shape) { return OutputBuilder(false, 0).Build(shape, 0); }

json UnknownMemberValue() { return {{"nested", json::array({1, "x", nullptr})}}; }

json WithUnknownMembers(const Shape& shape, json wire) {
  ForEachValue(shape, wire, [](const Shape& s, json& value) {
    if (s.type == ShapeType::kStructure && value.is_object()) value[kUnknownMemberName] = UnknownMemberValue();
  });
  return wire;
}

SentAndExpected WithNulls(const Shape& shape, const json& wire) {
  SentAndExpected out{wire, wire};
  Nulls(shape, out.sent, out.expected);
  return out;
}

json WithFractionalTimestamps(const Shape& shape, json wire) {
  static constexpr double kFractions[] = {0.125, 0.5, 0.25, 0.75};
  size_t next = 0;
  ForEachValue(shape, wire, [&](const Shape& s, json& value) {
    if (s.type != ShapeType::kTimestamp || !value.is_number()) return;
    value = static_cast<double>(value.get<int64_t>()) + kFractions[next++ % 4];
  });
  return wire;
}

json WithEmptyCollections(const Shape& shape, json wire) {
  // Parents are visited first, so emptying a list leaves nothing below it to visit.
  ForEachValue(shape, wire, [](const Shape& s, json& value) {
    if (s.type == ShapeType::kList && value.is_array()) value = json::array();
    if (s.type == ShapeType::kMap && value.is_object()) value = json::object();
  });
  return wire;
}

bool HoldsTimestamp(const Shape& shape) {
  std::set<const Shape*> seen;
  return Holds(shape, [](const Shape& s) { return s.type == ShapeType::kTimestamp; }, seen);
}

bool HoldsCollection(const Shape& shape) {
  std::set<const Shape*> seen;
  return Holds(shape, [](const Shape& s) { return s.type == ShapeType::kList || s.type == ShapeType::kMap; }, seen);
}

}  // namespace ecrc::sdk
