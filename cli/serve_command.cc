// `ecr-conform serve`: runs the reference ECR Public server until SIGINT/SIGTERM.
#include <pthread.h>
#include <signal.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <iostream>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "cli/context.h"
#include "cli/run_exit.h"
#include "harness/report/writer.h"
#include "reference/server.h"
#include "sdk/judge.h"
#include "sdk/sdk_report.h"

namespace ecrc::cli {
namespace {

struct ServeArgs {
  std::string host = "127.0.0.1";
  int port = 0;
  std::string account_id = "123456789012";
  std::string registry_alias;
  std::string region = "us-east-1";
  std::vector<std::string> faults;
  bool list_faults = false;
  std::vector<std::string> choices;
  bool list_choices = false;
  bool judge = false;
  std::string report_dir;
  std::string formats = "json,junit,md,html";
  std::string access_key_id = sdk::JudgeOptions().access_key_id;
  std::string secret_access_key = sdk::JudgeOptions().secret_access_key;
};

bool IsAccountId(const std::string& s) {
  if (s.size() != 12) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// The model's alias grammar: [a-z][a-z0-9]+(?:[._-][a-z0-9]+)*, 2..50 characters.
bool IsAlias(const std::string& s) {
  if (s.size() < 2 || s.size() > 50 || !(s[0] >= 'a' && s[0] <= 'z')) return false;
  bool after_separator = false;
  for (size_t i = 1; i < s.size(); ++i) {
    char c = s[i];
    bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (c == '.' || c == '_' || c == '-') {
      if (after_separator || i == 1) return false;
      after_separator = true;
    } else if (alnum) {
      after_separator = false;
    } else {
      return false;
    }
  }
  return !after_separator;
}

// The judge in front of the reference: every request is recorded and judged; on SIGINT/SIGTERM
// the report (suite sdk) is written when --report-dir names a folder.
void ServeJudge(Context& ctx, const ServeArgs& args, server::Options options, std::shared_ptr<const spec::Service> service,
                sigset_t signals) {
  sdk::JudgeOptions judge_options;
  judge_options.reference = std::move(options);
  judge_options.access_key_id = args.access_key_id;
  judge_options.secret_access_key = args.secret_access_key;
  sdk::Judge judge(service, {}, judge_options);
  auto url = judge.Start();
  if (!url.ok()) return Fail(ctx, kExitUsage, url.status().message());
  std::cout << *url << std::endl;
  std::cerr << "ecr-conform: judging every request to " << *url << " (credentials " << args.access_key_id
            << ", region " << judge_options.reference.region << "); stop with SIGINT or SIGTERM" << std::endl;
  int received = 0;
  sigwait(&signals, &received);
  judge.Stop();
  sdk::CaseCheckContext context{*service, "", args.secret_access_key};
  auto report = sdk::SdkReport(judge, context, {"serve --judge " + *url, nullptr, {}});
  std::cerr << "ecr-conform: stopped (signal " << received << ")" << std::endl;
  if (args.report_dir.empty()) return;
  auto formats = report::ParseReportFormats(args.formats);
  if (auto written = report::WriteReports(report, args.report_dir, *formats, {{args.secret_access_key}}); !written.ok()) {
    return Fail(ctx, kExitUsage, "writing the report: " + written.message());
  }
  std::cerr << "ecr-conform: report: " << args.report_dir << std::endl;
  ctx.exit_code = RunExitCode(report);
}

void Serve(Context& ctx, const ServeArgs& args) {
  if (args.list_faults) {
    size_t width = 0;
    for (const auto& info : server::AllFaults()) width = std::max(width, std::string(info.name).size());
    for (const auto& info : server::AllFaults()) {
      std::string name = info.name;
      std::cout << name << std::string(width + 2 - name.size(), ' ') << info.description << "\n";
    }
    return;
  }
  if (args.list_choices) {
    // One line each: name, values with the default marked by '*', description.
    std::vector<std::pair<std::string, std::string>> rows;
    size_t name_width = 0, values_width = 0;
    for (const auto& info : server::AllChoices()) {
      std::string values;
      for (size_t i = 0; i < info.values.size(); ++i) values += (i ? "|" : "") + std::string(info.values[i]) + (i == 0 ? "*" : "");
      rows.emplace_back(info.name, values);
      name_width = std::max(name_width, rows.back().first.size());
      values_width = std::max(values_width, values.size());
    }
    for (size_t i = 0; i < rows.size(); ++i) {
      const auto& [name, values] = rows[i];
      std::cout << name << std::string(name_width + 2 - name.size(), ' ') << values
                << std::string(values_width + 2 - values.size(), ' ') << server::AllChoices()[i].description << "\n";
    }
    return;
  }
  if (!args.judge && !args.report_dir.empty()) return Fail(ctx, kExitUsage, "--report-dir needs --judge");
  if (auto formats = report::ParseReportFormats(args.formats); !formats.ok()) {
    return Fail(ctx, kExitUsage, "--format: " + formats.status().message());
  }
  std::string error;
  auto faults = server::Faults::Parse(args.faults, &error);
  if (!faults) return Fail(ctx, kExitUsage, error);
  auto choices = server::Choices::Parse(args.choices, &error);
  if (!choices) return Fail(ctx, kExitUsage, error);
  if (!IsAccountId(args.account_id)) return Fail(ctx, kExitUsage, "--account-id must be 12 digits");
  if (!args.registry_alias.empty() && !IsAlias(args.registry_alias)) {
    return Fail(ctx, kExitUsage,
                "--registry-alias must match [a-z][a-z0-9]+(?:[._-][a-z0-9]+)* and have 2 to 50 characters");
  }
  if (args.port < 0 || args.port > 65535) return Fail(ctx, kExitUsage, "--port must be 0..65535");
  auto service = ctx.Service();
  if (!service) return;

  // Block the shutdown signals before any server thread exists, so every thread inherits the mask
  // and only sigwait below receives them.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  server::Options options;
  options.host = args.host;
  options.port = args.port;
  options.account_id = args.account_id;
  options.registry_alias = args.registry_alias;
  options.region = args.region;
  options.faults = *faults;
  options.choices = *choices;
  if (args.judge) return ServeJudge(ctx, args, std::move(options), service, signals);
  server::Server server(options, service);
  auto url = server.Start();
  if (!url.ok()) return Fail(ctx, kExitUsage, url.status().message());
  // The URL is the first line of stdout, flushed, so a parent process can read it and connect.
  std::cout << *url << std::endl;
  std::cerr << "ecr-conform: serving ECR Public for account " << args.account_id << " (alias "
            << server.identity().alias << ", region " << args.region << ")";
  if (!faults->empty()) {
    std::cerr << " with faults:";
    for (const auto& name : faults->Names()) std::cerr << " " << name;
  }
  if (auto chosen = choices->NonDefault(); !chosen.empty()) {
    std::cerr << " playing:";
    for (const auto& setting : chosen) std::cerr << " " << setting;
  }
  std::cerr << "; stop with SIGINT or SIGTERM" << std::endl;
  int received = 0;
  sigwait(&signals, &received);
  server.Stop();
  std::cerr << "ecr-conform: stopped (signal " << received << ")" << std::endl;
}

}  // namespace

void AddServeCommand(CLI::App& app, Context& ctx) {
  auto args = std::make_shared<ServeArgs>();
  auto* cmd = app.add_subcommand("serve", "Run the reference ECR Public server (prints its URL first, stops on SIGINT/SIGTERM)");
  cmd->add_option("--host", args->host, "Address to listen on")->capture_default_str();
  cmd->add_option("--port", args->port, "Port to listen on (0: an ephemeral port)")->capture_default_str();
  cmd->add_option("--account-id", args->account_id, "12-digit account id of the registry")->capture_default_str();
  cmd->add_option("--registry-alias", args->registry_alias,
                  "Registry alias used in repository URIs (default: one derived from the account id)");
  cmd->add_option("--region", args->region, "Region the server claims to be in (GetAuthorizationToken needs us-east-1)")
      ->capture_default_str();
  cmd->add_option("--fault", args->faults, "Commit this named contract violation (repeatable; see --list-faults)");
  cmd->add_flag("--list-faults", args->list_faults, "Print every fault with what it breaks, then exit");
  cmd->add_option("--choice", args->choices,
                  "Play this reading of open AWS behaviour, NAME=VALUE (repeatable; see --list-choices)");
  cmd->add_flag("--list-choices", args->list_choices,
                "Print every choice with its values (default marked *) and what is open, then exit");
  cmd->add_flag("--judge", args->judge,
                "Judge every request a client sends (SDK conformance: framing, body, SigV4) besides answering it");
  cmd->add_option("--report-dir", args->report_dir, "With --judge: write the report (suite sdk) here when stopped");
  cmd->add_option("--format", args->formats, "With --report-dir: comma-separated report formats")->capture_default_str();
  cmd->add_option("--access-key-id", args->access_key_id, "With --judge: the access key id clients sign with")
      ->capture_default_str();
  cmd->add_option("--secret-access-key", args->secret_access_key, "With --judge: the secret key signatures are verified with")
      ->capture_default_str();
  cmd->callback([&ctx, args] { Serve(ctx, *args); });
}

}  // namespace ecrc::cli
