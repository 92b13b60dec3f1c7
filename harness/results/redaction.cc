#include "harness/results/redaction.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <cstring>

#include <nlohmann/json.hpp>

#include "base/ascii.h"
#include "base/percent_encoding.h"
#include "base/base64.h"
#include "base/json_depth.h"

namespace ecrc::results {
namespace {

// ---- What is secret: one list of each kind. ----

// Header names (lowercase, compared exactly) whose value is a credential.
constexpr std::string_view kSensitiveHeaders[] = {"authorization", "proxy-authorization", "x-amz-security-token",
                                                  "x-amz-signature", "x-amz-credential"};

// JSON member names (lowercase, compared exactly) whose string value is a credential.
// `nextToken` (pagination) is deliberately absent: it is evidence, not a credential.
constexpr std::string_view kSecretJsonMembers[] = {
    "authorizationtoken", "authorization",   "proxy-authorization", "x-amz-security-token",
    "password",           "secretaccesskey", "secret_access_key",   "aws_secret_access_key",
    "sessiontoken",       "session_token",   "aws_session_token",   "accesstoken",
    "refreshtoken",       "x-amz-signature"};

// Token patterns in free text. Header-like names whose value after a ':' is a credential;
// substring matches, so "authorization" also covers Proxy-Authorization and "security-token"
// X-Amz-Security-Token.
constexpr std::string_view kHeaderLineNames[] = {"authorization", "security-token"};
// Query or header parameters (`name=value`) whose value is secret; substring matches, so
// "signature=" also covers X-Amz-Signature=.
constexpr std::string_view kParamNames[] = {"signature=", "credential=", "security-token="};
// curl's flags for `user:password`.
constexpr std::string_view kCurlUserFlags[] = {"-u", "--user"};

// Where the credentials a run uses may also be, for writers to scrub as literals.
constexpr const char* kSecretEnvironmentVariables[] = {"AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"};

// JSON nesting deeper than this is never parsed (an endpoint could answer with pathological
// nesting; the textual passes still cover the body).
constexpr int kMaxJsonDepth = 64;

// ---- Small helpers. ----

bool StartsWith(std::string_view s, size_t pos, std::string_view prefix) {
  return s.size() >= pos + prefix.size() && s.compare(pos, prefix.size(), prefix) == 0;
}

bool IsSpace(char c) { return c == ' ' || c == '\t'; }

// Whether a text may hold a secret JSON member: a quote followed by one's name (in any case), or
// a JSON escape, with which a member name can be spelt (`"authorization\u0054oken"`) that only
// a parser sees. Every exchange of a run passes here, bodies of megabytes among them: one scan
// from quote to quote, no copy.
bool MaySpellSecretMember(std::string_view text) {
  if (text.find("\\u") != std::string_view::npos) return true;
  for (size_t q = text.find('"'); q != std::string_view::npos; q = text.find('"', q + 1)) {
    std::string_view rest = text.substr(q + 1);
    for (std::string_view member : kSecretJsonMembers) {
      if (rest.size() >= member.size() && EqualsIgnoreCase(rest.substr(0, member.size()), member)) return true;
    }
  }
  return false;
}

// ---- Literal secrets. ----

uint64_t PrefixKey(const char* p) {
  uint64_t k;
  std::memcpy(&k, p, sizeof k);
  return k;
}

// A hash of the first 4 bytes: with thousands of secrets most text positions still miss, and a
// bit test is far cheaper than the map lookup.
size_t FilterBit(const char* p, int bits) {
  uint32_t k;
  std::memcpy(&k, p, sizeof k);
  return (k * 2654435761u) >> (32 - bits);
}

}  // namespace

// The index relies on kMinSecretLength: it keys every value by its first 8 bytes.
static_assert(kMinSecretLength == sizeof(uint64_t));

LiteralSecrets::LiteralSecrets(const std::vector<std::string>& secrets) {
  for (const auto& s : secrets) {
    if (s.size() < kMinSecretLength) continue;
    list_.push_back(s);
    std::string encoded = PercentEncode(s);
    if (encoded != s) list_.push_back(std::move(encoded));
  }
  std::sort(list_.begin(), list_.end(), [](const std::string& a, const std::string& b) {
    return a.size() != b.size() ? a.size() > b.size() : a < b;
  });
  list_.erase(std::unique(list_.begin(), list_.end()), list_.end());
  if (list_.size() <= kMaxSearched) return;
  // (A report can hold thousands of harvested secrets, one signature per request, and a search
  // per secret per string would be quadratic.)
  filter_.assign(size_t{1} << kFilterBits, false);
  for (const auto& s : list_) {
    by_prefix_[PrefixKey(s.data())].push_back(s);  // stays longest first
    filter_[FilterBit(s.data(), kFilterBits)] = true;
  }
}

std::string LiteralSecrets::Replace(std::string_view text) const {
  if (list_.empty() || text.size() < kMinSecretLength) return std::string(text);
  return list_.size() > kMaxSearched ? ReplaceByIndex(text) : ReplaceBySearch(text);
}

// The leftmost occurrence of any value, the longest where several start there; then on after it.
std::string LiteralSecrets::ReplaceBySearch(std::string_view text) const {
  std::vector<size_t> next(list_.size());
  for (size_t k = 0; k < list_.size(); ++k) next[k] = text.find(list_[k]);
  std::string out;
  size_t copied = 0;
  while (true) {
    size_t best = std::string_view::npos, best_size = 0;
    for (size_t k = 0; k < list_.size(); ++k) {
      if (next[k] < best || (next[k] == best && next[k] != std::string_view::npos && list_[k].size() > best_size)) {
        best = next[k];
        best_size = list_[k].size();
      }
    }
    if (best == std::string_view::npos) break;
    out.append(text.substr(copied, best - copied));
    out += kRedacted;
    copied = best + best_size;
    for (size_t k = 0; k < list_.size(); ++k) {
      if (next[k] != std::string_view::npos && next[k] < copied) next[k] = text.find(list_[k], copied);
    }
  }
  if (copied == 0) return std::string(text);
  out.append(text.substr(copied));
  return out;
}

// The same matches in one scan: a position is checked further only when its first 4 bytes hash
// to a value's and its first 8 bytes start one.
std::string LiteralSecrets::ReplaceByIndex(std::string_view text) const {
  std::string out;
  size_t copied = 0;
  for (size_t i = 0; i + kMinSecretLength <= text.size();) {
    if (!filter_[FilterBit(text.data() + i, kFilterBits)]) {
      ++i;
      continue;
    }
    auto it = by_prefix_.find(PrefixKey(text.data() + i));
    const std::string* hit = nullptr;
    if (it != by_prefix_.end()) {
      for (const auto& s : it->second) {
        if (text.compare(i, s.size(), s) == 0) {
          hit = &s;
          break;
        }
      }
    }
    if (hit == nullptr) {
      ++i;
      continue;
    }
    out.append(text.substr(copied, i - copied));
    out += kRedacted;
    i += hit->size();
    copied = i;
  }
  if (copied == 0) return std::string(text);
  out.append(text.substr(copied));
  return out;
}

namespace {

// ---- The textual passes. ----

// The text being redacted and its ASCII-lowercase twin, kept in step on every edit, so the
// case-insensitive searches of all passes share one lowercase copy.
struct Doc {
  std::string text;
  std::string lower;

