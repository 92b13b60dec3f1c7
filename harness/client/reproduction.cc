#include "harness/client/reproduction.h"

#include <cstdio>

namespace ecrc::client {
namespace {

bool OneOf(const std::string& name, std::initializer_list<const char*> names) {
  for (const char* n : names) {
    if (EqualsIgnoreCase(name, n)) return true;
  }
  return false;
}

// Headers curl writes on its own when it sends (and, with --aws-sigv4, signs) the request. Its
// default Accept and Expect stay implicit when signing: passed with -H they would be signed.
bool AddedByCurl(const std::string& name, bool is_signed) {
  if (OneOf(name, {"Host", "Content-Length", "User-Agent"})) return true;
  return is_signed && OneOf(name, {"X-Amz-Date", "Authorization", "X-Amz-Security-Token", "Accept", "Expect"});
}

// True when the body cannot be a shell argument as it is: NUL bytes, or other control bytes a
// terminal would mangle when the command is copied.
bool NeedsPrintf(const std::string& body) {
  for (unsigned char c : body) {
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') return true;
    if (c == 0x7f) return true;
  }
  return false;
}

// A printf format that prints `body` byte for byte: octal escapes for every byte outside
// printable ASCII, `%%` and `\\` for the two characters printf interprets.
std::string PrintfFormat(const std::string& body) {
  std::string out;
  for (unsigned char c : body) {
    if (c == '%') {
      out += "%%";
    } else if (c == '\\') {
      out += "\\\\";
    } else if (c < 0x20 || c >= 0x7f) {
      char escape[8];
      std::snprintf(escape, sizeof(escape), "\\%03o", c);
      out += escape;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

}  // namespace

std::string ShellQuote(std::string_view text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}

std::string CurlReproduction(const results::Exchange& exchange, const std::string& base_url, const std::string& region,
                             const std::string& signing_name) {
  const HttpRequest& request = exchange.request;
  std::string url = base_url;
  if (!url.empty() && url.back() == '/' && request.path.starts_with('/')) url.pop_back();
  url += request.path.empty() ? "/" : request.path;
  const std::string nl = " \\\n  ";

  std::string cmd;
  bool piped = NeedsPrintf(request.body);
  if (piped) cmd += "printf " + ShellQuote(PrintfFormat(request.body)) + " |\n";
  cmd += "curl -sS -i";
  bool has_body = !request.body.empty() || request.method == "POST";
  if (request.method != (has_body ? "POST" : "GET")) cmd += " -X " + ShellQuote(request.method);
  cmd += " " + ShellQuote(url);
  bool is_signed = request.headers.Find("Authorization") != nullptr;
  if (is_signed) {
    cmd += nl + "--aws-sigv4 " + ShellQuote("aws:amz:" + region + ":" + signing_name);
    cmd += nl + "--user \"$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY\"";
    if (request.headers.Find("X-Amz-Security-Token")) cmd += nl + "-H \"X-Amz-Security-Token: $AWS_SESSION_TOKEN\"";
  }
  for (const auto& [name, value] : request.headers.entries) {
    if (AddedByCurl(name, is_signed)) continue;
    // curl spells a header with an empty value `Name;` (`Name:` would remove it).
    cmd += nl + "-H " + ShellQuote(value.empty() ? name + ";" : name + ": " + value);
  }
  // Unsigned, the original had none of these, and curl would add them. Signed, `-H 'Name:'` would
  // be signed as an empty header curl then does not send: the signature would not verify.
  if (!is_signed) {
    if (has_body && !request.headers.Find("Content-Type")) cmd += nl + "-H 'Content-Type:'";
    if (!request.headers.Find("Accept")) cmd += nl + "-H 'Accept:'";
    if (request.body.size() > 1024 && !request.headers.Find("Expect")) cmd += nl + "-H 'Expect:'";
  }
  if (has_body) {
    if (piped) {
      cmd += nl + "--data-binary @-";
    } else if (!request.body.empty() && request.body.front() == '@') {
      cmd += nl + "--data-raw " + ShellQuote(request.body);  // --data-binary would read a file named by the rest
    } else {
      cmd += nl + "--data-binary " + ShellQuote(request.body);
    }
  }
  return cmd + "\n";
}

}  // namespace ecrc::client
