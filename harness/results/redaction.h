// The one place that says what is secret (header names, JSON members, token patterns, literal
// values) and the two passes that keep it out of evidence and reports: the client's, on each
// exchange as it is recorded, and the report writers', on everything they output.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "harness/results/exchange.h"
#include "harness/results/run_report.h"

namespace ecrc::results {

// What replaces every secret value.
inline constexpr char kRedacted[] = "<redacted>";

// Literal secrets shorter than this are never scrubbed: they would match ordinary words, and real
// secret keys and tokens are far longer.
inline constexpr size_t kMinSecretLength = 8;

// True for headers whose value is a credential (Authorization, Proxy-Authorization,
// X-Amz-Security-Token, X-Amz-Signature, X-Amz-Credential); compared case-insensitively.
bool IsSensitiveHeader(std::string_view name);

// True for JSON members whose string value is a credential (authorizationToken, password,
// secretAccessKey, sessionToken, ...); compared case-insensitively. `nextToken` (pagination) is
// not one: it is evidence.
bool IsSecretJsonMember(std::string_view name);

// The value of a sensitive header with the secret parts replaced, for the report writers. A SigV4
// Authorization keeps its scheme and SignedHeaders (useful when debugging signing) and loses
// Credential and Signature; any other keeps only its scheme word.
std::string RedactHeaderValue(std::string_view name, std::string_view value);

// Literal secret values (each also in its URL-encoded form), found in one scan of a text however
// many there are. Values shorter than kMinSecretLength are dropped. Built once and reused: a
// client builds one from its credentials, a report from the thousands of tokens it harvests.
class LiteralSecrets {
 public:
  LiteralSecrets() = default;
  explicit LiteralSecrets(const std::vector<std::string>& secrets);

  bool empty() const { return list_.empty(); }

  // `text` with every occurrence replaced by kRedacted; where two secrets start at the same
  // place the longer goes, so a token that contains another secret goes as a whole.
  std::string Replace(std::string_view text) const;

 private:
  // Up to this many values are each searched for with find(); more are indexed by their first
  // kMinSecretLength bytes and the text is scanned once.
  static constexpr size_t kMaxSearched = 16;
  static constexpr int kFilterBits = 20;

  std::string ReplaceBySearch(std::string_view text) const;
  std::string ReplaceByIndex(std::string_view text) const;

  std::vector<std::string> list_;  // longest first, no duplicates
  std::vector<bool> filter_;       // a hash of the first 4 bytes of every value (index only)
  std::unordered_map<uint64_t, std::vector<std::string>> by_prefix_;  // first 8 bytes -> values
};

// The client's pass, on every exchange before it becomes evidence: the values of sensitive
// headers (request and response) become kRedacted, keeping the names so a report still shows
// they were sent (X-Amz-Date stays); every string under a secret JSON member in a body (however
// deeply nested, even when the body is not well-formed JSON or spells the member with JSON
// escapes) becomes kRedacted; and every occurrence of `secrets` anywhere (header values, bodies,
// path, transport error) is replaced too.
Exchange Redacted(Exchange exchange, const LiteralSecrets& secrets = {});

// The body with the string value of every secret JSON member replaced; unchanged bytes when
// there is none. A body that parses is rewritten compactly when something was replaced.
std::string RedactSecretMembers(std::string_view body);

// The report writers' pass over free text (bodies, messages, curl reproductions, URLs):
// `Authorization: ...`-style header lines, `Signature=`/`Credential=`/`X-Amz-Security-Token=`
// parameters, secret JSON members (also when the JSON is itself escaped inside a string), the
// password of `curl -u user:password` unless it is a `$VARIABLE`, the password of a
// `scheme://user:password@host` URL, and every literal value in `secrets` (plus its URL-encoded
// form). Idempotent: redacting twice gives the same text.
std::string RedactText(std::string_view text, const std::vector<std::string>& secrets = {});

// The writers' last line of defence: redacts every string of the report in place. Secret values
// found in the evidence itself (the value of a sensitive header, a Signature, a secret member in
// a body and, for an authorizationToken, the password it decodes to) are added to
// `extra_secrets` and then scrubbed from every other field too, so a token that a check quoted in
// a finding does not survive either.
void RedactReport(RunReport* report, const std::vector<std::string>& extra_secrets = {});

// Values of AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN from the environment (when set and at
// least kMinSecretLength long), for writers to scrub as literals.
std::vector<std::string> EnvironmentSecrets();

}  // namespace ecrc::results
