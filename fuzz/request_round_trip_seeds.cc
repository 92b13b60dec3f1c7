// Seeds of fuzz_request_round_trip (format: its header): for every operation, its selector byte
// followed by 256 bytes of zeros, of ones and of a fixed pseudorandom mix, so the provider walks
// the input shape with members absent, present at their bounds, and in between.
#include <cstdint>
#include <string>

#include "fuzz/check.h"
#include "fuzz/seeds.h"

namespace ecrc::fuzz {
namespace {

// `n` bytes of a linear congruential sequence from `seed`: the same bytes on every run.
std::string Pseudorandom(size_t n, uint32_t seed) {
  std::string out(n, '\0');
  for (auto& c : out) {
    seed = seed * 1664525u + 1013904223u;
    c = static_cast<char>(seed >> 24);
  }
  return out;
}

}  // namespace

void SeedRequestRoundTrip(const SeedSink& add) {
  EmbeddedModel model;
  const auto& ops = model.operations;
  for (size_t i = 0; i < ops.size(); ++i) {
    std::string op_byte(1, model.SelectorFor(i));
    add(ops[i]->name + ".zeros", op_byte + std::string(256, '\0'));
    add(ops[i]->name + ".ones", op_byte + std::string(256, '\xff'));
    add(ops[i]->name + ".mixed", op_byte + Pseudorandom(256, static_cast<uint32_t>(i)));
  }
}

}  // namespace ecrc::fuzz
