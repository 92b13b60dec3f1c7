#include "base/http.h"

#include <algorithm>
#include <cctype>

namespace ecrc {

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
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

}  // namespace ecrc
