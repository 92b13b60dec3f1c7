#include "base/json_read.h"

#include <gtest/gtest.h>

namespace ecrc::jr {
namespace {

// Every kind of value a hostile endpoint can put where an object, list, string or number belongs.
std::vector<json> AnyValues() {
  return {json(), json(true), json(5), json(-5), json(1.5), json(1e300), json(18446744073709551615ull), json("s"),
          json::array({1, "x"}), json::object({{"k", 1}}), json::binary({1, 2})};
}

TEST(JsonRead, NeverThrowsOnAnyType) {
  for (const json& v : AnyValues()) {
    EXPECT_NO_THROW({
      (void)Member(v, "k");
      (void)Element(v, 0);
      (void)List(v).size();
      (void)Object(v).size();
      (void)OptString(v);
      (void)String(v);
      (void)Int(v);
      (void)Number(v);
      (void)Bool(v);
      (void)StringAt(v, "k");
      (void)IntAt(v, "k");
      (void)Dump(v);
      (void)TypeName(v);
    }) << v.type_name();
  }
}

TEST(JsonRead, ReadsTheRightTypes) {
  json doc = json::parse(R"({"s":"text","i":42,"f":2.5,"b":false,"l":[1,2],"o":{"x":"y"},"n":null})");
  EXPECT_EQ(StringAt(doc, "s"), "text");
  EXPECT_EQ(IntAt(doc, "i"), 42);
  EXPECT_EQ(Number(Member(doc, "f")), 2.5);
  EXPECT_EQ(Bool(Member(doc, "b")), false);
  EXPECT_EQ(List(Member(doc, "l")).size(), 2u);
  EXPECT_EQ(Element(Member(doc, "l"), 1), 2);
  EXPECT_EQ(StringAt(Member(doc, "o"), "x"), "y");
}

TEST(JsonRead, WrongTypesAndMissingMembersReadAsEmpty) {
  json doc = json::parse(R"({"s":5,"i":"42","f":2.5,"l":{"a":1},"o":[1],"n":null})");
  EXPECT_EQ(StringAt(doc, "s", "fallback"), "fallback");
  EXPECT_EQ(OptString(Member(doc, "s")), std::nullopt);
  EXPECT_EQ(IntAt(doc, "i"), std::nullopt);
  EXPECT_EQ(IntAt(doc, "f"), std::nullopt) << "a float is not an integer";
  EXPECT_TRUE(List(Member(doc, "l")).empty());
  EXPECT_TRUE(Object(Member(doc, "o")).empty());
  EXPECT_TRUE(Member(doc, "missing").is_null());
  EXPECT_TRUE(Member(Member(doc, "n"), "deeper").is_null());
  EXPECT_TRUE(Element(Member(doc, "l"), 0).is_null());
  EXPECT_TRUE(Element(Member(doc, "o"), 7).is_null());
}

TEST(JsonRead, IntegersOutsideInt64AreNotIntegers) {
  EXPECT_EQ(Int(json(18446744073709551615ull)), std::nullopt);
  EXPECT_EQ(Int(json(9223372036854775807ll)), 9223372036854775807ll);
  EXPECT_EQ(Int(json(-9223372036854775807ll - 1)), -9223372036854775807ll - 1);
}

TEST(JsonRead, DumpReplacesInvalidUtf8) {
  json doc = {{"m", std::string("bad \xff\xfe text")}};
  EXPECT_THROW((void)doc.dump(), json::type_error) << "the reason Dump exists";
  EXPECT_EQ(Dump(doc), "{\"m\":\"bad \xEF\xBF\xBD\xEF\xBF\xBD text\"}");
}

}  // namespace
}  // namespace ecrc::jr
