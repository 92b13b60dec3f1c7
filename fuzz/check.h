// Property checks for the fuzz targets: a broken property prints what broke and aborts, so
// libFuzzer (and the replay main under ctest) reports the input as a crash.
#pragma once

#include <cstdint>
#include <string>
#include <memory>
#include <string_view>
#include <vector>

#include "harness/codec/violation.h"
#include "specs/spec.h"

namespace ecrc::fuzz {

// Prints "fuzz property violated at FILE:LINE: CONDITION: DETAIL" to stderr and aborts.
[[noreturn]] void Fail(const char* file, int line, const char* condition, const std::string& detail);

// Shortens `text` for failure messages (fuzzed bodies can be megabytes) and escapes bytes that
// would garble a terminal.
std::string Excerpt(std::string_view text, size_t max = 400);

// The embedded model and its operations in a fixed order (an input's first byte picks one).
struct EmbeddedModel {
  std::shared_ptr<const spec::Service> service = spec::Service::Embedded();
  std::vector<const spec::Operation*> operations;
  EmbeddedModel() {
    for (const auto& [name, op] : service->operations()) operations.push_back(&op);
  }
  // The operation an input's selector byte picks.
  const spec::Operation& OperationFor(uint8_t selector) const { return *operations[selector % operations.size()]; }
  // The lowest printable selector byte that picks operations[index] (seed files stay readable).
  char SelectorFor(size_t index) const;
};

// "path: kind: constraint; " for each violation, for failure messages.
std::string Describe(const codec::Violations& violations);

}  // namespace ecrc::fuzz

// `detail` is only evaluated when the check fails, so it may be expensive to build.
#define ECRC_FUZZ_CHECK(condition, detail)                                           \
  do {                                                                               \
    if (!(condition)) ::ecrc::fuzz::Fail(__FILE__, __LINE__, #condition, (detail));  \
  } while (0)
