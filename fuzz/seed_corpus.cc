// Writes the seed corpora of the fuzz targets (corpus/<target>/<intent>.<ext>) by running each
// target's seeder (<target>_seeds.cc, beside the target), so the committed seeds can be
// regenerated after a model or format change: `fuzz_seed_corpus <corpus dir>`. Files no seeder
// names (inputs merged in by scripts/fuzz, regressions/) are left alone.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <string_view>

#include "fuzz/check.h"
#include "fuzz/seeds.h"

namespace ecrc::fuzz {
namespace {

namespace fs = std::filesystem;

constexpr char kRegressionsReadme[] =
    "# Regression inputs\n\n"
    "Minimized inputs that once broke a property of this fuzz target (or crashed it), kept so that\n"
    "ctest replays them on every run (`fuzz.replay.<target>`). Each file is named after the bug it\n"
    "reproduces; the fix that made it pass is described in the commit that added it. `scripts/fuzz`\n"
    "leaves minimized crash reproducers in `reports/runs/<time>-fuzz/`; copy one here once the bug\n"
    "it shows is fixed.\n";

// Every target of fuzz/CMakeLists.txt and its seeder.
struct Target {
  const char* name;
  void (*seed)(const SeedSink& add);
};
constexpr Target kTargets[] = {
    {"request_round_trip", SeedRequestRoundTrip},   {"reference_dispatch", SeedReferenceDispatch},
    {"response_validation", SeedResponseValidation}, {"error_decoding", SeedErrorDecoding},
    {"manifest_parsing", SeedManifestParsing},       {"pagination_token", SeedPaginationToken},
};

// Writes corpus/<target>/<name>, creating the target's folder and its regressions/README.md.
class Writer {
 public:
  explicit Writer(fs::path root) : root_(std::move(root)) {}

  void Write(const std::string& target, std::string name, std::string_view bytes) {
    for (char& c : name) {
      if (c == '/' || c == ' ') c = '_';
    }
    fs::path dir = root_ / target;
    fs::create_directories(dir / "regressions");
    fs::path readme = dir / "regressions" / "README.md";
    if (!fs::exists(readme)) std::ofstream(readme) << kRegressionsReadme;
    std::ofstream out(dir / name, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    ECRC_FUZZ_CHECK(out.good(), "cannot write " + (dir / name).string());
    ++counts_[target];
  }

  void Summary() const {
    for (const auto& [target, n] : counts_) std::printf("%-22s %3d seeds\n", target.c_str(), n);
  }

 private:
  fs::path root_;
  std::map<std::string, int> counts_;
};

}  // namespace
}  // namespace ecrc::fuzz

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s <corpus dir>\n", argv[0]);
    return 2;
  }
  ecrc::fuzz::Writer writer(argv[1]);
  for (const auto& target : ecrc::fuzz::kTargets) {
    target.seed([&](const std::string& name, std::string_view bytes) { writer.Write(target.name, name, bytes); });
  }
  writer.Summary();
  return 0;
}
