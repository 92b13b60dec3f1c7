// Subcommands whose files have not landed yet register nothing; weak so the real ones win.
#include "cli/context.h"

namespace ecrc::cli {
__attribute__((weak)) void AddCallCommand(CLI::App&, Context&) {}
__attribute__((weak)) void AddServeCommand(CLI::App&, Context&) {}
__attribute__((weak)) void AddDiffCommand(CLI::App&, Context&) {}
__attribute__((weak)) void AddRunCommand(CLI::App&, Context&) {}
__attribute__((weak)) void AddReplayCommand(CLI::App&, Context&) {}
__attribute__((weak)) void AddFuzzCommand(CLI::App&, Context&) {}
}  // namespace ecrc::cli
