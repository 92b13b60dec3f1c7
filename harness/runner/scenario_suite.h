// The scenario suite: hand-written multi-call checks of lifecycle and semantics (an image pushed
// and described, a tag moved, a page token honoured), each citing its source.
#pragma once

#include "harness/runner/suite.h"

namespace ecrc::runner {

class ScenarioSuite : public Suite {
 public:
  static constexpr char kName[] = "scenario";
  const char* name() const override { return kName; }
  std::vector<Unit> Plan(const SuitePlanning& planning) override;
};

}  // namespace ecrc::runner
