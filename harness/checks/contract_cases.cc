#include "harness/checks/contract_cases.h"

#include <re2/re2.h>

#include <set>

#include "harness/checks/scenarios/steps.h"
#include "harness/codec/protocol_errors.h"
#include "harness/codec/sample.h"

namespace ecrc::check {
namespace {

using nlohmann::json;
using results::Severity;
using spec::Shape;
using spec::ShapeType;

// One step of a member path: a structure member, or the first item of a list.
struct Step {
  std::string member;  // empty for a list item
};

struct MemberPath {
  std::vector<Step> steps;
  std::vector<const Shape*> containers;  // the shape holding each step
  std::string text;                      // `catalogData.description`, `tags[0].Key`
};

// Places `value` at `path` inside `root`, creating parents as minimal samples.
json SetAt(json root, const MemberPath& path, const json& value) {
  json* at = &root;
  for (size_t i = 0; i < path.steps.size(); ++i) {
    bool last = i + 1 == path.steps.size();
    const Step& step = path.steps[i];
    if (step.member.empty()) {
      if (!at->is_array() || at->empty()) *at = json::array({json::object()});
      at = &(*at)[0];
    } else {
      if (!at->is_object()) *at = json::object();
      at = &(*at)[step.member];
    }
    if (last) *at = value;
  }
  return root;
}

json EraseAt(json root, const MemberPath& path) {
  json* at = &root;
  for (size_t i = 0; i + 1 < path.steps.size(); ++i) {
    const Step& step = path.steps[i];
    if (step.member.empty()) {
      if (!at->is_array() || at->empty()) *at = json::array({json::object()});
      at = &(*at)[0];
    } else {
      if (!at->is_object() || !at->contains(step.member)) (*at)[step.member] = json::object();
      at = &(*at)[step.member];
    }
  }
  if (at->is_object()) at->erase(path.steps.back().member);
  return root;
}

// A string of `length` characters that fails `shape.pattern` wherever it is searched, so the
// violation holds whether the server anchors the pattern or not (fact sheet §2.2, U).
std::optional<std::string> NonMatching(const Shape& shape, int64_t length) {
  for (char c : {'A', '!', ' ', '#'}) {
    std::string s(static_cast<size_t>(std::max<int64_t>(length, 1)), c);
    if (!RE2::PartialMatch(s, *shape.regex)) return s;
  }
  return std::nullopt;
}

// A string of `length` characters satisfying the pattern but not the length bounds.
std::optional<std::string> PatternOnly(const Shape& shape, int64_t length) {
  Shape unbounded = shape;
  unbounded.min.reset();
  unbounded.max.reset();
  return codec::SampleString(unbounded, length);
}

// A JSON value of another type than `shape` wants, as SDK-less clients get wrong: a string for a
// number or boolean, a number for a string or blob, an object for a list, a list for a structure
// or map. nullopt for kinds AWS's binder may coerce (timestamps accept several forms).
std::optional<json> WrongJsonTypeValue(const Shape& shape) {
  switch (shape.type) {
    case ShapeType::kString: return json(5);
    case ShapeType::kBlob: return json(5);
    case ShapeType::kInteger:
    case ShapeType::kLong: return json("5");
    case ShapeType::kFloat:
    case ShapeType::kDouble: return json("1.5");
    case ShapeType::kBoolean: return json("true");
    case ShapeType::kList: return json::object();
    case ShapeType::kStructure:
    case ShapeType::kMap: return json::array();
    case ShapeType::kTimestamp: return std::nullopt;
  }
  return std::nullopt;
}

class Generator {
 public:
  Generator(const spec::Service& service, const spec::Semantics& semantics, const ContractOptions& options)
      : service_(service), semantics_(semantics), options_(options) {}

  ContractPlan Run() {
    for (const auto& [name, op] : service_.operations()) Operation(op);
    plan_.constraints.assign(constraints_.begin(), constraints_.end());
    return std::move(plan_);
  }

