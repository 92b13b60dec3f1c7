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

// Inlined into Utf8Length's loop, which runs over every string of every message.
[[gnu::always_inline]] inline size_t SequenceLength(std::string_view text, size_t pos) {
  auto byte = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
  unsigned char c = byte(pos);
  if (c < 0x80) return 1;
  // RFC 3629's table: the lead byte fixes the length and the range of the second byte.
  size_t len;
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
  } else {
    return 0;
  }
  if (pos + len > text.size()) return 0;
  if (byte(pos + 1) < lo || byte(pos + 1) > hi) return 0;
  for (size_t i = 2; i < len; ++i) {
    if (byte(pos + i) < 0x80 || byte(pos + i) > 0xBF) return 0;
  }
  return len;
}

}  // namespace

size_t Utf8SequenceLength(std::string_view text, size_t pos) { return SequenceLength(text, pos); }

std::optional<size_t> FirstInvalidUtf8(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    size_t n = SequenceLength(text, i);
    if (n == 0) return i;
    i += n;
  }
  return std::nullopt;
}

std::optional<size_t> Utf8Length(std::string_view text) {
  size_t count = 0;
  size_t i = 0;
  while (true) {
    size_t run = AsciiPrefix(text.substr(i));
    i += run;
    count += run;
    if (i == text.size()) return count;
    size_t len = SequenceLength(text, i);
    if (len == 0) return std::nullopt;
    i += len;
    ++count;
  }
}

std::string_view Utf8Prefix(std::string_view text, size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  size_t end = max_bytes;
  // Back up over continuation bytes (10xxxxxx) to the start of the cut sequence.
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end);
}

}  // namespace ecrc
