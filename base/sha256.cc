#include "base/sha256.h"

#include <openssl/evp.h>
#include <openssl/core_names.h>
#include <openssl/hmac.h>

namespace ecrc {
namespace {

// The algorithm object is fetched once: fetching per call costs more than hashing a small body.
const EVP_MD* Sha256Md() {
  static EVP_MD* md = EVP_MD_fetch(nullptr, "SHA256", nullptr);
  return md;
}

std::string ToHex(const unsigned char* data, unsigned int len) {
  return LowerHex(std::string_view(reinterpret_cast<const char*>(data), len));
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

std::string HmacSha256(std::string_view key, std::string_view data) {
  // HMAC() fetches the HMAC implementation and the digest on every call (OpenSSL 3), which costs
  // more than the hashing for SigV4's short inputs: each thread keeps one context keyed per call.
  struct MacCtx {
    EVP_MAC_CTX* ctx = nullptr;
    MacCtx() {
      static EVP_MAC* mac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
      ctx = EVP_MAC_CTX_new(mac);
      char digest[] = "SHA256";
      OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string("digest", digest, 0), OSSL_PARAM_construct_end()};
      EVP_MAC_CTX_set_params(ctx, params);
    }
    ~MacCtx() { EVP_MAC_CTX_free(ctx); }
  };
  thread_local MacCtx mac;
  unsigned char out[EVP_MAX_MD_SIZE];
  size_t len = 0;
  EVP_MAC_init(mac.ctx, reinterpret_cast<const unsigned char*>(key.data()), key.size(), nullptr);
  EVP_MAC_update(mac.ctx, reinterpret_cast<const unsigned char*>(data.data()), data.size());
  EVP_MAC_final(mac.ctx, out, &len, sizeof out);
  return std::string(reinterpret_cast<char*>(out), len);
}

std::string LowerHex(std::string_view bytes) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out(bytes.size() * 2, '\0');
  for (size_t i = 0; i < bytes.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(bytes[i]);
    out[2 * i] = kHex[c >> 4];
    out[2 * i + 1] = kHex[c & 15];
  }
  return out;
}

}  // namespace ecrc
