// Live resources a check needs (a repository, an upload in it), made as the semantics file says,
// named under the run's unique prefix, and all deleted when the run ends.
#pragma once

#include <atomic>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "harness/checks/call.h"
#include "specs/semantics.h"

namespace ecrc::runner {

// Every top-level resource created during a run, so it can be deleted at the end (also after an
// interrupt). Thread-safe.
class CleanupList {
 public:
  void Add(const std::string& resource, const std::string& name);
  void Forget(const std::string& resource, const std::string& name);
  std::vector<std::pair<std::string, std::string>> Take();

 private:
  std::mutex mu_;
  std::set<std::pair<std::string, std::string>> items_;
};

class Fixture {
 public:
  Fixture(const spec::Service& service, const spec::Semantics& semantics, check::CallFn call, std::string prefix,
          std::atomic<uint64_t>* counter, CleanupList* cleanup);

  // A fresh name under the prefix, at least `length` characters long (padded to reach boundary lengths).
  std::string NewName(size_t length = 0);

  // Replaces every top-level member of `input` that the semantics bind to a resource (except
  // `keep`) with a live one made for this call. Setup calls are appended to `setup`, the failing
  // one last. Fails when a resource could not be made: EndpointFailed when the endpoint failed the
  // set-up call (the check is then skipped with that cause), TransportFailed or Error otherwise.
  Result<codec::Value> Bind(const spec::Operation& op, codec::Value input, const std::string& keep,
                            std::vector<check::Call>* setup);

  // Makes one instance of `resource` (and of what it lives in); returns its values by name.
  Result<std::map<std::string, std::string>> Make(const std::string& resource, size_t name_length,
                                                   std::map<std::string, std::map<std::string, std::string>>* made,
                                                   std::vector<check::Call>* setup);

  // Deletes everything in `cleanup`, ignoring what is already gone.
  static void DeleteAll(const spec::Service& service, const spec::Semantics& semantics, const check::CallFn& call,
                        CleanupList* cleanup);

 private:
  const spec::Service& service_;
  const spec::Semantics& semantics_;
  check::CallFn call_;
  std::string prefix_;
  std::atomic<uint64_t>* counter_;
  CleanupList* cleanup_;
};

// Reads a dotted path (`repository.repositoryArn`) out of a JSON value; "" when absent.
std::string StringAt(const nlohmann::json& value, const std::string& dotted);

}  // namespace ecrc::runner
