// How much of the contract a run touched; each gap is listed by name.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace ecrc::results {

struct Coverage {
  std::vector<std::string> operations_exercised;
  std::vector<std::string> operations_missed;
  std::vector<std::string> errors_provoked;      // "Operation:ErrorName"
  std::vector<std::string> errors_missed;
  std::map<std::string, std::string> errors_unprovokable;  // "Operation:ErrorName" -> why it cannot be provoked from outside
  std::vector<std::string> constraints_exercised;  // "shapes.RepositoryName.max"
  std::vector<std::string> constraints_missed;
  std::vector<std::string> paginators_verified;
  std::vector<std::string> paginators_missed;
  // SDK runs only (empty elsewhere, and then left out of the JSON): the error forms the SDK
  // decoded ("DescribeImages.RepositoryNotFoundException.namespaced_type") and the input member
  // paths its requests carried ("DescribeImages:imageIds[].imageTag").
  std::vector<std::string> error_forms_decoded;
  std::vector<std::string> error_forms_missed;
  std::vector<std::string> input_members_sent;
  std::vector<std::string> input_members_missed;
};

}  // namespace ecrc::results
