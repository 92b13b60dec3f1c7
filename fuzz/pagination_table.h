// The pagination facts of the reference fixture: for each paginated operation and scope, the
// full listing and the nextToken issued after each item, learnt by paging one item at a time.
// Shared by the pagination fuzz target and the seed generator, which must agree on indices.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "fuzz/reference_fixture.h"

namespace ecrc::fuzz {

struct PagedCall {
  const spec::Paginator* paginator = nullptr;
  std::string repository;  // empty for registry-wide listings
  bool exists = true;      // false: a repository the fixture does not have
  std::vector<nlohmann::json> items;  // the whole listing, in order
  std::vector<std::string> tokens;    // tokens[i]: the token issued after items[i]
};

struct PaginationTable {
  std::vector<PagedCall> calls;    // every paginated operation × scope, in model order
  std::vector<std::string> pool;   // every token of every call, in call order

  // Walks every listing of `fixture` (which it does not change).
  static PaginationTable Learn(ReferenceFixture& fixture);
  // The input of one page request.
  static nlohmann::json PageInput(const PagedCall& call, const std::string* token, int64_t max_results);
};

}  // namespace ecrc::fuzz
