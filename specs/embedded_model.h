// The model files compiled into the binary (see cmake/embed.cmake).
#pragma once

#include <string_view>
#include <vector>

namespace ecrc::spec {

struct EmbeddedFile {
  std::string_view name;   // "service", "paginators"
  std::string_view bytes;
};

const std::vector<EmbeddedFile>& EmbeddedModelFiles();

}  // namespace ecrc::spec
