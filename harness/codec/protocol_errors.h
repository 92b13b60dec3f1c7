// Errors any AWS JSON endpoint may return for any operation, outside the operation's model.
#pragma once

#include <string_view>

namespace ecrc::codec {

struct ProtocolErrorInfo {
  const char* code;
  int status;
  const char* source;
};

// The "Common Errors" every AWS API reference lists (for ECR Public:
// https://docs.aws.amazon.com/AmazonECRPublic/latest/APIReference/CommonErrors.html), plus the
// framework errors AWS JSON services are seen to send for requests they cannot parse (E).
// Returns nullptr when `code` is not one of them.
const ProtocolErrorInfo* FindProtocolError(std::string_view code);

// Codes the reference server answers with for requests it cannot frame.
inline constexpr char kMissingAction[] = "MissingAction";            // no X-Amz-Target
inline constexpr char kInvalidAction[] = "InvalidAction";            // foreign Content-Type
inline constexpr char kUnknownOperation[] = "UnknownOperationException";  // target names no operation (AWS JSON services)
inline constexpr char kSerialization[] = "SerializationException";   // body not a JSON object, or a member of the wrong JSON type

}  // namespace ecrc::codec
