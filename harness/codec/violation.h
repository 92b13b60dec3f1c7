// One way a JSON document breaks its shape, with the path that locates it.
#pragma once

#include <string>
#include <vector>

namespace ecrc::codec {

// Stable names for what kind of rule was broken; reports and checks key on them.
enum class ViolationKind { kRequired, kType, kLength, kRange, kPattern, kEnum, kUnknownMember, kBase64, kUtf8, kContentType, kBody };

const char* ViolationKindName(ViolationKind kind);

// Lengths, ranges, patterns, enums and unknown members: rules SDKs do not enforce on responses
// (AWS itself sends [] where the model says min 1). The other kinds break clients.
bool IsTraitViolation(ViolationKind kind);

struct Violation {
  std::string path;  // member path, as AWS writes it: `imageIds[0].imageDigest`; "" is the whole body
  ViolationKind kind;
  std::string constraint;  // what the member must satisfy, e.g. "Member must have length less than or equal to 205"

  // `Invalid parameter at 'repositoryName' failed to satisfy constraint: '...'`
  std::string AwsMessage() const;
  // `repositoryName: pattern: Member must satisfy ...` for humans reading findings.
  std::string ToString() const;
};

using Violations = std::vector<Violation>;

// The InvalidParameterException message for a set of violations (AWS reports them all, joined).
std::string AwsValidationMessage(const Violations& violations);

}  // namespace ecrc::codec
