#include "harness/checks/closed_enums.h"

#include <algorithm>
#include <set>

namespace ecrc::check {
namespace {

using nlohmann::json;

constexpr int kMaxDepth = 16;  // the model nests outputs 4 deep; a cycle cannot run away

// Calls `visit(shape)` for every shape reachable from `shape` (each once).
template <typename Visit>
void EachShape(const spec::Shape& shape, std::set<const spec::Shape*>* seen, const Visit& visit) {
  if (!seen->insert(&shape).second) return;
  visit(shape);
  for (const auto& m : shape.members) EachShape(*m.shape, seen, visit);
  if (shape.member) EachShape(*shape.member, seen, visit);
  if (shape.value) EachShape(*shape.value, seen, visit);
}

void Walk(const spec::Semantics& semantics, const spec::Shape& shape, const json& value, const std::string& path, const Call& call,
          size_t exchange, std::vector<results::Finding>* out, int depth) {
  if (depth > kMaxDepth || value.is_null()) return;
  switch (shape.type) {
    case spec::ShapeType::kStructure:
      if (!value.is_object()) return;
      for (const auto& m : shape.members) {
        auto it = value.find(m.name);
        if (it != value.end()) Walk(semantics, *m.shape, *it, path + (path.empty() ? "" : ".") + m.name, call, exchange, out, depth + 1);
      }
      return;
    case spec::ShapeType::kList:
      if (!value.is_array()) return;
      for (size_t i = 0; const auto& item : value) {
        Walk(semantics, *shape.member, item, path + "[" + std::to_string(i++) + "]", call, exchange, out, depth + 1);
      }
      return;
    case spec::ShapeType::kMap:
      if (!value.is_object()) return;
      for (const auto& [key, item] : value.items()) Walk(semantics, *shape.value, item, path + "." + key, call, exchange, out, depth + 1);
      return;
    case spec::ShapeType::kString: {
      if (!value.is_string() || !semantics.FindClosedEnum(shape.name)) return;
      const std::string& text = value.get_ref<const std::string&>();
      if (std::find(shape.enum_values.begin(), shape.enum_values.end(), text) != shape.enum_values.end()) return;
      std::string set;
      for (const auto& e : shape.enum_values) set += (set.empty() ? "" : ", ") + e;
      out->push_back({call.op->name + " response: " + path + " is '" + text + "', outside the closed set " + shape.name + " [" + set + "]",
                      path, "one of " + set, text, exchange});
      return;
    }
    default: return;
  }
}

}  // namespace

bool ReachesClosedEnum(const spec::Semantics& semantics, const spec::Shape& output) {
  bool found = false;
  std::set<const spec::Shape*> seen;
  EachShape(output, &seen, [&](const spec::Shape& s) { found = found || semantics.FindClosedEnum(s.name) != nullptr; });
  return found;
}

std::string ClosedEnumSource(const spec::Semantics& semantics, const spec::Shape& output) {
  std::string out;
  std::set<const spec::Shape*> seen;
  EachShape(output, &seen, [&](const spec::Shape& s) {
    if (const spec::ClosedEnum* c = semantics.FindClosedEnum(s.name)) {
      out += (out.empty() ? "" : "; ") + std::string("shapes.") + c->shape + " (" + c->confidence + "): " + c->source;
    }
  });
  return out;
}

void OutputEnumClosed(const spec::Semantics& semantics, const Call& call, size_t exchange, std::vector<results::Finding>* out) {
  if (!call.ok()) return;
  Walk(semantics, *call.op->output, call.decoded.output, "", call, exchange, out, 0);
}

}  // namespace ecrc::check
