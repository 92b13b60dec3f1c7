#include "cli/embedded_server.h"

#include "reference/server.h"

namespace ecrc::cli {

EmbeddedServer::EmbeddedServer() = default;

EmbeddedServer::~EmbeddedServer() {
  if (server_) server_->Stop();
}

Result<std::string> EmbeddedServer::Start(const std::string& region) {
  server::Options options;
  options.host = "127.0.0.1";
  options.port = 0;
  options.region = region;
  server_ = std::make_unique<server::Server>(options);
  return server_->Start();
}

}  // namespace ecrc::cli
