// The reference server started in-process on an ephemeral loopback port, for `run` with no
// endpoint. The suite only ever talks to it over HTTP, like to any other endpoint.
#pragma once

#include <memory>
#include <string>

#include "base/status.h"

namespace ecrc::server {
class Server;
}

namespace ecrc::cli {

class EmbeddedServer {
 public:
  EmbeddedServer();
  ~EmbeddedServer();
  // Starts it on 127.0.0.1 with an ephemeral port; returns its URL.
  Result<std::string> Start(const std::string& region);

 private:
  std::unique_ptr<server::Server> server_;
};

}  // namespace ecrc::cli
