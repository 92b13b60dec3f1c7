#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>

#include <functional>
#include <map>
#include <set>

#include "base/utf8.h"
#include "harness/codec/codec.h"
#include "harness/codec/validator.h"
#include "sdk/case_catalog.h"
#include "sdk/case_inputs.h"
#include "sdk/error_vectors.h"
#include "sdk/output_compare.h"
#include "sdk/output_values.h"
#include "sdk/paginator_vectors.h"
#include "sdk/resilience_vectors.h"

namespace ecrc::sdk {
namespace {

using nlohmann::json;
using spec::Shape;
using spec::ShapeType;

const spec::Service& Ecr() {
  static const auto service = spec::Service::Embedded();
  return *service;
}

const std::vector<SdkCase>& Cases() {
  static const std::vector<SdkCase> cases = [] {
    auto all = AllCases(Ecr());
    EXPECT_TRUE(all.ok()) << all.status().message();
    return all.ok() ? all.value() : std::vector<SdkCase>{};
  }();
  return cases;
}

std::string Describe(const codec::Violations& violations) {
  std::string out;
  for (const auto& v : violations) out += v.ToString() + "\n";
  return out;
}

const spec::Operation& Op(const SdkCase& c) {
  const spec::Operation* op = Ecr().FindOperation(c.operation);
  EXPECT_NE(op, nullptr) << c.id;
  return *op;
}

// Calls `visit(path, member, value)` for every structure member present in `wire`.
void ForEachMember(const Shape& shape, const json& wire, const std::string& path,
                   const std::function<void(const std::string&, const spec::Member&, const json&)>& visit) {
  switch (shape.type) {
    case ShapeType::kStructure:
      if (!wire.is_object()) return;
      for (const auto& m : shape.members) {
        auto it = wire.find(m.name);
        if (it == wire.end()) continue;
        std::string member_path = path.empty() ? m.name : path + "." + m.name;
        visit(member_path, m, *it);
        if (!it->is_null()) ForEachMember(*m.shape, *it, member_path, visit);
      }
      return;
    case ShapeType::kList:
      if (!wire.is_array()) return;
      for (const auto& item : wire) ForEachMember(*shape.member, item, path + "[]", visit);
      return;
    case ShapeType::kMap:
      if (!wire.is_object()) return;
      for (const auto& [key, item] : wire.items()) ForEachMember(*shape.value, item, path + "{}", visit);
      return;
    default: return;
  }
}

// Every member path below `shape` ("imageIds[].imageTag"), recursion cut at the first repeat.
void MemberPaths(const Shape& shape, const std::string& path, std::set<const Shape*>& open, std::set<std::string>& out) {
  if (!open.insert(&shape).second) return;
  for (const auto& m : shape.members) {
    std::string member_path = path.empty() ? m.name : path + "." + m.name;
    out.insert(member_path);
    MemberPaths(*m.shape, member_path, open, out);
  }
  if (shape.member) MemberPaths(*shape.member, path + "[]", open, out);
  if (shape.value) MemberPaths(*shape.value, path + "{}", open, out);
  open.erase(&shape);
}

std::map<std::string, int> CountBy(const std::function<std::string(const SdkCase&)>& key) {
  std::map<std::string, int> out;
  for (const auto& c : Cases()) ++out[key(c)];
  return out;
}

TEST(VectorCases, IdsAreUniqueAndStable) {
  ASSERT_FALSE(Cases().empty());
  std::set<std::string> ids;
  for (const auto& c : Cases()) EXPECT_TRUE(ids.insert(c.id).second) << "duplicate id " << c.id;

  // A second generation gives the same cases, byte for byte, in the same order.
  auto again = AllCases(Ecr());
  ASSERT_TRUE(again.ok());
  ASSERT_EQ(again->size(), Cases().size());
  for (size_t i = 0; i < Cases().size(); ++i) {
    const SdkCase& a = Cases()[i];
    const SdkCase& b = (*again)[i];
    EXPECT_EQ(a.id, b.id);
    EXPECT_EQ(a.ToDriverJson(), b.ToDriverJson()) << a.id;
    ASSERT_EQ(a.responses.size(), b.responses.size()) << a.id;
    for (size_t r = 0; r < a.responses.size(); ++r) {
      EXPECT_EQ(a.responses[r].body, b.responses[r].body) << a.id;
      EXPECT_EQ(a.responses[r].headers.entries, b.responses[r].headers.entries) << a.id;
    }
  }
  for (const char* id : {"DescribeImages.max", "DescribeImages.min", "DescribeImages.unknown_members", "DescribeImages.nulls",
                         "DescribeImages.fractional_timestamps", "DescribeImages.empty_collections",
                         "DescribeImages.RepositoryNotFoundException.namespaced_type", "retry.throttling",
                         "retry.unavailable", "resilience.proxy_502", "resilience.truncated_body",
                         "resilience.empty_body_error", "paginator.DescribeImages"}) {
    EXPECT_TRUE(ids.count(id)) << id;
  }
}

TEST(VectorCases, FamiliesComeInCatalogOrder) {
  const std::vector<std::string> order = {"output", "error", "retry", "resilience", "paginator", "workflow"};
  size_t rank = 0;
  for (const auto& c : Cases()) {
    while (rank < order.size() && order[rank] != c.category) ++rank;
    ASSERT_LT(rank, order.size()) << c.id << " (" << c.category << ") out of order";
  }
}

TEST(VectorCases, EveryCaseIsComplete) {
  for (const auto& c : Cases()) {
    EXPECT_FALSE(c.documentation.empty()) << c.id;
    EXPECT_FALSE(c.source.empty()) << c.id;
    EXPECT_FALSE(c.vector.empty()) << c.id;
    // Only the workflow is answered by the reference itself; every generated case by the judge.
    EXPECT_EQ(c.responses.empty(), c.category == "workflow") << c.id;
    std::set<std::string> request_ids;
    for (const auto& r : c.responses) {
      const std::string* id = r.headers.Find("x-amzn-RequestId");
      ASSERT_NE(id, nullptr) << c.id;
      EXPECT_EQ(id->size(), 36u) << c.id;
      request_ids.insert(*id);
      EXPECT_TRUE(IsValidUtf8(r.body)) << c.id;
    }
    EXPECT_EQ(request_ids.size(), c.responses.size()) << c.id << ": one request id per response";
  }
}

TEST(VectorCases, WorkflowCallsEveryOperation) {
  std::set<std::string> called;
  for (const auto& c : Cases()) {
    if (c.category == "workflow") called.insert(c.operation);
  }
  for (const auto& [name, op] : Ecr().operations()) EXPECT_TRUE(called.count(name)) << name;
}

TEST(VectorCases, EveryInputIsValid) {
  for (const auto& c : Cases()) {
    const spec::Operation& op = Op(c);
    ASSERT_TRUE(c.input.is_object()) << c.id;
    codec::Violations v = codec::Validate(*op.input, c.input);
    EXPECT_TRUE(v.empty()) << c.id << ":\n" << Describe(v);
    if (c.paginator) {
      const spec::Paginator* p = Ecr().FindPaginator(c.operation);
      ASSERT_NE(p, nullptr) << c.id;
      EXPECT_FALSE(c.input.contains(p->input_token)) << c.id;
      EXPECT_FALSE(c.input.contains(p->limit_key)) << c.id;
    }
    // Members the model documents as exclusive never travel together.
    for (const auto& [member, sibling] : ExclusiveMembers(*op.input)) {
      EXPECT_FALSE(c.input.contains(member) && c.input.contains(sibling)) << c.id << ": " << member << " with " << sibling;
    }
  }
}

TEST(VectorCases, EveryInputMemberIsSentBySomeCase) {
  std::set<std::string> wanted;
  for (const auto& [name, op] : Ecr().operations()) {
    std::set<const Shape*> open;
    std::set<std::string> paths;
    MemberPaths(*op.input, "", open, paths);
    for (const auto& p : paths) wanted.insert(name + "." + p);
  }
  std::set<std::string> sent;
  for (const auto& c : Cases()) {
    ForEachMember(*Op(c).input, c.input, "", [&](const std::string& path, const spec::Member&, const json&) {
      sent.insert(c.operation + "." + path);
    });
  }
  std::vector<std::string> missing;
  for (const auto& w : wanted) {
    if (!sent.count(w)) missing.push_back(w);
  }
  for (const auto& m : missing) std::cout << "input member never sent: " << m << "\n";
  EXPECT_TRUE(missing.empty()) << missing.size() << " input members are sent by no case";
  EXPECT_GT(wanted.size(), 60u);  // nested members counted, not only the top level
}

TEST(VectorCases, ExclusiveMembersComeFromTheDocumentation) {
  const spec::Operation* describe_images = Ecr().FindOperation("DescribeImages");
  ASSERT_NE(describe_images, nullptr);
  auto pairs = ExclusiveMembers(*describe_images->input);
  std::set<std::pair<std::string, std::string>> got(pairs.begin(), pairs.end());
  EXPECT_EQ(got, (std::set<std::pair<std::string, std::string>>{{"nextToken", "imageIds"}, {"maxResults", "imageIds"}}));
  // DescribeImageTags' documentation names imageIds, which its input does not have.
  EXPECT_TRUE(ExclusiveMembers(*Ecr().FindOperation("DescribeImageTags")->input).empty());

  auto inputs = MaximalInput(*describe_images);
  ASSERT_TRUE(inputs.ok());
  EXPECT_TRUE(inputs->input.contains("imageIds"));
  EXPECT_FALSE(inputs->input.contains("maxResults"));
  ASSERT_TRUE(inputs->other.has_value());
  EXPECT_TRUE(inputs->other->contains("maxResults"));
  EXPECT_TRUE(inputs->other->contains("nextToken"));
  EXPECT_FALSE(inputs->other->contains("imageIds"));
  // Identical image ids would be duplicates: the list keeps one.
  EXPECT_EQ(inputs->input["imageIds"].size(), 1u);
}

TEST(VectorCases, CountsFollowTheModel) {
  size_t ops = Ecr().operations().size();
  EXPECT_EQ(ops, 23u);
  size_t want_output = 0;
  size_t want_error = 0;
  for (const auto& [name, op] : Ecr().operations()) {
    want_output += 4 + HoldsTimestamp(*op.output) + HoldsCollection(*op.output) + !ExclusiveMembers(*op.input).empty();
    want_error += op.errors.size() * ErrorForms().size();
  }
  auto by_category = CountBy([](const SdkCase& c) { return c.category; });
  EXPECT_EQ(by_category["output"], static_cast<int>(want_output));
  EXPECT_EQ(by_category["error"], static_cast<int>(want_error));
  EXPECT_EQ(by_category["retry"], 2);
  EXPECT_EQ(by_category["resilience"], 3);
  EXPECT_EQ(by_category["paginator"], 4);
  EXPECT_EQ(Ecr().paginators().size(), 4u);
  EXPECT_EQ(by_category["workflow"], 26);

  auto by_vector = CountBy([](const SdkCase& c) { return c.category == "output" ? c.vector : std::string(); });
  for (const char* every : {"max", "min", "unknown_members", "nulls"}) EXPECT_EQ(by_vector[every], 23) << every;
  // Pinned for the embedded model, so a generator change that drops cases shows here.
  EXPECT_EQ(by_vector["fractional_timestamps"], 6);
  EXPECT_EQ(by_vector["empty_collections"], 10);
  EXPECT_EQ(by_vector["max_exclusive_members"], 2);  // DescribeImages, DescribeRepositories
  EXPECT_EQ(want_error, 118u * 5u);  // 118 declared errors over the 23 operations
  std::cout << "cases: output " << by_category["output"] << ", error " << by_category["error"] << ", retry "
            << by_category["retry"] << ", resilience " << by_category["resilience"] << ", paginator "
            << by_category["paginator"] << ", total " << Cases().size() << "\n";
}

TEST(VectorCases, OutputAnswersDecodeToTheExpectedOutput) {
  int checked = 0;
  for (const auto& c : Cases()) {
    if (c.expect != Expectation::kOutput || c.answered_by_reference()) continue;
    const spec::Operation& op = Op(c);
    ASSERT_EQ(c.responses.back().status, 200) << c.id;
    codec::DecodedResponse d = codec::DecodeResponse(Ecr(), op, c.responses.back());
    ASSERT_FALSE(d.is_error) << c.id;
    json decoded = codec::ValueToWire(*op.output, d.output);
    if (c.vector == "unknown_members") {
      ASSERT_FALSE(d.findings.empty()) << c.id;
      for (const auto& f : d.findings) {
        EXPECT_EQ(f.kind, codec::ViolationKind::kUnknownMember) << c.id << ": " << f.ToString();
        EXPECT_TRUE(f.path.ends_with(kUnknownMemberName)) << c.id << ": " << f.path;
      }
      EXPECT_NE(decoded, c.expected_output) << c.id << ": the unknown members were sent";
      decoded = ExpectedDecoding(*op.output, decoded);
    } else if (c.vector == "nulls") {
      EXPECT_TRUE(d.findings.empty()) << c.id << ":\n" << Describe(d.findings);
      decoded = ExpectedDecoding(*op.output, decoded);
    } else {
      EXPECT_TRUE(d.findings.empty()) << c.id << ":\n" << Describe(d.findings);
    }
    EXPECT_EQ(decoded, c.expected_output) << c.id;
    ++checked;
  }
  EXPECT_GT(checked, 100);
}

TEST(VectorCases, UnknownMembersReachEveryObject) {
  for (const auto& c : Cases()) {
    if (c.vector != "unknown_members") continue;
    json sent = json::parse(c.responses[0].body);
    EXPECT_EQ(sent[kUnknownMemberName], UnknownMemberValue()) << c.id;
    size_t unknown = 0;
    std::function<void(const json&)> count = [&](const json& v) {
      if (v.is_object()) {
        unknown += v.contains(kUnknownMemberName);
        for (const auto& [k, item] : v.items()) {
          if (k != kUnknownMemberName) count(item);
        }
      } else if (v.is_array()) {
        for (const auto& item : v) count(item);
      }
    };
    count(sent);
    size_t objects = 0;
    std::function<void(const json&)> count_objects = [&](const json& v) {
      if (v.is_object()) {
        ++objects;
        for (const auto& [k, item] : v.items()) count_objects(item);
      } else if (v.is_array()) {
        for (const auto& item : v) count_objects(item);
      }
    };
    // One per object of the max output, the top level included (outputs hold no maps, so every
    // object is a structure).
    count_objects(c.expected_output);
    EXPECT_EQ(unknown, objects) << c.id;
  }
}

TEST(VectorCases, NullsReachNestedLevels) {
  int nested_nulls = 0;
  for (const auto& c : Cases()) {
    if (c.vector != "nulls") continue;
    json sent = json::parse(c.responses[0].body);
    const spec::Operation& op = Op(c);
    ForEachMember(*op.output, sent, "", [&](const std::string& path, const spec::Member& m, const json& v) {
      if (v.is_null()) {
        EXPECT_FALSE(m.required) << c.id << ": required " << path << " sent as null";
        nested_nulls += path.find('.') != std::string::npos;
      }
    });
    // Every optional member of the max output is either null or holds a structure.
    ForEachMember(*op.output, c.expected_output, "", [&](const std::string& path, const spec::Member& m, const json&) {
      EXPECT_TRUE(m.required || m.shape->type == ShapeType::kStructure ||
                  (m.shape->type == ShapeType::kList && m.shape->member->type == ShapeType::kStructure))
          << c.id << ": " << path << " kept";
    });
  }
  EXPECT_GT(nested_nulls, 20);
}

TEST(VectorCases, MaxOutputsHoldEveryMemberAtBoundaries) {
  int non_ascii = 0;
  for (const auto& c : Cases()) {
    if (c.category != "output" || c.vector != "max") continue;
    const spec::Operation& op = Op(c);
    std::set<std::string> paths;
    ForEachMember(*op.output, c.expected_output, "", [&](const std::string& path, const spec::Member& m, const json& v) {
      paths.insert(path);
      const Shape& s = *m.shape;
      if (s.type == ShapeType::kList || s.type == ShapeType::kMap) {
        EXPECT_EQ(static_cast<int64_t>(v.size()), std::min<int64_t>(2, s.max.value_or(2))) << c.id << " " << path;
      }
      if (s.type == ShapeType::kString && s.enum_values.empty() && s.pattern.empty()) {
        int64_t want = std::max(std::min(s.max.value_or(kStringCap), kStringCap), s.min.value_or(0));
        EXPECT_EQ(static_cast<int64_t>(*Utf8Length(v.get<std::string>())), want) << c.id << " " << path;
        non_ascii += v.get<std::string>().find("😀") != std::string::npos;
      }
      if (s.type == ShapeType::kString && !s.enum_values.empty()) {
        EXPECT_EQ(v, s.enum_values.front()) << c.id << " " << path;
      }
      if (s.type == ShapeType::kLong) {
        EXPECT_EQ(v, std::min(s.max.value_or(kMaxSafeInteger), kMaxSafeInteger)) << path;
      }
      if (s.type == ShapeType::kBoolean) {
        EXPECT_EQ(v, true) << c.id << " " << path;
      }
      if (s.type == ShapeType::kTimestamp) {
        EXPECT_TRUE(v.is_number_integer()) << c.id << " " << path;
      }
    });
    std::set<const Shape*> open;
    std::set<std::string> all;
    MemberPaths(*op.output, "", open, all);
    EXPECT_EQ(paths, all) << c.id;
  }
  EXPECT_GT(non_ascii, 20);
}

TEST(VectorCases, MinOutputsHoldOnlyRequiredMembers) {
  for (const auto& c : Cases()) {
    if (c.category != "output" || c.vector != "min") continue;
    ForEachMember(*Op(c).output, c.expected_output, "", [&](const std::string& path, const spec::Member& m, const json&) {
      EXPECT_TRUE(m.required) << c.id << ": " << path;
    });
  }
  const SdkCase* registries = nullptr;
  for (const auto& c : Cases()) registries = c.id == "DescribeRegistries.min" ? &c : registries;
  ASSERT_NE(registries, nullptr);
  EXPECT_TRUE(registries->expected_output["registries"][0]["aliases"][0].contains("primaryRegistryAlias"));
}

TEST(VectorCases, FractionalTimestampsAndEmptyCollections) {
  for (const auto& c : Cases()) {
    const spec::Operation& op = Op(c);
    if (c.vector == "fractional_timestamps") {
      int fractions = 0;
      ForEachMember(*op.output, c.expected_output, "", [&](const std::string& path, const spec::Member& m, const json& v) {
        if (m.shape->type != ShapeType::kTimestamp) return;
        double t = v.get<double>();
        double millis = (t - static_cast<double>(static_cast<int64_t>(t))) * 1000;
        EXPECT_NE(millis, 0) << c.id << " " << path;
        EXPECT_EQ(millis, static_cast<double>(static_cast<int64_t>(millis))) << c.id << " " << path << ": milliseconds";
        ++fractions;
      });
      EXPECT_GT(fractions, 0) << c.id;
      EXPECT_NE(c.responses[0].body.find(".125"), std::string::npos) << c.id;
    }
    if (c.vector == "empty_collections") {
      int empties = 0;
      ForEachMember(*op.output, c.expected_output, "", [&](const std::string& path, const spec::Member& m, const json& v) {
        if (m.shape->type == ShapeType::kList || m.shape->type == ShapeType::kMap) {
          EXPECT_TRUE(v.empty()) << c.id << " " << path;
          ++empties;
        }
      });
      EXPECT_GT(empties, 0) << c.id;
    }
  }
}

TEST(VectorCases, ErrorAnswersDecodeToTheExpectedError) {
  std::map<std::string, int> forms;
  for (const auto& c : Cases()) {
    if (c.category != "error") continue;
    const spec::Operation& op = Op(c);
    ASSERT_EQ(c.expect, Expectation::kError) << c.id;
    ASSERT_EQ(c.responses.size(), 1u) << c.id;
    const HttpResponse& r = c.responses[0];
    const Shape* error = Ecr().FindShape(c.expected_error_code);
    ASSERT_NE(error, nullptr) << c.id;
    EXPECT_TRUE(op.DeclaresError(error->name)) << c.id;
    EXPECT_EQ(r.status, error->fault ? 500 : 400) << c.id;
    codec::DecodedResponse d = codec::DecodeResponse(Ecr(), op, r);
    ASSERT_TRUE(d.is_error) << c.id;
    EXPECT_EQ(d.error.code, c.expected_error_code) << c.id;
    EXPECT_EQ(d.error.error_class, codec::ErrorClass::kDeclared) << c.id;
    ASSERT_TRUE(d.error.message.has_value()) << c.id;
    EXPECT_EQ(*d.error.message, c.expected_error_message) << c.id;
    EXPECT_NE(c.expected_error_message.find("é"), std::string::npos) << c.id;
    EXPECT_EQ(d.error.source, c.vector == "header_only" ? "header" : "body:__type") << c.id;
    if (c.vector == "namespaced_type") {
      EXPECT_EQ(d.error.raw_type, "com.amazonaws.ecrpublic#" + error->name) << c.id;
    }
    if (c.vector == "url_suffix" || c.vector == "header_only") {
      EXPECT_EQ(d.error.raw_type, error->name + ":http://internal.amazon.com/coral/com.amazonaws.ecrpublic/") << c.id;
    }
    if (c.vector == "header_only") {
      EXPECT_FALSE(d.error.body.contains("__type")) << c.id;
    }
    if (c.vector == "capital_message") {
      EXPECT_TRUE(d.error.body.contains("Message")) << c.id;
    }
    ++forms[c.vector];
  }
  ASSERT_EQ(forms.size(), 5u);
  for (const auto& [form, n] : forms) EXPECT_EQ(n, forms.begin()->second) << form;
}

TEST(VectorCases, RetryAndResilienceAnswers) {
  const spec::Operation* op = ResilienceOperation(Ecr());
  ASSERT_NE(op, nullptr);
  for (const auto& m : op->input->members) EXPECT_FALSE(m.required) << op->name << "." << m.name;
  for (const auto& c : Cases()) {
    if (c.category == "retry") {
      EXPECT_EQ(c.operation, op->name);
      EXPECT_EQ(c.max_attempts, 3) << c.id;
      EXPECT_EQ(c.expected_requests, 2) << c.id;
      ASSERT_EQ(c.responses.size(), 2u) << c.id;
      codec::DecodedResponse first = codec::DecodeResponse(Ecr(), *op, c.responses[0]);
      ASSERT_TRUE(first.is_error) << c.id;
      EXPECT_EQ(first.error.code, c.id == "retry.throttling" ? "ThrottlingException" : "ServiceUnavailableException");
      EXPECT_EQ(c.responses[0].status, c.id == "retry.throttling" ? 400 : 503);
    }
    if (c.category == "resilience") {
      EXPECT_EQ(c.expect, Expectation::kFailure) << c.id;
      EXPECT_EQ(c.max_attempts, 1) << c.id;
      ASSERT_EQ(c.responses.size(), 1u) << c.id;
      codec::DecodedResponse d = codec::DecodeResponse(Ecr(), *op, c.responses[0]);
      if (c.vector == "truncated_body") {
        EXPECT_FALSE(d.is_error);
        EXPECT_FALSE(d.findings.empty()) << c.id << ": half a body must not parse";
        EXPECT_TRUE(json::parse(c.responses[0].body, nullptr, false).is_discarded());
      } else {
        EXPECT_TRUE(d.is_error) << c.id;
        EXPECT_TRUE(d.error.code.empty()) << c.id << ": no error type to read";
        EXPECT_TRUE(d.error.body.is_null()) << c.id;
      }
    }
  }
}

TEST(VectorCases, PaginatorPagesCarryVerbatimTokens) {
  int paginators = 0;
  for (const auto& c : Cases()) {
    if (c.category != "paginator") continue;
    ++paginators;
    EXPECT_TRUE(c.paginator);
    EXPECT_EQ(c.expect, Expectation::kPages);
    const spec::Operation& op = Op(c);
    const spec::Paginator* p = Ecr().FindPaginator(op.name);
    ASSERT_NE(p, nullptr);
    ASSERT_EQ(c.responses.size(), 3u);
    ASSERT_TRUE(c.expected_output.is_array());
    ASSERT_EQ(c.expected_output.size(), 3u);
    EXPECT_EQ(c.page_tokens, PageTokens());
    for (size_t i = 0; i < 3; ++i) {
      codec::DecodedResponse d = codec::DecodeResponse(Ecr(), op, c.responses[i]);
      ASSERT_FALSE(d.is_error) << c.id;
      EXPECT_TRUE(d.findings.empty()) << c.id << " page " << i << ":\n" << Describe(d.findings);
      json page = codec::ValueToWire(*op.output, d.output);
      EXPECT_EQ(page, c.expected_output[i]) << c.id << " page " << i;
      EXPECT_EQ(page[p->result_key].size(), 1u) << c.id;
      if (i < 2) {
        EXPECT_EQ(page[p->output_token], c.page_tokens[i]) << c.id;
      } else {
        EXPECT_FALSE(page.contains(p->output_token)) << c.id;
      }
    }
    EXPECT_NE(c.expected_output[0][p->result_key], c.expected_output[1][p->result_key]) << c.id << ": pages differ";
    EXPECT_NE(c.expected_output[1][p->result_key], c.expected_output[2][p->result_key]) << c.id << ": pages differ";
  }
  EXPECT_EQ(paginators, 4);
  for (const char* special : {"/", "+", "=", "é"}) {
    EXPECT_TRUE(PageTokens()[0].find(special) != std::string::npos || PageTokens()[1].find(special) != std::string::npos);
  }
}

TEST(VectorCases, DriverJsonAndCasesFile) {
  SdkCase c;
  c.id = "X.max";
  c.operation = "X";
  c.input = {{"a", 1}};
  EXPECT_EQ(c.ToDriverJson(), (json{{"id", "X.max"}, {"operation", "X"}, {"input", {{"a", 1}}}, {"max_attempts", 1}}));
  c.paginator = true;
  c.max_attempts = 3;
  EXPECT_EQ(c.ToDriverJson(), (json{{"id", "X.max"}, {"paginator", "X"}, {"input", {{"a", 1}}}, {"max_attempts", 3}}));
  EXPECT_STREQ(ExpectationName(Expectation::kOutput), "output");
  EXPECT_STREQ(ExpectationName(Expectation::kError), "error");
  EXPECT_STREQ(ExpectationName(Expectation::kFailure), "failure");
  EXPECT_STREQ(ExpectationName(Expectation::kPages), "pages");

  json file = CasesFileJson(Cases());
  ASSERT_EQ(file.size(), Cases().size());
  for (size_t i = 0; i < file.size(); ++i) EXPECT_EQ(file[i], Cases()[i].ToDriverJson());
}

// botocore is the SDK the suite ships a driver for first: every input must pass its client-side
// validation, and its serializer must put exactly the case's input on the wire.
TEST(VectorCases, InputsPassBotocoreValidation) {
  std::string path = "/tmp/ecrc_sdk_cases_" + std::to_string(::getpid()) + ".json";
  std::ofstream(path) << CasesFileJson(Cases()).dump();
  std::string command = std::string("'") + ECRC_PYTHON3_PATH + "' '" + ECRC_CASE_INPUTS_PY + "' '" + path + "' 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  ASSERT_NE(pipe, nullptr);
  std::string output;
  char buffer[4096];
  while (size_t n = fread(buffer, 1, sizeof buffer, pipe)) output.append(buffer, n);
  int status = pclose(pipe);
  std::remove(path.c_str());
  int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  if (code == 127 || code == 77) GTEST_SKIP() << "python3 or botocore missing: " << output;
  EXPECT_EQ(code, 0) << output;
  std::cout << output;
}

TEST(CaseSelection, GlobsSelectInCatalogOrder) {
  auto all = SelectCases(Cases(), {});
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->size(), Cases().size());

