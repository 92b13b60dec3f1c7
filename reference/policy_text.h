// Repository policy text: the check that it is a JSON policy document, and the re-serialisation
// ECR applies before storing it (Jackson's default pretty printer, fact sheet §5.6).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace ecrc::server {

// Returns the policy re-serialised the way ECR returns it (`{\n  "Version" : "2012-10-17", ...`:
// two-space indented objects, " : " separators, arrays on one line as `[ a, b ]`, member order
// kept), or nullopt with `*why` set when `text` is not a policy: not JSON, not an object, no
// Statement (object or list of objects), a Version other than 2008-10-17 / 2012-10-17, or
// nested deeper than 64 levels.
std::optional<std::string> NormalizePolicy(std::string_view text, std::string* why);

}  // namespace ecrc::server
