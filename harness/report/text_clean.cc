#include "harness/report/text_clean.h"

#include "base/utf8.h"

namespace ecrc::report {

std::string SanitizeUtf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    size_t n = Utf8SequenceLength(text, i);
    if (n == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
    } else {
      out.append(text.substr(i, n));
      i += n;
    }
  }
  return out;
}

std::string SanitizeForDisplay(std::string_view text) {
  std::string clean = SanitizeUtf8(text);
  std::string out;
  out.reserve(clean.size());
  for (char c : clean) {
    unsigned char u = static_cast<unsigned char>(c);
    if ((u < 0x20 && c != '\t' && c != '\n' && c != '\r') || u == 0x7F) {
      out += "\xEF\xBF\xBD";
    } else {
      out += c;
    }
  }
  return out;
}

std::string TruncateWithMarker(std::string_view text, size_t max_bytes) {
  if (text.size() <= max_bytes) return std::string(text);
  auto marker = [](size_t left_out) { return "\n… [" + std::to_string(left_out) + " more bytes not shown]"; };
  size_t reserve = marker(text.size()).size();  // an upper bound: the real count has no more digits
  size_t cut = max_bytes > reserve ? max_bytes - reserve : 0;
  // Step back to a character boundary so the kept part stays valid UTF-8.
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return std::string(text.substr(0, cut)) + marker(text.size() - cut);
}

}  // namespace ecrc::report
