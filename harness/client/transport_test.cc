#include "harness/client/transport.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>

#include "harness/client/test_server.h"

namespace ecrc::client {
namespace {

using std::chrono::milliseconds;
using testing::TestServer;

// A loopback socket bound to a free port. With listen(), the kernel completes connections
// but nobody ever reads or answers: a server that hangs.
class RawSocket {
 public:
  explicit RawSocket(bool listening) {
    fd_ = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof(addr));
    socklen_t len = sizeof(addr);
    getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
    if (listening) listen(fd_, 16);
  }
  ~RawSocket() { close(fd_); }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }

 private:
  int fd_;
  int port_;
};

HttpRequest JsonPost(std::string body = "{}") {
  HttpRequest r;
  r.headers.Add("X-Amz-Target", "SpencerFrontendService.DescribeRegistries");
  r.headers.Add("Content-Type", "application/x-amz-json-1.1");
  r.body = std::move(body);
  return r;
}

Signing TestSigning(std::string token = "") {
  return Signing{"us-east-1", "ecr-public", Credentials{"AKIDTEST", "SECRETTEST", std::move(token)}};
}

long ElapsedMs(std::chrono::steady_clock::time_point start);

// One signed JSON POST through a fresh Transport, and how long it took.
TransportResult TimedSend(const std::string& url, const TransportOptions& options, long* elapsed_ms) {
  Transport transport(options);
  auto start = std::chrono::steady_clock::now();
  TransportResult r = transport.Send(url, JsonPost(), TestSigning());
  *elapsed_ms = ElapsedMs(start);
  return r;
}

long ElapsedMs(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration_cast<milliseconds>(std::chrono::steady_clock::now() - start).count();
}

TEST(TransportTest, ConnectionRefusedIsUnreachableAndFast) {
  std::string url;
  {
    RawSocket bound_not_listening(false);  // holds the port so nobody else takes it
    url = bound_not_listening.url();
    Transport transport;
    auto start = std::chrono::steady_clock::now();
    TransportResult r = transport.Send(url, JsonPost(), TestSigning());
    EXPECT_LT(ElapsedMs(start), 1000);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, TransportErrorKind::kUnreachable) << r.error().message;
    EXPECT_NE(r.error().message.find(url), std::string::npos) << r.error().message;
    EXPECT_EQ(r.error().message.find('\n'), std::string::npos);
  }
}

TEST(TransportTest, ServerThatNeverAnswersTimesOutWithinItsBound) {
  RawSocket hanging(true);
  TransportOptions options;
  options.total_timeout = milliseconds(300);
  long elapsed = 0;
  TransportResult r = TimedSend(hanging.url(), options, &elapsed);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, TransportErrorKind::kTimeout) << r.error().message;
  EXPECT_GE(elapsed, 250);
  EXPECT_LT(elapsed, 300 + 1000);
  EXPECT_NE(r.error().message.find(hanging.url()), std::string::npos) << r.error().message;
  EXPECT_NE(r.error().message.find("0.3 s"), std::string::npos) << r.error().message;
}

TEST(TransportTest, ServerThatStallsIsATimeoutWithinTheLowSpeedWindow) {
  RawSocket hanging(true);
  TransportOptions options;
  options.total_timeout = milliseconds(20000);
  options.low_speed_time = milliseconds(1000);
  long elapsed = 0;
  TransportResult r = TimedSend(hanging.url(), options, &elapsed);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, TransportErrorKind::kTimeout) << r.error().message;
  EXPECT_NE(r.error().message.find("stalled"), std::string::npos) << r.error().message;
  EXPECT_LT(elapsed, 10000) << "the low-speed window, not the 20 s total, must end it";
}

