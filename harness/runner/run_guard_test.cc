#include "harness/runner/run_guard.h"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

namespace ecrc::runner {
namespace {

client::TransportResult Failure(std::string message) {
  return client::TransportResult(client::TransportError{client::TransportErrorKind::kTimeout, std::move(message)}, HttpRequest{});
}
client::TransportResult Answer() { return client::TransportResult(HttpResponse{}, HttpRequest{}); }

TEST(RunGuard, TripsAfterNConsecutiveFailuresAndNamesTheLast) {
  RunGuard guard({3, std::nullopt, ""});
  guard.Record(Failure("a"));
  guard.Record(Failure("b"));
  EXPECT_EQ(guard.Refusal(), "");
  guard.Record(Failure("timeout: c"));
  EXPECT_TRUE(guard.tripped());
  EXPECT_EQ(guard.Refusal(), "the endpoint stopped answering: 3 consecutive transport failures, last: timeout: c");
  guard.Record(Answer());
  EXPECT_TRUE(guard.tripped()) << "once tripped, the run is over";
}

TEST(RunGuard, AnAnswerResetsTheCount) {
  RunGuard guard({3, std::nullopt, ""});
  for (int i = 0; i < 10; ++i) {
    guard.Record(Failure("x"));
    guard.Record(Failure("x"));
    guard.Record(Answer());
  }
  EXPECT_FALSE(guard.tripped());
  EXPECT_EQ(guard.StopReason(), "");
}

TEST(RunGuard, CountsAcrossThreads) {
  RunGuard guard({50, std::nullopt, ""});
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 20; ++i) guard.Record(Failure("x"));
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_TRUE(guard.tripped());
}

TEST(RunGuard, DeadlineStopsWithItsReason) {
  RunGuard past({5, RunGuard::Clock::now() - std::chrono::seconds(1), "5m"});
  EXPECT_TRUE(past.deadline_reached());
  EXPECT_FALSE(past.tripped());
  EXPECT_EQ(past.Refusal(), "deadline reached (--deadline 5m)");
  RunGuard future({5, RunGuard::Clock::now() + std::chrono::hours(1), "1h"});
  EXPECT_EQ(future.Refusal(), "");
}

TEST(RunGuard, TripByHand) {
  RunGuard guard({0, std::nullopt, ""});
  for (int i = 0; i < 100; ++i) guard.Record(Failure("x"));
  EXPECT_FALSE(guard.tripped()) << "0 disables the breaker";
  guard.Trip("the endpoint stopped answering: probe");
  EXPECT_EQ(guard.Refusal(), "the endpoint stopped answering: probe");
}

}  // namespace
}  // namespace ecrc::runner
