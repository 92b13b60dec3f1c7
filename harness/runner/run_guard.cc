#include "harness/runner/run_guard.h"

namespace ecrc::runner {

void RunGuard::Record(const client::TransportResult& result) {
  std::lock_guard lock(mu_);
  if (!tripped_reason_.empty()) return;
  if (result.ok()) {
    consecutive_ = 0;
    return;
  }
  ++consecutive_;
  if (limits_.max_consecutive_failures > 0 && consecutive_ >= limits_.max_consecutive_failures) {
    tripped_reason_ = "the endpoint stopped answering: " + std::to_string(consecutive_) +
                      " consecutive transport failures, last: " + result.error().message;
  }
}

void RunGuard::Trip(std::string reason) {
  std::lock_guard lock(mu_);
  if (tripped_reason_.empty()) tripped_reason_ = std::move(reason);
}

bool RunGuard::tripped() const {
  std::lock_guard lock(mu_);
  return !tripped_reason_.empty();
}

bool RunGuard::deadline_reached() const { return limits_.deadline && Clock::now() >= *limits_.deadline; }

std::string RunGuard::StopReason() const {
  {
    std::lock_guard lock(mu_);
    if (!tripped_reason_.empty()) return tripped_reason_;
  }
  if (deadline_reached()) return "deadline reached" + (limits_.deadline_text.empty() ? "" : " (--deadline " + limits_.deadline_text + ")");
  return "";
}

}  // namespace ecrc::runner
