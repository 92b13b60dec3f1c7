#include "properties/expected.h"

#include <algorithm>

namespace ecrc::prop {

Expected& Expected::If(bool applies, const std::string& code) {
  if (applies && std::find(errors.begin(), errors.end(), code) == errors.end()) errors.push_back(code);
  return *this;
}

std::string Expected::ToString() const {
  if (errors.empty()) return "success";
  std::string out = "error: ";
  for (size_t i = 0; i < errors.size(); ++i) out += (i ? " | " : "") + errors[i];
  return or_success ? "success or " + out : out;
}

}  // namespace ecrc::prop
