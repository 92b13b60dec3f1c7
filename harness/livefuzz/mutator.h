// Turns one spec-valid awsJson request into a deliberately odd one: structure-aware mutations of
// the JSON body (driven by the operation's input shape) and protocol-level mutations of the
// framing, each a named kind so that findings can be grouped by what was done.
#pragma once

#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/http.h"
#include "specs/spec.h"

namespace ecrc::livefuzz {

enum class MutationKind {
  kNone,              // the seed as it is
  kWrongType,         // a member holds a JSON value of another type
  kBoundary,          // a value exactly at a bound (min/max length, size or value, first/last enum)
  kOutOfRange,        // min-1, max+1, negative and huge numbers
  kOversizedString,   // a string far beyond its maximum
  kOversizedList,     // a list or map far beyond its maximum
  kInvalidValue,      // a string breaking its pattern or enum
  kUnknownMember,     // a member the model does not have
  kMissingRequired,   // a required member removed or null
  kInvalidBase64,     // a blob that is not canonical base64
  kInvalidUtf8,       // bytes that are not UTF-8 inside a string (raw text)
  kDeepNesting,       // thousands of nested arrays or objects (raw text)
  kDuplicateKey,      // a member name twice in one object (raw text)
  kTruncatedJson,     // the body cut short
  kNonObjectBody,     // valid JSON that is not an object, or trailing data
  kEmptyBody,         // no body, or whitespace only
  kHugeBody,          // a body of a few MiB (padding or a huge unknown member)
  kWrongContentType,  // a Content-Type other than application/x-amz-json-1.1
  kMissingContentType,
  kDuplicateHeader,   // X-Amz-Target or Content-Type sent twice
  kUnknownTarget,     // the right prefix, an operation the model does not have
  kMissingTarget,     // no X-Amz-Target, or an empty one
  kWrongTargetPrefix, // an operation of the model behind another service's prefix
};

struct MutationInfo {
  MutationKind kind;
  const char* name;  // snake_case, used in check ids: `fuzz_no_server_error[CreateRepository.wrong_type]`
  // The request names no operation of the model: findings are grouped without an operation.
  bool names_no_operation;
  // What a conformant server does with it is not settled (JSON duplicate names, foreign or
  // doubled headers, bodies of several MiB): a protocol-level refusal is always fine, and
  // accepting it is at most a warning.
  bool ambiguous;
  const char* description;
  // How often the loop draws it relative to the others: multi-MiB bodies cost both sides a
  // hundred ordinary requests' time, so they are drawn a quarter as often.
  int weight = 4;
};

// Every kind, kNone first, in enum order.
const std::vector<MutationInfo>& AllMutations();
const MutationInfo& InfoOf(MutationKind kind);
const char* MutationKindName(MutationKind kind);
// Nullopt for an unknown name.
std::optional<MutationKind> MutationKindByName(std::string_view name);

// Keeps every mutant small enough to send many per second and never more than a few MiB.
struct MutatorLimits {
  size_t max_string_chars = 256 << 10;
  size_t max_list_items = 4096;
  size_t huge_body_min_bytes = 1 << 20;
  size_t huge_body_max_bytes = 3 << 20;
  int max_nesting_depth = 4096;
};

struct Mutant {
  MutationKind kind = MutationKind::kNone;
  HttpRequest request;
  std::string where;  // JSON pointer into the body (`/catalogData/description`), `header:<Name>` or `body`
  std::string what;   // what was done there, for a human: "integer -1 (min 1)"
  // libcurl's SigV4 signer can sign it (toolchain.md: no repeated header, no empty header value,
  // a Content-Type whenever there is a body). Others are sent unsigned.
  bool signable = true;
};

// Applies `kind` to the request for `op` whose body is `wire` (the awsJson wire form of a value
// of op.input). Every random choice comes from `rng`, so the same rng state gives the same
// mutant. Returns nullopt when the kind has nothing to work on in this request (no blob member
// for kInvalidBase64, no required member for kMissingRequired, ...).
std::optional<Mutant> Mutate(const spec::Service& service, const spec::Operation& op, const nlohmann::json& wire,
                             MutationKind kind, std::mt19937_64& rng, const MutatorLimits& limits = {});

// The unmutated request: POST / with the operation's target and the JSON Content-Type.
HttpRequest FrameRequest(const spec::Service& service, const spec::Operation& op, std::string body);

}  // namespace ecrc::livefuzz
