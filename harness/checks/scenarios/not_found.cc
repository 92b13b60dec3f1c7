// The not-found error of every operation that names a resource, driven by the semantics file's
// preconditions (specs/ecr-public/semantics.json) rather than a list of operations: one scenario
// per (precondition, operation whose input has the precondition's member).
#include <algorithm>
#include <map>

#include "base/json_path.h"
#include "harness/checks/scenarios/steps.h"
#include "harness/codec/sample.h"
#include "harness/codec/value.h"
#include "specs/media_types.h"

namespace ecrc::check {
namespace {

using namespace steps;  // NOLINT: the family files are built from these steps
using results::Severity;

// Plausible values for required members that do not name a resource, so that the only thing
// wrong with a request is the missing resource (a server may validate content before looking
// the resource up). Keyed by member name; members not listed keep their model sample.
json SensibleValue(const std::string& member, const std::string& seed) {
  Blob config{AbsentDigest(seed + "/config"), 100, spec::kDockerConfigMediaType};
  Blob layer{AbsentDigest(seed + "/layer"), 100, spec::kDockerLayerMediaType};
  if (member == "imageManifest") return DockerManifest(config, {layer});
  if (member == "layerDigests") return json::array({layer.digest});
  if (member == "layerPartBlob") return codec::BlobValue("x");
  if (member == "partFirstByte" || member == "partLastByte") return 0;
  if (member == "imageIds") return json::array({{{"imageTag", "latest"}}});
  if (member == "policyText") {
    return R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":["ecr:BatchGetImage"]}]})";
  }
  if (member == "catalogData") return {{"description", "ecr-conform"}};
  if (member == "tags") return json::array({{{"Key", "ecr-conform"}, {"Value", "not-found"}}});
  if (member == "tagKeys") return json::array({"ecr-conform"});
  return nullptr;
}

// Live and absent values for the members the semantics file binds to resources.
class Resources {
 public:
  explicit Resources(ScenarioContext& ctx) : ctx_(ctx), semantics_(ctx.semantics()) {}

  // A value for a member bound by `b` that names an existing resource (created on first use).
  std::string Live(const spec::Binding& b) {
    const spec::Resource* r = semantics_.FindResource(b.resource);
    ctx_.RequireTrue(r != nullptr, "the semantics file defines resource " + b.resource, b.resource, "absent");
    if (r->scope.empty()) {
      // Top-level resources are repositories, which the context creates (and cleans up).
      std::string& name = top_level_[r->name];
      if (name.empty()) name = ctx_.CreateRepository();
      if (b.value == "name") return name;
      if (b.value == "arn") return ctx_.RepositoryArn(name);
      ctx_.RequireTrue(false, "a live value for " + b.resource + "." + b.value, "name or arn", b.value);
    }
    const spec::Resource* scope = semantics_.FindResource(r->scope);
    ctx_.RequireTrue(scope != nullptr, "the semantics file defines resource " + r->scope, r->scope, "absent");
    json input = r->create_input.is_object() ? r->create_input : json::object();
    input[scope->identifier_member] = Live({r->scope, "name"});
    const Call& created = ctx_.Send(r->create_operation, input);
    ctx_.Require(created, Expectation::Success(), r->create_operation + " creates a " + r->name + " to refer to");
    auto path = r->outputs.find(b.value);
    ctx_.RequireTrue(path != r->outputs.end(), "resource " + r->name + " has output " + b.value, b.value, "absent");
    return Str(AtPath(created.decoded.output, path->second));
  }

  // A value for a member bound by `b`, shaped by `shape`, that names no existing resource.
  std::string Absent(const spec::Binding& b, const spec::Shape& shape) {
    const spec::Resource* r = semantics_.FindResource(b.resource);
    ctx_.RequireTrue(r != nullptr, "the semantics file defines resource " + b.resource, b.resource, "absent");
    if (r->scope.empty() && b.value == "name") return ctx_.NewRepositoryName();
    if (r->scope.empty() && b.value == "arn") {
      // The ARN of a live repository with the name swapped for one never created: the format is
      // the server's own, so only the missing repository can be at fault.
      std::string name = Live({b.resource, "name"});
      std::string arn = ctx_.RepositoryArn(name);
      ctx_.RequireTrue(arn.size() > name.size() && arn.compare(arn.size() - name.size(), name.size(), name) == 0,
                       "the repository ARN ends with the repository name", "...:repository/" + name, arn);
      return arn.substr(0, arn.size() - name.size()) + ctx_.NewRepositoryName();
    }
    std::string id = AbsentUploadId(ctx_.NewRepositoryName());
    if (shape.MatchesPattern(id)) return id;
    auto sample = codec::SampleString(shape, shape.min.value_or(1));
    ctx_.RequireTrue(sample.has_value(), "an identifier fitting " + shape.name, shape.pattern, "no sample");
    return *sample;
  }

