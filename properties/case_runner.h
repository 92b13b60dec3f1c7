// Runs one sequence of commands against the endpoint under a fresh case prefix, checking each
// against the model, and cleans up: the unit both the property suite and replay are made of.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "properties/command.h"

namespace ecrc::prop {

// Where case prefixes come from: a random tag per process and a counter, so every run of a
// sequence (shrink re-runs and replays included) starts with no repository of its own.
std::string NextCasePrefix();

// The initial model for a case whose endpoint shows `display_name`.
Model InitialModel(const Limits& limits, const std::string& display_name);

struct CaseRun {
  Status setup;                 // not ok when the set-up calls failed (Sut::Begin); `failure` says why
  std::string setup_operation;  // the set-up call the endpoint failed, when it answered one
  std::string failure;        // empty when every command agreed with the model
  Trace trace;
};

// Runs `commands` in order (a command whose precondition no longer holds is a failure of the
// sequence, reported as such). Never throws.
CaseRun RunCommands(runner::CallPath& path, const Limits& limits, const std::vector<CommandPtr>& commands, Tally* tally);

}  // namespace ecrc::prop
