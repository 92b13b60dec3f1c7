#include "harness/codec/violation.h"

namespace ecrc::codec {

bool IsTraitViolation(ViolationKind kind) {
  using K = ViolationKind;
  return kind == K::kLength || kind == K::kRange || kind == K::kPattern || kind == K::kEnum || kind == K::kUnknownMember;
}

const char* ViolationKindName(ViolationKind kind) {
  switch (kind) {
    case ViolationKind::kRequired: return "required";
    case ViolationKind::kType: return "type";
    case ViolationKind::kLength: return "length";
    case ViolationKind::kRange: return "range";
    case ViolationKind::kPattern: return "pattern";
    case ViolationKind::kEnum: return "enum";
    case ViolationKind::kUnknownMember: return "unknown_member";
    case ViolationKind::kBase64: return "base64";
    case ViolationKind::kUtf8: return "utf8";
    case ViolationKind::kContentType: return "content_type";
    case ViolationKind::kBody: return "body";
  }
  return "?";
}

std::string Violation::AwsMessage() const {
  return "Invalid parameter at '" + (path.empty() ? std::string("body") : path) +
         "' failed to satisfy constraint: '" + constraint + "'";
}

std::string Violation::ToString() const {
  return (path.empty() ? std::string("(body)") : path) + ": " + ViolationKindName(kind) + ": " + constraint;
}

std::string AwsValidationMessage(const Violations& violations) {
  std::string out;
  for (const auto& v : violations) {
    if (!out.empty()) out += "; ";
    out += v.AwsMessage();
  }
  return out;
}

}  // namespace ecrc::codec
