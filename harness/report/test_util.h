// Helpers for the report tests: the sample fixture, temporary directories and running the
// external validators (xmllint, chromium, python3 jsonschema).
#pragma once

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "harness/report/json_report_reader.h"

namespace ecrc::report::testing {

inline std::string SourceDir() {
  const char* env = std::getenv("ECRC_SOURCE_DIR");
  return env ? env : ECRC_SOURCE_DIR;
}

inline std::string TestData(const std::string& name) { return SourceDir() + "/harness/report/testdata/" + name; }

inline results::RunReport SampleReport() {
  auto r = ReadReportFile(TestData("sample_report.json"));
  EXPECT_TRUE(r.ok()) << r.status().message();
  return r.ok() ? *r : results::RunReport{};
}

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

inline void WriteFile(const std::string& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary);
  out << content;
}

// A fresh directory under the system temp dir, removed when the object goes.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "ecrc-report-XXXXXX").string();
    path_ = mkdtemp(pattern.data()) ? pattern : "";
  }
  ~TempDir() {
    std::error_code ec;
    if (!path_.empty()) std::filesystem::remove_all(path_, ec);
  }
  const std::string& path() const { return path_; }
  std::string File(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

// Runs `command` through the shell; returns its exit status and fills `output` with stdout.
inline int Run(const std::string& command, std::string* output = nullptr) {
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return -1;
  std::string out;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) out.append(buf, n);
  int status = pclose(pipe);
  if (output) *output = out;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

inline bool HaveTool(const std::string& name) { return Run("command -v " + name + " >/dev/null 2>&1") == 0; }

// Single-quotes `s` for the shell.
inline std::string Quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// Fake credentials planted in the sample fixture; none may reach any written report.
inline const std::vector<std::string>& PlantedSecrets() {
  static const std::vector<std::string> kSecrets = {
      "5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7",  // SigV4 signature
      "FQoGZXIvYXdzEXAMPLESESSIONTOKENxyz123",                             // X-Amz-Security-Token
      "wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEY",                            // secret key in curl --user
      "QVdTOnN1cGVyc2VjcmV0cGFzc3dvcmQxMjM",                               // authorizationToken
      "supersecretpassword123",                                            // what the token decodes to
      "AKIDEXAMPLE1234567/20250101",                                       // SigV4 credential scope
      "abcdef0123456789abcdef",                                            // X-Amz-Signature in a URL
  };
  return kSecrets;
}

}  // namespace ecrc::report::testing
