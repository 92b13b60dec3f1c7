// Failure reporting shared by the fuzz targets.
#include "fuzz/check.h"

#include <cstdio>
#include <cstdlib>

namespace ecrc::fuzz {

void Fail(const char* file, int line, const char* condition, const std::string& detail) {
  std::fprintf(stderr, "\nfuzz property violated at %s:%d: %s\n  %s\n", file, line, condition, detail.c_str());
  std::fflush(stderr);
  std::abort();
}

std::string Excerpt(std::string_view text, size_t max) {
  std::string out;
  for (size_t i = 0; i < text.size() && i < max; ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c < 0x7f) {
      out += static_cast<char>(c);
    } else {
      static constexpr char kHex[] = "0123456789abcdef";
      out += "\\x";
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  if (text.size() > max) out += "... (" + std::to_string(text.size()) + " bytes)";
  return out;
}

char EmbeddedModel::SelectorFor(size_t index) const {
  for (int b = '0'; b <= '~'; ++b) {
    if (static_cast<size_t>(b) % operations.size() == index) return static_cast<char>(b);
  }
  Fail(__FILE__, __LINE__, "a printable selector byte", std::to_string(index));
}

std::string Describe(const codec::Violations& violations) {
  std::string out;
  for (const auto& v : violations) out += v.ToString() + "; ";
  return out;
}

}  // namespace ecrc::fuzz

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
// ASan records a stack trace for every allocation and free; the JSON-heavy targets allocate
// hundreds of times per input, and those traces were a fifth of their time. While fuzzing they
// are off (AFL++ runs its targets the same way): a crash report keeps the stack of the faulty
// access, and scripts/fuzz replays every reproducer with malloc_context_size=30, so the report
// still shows where the memory was allocated and freed. ASAN_OPTIONS (as OSS-Fuzz sets it)
// overrides this.
extern "C" const char* __asan_default_options() { return "malloc_context_size=0"; }
#endif
#endif
