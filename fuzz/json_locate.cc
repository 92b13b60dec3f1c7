// Path resolution for findings; see json_locate.h.
#include "fuzz/json_locate.h"

#include <functional>

namespace ecrc::fuzz {
namespace {

using nlohmann::json;
using Accept = std::function<bool(const json& node, std::string_view rest)>;

// Walks `rest` from `node`; `accept` decides at every step whether what is left is a match there
// (so the last step can be interpreted by the caller: a node, a `{key}`, an absent member).
bool Walk(const json& node, std::string_view rest, bool at_root, const Accept& accept) {
  if (accept(node, rest)) return true;
  if (rest.empty()) return false;
  if (rest[0] == '[' && node.is_array()) {
    size_t close = rest.find(']');
    if (close == std::string_view::npos || close == 1) return false;
    size_t index = 0;
    for (size_t i = 1; i < close; ++i) {
      if (rest[i] < '0' || rest[i] > '9' || index > node.size()) return false;
      index = index * 10 + static_cast<size_t>(rest[i] - '0');
    }
    return index < node.size() && Walk(node[index], rest.substr(close + 1), false, accept);
  }
  // Not an index: at the root a member name may itself start with '['.
  if (!at_root) {
    if (rest[0] != '.') return false;
    rest.remove_prefix(1);
  }
  if (!node.is_object()) return false;
  for (const auto& [key, value] : node.items()) {
    if (rest.substr(0, key.size()) != key) continue;
    std::string_view after = rest.substr(key.size());
    if (!after.empty() && after[0] != '.' && after[0] != '[') continue;
    if (Walk(value, after, false, accept)) return true;
  }
  return false;
}

// `.{key}` (or `{key}` at the root) naming a key of `node`.
bool NamesKey(const json& node, std::string_view rest, bool at_root) {
  if (!at_root) {
    if (rest.empty() || rest[0] != '.') return false;
    rest.remove_prefix(1);
  }
  if (rest.size() < 2 || rest.front() != '{' || rest.back() != '}' || !node.is_object()) return false;
  return node.contains(std::string(rest.substr(1, rest.size() - 2)));
}

}  // namespace

bool PathExists(const json& root, std::string_view path) {
  if (path.empty()) return true;
  if (NamesKey(root, path, true)) return true;
  return Walk(root, path, true, [](const json& node, std::string_view rest) {
    return rest.empty() || NamesKey(node, rest, false);
  });
}

bool PathNamesAbsentMember(const json& root, std::string_view path) {
  size_t dot = path.rfind('.');
  std::string_view parent = dot == std::string_view::npos ? std::string_view() : path.substr(0, dot);
  std::string member(dot == std::string_view::npos ? path : path.substr(dot + 1));
  if (member.empty()) return false;
  auto absent = [&member](const json& node) {
    if (!node.is_object()) return false;
    auto it = node.find(member);
    return it == node.end() || it->is_null();
  };
  if (parent.empty()) return absent(root);
  return Walk(root, parent, true, [&](const json& node, std::string_view rest) { return rest.empty() && absent(node); });
}

}  // namespace ecrc::fuzz
