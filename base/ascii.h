// ASCII case folding, the way protocol tokens compare (HTTP field names, media types, header
// values such as credentials): never the locale's, which std::tolower would consult.
#pragma once

#include <string>
#include <string_view>

namespace ecrc {

inline char AsciiLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c | 0x20) : c; }

// `s` with A-Z folded to a-z; every other byte unchanged.
std::string AsciiLower(std::string_view s);

// True when `a` and `b` differ at most in the case of ASCII letters (RFC 9110 §5.1, §8.3.1).
bool EqualsIgnoreCase(std::string_view a, std::string_view b);

}  // namespace ecrc
