// Learning the fixture's listings; see pagination_table.h.
#include "fuzz/pagination_table.h"

#include "fuzz/check.h"

namespace ecrc::fuzz {

using nlohmann::json;

json PaginationTable::PageInput(const PagedCall& call, const std::string* token, int64_t max_results) {
  json input = json::object();
  if (!call.repository.empty()) input["repositoryName"] = call.repository;
  if (token) input[call.paginator->input_token] = *token;
  if (max_results > 0) input[call.paginator->limit_key] = max_results;
  return input;
}

PaginationTable PaginationTable::Learn(ReferenceFixture& fixture) {
  PaginationTable table;
  const spec::Service& service = fixture.service();
  for (const auto& [name, paginator] : service.paginators()) {
    const spec::Operation* op = service.FindOperation(name);
    ECRC_FUZZ_CHECK(op != nullptr, "paginator for an unknown operation " + name);
    // Scope comes from the model: listings whose input requires a repository are per repository.
    const spec::Member* repo_member = op->input->FindMember("repositoryName");
    std::vector<std::pair<std::string, bool>> scopes;
    if (repo_member && repo_member->required) {
      for (const auto& r : ReferenceFixture::ImageRepositories()) scopes.emplace_back(r, true);
      scopes.emplace_back(ReferenceFixture::kMissingRepository, false);
    } else {
      scopes.emplace_back("", true);
    }
    for (const auto& [repository, exists] : scopes) {
      PagedCall call;
      call.paginator = &paginator;
      call.repository = repository;
      call.exists = exists;
      if (exists) {
        std::optional<std::string> token;
        size_t pages = 0;
        do {
          json page = fixture.CallOk(name, PageInput(call, token ? &*token : nullptr, 1));
          const json& items = page[paginator.result_key];
          ECRC_FUZZ_CHECK(items.is_array() && items.size() <= 1, name + ": a page of maxResults 1 holds " + items.dump());
          for (const auto& item : items) call.items.push_back(item);
          token.reset();
          if (page.contains(paginator.output_token)) {
            token = page[paginator.output_token].get<std::string>();
            call.tokens.push_back(*token);
          }
          // Pages, not items: a server may hand out empty pages with a nextToken forever.
          ECRC_FUZZ_CHECK(++pages < 10000, name + ": the listing does not end");
        } while (token);
        ECRC_FUZZ_CHECK(call.tokens.size() + 1 == call.items.size() || (call.items.empty() && call.tokens.empty()),
                        name + ": tokens and items do not pair up");
        for (const auto& t : call.tokens) table.pool.push_back(t);
      }
      table.calls.push_back(std::move(call));
    }
  }
  ECRC_FUZZ_CHECK(!table.pool.empty(), "the fixture's listings issue no tokens");
  return table;
}

}  // namespace ecrc::fuzz
