// SHA-256 through OpenSSL, as lowercase hex, both one-shot and streaming (layer uploads).
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace ecrc {

std::string Sha256Hex(std::string_view bytes);

// Incremental SHA-256 whose state can be copied, so a server can peek at the digest of what it
// has received so far without ending the stream.
class Sha256Stream {
 public:
  Sha256Stream();
  ~Sha256Stream();
  Sha256Stream(const Sha256Stream& other);
  Sha256Stream& operator=(const Sha256Stream& other);

  void Update(std::string_view bytes);
  // Hex digest of everything passed to Update so far; the stream stays usable.
  std::string HexDigest() const;

 private:
  struct Ctx;
  std::unique_ptr<Ctx> ctx_;
};

}  // namespace ecrc
