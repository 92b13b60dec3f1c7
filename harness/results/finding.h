// One thing a check found wrong, pointing at the evidence that shows it.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

namespace ecrc::results {

struct Finding {
  std::string message;   // what was wrong, for a human
  std::string path;      // JSON path in the body or "header:<Name>", when it points somewhere
  std::string expected;  // what the contract says
  std::string observed;  // what the endpoint did
  std::optional<size_t> exchange;  // index into CheckResult::exchanges
};

}  // namespace ecrc::results