  explicit Doc(std::string_view t) : text(t), lower(AsciiLower(t)) {}
  void Replace(size_t pos, size_t len, std::string_view replacement) {
    text.replace(pos, len, replacement);
    lower.replace(pos, len, AsciiLower(replacement));
  }
};

// Calls `edit(doc, pos)` at every case-insensitive occurrence of `needle` (lowercase); `edit`
// returns where to continue searching.
template <typename Edit>
void ForEachOccurrence(Doc* doc, std::string_view needle, Edit edit) {
  size_t pos = 0;
  while ((pos = doc->lower.find(needle, pos)) != std::string::npos) {
    pos = edit(doc, pos);
    if (pos == std::string::npos) break;
  }
}

// "Authorization: value" (value ends at a line end, a quote or a backslash, as in a curl -H
// argument or an escaped JSON string).
void RedactHeaderLines(Doc* doc) {
  for (std::string_view name : kHeaderLineNames) {
    ForEachOccurrence(doc, name, [&](Doc* d, size_t pos) -> size_t {
      const std::string& t = d->text;
      size_t p = pos + name.size();
      while (p < t.size() && IsSpace(t[p])) ++p;
      if (p >= t.size() || t[p] != ':') return pos + name.size();
      ++p;
      while (p < t.size() && IsSpace(t[p])) ++p;
      size_t end = t.find_first_of("\r\n'\"\\", p);
      if (end == std::string::npos) end = t.size();
      std::string value = t.substr(p, end - p);
      while (!value.empty() && IsSpace(value.back())) value.pop_back();
      if (value.empty()) return end;
      std::string redacted = RedactHeaderValue(name == "authorization" ? "authorization" : "x-amz-security-token", value);
      d->Replace(p, value.size(), redacted);
      return p + redacted.size();
    });
  }
}

// "Signature=abc" → "Signature=<redacted>".
void RedactParams(Doc* doc) {
  for (std::string_view name : kParamNames) {
    ForEachOccurrence(doc, name, [&](Doc* d, size_t pos) -> size_t {
      const std::string& t = d->text;
      size_t p = pos + name.size();
      if (StartsWith(t, p, kRedacted)) return p + std::string_view(kRedacted).size();
      size_t end = t.find_first_of("&,; \t\r\n'\"\\)]}>", p);
      if (end == std::string::npos) end = t.size();
      if (end == p) return p;
      d->Replace(p, end - p, kRedacted);
      return p + std::string_view(kRedacted).size();
    });
  }
}

// "authorizationToken": "value" → "authorizationToken": "<redacted>", also in the escaped
// form \"authorizationToken\":\"value\" that appears when JSON is quoted inside a string, and in
// a body cut off inside the value (redacted to the end).
void RedactJsonMembers(Doc* doc) {
  for (std::string_view key : kSecretJsonMembers) {
    ForEachOccurrence(doc, key, [&](Doc* d, size_t pos) -> size_t {
      const std::string& s = d->text;
      size_t after_key = pos + key.size();
      if (pos == 0 || s[pos - 1] != '"') return after_key;
      bool escaped = pos >= 2 && s[pos - 2] == '\\';
      std::string_view quote = escaped ? "\\\"" : "\"";
      size_t p = after_key;
      if (!StartsWith(s, p, quote)) return after_key;
      p += quote.size();
      while (p < s.size() && (IsSpace(s[p]) || s[p] == '\n' || s[p] == '\r')) ++p;
      if (p >= s.size() || s[p] != ':') return after_key;
      ++p;
      while (p < s.size() && (IsSpace(s[p]) || s[p] == '\n' || s[p] == '\r')) ++p;
      if (!StartsWith(s, p, quote)) return after_key;  // not a string value
      size_t value_start = p + quote.size();
      size_t value_end;
      if (escaped) {
        value_end = s.find("\\\"", value_start);
      } else {
        value_end = value_start;
        while (value_end < s.size() && s[value_end] != '"') value_end += s[value_end] == '\\' ? 2 : 1;
        if (value_end > s.size()) value_end = std::string::npos;
      }
      if (value_end == std::string::npos) value_end = s.size();  // cut-off body: redact to the end
      std::string_view value(s.data() + value_start, value_end - value_start);
      if (value.empty() || value == kRedacted) return value_end;
      d->Replace(value_start, value_end - value_start, kRedacted);
      return value_start + std::string_view(kRedacted).size();
    });
  }
}

// `curl -u user:password` / `--user user:password`: the password goes unless it is a shell
// variable reference (`$AWS_SECRET_ACCESS_KEY`), which is what a reproduction should contain.
void RedactCurlUser(Doc* doc) {
  for (std::string_view flag : kCurlUserFlags) {
    ForEachOccurrence(doc, flag, [&](Doc* d, size_t pos) -> size_t {
      const std::string& s = d->text;
      size_t p = pos + flag.size();
      bool word_start = pos == 0 || std::isspace(static_cast<unsigned char>(s[pos - 1]));
      if (!word_start || p >= s.size() || (s[p] != ' ' && s[p] != '=')) return p;
      if (flag == "-u" && s[p] == '=') return p;
      ++p;
      while (p < s.size() && IsSpace(s[p])) ++p;
      char quote = p < s.size() && (s[p] == '\'' || s[p] == '"') ? s[p] : 0;
      if (quote) ++p;
      size_t end = quote ? s.find(quote, p) : s.find_first_of(" \t\r\n", p);
      if (end == std::string::npos) end = s.size();
      size_t colon = s.find(':', p);
      if (colon == std::string::npos || colon >= end) return end;
      size_t pw = colon + 1;
      std::string_view password(s.data() + pw, end - pw);
      if (password.empty() || password[0] == '$' || password == kRedacted) return end;
      d->Replace(pw, end - pw, kRedacted);
      return pw + std::string_view(kRedacted).size();
    });
  }
}

// scheme://user:password@host → scheme://user:<redacted>@host.
void RedactUrlUserinfo(Doc* doc) {
  ForEachOccurrence(doc, "://", [&](Doc* d, size_t pos) -> size_t {
    const std::string& s = d->text;
    size_t p = pos + 3;
    size_t end = s.find_first_of("/@ \t\r\n'\"?#", p);
    if (end == std::string::npos || s[end] != '@') return p;
    size_t colon = s.find(':', p);
    if (colon == std::string::npos || colon >= end) return end;
    std::string_view password(s.data() + colon + 1, end - colon - 1);
    if (password.empty() || password == kRedacted) return end;
    d->Replace(colon + 1, end - colon - 1, kRedacted);
    return colon + 1 + std::string_view(kRedacted).size();
  });
}

std::string RedactWith(std::string_view text, const LiteralSecrets& secrets) {
  if (text.empty()) return std::string();
  Doc doc(secrets.Replace(text));
  RedactJsonMembers(&doc);
  RedactHeaderLines(&doc);
  RedactParams(&doc);
  RedactCurlUser(&doc);
  RedactUrlUserinfo(&doc);
  return std::move(doc.text);
}

// ---- Secret members of a parsed body. ----

// Walks a parsed document (at most kMaxJsonDepth deep); true when something was replaced.
bool RedactParsedMembers(nlohmann::json& node) {
  bool changed = false;
  if (node.is_object()) {
    for (auto& [key, value] : node.items()) {
      if (value.is_string() && IsSecretJsonMember(key)) {
        value = kRedacted;
        changed = true;
      } else {
        changed |= RedactParsedMembers(value);
      }
    }
  } else if (node.is_array()) {
    for (auto& item : node) changed |= RedactParsedMembers(item);
  }
  return changed;
}

// ---- Harvesting the secrets a report's evidence holds. ----

void AddSecret(std::vector<std::string>* secrets, std::string value) {
  if (value.size() < kMinSecretLength || value.find(kRedacted) != std::string::npos) return;
  secrets->push_back(std::move(value));
}

// Secret values inside a JSON body: every string under a secret member, and for an ECR
// authorizationToken also what it decodes to (`AWS:<password>`) and the password alone.
void HarvestJson(const nlohmann::json& j, int depth, std::vector<std::string>* secrets) {
  if (depth > kMaxJsonDepth) return;
  if (j.is_object()) {
    for (auto it = j.begin(); it != j.end(); ++it) {
      if (it->is_string() && IsSecretJsonMember(it.key())) {
        const std::string& v = it->get_ref<const std::string&>();
        AddSecret(secrets, v);
        if (auto decoded = Base64Decode(v)) {
          AddSecret(secrets, *decoded);
          size_t colon = decoded->find(':');
          if (colon != std::string::npos) AddSecret(secrets, decoded->substr(colon + 1));
        }
      } else {
        HarvestJson(*it, depth + 1, secrets);
      }
    }
  } else if (j.is_array()) {
    for (const auto& e : j) HarvestJson(e, depth + 1, secrets);
  }
}

void HarvestBody(const std::string& body, std::vector<std::string>* secrets) {
  size_t first = body.find_first_not_of(" \t\r\n");
  if (first == std::string::npos || (body[first] != '{' && body[first] != '[')) return;
  if (!MaySpellSecretMember(body)) return;
  nlohmann::json j = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (!j.is_discarded()) HarvestJson(j, 0, secrets);
}

void HarvestHeaders(const Headers& headers, std::vector<std::string>* secrets) {
  for (const auto& [name, value] : headers.entries) {
    if (!IsSensitiveHeader(name)) continue;
    AddSecret(secrets, value);
    std::string lower = AsciiLower(value);
    size_t sig = lower.find("signature=");
    if (sig != std::string::npos) {
      size_t start = sig + 10;
      size_t end = value.find_first_of(", ", start);
      AddSecret(secrets, value.substr(start, end == std::string::npos ? std::string::npos : end - start));
    }
  }
}

}  // namespace

bool IsSensitiveHeader(std::string_view name) {
  return std::any_of(std::begin(kSensitiveHeaders), std::end(kSensitiveHeaders),
                     [&](std::string_view h) { return EqualsIgnoreCase(name, h); });
}

bool IsSecretJsonMember(std::string_view name) {
  return std::any_of(std::begin(kSecretJsonMembers), std::end(kSecretJsonMembers),
                     [&](std::string_view m) { return EqualsIgnoreCase(name, m); });
}

std::string RedactHeaderValue(std::string_view name, std::string_view value) {
  if (value.empty()) return std::string();  // an empty header is evidence, not a secret
  if (!EqualsIgnoreCase(name, "authorization") && !EqualsIgnoreCase(name, "proxy-authorization")) return kRedacted;
  size_t start = value.find_first_not_of(" \t");
  if (start == std::string_view::npos) return std::string(value);
  value.remove_prefix(start);
  if (StartsWith(value, 0, "AWS4-HMAC-SHA256")) {
    std::string out = "AWS4-HMAC-SHA256 Credential=" + std::string(kRedacted);
    std::string lower = AsciiLower(value);
    size_t sh = lower.find("signedheaders=");
    if (sh != std::string::npos) {
      size_t end = value.find_first_of(", ", sh);
      out += ", " + std::string(value.substr(sh, end == std::string_view::npos ? std::string_view::npos : end - sh));
    }
    return out + ", Signature=" + kRedacted;
  }
  size_t space = value.find(' ');
  if (space == std::string_view::npos) return kRedacted;
  return std::string(value.substr(0, space)) + " " + kRedacted;
}

std::string RedactSecretMembers(std::string_view body) {
  if (!MaySpellSecretMember(body)) return std::string(body);
  // Deeper than any API answer: neither the parser nor the recursive walk may see it.
  if (JsonNestingDepth(body, kMaxJsonDepth) <= kMaxJsonDepth) {
    nlohmann::json doc = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
    if (!doc.is_discarded()) {
      if (!RedactParsedMembers(doc)) return std::string(body);
      return doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    }
  }
  // Too deep, truncated or deliberately malformed: the textual pass.
  Doc doc(body);
  RedactJsonMembers(&doc);
  return std::move(doc.text);
}

Exchange Redacted(Exchange exchange, const LiteralSecrets& secrets) {
  // In place, and nothing rewritten that holds nothing secret: every call of a run comes here.
  auto literals = [&](std::string* s) {
    if (!secrets.empty()) *s = secrets.Replace(*s);
  };
  for (Headers* headers : {&exchange.request.headers, &exchange.response.headers}) {
    for (auto& [name, value] : headers->entries) {
      if (IsSensitiveHeader(name)) value = kRedacted;
      else literals(&value);
    }
  }
  for (std::string* body : {&exchange.request.body, &exchange.response.body}) {
    if (MaySpellSecretMember(*body)) *body = RedactSecretMembers(*body);
    literals(body);
  }
  literals(&exchange.request.path);
  literals(&exchange.transport_error);
  return exchange;
}

std::string RedactText(std::string_view text, const std::vector<std::string>& secrets) {
  return RedactWith(text, LiteralSecrets(secrets));
}

void RedactReport(RunReport* report, const std::vector<std::string>& extra_secrets) {
  std::vector<std::string> secrets;
  for (const auto& s : extra_secrets) AddSecret(&secrets, s);
  for (const auto& check : report->checks) {
    for (const auto& ex : check.exchanges) {
      HarvestHeaders(ex.request.headers, &secrets);
      HarvestHeaders(ex.response.headers, &secrets);
      HarvestBody(ex.request.body, &secrets);
      HarvestBody(ex.response.body, &secrets);
    }
  }
  std::sort(secrets.begin(), secrets.end());
  secrets.erase(std::unique(secrets.begin(), secrets.end()), secrets.end());

  LiteralSecrets literals(secrets);
  auto text = [&](std::string* s) { *s = RedactWith(*s, literals); };
  auto headers = [&](Headers* h) {
    for (auto& [name, value] : h->entries) {
      value = IsSensitiveHeader(name) ? RedactHeaderValue(name, value) : RedactWith(value, literals);
    }
  };
  text(&report->endpoint);
  text(&report->tool_version);
  for (auto& check : report->checks) {
    text(&check.title);
    text(&check.source);
    text(&check.skip_reason);
    text(&check.reproduction);
    text(&check.attachment);
    for (auto& f : check.findings) {
      text(&f.message);
      text(&f.path);
      text(&f.expected);
      text(&f.observed);
    }
    for (auto& ex : check.exchanges) {
      text(&ex.request.path);
      text(&ex.request.body);
      text(&ex.response.body);
      text(&ex.transport_error);
      headers(&ex.request.headers);
      headers(&ex.response.headers);
    }
  }
}

std::vector<std::string> EnvironmentSecrets() {
  std::vector<std::string> out;
  for (const char* name : kSecretEnvironmentVariables) {
    const char* v = std::getenv(name);
    if (v != nullptr) AddSecret(&out, v);
  }
  return out;
}

}  // namespace ecrc::results
