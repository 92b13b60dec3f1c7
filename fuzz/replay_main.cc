// The main of every fuzz target when it is built without libFuzzer: runs LLVMFuzzerTestOneInput
// once over each file named on the command line (directories: each regular file in them, not
// recursively), so ctest replays the corpora with the ordinary compiler.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace {

namespace fs = std::filesystem;

bool RunFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "replay: cannot read %s\n", path.c_str());
    return false;
  }
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  // A copy in its own allocation, as libFuzzer does, so reads past the end are not masked by
  // the string's capacity (visible under ASan).
  std::vector<uint8_t> data(bytes.begin(), bytes.end());
  LLVMFuzzerTestOneInput(data.data(), data.size());
  return true;
}

// READMEs explain a corpus directory; they are not inputs.
bool IsInput(const fs::path& path) { return path.filename().string().rfind("README", 0) != 0; }

}  // namespace

int main(int argc, char** argv) {
  size_t files = 0;
  size_t missing = 0;
  for (int i = 1; i < argc; ++i) {
    fs::path arg(argv[i]);
    if (!arg.empty() && arg.string()[0] == '-') continue;  // libFuzzer flags, harmless here
    std::error_code ec;
    if (fs::is_directory(arg, ec)) {
      std::vector<fs::path> entries;
      for (const auto& e : fs::directory_iterator(arg, ec)) {
        if (e.is_regular_file() && IsInput(e.path())) entries.push_back(e.path());
      }
      std::sort(entries.begin(), entries.end());  // a stable order makes failures reproducible
      for (const auto& p : entries) files += RunFile(p);
      std::printf("replay: %s: %zu inputs\n", arg.c_str(), entries.size());
    } else if (fs::is_regular_file(arg, ec)) {
      files += RunFile(arg);
    } else {
      std::fprintf(stderr, "replay: %s does not exist\n", argv[i]);
      ++missing;
    }
  }
  std::printf("replay: %zu inputs ran clean\n", files);
  return missing ? 1 : 0;
}
