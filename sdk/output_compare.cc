#include "sdk/output_compare.h"

#include <cmath>

#include "base/base64.h"
#include "base/utf8.h"

namespace ecrc::sdk {
namespace {

using nlohmann::json;

// Timestamps: an SDK holding milliseconds (JavaScript's Date) is exact to 1 ms.
constexpr double kTimestampTolerance = 0.0011;

std::string Show(const json& value) {
  std::string text = value.dump(-1, ' ', false, json::error_handler_t::replace);
  return text.size() > 200 ? std::string(Utf8Prefix(text, 200)) + "..." : text;
}

std::string Join(const std::string& path, const std::string& member) { return path.empty() ? member : path + "." + member; }

bool EmptyCollection(const json& value) { return (value.is_array() || value.is_object()) && value.empty(); }

class Comparer {
 public:
  explicit Comparer(size_t max) : max_(max) {}

  void Compare(const spec::Shape& shape, const json& expected, const json& observed, const std::string& path) {
    if (differences_.size() >= max_) return;
    switch (shape.type) {
      case spec::ShapeType::kStructure: return Structure(shape, expected, observed, path);
      case spec::ShapeType::kList:
        if (!observed.is_array()) return Differ(path, Show(expected), Show(observed) + " (not a list)");
        if (observed.size() != expected.size()) {
          return Differ(path, std::to_string(expected.size()) + " elements", std::to_string(observed.size()) + " elements");
        }
        for (size_t i = 0; i < expected.size(); ++i) Compare(*shape.member, expected[i], observed[i], path + "[" + std::to_string(i) + "]");
        return;
      case spec::ShapeType::kMap:
        if (!observed.is_object()) return Differ(path, Show(expected), Show(observed) + " (not a map)");
        for (const auto& [key, value] : expected.items()) {
          if (!observed.contains(key)) {
            Differ(path + "[\"" + key + "\"]", Show(value), "absent");
          } else {
            Compare(*shape.value, value, observed[key], path + "[\"" + key + "\"]");
          }
        }
        for (const auto& [key, value] : observed.items()) {
          if (!expected.contains(key)) Differ(path + "[\"" + key + "\"]", "absent", Show(value));
        }
        return;
      case spec::ShapeType::kTimestamp:
        if (!observed.is_number() || !expected.is_number() ||
            std::fabs(observed.get<double>() - expected.get<double>()) > kTimestampTolerance) {
          return Differ(path, Show(expected) + " (epoch seconds)", Show(observed));
        }
        return;
      case spec::ShapeType::kBlob: {
        auto want = expected.is_string() ? Base64Decode(expected.get<std::string>()) : std::nullopt;
        auto got = observed.is_string() ? Base64Decode(observed.get<std::string>()) : std::nullopt;
        if (!got || want != got) return Differ(path, Show(expected) + " (base64)", Show(observed));
        return;
      }
      case spec::ShapeType::kInteger:
      case spec::ShapeType::kLong:
      case spec::ShapeType::kFloat:
      case spec::ShapeType::kDouble:
        if (!observed.is_number() || !expected.is_number() || observed.get<double>() != expected.get<double>() ||
            (expected.is_number_integer() && observed.is_number_integer() &&
             observed.get<int64_t>() != expected.get<int64_t>())) {
          return Differ(path, Show(expected), Show(observed));
        }
        return;
      default:
        if (expected != observed) Differ(path, Show(expected), Show(observed));
    }
  }

  std::vector<OutputDifference> Take() { return std::move(differences_); }

 private:
  void Structure(const spec::Shape& shape, const json& expected, const json& observed, const std::string& path) {
    if (!observed.is_object()) return Differ(path, "an object", Show(observed));
    for (const auto& member : shape.members) {
      std::string at = Join(path, member.name);
      bool want = expected.is_object() && expected.contains(member.name);
      bool got = observed.contains(member.name);
      if (want && !got) {
        Differ(at, Show(expected[member.name]), "absent");
      } else if (want) {
        Compare(*member.shape, expected[member.name], observed[member.name], at);
      } else if (got && !observed[member.name].is_null() && !EmptyCollection(observed[member.name])) {
        Differ(at, "absent (the response did not carry it)", Show(observed[member.name]));
      }
    }
    for (const auto& [name, value] : observed.items()) {
      if (!shape.FindMember(name)) Differ(Join(path, name), "no such member in the model", Show(value));
    }
  }

  void Differ(std::string path, std::string expected, std::string observed) {
    if (differences_.size() < max_) differences_.push_back({std::move(path), std::move(expected), std::move(observed)});
  }

  size_t max_;
  std::vector<OutputDifference> differences_;
};

}  // namespace

json ExpectedDecoding(const spec::Shape& shape, const json& wire) {
  switch (shape.type) {
    case spec::ShapeType::kStructure: {
      if (!wire.is_object()) return wire;
      json out = json::object();
      for (const auto& member : shape.members) {
        auto it = wire.find(member.name);
        if (it != wire.end() && !it->is_null()) out[member.name] = ExpectedDecoding(*member.shape, *it);
      }
      return out;
    }
    case spec::ShapeType::kList: {
      if (!wire.is_array()) return wire;
      json out = json::array();
      for (const auto& element : wire) out.push_back(ExpectedDecoding(*shape.member, element));
      return out;
    }
    case spec::ShapeType::kMap: {
      if (!wire.is_object()) return wire;
      json out = json::object();
      for (const auto& [key, value] : wire.items()) {
        if (!value.is_null()) out[key] = ExpectedDecoding(*shape.value, value);
      }
      return out;
    }
    default: return wire;
  }
}

std::vector<OutputDifference> CompareOutput(const spec::Shape& shape, const json& expected, const json& observed,
                                            size_t max) {
  Comparer comparer(max);
  comparer.Compare(shape, expected, observed, "");
  return comparer.Take();
}

}  // namespace ecrc::sdk
