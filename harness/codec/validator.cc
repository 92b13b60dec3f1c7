#include "harness/codec/validator.h"

#include <cmath>
#include <limits>

#include "base/base64.h"
#include "base/utf8.h"

namespace ecrc::codec {
namespace {

using nlohmann::json;
using spec::Shape;
using spec::ShapeType;


class Walker {
 public:
  explicit Walker(const ValidateOptions& options) : options_(options) {}

  void Walk(const Shape& shape, const json& value, const std::string& path) {
    if (Full()) return;
    if (value.is_null()) return;  // awsJson treats null as absent; requiredness is checked by the parent
    switch (shape.type) {
      case ShapeType::kStructure: return Structure(shape, value, path);
      case ShapeType::kList: return List(shape, value, path);
      case ShapeType::kMap: return Map(shape, value, path);
      case ShapeType::kString: return String(shape, value, path);
      case ShapeType::kBoolean:
        if (!value.is_boolean()) Add(path, ViolationKind::kType, "Member must be a boolean");
        return;
      case ShapeType::kInteger:
      case ShapeType::kLong: return Integer(shape, value, path);
      case ShapeType::kFloat:
      case ShapeType::kDouble:
        if (!value.is_number()) Add(path, ViolationKind::kType, "Member must be a number");
        else Range(shape, value.get<double>(), path);
        return;
      case ShapeType::kTimestamp:
        // No timestampFormat in awsJson means epoch seconds as a JSON number (Smithy awsJson1_1).
        if (!value.is_number()) Add(path, ViolationKind::kType, "Member must be a timestamp in epoch seconds (a JSON number)");
        return;
      case ShapeType::kBlob: return Blob(shape, value, path);
    }
  }

  Violations Take() { return std::move(out_); }

 private:
  bool Full() const { return out_.size() >= options_.max_violations; }

  void Add(const std::string& path, ViolationKind kind, std::string constraint) {
    if (!Full()) out_.push_back({path, kind, std::move(constraint)});
  }

  static std::string Join(const std::string& path, const std::string& name) { return path.empty() ? name : path + "." + name; }

  void Structure(const Shape& shape, const json& value, const std::string& path) {
    if (!value.is_object()) return Add(path, ViolationKind::kType, "Member must be a structure (a JSON object)");
    for (const auto& m : shape.members) {
      auto it = value.find(m.name);
      if (it == value.end() || it->is_null()) {
        if (m.required) Add(Join(path, m.name), ViolationKind::kRequired, "Member must not be null");
        continue;
      }
      Walk(*m.shape, *it, Join(path, m.name));
    }
    if (options_.reject_unknown_members) {
      for (const auto& [name, member_value] : value.items()) {
        if (!shape.FindMember(name)) Add(Join(path, name), ViolationKind::kUnknownMember, "Member is not in the model of " + shape.name);
      }
    }
  }

  void List(const Shape& shape, const json& value, const std::string& path) {
    if (!value.is_array()) return Add(path, ViolationKind::kType, "Member must be a list (a JSON array)");
    if (!(value.empty() && options_.empty_list_meets_min)) Length(shape, static_cast<int64_t>(value.size()), path, "length");
    for (size_t i = 0; i < value.size() && !Full(); ++i) {
      const json& item = value[i];
      std::string item_path = path + "[" + std::to_string(i) + "]";
      // Sparse lists are not modelled here, so a null entry is a type error rather than absence.
      if (item.is_null()) Add(item_path, ViolationKind::kType, "List member must not be null");
      else Walk(*shape.member, item, item_path);
    }
  }

  void Map(const Shape& shape, const json& value, const std::string& path) {
    if (!value.is_object()) return Add(path, ViolationKind::kType, "Member must be a map (a JSON object)");
    Length(shape, static_cast<int64_t>(value.size()), path, "length");
    for (const auto& [key, item] : value.items()) {
      String(*shape.key, json(key), path + ".{" + key + "}");
      Walk(*shape.value, item, path + "." + key);
    }
  }

  void String(const Shape& shape, const json& value, const std::string& path) {
    if (!value.is_string()) return Add(path, ViolationKind::kType, "Member must be a string");
    const std::string& s = value.get_ref<const std::string&>();
    auto length = Utf8Length(s);
    if (!length) return Add(path, ViolationKind::kUtf8, "Member must be valid UTF-8");
    Length(shape, static_cast<int64_t>(*length), path, "length");
    if (!shape.MatchesPattern(s)) {
      Add(path, ViolationKind::kPattern, "Member must satisfy regular expression pattern: " + shape.pattern);
    }
    if (!shape.enum_values.empty()) {
      bool found = false;
      for (const auto& e : shape.enum_values) found = found || e == s;
      if (!found) {
        std::string set;
        for (const auto& e : shape.enum_values) set += (set.empty() ? "" : ", ") + e;
        Add(path, ViolationKind::kEnum, "Member must satisfy enum value set: [" + set + "]");
      }
    }
  }

  void Integer(const Shape& shape, const json& value, const std::string& path) {
    if (value.is_number_unsigned() && value.get<uint64_t>() > static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) {
      return Add(path, ViolationKind::kRange, "Member must fit in a 64-bit signed integer");
    }
    if (!value.is_number_integer()) return Add(path, ViolationKind::kType, "Member must be an integer");
    int64_t v = value.get<int64_t>();
    if (shape.type == ShapeType::kInteger && (v < std::numeric_limits<int32_t>::min() || v > std::numeric_limits<int32_t>::max())) {
      return Add(path, ViolationKind::kRange, "Member must fit in a 32-bit signed integer");
    }
    Range(shape, static_cast<double>(v), path);
  }

  void Range(const Shape& shape, double v, const std::string& path) {
    if (shape.min && v < static_cast<double>(*shape.min)) {
      Add(path, ViolationKind::kRange, "Member must have value greater than or equal to " + std::to_string(*shape.min));
    }
    if (shape.max && v > static_cast<double>(*shape.max)) {
      Add(path, ViolationKind::kRange, "Member must have value less than or equal to " + std::to_string(*shape.max));
    }
  }

  void Blob(const Shape& shape, const json& value, const std::string& path) {
    if (!value.is_string()) return Add(path, ViolationKind::kType, "Member must be a base64-encoded string");
    const std::string& text = value.get_ref<const std::string&>();
    // Decoded size is known from the text length; the bytes themselves are not needed.
    if (!Base64Decode(text)) return Add(path, ViolationKind::kBase64, "Member must be valid base64");
    size_t pad = text.empty() ? 0 : (text.back() == '=') + (text.size() > 1 && text[text.size() - 2] == '=');
    Length(shape, static_cast<int64_t>(text.size() / 4 * 3 - pad), path, "length");
  }

  void Length(const Shape& shape, int64_t n, const std::string& path, const char* what) {
    if (shape.min && n < *shape.min) {
      Add(path, ViolationKind::kLength, std::string("Member must have ") + what + " greater than or equal to " + std::to_string(*shape.min));
    }
    if (shape.max && n > *shape.max) {
      Add(path, ViolationKind::kLength, std::string("Member must have ") + what + " less than or equal to " + std::to_string(*shape.max));
    }
  }

  const ValidateOptions& options_;
  Violations out_;
};

}  // namespace

Violations Validate(const spec::Shape& shape, const nlohmann::json& wire, const ValidateOptions& options) {
  Walker walker(options);
  walker.Walk(shape, wire, "");
  return walker.Take();
}

}  // namespace ecrc::codec
