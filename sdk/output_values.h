// Output documents for the SDK response vectors, built from an output shape's traits alone: the
// largest realistic one, the smallest valid one, and the variations the vectors send on top of
// them (unknown members, nulls, fractional timestamps, empty collections). All in wire form.
#pragma once

#include <cstdint>

#include <nlohmann/json.hpp>

#include "base/status.h"
#include "specs/spec.h"

namespace ecrc::sdk {

// Strings are at most this many code points long, so a 25600-character limit does not put 25 KiB
// of text into every vector.
inline constexpr int64_t kStringCap = 256;
// The largest integer every SDK can hold: JavaScript numbers are doubles (2^53 - 1).
inline constexpr int64_t kMaxSafeInteger = 9007199254740991;

// Every member at every level; lists of two elements and maps of two entries (fewer where the
// shape's max says so); strings at their longest (capped at kStringCap code points), from the
// codec's sampler where a pattern constrains them, otherwise non-ASCII text (Latin-1 accents,
// CJK, an astral-plane emoji); integers and longs at min(max, 2^31-1 or 2^53-1); integral epoch
// seconds; enums their first value; booleans true. `variant` shifts text and timestamps, so that
// list elements and pages can be told apart. Fails when a pattern admits none of the sampler's
// strings; the message names the shape.
Result<nlohmann::json> MaxOutput(const spec::Shape& shape, int variant = 0);

// Required members only, at every level; lists and maps of one entry where they are required
// (so the required members inside them are sent too); strings at their shortest non-empty
// length; numbers at their minimum (0 when none); booleans false.
Result<nlohmann::json> MinOutput(const spec::Shape& shape);

// The member no model has, and what it holds: nested, with a null, so that a reader which skips
// unknown members must skip a whole value rather than one token.
inline constexpr char kUnknownMemberName[] = "ecrcUnknownMember";
nlohmann::json UnknownMemberValue();

// `wire` with kUnknownMemberName added to every structure at every level (list elements and map
// values included). Maps get none: a new key in a map is an entry, not an unknown member.
nlohmann::json WithUnknownMembers(const spec::Shape& shape, nlohmann::json wire);

struct SentAndExpected {
  nlohmann::json sent;
  nlohmann::json expected;  // what a conforming SDK decodes from `sent`
};

// Optional members holding no structure (scalars, lists and maps of scalars) become null; optional
// members holding structures keep them and the same rule applies inside, so nulls appear at every
// level, list elements included. The expected output leaves the nulled members out.
SentAndExpected WithNulls(const spec::Shape& shape, const nlohmann::json& wire);

// Every timestamp becomes fractional epoch seconds with millisecond precision, the fractions
// (.125, .5, .25, .75) exactly representable in binary so no SDK rounds them differently.
nlohmann::json WithFractionalTimestamps(const spec::Shape& shape, nlohmann::json wire);

// Every list becomes [] and every map {}.
nlohmann::json WithEmptyCollections(const spec::Shape& shape, nlohmann::json wire);

// Whether a value of `shape` can hold a timestamp / a list or map somewhere inside.
bool HoldsTimestamp(const spec::Shape& shape);
bool HoldsCollection(const spec::Shape& shape);

}  // namespace ecrc::sdk
