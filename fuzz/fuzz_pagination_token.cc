// Fuzz target: a nextToken that is not byte-identical to one the server issued for this very
// operation and scope is refused with InvalidParameterException; an issued one yields exactly
// the next page of that listing. Never a crash, never items of another repository or of another
// operation's listing.
//
// Input: byte 0 picks the call (paginated operation × repository, including one that does not
// exist), byte 1 a real token from any listing, byte 2 maxResults (0: absent), byte 3 how the
// remaining bytes mutate the token: 0 keep, 1 xor, 2 replace, 3 truncate, 4 insert, 5 append,
// 6 send no token.
#include <cstdint>
#include <string>

#include "fuzz/check.h"
#include "fuzz/pagination_table.h"
#include "fuzz/reference_fixture.h"
#include "harness/codec/codec.h"

namespace ecrc::fuzz {
namespace {

using nlohmann::json;

std::string Mutate(std::string token, int mode, std::string_view bytes) {
  switch (mode) {
    case 0: return token;
    case 1:
      if (token.empty()) return token;
      for (size_t i = 0; i < bytes.size(); ++i) token[i % token.size()] = static_cast<char>(token[i % token.size()] ^ bytes[i]);
      return token;
    case 2: return std::string(bytes);
    case 3: return token.substr(0, bytes.empty() ? 0 : static_cast<uint8_t>(bytes[0]) % (token.size() + 1));
    case 4: {
      size_t at = bytes.empty() ? 0 : static_cast<uint8_t>(bytes[0]) % (token.size() + 1);
      return token.insert(at, bytes.substr(bytes.empty() ? 0 : 1));
    }
    default: return token + std::string(bytes);
  }
}

std::string ErrorCode(const HttpResponse& r) {
  const std::string* header = r.headers.Find("x-amzn-ErrorType");
  return header ? *header : std::string();
}

}  // namespace
}  // namespace ecrc::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace ecrc;
  using namespace ecrc::fuzz;
  static ReferenceFixture& fixture = ReferenceFixture::Shared();
  static const PaginationTable table = PaginationTable::Learn(fixture);
  if (size < 4) return 0;
  const PagedCall& call = table.calls[data[0] % table.calls.size()];
  const std::string& base = table.pool[data[1] % table.pool.size()];
  int64_t max_results = data[2];
  int mode = data[3] % 7;
  std::string_view bytes(reinterpret_cast<const char*>(data + 4), size - 4);

  const std::string& op_name = call.paginator->operation;
  const spec::Operation& op = *fixture.service().FindOperation(op_name);
  std::string token = Mutate(base, mode, bytes);
  HttpRequest request = codec::EncodeRequest(fixture.service(), op, PaginationTable::PageInput(call, mode == 6 ? nullptr : &token, max_results));
  // The token as the server reads it: bytes that are not UTF-8 were replaced when encoding.
  json sent = json::parse(request.body);
  std::optional<std::string> effective;
  if (sent.contains(call.paginator->input_token)) effective = sent[call.paginator->input_token].get<std::string>();

  HttpResponse response = fixture.server().Handle(request);
  auto what = [&] {  // only built when a check fails
    return op_name + "(" + call.repository + ") token '" + Excerpt(effective.value_or("(none)"), 120) + "' maxResults " +
           std::to_string(max_results) + " -> " + std::to_string(response.status) + " " + Excerpt(response.body, 300);
  };

  // Where the page must start: the first item, the item after a token this call issued, or
  // nowhere (the token must be refused).
  std::optional<size_t> start;
  if (!effective) {
    start = 0;
  } else {
    for (size_t i = 0; i < call.tokens.size(); ++i) {
      if (call.tokens[i] == *effective) start = i + 1;
    }
  }
  if (!call.exists && !effective) {
    ECRC_FUZZ_CHECK(response.status == 400 && ErrorCode(response) == "RepositoryNotFoundException", what());
    return 0;
  }
  if (!start) {
    ECRC_FUZZ_CHECK(response.status == 400 && ErrorCode(response) == "InvalidParameterException",
                    "a token this listing never issued is not refused: " + what());
    return 0;
  }
  ECRC_FUZZ_CHECK(response.status == 200, "an issued token is refused: " + what());
  json page = json::parse(response.body, nullptr, false);
  ECRC_FUZZ_CHECK(page.is_object(), what());
  size_t limit = max_results > 0 ? static_cast<size_t>(max_results) : 100;
  size_t end = std::min(call.items.size(), *start + limit);
  json expected = json::array();
  for (size_t i = *start; i < end; ++i) expected.push_back(call.items[i]);
  ECRC_FUZZ_CHECK(page[call.paginator->result_key] == expected,
                  "the page is not the next items of this listing: expected " + Excerpt(expected.dump(), 300) + " for " + what());
  if (end < call.items.size()) {
    ECRC_FUZZ_CHECK(page.contains(call.paginator->output_token) && page[call.paginator->output_token] == call.tokens[end - 1],
                    "the page does not end with the token of its last item: " + what());
  } else {
    ECRC_FUZZ_CHECK(!page.contains(call.paginator->output_token), "the last page has a nextToken: " + what());
  }
  return 0;
}
