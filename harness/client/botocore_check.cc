#include "harness/client/botocore_check.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>

#include "base/base64.h"

namespace ecrc::client::testing {

BotocoreSignatures SignWithBotocore(const std::vector<CapturedRequest>& requests) {
  nlohmann::json doc = nlohmann::json::array();
  for (const auto& [captured, base_url, signing] : requests) {
    nlohmann::json one;
    one["method"] = captured.method;
    one["url"] = base_url + captured.path;
    one["headers"] = nlohmann::json::array();
    for (const auto& [name, value] : captured.headers.entries) one["headers"].push_back({name, value});
    one["body_base64"] = Base64Encode(captured.body);
    one["region"] = signing.region;
    one["service"] = signing.service;
    one["access_key"] = signing.credentials.access_key_id;
    one["secret_key"] = signing.credentials.secret_access_key;
    one["token"] = signing.credentials.session_token;
    doc.push_back(std::move(one));
  }
  static int counter = 0;
  std::string path = "/tmp/ecrc_sigv4_" + std::to_string(::getpid()) + "_" + std::to_string(counter++) + ".json";
  std::ofstream(path) << doc.dump();
  BotocoreSignatures out;
  FILE* pipe = popen(("python3 '" + std::string(ECRC_SIGV4_CHECK_PY) + "' '" + path + "' 2>&1").c_str(), "r");
  if (!pipe) return out;
  char buffer[4096];
  while (size_t n = fread(buffer, 1, sizeof(buffer), pipe)) out.output.append(buffer, n);
  int status = pclose(pipe);
  std::remove(path.c_str());
  int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  // 127: no python3 on PATH; 77: python3 without botocore.
  out.available = code != 127 && code != 77;
  if (code != 0) return out;
  size_t pos = 0;
  while (pos < out.output.size()) {
    size_t end = out.output.find('\n', pos);
    if (end == std::string::npos) end = out.output.size();
    out.authorization.push_back(out.output.substr(pos, end - pos));
    pos = end + 1;
  }
  out.ok = out.authorization.size() == requests.size();
  return out;
}

}  // namespace ecrc::client::testing
