#include "sdk/case_inputs.h"

#include <algorithm>
#include <string_view>

#include "base/ascii.h"
#include "harness/codec/sample.h"
#include "harness/codec/value.h"

namespace ecrc::sdk {
namespace {

using nlohmann::json;
using spec::Shape;
using spec::ShapeType;

// How the model's documentation words "not together with", lower-cased.
constexpr const char* kExclusionPhrases[] = {"can't use this option", "cannot use this option", "cannot be used",
                                             "can't be used"};

// `text` cut after each ". " and at paragraph ends: good enough for the model's documentation.
std::vector<std::string_view> Sentences(std::string_view text) {
  std::vector<std::string_view> out;
  size_t start = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    bool end = (text[i] == '.' && (i + 1 == text.size() || text[i + 1] == ' ' || text[i + 1] == '<')) ||
               text.compare(i, 4, "</p>") == 0;
    if (!end) continue;
    out.push_back(text.substr(start, i + 1 - start));
    start = i + 1;
  }
  if (start < text.size()) out.push_back(text.substr(start));
  return out;
}

// Lists whose elements are all equal shrink to the fewest the shape allows (at least one, so the
// members inside are still sent), at every level.
void DropDuplicateElements(const Shape& shape, json& value) {
  switch (shape.type) {
    case ShapeType::kStructure:
      if (!value.is_object()) return;
      for (const auto& m : shape.members) {
        auto it = value.find(m.name);
        if (it != value.end()) DropDuplicateElements(*m.shape, *it);
      }
      return;
    case ShapeType::kList: {
      if (!value.is_array()) return;
      for (auto& item : value) DropDuplicateElements(*shape.member, item);
      bool all_equal = std::all_of(value.begin(), value.end(), [&](const json& item) { return item == value.front(); });
      auto keep = static_cast<size_t>(std::max<int64_t>(shape.min.value_or(0), 1));
      if (all_equal && value.size() > keep) value.erase(value.begin() + static_cast<std::ptrdiff_t>(keep), value.end());
      return;
    }
    case ShapeType::kMap:
      if (!value.is_object()) return;
      for (auto& [key, item] : value.items()) DropDuplicateElements(*shape.value, item);
      return;
    default: return;
  }
}

}  // namespace

Result<json> MinimalInput(const spec::Operation& op) {
  auto value = codec::SampleValue(*op.input);
  if (!value.ok()) return value.status();
  return codec::ValueToWire(*op.input, std::move(value).value());
}

std::vector<std::pair<std::string, std::string>> ExclusiveMembers(const Shape& structure) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& m : structure.members) {
    if (m.required) continue;
    // Only the sentence that says "not together" names the excluded sibling: the rest of the
    // documentation names others for other reasons (nextToken's mentions maxResults).
    for (std::string_view sentence : Sentences(m.documentation)) {
      std::string lower = AsciiLower(sentence);
      bool excludes = std::any_of(std::begin(kExclusionPhrases), std::end(kExclusionPhrases),
                                  [&](const char* phrase) { return lower.find(phrase) != std::string::npos; });
      if (!excludes) continue;
      for (const auto& sibling : structure.members) {
        if (&sibling == &m || sibling.required) continue;
        if (sentence.find("<code>" + sibling.name + "</code>") != std::string_view::npos) out.emplace_back(m.name, sibling.name);
      }
    }
  }
  return out;
}

Result<MaximalInputs> MaximalInput(const spec::Operation& op) {
  auto value = codec::SampleValue(*op.input, {.maximal = true, .length_cap = kInputLengthCap});
  if (!value.ok()) return value.status();
  json full = std::move(value).value();
  DropDuplicateElements(*op.input, full);
  MaximalInputs out;
  out.input = full;
  auto exclusive = ExclusiveMembers(*op.input);
  if (exclusive.empty()) {
    out.input = codec::ValueToWire(*op.input, std::move(full));
    return out;
  }
  json other = full;
  for (const auto& [member, sibling] : exclusive) {
    out.input.erase(member);
    other.erase(sibling);
  }
  out.input = codec::ValueToWire(*op.input, std::move(out.input));
  out.other = codec::ValueToWire(*op.input, std::move(other));
  return out;
}

}  // namespace ecrc::sdk
