// What several commands share: picking a repository from the model, digests, catalog data in the
// form the endpoint returns it.
#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <rapidcheck.h>

#include "base/sha256.h"
#include "properties/generators.h"
#include "properties/model.h"
#include "properties/step_call.h"

namespace ecrc::prop {

inline bool EndsWith(const std::string& s, const std::string& tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

inline std::string DigestOf(const std::string& bytes) { return "sha256:" + Sha256Hex(bytes); }

// A repository suffix: mostly one the model holds, else a fresh one (RepositoryNotFound paths).
inline rc::Gen<std::string> GenRepo(const Model& m) {
  std::vector<std::string> held;
  for (const auto& [suffix, repo] : m.repositories) held.push_back(suffix);
  if (held.empty()) return GenNameSuffix(*m.limits);
  return rc::gen::weightedOneOf<std::string>({{8, rc::gen::elementOf(held)}, {1, GenNameSuffix(*m.limits)}});
}

// 1..max distinct values of `gen` (duplicates drawn are dropped, so small pools never make
// generation fail).
template <typename T>
rc::Gen<std::vector<T>> GenSome(rc::Gen<T> gen, int max) {
  return rc::gen::map(rc::gen::resize(max, rc::gen::nonEmpty(rc::gen::container<std::vector<T>>(std::move(gen)))), [](std::vector<T> v) {
    std::vector<T> out;
    for (auto& x : v) {
      if (std::find(out.begin(), out.end(), x) == out.end()) out.push_back(std::move(x));
    }
    return out;
  });
}

// A well-formed digest no content has (with overwhelming likelihood).
inline rc::Gen<std::string> GenUnknownDigest() {
  return rc::gen::map(rc::gen::inRange(0, 1 << 30), [](int n) { return DigestOf("unknown-" + std::to_string(n)); });
}

// Hex keeps binary layer content printable in a reproduction file.
std::string ToHex(const std::string& bytes);
std::string FromHex(const std::string& hex);

// Catalog data as the endpoint returns it, for comparison: the input members only (logoUrl is
// the service's, marketplaceCertified is output-only).
nlohmann::json CatalogView(const nlohmann::json& catalog);
// Catalog candidates after a put of `given` (replace, or merge into each earlier candidate: U).
std::vector<nlohmann::json> CatalogAfterPut(const std::vector<nlohmann::json>& before, const nlohmann::json& given);

// Follows nextToken from `input` (with maxResults when `max_results` > 0) and returns the items
// under `key` of every page. Fails the step when an item comes twice (by its `id` member), when
// a page holds more than maxResults, or when pages go on past what `item_bound` items could fill
// (or more than three empty pages in a row still carry a nextToken).
std::vector<nlohmann::json> CollectPages(StepCall& call, const char* operation, nlohmann::json input, const char* key, const char* id,
                                         int max_results, size_t item_bound);

}  // namespace ecrc::prop
