#include "base/ascii.h"

#include <algorithm>

namespace ecrc {

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = AsciiLower(c);
  return out;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  // Most lookups name a header as it was sent: one memcmp instead of a fold per byte.
  if (a == b) return true;
  return std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return AsciiLower(x) == AsciiLower(y); });
}

}  // namespace ecrc
