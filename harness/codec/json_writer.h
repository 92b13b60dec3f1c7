// A fast compact JSON writer for message bodies (requests in the codec, responses in the
// reference server): nlohmann's dump() escapes byte by byte and dominated the cost of small
// messages.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace ecrc::codec {

// Appends the compact JSON text of `value` to `out`, equal in meaning to
// nlohmann::json::dump(-1, ' ', false, error_handler_t::replace): valid UTF-8 is copied through,
// escaping only what JSON requires, and a string that is not valid UTF-8 gets nlohmann's U+FFFD
// replacement. Binary values are written as base64 strings, which makes a Value's text its wire
// form (blobs are the only binary values).
void AppendJson(const nlohmann::json& value, std::string& out);

// Appends `s` as a JSON string literal, by the same rules.
void AppendJsonString(std::string_view s, std::string& out);

}  // namespace ecrc::codec
