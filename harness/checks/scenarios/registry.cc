// The scenario suite: every family's scenarios in one fixed order, one line per family, so
// reports list them the same way on every run.
#include "harness/checks/scenarios/steps.h"

namespace ecrc::check {

const std::vector<Scenario>& AllScenarios() {
  static const std::vector<Scenario> kAll = [] {
    std::vector<Scenario> all;
    AddLifecycleScenarios(&all);   // lifecycle.cc: the push path end to end
    AddUploadsScenarios(&all);     // uploads.cc: layer-upload rules
    AddPutImageScenarios(&all);    // put_image.cc: digests, missing blobs, tags, formats
    AddBatchScenarios(&all);       // batch.cc: BatchDeleteImage, BatchCheckLayerAvailability
    AddPaginationScenarios(&all);  // pagination.cc: the four paginators
    AddTagsScenarios(&all);        // tags.cc: repository tags
    AddPolicyScenarios(&all);      // policy.cc: repository policies
    AddCatalogScenarios(&all);     // catalog.cc: repository and registry catalog data
    AddRegistriesScenarios(&all);  // registries.cc: registry, ARNs and URIs, auth token
    AddDeleteScenarios(&all);      // delete.cc: create and delete rules
    AddNotFoundScenarios(&all);    // not_found.cc: one per operation naming a resource
    AddTimestampScenarios(&all);   // timestamps.cc: epoch seconds, plausible for what was just made
    AddImageSizeScenarios(&all);   // image_size.cc: imageSizeInBytes is the layers' sum
    return all;
  }();
  return kAll;
}

}  // namespace ecrc::check