 private:
  void Operation(const spec::Operation& op) {
    auto minimal = codec::SampleValue(*op.input);
    auto maximal = codec::SampleValue(*op.input, {.maximal = true});
    if (!minimal.ok() || !maximal.ok()) return;  // no sample: reported by the codec tests, not here
    minimal_ = *minimal;
    MinimalCall(op, *minimal);
    MaximalCall(op, *maximal);
    MemberPath root;
    Walk(op, *op.input, root, 0);
  }

  // MinimalCall, MaximalCall, RequiredMember, WrongJsonType and ConstraintViolation each add the
  // cases of the contract checks named after them, `<name in snake_case>_<verdict>`: RequiredMember
  // adds required_member_rejected and required_member_error_code.

  void MinimalCall(const spec::Operation& op, const json& input) {
    Add(op, op.name + ".minimal", input, "", "",
        {{"minimal_call_accepted", "minimal_call", "A call with only the required members succeeds or fails with a declared error",
          Severity::kError, "operations." + op.name + ".input", Expectation::SuccessOrDeclared()}});
  }

  void MaximalCall(const spec::Operation& op, const json& input) {
    Add(op, op.name + ".maximal", input, "", "",
        {{"maximal_call_accepted", "maximal_call", "A call with every member at its upper bound succeeds or fails with a declared error",
          Severity::kError, "operations." + op.name + ".input", Expectation::SuccessOrDeclared()}});
  }

  void Walk(const spec::Operation& op, const Shape& shape, const MemberPath& path, int depth) {
    if (depth > 6) return;
    if (shape.type == ShapeType::kStructure) {
      for (const auto& m : shape.members) {
        MemberPath child = path;
        child.steps.push_back({m.name});
        child.containers.push_back(&shape);
        child.text += (child.text.empty() ? "" : ".") + m.name;
        if (m.required) RequiredMember(op, child, shape, m);
        WrongJsonType(op, *m.shape, child);
        ConstraintViolation(op, *m.shape, child);
        Walk(op, *m.shape, child, depth + 1);
      }
    } else if (shape.type == ShapeType::kList) {
      MemberPath item = path;
      item.steps.push_back({""});
      item.containers.push_back(&shape);
      item.text += "[0]";
      WrongJsonType(op, *shape.member, item);
      ConstraintViolation(op, *shape.member, item);
      Walk(op, *shape.member, item, depth + 1);
    }
  }

  void RequiredMember(const spec::Operation& op, const MemberPath& path, const Shape& container, const spec::Member& m) {
    json input = EraseAt(minimal_, path);
    std::string source = "shapes." + container.name + ".required";
    Add(op, op.name + "." + path.text + ".required", input, path.steps.front().member, "",
        {{"required_member_rejected", "required", "Omitting a required member is rejected with a client error", Severity::kError,
          source, Expectation::ClientError()},
         ValidationCode(path, "required_member_error_code", "required",
                        "Omitting a required member yields InvalidParameterException (fact sheet §2.2: U)")});
  }

  // One member of another JSON type than the model's, the rest a minimal valid input. AWS's JSON
  // front end refuses it before validating anything: 400 SerializationException (fact sheet §2.2,
  // E). Success or a 5xx is outside every reading (error); another client error, such as
  // InvalidParameterException, is the less likely reading (warning).
  void WrongJsonType(const spec::Operation& op, const Shape& shape, const MemberPath& path) {
    std::optional<json> wrong = WrongJsonTypeValue(shape);
    if (!wrong) return;
    std::string source = "shapes." + shape.name + " (" + spec::ShapeTypeName(shape.type) + "); " + steps::FactSheet("§2.2 (E: wrong JSON type)");
    Add(op, op.name + "." + path.text + ".type", SetAt(minimal_, path, *wrong), path.steps.front().member, "",
        {{"wrong_json_type_rejected", "type", "A member of the wrong JSON type is rejected with a client error, never served",
          Severity::kError, source, Expectation::ClientError()},
         {"wrong_json_type_error_code", "type", "A member of the wrong JSON type yields 400 SerializationException",
          Severity::kWarning, source, Expectation::ErrorCode({codec::kSerialization})}});
  }

