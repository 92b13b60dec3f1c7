// The bench's yardstick: a cpp-httplib server tuned as the reference server is, answering every
// POST with a fixed 200-byte awsJson body, so the reference's rate can be read as a fraction of
// what the HTTP layer alone allows.
#include <atomic>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>

#include <httplib.h>

namespace {

httplib::Server* g_server = nullptr;

void Stop(int) {
  if (g_server != nullptr) g_server->stop();
}

// Exactly 200 bytes of JSON, shaped like a small awsJson reply.
std::string FixedBody() {
  std::string body = R"({"registryId":"123456789012","repositoryName":"trivial","note":")";
  const std::string tail = R"("})";
  body.append(200 - body.size() - tail.size(), 'x');
  body += tail;
  return body;
}

}  // namespace

int main(int argc, char** argv) {
  std::string host = "127.0.0.1";
  int port = 0;
  int threads = 64;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--port") == 0) port = std::atoi(argv[i + 1]);
    else if (std::strcmp(argv[i], "--host") == 0) host = argv[i + 1];
    else if (std::strcmp(argv[i], "--threads") == 0) threads = std::atoi(argv[i + 1]);
  }
  static const std::string kBody = FixedBody();
  httplib::Server server;
  // Without these cpp-httplib is orders of magnitude slower (Nagle, 8-thread pool): see
  // docs/toolchain.md. They mirror the reference server's settings.
  server.set_tcp_nodelay(true);
  server.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<size_t>(threads)); };
  server.set_keep_alive_max_count(100000);
  server.set_keep_alive_timeout(30);
  server.set_read_timeout(30, 0);
  server.set_payload_max_length(1 << 20);
  server.Post("/", [](const httplib::Request&, httplib::Response& res) {
    res.set_header("x-amzn-RequestId", "00000000-0000-4000-8000-000000000000");
    res.set_content(kBody, "application/x-amz-json-1.1");
  });
  if (port == 0) {
    port = server.bind_to_any_port(host);
  } else if (!server.bind_to_port(host, port)) {
    port = -1;
  }
  if (port < 0) {
    std::fprintf(stderr, "trivial_httplib_server: cannot bind %s\n", host.c_str());
    return 2;
  }
  g_server = &server;
  std::signal(SIGINT, Stop);
  std::signal(SIGTERM, Stop);
  std::printf("http://%s:%d\n", host.c_str(), port);
  std::fflush(stdout);
  server.listen_after_bind();
  return 0;
}
