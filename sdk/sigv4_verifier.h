// Checks, rule by rule, that a request a client sent is signed with AWS SigV4 for ecr-public, so
// the SDK judge can say exactly what an SDK's signer got wrong.
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "base/http.h"

namespace ecrc::sdk {

// What the verifier knows that the client should have signed with.
struct SigningExpectation {
  std::string access_key_id;
  std::string secret_access_key;
  std::string region;
  std::string service = "ecr-public";
  // The verifier's clock: X-Amz-Date must be within `max_skew` of it.
  std::chrono::system_clock::time_point now;
  std::chrono::seconds max_skew = std::chrono::minutes(15);
};

// One rule the request breaks. `rule` is a stable id (README.md, "Signature verification");
// `message` names what was expected and what was found.
struct SigV4Failure {
  std::string rule;
  std::string message;
};

struct SigV4Verdict {
  std::vector<SigV4Failure> failures;
  // What the verifier computed, for an SDK author to diff against their signer's debug output.
  // Empty when the request was too malformed to get that far.
  std::string canonical_request;
  std::string string_to_sign;
  std::string expected_signature;

  bool ok() const { return failures.empty(); }
  bool Fails(std::string_view rule) const;
};

// Rule ids, in the order they are checked.
inline constexpr const char* kRuleAuthorizationPresent = "authorization_present";
inline constexpr const char* kRuleAuthorizationWellFormed = "authorization_well_formed";
inline constexpr const char* kRuleAlgorithm = "algorithm";
inline constexpr const char* kRuleCredentialScope = "credential_scope";
inline constexpr const char* kRuleAccessKey = "access_key";
inline constexpr const char* kRuleSignedHeadersCanonical = "signed_headers_canonical";
inline constexpr const char* kRuleSignedHeadersIncludeHostAndDate = "signed_headers_include_host_and_date";
inline constexpr const char* kRuleSignedHeadersSent = "signed_headers_sent";
inline constexpr const char* kRuleDateFresh = "date_fresh";
inline constexpr const char* kRuleSecurityTokenSigned = "security_token_signed";
inline constexpr const char* kRuleContentSha256Matches = "content_sha256_matches";
inline constexpr const char* kRuleSignatureMatches = "signature_matches";

// Never throws: a malformed request is a verdict with failures.
SigV4Verdict VerifySigV4(const HttpRequest& request, const SigningExpectation& expected);

// The canonical URI of a path as sent (query string excluded), as botocore computes it for
// services other than S3: dot segments and empty segments removed, then every byte outside
// A-Z a-z 0-9 - . _ ~ / percent-encoded, '%' included (so an already-encoded path is encoded
// twice). Exposed for tests.
std::string CanonicalUri(std::string_view path);

// The canonical query string of a raw query (after '?'), as botocore computes it from a URL:
// pairs split on '&' and '=', kept as sent (not re-encoded), sorted by name then value.
std::string CanonicalQueryString(std::string_view query);

}  // namespace ecrc::sdk
