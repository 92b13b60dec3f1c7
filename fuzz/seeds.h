// What a fuzz target's seeder is: a function that writes the target's named seed inputs, kept in
// `<target>_seeds.cc` beside `fuzz_<target>.cc` so that an input format and the seeds written in
// it change together. `fuzz_seed_corpus` (seed_corpus.cc) runs every seeder into the corpus.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "specs/spec.h"

namespace ecrc::fuzz {

// Takes one seed input: `name` (its intent, which becomes the file name) and its bytes.
using SeedSink = std::function<void(const std::string& name, std::string_view bytes)>;

// The seeders, one per target in fuzz/CMakeLists.txt's ECRC_FUZZ_TARGET_NAMES. Each aborts
// with a message (ECRC_FUZZ_CHECK) when the model or the fixture cannot give what it seeds.
void SeedRequestRoundTrip(const SeedSink& add);
void SeedResponseValidation(const SeedSink& add);
void SeedErrorDecoding(const SeedSink& add);
void SeedManifestParsing(const SeedSink& add);
void SeedReferenceDispatch(const SeedSink& add);
void SeedPaginationToken(const SeedSink& add);

// The body of the first 200 answer per operation when the reference_dispatch seeds are replayed
// against the reference fixture: real responses for the response_validation seeds.
std::map<std::string, std::string> ReferenceDispatchAnswers();

// The wire JSON of a sample value of `shape`: minimal (required members only) or maximal (every
// member), with strings capped at 64 characters so seeds stay small. Aborts when the model
// yields no sample.
nlohmann::json SampleWire(const spec::Shape& shape, bool maximal);

}  // namespace ecrc::fuzz
