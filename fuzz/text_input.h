// Splits readable fuzz inputs into lines, so corpus files can be written and read by hand
// (`<first line>\n<header lines>\n\n<body>`).
#pragma once

#include <string_view>

namespace ecrc::fuzz {

// Removes and returns the text up to the first '\n' of `rest` (all of it when there is none).
inline std::string_view TakeLine(std::string_view& rest) {
  size_t nl = rest.find('\n');
  std::string_view line = rest.substr(0, nl);
  rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
  return line;
}

}  // namespace ecrc::fuzz
