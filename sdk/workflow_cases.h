// The workflow cases: one image's life through every operation (create, upload its blobs, put the
// image, describe it, tag, policy, catalog data, authorization token, delete), answered by the
// reference's real behaviour rather than canned responses, so an SDK is judged on a conversation
// whose answers depend on what it sent before.
#pragma once

#include <string>
#include <vector>

#include "sdk/sdk_case.h"
#include "specs/spec.h"

namespace ecrc::sdk {

struct WorkflowIdentity {
  // The judge's reference registry: repository ARNs in the inputs name it.
  std::string account_id = "123456789012";
};

// In order; each case relies on the ones before it (run them together: --case 'workflow.*').
// Upload ids are the judge's planned ones (PlannedUploadId of the InitiateLayerUpload case).
std::vector<SdkCase> WorkflowCases(const spec::Service& service, const WorkflowIdentity& identity = {});

}  // namespace ecrc::sdk
