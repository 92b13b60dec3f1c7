// The socket side of the reference server: a cpp-httplib server tuned as toolchain.md says
// (TCP_NODELAY, a 64-thread pool, body cap, timeouts), turning HTTP exchanges into calls of one
// in-process handler.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <thread>

#include "base/http.h"
#include "base/status.h"

namespace httplib {
class Server;
}

namespace ecrc::server {

struct FrontOptions {
  size_t max_body_bytes = 32u << 20;
  int threads = 64;
  int read_timeout_seconds = 30;
  int write_timeout_seconds = 30;
  // What to answer when cpp-httplib refuses a request before the handler runs (body too large,
  // malformed request line, another path): status → response.
  std::function<HttpResponse(int status)> refusal;
  // Hand every method and path to the handler (the path with its query string), instead of
  // refusing all but POST /: the SDK judge must see a client's wrong request to say what was wrong.
  bool every_route = false;
};

class HttpFront {
 public:
  using Handler = std::function<HttpResponse(HttpRequest& request)>;

  HttpFront(Handler handler, FrontOptions options);
  ~HttpFront();

  // Binds host:port (0: ephemeral) and serves on a background thread. Returns the bound port, or
  // an error naming the address when binding fails.
  Result<int> Listen(const std::string& host, int port);
  void Stop();

 private:
  class Tuned;
  Handler handler_;
  FrontOptions options_;
  std::unique_ptr<Tuned> server_;
  std::thread thread_;
};

}  // namespace ecrc::server
