// The one way to read JSON that came from an endpoint: every accessor takes any value, of any
// type, and never throws; a missing member or one of another type reads as null, "", nullopt or
// an empty list, so a broken response becomes a finding instead of an abort.
//
// nlohmann's own accessors throw on a wrong type (`value()` on null, `operator[]` with a key on a
// string, `get<>`), `operator[]` on a const value is undefined for a missing key, `get<int>` of an
// out-of-range number is undefined, and `dump()` throws on invalid UTF-8: none of them may touch
// endpoint data (tests/json_read_audit.py greps harness/ and properties/ for them).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace ecrc::jr {

using nlohmann::json;

// The member `key` of an object; null when `value` is not an object or has no such member.
const json& Member(const json& value, std::string_view key);
// Element `i` of an array; null when `value` is not an array or is shorter.
const json& Element(const json& value, size_t i);
// `value` when it is an array, else an empty array: `for (const auto& x : jr::List(v))` is safe.
const json& List(const json& value);
// `value` when it is an object, else an empty object.
const json& Object(const json& value);

// The string, or nullopt for any other type.
std::optional<std::string> OptString(const json& value);
// The string, or `fallback` for any other type.
std::string String(const json& value, std::string_view fallback = "");
// An integer that fits int64 (a float with an integral value is not one), or nullopt.
std::optional<int64_t> Int(const json& value);
// Any number as a double, or nullopt.
std::optional<double> Number(const json& value);
// true/false, or nullopt.
std::optional<bool> Bool(const json& value);

// Shorthands for the common `Member` + typed read.
inline std::string StringAt(const json& object, std::string_view key, std::string_view fallback = "") {
  return String(Member(object, key), fallback);
}
inline std::optional<int64_t> IntAt(const json& object, std::string_view key) { return Int(Member(object, key)); }

// Compact text for messages; never throws (invalid UTF-8 becomes U+FFFD). `indent` as dump().
std::string Dump(const json& value, int indent = -1);

// "string", "number", "object", ... as a finding would name it.
const char* TypeName(const json& value);

}  // namespace ecrc::jr
