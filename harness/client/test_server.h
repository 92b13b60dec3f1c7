// A cpp-httplib server on a loopback port for the client tests: start, record what arrived, stop.
#pragma once

#include <httplib.h>

#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "base/http.h"

namespace ecrc::client::testing {

struct Received {
  HttpRequest request;  // headers as they arrived (httplib keeps them in a case-insensitive multimap)
  int remote_port = 0;  // the client's port: equal ports mean one reused connection
};

class TestServer {
 public:
  TestServer();
  ~TestServer();

  // Install handlers on server() before Start().
  httplib::Server& server() { return server_; }
  // Binds 127.0.0.1 on a free port, serves on a thread and returns once it accepts connections.
  void Start();
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  int port() const { return port_; }

  // Every request that reached a handler, in order (handlers call Record).
  void Record(const httplib::Request& req);
  std::vector<Received> received();

 private:
  httplib::Server server_;
  std::thread thread_;
  int port_ = 0;
  std::mutex mu_;
  std::vector<Received> received_;
};

}  // namespace ecrc::client::testing
