// The model files compiled into the binary (see cmake/embed.cmake).
#pragma once

#include <vector>

#include "base/embedded_file.h"

namespace ecrc::spec {

// "service", "paginators" and "semantics".
const std::vector<EmbeddedFile>& EmbeddedModelFiles();

}  // namespace ecrc::spec
