#include "harness/report/redact.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <unordered_map>
#include <nlohmann/json.hpp>

#include "base/base64.h"

namespace ecrc::report {

// Shorter literals would match ordinary words; real secrets and tokens are far longer. The
// SecretMatcher below also relies on it: it indexes secrets by their first 8 bytes.
constexpr size_t kMinSecretLength = 8;

namespace {
// JSON nesting deeper than this is not searched for secret members (an endpoint could answer
// with pathological nesting; the text pass still covers the body).
constexpr int kMaxJsonDepth = 64;

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool StartsWith(std::string_view s, size_t pos, std::string_view prefix) {
  return s.size() >= pos + prefix.size() && s.compare(pos, prefix.size(), prefix) == 0;
}

// Header-like names whose value after a ':' is a credential. Substring matches, so
// "authorization" also covers Proxy-Authorization and "security-token" X-Amz-Security-Token.
constexpr std::string_view kHeaderLineNames[] = {"authorization", "security-token"};

// Query or header parameters (`name=value`) whose value is secret; substring matches, so
// "signature=" also covers X-Amz-Signature=.
constexpr std::string_view kParamNames[] = {"signature=", "credential=", "security-token="};

// JSON member names (compared case-insensitively, exactly) whose string value is secret.
// `nextToken` (pagination) is deliberately absent: it is evidence, not a credential.
constexpr std::string_view kSecretJsonKeys[] = {
    "authorizationtoken", "authorization",   "proxy-authorization", "x-amz-security-token",
    "password",           "secretaccesskey", "secret_access_key",   "aws_secret_access_key",
    "sessiontoken",       "session_token",   "aws_session_token",   "accesstoken",
    "refreshtoken",       "x-amz-signature"};

bool IsSecretJsonKey(std::string_view key) {
  std::string lower = Lower(key);
  return std::find(std::begin(kSecretJsonKeys), std::end(kSecretJsonKeys), lower) != std::end(kSecretJsonKeys);
}

bool IsSpace(char c) { return c == ' ' || c == '\t'; }

std::string UrlEncode(std::string_view s) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

// The text being redacted and its ASCII-lowercase twin, kept in step on every edit, so the
// case-insensitive searches of all passes share one lowercase copy.
struct Doc {
  std::string text;
  std::string lower;

