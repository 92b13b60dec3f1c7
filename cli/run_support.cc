#include "cli/run_support.h"

#include <csignal>
#include <cstdio>
#include <iostream>
#include <ctime>
#include <random>

namespace ecrc::cli {
namespace {

std::atomic<bool> g_interrupted{false};

void OnSignal(int) {
  g_interrupted = true;
  std::signal(SIGINT, SIG_DFL);
  std::signal(SIGTERM, SIG_DFL);
}

}  // namespace

InterruptScope::InterruptScope() {
  std::signal(SIGINT, OnSignal);
  std::signal(SIGTERM, OnSignal);
}

InterruptScope::~InterruptScope() {
  std::signal(SIGINT, SIG_DFL);
  std::signal(SIGTERM, SIG_DFL);
}

std::atomic<bool>* InterruptScope::flag() { return &g_interrupted; }

std::string UniqueName(const std::string& stem) {
  std::random_device rd;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%08x", rd());
  return stem + "-" + buf;
}

std::string TimestampedReportDir(const std::string& suffix) {
  std::time_t t = std::time(nullptr);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y%m%dT%H%M%SZ", std::gmtime(&t));
  return std::string("reports/runs/") + buf + "-" + suffix;
}

void PrintFailingChecks(const results::RunReport& report, const std::string& dir) {
  size_t shown = 0;
  for (const auto& r : report.checks) {
    if (r.outcome < results::Outcome::kFailed) continue;
    if (++shown > 25) {
      std::cout << "  ... see the report for the rest\n";
      break;
    }
    std::cout << "  " << results::OutcomeName(r.outcome) << " [" << results::SeverityName(r.severity) << "] " << r.id;
    if (!r.findings.empty()) std::cout << ": " << r.findings.front().message;
    std::cout << "\n";
    if (!r.attachment.empty() && !dir.empty()) std::cout << "    replay: ecr-conform replay " << dir << "/" << r.attachment << " [--endpoint-url URL]\n";
  }
}

}  // namespace ecrc::cli
