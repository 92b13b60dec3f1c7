#include "harness/runner/shape_aggregates.h"

#include "harness/runner/contract_suite.h"

#include "harness/checks/closed_enums.h"
#include "harness/checks/expectation.h"
#include "harness/runner/worker.h"

namespace ecrc::runner {
namespace {

constexpr size_t kMaxEvidence = 3;

struct Family {
  const char* id;
  const char* category;
  const char* title;
  results::Severity severity;
};

constexpr Family kOutputShape{"output_shape_valid", "output_shape",
                              "Every success response has the awsJson framing, the required members and the modelled JSON types",
                              results::Severity::kError};
constexpr Family kOutputTraits{"output_traits_respected", "output_shape",
                               "Success responses respect the model's lengths, ranges, patterns and enums and add no unknown members "
                               "(SDKs do not enforce these on responses, hence a warning)",
                               results::Severity::kWarning};
constexpr Family kClosedEnum{"output_enum_closed", "output_shape",
                              "Enum members whose documented answers are a closed set (failure codes, layer availability, alias "
                              "status) hold one of the model's values",
                              results::Severity::kError};
constexpr Family kErrorShape{"error_shape_valid", "error_shape",
                             "Every error response: HTTP 400 (500 for ServerException), a type, a message member, the awsJson "
                             "Content-Type and a request id",
                             results::Severity::kError};

}  // namespace

void ShapeAggregates::Merge(Aggregate* a, const check::Call& call, std::vector<results::Finding> findings, bool relevant,
                            const Reproducer& reproduce) {
  if (!relevant) return;
  ++a->seen;
  if (findings.empty() || a->exchanges.size() >= kMaxEvidence) return;
  a->exchanges.push_back(call.exchange);
  if (a->reproduction.empty()) a->reproduction = reproduce(a->exchanges.back());
  for (auto& f : findings) {
    f.exchange = a->exchanges.size() - 1;
    a->findings.push_back(std::move(f));
  }
}

void ShapeAggregates::Add(const spec::Service& service, const spec::Semantics& semantics, const check::Call& call,
                          const Reproducer& reproduce) {
  if (!call.answered()) return;
  std::vector<results::Finding> wire, traits, error, closed;
  check::OutputEnumClosed(semantics, call, 0, &closed);
  check::OutputShapeValid(call, 0, &wire);
  check::OutputTraitsRespected(call, 0, &traits);
  check::ErrorShapeValid(service, call, 0, &error);
  std::lock_guard lock(mu_);
  Merge(&by_family_[kOutputShape.id][call.op->name], call, std::move(wire), call.ok(), reproduce);
  Merge(&by_family_[kOutputTraits.id][call.op->name], call, std::move(traits), call.ok(), reproduce);
  Merge(&by_family_[kErrorShape.id][call.op->name], call, std::move(error), call.is_error(), reproduce);
  Merge(&by_family_[kClosedEnum.id][call.op->name], call, std::move(closed), call.ok(), reproduce);
}

void ShapeAggregates::Emit(const spec::Service& service, const spec::Semantics& semantics, const Filter& selected,
                           std::vector<results::CheckResult>* out) const {
  std::lock_guard lock(mu_);
  for (const Family& family : {kOutputShape, kOutputTraits, kErrorShape, kClosedEnum}) {
    for (const auto& [name, op] : service.operations()) {
      // Generated where the model and the semantics say it applies, not for every operation.
      if (&family == &kClosedEnum && !check::ReachesClosedEnum(semantics, *op.output)) continue;
      results::CheckResult r;
      r.id = std::string(family.id) + "[" + name + "]";
      if (!selected(r.id, name)) continue;
      r.check = family.id;
      r.suite = ContractSuite::kName;  // the aggregates judge the model's output shapes
      r.category = family.category;
      r.title = family.title;
      r.severity = family.severity;
      r.operations = {name};
      r.source = &family == &kErrorShape ? "specs/ecr-public/behaviour.md §2.2 (D: SJ; API error pages), §2.1 (x-amzn-RequestId)"
                 : &family == &kClosedEnum ? "specs/ecr-public/semantics.json closed_enums: " + check::ClosedEnumSource(semantics, *op.output)
                                           : "operations." + name + ".output (shapes." + op.output->name + ")";
      Aggregate a;
      if (auto f = by_family_.find(family.id); f != by_family_.end()) {
        if (auto it = f->second.find(name); it != f->second.end()) a = it->second;
      }
      r.findings = a.findings;
      r.exchanges = a.exchanges;
      r.reproduction = a.reproduction;
      r.outcome = a.seen == 0 ? results::Outcome::kSkipped : a.findings.empty() ? results::Outcome::kPassed : results::Outcome::kFailed;
      if (a.seen == 0) r.skip_reason = "no response of this kind was seen in this run";
      out->push_back(std::move(r));
    }
  }
}

}  // namespace ecrc::runner
