#include "harness/livefuzz/findings.h"

#include "harness/livefuzz/fuzz_suite.h"

#include <algorithm>
#include <set>

namespace ecrc::livefuzz {

using results::Severity;

std::string ClassId(const std::string& check, const std::string& operation, MutationKind kind) {
  return check + "[" + (operation.empty() ? std::string() : operation + ".") + MutationKindName(kind) + "]";
}

void FindingBook::Record(const std::string& operation, MutationKind kind, const Judgement& judgement, size_t body_size,
                         const std::string& note, const std::function<results::Exchange()>& evidence) {
  std::set<std::string> failed_checks;
  for (const auto& check : judgement.exercised) {
    Class& c = classes_[ClassId(check, operation, kind)];
    if (c.requests++ == 0) {
      c.check = check;
      c.operation = operation;
      c.kind = kind;
    }
  }
  bool any = false;
  for (const auto& v : judgement.failures) {
    Class& c = classes_[ClassId(v.check, operation, kind)];
    if (c.check.empty()) {
      c.check = v.check;
      c.operation = operation;
      c.kind = kind;
      c.requests = 1;
    }
    // One request counts once per class, however many findings it has there.
    if (failed_checks.insert(v.check).second) ++c.failures;
    any = true;
    bool more_severe = !c.failed || (v.severity == Severity::kError && c.verdict.severity == Severity::kWarning);
    bool same_and_smaller = c.failed && v.severity == c.verdict.severity && body_size < c.body_size;
    if (more_severe || same_and_smaller) {
      c.failed = true;
      c.verdict = v;
      c.note = note;
      c.body_size = body_size;
      c.exchange = evidence();
    }
  }
  if (any) ++failing_requests_;
}

void FindingBook::Add(results::CheckResult result) { extra_.push_back(std::move(result)); }

size_t FindingBook::failing_classes(Severity severity) const {
  size_t n = 0;
  for (const auto& [id, c] : classes_) n += c.failed && c.verdict.severity == severity;
  for (const auto& r : extra_) n += r.outcome >= results::Outcome::kFailed && r.severity == severity;
  return n;
}

std::vector<results::CheckResult> FindingBook::Results(const std::function<std::string(const results::Exchange&)>& reproduce) const {
  std::vector<results::CheckResult> out;
  for (const auto& [id, c] : classes_) {
    const CheckInfo* info = FindFuzzCheck(c.check);
    const MutationInfo& mutation = InfoOf(c.kind);
    results::CheckResult r;
    r.id = id;
    r.check = c.check;
    r.suite = FuzzSuite::kName;
    r.category = info ? info->category : "fuzz";
    r.title = std::string(info ? info->title : c.check.c_str()) + " — " + mutation.name + ": " + mutation.description;
    r.severity = c.failed ? c.verdict.severity : (info ? info->severity : Severity::kError);
    if (!c.operation.empty()) r.operations.push_back(c.operation);
    r.source = info ? info->source : "";
    r.outcome = c.failed ? results::Outcome::kFailed : results::Outcome::kPassed;
    if (c.failed) {
      results::Finding f;
      f.message = c.verdict.message + " [" + c.note + "]; " + std::to_string(c.failures) + " of " + std::to_string(c.requests) +
                  " such requests failed, the shortest is kept";
      f.path = c.verdict.path;
      f.expected = c.verdict.expected;
      f.observed = c.verdict.observed;
      f.exchange = 0;
      r.findings.push_back(std::move(f));
      r.exchanges.push_back(c.exchange);
      r.reproduction = reproduce(c.exchange);
    }
    out.push_back(std::move(r));
  }
  for (const auto& r : extra_) out.push_back(r);
  std::sort(out.begin(), out.end(), [](const results::CheckResult& a, const results::CheckResult& b) { return a.id < b.id; });
  return out;
}

}  // namespace ecrc::livefuzz
