// ecr-conform's own semantics file (specs/ecr-public/semantics.json): the facts no model trait
// states — resources and how to create them, which members refer to them, which error each
// precondition yields, which declared errors cannot be provoked from outside.
#pragma once

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "specs/spec.h"

namespace ecrc::spec {

struct Resource {
  std::string name;               // "repository"
  std::string identifier_member;  // "repositoryName"
  std::string scope;              // resource this one lives in ("" for top level)
  std::string create_operation;
  nlohmann::json create_input;    // extra members for the create call
  std::string delete_operation;   // "" when it has none
  nlohmann::json delete_input;
  std::map<std::string, std::string> outputs;  // value name -> dotted path in the create output
  std::string source;
};

struct Binding {
  std::string resource;  // "repository"
  std::string value;     // "name" (the identifier) or an outputs key
};

struct Precondition {
  std::string name;
  std::string member;                // the input member whose target is missing
  std::vector<std::string> except;   // operations it does not apply to
  std::string error;
  std::string confidence;            // D, M, E or U
  std::string source;
};

struct UnprovokableError {
  std::string error;
  std::vector<std::string> operations;  // empty = every operation declaring it
  std::vector<std::string> except;
  std::vector<std::string> regions;     // non-empty: unprovokable only when the run's region is one of these
  std::string reason;
  std::string source;
};

// An enum shape whose output values form a closed set: a value outside the model's enum is an
// error, not the warning an open enum's new value gets.
struct ClosedEnum {
  std::string shape;       // "LayerFailureCode"
  std::string confidence;
  std::string source;
};

class Semantics {
 public:
  // Parses and cross-checks against `service` (every operation, member and error named must exist).
  static Result<std::shared_ptr<const Semantics>> Load(std::string_view text, const Service& service);
  static std::shared_ptr<const Semantics> Embedded();
  // The embedded semantics file checked against another model (`--model`): fails when that
  // model lacks something the semantics name.
  static Result<std::shared_ptr<const Semantics>> EmbeddedFor(const Service& service);

  const std::map<std::string, Resource>& resources() const { return resources_; }
  const std::map<std::string, Binding>& bindings() const { return bindings_; }
  const std::vector<Precondition>& preconditions() const { return preconditions_; }
  const std::vector<std::string>& validation_error_codes() const { return validation_codes_; }
  // Extra codes accepted for violations under a member (e.g. tags → InvalidTagParameterException).
  const std::map<std::string, std::vector<std::string>>& validation_also_accepted() const { return also_accepted_; }
  const std::string& validation_source() const { return validation_source_; }
  const std::string& validation_confidence() const { return validation_confidence_; }
  const std::string& fact_sheet() const { return fact_sheet_; }
  const std::vector<ClosedEnum>& closed_enums() const { return closed_enums_; }
  // The closed-enum entry for `shape`, or nullptr when that enum is open (or not an enum).
  const ClosedEnum* FindClosedEnum(std::string_view shape) const;

  // Why `error` cannot be provoked on `operation` from outside by a run addressing `region`, or
  // nullopt when it can.
  std::optional<std::string> WhyUnprovokable(const std::string& operation, const std::string& error,
                                             const std::string& region = "") const;
  const Resource* FindResource(const std::string& name) const;
  const Binding* FindBinding(const std::string& member) const;

 private:
  std::map<std::string, Resource> resources_;
  std::map<std::string, Binding> bindings_;
  std::vector<Precondition> preconditions_;
  std::vector<UnprovokableError> unprovokable_;
  std::vector<std::string> validation_codes_;
  std::map<std::string, std::vector<std::string>> also_accepted_;
  std::string validation_source_;
  std::string validation_confidence_;
  std::string fact_sheet_;
  std::vector<ClosedEnum> closed_enums_;
  friend class SemanticsLoader;
};

}  // namespace ecrc::spec
