// The suites a run can be asked for, by name: the one list --suite is validated against.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "base/status.h"
#include "harness/runner/suite.h"

namespace ecrc::runner {

class SuiteRegistry {
 public:
  using Factory = std::function<std::unique_ptr<Suite>()>;

  // `by_default`: part of a run that names no suite.
  void Add(Factory factory, bool by_default);

  // Every registered name, in registration order.
  std::vector<std::string> Names() const;
  // The names a run without --suite runs, comma-separated ("contract,scenario,property").
  std::string DefaultList() const;
  // Fresh suites for `names` (each at most once, in the order given). Fails on an unknown or
  // empty name with a message naming the known ones.
  Result<std::vector<std::unique_ptr<Suite>>> Make(const std::vector<std::string>& names) const;

 private:
  struct Entry {
    std::string name;
    Factory factory;
    bool by_default;
  };
  std::vector<Entry> entries_;
};

}  // namespace ecrc::runner
