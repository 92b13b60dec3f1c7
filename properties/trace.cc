#include "properties/trace.h"

namespace ecrc::prop {

nlohmann::json StepToJson(const Step& s) {
  nlohmann::json calls = nlohmann::json::array();
  for (const auto& c : s.calls) {
    nlohmann::json observed = {{"status", c.status}};
    if (!c.error_code.empty()) observed["error"] = c.error_code;
    if (!c.body.is_null()) observed["body"] = c.body;
    if (!c.transport_error.empty()) observed["transport_error"] = c.transport_error;
    calls.push_back({{"operation", c.operation}, {"input", c.input}, {"expected", c.expected}, {"observed", observed}});
  }
  nlohmann::json j = {{"command", s.command}, {"args", s.args}, {"calls", calls}};
  if (!s.failure.empty()) j["failure"] = s.failure;
  return j;
}

bool StepFromJson(const nlohmann::json& j, Step* step, std::string* error) {
  if (!j.is_object() || !j.contains("command") || !j["command"].is_string()) {  // json-read-ok: a reproduction file the suite wrote; types tested before
    *error = "a step has no \"command\" string";
    return false;
  }
  if (!j.contains("args") || !j["args"].is_object()) {  // json-read-ok: a reproduction file the suite wrote; types tested before
    *error = "step " + j["command"].get<std::string>() + " has no \"args\" object";  // json-read-ok: a reproduction file the suite wrote; types tested before
    return false;
  }
  step->command = j["command"].get<std::string>();  // json-read-ok: a reproduction file the suite wrote; types tested before
  step->args = j["args"];  // json-read-ok: a reproduction file the suite wrote; types tested before
  return true;
}

}  // namespace ecrc::prop
