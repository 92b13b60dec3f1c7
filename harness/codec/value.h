// Values of model shapes, and their conversion to and from the awsJson wire form.
//
// A Value is a JSON document shaped like the model, except that blob members hold raw bytes
// (nlohmann binary) instead of base64 text. Timestamps are epoch seconds (numbers) in both forms.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string_view>
#include <vector>

#include "specs/spec.h"

namespace ecrc::codec {

using Value = nlohmann::json;

// Blob members become base64 strings; everything else is copied. Members that the shape does not
// know are passed through untouched, so deliberately wrong values survive encoding. Taken by
// value: callers done with `value` move it in and nothing is copied.
nlohmann::json ValueToWire(const spec::Shape& shape, Value value);

// Base64 strings in blob members become bytes; a string that is not valid base64 is left as it
// is (the validator reports it). Never throws.
Value WireToValue(const spec::Shape& shape, nlohmann::json wire);

// A blob Value from raw bytes.
Value BlobValue(std::string_view bytes);
Value BlobValue(std::vector<std::uint8_t> bytes);

}  // namespace ecrc::codec
