// Page tokens; see page_token.h.
#include "reference/page_token.h"

#include <cstdint>
#include <optional>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

namespace ecrc::server {
namespace {

constexpr char kVersion = 1;
// 128 bits of HMAC-SHA256: ample against forgery for a token that guards no secret data.
constexpr size_t kMacBytes = 16;
constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

std::string Base64UrlEncode(std::string_view in) {
  std::string out;
  out.reserve((in.size() * 4 + 2) / 3);
  size_t i = 0;
  for (; i + 3 <= in.size(); i += 3) {
    uint32_t v = (uint8_t(in[i]) << 16) | (uint8_t(in[i + 1]) << 8) | uint8_t(in[i + 2]);
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += kAlphabet[(v >> 6) & 63];
    out += kAlphabet[v & 63];
  }
  if (in.size() - i == 1) {
    uint32_t v = uint8_t(in[i]) << 16;
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
  } else if (in.size() - i == 2) {
    uint32_t v = (uint8_t(in[i]) << 16) | (uint8_t(in[i + 1]) << 8);
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += kAlphabet[(v >> 6) & 63];
  }
  return out;
}

int Sextet(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '-') return 62;
  if (c == '_') return 63;
  return -1;
}

// Unpadded base64url, canonical only: a length of 1 mod 4 and non-zero unused trailing bits are
// rejected, so each byte string has exactly one accepted spelling.
std::optional<std::string> Base64UrlDecode(std::string_view in) {
  if (in.size() % 4 == 1) return std::nullopt;
  std::string out;
  out.reserve(in.size() * 3 / 4);
  uint32_t acc = 0;
  int bits = 0;
  for (char c : in) {
    int v = Sextet(c);
    if (v < 0) return std::nullopt;
    acc = (acc << 6) | uint32_t(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((acc >> bits) & 0xff);
    }
  }
  if (bits > 0 && (acc & ((1u << bits) - 1)) != 0) return std::nullopt;
  return out;
}

void AppendField(std::string& out, std::string_view field) {
  uint64_t n = field.size();
  for (int i = 7; i >= 0; --i) out += static_cast<char>((n >> (8 * i)) & 0xff);
  out.append(field);
}

Status InvalidToken() { return Status::Error("Invalid NextToken"); }

}  // namespace

PageTokenCodec::PageTokenCodec(std::string secret) : secret_(std::move(secret)) {
  if (secret_.empty()) {
    secret_.resize(32);
    if (RAND_bytes(reinterpret_cast<unsigned char*>(secret_.data()), static_cast<int>(secret_.size())) != 1) {
      // Without randomness tokens are still unambiguous, only forgeable; say so in the key.
      secret_ = "ecrc-page-token-fallback-secret";
    }
  }
}

std::string PageTokenCodec::Mac(std::string_view operation, std::string_view scope,
                                std::string_view position) const {
  // Length-prefixed fields: ("a","bc") and ("ab","c") must not share a MAC.
  std::string msg = "ecrc-page-token";
  msg += kVersion;
  AppendField(msg, operation);
  AppendField(msg, scope);
  AppendField(msg, position);
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int md_len = 0;
  HMAC(EVP_sha256(), secret_.data(), static_cast<int>(secret_.size()),
       reinterpret_cast<const unsigned char*>(msg.data()), msg.size(), md, &md_len);
  return std::string(reinterpret_cast<const char*>(md), kMacBytes);
}

std::string PageTokenCodec::Encode(std::string_view operation, std::string_view scope,
                                   std::string_view position) const {
  std::string raw;
  raw.reserve(1 + position.size() + kMacBytes);
  raw += kVersion;
  raw.append(position);
  raw += Mac(operation, scope, position);
  return Base64UrlEncode(raw);
}

Result<std::string> PageTokenCodec::Decode(std::string_view token, std::string_view operation,
                                           std::string_view scope) const {
  if (token.empty() || token.size() > kMaxTokenLength) return InvalidToken();
  std::optional<std::string> raw = Base64UrlDecode(token);
  if (!raw || raw->size() < 1 + kMacBytes || (*raw)[0] != kVersion) return InvalidToken();
  std::string_view body(*raw);
  std::string_view position = body.substr(1, body.size() - 1 - kMacBytes);
  std::string_view mac = body.substr(body.size() - kMacBytes);
  std::string want = Mac(operation, scope, position);
  if (CRYPTO_memcmp(want.data(), mac.data(), kMacBytes) != 0) return InvalidToken();
  return std::string(position);
}

}  // namespace ecrc::server
