#include "reference/http_front.h"

#include <signal.h>
#include <sys/socket.h>

#include <chrono>
#include <httplib.h>

#include "base/percent_encoding.h"

namespace ecrc::server {

// cpp-httplib 0.11.4 listens with a backlog of 5 (compiled into the library), so a burst of
// connections would see SYN retries of a second or more. Its socket is protected: a subclass
// raises the backlog after binding (listen() on a listening socket updates it on Linux).
class HttpFront::Tuned : public httplib::Server {
 public:
  void RaiseBacklog() { ::listen(svr_sock_, SOMAXCONN); }
};

namespace {

void Fill(httplib::Response& out, HttpResponse&& in) {
  out.status = in.status;
  std::string content_type;
  for (auto& [name, value] : in.headers.entries) {
    if (EqualsIgnoreCase(name, "Content-Type")) {
      content_type = value;
    } else if (!EqualsIgnoreCase(name, "Content-Length")) {
      out.set_header(name, value);
    }
  }
  out.body = std::move(in.body);
  if (!content_type.empty()) out.set_header("Content-Type", content_type);
}

}  // namespace

HttpFront::HttpFront(Handler handler, FrontOptions options)
    : handler_(std::move(handler)), options_(std::move(options)), server_(std::make_unique<Tuned>()) {
  auto& svr = *server_;
  // Without these cpp-httplib is two orders of magnitude slower (toolchain.md): Nagle delays
  // every keep-alive response, and the default pool of 8 threads serves 8 connections at once.
  svr.set_tcp_nodelay(true);
  int threads = options_.threads;
  svr.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<size_t>(threads)); };
  svr.set_payload_max_length(options_.max_body_bytes);
  svr.set_read_timeout(options_.read_timeout_seconds, 0);
  svr.set_write_timeout(options_.write_timeout_seconds, 0);
  svr.set_keep_alive_max_count(1u << 30);
  // cpp-httplib's default options add SO_REUSEPORT, which lets a second server bind a port that
  // is in use and silently share its traffic. SO_REUSEADDR alone still allows a quick restart.
  svr.set_socket_options([](int sock) {
    int yes = 1;
    ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  svr.set_keep_alive_timeout(5);
  auto serve = [this](const httplib::Request& req, httplib::Response& res) {
    HttpRequest request;
    request.method = req.method;
    request.path = req.path;
    // cpp-httplib 0.11.4 keeps only the decoded parameters, not the raw query: re-encode them.
    for (auto it = req.params.begin(); it != req.params.end(); ++it) {
      request.path += (it == req.params.begin() ? "?" : "&") + PercentEncode(it->first) + "=" + PercentEncode(it->second);
    }
    request.headers.entries.reserve(req.headers.size());
    for (const auto& [name, value] : req.headers) {
      // cpp-httplib adds the socket's addresses as headers; the client sent none of them.
      if (name == "LOCAL_ADDR" || name == "LOCAL_PORT" || name == "REMOTE_ADDR" || name == "REMOTE_PORT") continue;
      request.headers.entries.emplace_back(name, value);
    }
    // The body is not read again after this handler; moving it spares a copy of up to 32 MiB.
    request.body = std::move(const_cast<std::string&>(req.body));
    Fill(res, handler_(request));
  };
  if (options_.every_route) {
    svr.Get(".*", serve).Post(".*", serve).Put(".*", serve).Patch(".*", serve).Delete(".*", serve).Options(".*", serve);
  } else {
    svr.Post("/", serve);
  }
  // Requests refused before a handler ran (413, 400, 404 for another path or method) still get
  // a JSON error body; responses the handler produced are left alone.
  svr.set_error_handler(httplib::Server::HandlerWithResponse(
      [this](const httplib::Request&, httplib::Response& res) {
        if (!res.body.empty() || !options_.refusal) return httplib::Server::HandlerResponse::Unhandled;
        Fill(res, options_.refusal(res.status));
        return httplib::Server::HandlerResponse::Handled;
      }));
  svr.set_exception_handler([this](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
    if (options_.refusal) Fill(res, options_.refusal(500));
  });
}

HttpFront::~HttpFront() { Stop(); }

Result<int> HttpFront::Listen(const std::string& host, int port) {
  // cpp-httplib 0.11.4 sends without MSG_NOSIGNAL, so a client hanging up mid-response would
  // raise SIGPIPE and kill the process. Its Server constructor already ignores SIGPIPE
  // process-wide; this says so here, where the dependency is, and keeps it true if that changes.
  ::signal(SIGPIPE, SIG_IGN);
  auto& svr = *server_;
  int bound = port;
  if (port == 0) {
    bound = svr.bind_to_any_port(host);
    if (bound < 0) return Status::Error("cannot listen on " + host + " (no free port, or the address is not local)");
  } else if (!svr.bind_to_port(host, port)) {
    return Status::Error("cannot listen on " + host + ":" + std::to_string(port) +
                         " (the port is in use, or the address is not local)");
  }
  svr.RaiseBacklog();
  thread_ = std::thread([&svr] { svr.listen_after_bind(); });
  // 0.11.4 has no wait_until_ready(): wait for the accept loop to be running.
  for (int i = 0; i < 5000 && !svr.is_running(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  if (!svr.is_running()) {
    Stop();
    return Status::Error("the HTTP server on " + host + ":" + std::to_string(bound) + " did not start");
  }
  return bound;
}

void HttpFront::Stop() {
  if (server_) server_->stop();
  if (thread_.joinable()) thread_.join();
}

}  // namespace ecrc::server
