// What the model predicts for one request: success, or one of a set of errors (a set because
// where several rules are broken at once the fact sheet does not say which the endpoint checks
// first, and where it leaves the code open, U, each plausible code is accepted).
#pragma once

#include <string>
#include <vector>

namespace ecrc::prop {

struct Expected {
  std::vector<std::string> errors;  // empty: success
  // The fact sheet leaves open (U) whether the endpoint answers one of `errors` or succeeds.
  bool or_success = false;

  static Expected Success() { return {}; }
  static Expected Error(std::string code) { return {{std::move(code)}}; }
  bool success() const { return errors.empty(); }
  // Adds `code` when `applies`; returns *this for chaining the rules of one operation.
  Expected& If(bool applies, const std::string& code);
  std::string ToString() const;
};

}  // namespace ecrc::prop
