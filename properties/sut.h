// The system under test as the property commands see it: one endpoint, the case's repository
// name prefix, the identifiers the endpoint chose (ARNs, upload ids) and the case's trace.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>

#include "harness/runner/call_path.h"
#include "properties/limits.h"
#include "properties/trace.h"

namespace ecrc::prop {

class Sut {
 public:
  // `prefix` must be kCasePrefixLength long and end in '/'; see CasePrefix.
  Sut(runner::CallPath& path, const Limits& limits, std::string prefix, Tally* tally);

  // Case set-up: learns the account id (DescribeRegistries) and the registry's display name,
  // which End() puts back. Fails when the endpoint does not answer them: EndpointFailed when it
  // answered with an error (failed_set_up() names the operation), TransportFailed when it did not.
  Result<std::optional<std::string>> Begin();
  const std::string& failed_set_up() const { return failed_set_up_; }
  // Deletes every repository the case may have created (force) and restores the display name.
  // Never fails: what cannot be cleaned up is left for the run's own cleanup.
  void End();

  std::string Name(const std::string& suffix) const { return prefix_ + suffix; }
  const std::string& prefix() const { return prefix_; }
  const std::string& account() const { return account_; }
  // The ARN the endpoint gave the repository, else the documented form
  // arn:aws:ecr-public::<account>:repository/<name> (D: CLI examples).
  std::string Arn(const std::string& suffix) const;
  void BindArn(const std::string& suffix, const std::string& arn) { arns_[suffix] = arn; }
  void BindUpload(int handle, const std::string& id) { uploads_[handle] = id; }
  // The id the endpoint gave the upload; a well-formed unknown id when it gave none.
  std::string UploadId(int handle) const;
  void NoteCreateAttempt(const std::string& suffix) { created_.insert(suffix); }
  void NoteDisplayNameChanged() { display_name_changed_ = true; }
  // Records which of several outcomes the fact sheet allows the endpoint chose.
  void Chose(const std::string& what) { if (tally_) ++tally_->choices[what]; }

  runner::CallPath& path() { return path_; }
  const Limits& limits() const { return limits_; }
  Trace& trace() { return trace_; }
  Tally* tally() { return tally_; }

 private:
  runner::CallPath& path_;
  const Limits& limits_;
  std::string prefix_;
  Tally* tally_;
  std::string account_;
  std::string failed_set_up_;
  std::optional<std::string> saved_display_name_;
  bool display_name_changed_ = false;
  std::map<std::string, std::string> arns_;
  std::map<int, std::string> uploads_;
  std::set<std::string> created_;
  Trace trace_;
};

// "ecrcp<6 hex of run>-<5 digits of case>/": unique per case so that a shrink re-run starts
// clean and reads of shared lists can be filtered.
std::string CasePrefix(uint32_t run_tag, uint64_t case_number);

}  // namespace ecrc::prop
