// Opaque, tamper-proof nextToken values for the four paginated operations: a token names where
// the previous page ended and only works for the operation and scope that issued it.
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"

namespace ecrc::server {

// Encodes and verifies page tokens with a server secret. Token text is base64url without
// padding of (version byte, position key, truncated HMAC-SHA256 over the version, operation,
// scope and position). The operation and scope are not in the token, only in its MAC, so a
// token replayed to another operation or repository fails verification. Thread-safe (const).
class PageTokenCodec {
 public:
  // Uses `secret` as the HMAC key. An empty secret means a fresh random 32-byte key from
  // OpenSSL RAND_bytes, so tokens do not survive a server restart (fine: they are opaque).
  explicit PageTokenCodec(std::string secret = {});

  // Returns the token for resuming `operation` (e.g. "DescribeImages") within `scope` (e.g. the
  // repository name, or "" for registry-wide listings) after the item whose sort key is
  // `position` (any bytes). Never fails.
  std::string Encode(std::string_view operation, std::string_view scope, std::string_view position) const;

  // Returns the position stored in `token` when it was issued by this codec for exactly this
  // operation and scope. Any other input (empty, too long, not base64url, non-canonical
  // base64url, truncated, mutated, forged, unknown version, other operation or scope) returns
  // an error whose message, "Invalid NextToken", is meant for an InvalidParameterException.
  // Never throws or crashes.
  Result<std::string> Decode(std::string_view token, std::string_view operation,
                             std::string_view scope) const;

  // Longest token text Decode considers (longer input is rejected without decoding).
  static constexpr size_t kMaxTokenLength = 4096;

 private:
  std::string Mac(std::string_view operation, std::string_view scope, std::string_view position) const;
  std::string secret_;
};

}  // namespace ecrc::server
