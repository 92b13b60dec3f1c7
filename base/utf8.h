// UTF-8 helpers: AWS length traits count characters, not bytes, and invalid UTF-8 must be caught.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace ecrc {

// Number of code points in `text`, or nullopt when `text` is not valid UTF-8.
std::optional<size_t> Utf8Length(std::string_view text);

// True when `text` is well-formed UTF-8: Utf8Length counts it.
inline bool IsValidUtf8(std::string_view text) { return Utf8Length(text).has_value(); }

// Length of the well-formed UTF-8 sequence at `pos` (RFC 3629: no overlong forms, no surrogates,
// nothing above U+10FFFF; JSON parsers reject all three), or 0 when the bytes there are not one.
size_t Utf8SequenceLength(std::string_view text, size_t pos);

// Offset of the first byte of `text` that does not start a well-formed sequence, or nullopt when
// all of it is UTF-8. ASCII runs are skipped byte by byte without decoding.
std::optional<size_t> FirstInvalidUtf8(std::string_view text);

// The longest prefix of `text` of at most `max_bytes` that does not end inside a multi-byte
// sequence: cutting a quoted value for a message must not leave half a character behind.
std::string_view Utf8Prefix(std::string_view text, size_t max_bytes);

}  // namespace ecrc
