// Named, isolated contract violations the reference server can be told to commit, so that every
// check of the suite can be shown to fail on a server that breaks its rule.
#pragma once

#include <bitset>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ecrc::server {

// One enumerator per fault; the table in faults.cc gives each a stable snake_case name and a
// one-line description. Each is checked at exactly one place in the server.
enum class Fault {
  // Wire level (http front / Server::Handle).
  kWrongContentType,
  kErrorWithoutType,
  kNotFoundAs404,
  kMissingRequestId,
  kCrashOnMalformedJson,
  kNoInputValidation,
  kServerError500,
  kTimestampsAsStrings,
  kWrongErrorType,
  kMissingRequiredOutput,
  // Pagination.
  kPaginationRepeats,
  kPaginationSkips,
  kPaginationNeverEnds,
  kIgnoreMaxResults,
  kIdsWithPaginationAccepted,
  // Layer uploads.
  kNoDigestVerification,
  kAcceptPartGaps,
  kEmptyUploadAccepted,
  kUploadNotBoundToRepository,
  kLayerAlreadyExistsIgnored,
  kPartTooSmallAccepted,
  // Images.
  kAcceptMissingLayers,
  kImageAlreadyExistsIgnored,
  kTagMoveKeepsOldTag,
  kUntaggedImageDeletedOnTagMove,
  kManifestReserialized,
  kDigestMismatchIgnored,
  kBatchDeleteFailsWholeCall,
  kDescribeImagesDropsMissing,
  // Repositories.
  kDeleteNonemptyWithoutForce,
  kStaleReadAfterDelete,
  kRepositoryUriUsesAccount,
  kArnWithRegion,
  // Tags.
  kTagsSurviveRepoDelete,
  kNoTagLimit,
  kLowercaseTagKeys,
  // Policies.
  kPolicyNotJsonChecked,
  kDeletePolicyReturnsEmpty,
  // Registry and catalog data.
  kAuthTokenExtraColon,
  kAuthTokenAnyRegion,
  kCatalogLogoEchoed,
  // Edge values only some readings accept (answers outside the documented set).
  kTagCharsetDropped,
  kDuplicateTagKeysFirstWins,
  kImageTagMangled,
  kUntaggedPushTaggedLatest,
  kAbsentLayerWrongFailure,
  // Blind spots of issue 13: request types, time, sizes, closed enums, error framing.
  kAcceptWrongJsonTypes,
  kTimestampsAsMilliseconds,
  kImageSizeWrong,
  kFailureCodeOutsideEnum,
  kErrorTypeHeaderOnly,
  kUnknownOperationAsInvalidAction,
  kCount  // not a fault
};

struct FaultInfo {
  Fault fault;
  const char* name;         // what `serve --fault` takes
  const char* description;  // one line: the rule it breaks
};

// Every fault, in declaration order.
const std::vector<FaultInfo>& AllFaults();
const FaultInfo& InfoOf(Fault fault);
std::optional<Fault> FaultByName(std::string_view name);

// The set of faults a server runs with; empty means conformant.
class Faults {
 public:
  Faults() = default;
  // Fails with a message naming the unknown fault and listing the valid ones.
  static std::optional<Faults> Parse(const std::vector<std::string>& names, std::string* error);

  bool Has(Fault f) const { return bits_.test(static_cast<size_t>(f)); }
  Faults& Add(Fault f) {
    bits_.set(static_cast<size_t>(f));
    return *this;
  }
  bool empty() const { return bits_.none(); }
  std::vector<std::string> Names() const;

 private:
  std::bitset<static_cast<size_t>(Fault::kCount)> bits_;
};

}  // namespace ecrc::server
