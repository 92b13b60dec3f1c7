#include "harness/client/redaction.h"

#include "harness/codec/response_body.h"

#include <nlohmann/json.hpp>

namespace ecrc::client {
namespace {

constexpr std::string_view kTokenKey = "authorizationToken";

// Walks a parsed document; true when something was replaced.
bool RedactJson(nlohmann::json& node) {
  bool changed = false;
  if (node.is_object()) {
    for (auto& [key, value] : node.items()) {
      if (key == kTokenKey && value.is_string()) {
        value = kRedacted;
        changed = true;
      } else {
        changed |= RedactJson(value);
      }
    }
  } else if (node.is_array()) {
    for (auto& item : node) changed |= RedactJson(item);
  }
  return changed;
}

// The textual fallback for bodies that do not parse (truncated, or deliberately malformed): finds
// `"authorizationToken"`, optional whitespace, `:`, whitespace and a string, and blanks the string.
std::string RedactText(std::string_view body) {
  std::string out;
  const std::string quoted = "\"" + std::string(kTokenKey) + "\"";
  size_t pos = 0;
  while (true) {
    size_t hit = body.find(quoted, pos);
    if (hit == std::string_view::npos) break;
    size_t i = hit + quoted.size();
    auto skip_space = [&] {
      while (i < body.size() && (body[i] == ' ' || body[i] == '\t' || body[i] == '\r' || body[i] == '\n')) ++i;
    };
    skip_space();
    if (i < body.size() && body[i] == ':') {
      ++i;
      skip_space();
      if (i < body.size() && body[i] == '"') {
        size_t end = i + 1;
        while (end < body.size() && body[end] != '"') end += body[end] == '\\' ? 2 : 1;
        out.append(body.substr(pos, i + 1 - pos));
        out.append(kRedacted);
        pos = std::min(end, body.size());  // keeps the closing quote, if there was one
        continue;
      }
    }
    out.append(body.substr(pos, i - pos));
    pos = i;
  }
  out.append(body.substr(pos));
  return out;
}

void ReplaceAll(std::string& text, const std::string& secret) {
  if (secret.empty()) return;
  for (size_t pos = text.find(secret); pos != std::string::npos; pos = text.find(secret, pos + sizeof(kRedacted) - 1)) {
    text.replace(pos, secret.size(), kRedacted);
  }
}

void RedactHeaders(Headers& headers, const Credentials* credentials) {
  for (auto& [name, value] : headers.entries) {
    if (EqualsIgnoreCase(name, "Authorization") || EqualsIgnoreCase(name, "X-Amz-Security-Token")) value = kRedacted;
    if (credentials) {
      ReplaceAll(value, credentials->secret_access_key);
      ReplaceAll(value, credentials->session_token);
    }
  }
}

std::string RedactBody(std::string_view body, const Credentials* credentials) {
  std::string out = RedactAuthorizationTokens(body);
  if (credentials) {
    ReplaceAll(out, credentials->secret_access_key);
    ReplaceAll(out, credentials->session_token);
  }
  return out;
}

}  // namespace

std::string RedactAuthorizationTokens(std::string_view body) {
  if (body.find(kTokenKey) == std::string_view::npos) {
    // A key spelt with JSON escapes (`"authorization\u0054oken"`) only shows up after parsing.
    if (body.find("\\u") == std::string_view::npos) return std::string(body);
  }
  // Deeper than any API answer: the recursive redaction walk must not see it (nor the parser).
  if (codec::JsonNestingDepth(body, 64) > 64) return RedactText(body);
  nlohmann::json doc = nlohmann::json::parse(body, nullptr, false);
  if (!doc.is_discarded()) {
    if (!RedactJson(doc)) return std::string(body);
    return doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  }
  return RedactText(body);
}

results::Exchange Redacted(results::Exchange exchange, const Credentials* credentials) {
  // Made-up credentials protect nothing, and scrubbing "dummy" would mangle ordinary bodies.
  if (credentials && credentials->dummy) credentials = nullptr;
  RedactHeaders(exchange.request.headers, credentials);
  RedactHeaders(exchange.response.headers, credentials);
  exchange.request.body = RedactBody(exchange.request.body, credentials);
  exchange.response.body = RedactBody(exchange.response.body, credentials);
  if (credentials) {
    ReplaceAll(exchange.request.path, credentials->secret_access_key);
    ReplaceAll(exchange.transport_error, credentials->secret_access_key);
    ReplaceAll(exchange.transport_error, credentials->session_token);
  }
  return exchange;
}

}  // namespace ecrc::client
