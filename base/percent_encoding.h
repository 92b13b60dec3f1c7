// Percent-encoding (RFC 3986 §2.1) as SigV4 canonicalisation and secret redaction both need it:
// the unreserved characters kept, every other byte as %XX with upper-case hex.
#pragma once

#include <string>
#include <string_view>

namespace ecrc {

// `text` with every byte outside RFC 3986's unreserved set (A-Z a-z 0-9 - . _ ~) and outside
// `also_keep` (e.g. "/" for a SigV4 canonical URI) encoded as %XX.
std::string PercentEncode(std::string_view text, std::string_view also_keep = "");

}  // namespace ecrc
