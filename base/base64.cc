#include "base/base64.h"

#include <openssl/evp.h>

namespace ecrc {

void AppendBase64(std::string_view bytes, std::string& out) {
  size_t start = out.size();
  out.resize(start + 4 * ((bytes.size() + 2) / 3));
  int written = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data() + start),
                                reinterpret_cast<const unsigned char*>(bytes.data()),
                                static_cast<int>(bytes.size()));
  out.resize(start + static_cast<size_t>(written));
}

std::string Base64Encode(std::string_view bytes) {
  std::string out;
  AppendBase64(bytes, out);
  return out;
}

std::optional<size_t> Base64DecodedSize(std::string_view text) {
  if (text.size() % 4 != 0) return std::nullopt;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    bool alnum = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    bool pad_ok = c == '=' && i + 2 >= text.size() && (i + 1 == text.size() || text[i + 1] == '=');
    if (!alnum && c != '+' && c != '/' && !pad_ok) return std::nullopt;
  }
  if (text.empty()) return 0;
  size_t pad = (text.back() == '=') + (text[text.size() - 2] == '=');
  return text.size() / 4 * 3 - pad;
}

namespace {

// Decodes into a string or a byte vector: blob values hold bytes, most callers want text.
template <typename Bytes>
std::optional<Bytes> DecodeInto(std::string_view text) {
  auto size = Base64DecodedSize(text);
  if (!size) return std::nullopt;
  if (*size == 0) return Bytes();
  // EVP_DecodeBlock writes whole groups of three (padding included); the padding is cut after.
  Bytes out(3 * text.size() / 4, '\0');
  int n = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                          reinterpret_cast<const unsigned char*>(text.data()), static_cast<int>(text.size()));
  if (n < 0) return std::nullopt;
  out.resize(*size);
  return out;
}

}  // namespace

std::optional<std::string> Base64Decode(std::string_view text) { return DecodeInto<std::string>(text); }

std::optional<std::vector<uint8_t>> Base64DecodeBytes(std::string_view text) {
  return DecodeInto<std::vector<uint8_t>>(text);
}

}  // namespace ecrc