TEST(TransportTest, HeaderFloodIsTooLarge) {
  TestServer server;
  server.server().Post("/many", [](const httplib::Request&, httplib::Response& res) {
    for (int i = 0; i < 1000; ++i) res.set_header("X-Flood-" + std::to_string(i), "1");
    res.set_content("{}", "application/x-amz-json-1.1");
  });
  server.server().Post("/long", [](const httplib::Request&, httplib::Response& res) {
    res.set_header("X-Huge", std::string(80 << 10, 'h'));
    res.set_content("{}", "application/x-amz-json-1.1");
  });
  server.Start();
  Transport transport;
  for (const char* path : {"/many", "/long"}) {
    HttpRequest request = JsonPost();
    request.path = path;
    TransportResult r = transport.Send(server.url(), request, TestSigning());
    ASSERT_FALSE(r.ok()) << path;
    EXPECT_EQ(r.error().kind, TransportErrorKind::kTooLarge) << path << ": " << r.error().message;
    EXPECT_NE(r.error().message.find(std::string_view(path) == "/many" ? "more than 256 headers" : "header block"), std::string::npos)
        << r.error().message;
  }
}

TEST(TransportTest, RedirectsAreAnswersNotFollowed) {
  TestServer server;
  server.server().Post("/", [&server](const httplib::Request& req, httplib::Response& res) {
    server.Record(req);
    res.status = 307;
    res.set_header("Location", server.url() + "/");
  });
  server.Start();
  Transport transport;
  TransportResult r = transport.Send(server.url(), JsonPost(), TestSigning());
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r.response().status, 307);
  EXPECT_EQ(server.received().size(), 1u);
}

TEST(TransportTest, ContentEncodingIsNotUndone) {
  static const std::string kGzipped("\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\x03\xab\xae\x05\x00\x43\xbf\xa6\xa3\x02\x00\x00\x00", 22);
  TestServer server;
  server.server().Post("/", [](const httplib::Request&, httplib::Response& res) {
    res.set_header("Content-Encoding", "gzip");
    res.set_content(kGzipped, "application/x-amz-json-1.1");
  });
  server.Start();
  Transport transport;
  TransportResult r = transport.Send(server.url(), JsonPost(), TestSigning());
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r.response().body, kGzipped) << "the codec judges the encoding; the transport must not inflate it";
  EXPECT_EQ(r.sent().headers.Find("Accept-Encoding"), nullptr);
}

TEST(TransportTest, ResponseLargerThanTheCapIsTooLarge) {
  TestServer server;
  server.server().Post("/", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(std::string(1 << 20, 'x'), "application/x-amz-json-1.1");
  });
  // No Content-Length: only the write callback can notice.
  server.server().Post("/chunked", [](const httplib::Request&, httplib::Response& res) {
    res.set_chunked_content_provider("application/x-amz-json-1.1", [](size_t offset, httplib::DataSink& sink) {
      std::string chunk(16 << 10, 'y');
      sink.write(chunk.data(), chunk.size());
      if (offset + chunk.size() >= (1 << 20)) sink.done();
      return true;
    });
  });
  server.Start();
  TransportOptions options;
  options.max_response_bytes = 64 << 10;
  Transport transport(options);
  for (const char* path : {"/", "/chunked"}) {
    HttpRequest request = JsonPost();
    request.path = path;
    TransportResult r = transport.Send(server.url(), request, TestSigning());
    ASSERT_FALSE(r.ok()) << path;
    EXPECT_EQ(r.error().kind, TransportErrorKind::kTooLarge) << path << ": " << r.error().message;
    EXPECT_NE(r.error().message.find(server.url() + path), std::string::npos) << r.error().message;
  }
  // A response within the cap still works on the same handle afterwards.
  options.max_response_bytes = 2 << 20;
  Transport roomy(options);
  TransportResult ok = roomy.Send(server.url(), JsonPost(), TestSigning());
  ASSERT_TRUE(ok.ok()) << ok.error().message;
  EXPECT_EQ(ok.response().body.size(), 1u << 20);
}

