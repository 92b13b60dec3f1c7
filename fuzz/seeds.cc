// Helpers the seeders share; see seeds.h.
#include "fuzz/seeds.h"

#include "fuzz/check.h"
#include "harness/codec/sample.h"
#include "harness/codec/value.h"

namespace ecrc::fuzz {

nlohmann::json SampleWire(const spec::Shape& shape, bool maximal) {
  codec::SampleOptions options;
  options.maximal = maximal;
  options.length_cap = 64;  // seeds stay small; the fuzzer finds the long ones
  auto v = codec::SampleValue(shape, options);
  ECRC_FUZZ_CHECK(v.ok(), "no sample for " + shape.name + ": " + v.status().message());
  return codec::ValueToWire(shape, *v);
}

}  // namespace ecrc::fuzz
