// What every ecr-conform subcommand shares: global options, the loaded spec, the exit code.
#pragma once

#include <memory>
#include <string>

#include "specs/semantics.h"
#include "specs/spec.h"

namespace CLI {
class App;
}

namespace ecrc::cli {

// Exit codes of ecr-conform (docs/design: 0 pass, 1 conformance failures, 2 usage/config/harness,
// 3 target unreachable).
inline constexpr int kExitOk = 0;
inline constexpr int kExitFindings = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitUnreachable = 3;

struct Context {
  std::string model_dir;  // --model; empty means the embedded ECR Public model
  int exit_code = kExitOk;

  // The spec to work from, loaded once. On a bad --model, prints why and returns nullptr
  // (exit_code is then kExitUsage).
  std::shared_ptr<const spec::Service> Service();
  // The semantics file fitted to Service() (the embedded one, checked against --model). On a
  // mismatch, prints why and returns nullptr (exit_code is then kExitUsage).
  std::shared_ptr<const spec::Semantics> Semantics();

 private:
  std::shared_ptr<const spec::Service> service_;
  std::shared_ptr<const spec::Semantics> semantics_;
};

// Prints `ecr-conform: <message>` to stderr and sets the exit code.
void Fail(Context& ctx, int code, const std::string& message);

// One per subcommand file; each adds its subcommand and the callback that runs it.
void AddSpecCommand(CLI::App& app, Context& ctx);
void AddCallCommand(CLI::App& app, Context& ctx);
void AddServeCommand(CLI::App& app, Context& ctx);
void AddDiffCommand(CLI::App& app, Context& ctx);
void AddRunCommand(CLI::App& app, Context& ctx);
void AddReplayCommand(CLI::App& app, Context& ctx);
void AddFuzzCommand(CLI::App& app, Context& ctx);
void AddSdkCommand(CLI::App& app, Context& ctx);

}  // namespace ecrc::cli
