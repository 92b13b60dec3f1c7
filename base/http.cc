#include "base/http.h"

#include <algorithm>

namespace ecrc {

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  // Most lookups name a header as it was sent: one memcmp instead of a fold per byte.
  if (a == b) return true;
  // ASCII case only, as HTTP field names and media types are compared (RFC 9110 §5.1, §8.3.1);
  // std::tolower would consult the locale.
  auto fold = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c | 0x20) : c; };
  return std::equal(a.begin(), a.end(), b.begin(), [&](char x, char y) { return fold(x) == fold(y); });
}

const std::string* Headers::Find(std::string_view name) const {
  for (const auto& [key, value] : entries) {
    if (EqualsIgnoreCase(key, name)) return &value;
  }
  return nullptr;
}

void Headers::Set(std::string name, std::string value) {
  std::erase_if(entries, [&](const auto& entry) { return EqualsIgnoreCase(entry.first, name); });
  entries.emplace_back(std::move(name), std::move(value));
}

std::string ResponseMediaType(const HttpResponse& response) {
  const std::string* value = response.headers.Find("Content-Type");
  if (!value || value->empty()) return "no Content-Type";
  std::string type = value->substr(0, value->find(';'));
  while (!type.empty() && type.back() == ' ') type.pop_back();
  return type;
}

}  // namespace ecrc
