// A file compiled into the binary by cmake/embed.cmake: the name it was given and its bytes.
#pragma once

#include <string_view>
#include <vector>

namespace ecrc {

struct EmbeddedFile {
  std::string_view name;   // as given to embed.cmake: "service", "report_css"
  std::string_view bytes;  // exactly the file's bytes (a NUL follows them in memory)
};

// The bytes of the file called `name` in `files`; empty when there is none.
inline std::string_view FindEmbeddedFile(const std::vector<EmbeddedFile>& files, std::string_view name) {
  for (const auto& f : files) {
    if (f.name == name) return f.bytes;
  }
  return {};
}

}  // namespace ecrc
