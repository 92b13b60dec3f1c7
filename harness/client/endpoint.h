// Where the suite sends requests and as whom: endpoint URL, region and credentials, resolved the
// way AWS SDKs and the AWS CLI resolve them, so users keep the configuration they already have.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace ecrc::client {

// Reads one environment variable; nullopt when unset. Injected so that tests never touch the
// process environment (which is shared by every thread).
using EnvLookup = std::function<std::optional<std::string>(std::string_view name)>;

// The real process environment.
EnvLookup ProcessEnv();

struct Credentials {
  std::string access_key_id;
  std::string secret_access_key;
  std::string session_token;  // empty when there is none
  bool dummy = false;         // made up for a loopback endpoint, not given by the user
};

// The values evidence must never show (results::Redacted scrubs them as literals): the secret key
// and the session token. None for dummy credentials: made up, they protect nothing, and
// scrubbing "dummy" would mangle ordinary bodies.
std::vector<std::string> SecretValues(const Credentials& credentials);

// An endpoint URL taken apart. Only what awsJson1_1 needs: scheme, authority and a base path.
struct EndpointUrl {
  std::string scheme;     // "http" or "https", lower case
  std::string host;       // without brackets for IPv6 literals
  int port = 0;           // explicit or the scheme's default
  std::string base_path;  // "" or "/prefix" (never a trailing slash)

  // scheme://host[:port]base_path, with brackets around an IPv6 host; the port is written only
  // when it is not the scheme's default.
  std::string ToString() const;
};

// Parses and validates an endpoint URL: scheme http or https, a host, an optional numeric port,
// an optional path, and no query string, fragment or user info (a query string would be signed
// unsorted by libcurl). The error names the URL and what is wrong with it.
Result<EndpointUrl> ParseEndpointUrl(std::string_view text);

struct Endpoint {
  EndpointUrl url;
  std::string url_source;  // "--endpoint-url", "AWS_ENDPOINT_URL_ECR_PUBLIC" or "AWS_ENDPOINT_URL"
  std::string region;
  std::string region_source;  // "--region", "AWS_REGION", "AWS_DEFAULT_REGION" or "default"
  Credentials credentials;
};

// What the command line says; empty strings mean "not given".
struct EndpointFlags {
  std::string endpoint_url = "";
  std::string region = "";
};

inline constexpr char kDefaultRegion[] = "us-east-1";
inline constexpr char kDummyAccessKeyId[] = "AKIDECRCONFORMTEST";
inline constexpr char kDummySecretAccessKey[] = "dummy";

// URL: flags.endpoint_url, else AWS_ENDPOINT_URL_ECR_PUBLIC, else AWS_ENDPOINT_URL. Region:
// flags.region, else AWS_REGION, else AWS_DEFAULT_REGION, else us-east-1. Credentials:
// AWS_ACCESS_KEY_ID + AWS_SECRET_ACCESS_KEY (+ AWS_SESSION_TOKEN); for a loopback host without
// them, dummy credentials. Empty variables count as unset, as in the AWS CLI.
//
// Returns nullopt when no endpoint is configured anywhere (the caller may start the embedded
// server and resolve again with its URL as flags.endpoint_url). Fails on an invalid URL, on half
// a key pair, and on a non-loopback endpoint without credentials.
Result<std::optional<Endpoint>> ResolveEndpoint(const EndpointFlags& flags, const EnvLookup& env);

// True for localhost, 127.0.0.0/8 and ::1 (also as an IPv4-mapped address).
bool IsLoopbackHost(std::string_view host);

// True for hosts under amazonaws.com, api.aws or amazonaws.com.cn: real AWS, where destructive
// checks need the user's explicit consent.
bool IsRealAwsHost(std::string_view host);

}  // namespace ecrc::client
