#include "harness/client/transport.h"

#include <curl/curl.h>

#include <algorithm>
#include <mutex>

namespace ecrc::client {
namespace {

// What the callbacks of one transfer write into.
struct TransferState {
  size_t cap = 0;
  size_t header_cap = 0;
  size_t header_count_cap = 0;
  size_t received = 0;   // header and body bytes so far
  size_t header_bytes = 0;  // of the current response's header block
  bool too_large = false;
  std::string too_large_what;  // which limit, for the message
  HttpResponse response;
  std::string sent_headers;  // the last request header block libcurl wrote
};

bool Charge(TransferState& state, size_t bytes) {
  state.received += bytes;
  if (state.received > state.cap && !state.too_large) {
    state.too_large = true;
    state.too_large_what = "exceeds the limit of " + std::to_string(state.cap) + " bytes";
  }
  return !state.too_large;
}

// The header block has its own, much smaller, bounds: libcurl 7.88 keeps every header line.
bool ChargeHeader(TransferState& state, size_t bytes) {
  state.header_bytes += bytes;
  if (state.too_large) return false;
  if (state.header_bytes > state.header_cap) {
    state.too_large = true;
    state.too_large_what = "has a header block larger than " + std::to_string(state.header_cap) + " bytes";
  } else if (state.response.headers.entries.size() >= state.header_count_cap) {
    state.too_large = true;
    state.too_large_what = "has more than " + std::to_string(state.header_count_cap) + " headers";
  }
  return !state.too_large;
}

size_t OnBody(char* data, size_t size, size_t count, void* user) {
  auto& state = *static_cast<TransferState*>(user);
  size_t bytes = size * count;
  if (!Charge(state, bytes)) return 0;  // anything short of `bytes` makes libcurl abort
  state.response.body.append(data, bytes);
  return bytes;
}

std::string_view TrimHeaderText(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == '\r' || s.back() == '\n' || s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Called once per header line, status lines of interim (1xx) responses and trailers included.
size_t OnHeader(char* data, size_t size, size_t count, void* user) {
  auto& state = *static_cast<TransferState*>(user);
  size_t bytes = size * count;
  std::string_view line(data, bytes);
  if (line.starts_with("HTTP/")) state.header_bytes = 0;
  if (!Charge(state, bytes) || !ChargeHeader(state, bytes)) return 0;
  if (line.empty()) return bytes;
  auto& entries = state.response.headers.entries;
  if (line.starts_with("HTTP/")) {
    entries.clear();  // a new response (after a 100 Continue, say): only the final one counts
  } else if ((line.front() == ' ' || line.front() == '\t') && !entries.empty()) {
    std::string_view more = TrimHeaderText(line);  // obsolete line folding
    if (!more.empty()) entries.back().second += " " + std::string(more);
  } else if (size_t colon = line.find(':'); colon != std::string_view::npos) {
    entries.emplace_back(std::string(line.substr(0, colon)), std::string(TrimHeaderText(line.substr(colon + 1))));
  }
  return bytes;
}

int OnDebug(CURL*, curl_infotype type, char* data, size_t size, void* user) {
  if (type == CURLINFO_HEADER_OUT) static_cast<TransferState*>(user)->sent_headers.assign(data, size);
  return 0;
}

// The request line and headers libcurl wrote, as an HttpRequest.
HttpRequest ParseSentHeaders(const std::string& block, const HttpRequest& original) {
  HttpRequest sent;
  sent.method = original.method;
  sent.path = original.path;
  sent.body = original.body;
  size_t pos = 0;
  bool first = true;
  while (pos < block.size()) {
    size_t end = block.find("\r\n", pos);
    if (end == std::string::npos) end = block.size();
    std::string_view line(block.data() + pos, end - pos);
    pos = end + 2;
    if (line.empty()) break;
    if (first) {
      first = false;
      size_t sp1 = line.find(' ');
      size_t sp2 = line.rfind(' ');
      if (sp1 != std::string_view::npos && sp2 > sp1) {
        sent.method = std::string(line.substr(0, sp1));
        sent.path = std::string(line.substr(sp1 + 1, sp2 - sp1 - 1));
      }
      continue;
    }
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    sent.headers.Add(std::string(line.substr(0, colon)), std::string(TrimHeaderText(line.substr(colon + 1))));
  }
  return sent;
}

bool SendsBody(const HttpRequest& request) { return request.method == "POST" || !request.body.empty(); }

// Why a request must not go through libcurl's signer, or "" when it may.
std::string UnsignableReason(const HttpRequest& request) {
  if (request.path.find('?') != std::string::npos) return "it has a query string (libcurl signs it unsorted)";
  if (SendsBody(request) && !request.headers.Find("Content-Type")) {
    return "it has a body but no Content-Type (libcurl would add an unsigned form type)";
  }
  const auto& entries = request.headers.entries;
  for (size_t i = 0; i < entries.size(); ++i) {
    const std::string& name = entries[i].first;
    if (EqualsIgnoreCase(name, "X-Amz-Date")) return "it sets X-Amz-Date (libcurl adds its own, so it would be sent twice)";
    if (EqualsIgnoreCase(name, "Authorization")) return "it already has an Authorization header";
    if (entries[i].second.empty()) return "the header " + name + " has an empty value (libcurl 7.88 signs it wrongly)";
    for (size_t j = i + 1; j < entries.size(); ++j) {
      if (EqualsIgnoreCase(name, entries[j].first)) return "it repeats the header " + name + " (libcurl signs duplicates wrongly)";
    }
  }
  return "";
}

std::string Seconds(std::chrono::milliseconds ms) {
  char text[32];
  std::snprintf(text, sizeof(text), "%g s", ms.count() / 1000.0);
  return text;
}

void GlobalInit() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

}  // namespace

const char* TransportErrorKindName(TransportErrorKind kind) {
  switch (kind) {
    case TransportErrorKind::kUnreachable: return "unreachable";
    case TransportErrorKind::kTimeout: return "timeout";
    case TransportErrorKind::kTooLarge: return "too_large";
    case TransportErrorKind::kOther: return "other";
    case TransportErrorKind::kNotSent: return "not_sent";
  }
  return "?";
}

Transport::Transport(TransportOptions options) : options_(std::move(options)) {
  GlobalInit();
  curl_ = curl_easy_init();
}

Transport::~Transport() { curl_easy_cleanup(static_cast<CURL*>(curl_)); }

TransportResult Transport::Send(const std::string& base_url, const HttpRequest& request, const Signing& signing) {
  return Perform(base_url, request, &signing);
}

TransportResult Transport::SendUnsigned(const std::string& base_url, const HttpRequest& request) {
  return Perform(base_url, request, nullptr);
}

TransportResult Transport::Perform(const std::string& base_url, const HttpRequest& request, const Signing* signing) {
  std::string url = base_url;
  if (!url.empty() && url.back() == '/' && request.path.starts_with('/')) url.pop_back();
  url += request.path.empty() ? "/" : request.path;
  auto fail = [&](TransportErrorKind kind, std::string message) {
    return TransportResult(TransportError{kind, std::move(message)}, request);
  };
  CURL* curl = static_cast<CURL*>(curl_);
  if (!curl) return fail(TransportErrorKind::kOther, "cannot send to " + url + ": libcurl failed to initialise");

  Headers headers = request.headers;
  if (signing) {
    if (std::string why = UnsignableReason(request); !why.empty()) {
      return fail(TransportErrorKind::kOther, "refusing to sign the request to " + url + ": " + why);
    }
    if (!signing->credentials.session_token.empty()) {
      headers.Set("X-Amz-Security-Token", signing->credentials.session_token);
    }
  }

  // Resetting options keeps the connection cache, which is what makes keep-alive work.
  curl_easy_reset(curl);
  TransferState state;
  state.cap = options_.max_response_bytes;
  state.header_cap = options_.max_header_bytes;
  state.header_count_cap = options_.max_header_count;
  char error_text[CURL_ERROR_SIZE] = {0};

  curl_slist* list = nullptr;
  for (const auto& [name, value] : headers.entries) {
    // "Name;" is libcurl's spelling of a header with an empty value ("Name:" would remove it).
    std::string line = value.empty() ? name + ";" : name + ": " + value;
    list = curl_slist_append(list, line.c_str());
  }
  // Unsigned, "Name:" removes a header libcurl would add on its own, so the request carries
  // exactly what it says. Never when signing: libcurl 7.88 signs such a marker as an empty header
  // it then does not send, and every verifier rejects the signature. The defaults it adds then
  // (Accept: */*, Expect on large bodies) go out unsigned, as botocore's do.
  if (!signing) {
    for (const char* added : {"Content-Type", "Accept", "Expect"}) {
      if (!headers.Find(added)) list = curl_slist_append(list, (std::string(added) + ":").c_str());
    }
  }

  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, list);
  curl_easy_setopt(curl, CURLOPT_HTTP_VERSION, CURL_HTTP_VERSION_1_1);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);  // timeouts without SIGALRM: safe with threads
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(options_.connect_timeout.count()));
  curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(options_.total_timeout.count()));
  curl_easy_setopt(curl, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(options_.max_response_bytes));
  if (options_.low_speed_time.count() > 0) {
    curl_easy_setopt(curl, CURLOPT_LOW_SPEED_LIMIT, options_.low_speed_bytes);
    curl_easy_setopt(curl, CURLOPT_LOW_SPEED_TIME, std::max(1L, static_cast<long>((options_.low_speed_time.count() + 999) / 1000)));
  }
  // Both are libcurl's defaults, stated because the codec relies on them: a 3xx is the answer
  // (following it could loop), and a Content-Encoding the request never asked for is judged as
  // sent, not inflated (a gzip bomb stays a few KiB).
  curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(curl, CURLOPT_HTTP_CONTENT_DECODING, 0L);
  curl_easy_setopt(curl, CURLOPT_USERAGENT, options_.user_agent.c_str());
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error_text);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, OnBody);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &state);
  curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, OnHeader);
  curl_easy_setopt(curl, CURLOPT_HEADERDATA, &state);
  curl_easy_setopt(curl, CURLOPT_DEBUGFUNCTION, OnDebug);
  curl_easy_setopt(curl, CURLOPT_DEBUGDATA, &state);
  curl_easy_setopt(curl, CURLOPT_VERBOSE, 1L);  // the debug callback only runs in verbose mode
  if (auto parsed = ParseEndpointUrl(base_url); parsed.ok() && IsLoopbackHost(parsed->host)) {
    curl_easy_setopt(curl, CURLOPT_NOPROXY, "*");  // a proxy from the environment cannot reach our loopback
  }

  if (request.method == "HEAD" && request.body.empty()) {
    curl_easy_setopt(curl, CURLOPT_NOBODY, 1L);
  } else if (SendsBody(request)) {
    // POSTFIELDS, not a read callback: libcurl's signer hashes only POSTFIELDS bodies.
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, request.body.data());
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
    if (request.method != "POST") curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, request.method.c_str());
  } else {
    curl_easy_setopt(curl, CURLOPT_HTTPGET, 1L);
    if (request.method != "GET") curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, request.method.c_str());
  }

  if (signing) {
    // All four parts, or libcurl derives region and service from the host name.
    std::string sigv4 = "aws:amz:" + signing->region + ":" + signing->service;  // libcurl copies it
    if (curl_easy_setopt(curl, CURLOPT_AWS_SIGV4, sigv4.c_str()) != CURLE_OK) {
      curl_easy_reset(curl);
      curl_slist_free_all(list);
      return fail(TransportErrorKind::kOther, "cannot sign the request to " + url + ": this libcurl has no SigV4 support");
    }
    curl_easy_setopt(curl, CURLOPT_USERNAME, signing->credentials.access_key_id.c_str());
    curl_easy_setopt(curl, CURLOPT_PASSWORD, signing->credentials.secret_access_key.c_str());
  }

  CURLcode rc = curl_easy_perform(curl);
  long status = 0;
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
  curl_off_t connect_time = 0;
  curl_easy_getinfo(curl, CURLINFO_CONNECT_TIME_T, &connect_time);
  // No option may point at this call's locals (state, list, the body) once it returns, not even
  // for the debug output of a later cleanup; the connection itself stays cached.
  curl_easy_reset(curl);
  curl_slist_free_all(list);

  HttpRequest sent = state.sent_headers.empty() ? request : ParseSentHeaders(state.sent_headers, request);
  std::string detail = error_text[0] ? error_text : curl_easy_strerror(rc);
  if (rc == CURLE_OK) {
    state.response.status = static_cast<int>(status);
    return TransportResult(std::move(state.response), std::move(sent));
  }
  TransportError error;
  if (state.too_large || rc == CURLE_FILESIZE_EXCEEDED) {
    std::string what = state.too_large_what.empty()
                           ? "exceeds the limit of " + std::to_string(options_.max_response_bytes) + " bytes"
                           : state.too_large_what;
    error = {TransportErrorKind::kTooLarge, "response too large: the response from " + url + " " + what};
  } else if (rc == CURLE_COULDNT_CONNECT || rc == CURLE_COULDNT_RESOLVE_HOST || rc == CURLE_COULDNT_RESOLVE_PROXY) {
    error = {TransportErrorKind::kUnreachable, "cannot connect to " + url + ": " + detail};
  } else if (rc == CURLE_OPERATION_TIMEDOUT) {
    // Connected (or already sending) means the target is there but slow; otherwise it is not there.
    if (!state.sent_headers.empty() || connect_time > 0) {
      // libcurl reports a stall (below the minimum speed) with the same code: its text says which.
      bool stalled = std::string_view(detail).find("too slow") != std::string_view::npos;  // "Operation too slow. Less than ..."
      error = {TransportErrorKind::kTimeout,
               stalled ? "timeout: the response from " + url + " stalled (fewer than " + std::to_string(options_.low_speed_bytes) +
                             " bytes/s for " + Seconds(options_.low_speed_time) + ")"
                       : "timeout: no complete response from " + url + " within " + Seconds(options_.total_timeout)};
    } else {
      error = {TransportErrorKind::kUnreachable, "cannot connect to " + url + " within " +
                                                     Seconds(std::min(options_.connect_timeout, options_.total_timeout))};
    }
  } else if (rc == CURLE_WEIRD_SERVER_REPLY || rc == CURLE_UNSUPPORTED_PROTOCOL) {
    error = {TransportErrorKind::kOther, "the answer from " + url + " is not HTTP: " + detail};
  } else if (rc == CURLE_PARTIAL_FILE) {
    error = {TransportErrorKind::kOther, "the connection to " + url + " closed before the body was complete (Content-Length promised more): " + detail};
  } else if (rc == CURLE_RECV_ERROR || rc == CURLE_SEND_ERROR || rc == CURLE_GOT_NOTHING) {
    error = {TransportErrorKind::kOther, "the connection to " + url + " was reset or closed without an answer: " + detail};
  } else {
    error = {TransportErrorKind::kOther, "request to " + url + " failed: " + detail};
  }
  return TransportResult(std::move(error), std::move(sent));
}

}  // namespace ecrc::client
