#include "base/json_path.h"

namespace ecrc {

const nlohmann::json& AtPath(const nlohmann::json& root, std::string_view dotted) {
  static const nlohmann::json kNull;
  const nlohmann::json* at = &root;
  while (true) {
    size_t dot = dotted.find('.');
    std::string key(dotted.substr(0, dot));
    if (!at->is_object()) return kNull;
    auto it = at->find(key);
    if (it == at->end()) return kNull;
    at = &*it;
    if (dot == std::string_view::npos) return *at;
    dotted.remove_prefix(dot + 1);
  }
}

}  // namespace ecrc