TEST(TransportTest, ChunkedResponseIsReassembled) {
  TestServer server;
  server.server().Post("/", [](const httplib::Request&, httplib::Response& res) {
    res.set_chunked_content_provider("application/x-amz-json-1.1", [](size_t offset, httplib::DataSink& sink) {
      static const char* parts[] = {"{\"regis", "tries\":", "[]}"};
      size_t index = offset == 0 ? 0 : offset == 7 ? 1 : 2;
      sink.write(parts[index], std::strlen(parts[index]));
      if (index == 2) sink.done();
      return true;
    });
  });
  server.Start();
  Transport transport;
  TransportResult r = transport.Send(server.url(), JsonPost(), TestSigning());
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r.response().status, 200);
  EXPECT_EQ(r.response().body, "{\"registries\":[]}");
  const std::string* te = r.response().headers.Find("transfer-encoding");
  ASSERT_NE(te, nullptr);
  EXPECT_EQ(*te, "chunked");
}

TEST(TransportTest, KeepAliveReusesOneConnection) {
  TestServer server;
  server.server().Post("/", [&server](const httplib::Request& req, httplib::Response& res) {
    server.Record(req);
    res.set_content("{}", "application/x-amz-json-1.1");
  });
  server.Start();
  Transport transport;
  for (int i = 0; i < 3; ++i) {
    TransportResult r = transport.Send(server.url(), JsonPost(), TestSigning());
    ASSERT_TRUE(r.ok()) << r.error().message;
  }
  auto received = server.received();
  ASSERT_EQ(received.size(), 3u);
  EXPECT_EQ(received[0].remote_port, received[1].remote_port);
  EXPECT_EQ(received[1].remote_port, received[2].remote_port);
}

size_t CountHeader(const Headers& headers, std::string_view name) {
  size_t n = 0;
  for (const auto& [key, value] : headers.entries) n += EqualsIgnoreCase(key, name);
  return n;
}

TEST(TransportTest, SignedRequestCarriesSessionTokenAndNoDuplicates) {
  TestServer server;
  server.server().Post("/", [&server](const httplib::Request& req, httplib::Response& res) {
    server.Record(req);
    res.set_content("{}", "application/x-amz-json-1.1");
  });
  server.Start();
  Transport transport;
  TransportResult r = transport.Send(server.url(), JsonPost(), TestSigning("SESSIONTOKEN"));
  ASSERT_TRUE(r.ok()) << r.error().message;
  auto received = server.received();
  ASSERT_EQ(received.size(), 1u);
  const Headers& h = received[0].request.headers;
  ASSERT_NE(h.Find("X-Amz-Security-Token"), nullptr);
  EXPECT_EQ(*h.Find("X-Amz-Security-Token"), "SESSIONTOKEN");
  ASSERT_NE(h.Find("Authorization"), nullptr);
  EXPECT_NE(h.Find("Authorization")->find("x-amz-security-token"), std::string::npos) << "the token must be signed";
  EXPECT_NE(h.Find("Authorization")->find("/us-east-1/ecr-public/aws4_request"), std::string::npos);
  for (const auto& [name, value] : h.entries) EXPECT_EQ(CountHeader(h, name), 1u) << name;
  EXPECT_EQ(*h.Find("Content-Type"), "application/x-amz-json-1.1");
  // libcurl's default Accept goes out unsigned (a removal marker would be signed as empty).
  std::string signed_headers = h.Find("Authorization")->substr(h.Find("Authorization")->find("SignedHeaders="));
  EXPECT_EQ(signed_headers.find("accept"), std::string::npos) << signed_headers;
  EXPECT_EQ(signed_headers.find("expect"), std::string::npos) << signed_headers;
  EXPECT_EQ(received[0].request.body, "{}");

  // What the transport reports as sent is what arrived.
  EXPECT_EQ(*r.sent().headers.Find("Authorization"), *h.Find("Authorization"));
  EXPECT_EQ(*r.sent().headers.Find("X-Amz-Date"), *h.Find("X-Amz-Date"));
  EXPECT_EQ(r.sent().method, "POST");
  EXPECT_EQ(r.sent().path, "/");

  // Without a token there is no token header.
  ASSERT_TRUE(transport.Send(server.url(), JsonPost(), TestSigning()).ok());
  EXPECT_EQ(server.received()[1].request.headers.Find("X-Amz-Security-Token"), nullptr);
}

