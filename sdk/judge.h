// The SDK judge: the reference server's front in judge mode. It answers every request (from the
// current case's canned responses, or from the reference's real behaviour), and records each one
// with the request rules' and the SigV4 verifier's verdicts, grouped by the case the driver
// announced on `POST /__ecr-conform/case`.
#pragma once

#include <chrono>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "base/http.h"
#include "base/status.h"
#include "reference/server.h"
#include "sdk/request_rules.h"
#include "sdk/sdk_case.h"
#include "sdk/sigv4_verifier.h"

namespace ecrc::server {
class HttpFront;
}

namespace ecrc::sdk {

inline constexpr char kCaseControlPath[] = "/__ecr-conform/case";

struct JudgeOptions {
  // The reference behind the judge; its host and port are where the judge listens, its region
  // the one signatures must be scoped to.
  server::Options reference;
  std::string access_key_id = "AKIDECRCONFORMSDK000";
  std::string secret_access_key = "ecr-conform/sdk+judge/secret/not-a-real-key";
  // The judge's clock, for X-Amz-Date freshness; a test can pin it.
  std::function<std::chrono::system_clock::time_point()> clock = [] { return std::chrono::system_clock::now(); };
  // Evidence keeps at most this many body bytes per request and response; verdicts see all.
  size_t evidence_body_bytes = 256 << 10;
};

// One request as it arrived, its verdicts, and the answer the judge gave.
struct JudgedRequest {
  HttpRequest request;  // body cut to evidence_body_bytes
  HttpResponse response;
  // Without cases (`serve --judge`, which may run for hours), a request that broke no rule keeps
  // its verdicts and the response status only: memory grows with the findings, not the traffic.
  bool evidence_kept = true;
  RequestVerdict verdict;
  SigV4Verdict signature;
};

// Everything that arrived for one case. The unnamed trace ("") holds requests sent before any
// announcement (`serve --judge` without a driver).
struct CaseTrace {
  std::string case_id;
  int announcements = 0;
  // A deque: a long trace grows without copying what it holds into ever larger buffers.
  std::deque<JudgedRequest> requests;
};

// What arrived on the control path that the judge could not accept.
struct ControlProblem {
  std::string message;
};

class Judge {
 public:
  // `cases` may be empty: then any announced id is accepted and every request is answered by the
  // reference (`serve --judge`).
  Judge(std::shared_ptr<const spec::Service> service, std::vector<SdkCase> cases, JudgeOptions options = {});
  ~Judge();
  Judge(const Judge&) = delete;
  Judge& operator=(const Judge&) = delete;

  // Listens on the reference options' host and port; returns the URL.
  Result<std::string> Start();
  void Stop();

  // One request, as the HTTP front hands it over. Thread-safe.
  HttpResponse Handle(HttpRequest& request);

  // Snapshots, in order of first announcement (the unnamed trace first when it has requests).
  std::vector<CaseTrace> Traces() const;
  std::vector<ControlProblem> ControlProblems() const;
  const std::vector<SdkCase>& cases() const { return cases_; }
  const spec::Service& service() const { return *service_; }
  const JudgeOptions& options() const { return options_; }
  // The id of the case announced last ("" before any).
  std::string CurrentCase() const;

 private:
  HttpResponse Announce(const HttpRequest& request);
  CaseTrace& TraceLocked(const std::string& case_id);

  std::shared_ptr<const spec::Service> service_;
  std::vector<SdkCase> cases_;
  std::map<std::string, size_t> case_index_;
  JudgeOptions options_;
  std::unique_ptr<server::Server> reference_;
  std::unique_ptr<server::HttpFront> front_;

  mutable std::mutex mu_;
  std::string current_;
  std::vector<CaseTrace> traces_;
  std::map<std::string, size_t> trace_index_;
  std::vector<ControlProblem> control_problems_;
  // Upload ids handed out per case, so a workflow case's planned uploadId is the one it gets.
  std::map<std::string, int> uploads_per_case_;
};

// The uploadId the judge's reference hands out for the `n`th InitiateLayerUpload of a case: a
// version-4-shaped UUID derived from the case id, so workflow cases can name it in their input.
std::string PlannedUploadId(const std::string& case_id, int n = 0);

}  // namespace ecrc::sdk