  auto images = SelectCases(Cases(), {"DescribeImages.*"});
  ASSERT_TRUE(images.ok());
  ASSERT_FALSE(images->empty());
  for (const auto& c : *images) EXPECT_TRUE(c.id.starts_with("DescribeImages.")) << c.id;

  auto some = SelectCases(Cases(), {"paginator.*", "retry.*", "DescribeImages.m?x"});
  ASSERT_TRUE(some.ok());
  std::vector<std::string> ids;
  for (const auto& c : *some) ids.push_back(c.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"DescribeImages.max", "retry.throttling", "retry.unavailable",
                                           "paginator.DescribeImageTags", "paginator.DescribeImages",
                                           "paginator.DescribeRegistries", "paginator.DescribeRepositories"}));

  auto overlapping = SelectCases(Cases(), {"retry.*", "retry.throttling"});
  ASSERT_TRUE(overlapping.ok());
  EXPECT_EQ(overlapping->size(), 2u) << "a case matched twice is selected once";
}

TEST(CaseSelection, AGlobMatchingNothingIsAnError) {
  auto none = SelectCases(Cases(), {"retry.*", "DescribeImagez.*"});
  ASSERT_FALSE(none.ok());
  EXPECT_NE(none.status().message().find("DescribeImagez.*"), std::string::npos) << none.status().message();
  EXPECT_FALSE(SelectCases(Cases(), {"retry"}).ok()) << "globs match whole ids";
}

}  // namespace
}  // namespace ecrc::sdk
