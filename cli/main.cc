// ecr-conform: conformance suite, fuzzer and reference server for the Amazon ECR Public API.
#include <CLI/CLI.hpp>
#include <iostream>

#include "cli/context.h"

int main(int argc, char** argv) {
  using namespace ecrc::cli;
  Context ctx;
  CLI::App app{"ecr-conform: conformance tests, fuzzing and a reference server for Amazon ECR Public implementations"};
  app.set_help_all_flag("--help-all", "Show help for every subcommand");
  app.require_subcommand(1);
  app.add_option("--model", ctx.model_dir,
                 "Directory holding service-2.json (and paginators-1.json) of another model "
                 "(default: the embedded ECR Public 2020-10-30 model)")
      ->check(CLI::ExistingDirectory);
  AddRunCommand(app, ctx);
  AddSpecCommand(app, ctx);
  AddCallCommand(app, ctx);
  AddServeCommand(app, ctx);
  AddDiffCommand(app, ctx);
  AddReplayCommand(app, ctx);
  AddFuzzCommand(app, ctx);
  AddSdkCommand(app, ctx);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);  // prints what was wrong
    return kExitUsage;
  }
  return ctx.exit_code;
}
