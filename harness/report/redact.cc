#include "harness/report/redact.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <nlohmann/json.hpp>

#include "base/base64.h"

namespace ecrc::report {
namespace {

// Shorter literals would match ordinary words; real secrets and tokens are far longer.
constexpr size_t kMinSecretLength = 8;
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

// Replaces the literal `needle` everywhere in `text`.
void ReplaceAll(std::string* text, std::string_view needle, std::string_view replacement) {
  if (needle.empty()) return;
  size_t pos = 0;
  while ((pos = text->find(needle, pos)) != std::string::npos) {
    text->replace(pos, needle.size(), replacement);
    pos += replacement.size();
  }
}

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

// Applies `edit(text, lower, pos)` at every case-insensitive occurrence of `needle`; `edit`
// returns where to continue searching. `lower` is recomputed after each edit.
template <typename Edit>
void ForEachOccurrence(std::string* text, std::string_view needle, Edit edit) {
  std::string lower = Lower(*text);
  size_t pos = 0;
  while ((pos = lower.find(needle, pos)) != std::string::npos) {
    size_t before = text->size();
    size_t next = edit(text, pos);
    if (text->size() != before || next == std::string::npos) lower = Lower(*text);
    if (next == std::string::npos) break;
    pos = next;
  }
}

// "Authorization: value" (value ends at a line end, a quote or a backslash, as in a curl -H
// argument or an escaped JSON string).
void RedactHeaderLines(std::string* text) {
  for (std::string_view name : kHeaderLineNames) {
    ForEachOccurrence(text, name, [&](std::string* t, size_t pos) -> size_t {
      size_t p = pos + name.size();
      while (p < t->size() && IsSpace((*t)[p])) ++p;
      if (p >= t->size() || (*t)[p] != ':') return pos + name.size();
      ++p;
      while (p < t->size() && IsSpace((*t)[p])) ++p;
      size_t end = t->find_first_of("\r\n'\"\\", p);
      if (end == std::string::npos) end = t->size();
      std::string value = t->substr(p, end - p);
      while (!value.empty() && IsSpace(value.back())) value.pop_back();
      if (value.empty()) return end;
      std::string header = name == "authorization" ? "authorization" : "x-amz-security-token";
      std::string redacted = RedactHeaderValue(header, value);
      t->replace(p, value.size(), redacted);
      return p + redacted.size();
    });
  }
}

// "Signature=abc" → "Signature=<redacted>".
void RedactParams(std::string* text) {
  for (std::string_view name : kParamNames) {
    ForEachOccurrence(text, name, [&](std::string* t, size_t pos) -> size_t {
      size_t p = pos + name.size();
      if (StartsWith(*t, p, kRedacted)) return p + std::string_view(kRedacted).size();
      size_t end = t->find_first_of("&,; \t\r\n'\"\\)]}>", p);
      if (end == std::string::npos) end = t->size();
      if (end == p) return p;
      t->replace(p, end - p, kRedacted);
      return p + std::string_view(kRedacted).size();
    });
  }
}

// "authorizationToken": "value" → "authorizationToken": "<redacted>", also in the escaped
// form \"authorizationToken\":\"value\" that appears when JSON is quoted inside a string.
void RedactJsonMembers(std::string* text) {
  for (std::string_view key : kSecretJsonKeys) {
    ForEachOccurrence(text, key, [&](std::string* t, size_t pos) -> size_t {
      const std::string& s = *t;
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
      t->replace(value_start, value_end - value_start, kRedacted);
      return value_start + std::string_view(kRedacted).size();
    });
  }
}

// `curl -u user:password` / `--user user:password`: the password goes unless it is a shell
// variable reference (`$AWS_SECRET_ACCESS_KEY`), which is what a reproduction should contain.
void RedactCurlUser(std::string* text) {
  for (std::string_view flag : {std::string_view("-u"), std::string_view("--user")}) {
    ForEachOccurrence(text, flag, [&](std::string* t, size_t pos) -> size_t {
      const std::string& s = *t;
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
      t->replace(pw, end - pw, kRedacted);
      return pw + std::string_view(kRedacted).size();
    });
  }
}

// scheme://user:password@host → scheme://user:<redacted>@host.
void RedactUrlUserinfo(std::string* text) {
  ForEachOccurrence(text, "://", [&](std::string* t, size_t pos) -> size_t {
    const std::string& s = *t;
    size_t p = pos + 3;
    size_t end = s.find_first_of("/@ \t\r\n'\"?#", p);
    if (end == std::string::npos || s[end] != '@') return p;
    size_t colon = s.find(':', p);
    if (colon == std::string::npos || colon >= end) return end;
    std::string_view password(s.data() + colon + 1, end - colon - 1);
    if (password.empty() || password == kRedacted) return end;
    t->replace(colon + 1, end - colon - 1, kRedacted);
    return colon + 1 + std::string_view(kRedacted).size();
  });
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

void RedactHeaders(Headers* headers, const std::vector<std::string>& secrets) {
  for (auto& [name, value] : headers->entries) {
    value = IsSensitiveHeader(name) ? RedactHeaderValue(name, value) : RedactText(value, secrets);
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
  std::string out(text);
  if (out.empty()) return out;
  std::vector<std::string> literals;
  for (const auto& s : secrets) {
    if (s.size() < kMinSecretLength) continue;
    literals.push_back(s);
    std::string encoded = UrlEncode(s);
    if (encoded != s) literals.push_back(std::move(encoded));
  }
  // Longest first, so a token that contains another secret goes as a whole.
  std::sort(literals.begin(), literals.end(),
            [](const std::string& a, const std::string& b) { return a.size() != b.size() ? a.size() > b.size() : a < b; });
  for (const auto& s : literals) ReplaceAll(&out, s, kRedacted);
  RedactJsonMembers(&out);
  RedactHeaderLines(&out);
  RedactParams(&out);
  RedactCurlUser(&out);
  RedactUrlUserinfo(&out);
  return out;
}

void RedactReport(runner::RunReport* report, const std::vector<std::string>& extra_secrets) {
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

  auto text = [&](std::string* s) { *s = RedactText(*s, secrets); };
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
      RedactHeaders(&ex.request.headers, secrets);
      RedactHeaders(&ex.response.headers, secrets);
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
