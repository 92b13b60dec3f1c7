// What a conforming SDK decodes from a response, and where an SDK's decoded output differs from
// it, walked along the model's output shape so blobs, timestamps and numbers compare by value.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "specs/spec.h"

namespace ecrc::sdk {

struct OutputDifference {
  std::string path;      // `imageDetails[0].imagePushedAt`, "" for the whole output
  std::string expected;  // what a conforming SDK reports (JSON text, or a description)
  std::string observed;  // what this one reported
};

// The wire body as a conforming SDK reports it, in wire form: members the shape lacks and nulls
// removed at every level.
nlohmann::json ExpectedDecoding(const spec::Shape& shape, const nlohmann::json& wire);

// Every difference (at most `max`) between `expected` (from ExpectedDecoding) and `observed`
// (a driver's output). Equal by value: numbers numerically, timestamps within a millisecond
// (JavaScript's Date holds no more), blobs by their bytes whatever the base64 padding. An
// observed member the response did not carry is accepted only as null, or as an empty list or
// map (SDKs that default collections), so an SDK that invents values is caught.
std::vector<OutputDifference> CompareOutput(const spec::Shape& shape, const nlohmann::json& expected,
                                            const nlohmann::json& observed, size_t max = 20);

}  // namespace ecrc::sdk
