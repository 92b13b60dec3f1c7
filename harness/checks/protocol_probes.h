// Protocol-level probes: requests no SDK would send (malformed JSON, unknown or missing target,
// foreign Content-Type, empty body), each with the rule its answer must follow. Built from the
// spec's metadata; the runner sends them signed, as raw HTTP. Each probe's rule is the function
// named after its id (protocol_unknown_operation_code: ProtocolUnknownOperationCode), registered
// directly below it in protocol_probes.cc.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "base/http.h"
#include "harness/results/run_report.h"
#include "specs/spec.h"

namespace ecrc::check {

struct ProtocolProbe {
  std::string id;
  std::string title;
  results::Severity severity = results::Severity::kError;
  std::string source;
  std::string operation;  // the operation the request names ("" when it names none)
  HttpRequest request;
  // Appends findings for `response`.
  std::function<void(const spec::Service&, const HttpResponse&, std::vector<results::Finding>*)> evaluate;
};

std::vector<ProtocolProbe> ProtocolProbes(const spec::Service& service);

}  // namespace ecrc::check
