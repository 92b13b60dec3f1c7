#include "harness/codec/validator.h"

#include <cmath>
#include <limits>
#include <string_view>
#include <vector>

#include "base/base64.h"
#include "base/utf8.h"

namespace ecrc::codec {
namespace {

using nlohmann::json;
using spec::Shape;
using spec::ShapeType;

// The path of the value being walked, as a chain of segments living in the walker's stack frames:
// the text ("a.b[2].{k}") is only built when a violation is recorded, since most documents have
// none, and the chain costs no allocation (every message is validated, and under ASan an
// allocation costs more than a small document's walk).
class Path {
 public:
  enum class Kind { kMember, kIndex, kMapKey, kMapValue };

  // Appends a segment for the lifetime of the guard.
  class Scope {
   public:
    Scope(Path& path, Kind kind, std::string_view name, size_t index)
        : path_(path), segment_{kind, name, index, path.last_} {
      path_.last_ = &segment_;
    }
    ~Scope() { path_.last_ = segment_.parent; }
    Scope(const Scope&) = delete;
    Scope& operator=(const Scope&) = delete;

   private:
    friend class Path;
    struct Segment {
      Kind kind;
      std::string_view name;
      size_t index;
      const Segment* parent;
    };
    Path& path_;
    Segment segment_;
  };

  std::string Text() const {
    std::vector<const Scope::Segment*> chain;
    for (const Scope::Segment* s = last_; s; s = s->parent) chain.push_back(s);
    std::string out;
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
      const Scope::Segment& s = **it;
      switch (s.kind) {
        case Kind::kMember:
          if (!out.empty()) out += '.';
          out += s.name;
          break;
        case Kind::kIndex: out += "[" + std::to_string(s.index) + "]"; break;
        case Kind::kMapKey: out += ".{"; out += s.name; out += '}'; break;
        case Kind::kMapValue: out += '.'; out += s.name; break;
      }
    }
    return out;
  }

 private:
  const Scope::Segment* last_ = nullptr;
};

class Walker {
 public:
  explicit Walker(const ValidateOptions& options) : options_(options) {}

  void Walk(const Shape& shape, const json& value) {
    if (Full()) return;
    if (value.is_null()) return;  // awsJson treats null as absent; requiredness is checked by the parent
    switch (shape.type) {
      case ShapeType::kStructure: return Structure(shape, value);
      case ShapeType::kList: return List(shape, value);
      case ShapeType::kMap: return Map(shape, value);
      case ShapeType::kString:
        if (!value.is_string()) return Add(ViolationKind::kType, "Member must be a string");
        return String(shape, value.get_ref<const std::string&>());
      case ShapeType::kBoolean:
        if (!value.is_boolean()) Add(ViolationKind::kType, "Member must be a boolean");
        return;
      case ShapeType::kInteger:
      case ShapeType::kLong: return Integer(shape, value);
      case ShapeType::kFloat:
      case ShapeType::kDouble:
        if (!value.is_number()) Add(ViolationKind::kType, "Member must be a number");
        else Range(shape, value.get<double>());
        return;
      case ShapeType::kTimestamp:
        // No timestampFormat in awsJson means epoch seconds as a JSON number (Smithy awsJson1_1).
        if (!value.is_number()) Add(ViolationKind::kType, "Member must be a timestamp in epoch seconds (a JSON number)");
        return;
      case ShapeType::kBlob: return Blob(shape, value);
    }
  }

  Violations Take() { return std::move(out_); }

 private:
  using Kind = Path::Kind;

  bool Full() const { return out_.size() >= options_.max_violations; }

  void Add(ViolationKind kind, std::string constraint) {
    if (!Full()) out_.push_back({path_.Text(), kind, std::move(constraint)});
  }

  void Structure(const Shape& shape, const json& value) {
    if (!value.is_object()) return Add(ViolationKind::kType, "Member must be a structure (a JSON object)");
    size_t known = 0;  // members of the object that the shape has
    for (const auto& m : shape.members) {
      auto it = value.find(m.name);
      known += it != value.end();
      Path::Scope member(path_, Kind::kMember, m.name, 0);
      if (it == value.end() || it->is_null()) {
        if (m.required) Add(ViolationKind::kRequired, "Member must not be null");
        continue;
      }
      Walk(*m.shape, *it);
    }
    if (options_.reject_unknown_members && known < value.size()) {
      for (const auto& [name, member_value] : value.items()) {
        if (shape.FindMember(name)) continue;
        Path::Scope member(path_, Kind::kMember, name, 0);
        Add(ViolationKind::kUnknownMember, "Member is not in the model of " + shape.name);
      }
    }
  }

