#include "harness/client/test_server.h"

#include <chrono>

namespace ecrc::client::testing {

TestServer::TestServer() {
  // docs/toolchain.md: Nagle costs ~40 ms per keep-alive POST; the default pool is small.
  server_.set_tcp_nodelay(true);
  server_.new_task_queue = [] { return new httplib::ThreadPool(8); };
  server_.set_read_timeout(5, 0);
  server_.set_payload_max_length(64 << 20);
}

TestServer::~TestServer() {
  server_.stop();
  if (thread_.joinable()) thread_.join();
}

void TestServer::Start() {
  port_ = server_.bind_to_any_port("127.0.0.1");
  thread_ = std::thread([this] { server_.listen_after_bind(); });
  // 0.11.4 has no wait_until_ready().
  while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

void TestServer::Record(const httplib::Request& req) {
  Received r;
  r.request.method = req.method;
  r.request.path = req.target.empty() ? req.path : req.target;
  for (const auto& [name, value] : req.headers) {
    // httplib adds these itself; they did not come over the wire.
    if (name == "REMOTE_ADDR" || name == "REMOTE_PORT" || name == "LOCAL_ADDR" || name == "LOCAL_PORT") continue;
    r.request.headers.Add(name, value);
  }
  r.request.body = req.body;
  r.remote_port = req.remote_port;
  std::lock_guard<std::mutex> lock(mu_);
  received_.push_back(std::move(r));
}

std::vector<Received> TestServer::received() {
  std::lock_guard<std::mutex> lock(mu_);
  return received_;
}

}  // namespace ecrc::client::testing
