// The state machine of one layer upload (InitiateLayerUpload → UploadLayerPart* →
// CompleteLayerUpload): byte-range rules, part and size caps, streaming SHA-256.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "base/sha256.h"

namespace ecrc::server {

inline constexpr int64_t kMiB = 1024 * 1024;

// Caps of one upload. Defaults are the ECR Public service quotas (fact sheet §5.8).
struct UploadLimits {
  // Minimum size of every part but the last, checked by Complete (LayerPartTooSmallException).
  // 5 MiB on the real service; tests and a local server usually lower it so that multi-part
  // uploads stay small (the reference server takes it as a configuration value).
  int64_t min_part_size = 5 * kMiB;
  // Largest single part (InvalidLayerPartException). The quota page says 10 MiB but the model's
  // LayerPartBlob allows 20,971,520 bytes: we accept the model's limit (fact sheet §5.1).
  int64_t max_part_size = 20 * kMiB;
  int64_t max_parts = 1000;               // LimitExceededException beyond it
  int64_t max_layer_size = 10000 * kMiB;  // LimitExceededException beyond it
};

enum class UploadErrorCode {
  kInvalidLayerPart,   // InvalidLayerPartException (range not contiguous, length mismatch, part too big)
  kLimitExceeded,      // LimitExceededException (too many parts, layer too large)
  kEmptyUpload,        // EmptyUploadException (Complete with no bytes)
  kLayerPartTooSmall,  // LayerPartTooSmallException (a part other than the last below the minimum)
  kInvalidLayer,       // InvalidLayerException (computed digest differs from the supplied one)
};

struct UploadError {
  UploadErrorCode code;
  std::string message;  // ready to send as the exception's "message"
  // For kInvalidLayerPart: the last byte offset accepted so far, so the client can resume at
  // +1. nullopt when no byte has been received yet: the model's PartSize is >= 0, so there is
  // no valid value to send, and the member should be omitted.
  std::optional<int64_t> last_valid_byte_received;

  // The modelled exception name, e.g. "InvalidLayerPartException".
  std::string_view ExceptionName() const;
};

struct CompletedLayer {
  std::string digest;  // "sha256:<lowercase hex>" of all parts in order
  int64_t size = 0;    // total bytes
};

// One upload in progress. Not thread-safe: the store serialises access to a session. Copyable.
class UploadSession {
 public:
  explicit UploadSession(UploadLimits limits = {});

  // Appends the part covering bytes [first_byte, last_byte] (0-based, inclusive) of the layer.
  // Rules: the first part starts at 0; each next part starts at last_byte_received() + 1;
  // first_byte <= last_byte; bytes.size() == last_byte - first_byte + 1; the part is at most
  // max_part_size. A retried part (same range again) is rejected like any other gap or overlap:
  // the fact sheet makes contiguity strict and no idempotent retry is documented.
  // Returns nullopt on success (the bytes are hashed and counted). On failure returns
  // kInvalidLayerPart (with last_valid_byte_received) or kLimitExceeded (the part would be the
  // (max_parts+1)-th part or take the layer past max_layer_size); the session is then unchanged.
  std::optional<UploadError> AppendPart(int64_t first_byte, int64_t last_byte, std::string_view bytes);

  // Checks the upload against the digests the client supplied to CompleteLayerUpload, in this
  // order: kEmptyUpload if no byte was received; kLayerPartTooSmall if a part other than the
  // last is below min_part_size; kInvalidLayer if `expected_digests` is empty or any entry is
  // not the computed digest (the algorithm must be sha256; hex compares case-insensitively).
  // Otherwise returns the computed digest and size. Does not change the session: whether a
  // failed upload stays usable is the caller's decision.
  std::variant<CompletedLayer, UploadError> Complete(std::span<const std::string> expected_digests) const;

  int64_t bytes_received() const { return bytes_received_; }
  // Offset of the last byte received, nullopt before the first part.
  std::optional<int64_t> last_byte_received() const;
  int64_t part_count() const { return static_cast<int64_t>(part_sizes_.size()); }
  const std::vector<int64_t>& part_sizes() const { return part_sizes_; }
  // "sha256:<hex>" of the bytes received so far (the stream stays usable).
  std::string CurrentDigest() const;
  const UploadLimits& limits() const { return limits_; }

 private:
  UploadLimits limits_;
  Sha256Stream hash_;
  int64_t bytes_received_ = 0;
  std::vector<int64_t> part_sizes_;
};

// A fresh upload id: a random (version 4) UUID in lowercase 8-4-4-4-12 text, from OpenSSL's
// RAND_bytes (std::random_device if that ever fails). Matches the model's UploadId pattern.
std::string NewUploadId();

}  // namespace ecrc::server
