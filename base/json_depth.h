// How deeply a JSON text nests, counted without parsing: nlohmann's parser, its destructor walk,
// dump() and every recursive visitor recurse, so whoever parses text from an endpoint asks first.
#pragma once

#include <string_view>

namespace ecrc {

// The deepest nesting of arrays and objects in `text`, scanning no further once it passes
// `stop_above` (strings and their escapes are skipped). Not a validator: it only counts.
int JsonNestingDepth(std::string_view text, int stop_above);

}  // namespace ecrc
