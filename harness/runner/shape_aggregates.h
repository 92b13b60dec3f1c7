// The per-operation checks that every response of a run feeds, whichever suite made the call:
// output shape (what breaks SDKs: error), output traits (lengths, patterns, enums, unknown
// members, which SDKs do not enforce on responses: warning), error shape, and closed enums (a
// value outside a closed set of documented answers: error).
#pragma once

#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "harness/checks/call.h"
#include "specs/semantics.h"
#include "harness/results/run_report.h"

namespace ecrc::runner {

class ShapeAggregates {
 public:
  using Reproducer = std::function<std::string(const results::Exchange&)>;
  using Filter = std::function<bool(const std::string& check_id, const std::string& operation)>;

  void Add(const spec::Service& service, const spec::Semantics& semantics, const check::Call& call, const Reproducer& reproduce);
  // One CheckResult per family and operation that `selected` admits; skipped when the run saw
  // no response of that kind.
  void Emit(const spec::Service& service, const spec::Semantics& semantics, const Filter& selected, std::vector<results::CheckResult>* out) const;

 private:
  struct Aggregate {
    size_t seen = 0;
    std::vector<results::Finding> findings;
    std::vector<results::Exchange> exchanges;
    std::string reproduction;
  };
  static void Merge(Aggregate* a, const check::Call& call, std::vector<results::Finding> findings, bool relevant, const Reproducer& reproduce);

  mutable std::mutex mu_;
  std::map<std::string, std::map<std::string, Aggregate>> by_family_;  // family -> operation -> aggregate
};

}  // namespace ecrc::runner
