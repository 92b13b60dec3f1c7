// Bounds a run against an endpoint that stopped answering: a circuit breaker that trips after N
// consecutive transport failures (across all workers), and an overall deadline. Once either
// stops the run, every request is refused at once, so the run ends in seconds, not N timeouts.
#pragma once

#include <atomic>
#include <chrono>
#include <mutex>
#include <optional>
#include <string>

#include "harness/client/client.h"

namespace ecrc::runner {

class RunGuard : public client::SendGate {
 public:
  using Clock = std::chrono::steady_clock;
  struct Limits {
    int max_consecutive_failures = 5;  // 0: no breaker
    std::optional<Clock::time_point> deadline;
    std::string deadline_text;  // as the user gave it, e.g. "5m", for the reason
  };
  explicit RunGuard(Limits limits) : limits_(std::move(limits)) {}

  std::string Refusal() override { return StopReason(); }
  void Record(const client::TransportResult& result) override;

  // Trips the breaker by hand, e.g. when the first request already got no usable answer.
  void Trip(std::string reason);

  bool tripped() const;
  bool deadline_reached() const;
  // "the endpoint stopped answering: 5 consecutive transport failures, last: ...", or
  // "deadline reached (5m)", or "" while the run may go on.
  std::string StopReason() const;

 private:
  Limits limits_;
  mutable std::mutex mu_;
  int consecutive_ = 0;
  std::string tripped_reason_;
};

}  // namespace ecrc::runner