  // One violation per trait of `shape` (and the traits it could not violate, as gaps).
  void ConstraintViolation(const spec::Operation& op, const Shape& shape, const MemberPath& path) {
    auto emit = [&](const std::string& trait, std::optional<json> value, const std::string& why_not) {
      std::string key = "shapes." + shape.name + "." + trait;
      constraints_.insert(key);
      if (!value) {
        plan_.not_generated.emplace_back(key + " via " + op.name + "." + path.text, why_not);
        return;
      }
      Add(op, op.name + "." + path.text + "." + trait, SetAt(minimal_, path, *value), path.steps.front().member, key,
          {{"constraint_violation_rejected", "constraint", "A value breaking one constraint is rejected with a client error",
            Severity::kError, key, Expectation::ClientError()},
           ValidationCode(path, "constraint_violation_error_code", "constraint",
                          "A constraint violation yields InvalidParameterException (fact sheet §2.2: E)")});
    };
    const int64_t cap = options_.max_request_bytes;
    switch (shape.type) {
      case ShapeType::kString:
        if (shape.min && *shape.min > 0) {
          auto s = PatternOnly(shape, *shape.min - 1);
          emit("min", s ? std::optional<json>(*s) : std::nullopt, "no string of that length satisfies the pattern");
        }
        if (shape.max) {
          if (*shape.max + 1 > cap) emit("max", std::nullopt, "needs a request larger than the size cap");
          else {
            auto s = PatternOnly(shape, *shape.max + 1);
            emit("max", s ? std::optional<json>(*s) : std::nullopt, "no string of that length satisfies the pattern");
          }
        }
        if (shape.regex) {
          auto s = NonMatching(shape, std::max<int64_t>(shape.min.value_or(1), 1));
          emit("pattern", s ? std::optional<json>(*s) : std::nullopt, "no candidate string fails the pattern");
        }
        if (!shape.enum_values.empty()) emit("enum", json("NOT_A_MODELLED_VALUE"), "");
        break;
      case ShapeType::kBlob:
        if (shape.min && *shape.min > 0) emit("min", codec::BlobValue(std::string(*shape.min - 1, 'x')), "");
        if (shape.max) {
          if ((*shape.max + 1) * 4 / 3 > cap) emit("max", std::nullopt, "needs a request larger than the size cap");
          else emit("max", codec::BlobValue(std::string(*shape.max + 1, 'x')), "");
        }
        break;
      case ShapeType::kInteger:
      case ShapeType::kLong:
        if (shape.min) emit("min", json(*shape.min - 1), "");
        if (shape.max) emit("max", json(*shape.max + 1), "");
        break;
      case ShapeType::kList: {
        auto item = codec::SampleValue(*shape.member);
        if (!item.ok()) break;
        if (shape.min && *shape.min > 0) emit("min", json(std::vector<json>(*shape.min - 1, *item)), "");
        if (shape.max) emit("max", json(std::vector<json>(*shape.max + 1, *item)), "");
        break;
      }
      default: break;
    }
  }

  Evaluation ValidationCode(const MemberPath& path, const char* check, const char* category, const char* title) {
    std::vector<std::string> codes = semantics_.validation_error_codes();
    auto extra = semantics_.validation_also_accepted().find(path.steps.front().member);
    if (extra != semantics_.validation_also_accepted().end()) codes.insert(codes.end(), extra->second.begin(), extra->second.end());
    // E/U facts are warnings: the suite says so rather than guessing hard.
    return {check, category, title, Severity::kWarning, semantics_.validation_source(), Expectation::ErrorCode(codes)};
  }

  void Add(const spec::Operation& op, std::string id, json input, std::string member, std::string constraint,
           std::vector<Evaluation> evaluations) {
    plan_.cases.push_back({std::move(id), &op, std::move(input), std::move(member), std::move(constraint), std::move(evaluations)});
  }

  const spec::Service& service_;
  const spec::Semantics& semantics_;
  const ContractOptions& options_;
  json minimal_;
  ContractPlan plan_;
  std::set<std::string> constraints_;
};

}  // namespace

ContractPlan GenerateContractCases(const spec::Service& service, const spec::Semantics& semantics, const ContractOptions& options) {
  return Generator(service, semantics, options).Run();
}

}  // namespace ecrc::check
