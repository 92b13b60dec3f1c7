#include "reference/policy_text.h"

#include <nlohmann/json.hpp>

namespace ecrc::server {
namespace {

using ordered = nlohmann::ordered_json;

constexpr int kMaxDepth = 64;

int Depth(const ordered& v, int level) {
  if (level > kMaxDepth) return level;
  int deepest = level;
  if (v.is_object() || v.is_array()) {
    for (const auto& child : v) deepest = std::max(deepest, Depth(child, level + 1));
  }
  return deepest;
}

// Jackson DefaultPrettyPrinter: objects break lines with two spaces per nesting level; arrays
// stay inline ("[ a, b ]"), and do not add a nesting level; empty containers are "{ }", "[ ]".
void Print(const ordered& v, int nesting, std::string& out) {
  if (v.is_object()) {
    if (v.empty()) {
      out += "{ }";
      return;
    }
    out += '{';
    bool first = true;
    for (const auto& [key, child] : v.items()) {
      out += first ? "\n" : ",\n";
      first = false;
      out.append(2 * (nesting + 1), ' ');
      out += ordered(key).dump(-1, ' ', false, ordered::error_handler_t::replace);
      out += " : ";
      Print(child, nesting + 1, out);
    }
    out += '\n';
    out.append(2 * nesting, ' ');
    out += '}';
  } else if (v.is_array()) {
    if (v.empty()) {
      out += "[ ]";
      return;
    }
    out += "[ ";
    bool first = true;
    for (const auto& child : v) {
      if (!first) out += ", ";
      first = false;
      Print(child, nesting, out);
    }
    out += " ]";
  } else {
    out += v.dump(-1, ' ', false, ordered::error_handler_t::replace);
  }
}

}  // namespace

std::optional<std::string> NormalizePolicy(std::string_view text, std::string* why) {
  ordered doc = ordered::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  auto fail = [&](const char* reason) -> std::optional<std::string> {
    if (why) *why = reason;
    return std::nullopt;
  };
  if (doc.is_discarded()) return fail("the policy is not valid JSON");
  if (!doc.is_object()) return fail("the policy must be a JSON object");
  if (Depth(doc, 0) > kMaxDepth) return fail("the policy is nested too deeply");
  if (auto version = doc.find("Version"); version != doc.end()) {
    if (!version->is_string() || (*version != "2008-10-17" && *version != "2012-10-17")) {
      return fail("Version must be \"2008-10-17\" or \"2012-10-17\"");
    }
  }
  auto statement = doc.find("Statement");
  if (statement == doc.end()) return fail("the policy has no Statement");
  if (statement->is_array()) {
    for (const auto& s : *statement) {
      if (!s.is_object()) return fail("every Statement must be an object");
    }
  } else if (!statement->is_object()) {
    return fail("Statement must be an object or a list of objects");
  }
  std::string out;
  out.reserve(text.size() + text.size() / 2);
  Print(doc, 0, out);
  return out;
}

}  // namespace ecrc::server