  explicit Doc(std::string_view t) : text(t), lower(Lower(t)) {}
  void Replace(size_t pos, size_t len, std::string_view replacement) {
    text.replace(pos, len, replacement);
    lower.replace(pos, len, Lower(replacement));
  }
  bool Contains(std::string_view needle) const { return lower.find(needle) != std::string::npos; }
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
// form \"authorizationToken\":\"value\" that appears when JSON is quoted inside a string.
void RedactJsonMembers(Doc* doc) {
  // Every secret key contains one of these; most texts contain none, and skip the 14 searches.
  bool any = false;
  for (std::string_view anchor : {"token", "password", "secret", "authorization", "signature"}) any = any || doc->Contains(anchor);
  if (!any) return;
  for (std::string_view key : kSecretJsonKeys) {
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
  for (std::string_view flag : {std::string_view("-u"), std::string_view("--user")}) {
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

// Finds literal secrets in one scan of the text, however many there are: every secret is at
// least kMinSecretLength bytes, so its first 8 bytes index it; a position is checked further
// only when its 8 bytes start some secret. (A report can hold thousands of harvested secrets,
// one signature per request, and a search per secret per string would be quadratic.)
class SecretMatcher {
 public:
  explicit SecretMatcher(const std::vector<std::string>& secrets) {
    for (const auto& s : secrets) {
      if (s.size() < kMinSecretLength) continue;
      Add(s);
      std::string encoded = UrlEncode(s);
      if (encoded != s) Add(encoded);
    }
    for (auto& [key, list] : by_prefix_) {
      // Longest first, so a token that contains another secret goes as a whole.
      std::sort(list.begin(), list.end(), [](const std::string& a, const std::string& b) {
        return a.size() != b.size() ? a.size() > b.size() : a < b;
      });
      list.erase(std::unique(list.begin(), list.end()), list.end());
    }
  }

  bool empty() const { return by_prefix_.empty(); }

  std::string Replace(std::string_view text) const {
    if (by_prefix_.empty() || text.size() < kMinSecretLength) return std::string(text);
    std::string out;
    size_t copied = 0;
    for (size_t i = 0; i + kMinSecretLength <= text.size();) {
      if (!filter_[FilterBit(text.data() + i)]) {
        ++i;
        continue;
      }
      auto it = by_prefix_.find(Key(text.data() + i));
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

 private:
  static uint64_t Key(const char* p) {
    uint64_t k;
    std::memcpy(&k, p, sizeof k);
    return k;
  }
  // A hash of the first 4 bytes: with thousands of secrets most text positions still miss, and
  // a bit test is far cheaper than the map lookup.
  static size_t FilterBit(const char* p) {
    uint32_t k;
    std::memcpy(&k, p, sizeof k);
    return (k * 2654435761u) >> (32 - kFilterBits);
  }
  void Add(const std::string& s) {
    by_prefix_[Key(s.data())].push_back(s);
    filter_[FilterBit(s.data())] = true;
  }

  static constexpr int kFilterBits = 20;
  std::vector<bool> filter_ = std::vector<bool>(size_t{1} << kFilterBits);
  std::unordered_map<uint64_t, std::vector<std::string>> by_prefix_;
};

std::string RedactWith(std::string_view text, const SecretMatcher& matcher) {
  if (text.empty()) return std::string();
  Doc doc(matcher.Replace(text));
  RedactJsonMembers(&doc);
  RedactHeaderLines(&doc);
  RedactParams(&doc);
  RedactCurlUser(&doc);
  RedactUrlUserinfo(&doc);
  return std::move(doc.text);
}

void AddSecret(std::vector<std::string>* secrets, std::string value) {
  if (value.size() < kMinSecretLength || value.find(kRedacted) != std::string::npos) return;
  secrets->push_back(std::move(value));
}

// Secret values inside a JSON body: every string under a secret member name, and for an ECR
// authorizationToken also what it decodes to (`AWS:<password>`) and the password alone.
void HarvestJson(const nlohmann::json& j, int depth, std::vector<std::string>* secrets) {
  if (depth > kMaxJsonDepth) return;
  if (j.is_object()) {
    for (auto it = j.begin(); it != j.end(); ++it) {
      if (it->is_string() && IsSecretJsonKey(it.key())) {
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
  // Parse only bodies that can hold a secret member (each secret key contains one of these).
  std::string lower = Lower(body);
  bool any = false;
  for (std::string_view anchor : {"token", "password", "secret", "authorization", "signature"}) {
    any = any || lower.find(anchor) != std::string::npos;
  }
  if (!any) return;
  nlohmann::json j = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (!j.is_discarded()) HarvestJson(j, 0, secrets);
}

void HarvestHeaders(const Headers& headers, std::vector<std::string>* secrets) {
  for (const auto& [name, value] : headers.entries) {
    if (!IsSensitiveHeader(name)) continue;
    AddSecret(secrets, value);
    std::string lower = Lower(value);
    size_t sig = lower.find("signature=");
    if (sig != std::string::npos) {
      size_t start = sig + 10;
      size_t end = value.find_first_of(", ", start);
      AddSecret(secrets, value.substr(start, end == std::string::npos ? std::string::npos : end - start));
    }
  }
}

void RedactHeaders(Headers* headers, const SecretMatcher& matcher) {
  for (auto& [name, value] : headers->entries) {
    value = IsSensitiveHeader(name) ? RedactHeaderValue(name, value) : RedactWith(value, matcher);
  }
}

}  // namespace

bool IsSensitiveHeader(std::string_view name) {
  std::string lower = Lower(name);
  return lower == "authorization" || lower == "proxy-authorization" || lower == "x-amz-security-token" ||
         lower == "x-amz-signature" || lower == "x-amz-credential";
}

std::string RedactHeaderValue(std::string_view name, std::string_view value) {
  std::string lower_name = Lower(name);
  if (value.empty()) return std::string();  // an empty header is evidence, not a secret
  if (lower_name != "authorization" && lower_name != "proxy-authorization") return kRedacted;
  size_t start = value.find_first_not_of(" \t");
  if (start == std::string_view::npos) return std::string(value);
  value.remove_prefix(start);
  if (StartsWith(value, 0, "AWS4-HMAC-SHA256")) {
    std::string out = "AWS4-HMAC-SHA256 Credential=" + std::string(kRedacted);
    std::string lower = Lower(value);
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

std::string RedactText(std::string_view text, const std::vector<std::string>& secrets) {
  return RedactWith(text, SecretMatcher(secrets));
}

void RedactReport(results::RunReport* report, const std::vector<std::string>& extra_secrets) {
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

  SecretMatcher matcher(secrets);
  auto text = [&](std::string* s) { *s = RedactWith(*s, matcher); };
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
      RedactHeaders(&ex.request.headers, matcher);
      RedactHeaders(&ex.response.headers, matcher);
    }
  }
}

std::vector<std::string> EnvironmentSecrets() {
  std::vector<std::string> out;
  for (const char* name : {"AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"}) {
    const char* v = std::getenv(name);
    if (v != nullptr) AddSecret(&out, v);
  }
  return out;
}

}  // namespace ecrc::report
