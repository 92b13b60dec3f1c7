#include "cli/context.h"

#include <iostream>

namespace ecrc::cli {

std::shared_ptr<const spec::Service> Context::Service() {
  if (service_) return service_;
  if (model_dir.empty()) return service_ = spec::Service::Embedded();
  auto loaded = spec::Service::LoadDir(model_dir);
  if (!loaded.ok()) {
    Fail(*this, kExitUsage, loaded.status().message());
    return nullptr;
  }
  return service_ = *loaded;
}

void Fail(Context& ctx, int code, const std::string& message) {
  std::cerr << "ecr-conform: " << message << "\n";
  ctx.exit_code = code;
}

}  // namespace ecrc::cli