TEST(TransportTest, ResponseHeadersKeepCaseAndDuplicates) {
  TestServer server;
  server.server().Post("/", [](const httplib::Request&, httplib::Response& res) {
    res.headers.emplace("X-MiXeD-Case", "v");
    res.headers.emplace("X-Dup", "a");
    res.headers.emplace("X-Dup", "b");
    res.status = 400;
    res.set_content("{\"__type\":\"X\"}", "application/x-amz-json-1.1");
  });
  server.Start();
  Transport transport;
  TransportResult r = transport.Send(server.url(), JsonPost(), TestSigning());
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r.response().status, 400);
  EXPECT_EQ(CountHeader(r.response().headers, "X-Dup"), 2u);
  bool mixed = false;
  for (const auto& [name, value] : r.response().headers.entries) mixed |= name == "X-MiXeD-Case";
  EXPECT_TRUE(mixed);
}

TEST(TransportTest, UnsignedSendsExactlyTheGivenHeaders) {
  TestServer server;
  server.server().Post("/", [&server](const httplib::Request& req, httplib::Response& res) {
    server.Record(req);
    res.set_content("{}", "application/x-amz-json-1.1");
  });
  server.server().Put("/put", [&server](const httplib::Request& req, httplib::Response& res) { server.Record(req); });
  server.Start();
  Transport transport;
  HttpRequest probe;
  probe.headers.Add("X-Amz-Target", "SpencerFrontendService.DescribeRegistries");
  probe.headers.Add("X-Amz-Target", "SpencerFrontendService.CreateRepository");
  probe.headers.Add("X-Empty", "");
  probe.body = "not json";
  ASSERT_TRUE(transport.SendUnsigned(server.url(), probe).ok());
  HttpRequest put = probe;
  put.method = "PUT";
  put.path = "/put";
  ASSERT_TRUE(transport.SendUnsigned(server.url(), put).ok());

  auto received = server.received();
  ASSERT_EQ(received.size(), 2u);
  const Headers& h = received[0].request.headers;
  EXPECT_EQ(CountHeader(h, "X-Amz-Target"), 2u);
  EXPECT_EQ(h.Find("Authorization"), nullptr);
  EXPECT_EQ(h.Find("X-Amz-Date"), nullptr);
  EXPECT_EQ(h.Find("Content-Type"), nullptr) << "no form Content-Type may be invented";
  EXPECT_EQ(h.Find("Accept"), nullptr);
  // httplib drops empty header values on arrival; libcurl's record of what it wrote still has it.
  TransportResult again = transport.SendUnsigned(server.url(), probe);
  const Headers& sent = again.sent().headers;
  ASSERT_NE(sent.Find("X-Empty"), nullptr);
  EXPECT_EQ(*sent.Find("X-Empty"), "");
  EXPECT_EQ(CountHeader(sent, "X-Amz-Target"), 2u);
  EXPECT_EQ(received[0].request.body, "not json");
  EXPECT_EQ(received[1].request.method, "PUT");
  EXPECT_EQ(received[1].request.body, "not json");
}

TEST(TransportTest, RefusesRequestsLibcurlWouldSignWrongly) {
  Transport transport;
  HttpRequest dup = JsonPost();
  dup.headers.Add("content-type", "text/plain");
  HttpRequest dated = JsonPost();
  dated.headers.Add("X-Amz-Date", "20240101T000000Z");
  HttpRequest query = JsonPost();
  query.path = "/?b=1&a=2";
  HttpRequest untyped;
  untyped.body = "{}";
  HttpRequest empty = JsonPost();
  empty.headers.Add("X-Empty", "");
  for (const auto& [request, why] : {std::pair{dup, "repeats the header"}, std::pair{dated, "X-Amz-Date"},
                                    std::pair{query, "query string"}, std::pair{untyped, "no Content-Type"},
                                    std::pair{empty, "empty value"}}) {
    TransportResult r = transport.Send("http://127.0.0.1:1", request, TestSigning());
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, TransportErrorKind::kOther);
    EXPECT_NE(r.error().message.find(why), std::string::npos) << r.error().message;
  }
}

}  // namespace
}  // namespace ecrc::client
