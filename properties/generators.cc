#include "properties/generators.h"

#include <algorithm>
#include <set>
#include <utility>
#include <vector>

#include "base/ascii.h"

namespace ecrc::prop {
namespace {

// One pattern segment: [a-z0-9]+(?:[._-][a-z0-9]+)*
rc::Gen<std::string> GenSegment() {
  auto alnum = rc::gen::container<std::string>(rc::gen::element('a', 'b', 'c', 'x', '0', '7'));
  return rc::gen::apply(
      [](std::string head, std::string sep, std::string tail) {
        if (head.empty()) head = "s";
        if (tail.empty()) return head;
        return head + sep + tail;
      },
      rc::gen::resize(6, alnum), rc::gen::element<std::string>(".", "_", "-", ""), rc::gen::resize(4, alnum));
}

// Text of a length the shape allows (at most `cap`) drawn from `alphabet`, whose first
// character is drawn from `first` when that is not empty.
rc::Gen<std::string> GenFrom(const spec::Shape& shape, int64_t cap, std::string alphabet, std::string first = {}) {
  int64_t lo = shape.min.value_or(0);
  int64_t hi = std::max(lo, std::min(shape.max.value_or(cap), cap));
  return rc::gen::mapcat(rc::gen::inRange<int64_t>(lo, hi + 1), [alphabet, first](int64_t n) {
    auto body = rc::gen::container<std::string>(static_cast<size_t>(n), rc::gen::elementOf(alphabet));
    if (first.empty() || n == 0) return body;
    return rc::gen::apply([](char head, std::string s) { s[0] = head; return s; }, rc::gen::elementOf(first), body);
  });
}

const std::string kAlnum = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
// AWS's general tagging rule (General Reference, "Tagging AWS resources").
const std::string kGeneralTagSet = kAlnum + " _.:/=+-@";

// Tag text in the general set without leading or trailing spaces (a service may trim them).
rc::Gen<std::string> GenTagText(const spec::Shape& shape, int64_t cap) {
  return rc::gen::map(GenFrom(shape, cap, kGeneralTagSet), [](std::string text) {
    if (!text.empty() && text.front() == ' ') text.front() = '_';
    if (!text.empty() && text.back() == ' ') text.back() = '_';
    return text;
  });
}

std::string Repeat(char c, int64_t n) { return std::string(static_cast<size_t>(std::max<int64_t>(n, 0)), c); }

}  // namespace

rc::Gen<std::string> GenNameSuffix(const Limits& limits) {
  return rc::gen::weightedOneOf<std::string>(
      {{6, rc::gen::element<std::string>("a", "b", "c", "ns/a", "x.y_z-1")},
       {1, rc::gen::map(GenSegment(), [](std::string s) { return "n/" + s; })}});
}

rc::Gen<std::string> GenText(const spec::Shape& shape, int64_t cap) {
  int64_t lo = shape.min.value_or(0);
  int64_t hi = std::max(lo, std::min(shape.max.value_or(cap), cap));
  return rc::gen::mapcat(rc::gen::inRange<int64_t>(lo, hi + 1), [](int64_t n) {
    return rc::gen::container<std::string>(static_cast<size_t>(n), rc::gen::inRange<char>(' ', '~' + 1));
  });
}

rc::Gen<std::string> GenImageTag(const Limits& limits) {
  return rc::gen::weightedOneOf<std::string>(
      {{8, rc::gen::element<std::string>("latest", "v1", "v2")},
       {1, GenFrom(*limits.image_tag, 20, kAlnum + "._-", kAlnum + "_")}});
}

rc::Gen<std::string> GenTagKey(const Limits& limits) {
  auto fresh = rc::gen::map(GenTagText(*limits.tag_key, 16), [](std::string key) {
    // The aws: prefix is reserved, in any case (UG ecr-public-using-tags).
    if (EqualsIgnoreCase(std::string_view(key).substr(0, 4), "aws:")) key = "k" + key;
    return key;
  });
  return rc::gen::weightedOneOf<std::string>({{8, rc::gen::element<std::string>("team", "env", "Env", "cost-centre")}, {1, fresh}});
}

rc::Gen<std::string> GenTagValue(const Limits& limits) { return GenTagText(*limits.tag_value, 12); }

rc::Gen<nlohmann::json> GenTags(const Limits& limits, int max) {
  return rc::gen::mapcat(rc::gen::inRange(1, max + 1), [&limits](int count) {
    return rc::gen::map(rc::gen::container<std::vector<std::pair<std::string, std::string>>>(
                            static_cast<size_t>(count), rc::gen::pair(GenTagKey(limits), GenTagValue(limits))),
                        [](std::vector<std::pair<std::string, std::string>> drawn) {
                          nlohmann::json tags = nlohmann::json::array();
                          std::set<std::string> keys;
                          for (auto& [k, v] : drawn) {
                            if (keys.insert(k).second) tags.push_back({{"Key", k}, {"Value", v}});
                          }
                          return tags;
                        });
  });
}

rc::Gen<nlohmann::json> GenCatalogData(const Limits& limits) {
  return rc::gen::apply(
      [](std::string description, std::vector<std::string> architectures, bool with_os, std::string about) {
        nlohmann::json c = nlohmann::json::object();
        if (!description.empty()) c["description"] = description;
        if (!architectures.empty()) c["architectures"] = architectures;
        if (with_os) c["operatingSystems"] = {"Linux"};
        if (!about.empty()) c["aboutText"] = about;
        return c;
      },
      GenText(*limits.description, 24),
      rc::gen::resize(2, rc::gen::unique<std::vector<std::string>>(rc::gen::element<std::string>("ARM", "ARM 64", "x86-64", "RISC-V"))),
      rc::gen::arbitrary<bool>(), GenText(*limits.description, 16));
}

rc::Gen<std::string> GenPolicy() {
  return rc::gen::apply(
      [](int sid, bool push) {
        nlohmann::json statement = {{"Sid", "s" + std::to_string(sid)},
                                    {"Effect", "Allow"},
                                    {"Principal", "*"},
                                    {"Action", push ? nlohmann::json{"ecr-public:BatchCheckLayerAvailability", "ecr-public:PutImage"}
                                                    : nlohmann::json("ecr-public:BatchCheckLayerAvailability")}};
        return nlohmann::json{{"Version", "2012-10-17"}, {"Statement", {statement}}}.dump();
      },
      rc::gen::inRange(0, 1000), rc::gen::arbitrary<bool>());
}

rc::Gen<std::string> GenBlobBytes() {
  return rc::gen::mapcat(rc::gen::inRange<size_t>(1, 65), [](size_t n) {
    return rc::gen::container<std::string>(n, rc::gen::arbitrary<char>());
  });
}

rc::Gen<Broken> GenBrokenNameSuffix(const Limits& limits) {
  int64_t too_long = limits.repository_name->max.value_or(205) + 1 - static_cast<int64_t>(kCasePrefixLength);
  return rc::gen::element(Broken{"Upper", codec::ViolationKind::kPattern}, Broken{"a--b", codec::ViolationKind::kPattern},
                          Broken{"a/", codec::ViolationKind::kPattern}, Broken{Repeat('a', too_long), codec::ViolationKind::kLength});
}

Broken BrokenTagKey(const Limits& limits) {
  return {Repeat('k', limits.tag_key->max.value_or(128) + 1), codec::ViolationKind::kLength};
}

Broken BrokenDisplayName(const Limits& limits) {
  return {Repeat('d', limits.display_name->max.value_or(100) + 1), codec::ViolationKind::kLength};
}

}  // namespace ecrc::prop
