// The HTTP exchange as plain values, shared by the codec, the client and the reference server.
#pragma once

#include "base/ascii.h"

#include <string>
#include <utility>
#include <vector>

namespace ecrc {

// Header names compare case-insensitively; order and duplicates are kept as sent.
struct Headers {
  std::vector<std::pair<std::string, std::string>> entries;

  // Returns the first value for `name` (case-insensitive), or nullptr when absent.
  const std::string* Find(std::string_view name) const;
  // Replaces every header called `name` with one entry.
  void Set(std::string name, std::string value);
  void Add(std::string name, std::string value) { entries.emplace_back(std::move(name), std::move(value)); }
};

struct HttpRequest {
  std::string method = "POST";
  std::string path = "/";
  Headers headers;
  std::string body;
};

struct HttpResponse {
  int status = 0;
  Headers headers;
  std::string body;
};


// The media type of a response without its parameters ("text/html" from "text/html; charset=utf-8"),
// or "no Content-Type" when the header is absent or empty: how findings name what came back.
std::string ResponseMediaType(const HttpResponse& response);

}  // namespace ecrc
