// Text made fit for a report reader: invalid UTF-8 and unprintable characters replaced visibly,
// and long text cut with a marker saying how much was left out.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace ecrc::report {

// `text` with every invalid UTF-8 sequence replaced by U+FFFD.
std::string SanitizeUtf8(std::string_view text);
// SanitizeUtf8, and control characters other than tab, LF and CR replaced by U+FFFD too, so
// a reader sees that something unprintable was there.
std::string SanitizeForDisplay(std::string_view text);

// At most `max_bytes` of `text` (never splitting a UTF-8 sequence), followed by a marker saying
// how much was left out; `text` itself when it fits. The result never exceeds `max_bytes`
// unless max_bytes is smaller than the marker.
std::string TruncateWithMarker(std::string_view text, size_t max_bytes);

}  // namespace ecrc::report
