// The results file a driver writes (JSON lines, README.md "Driver protocol"), read defensively:
// whatever a driver wrote, the reader returns the answers it could use and names every line it
// could not.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace ecrc::sdk {

struct DriverAnswer {
  enum class Kind { kOutput, kError, kClientError, kUnsupported };
  Kind kind = Kind::kOutput;
  nlohmann::json output;  // kOutput: the decoded output (an array of pages for paginator cases)
  std::string code;       // kError
  std::string message;    // kError: the SDK's message; kClientError / kUnsupported: the driver's text
  int line = 0;           // 1-based line in the results file
};
const char* DriverAnswerKindName(DriverAnswer::Kind kind);  // "output", "error", "client_error", "unsupported"

struct DriverResults {
  // Every usable answer per case id, in file order (more than one: the case was answered twice).
  std::map<std::string, std::vector<DriverAnswer>> answers;
  // Lines that were not answers to a known case: "line 3: not JSON: ...".
  std::vector<std::string> problems;
};

struct DriverResultLimits {
  size_t max_line_bytes = 64 << 20;  // a page of DescribeImages with 1000 images is far below
  size_t max_problems = 50;          // a driver printing garbage forever does not fill the report
  int max_depth = 64;
};

// Reads `path`. A missing file is one problem, not an error: the driver may have died first.
DriverResults ReadDriverResults(const std::string& path, const std::set<std::string>& known_cases,
                                const DriverResultLimits& limits = {});

// The same, over text already in memory (tests, fuzzing).
DriverResults ParseDriverResults(const std::string& text, const std::set<std::string>& known_cases,
                                 const DriverResultLimits& limits = {});

}  // namespace ecrc::sdk
