#include "base/utf8.h"

#include <cstdint>
#include <cstring>

namespace ecrc {

namespace {

// Length of the ASCII run at the start of `text`, eight bytes at a time: most text is ASCII, and
// this runs over every string of every message (and under fuzzing instrumentation a per-byte
// loop costs a traced comparison per byte).
size_t AsciiPrefix(std::string_view text) {
  size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    uint64_t word;
    std::memcpy(&word, text.data() + i, 8);
    if ((word & 0x8080808080808080ULL) != 0) break;
  }
  while (i < text.size() && static_cast<unsigned char>(text[i]) < 0x80) ++i;
  return i;
}

}  // namespace

std::optional<size_t> Utf8Length(std::string_view text) {
  size_t count = 0;
  size_t i = 0;
  while (true) {
    size_t run = AsciiPrefix(text.substr(i));
    i += run;
    count += run;
    if (i == text.size()) return count;
    auto c = static_cast<unsigned char>(text[i]);
    // RFC 3629's table of well-formed sequences: the lead byte fixes the length and the range of
    // the second byte, which is what excludes overlong forms, surrogates and code points above
    // U+10FFFF (JSON parsers, nlohmann's included, reject all three).
    size_t len = 0;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      if (c == 0xE0) lo = 0xA0;
      if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      if (c == 0xF0) lo = 0x90;
      if (c == 0xF4) hi = 0x8F;
    }
    if (len == 0 || i + len > text.size()) return std::nullopt;
    auto second = static_cast<unsigned char>(text[i + 1]);
    if (second < lo || second > hi) return std::nullopt;
    for (size_t k = 2; k < len; ++k) {
      if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return std::nullopt;
    }
    i += len;
    ++count;
  }
}

}  // namespace ecrc
