// Seeds of fuzz_pagination_token (format: its header): for every listing of the fixture, each
// token it issues kept as is and the first page; each listing given another listing's token;
// and each way of mutating a token, on DescribeImages of alpha.
#include <cstdint>
#include <string>
#include <vector>

#include "fuzz/pagination_table.h"
#include "fuzz/reference_fixture.h"
#include "fuzz/seeds.h"

namespace ecrc::fuzz {

void SeedPaginationToken(const SeedSink& add) {
  PaginationTable table = PaginationTable::Learn(ReferenceFixture::Shared());
  auto name_of = [&](size_t c) {
    const PagedCall& call = table.calls[c];
    return call.paginator->operation + (call.repository.empty() ? "" : "." + call.repository);
  };
  auto seed = [&](const std::string& name, size_t call, size_t token, int max_results, int mode, const std::string& bytes) {
    std::string data = {static_cast<char>(call), static_cast<char>(token), static_cast<char>(max_results), static_cast<char>(mode)};
    add(name, data + bytes);
  };
  size_t pooled = 0;
  std::vector<size_t> first_token(table.calls.size(), SIZE_MAX);
  for (size_t c = 0; c < table.calls.size(); ++c) {
    for (size_t k = 0; k < table.calls[c].tokens.size(); ++k, ++pooled) {
      if (k == 0) first_token[c] = pooled;
      seed(name_of(c) + ".token" + std::to_string(k) + ".keep", c, pooled, k % 2 ? 2 : 0, 0, "");
    }
    seed(name_of(c) + ".first_page", c, 0, 1, 6, "");
  }
  for (size_t c = 0; c < table.calls.size(); ++c) {
    // Another listing's token: the operation or the repository differs.
    size_t other = (c + 1) % table.calls.size();
    while (first_token[other] == SIZE_MAX) other = (other + 1) % table.calls.size();
    seed(name_of(c) + ".token_of_" + name_of(other), c, first_token[other], 0, 0, "");
  }
  size_t images = 0;
  while (name_of(images) != "DescribeImages.alpha") ++images;
  size_t t = first_token[images];
  seed("DescribeImages.alpha.xor_one_bit", images, t, 0, 1, std::string(1, '\x01'));
  seed("DescribeImages.alpha.replaced", images, t, 0, 2, "AQAAAAAAAAAAAAAAAAAAAAAA");
  seed("DescribeImages.alpha.truncated", images, t, 0, 3, std::string(1, '\x10'));
  seed("DescribeImages.alpha.inserted", images, t, 0, 4, std::string(1, '\x05') + "AA");
  seed("DescribeImages.alpha.appended", images, t, 0, 5, "A");
  seed("DescribeImages.alpha.not_utf8", images, t, 0, 5, "\xff\xfe");
}

}  // namespace ecrc::fuzz
