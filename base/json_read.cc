#include "base/json_read.h"

#include <limits>

namespace ecrc::jr {

const json& Member(const json& value, std::string_view key) {
  static const json kNull;
  if (!value.is_object()) return kNull;
  auto it = value.find(key);
  return it == value.end() ? kNull : *it;
}

const json& Element(const json& value, size_t i) {
  static const json kNull;
  if (!value.is_array() || i >= value.size()) return kNull;
  return value[i];
}

const json& List(const json& value) {
  static const json kEmpty = json::array();
  return value.is_array() ? value : kEmpty;
}

const json& Object(const json& value) {
  static const json kEmpty = json::object();
  return value.is_object() ? value : kEmpty;
}

std::optional<std::string> OptString(const json& value) {
  if (!value.is_string()) return std::nullopt;
  return value.get_ref<const std::string&>();
}

std::string String(const json& value, std::string_view fallback) {
  if (!value.is_string()) return std::string(fallback);
  return value.get_ref<const std::string&>();
}

std::optional<int64_t> Int(const json& value) {
  if (value.is_number_unsigned()) {
    auto u = value.get<uint64_t>();
    if (u > static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) return std::nullopt;
    return static_cast<int64_t>(u);
  }
  if (value.is_number_integer()) return value.get<int64_t>();
  return std::nullopt;
}

std::optional<double> Number(const json& value) {
  if (!value.is_number()) return std::nullopt;
  return value.get<double>();
}

std::optional<bool> Bool(const json& value) {
  if (!value.is_boolean()) return std::nullopt;
  return value.get<bool>();
}

std::string Dump(const json& value, int indent) { return value.dump(indent, ' ', false, json::error_handler_t::replace); }

const char* TypeName(const json& value) {
  switch (value.type()) {
    case json::value_t::null: return "null";
    case json::value_t::object: return "object";
    case json::value_t::array: return "array";
    case json::value_t::string: return "string";
    case json::value_t::boolean: return "boolean";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned: return "integer";
    case json::value_t::number_float: return "number";
    case json::value_t::binary: return "blob";
    case json::value_t::discarded: return "discarded";
  }
  return "?";
}

}  // namespace ecrc::jr
