// Running a driver: its environment, its exit, and a deadline that kills it with its children.
#include "sdk/driver_process.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace ecrc::sdk {
namespace {

std::string Read(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string TempPath(const std::string& name) { return ::testing::TempDir() + "/driver_process_" + name; }

TEST(DriverProcess, EnvironmentIsOverriddenAndScrubbed) {
  ::setenv("AWS_SESSION_TOKEN", "users-real-session-token", 1);
  ::setenv("ECRC_KEPT", "kept", 1);
  DriverCommand command;
  command.argv = {"sh", "-c", "env > " + TempPath("env")};
  command.environment = {{"AWS_REGION", "us-east-1"}, {"ECRC_KEPT", "overridden"}};
  command.unset = {"AWS_SESSION_TOKEN"};
  auto exit = RunDriver(command);
  ::unsetenv("AWS_SESSION_TOKEN");
  ::unsetenv("ECRC_KEPT");
  ASSERT_TRUE(exit.ok()) << exit.status().message();
  EXPECT_TRUE(exit->ok()) << exit->Describe();
  std::string env = Read(TempPath("env"));
  EXPECT_NE(env.find("AWS_REGION=us-east-1\n"), std::string::npos) << env;
  EXPECT_NE(env.find("ECRC_KEPT=overridden\n"), std::string::npos) << env;
  EXPECT_EQ(env.find("AWS_SESSION_TOKEN"), std::string::npos) << env;
}

TEST(DriverProcess, ExitCodeAndOutputTail) {
  DriverCommand command;
  command.argv = {"sh", "-c", "echo last words; exit 3"};
  command.log_path = TempPath("log");
  auto exit = RunDriver(command);
  ASSERT_TRUE(exit.ok());
  EXPECT_FALSE(exit->ok());
  EXPECT_EQ(exit->exit_code, 3);
  EXPECT_EQ(exit->Describe(), "exited 3");
  EXPECT_EQ(exit->output_tail, "last words\n");
}

TEST(DriverProcess, DeadlineKillsTheWholeProcessGroup) {
  DriverCommand command;
  // The child ignores SIGTERM and leaves a grandchild behind: both must go.
  command.argv = {"sh", "-c", "trap '' TERM; sleep 30 & echo $! > " + TempPath("grandchild") + "; sleep 30"};
  command.timeout = std::chrono::milliseconds(300);
  auto exit = RunDriver(command);
  ASSERT_TRUE(exit.ok());
  EXPECT_TRUE(exit->timed_out);
  EXPECT_LT(exit->seconds, 5);
  EXPECT_NE(exit->Describe().find("timed out"), std::string::npos);
  std::string pid = Read(TempPath("grandchild"));
  ASSERT_FALSE(pid.empty());
  // Reaped by init or a zombie at most: no longer running.
  std::string state = Read("/proc/" + pid.substr(0, pid.find('\n')) + "/stat");
  EXPECT_TRUE(state.empty() || state.find(") Z ") != std::string::npos) << state;
}

TEST(DriverProcess, MissingProgramIsAnError) {
  DriverCommand command;
  command.argv = {"/nonexistent/ecrc-driver"};
  auto exit = RunDriver(command);
  ASSERT_FALSE(exit.ok());
  EXPECT_NE(exit.status().message().find("/nonexistent/ecrc-driver"), std::string::npos);
}

}  // namespace
}  // namespace ecrc::sdk
