#include "harness/codec/sample.h"

#include <algorithm>

namespace ecrc::codec {
namespace {

using nlohmann::json;
using spec::Shape;
using spec::ShapeType;

// Candidate builders for strings of a given length. Patterns in AWS models are mostly names,
// ids, digests and UUIDs; each candidate family below satisfies one of those kinds.
std::vector<std::string> Candidates(int64_t n) {
  size_t len = static_cast<size_t>(std::max<int64_t>(n, 0));
  std::vector<std::string> out = {std::string(len, 'a'), std::string(len, '1')};
  if (len >= 8) {
    std::string digest = "sha256:" + std::string(std::max<size_t>(len, 7) - 7, 'a');
    out.push_back(digest);
  }
  out.push_back("8a4a1d2e-6b9c-4c6e-9b1f-2f3e4d5c6b7a");
  out.push_back("sha256:" + std::string(64, 'a'));
  out.push_back("123456789012");
  return out;
}

}  // namespace

std::optional<std::string> SampleString(const Shape& shape, int64_t length) {
  for (const auto& candidate : Candidates(length)) {
    auto size = static_cast<int64_t>(candidate.size());
    if (shape.min && size < *shape.min) continue;
    if (shape.max && size > *shape.max) continue;
    if (shape.MatchesPattern(candidate)) return candidate;
  }
  return std::nullopt;
}

Result<Value> SampleValue(const Shape& shape, const SampleOptions& options) {
  auto bound = [&](int64_t fallback) {
    if (options.maximal) return std::min(shape.max.value_or(std::max(fallback, shape.min.value_or(0))), std::max(options.length_cap, shape.min.value_or(0)));
    return shape.min.value_or(fallback);
  };
  switch (shape.type) {
    case ShapeType::kStructure: {
      json out = json::object();
      for (const auto& m : shape.members) {
        if (!m.required && !options.maximal) continue;
        auto v = SampleValue(*m.shape, options);
        if (!v.ok()) return Status::Error(shape.name + "." + m.name + ": " + v.status().message());
        out[m.name] = std::move(v).value();
      }
      return out;
    }
    case ShapeType::kList: {
      json out = json::array();
      int64_t n = options.maximal ? std::min<int64_t>(bound(1), 3) : shape.min.value_or(0);
      n = std::max(n, shape.min.value_or(0));
      for (int64_t i = 0; i < n; ++i) {
        auto v = SampleValue(*shape.member, options);
        if (!v.ok()) return v.status();
        out.push_back(std::move(v).value());
      }
      return out;
    }
    case ShapeType::kMap: {
      json out = json::object();
      int64_t n = std::max<int64_t>(shape.min.value_or(0), options.maximal ? 1 : 0);
      for (int64_t i = 0; i < n; ++i) {
        auto k = SampleString(*shape.key, std::max<int64_t>(shape.key->min.value_or(1), 1) + i);
        auto v = SampleValue(*shape.value, options);
        if (!k || !v.ok()) return Status::Error(shape.name + ": no sample for its key or value");
        out[*k] = std::move(v).value();
      }
      return out;
    }
    case ShapeType::kString: {
      if (!shape.enum_values.empty()) return json(options.maximal ? shape.enum_values.back() : shape.enum_values.front());
      auto s = SampleString(shape, bound(1));
      if (!s) s = SampleString(shape, shape.min.value_or(1));  // the pattern may fix the length
      if (!s) return Status::Error(shape.name + ": no sample string satisfies pattern " + shape.pattern);
      return json(*s);
    }
    case ShapeType::kBoolean: return json(options.maximal);
    case ShapeType::kInteger:
    case ShapeType::kLong:
      return json(options.maximal ? shape.max.value_or(shape.min.value_or(0) + 1000) : shape.min.value_or(0));
    case ShapeType::kFloat:
    case ShapeType::kDouble: return json(static_cast<double>(options.maximal ? shape.max.value_or(1) : shape.min.value_or(0)));
    case ShapeType::kTimestamp: return json(1700000000);
    case ShapeType::kBlob: return BlobValue(std::string(static_cast<size_t>(std::max<int64_t>(bound(1), 1)), 'x'));
  }
  return Status::Error(shape.name + ": unknown shape type");
}

}  // namespace ecrc::codec
