// `ecr-conform diff OLD.json NEW.json [--format text|md]`: regression review between two runs.
#include <CLI/CLI.hpp>
#include <iostream>

#include "cli/context.h"
#include "harness/report/diff.h"

namespace ecrc::cli {

void AddDiffCommand(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand(
      "diff",
      "Compare two JSON reports: new failures (regressions), fixed, still failing, checks that appeared or disappeared, "
      "and spec changes. Exit 1 when something regressed, 0 otherwise, 2 when a report cannot be read");
  struct Args {
    std::string old_path, new_path, format = "text";
  };
  auto args = std::make_shared<Args>();
  cmd->add_option("old", args->old_path, "The earlier report.json (e.g. a committed baseline)")->required();
  cmd->add_option("new", args->new_path, "The later report.json")->required();
  cmd->add_option("--format", args->format, "text (default) or md")->check(CLI::IsMember({"text", "md", "markdown"}));
  cmd->callback([&ctx, args] {
    auto format = args->format == "text" ? report::DiffFormat::kText : report::DiffFormat::kMarkdown;
    // RunDiff's codes match the CLI's: 0 no regression, 1 regressions (kExitFindings), 2 unreadable (kExitUsage).
    ctx.exit_code = report::RunDiff(args->old_path, args->new_path, format, std::cout, std::cerr);
  });
}

}  // namespace ecrc::cli
