// The reference server over real loopback sockets: startup, headers, keep-alive, body cap,
// clean shutdown and a clear error for a port in use.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <httplib.h>

#include <atomic>
#include <thread>

#include "reference/test_util.h"

namespace ecrc::server::testing {
namespace {

httplib::Headers JsonHeaders(const std::string& op) {
  return {{"X-Amz-Target", "SpencerFrontendService." + op}};
}

int PortOf(const std::string& url) { return std::stoi(url.substr(url.rfind(':') + 1)); }

TEST(HttpFront, ServesOverLoopback) {
  Server server(TestOptions());
  auto url = server.Start();
  ASSERT_TRUE(url.ok()) << url.status().message();
  EXPECT_THAT(*url, ::testing::StartsWith("http://127.0.0.1:"));
  httplib::Client client("127.0.0.1", PortOf(*url));
  auto res = client.Post("/", JsonHeaders("CreateRepository"), R"({"repositoryName":"app"})", "application/x-amz-json-1.1");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->get_header_value("Content-Type"), "application/x-amz-json-1.1");
  EXPECT_EQ(res->get_header_value("x-amzn-RequestId").size(), 36u);
  res = client.Post("/", JsonHeaders("CreateRepository"), R"({"repositoryName":"app"})", "application/x-amz-json-1.1");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 400);
  EXPECT_EQ(res->get_header_value("x-amzn-ErrorType"), "RepositoryAlreadyExistsException");
  EXPECT_EQ(json::parse(res->body)["__type"], "RepositoryAlreadyExistsException");
  // Another path or method still gets a JSON error, never a 5xx.
  res = client.Get("/");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 404);
  EXPECT_EQ(json::parse(res->body)["__type"], "UnknownOperationException");
  res = client.Post("/other", JsonHeaders("DescribeRegistries"), "{}", "application/x-amz-json-1.1");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 404);
  server.Stop();
  server.Stop();  // idempotent
}

TEST(HttpFront, OversizedBodiesGet413) {
  Options options = TestOptions();
  options.max_body_bytes = 4096;
  Server server(options);
  auto url = server.Start();
  ASSERT_TRUE(url.ok());
  httplib::Client client("127.0.0.1", PortOf(*url));
  auto res = client.Post("/", JsonHeaders("CreateRepository"), std::string(10000, ' '), "application/x-amz-json-1.1");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 413);
  EXPECT_EQ(json::parse(res->body)["__type"], "RequestEntityTooLargeException");
}

TEST(HttpFront, PortInUseIsAClearError) {
  Server first(TestOptions());
  auto url = first.Start();
  ASSERT_TRUE(url.ok());
  Options options = TestOptions();
  options.port = PortOf(*url);
  Server second(options);
  auto again = second.Start();
  ASSERT_FALSE(again.ok());
  EXPECT_THAT(again.status().message(), ::testing::HasSubstr("in use"));
}

TEST(HttpFront, ManyKeepAliveClientsAtOnce) {
  Server server(TestOptions());
  auto url = server.Start();
  ASSERT_TRUE(url.ok());
  int port = PortOf(*url);
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int c = 0; c < 16; ++c) {
    threads.emplace_back([&, c] {
      httplib::Client client("127.0.0.1", port);
      client.set_keep_alive(true);
      for (int i = 0; i < 20; ++i) {
        std::string body = R"({"repositoryName":"c)" + std::to_string(c) + "-" + std::to_string(i) + R"("})";
        auto res = client.Post("/", JsonHeaders(i % 2 ? "DescribeRepositories" : "CreateRepository"),
                               i % 2 ? "{}" : body, "application/x-amz-json-1.1");
        if (!res || res->status != 200) ++failures;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(failures.load(), 0);
}

}  // namespace
}  // namespace ecrc::server::testing
