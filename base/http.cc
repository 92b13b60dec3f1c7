#include "base/http.h"

#include <algorithm>

namespace ecrc {

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
