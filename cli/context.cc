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

std::shared_ptr<const spec::Semantics> Context::Semantics() {
  if (semantics_) return semantics_;
  auto service = Service();
  if (!service) return nullptr;
  if (model_dir.empty()) return semantics_ = spec::Semantics::Embedded();
  auto fitted = spec::Semantics::EmbeddedFor(*service);
  if (!fitted.ok()) {
    Fail(*this, kExitUsage, "the semantics file does not fit --model " + model_dir + ": " + fitted.status().message());
    return nullptr;
  }
  return semantics_ = *fitted;
}

void Fail(Context& ctx, int code, const std::string& message) {
  std::cerr << "ecr-conform: " << message << "\n";
  ctx.exit_code = code;
}

}  // namespace ecrc::cli
