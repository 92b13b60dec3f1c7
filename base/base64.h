// Standard base64 (RFC 4648, with padding), the encoding awsJson1_1 uses for blobs.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ecrc {

std::string Base64Encode(std::string_view bytes);
// Appends the encoding to `out`: writers of JSON need no copy (base64 needs no escaping).
void AppendBase64(std::string_view bytes, std::string& out);
// Returns the decoded bytes, or nullopt when `text` is not canonical padded base64.
std::optional<std::string> Base64Decode(std::string_view text);
// As Base64Decode, as bytes (what blob values hold).
std::optional<std::vector<uint8_t>> Base64DecodeBytes(std::string_view text);
// The length Base64Decode would return, without decoding: validators need only that.
std::optional<size_t> Base64DecodedSize(std::string_view text);

}  // namespace ecrc
