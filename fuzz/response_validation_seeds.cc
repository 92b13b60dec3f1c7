// Seeds of fuzz_response_validation (format: its header): for every operation a minimal and a
// maximal sample output and the reference server's real answer, and broken bodies (empty, not
// JSON, truncated, unknown, mistyped and missing members) on DescribeImages, whose output nests
// lists and structures.
#include <map>
#include <string>

#include "fuzz/check.h"
#include "fuzz/seeds.h"

namespace ecrc::fuzz {

void SeedResponseValidation(const SeedSink& add) {
  using nlohmann::json;
  EmbeddedModel model;
  const auto& ops = model.operations;
  const std::map<std::string, std::string> reference_answers = ReferenceDispatchAnswers();
  for (size_t i = 0; i < ops.size(); ++i) {
    const spec::Operation& op = *ops[i];
    std::string op_byte(1, model.SelectorFor(i));
    add(op.name + ".minimal.json", op_byte + SampleWire(*op.output, false).dump());
    add(op.name + ".maximal.json", op_byte + SampleWire(*op.output, true).dump(1));
    if (auto it = reference_answers.find(op.name); it != reference_answers.end()) {
      add(op.name + ".reference.json", op_byte + it->second);
    }
  }
  // Broken bodies, on an operation with nested lists and structures.
  size_t index = 0;
  while (ops[index]->name != "DescribeImages") ++index;
  std::string b(1, model.SelectorFor(index));
  json maximal = SampleWire(*ops[index]->output, true);
  add("DescribeImages.empty_body", b);
  add("DescribeImages.not_json", b + "<html>503 Service Unavailable</html>");
  add("DescribeImages.array_body", b + "[]");
  add("DescribeImages.truncated.json", b + maximal.dump().substr(0, 60));
  json unknown = maximal;
  unknown["imageDetails"][0]["unexpected.member"] = {{"a", 1}};
  unknown["x[0]"] = nullptr;
  add("DescribeImages.unknown_members.json", b + unknown.dump());
  json wrong = maximal;
  wrong["imageDetails"][0]["imagePushedAt"] = "2024-01-01T00:00:00Z";
  wrong["imageDetails"][0]["imageSizeInBytes"] = 1.5;
  wrong["imageDetails"][0]["imageTags"] = {nullptr, 7};
  wrong["nextToken"] = json::array();
  add("DescribeImages.wrong_types.json", b + wrong.dump());
  json missing = maximal;
  missing["imageDetails"][0].erase("imageDigest");
  add("DescribeImages.missing_members.json", b + missing.dump());
}

}  // namespace ecrc::fuzz
