#include "base/sha256.h"

#include <openssl/evp.h>

namespace ecrc {
namespace {

// The algorithm object is fetched once: fetching per call costs more than hashing a small body.
const EVP_MD* Sha256Md() {
  static EVP_MD* md = EVP_MD_fetch(nullptr, "SHA256", nullptr);
  return md;
}

std::string ToHex(const unsigned char* data, unsigned int len) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out(len * 2, '\0');
  for (unsigned int i = 0; i < len; ++i) {
    out[2 * i] = kHex[data[i] >> 4];
    out[2 * i + 1] = kHex[data[i] & 15];
  }
  return out;
}

}  // namespace

struct Sha256Stream::Ctx {
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  ~Ctx() { EVP_MD_CTX_free(ctx); }
};

std::string Sha256Hex(std::string_view bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_Digest(bytes.data(), bytes.size(), digest, &len, Sha256Md(), nullptr);
  return ToHex(digest, len);
}

Sha256Stream::Sha256Stream() : ctx_(std::make_unique<Ctx>()) { EVP_DigestInit_ex(ctx_->ctx, Sha256Md(), nullptr); }
Sha256Stream::~Sha256Stream() = default;
Sha256Stream::Sha256Stream(const Sha256Stream& other) : ctx_(std::make_unique<Ctx>()) {
  EVP_MD_CTX_copy_ex(ctx_->ctx, other.ctx_->ctx);
}
Sha256Stream& Sha256Stream::operator=(const Sha256Stream& other) {
  if (this != &other) EVP_MD_CTX_copy_ex(ctx_->ctx, other.ctx_->ctx);
  return *this;
}

void Sha256Stream::Update(std::string_view bytes) { EVP_DigestUpdate(ctx_->ctx, bytes.data(), bytes.size()); }

std::string Sha256Stream::HexDigest() const {
  Ctx copy;
  EVP_MD_CTX_copy_ex(copy.ctx, ctx_->ctx);
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_DigestFinal_ex(copy.ctx, digest, &len);
  return ToHex(digest, len);
}

}  // namespace ecrc
