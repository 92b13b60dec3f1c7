// UTF-8 helpers: AWS length traits count characters, not bytes, and invalid UTF-8 must be caught.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace ecrc {

// Number of code points in `text`, or nullopt when `text` is not valid UTF-8.
std::optional<size_t> Utf8Length(std::string_view text);

}  // namespace ecrc