 private:
  ScenarioContext& ctx_;
  const spec::Semantics& semantics_;
  std::map<std::string, std::string> top_level_;
};

// True when `resource` is `missing` or lives inside it (an upload inside a missing repository
// cannot exist either).
bool DependsOn(const spec::Semantics& semantics, const std::string& resource, const std::string& missing) {
  for (const spec::Resource* r = semantics.FindResource(resource); r; r = r->scope.empty() ? nullptr : semantics.FindResource(r->scope)) {
    if (r->name == missing) return true;
  }
  return false;
}

Severity SeverityOf(const std::string& confidence) {
  return confidence == "D" || confidence == "M" ? Severity::kError : Severity::kWarning;
}

// The semantics file's source already names the behaviour reference; cite it once, followed by the
// precondition's confidence and where it sits in the semantics file.
std::string Cite(const spec::Precondition& p) {
  std::string s = p.source;
  const std::string prefix = FactSheet("");
  if (s.rfind(prefix, 0) == 0) s = s.substr(prefix.size());
  return FactSheet(s + " [" + p.confidence + "; specs/ecr-public/semantics.json preconditions." + p.name + "]");
}

// Decides every check of this family, whose ids are `<precondition>[<Operation>]` (for example
// repository_missing[DescribeImages]): one per precondition of the semantics file and operation
// whose input has the precondition's member, registered by AddNotFoundScenarios just below.
void NotFound(ScenarioContext& ctx, const std::string& precondition, const std::string& operation) {
  const spec::Precondition* pre = nullptr;
  for (const auto& p : ctx.semantics().preconditions()) {
    if (p.name == precondition) pre = &p;
  }
  ctx.RequireTrue(pre != nullptr, "the semantics file has precondition " + precondition, precondition, "absent");
  const spec::Operation* op = ctx.service().FindOperation(operation);
  ctx.RequireTrue(op != nullptr, "the model has operation " + operation, operation, "absent");
  const spec::Binding* missing = ctx.semantics().FindBinding(pre->member);
  ctx.RequireTrue(missing != nullptr, "the semantics file binds " + pre->member, pre->member, "unbound");

  auto sample = codec::SampleValue(*op->input);
  ctx.RequireTrue(sample.ok(), "a sample input exists for " + operation, "sample", sample.status().message());
  json input = *sample;
  Resources resources(ctx);
  std::string seed = ctx.NewRepositoryName();
  for (const auto& m : op->input->members) {
    if (!m.required && m.name != pre->member) continue;
    const spec::Binding* b = ctx.semantics().FindBinding(m.name);
    if (m.name == pre->member) {
      input[m.name] = resources.Absent(*b, *m.shape);
    } else if (b && DependsOn(ctx.semantics(), b->resource, missing->resource)) {
      input[m.name] = resources.Absent(*b, *m.shape);
    } else if (b) {
      input[m.name] = resources.Live(*b);
    } else if (json v = SensibleValue(m.name, seed); !v.is_null()) {
      input[m.name] = v;
    }
  }

  const Call& call = ctx.Send(operation, input);
  ctx.Expect(call, Expectation::ErrorCode({pre->error}), operation + " with " + pre->member + " naming nothing fails with " + pre->error);
  if (call.is_error() && call.error_code() == pre->error) {
    // §2.2 (D): no ECR Public error is 404; every modelled client error is HTTP 400.
    ctx.Check(call.response().status == 400, pre->error + " is HTTP 400", "400", std::to_string(call.response().status));
  }
}

}  // namespace

void AddNotFoundScenarios(std::vector<Scenario>* out) {
  // The list of scenarios is fixed when the suite is built, from the embedded model and
  // semantics; each scenario looks both up again through its context when it runs.
  const auto service = spec::Service::Embedded();
  const auto semantics = spec::Semantics::Embedded();
  for (const auto& p : semantics->preconditions()) {
    const spec::Binding* b = semantics->FindBinding(p.member);
    std::string resource = b ? b->resource : p.member;
    for (const auto& [name, op] : service->operations()) {
      if (!op.input->FindMember(p.member)) continue;
      if (std::find(p.except.begin(), p.except.end(), name) != p.except.end()) continue;
      out->push_back({p.name + "[" + name + "]", "not_found",
                      name + ": " + p.member + " naming a " + resource + " that does not exist is " + p.error, SeverityOf(p.confidence),
                      {name}, Cite(p), [pre = p.name, op_name = name](ScenarioContext& ctx) { NotFound(ctx, pre, op_name); }});
    }
  }
}

}  // namespace ecrc::check
