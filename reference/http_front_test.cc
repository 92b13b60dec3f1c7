// The reference server over real loopback sockets: startup, headers, keep-alive, body cap,
// clean shutdown and a clear error for a port in use.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <httplib.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

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

// A client that sends a request with a large response and hangs up at once must not take the
// server down (cpp-httplib writes without MSG_NOSIGNAL; an unhandled SIGPIPE kills the process).
TEST(HttpFront, ClientsHangingUpMidResponseDoNotKillTheServer) {
  Server server(TestOptions());
  auto url = server.Start();
  ASSERT_TRUE(url.ok());
  int port = PortOf(*url);
  httplib::Client client("127.0.0.1", port);
  ASSERT_TRUE(client.Post("/", JsonHeaders("CreateRepository"), R"({"repositoryName":"app"})", "application/x-amz-json-1.1"));
  for (int i = 0; i < 20; ++i) {
    // An artifact manifest without blobs is accepted as is; its echo makes a 3 MB response.
    json manifest = {{"mediaType", "application/vnd.oci.artifact.manifest.v1+json"},
                     {"artifactType", "application/x.test"},
                     {"blobs", json::array()},
                     {"pad", std::string(3 << 20, 'a' + i % 26) + std::to_string(i)}};
    std::string body = json{{"repositoryName", "app"}, {"imageManifest", manifest.dump()}}.dump();
    std::string request = "POST / HTTP/1.1\r\nHost: x\r\nX-Amz-Target: SpencerFrontendService.PutImage\r\n"
                          "Content-Type: application/x-amz-json-1.1\r\nContent-Length: " +
                          std::to_string(body.size()) + "\r\n\r\n" + body;
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    ASSERT_GE(fd, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ASSERT_EQ(::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
    for (size_t sent = 0; sent < request.size();) {
      ssize_t n = ::send(fd, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
      if (n <= 0) break;
      sent += static_cast<size_t>(n);
    }
    ::close(fd);
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  auto res = client.Post("/", JsonHeaders("DescribeRegistries"), "{}", "application/x-amz-json-1.1");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
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
