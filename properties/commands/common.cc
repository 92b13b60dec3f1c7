#include "properties/commands/common.h"
#include "base/json_read.h"

#include <algorithm>
#include <set>

namespace ecrc::prop {

std::string ToHex(const std::string& bytes) {
  static const char* kDigits = "0123456789abcdef";
  std::string out;
  for (unsigned char c : bytes) {
    out += kDigits[c >> 4];
    out += kDigits[c & 15];
  }
  return out;
}

std::string FromHex(const std::string& hex) {
  auto nibble = [](char c) { return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10; };
  std::string out;
  for (size_t i = 0; i + 1 < hex.size(); i += 2) out += static_cast<char>(nibble(hex[i]) * 16 + nibble(hex[i + 1]));
  return out;
}

nlohmann::json CatalogView(const nlohmann::json& catalog) {
  nlohmann::json out = nlohmann::json::object();
  if (!catalog.is_object()) return out;
  for (const char* key : {"description", "architectures", "operatingSystems", "aboutText", "usageText"}) {
    if (catalog.contains(key)) out[key] = catalog[key];
  }
  return out;
}

std::vector<nlohmann::json> CatalogAfterPut(const std::vector<nlohmann::json>& before, const nlohmann::json& given) {
  std::vector<nlohmann::json> out = {CatalogView(given)};
  for (const auto& b : before) {
    nlohmann::json merged = b;
    merged.update(CatalogView(given));
    if (std::find(out.begin(), out.end(), merged) == out.end()) out.push_back(merged);
  }
  return out;
}

std::vector<nlohmann::json> CollectPages(StepCall& call, const char* operation, nlohmann::json input, const char* key, const char* id,
                                         int max_results, size_t item_bound) {
  if (max_results > 0) input["maxResults"] = max_results;
  size_t per_page = max_results > 0 ? static_cast<size_t>(max_results) : 100;
  size_t page_bound = item_bound + 2;
  std::set<std::string> seen;
  std::vector<nlohmann::json> items;
  int empty_in_a_row = 0;
  for (size_t page = 0;; ++page) {
    call.Require(page < page_bound && empty_in_a_row <= 3,
                 std::string(operation) + " kept returning a nextToken after " + std::to_string(page) + " pages (" +
                     std::to_string(items.size()) + " items): pagination does not end");
    const nlohmann::json& out = call.Call(operation, input, Expected::Success());
    const auto& got = jr::List(jr::Member(out, key));
    call.Require(got.size() <= per_page, std::string(operation) + " returned " + std::to_string(got.size()) + " items with maxResults " +
                                             std::to_string(per_page));
    for (const auto& item : got) {
      // An item without its id (an untagged image in DescribeImageTags) is known by its content.
      std::string name = jr::Member(item, id).is_null() ? jr::Dump(item) : jr::StringAt(item, id);
      call.Require(seen.insert(name).second, std::string(operation) + " listed " + id + " '" + name + "' twice across pages");
      items.push_back(item);
    }
    empty_in_a_row = got.empty() ? empty_in_a_row + 1 : 0;
    auto token = jr::OptString(jr::Member(out, "nextToken"));
    if (!token) break;
    input["nextToken"] = *token;
  }
  return items;
}

}  // namespace ecrc::prop
