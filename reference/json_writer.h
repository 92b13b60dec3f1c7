// A fast serialiser for response bodies: nlohmann's dump() escapes byte by byte and dominated the
// cost of small read requests.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace ecrc::server {

// Appends the compact JSON text of `value` to `out`, byte-identical in meaning to
// nlohmann::json::dump(). Strings are assumed to be valid UTF-8 (every string in a response
// comes from parsed JSON or from this server) and are copied through, escaping only what JSON
// requires. Binary values, which no output shape holds, are written as base64 strings.
void AppendJson(const nlohmann::json& value, std::string& out);

}  // namespace ecrc::server
