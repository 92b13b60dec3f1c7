#include "sdk/driver_results.h"

#include <fstream>
#include <sstream>
#include <vector>

#include "base/json_depth.h"
#include "base/utf8.h"

namespace ecrc::sdk {
namespace {

std::string Excerpt(const std::string& text) {
  std::string cut(Utf8Prefix(text, 120));
  if (!IsValidUtf8(cut)) cut = "(not UTF-8)";
  return cut + (text.size() > 120 ? "..." : "");
}

}  // namespace

const char* DriverAnswerKindName(DriverAnswer::Kind kind) {
  switch (kind) {
    case DriverAnswer::Kind::kOutput: return "output";
    case DriverAnswer::Kind::kError: return "error";
    case DriverAnswer::Kind::kClientError: return "client_error";
    case DriverAnswer::Kind::kUnsupported: return "unsupported";
  }
  return "?";
}

DriverResults ParseDriverResults(const std::string& text, const std::set<std::string>& known_cases,
                                 const DriverResultLimits& limits) {
  DriverResults results;
  size_t dropped = 0;
  auto problem = [&](int line, std::string message) {
    if (results.problems.size() < limits.max_problems) {
      results.problems.push_back("line " + std::to_string(line) + ": " + std::move(message));
    } else {
      ++dropped;
    }
  };
  std::istringstream in(text);
  std::string raw;
  int number = 0;
  while (std::getline(in, raw)) {
    ++number;
    if (!raw.empty() && raw.back() == '\r') raw.pop_back();
    if (raw.find_first_not_of(" \t") == std::string::npos) continue;
    if (raw.size() > limits.max_line_bytes) {
      problem(number, "longer than " + std::to_string(limits.max_line_bytes) + " bytes");
      continue;
    }
    if (JsonNestingDepth(raw, limits.max_depth) > limits.max_depth) {
      problem(number, "nested deeper than " + std::to_string(limits.max_depth) + " levels");
      continue;
    }
    auto line = nlohmann::json::parse(raw, nullptr, false);
    if (line.is_discarded()) {
      problem(number, "not JSON: " + Excerpt(raw));
      continue;
    }
    if (!line.is_object() || !line.contains("case") || !line["case"].is_string()) {
      problem(number, "not an answer (an object with a string \"case\"): " + Excerpt(raw));
      continue;
    }
    std::string id = line["case"].get<std::string>();
    if (!known_cases.count(id)) {
      problem(number, "answers an unknown case '" + Excerpt(id) + "'");
      continue;
    }
    DriverAnswer answer;
    answer.line = number;
    int kinds = 0;
    if (line.contains("output")) {
      ++kinds;
      answer.kind = DriverAnswer::Kind::kOutput;
      answer.output = line["output"];
    }
    if (line.contains("error")) {
      ++kinds;
      answer.kind = DriverAnswer::Kind::kError;
      const auto& error = line["error"];
      if (!error.is_object() || !error.contains("code") || !error["code"].is_string()) {
        problem(number, "case '" + id + "': \"error\" must be {\"code\": string, \"message\": string}");
        continue;
      }
      answer.code = error["code"].get<std::string>();
      if (error.contains("message") && error["message"].is_string()) answer.message = error["message"].get<std::string>();
    }
    for (auto [key, kind] : {std::pair{"client_error", DriverAnswer::Kind::kClientError},
                             std::pair{"unsupported", DriverAnswer::Kind::kUnsupported}}) {
      if (!line.contains(key)) continue;
      ++kinds;
      answer.kind = kind;
      answer.message = line[key].is_string() ? line[key].get<std::string>() : line[key].dump();
    }
    if (kinds != 1) {
      problem(number, "case '" + id + "': exactly one of output, error, client_error, unsupported expected, found " +
                          std::to_string(kinds));
      continue;
    }
    results.answers[id].push_back(std::move(answer));
  }
  if (dropped) results.problems.push_back(std::to_string(dropped) + " more problem lines not listed");
  return results;
}

DriverResults ReadDriverResults(const std::string& path, const std::set<std::string>& known_cases,
                                const DriverResultLimits& limits) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    DriverResults results;
    results.problems.push_back("the results file " + path + " was never written");
    return results;
  }
  // A driver printing forever until its deadline must not exhaust the judge.
  constexpr size_t kMaxFileBytes = 256u << 20;
  // In chunks: a buffer of the limit's size up front would cost every run 256 MiB.
  std::string text;
  std::vector<char> chunk(1 << 20);
  while (text.size() <= kMaxFileBytes && in.read(chunk.data(), static_cast<std::streamsize>(chunk.size())).gcount() > 0) {
    text.append(chunk.data(), static_cast<size_t>(in.gcount()));
  }
  bool cut = text.size() > kMaxFileBytes;
  if (cut) text.resize(kMaxFileBytes);
  DriverResults results = ParseDriverResults(text, known_cases, limits);
  if (cut) results.problems.push_back("the results file is larger than 256 MiB; the rest was not read");
  return results;
}

}  // namespace ecrc::sdk
