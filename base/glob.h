// Check-id globs for --check: `*` matches any run of characters, `?` one character; everything
// else is literal, brackets included, because check ids carry them
// (`required_member_rejected[CreateRepository.repositoryName.required]`).
#pragma once

#include <string_view>

namespace ecrc {

bool GlobMatch(std::string_view glob, std::string_view text);

}  // namespace ecrc
