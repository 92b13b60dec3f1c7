#include "sdk/judge.h"

#include <algorithm>
#include <utility>

#include "base/utf8.h"
#include "reference/http_front.h"
#include "sdk/canned_response.h"

namespace ecrc::sdk {
namespace {

HttpResponse JsonAnswer(int status, const nlohmann::json& body) {
  HttpResponse response;
  response.status = status;
  response.headers.Add("Content-Type", "application/json");
  response.body = body.dump();
  return response;
}

std::string PathWithoutQuery(const std::string& path) { return path.substr(0, path.find('?')); }

HttpRequest Evidence(const HttpRequest& request, size_t max_body) {
  HttpRequest copy;
  copy.method = request.method;
  copy.path = request.path;
  copy.headers = request.headers;
  copy.body = request.body.substr(0, max_body);
  return copy;
}

HttpResponse Evidence(const HttpResponse& response, size_t max_body) {
  HttpResponse copy;
  copy.status = response.status;
  copy.headers = response.headers;
  copy.body = response.body.substr(0, max_body);
  return copy;
}

}  // namespace

std::string PlannedUploadId(const std::string& case_id, int n) {
  std::string id = HashedUuid("ecr-conform sdk upload " + case_id + "#" + std::to_string(n));
  id[14] = '4';                                          // version 4
  id[19] = "89ab"[std::stoi(id.substr(19, 1), nullptr, 16) & 3];  // RFC 4122 variant
  return id;
}

Judge::Judge(std::shared_ptr<const spec::Service> service, std::vector<SdkCase> cases, JudgeOptions options)
    : service_(service ? std::move(service) : spec::Service::Embedded()),
      cases_(std::move(cases)),
      options_(std::move(options)) {
  for (size_t i = 0; i < cases_.size(); ++i) case_index_.emplace(cases_[i].id, i);
  server::Options reference = options_.reference;
  reference.upload_ids = [this] {
    std::lock_guard<std::mutex> lock(mu_);
    return PlannedUploadId(current_, uploads_per_case_[current_]++);
  };
  reference_ = std::make_unique<server::Server>(std::move(reference), service_);
}

Judge::~Judge() { Stop(); }

Result<std::string> Judge::Start() {
  if (front_) return std::string();
  server::FrontOptions front;
  front.max_body_bytes = options_.reference.max_body_bytes;
  front.threads = options_.reference.threads;
  front.every_route = true;
  front.refusal = [](int status) {
    return JsonAnswer(status, {{"__type", status == 413 ? "RequestEntityTooLargeException" : "SerializationException"},
                               {"message", "the judge could not read this request (HTTP " + std::to_string(status) + ")"}});
  };
  front_ = std::make_unique<server::HttpFront>([this](HttpRequest& request) { return Handle(request); }, std::move(front));
  auto port = front_->Listen(options_.reference.host, options_.reference.port);
  if (!port.ok()) {
    front_.reset();
    return port.status();
  }
  const std::string& host = options_.reference.host;
  return "http://" + (host.find(':') != std::string::npos ? "[" + host + "]" : host) + ":" + std::to_string(*port);
}

void Judge::Stop() {
  if (front_) {
    front_->Stop();
    front_.reset();
  }
}

std::string Judge::CurrentCase() const {
  std::lock_guard<std::mutex> lock(mu_);
  return current_;
}

CaseTrace& Judge::TraceLocked(const std::string& case_id) {
  auto [it, added] = trace_index_.emplace(case_id, traces_.size());
  if (added) traces_.push_back(CaseTrace{case_id, 0, {}});
  return traces_[it->second];
}

HttpResponse Judge::Announce(const HttpRequest& request) {
  auto refuse = [this](std::string message) {
    std::lock_guard<std::mutex> lock(mu_);
    control_problems_.push_back({message});
    return JsonAnswer(400, {{"message", message}});
  };
  if (request.method != "POST") return refuse("the case announcement must be POST, not " + request.method);
  auto body = nlohmann::json::parse(request.body, nullptr, false);
  if (!body.is_object() || !body.contains("case") || !body["case"].is_string()) {
    return refuse("the case announcement's body must be {\"case\": \"<id>\"}, not " + std::string(Utf8Prefix(request.body, 200)));
  }
  std::string id = body["case"].get<std::string>();
  if (!cases_.empty() && !case_index_.count(id)) return refuse("the driver announced an unknown case '" + std::string(Utf8Prefix(id, 200)) + "'");
  std::lock_guard<std::mutex> lock(mu_);
  current_ = id;
  ++TraceLocked(id).announcements;
  return JsonAnswer(200, nlohmann::json::object());
}

HttpResponse Judge::Handle(HttpRequest& request) {
  if (PathWithoutQuery(request.path) == kCaseControlPath) return Announce(request);
  std::string case_id;
  size_t index = 0;
  {
    // Reserve this request's place in its case, so the nth request gets the nth canned answer.
    std::lock_guard<std::mutex> lock(mu_);
    case_id = current_;
    CaseTrace& trace = TraceLocked(case_id);
    index = trace.requests.size();
    trace.requests.emplace_back();
  }
  auto found = case_index_.find(case_id);
  const SdkCase* sdk_case = found == case_index_.end() ? nullptr : &cases_[found->second];

  JudgedRequest judged;
  judged.verdict = JudgeRequest(*service_, request, "/");
  SigningExpectation expected;
  expected.access_key_id = options_.access_key_id;
  expected.secret_access_key = options_.secret_access_key;
  expected.region = options_.reference.region;
  expected.now = options_.clock();
  judged.signature = VerifySigV4(request, expected);
  if (judged.signature.ok()) {
    // Only a failing signature needs the verifier's working shown; a judge serving an SDK's test
    // run records thousands of requests.
    judged.signature.canonical_request = std::string();
    judged.signature.string_to_sign = std::string();
    judged.signature.expected_signature = std::string();
  }
  HttpResponse answer = sdk_case && !sdk_case->answered_by_reference()
                            ? sdk_case->responses[std::min(index, sdk_case->responses.size() - 1)]
                            : reference_->Handle(request);
  if (cases_.empty() && judged.verdict.failures.empty() && judged.signature.ok()) {
    judged.evidence_kept = false;
    judged.request.method = request.method;
    judged.request.path = request.path;
    judged.response.status = answer.status;
  } else {
    judged.request = Evidence(request, options_.evidence_body_bytes);
    judged.response = Evidence(answer, options_.evidence_body_bytes);
  }
  {
    std::lock_guard<std::mutex> lock(mu_);
    traces_[trace_index_[case_id]].requests[index] = std::move(judged);
  }
  return answer;
}

std::vector<CaseTrace> Judge::Traces() const {
  std::lock_guard<std::mutex> lock(mu_);
  return traces_;
}

std::vector<ControlProblem> Judge::ControlProblems() const {
  std::lock_guard<std::mutex> lock(mu_);
  return control_problems_;
}

}  // namespace ecrc::sdk
