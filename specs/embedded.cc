#include <cstdio>
#include <cstdlib>

#include "specs/embedded_model.h"
#include "specs/spec.h"

namespace ecrc::spec {

std::shared_ptr<const Service> Service::Embedded() {
  static const std::shared_ptr<const Service> service = [] {
    std::string_view service_json, paginators_json;
    for (const auto& f : EmbeddedModelFiles()) {
      if (f.name == "service") service_json = f.bytes;
      if (f.name == "paginators") paginators_json = f.bytes;
    }
    auto loaded = Load(service_json, paginators_json);
    if (!loaded.ok()) {
      // The embedded model is checked by the build's tests; failing here means a broken build.
      std::fprintf(stderr, "ecr-conform: embedded model is invalid: %s\n", loaded.status().message().c_str());
      std::abort();
    }
    return *loaded;
  }();
  return service;
}

}  // namespace ecrc::spec
