// Text as XML (and HTML) character data or attribute values, for the JUnit and HTML writers.
#pragma once

#include <string>
#include <string_view>

namespace ecrc::report {

// `text` escaped for XML (and HTML) character data (attribute = true also escapes quotes and whitespace
// controls so they survive attribute normalisation); invalid UTF-8 and characters illegal in
// XML 1.0 are replaced by U+FFFD.
std::string XmlEscape(std::string_view text, bool attribute = false);

}  // namespace ecrc::report
