// Seeds of fuzz_error_decoding (format: its header): every error the model declares, named by
// header alone and by `__type` alone, then the spellings the decoder's precedence and
// sanitising rules are about (namespaced and URI-suffixed codes, `code` beside `__type`, two
// headers, bodies that are not JSON, no operation).
#include <map>
#include <string>

#include "fuzz/check.h"
#include "fuzz/seeds.h"

namespace ecrc::fuzz {

void SeedErrorDecoding(const SeedSink& add) {
  using nlohmann::json;
  EmbeddedModel model;
  std::map<std::string, const spec::Operation*> declarer;
  for (const auto* op : model.operations) {
    for (const auto* e : op->errors) declarer.emplace(e->name, op);
  }
  for (const auto& [error, op] : declarer) {
    add(error + ".header_only", op->name + "\nX-Amzn-ErrorType: " + error + "\n\n");
    add(error + ".type_only.json", op->name + "\n\n" + json({{"__type", error}, {"message", "seed message"}}).dump());
  }
  const std::string op = "DescribeImages";
  const std::string e = "RepositoryNotFoundException";
  const std::string uri = ":http://internal.amazon.com/coral/com.amazon.coral.validate/";
  auto seed = [&](const std::string& name, const std::string& headers, const std::string& body) {
    add(name, op + "\n" + headers + "\n" + body);
  };
  seed("header_namespaced_uri", "X-Amzn-ErrorType: com.amazonaws.ecrpublic#" + e + uri + "\n", "{}");
  seed("header_uri_only", "X-Amzn-ErrorType: " + e + uri + "\n", "{}");
  seed("header_lowercase_name", "x-amzn-errortype: " + e + "\n", "{}");
  seed("header_empty_then_type", "X-Amzn-ErrorType: \n", json({{"__type", e}}).dump());
  seed("two_headers", "X-Amzn-ErrorType: " + e + "\nX-Amzn-ErrorType: ThrottlingException\n", "{}");
  seed("header_and_body_disagree", "X-Amzn-ErrorType: " + e + "\n", json({{"__type", "ServerException"}}).dump());
  seed("type_namespaced.json", "", json({{"__type", "aws.ecr#" + e}}).dump());
  seed("type_namespaced_uri.json", "", json({{"__type", "aws.ecr#" + e + uri}, {"message", "m"}}).dump());
  seed("code_member.json", "", json({{"code", e}}).dump());
  seed("code_and_type.json", "", json({{"code", e}, {"__type", "ServerException"}}).dump());
  seed("code_not_string.json", "", json({{"code", 404}, {"__type", e}}).dump());
  seed("hash_twice.json", "", json({{"__type", "a#b#" + e}}).dump());
  seed("colon_before_hash.json", "", json({{"__type", "ns:x#" + e}}).dump());
  seed("message_capitalised.json", "", json({{"__type", e}, {"Message", "M"}}).dump());
  seed("error_message.json", "", json({{"__type", e}, {"errorMessage", "em"}}).dump());
  seed("no_type.json", "", json({{"message", "nothing says what"}}).dump());
  seed("not_json", "", "<html><body>502 Bad Gateway</body></html>");
  seed("empty_body", "", "");
  seed("protocol_throttling.json", "", json({{"__type", "ThrottlingException"}}).dump());
  seed("undeclared.json", "", json({{"__type", "RepositoryNotEmptyException"}}).dump());
  seed("other_headers", "Content-Type: application/x-amz-json-1.1\nx-amzn-RequestId: 1\n", json({{"__type", e}}).dump());
  add("no_operation.json", "\n\n" + json({{"__type", e}}).dump());
}

}  // namespace ecrc::fuzz
