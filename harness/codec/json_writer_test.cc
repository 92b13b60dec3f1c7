// The fast body writer writes what nlohmann::json::dump() writes.
#include "harness/codec/json_writer.h"

#include <gtest/gtest.h>

namespace ecrc::codec {
namespace {

using nlohmann::json;

std::string Write(const json& v) {
  std::string out;
  AppendJson(v, out);
  return out;
}

TEST(JsonWriter, MatchesNlohmannDump) {
  for (const json& v : {json::parse(R"({"a":[1,-2,3.5,true,false,null,"x"],"b":{},"c":[],"é":"ünï\u0001\"\\/\n\t"})"),
                        json(1732696729.123), json(1700000000.0), json(0.1), json(1e300), json(-0.0),
                        json(std::numeric_limits<int64_t>::min()), json(std::numeric_limits<uint64_t>::max()),
                        json("\x7f control \b\f\r"), json::array({json::object()})}) {
    EXPECT_EQ(Write(v), v.dump()) << v.dump();
    EXPECT_EQ(json::parse(Write(v)), v);
  }
}

TEST(JsonWriter, ReplacesInvalidUtf8AsNlohmannDoes) {
  using E = json::error_handler_t;
  for (const char* s : {"\xff", "ok\xc3", "\xc0\x80", "\xed\xa0\x80x", "a\xf4\x90\x80\x80" "b", "\xe2\x28\xa1"}) {
    json v = {{"k", s}, {"l", {s, 1}}};
    EXPECT_EQ(Write(v), v.dump(-1, ' ', false, E::replace)) << s;
    EXPECT_FALSE(json::parse(Write(v), nullptr, false).is_discarded()) << s;
  }
}

TEST(JsonWriter, BinaryBecomesBase64) {
  EXPECT_EQ(Write(json::binary({'a', 'b', 'c'})), "\"YWJj\"");
}

}  // namespace
}  // namespace ecrc::codec