  void List(const Shape& shape, const json& value) {
    if (!value.is_array()) return Add(ViolationKind::kType, "Member must be a list (a JSON array)");
    if (!(value.empty() && options_.empty_list_meets_min)) Length(shape, static_cast<int64_t>(value.size()), "length");
    for (size_t i = 0; i < value.size() && !Full(); ++i) {
      const json& item = value[i];
      Path::Scope index(path_, Kind::kIndex, {}, i);
      // Sparse lists are not modelled here, so a null entry is a type error rather than absence.
      if (item.is_null()) Add(ViolationKind::kType, "List member must not be null");
      else Walk(*shape.member, item);
    }
  }

  void Map(const Shape& shape, const json& value) {
    if (!value.is_object()) return Add(ViolationKind::kType, "Member must be a map (a JSON object)");
    Length(shape, static_cast<int64_t>(value.size()), "length");
    for (const auto& [key, item] : value.items()) {
      {
        Path::Scope key_scope(path_, Kind::kMapKey, key, 0);
        String(*shape.key, key);
      }
      Path::Scope value_scope(path_, Kind::kMapValue, key, 0);
      Walk(*shape.value, item);
    }
  }

  void String(const Shape& shape, const std::string& s) {
    auto length = Utf8Length(s);
    if (!length) return Add(ViolationKind::kUtf8, "Member must be valid UTF-8");
    Length(shape, static_cast<int64_t>(*length), "length");
    if (!shape.MatchesPattern(s)) {
      Add(ViolationKind::kPattern, "Member must satisfy regular expression pattern: " + shape.pattern);
    }
    if (!shape.enum_values.empty()) {
      bool found = false;
      for (const auto& e : shape.enum_values) found = found || e == s;
      if (!found) {
        std::string set;
        for (const auto& e : shape.enum_values) set += (set.empty() ? "" : ", ") + e;
        Add(ViolationKind::kEnum, "Member must satisfy enum value set: [" + set + "]");
      }
    }
  }

  void Integer(const Shape& shape, const json& value) {
    if (value.is_number_unsigned() && value.get<uint64_t>() > static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) {
      return Add(ViolationKind::kRange, "Member must fit in a 64-bit signed integer");
    }
    if (!value.is_number_integer()) return Add(ViolationKind::kType, "Member must be an integer");
    int64_t v = value.get<int64_t>();
    if (shape.type == ShapeType::kInteger && (v < std::numeric_limits<int32_t>::min() || v > std::numeric_limits<int32_t>::max())) {
      return Add(ViolationKind::kRange, "Member must fit in a 32-bit signed integer");
    }
    Range(shape, static_cast<double>(v));
  }

  void Range(const Shape& shape, double v) {
    if (shape.min && v < static_cast<double>(*shape.min)) {
      Add(ViolationKind::kRange, "Member must have value greater than or equal to " + std::to_string(*shape.min));
    }
    if (shape.max && v > static_cast<double>(*shape.max)) {
      Add(ViolationKind::kRange, "Member must have value less than or equal to " + std::to_string(*shape.max));
    }
  }

  void Blob(const Shape& shape, const json& value) {
    if (!value.is_string()) return Add(ViolationKind::kType, "Member must be a base64-encoded string");
    auto size = Base64DecodedSize(value.get_ref<const std::string&>());
    if (!size) return Add(ViolationKind::kBase64, "Member must be valid base64");
    Length(shape, static_cast<int64_t>(*size), "length");
  }

  void Length(const Shape& shape, int64_t n, const char* what) {
    if (shape.min && n < *shape.min) {
      Add(ViolationKind::kLength, std::string("Member must have ") + what + " greater than or equal to " + std::to_string(*shape.min));
    }
    if (shape.max && n > *shape.max) {
      Add(ViolationKind::kLength, std::string("Member must have ") + what + " less than or equal to " + std::to_string(*shape.max));
    }
  }

  const ValidateOptions& options_;
  Path path_;
  Violations out_;
};

}  // namespace

Violations Validate(const spec::Shape& shape, const nlohmann::json& wire, const ValidateOptions& options) {
  Walker walker(options);
  walker.Walk(shape, wire);
  return walker.Take();
}

}  // namespace ecrc::codec
