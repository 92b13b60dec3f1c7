#include "harness/runner/scenario_context.h"
#include "base/json_read.h"

#include <deque>

#include "harness/runner/prerequisite.h"
#include "harness/runner/scenario_suite.h"

namespace ecrc::runner {
namespace {

struct TransportAbort {
  std::string message;
};

class Context : public check::ScenarioContext {
 public:
  Context(Worker& worker, results::CheckResult* result) : worker_(worker), result_(result) {}

  const spec::Service& service() const override { return *worker_.shared().service; }
  const spec::Semantics& semantics() const override { return *worker_.shared().semantics; }
  std::string region() const override { return worker_.path().endpoint().region; }

  const check::Call& Send(const std::string& operation, const codec::Value& input) override {
    const spec::Operation* op = service().FindOperation(operation);
    if (!op) throw check::ScenarioAbort{"scenario names unknown operation " + operation};
    calls_.push_back(worker_.Call(*op, input));
    result_->exchanges.push_back(calls_.back().exchange);
    if (!calls_.back().answered()) throw TransportAbort{operation + ": " + calls_.back().transport_error()};
    return calls_.back();
  }

  std::string NewRepositoryName(size_t length) override { return worker_.fixture().NewName(length); }

  std::string CreateRepository(const codec::Value& extra) override {
    nlohmann::json input = extra.is_object() ? extra : nlohmann::json::object();
    std::string name = input.contains("repositoryName") ? input["repositoryName"].get<std::string>() : NewRepositoryName(0);  // json-read-ok: the input the scenario built
    input["repositoryName"] = name;
    const check::Call& call = Send("CreateRepository", input);
    RequireSetUp(call, "set-up: CreateRepository " + name);
    arns_[name] = jr::StringAt(jr::Object(jr::Member(call.decoded.output, "repository")), "repositoryArn");
    return name;
  }

  std::string RepositoryArn(const std::string& name) override {
    auto it = arns_.find(name);
    return it == arns_.end() ? "" : it->second;
  }

  void Expect(const check::Call& call, const check::Expectation& expected, const std::string& what) override {
    size_t before = result_->findings.size();
    check::EvaluateOutcome(call, expected, IndexOf(call), &result_->findings);
    for (size_t i = before; i < result_->findings.size(); ++i) result_->findings[i].message = what + ": " + result_->findings[i].message;
  }

  void Check(bool condition, const std::string& what, const std::string& expected, const std::string& observed) override {
    if (condition) return;
    results::Finding f{what, "", expected, observed, std::nullopt};
    if (!result_->exchanges.empty()) f.exchange = result_->exchanges.size() - 1;
    result_->findings.push_back(std::move(f));
  }

  [[noreturn]] void SetUpFailed(const check::Call& call, const std::string& what, const std::string& missing) override {
    Status cause = PrerequisiteFailure(call, missing);
    // Findings already made stand: the scenario failed before its set-up did.
    if (!cause.IsEndpointFailure() || !result_->findings.empty()) {
      Check(false, what + ": " + cause.message(), "success", DescribeAnswer(call));
      throw check::ScenarioAbort{what};
    }
    prerequisite_ = call.op ? call.op->name : "";
    Skip(cause.message());
    throw check::ScenarioAbort{what};  // Skip throws already; said again because it is not [[noreturn]]
  }

  void Skip(const std::string& reason) override {
    skipped_ = true;
    result_->skip_reason = reason;
    throw check::ScenarioAbort{reason};
  }

  size_t findings() const override { return result_->findings.size(); }
  void CoverPaginator(const std::string& operation) override { worker_.shared().record.coverage().OnPaginator(operation); }
  bool skipped() const { return skipped_; }
  const std::string& prerequisite() const { return prerequisite_; }

 private:
  size_t IndexOf(const check::Call& call) const {
    for (size_t i = 0; i < calls_.size(); ++i) {
      if (&calls_[i] == &call) return i;
    }
    return calls_.empty() ? 0 : calls_.size() - 1;
  }

  Worker& worker_;
  results::CheckResult* result_;
  std::deque<check::Call> calls_;  // a deque: references handed out stay valid
  std::map<std::string, std::string> arns_;
  bool skipped_ = false;
  std::string prerequisite_;
};

}  // namespace

results::CheckResult ScenarioHeader(const check::Scenario& scenario) {
  results::CheckResult r;
  r.id = scenario.id;
  r.check = scenario.id.substr(0, scenario.id.find('['));
  r.suite = ScenarioSuite::kName;
  r.category = scenario.category;
  r.title = scenario.title;
  r.severity = scenario.severity;
  r.operations = scenario.operations;
  r.source = scenario.source;
  return r;
}

results::CheckResult RunScenario(const check::Scenario& scenario, Worker& worker) {
  results::CheckResult r = ScenarioHeader(scenario);
  Context ctx(worker, &r);
  try {
    scenario.run(ctx);
  } catch (const check::ScenarioAbort& abort) {
    if (ctx.skipped()) {
      r.outcome = results::Outcome::kSkipped;
      r.prerequisite = ctx.prerequisite();
      return r;
    }
    if (r.findings.empty()) r.findings.push_back({"aborted: " + abort.reason, "", "", "", std::nullopt});
  } catch (const TransportAbort& abort) {
    r.outcome = results::Outcome::kErrored;
    r.findings.push_back({"transport failure: " + abort.message, "", "", "", std::nullopt});
    return r;
  } catch (const std::exception& e) {
    r.outcome = results::Outcome::kErrored;
    r.findings.push_back({std::string("harness error: ") + e.what(), "", "", "", std::nullopt});
    return r;
  }
  r.outcome = r.findings.empty() ? results::Outcome::kPassed : results::Outcome::kFailed;
  if (r.outcome == results::Outcome::kFailed) {
    size_t cited = r.findings.front().exchange.value_or(r.exchanges.empty() ? 0 : r.exchanges.size() - 1);
    if (cited < r.exchanges.size()) r.reproduction = worker.Reproduction(r.exchanges[cited]);
  }
  return r;
}

}  // namespace ecrc::runner
