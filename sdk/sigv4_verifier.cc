#include "sdk/sigv4_verifier.h"


#include <algorithm>
#include <chrono>
#include <optional>
#include <string_view>

#include "base/ascii.h"
#include "base/percent_encoding.h"
#include "base/sha256.h"

namespace ecrc::sdk {
namespace {

// The signing key of a scope: four chained HMACs that depend only on the secret and the scope, so
// each thread keeps the last one (a client signs a day's requests with one scope).
std::string SigningKey(const std::string& secret, const std::string& date, const std::string& region,
                       const std::string& service, const std::string& terminator) {
  struct Cached {
    std::string secret, date, region, service, terminator, key;
  };
  thread_local Cached cached;
  if (cached.key.empty() || cached.secret != secret || cached.date != date || cached.region != region ||
      cached.service != service || cached.terminator != terminator) {
    std::string key = HmacSha256("AWS4" + secret, date);
    key = HmacSha256(key, region);
    key = HmacSha256(key, service);
    cached = {secret, date, region, service, terminator, HmacSha256(key, terminator)};
  }
  return cached.key;
}

constexpr std::string_view kAlgorithm = "AWS4-HMAC-SHA256";
constexpr std::string_view kTerminator = "aws4_request";
// Real Authorization headers are a few hundred bytes; anything far longer is quoted shortened.
constexpr size_t kMaxQuoted = 200;

std::string Quote(std::string_view s) {
  std::string out = "\"";
  out.append(s.substr(0, kMaxQuoted));
  if (s.size() > kMaxQuoted) out += "...(" + std::to_string(s.size()) + " bytes)";
  return out + "\"";
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f'; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

// SigV4's Trimall: no leading or trailing whitespace, every inner run of it one space.
std::string TrimAll(std::string_view s) {
  std::string out;
  bool pending_space = false;
  for (char c : Trim(s)) {
    if (IsSpace(c)) {
      pending_space = true;
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out += c;
  }
  return out;
}

std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  while (true) {
    size_t end = s.find(sep, start);
    if (end == std::string_view::npos) {
      parts.push_back(s.substr(start));
      return parts;
    }
    parts.push_back(s.substr(start, end - start));
    start = end + 1;
  }
}

std::vector<const std::string*> AllValues(const Headers& headers, std::string_view name) {
  std::vector<const std::string*> values;
  for (const auto& [n, v] : headers.entries)
    if (EqualsIgnoreCase(n, name)) values.push_back(&v);
  return values;
}

bool IsLowerHex(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

bool IsDigits(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// yyyymmddThhmmssZ as a UTC instant, or nullopt when it is not one.
std::optional<std::chrono::system_clock::time_point> ParseAmzDate(std::string_view s) {
  if (s.size() != 16 || s[8] != 'T' || s[15] != 'Z' || !IsDigits(s.substr(0, 8)) || !IsDigits(s.substr(9, 6)))
    return std::nullopt;
  auto num = [&](size_t pos, size_t len) { return std::stoi(std::string(s.substr(pos, len))); };
  using namespace std::chrono;
  year_month_day ymd{year{num(0, 4)}, month{static_cast<unsigned>(num(4, 2))}, day{static_cast<unsigned>(num(6, 2))}};
  int h = num(9, 2), m = num(11, 2), sec = num(13, 2);
  if (!ymd.ok() || h > 23 || m > 59 || sec > 60) return std::nullopt;
  return sys_days{ymd} + hours{h} + minutes{m} + seconds{sec};
}

std::string FormatAmzDate(std::chrono::system_clock::time_point t) {
  using namespace std::chrono;
  auto secs = floor<seconds>(t);
  auto days = floor<std::chrono::days>(secs);
  year_month_day ymd{days};
  hh_mm_ss hms{secs - days};
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d%02u%02uT%02lld%02lld%02lldZ", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                static_cast<long long>(hms.hours().count()), static_cast<long long>(hms.minutes().count()),
                static_cast<long long>(hms.seconds().count()));
  return buf;
}

// The three parts after the algorithm name, each present at most once.
struct AuthorizationParts {
  std::optional<std::string_view> credential, signed_headers, signature;
};

class Verifier {
 public:
  Verifier(const HttpRequest& request, const SigningExpectation& expected) : request_(request), expected_(expected) {}

  SigV4Verdict Run() {
    auto auth = AuthorizationValue();
    std::optional<AuthorizationParts> parts;
    if (auth) parts = ParseAuthorization(*auth);
    auto amz_date = CheckDate();
    std::vector<std::string> signed_names;
    // Only a well-formed X-Amz-Date says which date the scope must name.
    std::optional<std::string> scope_date;
    if (amz_date && ParseAmzDate(*amz_date)) scope_date = amz_date->substr(0, 8);
    if (parts && parts->credential) CheckCredential(*parts->credential, scope_date);
    if (parts && parts->signed_headers) signed_names = CheckSignedHeaders(*parts->signed_headers);
    CheckSecurityToken(parts && parts->signed_headers, signed_names);
    CheckContentSha256();
    if (parts && parts->credential && parts->signed_headers && parts->signature && amz_date)
      CheckSignature(*parts, signed_names, *amz_date);
    return std::move(verdict_);
  }

 private:
  void Fail(const char* rule, std::string message) { verdict_.failures.push_back({rule, std::move(message)}); }

  std::optional<std::string_view> AuthorizationValue() {
    auto values = AllValues(request_.headers, "Authorization");
    if (values.empty()) {
      Fail(kRuleAuthorizationPresent, "expected an Authorization header, found none");
      return std::nullopt;
    }
    if (values.size() > 1) {
      Fail(kRuleAuthorizationPresent,
           "expected one Authorization header, found " + std::to_string(values.size()));
      return std::nullopt;
    }
    if (Trim(*values[0]).empty()) {
      Fail(kRuleAuthorizationPresent, "expected an Authorization header with a value, found an empty one");
      return std::nullopt;
    }
    return Trim(*values[0]);
  }

  // "AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=..."
  std::optional<AuthorizationParts> ParseAuthorization(std::string_view auth) {
    size_t space = auth.find(' ');
    std::string_view algorithm = auth.substr(0, space);
    if (algorithm != kAlgorithm)
      Fail(kRuleAlgorithm, "expected the algorithm " + std::string(kAlgorithm) + ", found " + Quote(algorithm));
    if (space == std::string_view::npos) {
      Fail(kRuleAuthorizationWellFormed,
           "expected Credential=, SignedHeaders= and Signature= after the algorithm, found nothing");
      return std::nullopt;
    }
    AuthorizationParts parts;
    for (std::string_view item : Split(auth.substr(space + 1), ',')) {
      item = Trim(item);
      size_t eq = item.find('=');
      std::string_view key = item.substr(0, eq);
      std::optional<std::string_view>* slot = key == "Credential"      ? &parts.credential
                                              : key == "SignedHeaders" ? &parts.signed_headers
                                              : key == "Signature"     ? &parts.signature
                                                                       : nullptr;
      if (eq == std::string_view::npos || slot == nullptr) {
        Fail(kRuleAuthorizationWellFormed,
             "expected Credential=, SignedHeaders= or Signature= in the Authorization header, found " + Quote(item));
        continue;
      }
      if (*slot) {
        Fail(kRuleAuthorizationWellFormed, "expected " + std::string(key) + "= once in the Authorization header, found it twice");
        continue;
      }
      *slot = item.substr(eq + 1);
    }
    for (auto [slot, name] : {std::pair{&parts.credential, "Credential"}, std::pair{&parts.signed_headers, "SignedHeaders"},
                              std::pair{&parts.signature, "Signature"}}) {
      if (!*slot) Fail(kRuleAuthorizationWellFormed, std::string("expected ") + name + "= in the Authorization header, found none");
    }
    return parts;
  }

  // X-Amz-Date as sent, when there is exactly one; checks its form and its distance from now.
  std::optional<std::string> CheckDate() {
    auto values = AllValues(request_.headers, "X-Amz-Date");
    if (values.empty()) {
      Fail(kRuleDateFresh, "expected an X-Amz-Date header (yyyymmddThhmmssZ), found none");
      return std::nullopt;
    }
    if (values.size() > 1) {
      Fail(kRuleDateFresh, "expected one X-Amz-Date header, found " + std::to_string(values.size()));
      return std::nullopt;
    }
    const std::string& value = *values[0];
    auto when = ParseAmzDate(value);
    if (!when) {
      Fail(kRuleDateFresh, "expected X-Amz-Date in the form yyyymmddThhmmssZ, found " + Quote(value));
      return value;
    }
    auto skew = *when > expected_.now ? *when - expected_.now : expected_.now - *when;
    if (skew > expected_.max_skew) {
      auto secs = std::chrono::duration_cast<std::chrono::seconds>(skew).count();
      Fail(kRuleDateFresh, "expected X-Amz-Date within " + std::to_string(expected_.max_skew.count() / 60) +
                               " minutes of the verifier's clock " + FormatAmzDate(expected_.now) + ", found " + value +
                               " (" + std::to_string(secs) + " s " + (*when > expected_.now ? "ahead" : "behind") + ")");
    }
    return value;
  }

  void CheckCredential(std::string_view credential, const std::optional<std::string>& date) {
    std::string expected_scope = date.value_or("<yyyymmdd>") + "/" + expected_.region + "/" + expected_.service + "/" +
                                 std::string(kTerminator);
    auto parts = Split(credential, '/');
    if (parts.size() != 5) {
      Fail(kRuleCredentialScope, "expected Credential=<access key id>/" + expected_scope + ", found " + Quote(credential));
      return;
    }
    if (parts[0] != expected_.access_key_id)
      Fail(kRuleAccessKey, "expected the access key id " + Quote(expected_.access_key_id) + ", found " + Quote(parts[0]));
    std::string found_scope = std::string(credential.substr(parts[0].size() + 1));
    auto wrong = [&](const char* part, std::string_view want, std::string_view got) {
      Fail(kRuleCredentialScope, std::string("wrong ") + part + " in the credential scope: expected " + Quote(want) +
                                     ", found " + Quote(got) + " (expected scope " + expected_scope + ", found " +
                                     Quote(found_scope) + ")");
    };
    if (date) {
      if (parts[1] != *date) wrong("date (the date of X-Amz-Date)", *date, parts[1]);
    } else if (parts[1].size() != 8 || !IsDigits(parts[1])) {
      wrong("date", "yyyymmdd", parts[1]);
    }
    if (parts[2] != expected_.region) wrong("region", expected_.region, parts[2]);
    if (parts[3] != expected_.service) wrong("service", expected_.service, parts[3]);
    if (parts[4] != kTerminator) wrong("terminator", kTerminator, parts[4]);
  }

  std::vector<std::string> CheckSignedHeaders(std::string_view list) {
    std::vector<std::string> names;
    for (std::string_view name : Split(list, ';')) names.emplace_back(name);
    std::vector<std::string> canonical;
    for (const auto& n : names) {
      if (!n.empty()) canonical.push_back(AsciiLower(n));
    }
    std::sort(canonical.begin(), canonical.end());
    canonical.erase(std::unique(canonical.begin(), canonical.end()), canonical.end());
    if (canonical != names) {
      std::string joined;
      for (const auto& n : canonical) joined += (joined.empty() ? "" : ";") + n;
      Fail(kRuleSignedHeadersCanonical, "expected SignedHeaders lowercase, sorted, without duplicates or empty names (" +
                                            Quote(joined) + "), found " + Quote(list));
    }
    for (const char* required : {"host", "x-amz-date"}) {
      if (std::find(canonical.begin(), canonical.end(), required) == canonical.end())
        Fail(kRuleSignedHeadersIncludeHostAndDate,
             std::string("expected ") + required + " among the signed headers, found SignedHeaders=" + Quote(list));
    }
    std::string missing;
    for (const auto& n : canonical) {
      if (AllValues(request_.headers, n).empty()) missing += (missing.empty() ? "" : ", ") + n;
    }
    if (!missing.empty())
      Fail(kRuleSignedHeadersSent, "expected every signed header in the request, found none for: " + missing);
    return names;
  }

  void CheckSecurityToken(bool have_signed_headers, const std::vector<std::string>& signed_names) {
    if (AllValues(request_.headers, "X-Amz-Security-Token").empty() || !have_signed_headers) return;
    bool is_signed = std::any_of(signed_names.begin(), signed_names.end(),
                                 [](const std::string& n) { return EqualsIgnoreCase(n, "x-amz-security-token"); });
    if (!is_signed)
      Fail(kRuleSecurityTokenSigned,
           "expected x-amz-security-token among the signed headers (the request sends X-Amz-Security-Token), found it unsigned");
  }

  // ecr-public signs every payload: botocore sends no x-amz-content-sha256 for it, and
  // UNSIGNED-PAYLOAD is an S3 feature, so a value present must be the body's hash.
  void CheckContentSha256() {
    auto values = AllValues(request_.headers, "x-amz-content-sha256");
    if (values.empty()) return;
    std::string body_hash = Sha256Hex(request_.body);
    if (values.size() > 1) {
      Fail(kRuleContentSha256Matches, "expected one x-amz-content-sha256 header, found " + std::to_string(values.size()));
      return;
    }
    if (Trim(*values[0]) != body_hash)
      Fail(kRuleContentSha256Matches, "expected x-amz-content-sha256 equal to the body's SHA-256 " + body_hash +
                                          " (ecr-public signs every payload; UNSIGNED-PAYLOAD is not accepted), found " +
                                          Quote(*values[0]));
  }

  void CheckSignature(const AuthorizationParts& parts, const std::vector<std::string>& signed_names,
                      const std::string& amz_date) {
    std::string_view target = request_.path;
    size_t q = target.find('?');
    std::string_view path = target.substr(0, q);
    std::string_view query = q == std::string_view::npos ? std::string_view() : target.substr(q + 1);
    // A fragment is never sent, but if it is, it is not part of the path botocore signed.
    path = path.substr(0, path.find('#'));

    std::string canonical = request_.method + "\n" + CanonicalUri(path) + "\n" + CanonicalQueryString(query) + "\n";
    for (const auto& name : signed_names) {
      std::string joined;
      bool first = true;
      for (const std::string* v : AllValues(request_.headers, name)) {
        if (!first) joined += ',';
        first = false;
        joined += TrimAll(*v);
      }
      canonical += AsciiLower(name) + ":" + joined + "\n";
    }
    canonical += "\n" + std::string(*parts.signed_headers) + "\n";
    auto content_sha = AllValues(request_.headers, "x-amz-content-sha256");
    canonical += content_sha.empty() ? Sha256Hex(request_.body) : *content_sha[0];

    // The scope the client claims: a wrong region or date is its own rule, and a signature
    // consistent with it still proves the client holds the secret.
    std::string_view scope = *parts.credential;
    size_t slash = scope.find('/');
    scope = slash == std::string_view::npos ? std::string_view() : scope.substr(slash + 1);
    auto scope_parts = Split(scope, '/');
    std::string date = scope_parts.size() > 0 ? std::string(scope_parts[0]) : "";
    std::string region = scope_parts.size() > 1 ? std::string(scope_parts[1]) : "";
    std::string service = scope_parts.size() > 2 ? std::string(scope_parts[2]) : "";
    std::string terminator = scope_parts.size() > 3 ? std::string(scope_parts[3]) : "";

    std::string to_sign = std::string(kAlgorithm) + "\n" + amz_date + "\n" + std::string(scope) + "\n" + Sha256Hex(canonical);
    std::string signature = LowerHex(HmacSha256(SigningKey(expected_.secret_access_key, date, region, service, terminator), to_sign));

    verdict_.canonical_request = canonical;
    verdict_.string_to_sign = to_sign;
    verdict_.expected_signature = signature;
    std::string_view sent = *parts.signature;
    if (sent.size() != 64 || !IsLowerHex(sent)) {
      Fail(kRuleSignatureMatches, "expected Signature= to be 64 lowercase hex digits (" + signature + "), found " +
                                      Quote(sent) + "\n--- canonical request ---\n" + canonical +
                                      "\n--- string to sign ---\n" + to_sign);
    } else if (sent != signature) {
      Fail(kRuleSignatureMatches, "expected the signature " + signature + ", found " + std::string(sent) +
                                      "\n--- canonical request ---\n" + canonical + "\n--- string to sign ---\n" + to_sign);
    }
  }

  const HttpRequest& request_;
  const SigningExpectation& expected_;
  SigV4Verdict verdict_;
};

}  // namespace

bool SigV4Verdict::Fails(std::string_view rule) const {
  return std::any_of(failures.begin(), failures.end(), [&](const SigV4Failure& f) { return f.rule == rule; });
}

std::string CanonicalUri(std::string_view path) {
  if (path.empty()) return "/";
  // RFC 3986 §5.2.4 dot-segment removal, with empty segments dropped as AWS requires.
  std::vector<std::string_view> segments;
  for (std::string_view seg : Split(path, '/')) {
    if (seg.empty() || seg == ".") continue;
    if (seg == "..") {
      if (!segments.empty()) segments.pop_back();
      continue;
    }
    segments.push_back(seg);
  }
  std::string normalized = path.front() == '/' ? "/" : "";
  for (size_t i = 0; i < segments.size(); ++i) {
    if (i) normalized += '/';
    normalized += segments[i];
  }
  if (path.back() == '/' && !segments.empty()) normalized += '/';

  return PercentEncode(normalized, "/");
}

std::string CanonicalQueryString(std::string_view query) {
  if (query.empty()) return "";
  std::vector<std::pair<std::string_view, std::string_view>> pairs;
  for (std::string_view pair : Split(query, '&')) {
    size_t eq = pair.find('=');
    pairs.emplace_back(pair.substr(0, eq), eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1));
  }
  std::sort(pairs.begin(), pairs.end());
  std::string out;
  for (const auto& [k, v] : pairs) {
    if (!out.empty()) out += '&';
    out.append(k).append("=").append(v);
  }
  return out;
}

SigV4Verdict VerifySigV4(const HttpRequest& request, const SigningExpectation& expected) {
  return Verifier(request, expected).Run();
}

}  // namespace ecrc::sdk
