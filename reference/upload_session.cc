// Layer upload state machine; see upload_session.h.
#include "reference/upload_session.h"

#include <cstdio>
#include <random>

#include <openssl/rand.h>

#include "base/ascii.h"

namespace ecrc::server {
namespace {

UploadError InvalidPart(std::string message, std::optional<int64_t> last_valid) {
  return UploadError{UploadErrorCode::kInvalidLayerPart, std::move(message), last_valid};
}

}  // namespace

std::string_view UploadError::ExceptionName() const {
  switch (code) {
    case UploadErrorCode::kInvalidLayerPart: return "InvalidLayerPartException";
    case UploadErrorCode::kLimitExceeded: return "LimitExceededException";
    case UploadErrorCode::kEmptyUpload: return "EmptyUploadException";
    case UploadErrorCode::kLayerPartTooSmall: return "LayerPartTooSmallException";
    case UploadErrorCode::kInvalidLayer: return "InvalidLayerException";
  }
  return "ServerException";
}

UploadSession::UploadSession(UploadLimits limits) : limits_(limits) {}

std::optional<int64_t> UploadSession::last_byte_received() const {
  if (bytes_received_ == 0) return std::nullopt;
  return bytes_received_ - 1;
}

std::optional<UploadError> UploadSession::AppendPart(int64_t first_byte, int64_t last_byte,
                                                     std::string_view bytes) {
  const std::optional<int64_t> last_valid = last_byte_received();
  const int64_t expected_first = bytes_received_;
  if (first_byte < 0 || last_byte < 0) {
    return InvalidPart("partFirstByte and partLastByte must not be negative", last_valid);
  }
  if (first_byte != expected_first) {
    return InvalidPart("The part starts at byte " + std::to_string(first_byte) + " but the upload expects byte " +
                           std::to_string(expected_first) + " (parts are contiguous, 0-based, inclusive ranges)",
                       last_valid);
  }
  if (last_byte < first_byte) {
    return InvalidPart("partLastByte " + std::to_string(last_byte) + " is before partFirstByte " +
                           std::to_string(first_byte),
                       last_valid);
  }
  // In uint64_t: last - first + 1 overflows int64_t for 0..INT64_MAX, never uint64_t.
  const uint64_t span = static_cast<uint64_t>(last_byte - first_byte) + 1;
  if (span != bytes.size()) {
    return InvalidPart("The range " + std::to_string(first_byte) + "-" + std::to_string(last_byte) + " covers " +
                           std::to_string(span) + " bytes but the part has " + std::to_string(bytes.size()) +
                           " bytes",
                       last_valid);
  }
  const int64_t declared = static_cast<int64_t>(bytes.size());
  if (declared > limits_.max_part_size) {
    return InvalidPart("The part has " + std::to_string(declared) + " bytes; the maximum part size is " +
                           std::to_string(limits_.max_part_size) + " bytes",
                       last_valid);
  }
  if (part_count() >= limits_.max_parts) {
    return UploadError{UploadErrorCode::kLimitExceeded,
                       "The upload already has the maximum of " + std::to_string(limits_.max_parts) + " parts",
                       std::nullopt};
  }
  if (declared > limits_.max_layer_size - bytes_received_) {
    return UploadError{UploadErrorCode::kLimitExceeded,
                       "The layer would exceed the maximum layer size of " + std::to_string(limits_.max_layer_size) +
                           " bytes",
                       std::nullopt};
  }
  hash_.Update(bytes);
  bytes_received_ += declared;
  part_sizes_.push_back(declared);
  return std::nullopt;
}

std::variant<CompletedLayer, UploadError> UploadSession::Complete(
    std::span<const std::string> expected_digests) const {
  if (bytes_received_ == 0) {
    return UploadError{UploadErrorCode::kEmptyUpload, "The upload has no layer parts", std::nullopt};
  }
  // The last part is exempt: a small layer is uploaded as one part (fact sheet §4 item 3).
  for (size_t i = 0; i + 1 < part_sizes_.size(); ++i) {
    if (part_sizes_[i] < limits_.min_part_size) {
      return UploadError{UploadErrorCode::kLayerPartTooSmall,
                         "Layer part " + std::to_string(i + 1) + " has " + std::to_string(part_sizes_[i]) +
                             " bytes; every part but the last must have at least " +
                             std::to_string(limits_.min_part_size) + " bytes",
                         std::nullopt};
    }
  }
  CompletedLayer done{CurrentDigest(), bytes_received_};
  if (expected_digests.empty()) {
    return UploadError{UploadErrorCode::kInvalidLayer, "No layer digest was supplied", std::nullopt};
  }
  // Every supplied digest is a claim about this one blob, so every one must hold.
  for (const std::string& expected : expected_digests) {
    if (!EqualsIgnoreCase(expected, done.digest)) {
      return UploadError{UploadErrorCode::kInvalidLayer,
                         "The calculated layer digest " + done.digest + " does not match the supplied digest " +
                             expected,
                         std::nullopt};
    }
  }
  return done;
}

std::string UploadSession::CurrentDigest() const { return "sha256:" + hash_.HexDigest(); }

std::string NewUploadId() {
  unsigned char b[16];
  if (RAND_bytes(b, sizeof b) != 1) {
    std::random_device rd;
    for (auto& c : b) c = static_cast<unsigned char>(rd());
  }
  b[6] = static_cast<unsigned char>((b[6] & 0x0f) | 0x40);  // version 4
  b[8] = static_cast<unsigned char>((b[8] & 0x3f) | 0x80);  // RFC 4122 variant
  char text[37];
  std::snprintf(text, sizeof text, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", b[0], b[1],
                b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]);
  return std::string(text, 36);
}

}  // namespace ecrc::server
