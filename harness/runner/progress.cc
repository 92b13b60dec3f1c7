#include "harness/runner/progress.h"

#include <cstdio>

namespace ecrc::runner {

void Progress::SetTotal(size_t units) {
  std::lock_guard lock(mu_);
  total_ = units;
}

void Progress::Tick(const std::vector<results::CheckResult>& results) {
  std::lock_guard lock(mu_);
  for (const auto& r : results) failures_ += r.outcome >= results::Outcome::kFailed;
  ++done_;
  detail_.clear();
  PrintLocked();
}

void Progress::Detail(const std::string& text) {
  std::lock_guard lock(mu_);
  auto now = std::chrono::steady_clock::now();
  if (now < next_detail_) return;
  next_detail_ = now + std::chrono::milliseconds(250);
  detail_ = text;
  PrintLocked();
}

void Progress::Finish() {
  std::lock_guard lock(mu_);
  if (enabled_ && printed_) std::fprintf(stderr, "\n");
  printed_ = false;
}

void Progress::PrintLocked() {
  if (!enabled_) return;
  const char* red = color_ && failures_ ? "\033[31m" : "";
  const char* reset = color_ && failures_ ? "\033[0m" : "";
  // \033[K clears what a longer previous line left behind.
  std::fprintf(stderr, "\r  %zu/%zu done, %s%zu failing%s%s%s\033[K", done_, total_, red, failures_, reset, detail_.empty() ? "" : "; ",
               detail_.c_str());
  std::fflush(stderr);
  printed_ = true;
}

}  // namespace ecrc::runner
