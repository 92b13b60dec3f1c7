// SHA-256 and HMAC-SHA256 through OpenSSL, digests as lowercase hex, one-shot and streaming
// (layer uploads).
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace ecrc {

std::string Sha256Hex(std::string_view bytes);

// The raw 32-byte HMAC-SHA256 of `data` under `key` (SigV4 derives its signing key by chaining these).
std::string HmacSha256(std::string_view key, std::string_view data);

// `bytes` as lowercase hex, two digits a byte.
std::string LowerHex(std::string_view bytes);

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
