#include "harness/client/endpoint.h"

#include <arpa/inet.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>

#include "base/ascii.h"

namespace ecrc::client {
namespace {

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// The AWS CLI treats an empty variable as unset; so do we.
std::optional<std::string> NonEmpty(const EnvLookup& env, std::string_view name) {
  auto value = env(name);
  if (value && value->empty()) return std::nullopt;
  return value;
}

int DefaultPort(std::string_view scheme) { return scheme == "https" ? 443 : 80; }

Status UrlError(std::string_view text, const std::string& why) {
  return Status::Error("invalid endpoint URL '" + std::string(text) + "': " + why);
}

}  // namespace

EnvLookup ProcessEnv() {
  return [](std::string_view name) -> std::optional<std::string> {
    const char* value = std::getenv(std::string(name).c_str());
    if (!value) return std::nullopt;
    return std::string(value);
  };
}

std::string EndpointUrl::ToString() const {
  std::string out = scheme + "://";
  out += host.find(':') != std::string::npos ? "[" + host + "]" : host;
  if (port != DefaultPort(scheme)) out += ":" + std::to_string(port);
  return out + base_path;
}

std::vector<std::string> SecretValues(const Credentials& credentials) {
  if (credentials.dummy) return {};
  return {credentials.secret_access_key, credentials.session_token};
}

Result<EndpointUrl> ParseEndpointUrl(std::string_view text) {
  std::string_view s = text;
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  if (s.empty()) return UrlError(text, "it is empty");
  for (char c : s) {
    if (std::isspace(static_cast<unsigned char>(c)) || std::iscntrl(static_cast<unsigned char>(c))) {
      return UrlError(text, "it contains whitespace or a control character");
    }
  }
  EndpointUrl url;
  size_t sep = s.find("://");
  if (sep == std::string_view::npos) return UrlError(text, "no scheme; write it as http://host:port or https://host");
  url.scheme = AsciiLower(s.substr(0, sep));
  if (url.scheme != "http" && url.scheme != "https") {
    return UrlError(text, "scheme must be http or https, not '" + std::string(s.substr(0, sep)) + "'");
  }
  s.remove_prefix(sep + 3);
  size_t authority_end = s.find_first_of("/?#");
  std::string_view authority = s.substr(0, authority_end);
  std::string_view rest = authority_end == std::string_view::npos ? std::string_view() : s.substr(authority_end);
  if (rest.find('?') != std::string_view::npos) {
    return UrlError(text, "a query string is not allowed (requests are signed without one)");
  }
  if (rest.find('#') != std::string_view::npos) return UrlError(text, "a fragment is not allowed");
  if (authority.find('@') != std::string_view::npos) {
    return UrlError(text, "user info is not allowed; give credentials through AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY");
  }
  std::string_view port_text;
  if (!authority.empty() && authority.front() == '[') {
    size_t close = authority.find(']');
    if (close == std::string_view::npos) return UrlError(text, "unterminated IPv6 address (missing ']')");
    url.host = AsciiLower(authority.substr(1, close - 1));
    std::string_view after = authority.substr(close + 1);
    if (!after.empty()) {
      if (after.front() != ':') return UrlError(text, "unexpected text after the IPv6 address");
      port_text = after.substr(1);
      if (port_text.empty()) return UrlError(text, "empty port");
    }
    in6_addr addr;
    if (inet_pton(AF_INET6, url.host.c_str(), &addr) != 1) return UrlError(text, "'" + url.host + "' is not an IPv6 address");
  } else {
    size_t colon = authority.find(':');
    url.host = AsciiLower(authority.substr(0, colon));
    if (colon != std::string_view::npos) {
      port_text = authority.substr(colon + 1);
      if (port_text.empty()) return UrlError(text, "empty port");
    }
  }
  if (url.host.empty()) return UrlError(text, "no host");
  url.port = DefaultPort(url.scheme);
  if (!port_text.empty()) {
    if (port_text.size() > 5 || !std::all_of(port_text.begin(), port_text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      return UrlError(text, "port '" + std::string(port_text) + "' is not a number");
    }
    url.port = std::stoi(std::string(port_text));
    if (url.port < 1 || url.port > 65535) return UrlError(text, "port must be between 1 and 65535");
  }
  std::string path(rest);
  while (!path.empty() && path.back() == '/') path.pop_back();
  url.base_path = path;
  return url;
}

bool IsLoopbackHost(std::string_view host) {
  std::string h = AsciiLower(host);
  if (!h.empty() && h.back() == '.') h.pop_back();
  if (h.size() > 2 && h.front() == '[' && h.back() == ']') h = h.substr(1, h.size() - 2);
  if (h == "localhost" || EndsWith(h, ".localhost")) return true;
  in_addr v4;
  if (inet_pton(AF_INET, h.c_str(), &v4) == 1) return (ntohl(v4.s_addr) >> 24) == 127;
  in6_addr v6;
  if (inet_pton(AF_INET6, h.c_str(), &v6) == 1) {
    if (IN6_IS_ADDR_LOOPBACK(&v6)) return true;
    return IN6_IS_ADDR_V4MAPPED(&v6) && v6.s6_addr[12] == 127;
  }
  return false;
}

bool IsRealAwsHost(std::string_view host) {
  std::string h = AsciiLower(host);
  while (!h.empty() && h.back() == '.') h.pop_back();
  for (std::string_view domain : {"amazonaws.com", "api.aws", "amazonaws.com.cn"}) {
    if (h == domain || EndsWith(h, "." + std::string(domain))) return true;
  }
  return false;
}

Result<std::optional<Endpoint>> ResolveEndpoint(const EndpointFlags& flags, const EnvLookup& env) {
  Endpoint endpoint;
  std::string url_text;
  if (!flags.endpoint_url.empty()) {
    url_text = flags.endpoint_url;
    endpoint.url_source = "--endpoint-url";
  } else {
    for (const char* name : {"AWS_ENDPOINT_URL_ECR_PUBLIC", "AWS_ENDPOINT_URL"}) {
      if (auto value = NonEmpty(env, name)) {
        url_text = *value;
        endpoint.url_source = name;
        break;
      }
    }
  }
  if (endpoint.url_source.empty()) return std::optional<Endpoint>();
  auto url = ParseEndpointUrl(url_text);
  if (!url.ok()) return Status::Error(url.status().message() + " (from " + endpoint.url_source + ")");
  endpoint.url = *url;

  endpoint.region = kDefaultRegion;
  endpoint.region_source = "default";
  if (!flags.region.empty()) {
    endpoint.region = flags.region;
    endpoint.region_source = "--region";
  } else {
    for (const char* name : {"AWS_REGION", "AWS_DEFAULT_REGION"}) {
      if (auto value = NonEmpty(env, name)) {
        endpoint.region = *value;
        endpoint.region_source = name;
        break;
      }
    }
  }
  // The region lands in the credential scope and in curl's sigv4 parameter, which uses ':' as
  // its separator: refuse anything that is not a plain region name.
  if (!std::all_of(endpoint.region.begin(), endpoint.region.end(),
                   [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-'; })) {
    return Status::Error("invalid region '" + endpoint.region + "' (from " + endpoint.region_source +
                         "): use a region name such as us-east-1");
  }

  auto key = NonEmpty(env, "AWS_ACCESS_KEY_ID");
  auto secret = NonEmpty(env, "AWS_SECRET_ACCESS_KEY");
  if (key.has_value() != secret.has_value()) {
    return Status::Error(std::string(key ? "AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not"
                                         : "AWS_SECRET_ACCESS_KEY is set but AWS_ACCESS_KEY_ID is not") +
                         ": set both, or neither for a loopback endpoint");
  }
  if (key) {
    endpoint.credentials.access_key_id = *key;
    endpoint.credentials.secret_access_key = *secret;
    endpoint.credentials.session_token = NonEmpty(env, "AWS_SESSION_TOKEN").value_or("");
  } else if (IsLoopbackHost(endpoint.url.host)) {
    // Local implementations rarely check signatures, but a request must still be signed to look
    // like one an SDK sends.
    endpoint.credentials = {kDummyAccessKeyId, kDummySecretAccessKey, "", true};
  } else {
    return Status::Error("no credentials for " + endpoint.url.ToString() +
                         ": set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (any values will do for an "
                         "implementation that does not check signatures)");
  }
  return std::optional<Endpoint>(std::move(endpoint));
}

}  // namespace ecrc::client
