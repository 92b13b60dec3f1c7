#include "sdk/sdk_case.h"

namespace ecrc::sdk {

const char* ExpectationName(Expectation expectation) {
  switch (expectation) {
    case Expectation::kOutput: return "output";
    case Expectation::kError: return "error";
    case Expectation::kFailure: return "failure";
    case Expectation::kPages: return "pages";
  }
  return "?";
}

nlohmann::json SdkCase::ToDriverJson() const {
  nlohmann::json out = nlohmann::json::object();
  out["id"] = id;
  out[paginator ? "paginator" : "operation"] = operation;
  out["input"] = input;
  out["max_attempts"] = max_attempts;
  return out;
}

}  // namespace ecrc::sdk
