#include "reference/faults.h"

namespace ecrc::server {

const std::vector<FaultInfo>& AllFaults() {
  static const std::vector<FaultInfo> kFaults = {
      {Fault::kWrongContentType, "wrong_content_type", "responses carry Content-Type application/json instead of application/x-amz-json-1.1"},
      {Fault::kErrorWithoutType, "error_without_type", "error responses have neither a __type member nor an x-amzn-ErrorType header"},
      {Fault::kNotFoundAs404, "not_found_as_404", "*NotFoundException errors are answered with HTTP 404 instead of 400"},
      {Fault::kMissingRequestId, "missing_request_id", "responses carry no x-amzn-RequestId header"},
      {Fault::kCrashOnMalformedJson, "crash_on_malformed_json", "a body that is not JSON gets HTTP 500 ServerException instead of 400 SerializationException"},
      {Fault::kNoInputValidation, "no_input_validation", "input is not validated against the model (bad names, lengths and ranges are accepted)"},
      {Fault::kServerError500, "server_error_500", "ListTagsForResource always fails with HTTP 500 ServerException"},
      {Fault::kTimestampsAsStrings, "timestamps_as_strings", "createdAt, imagePushedAt and expiresAt are ISO-8601 strings instead of epoch seconds"},
      {Fault::kWrongErrorType, "wrong_error_type", "RepositoryNotFoundException is answered as RegistryNotFoundException"},
      {Fault::kMissingRequiredOutput, "missing_required_output", "DescribeRegistries omits the required member Registry.verified"},
      {Fault::kPaginationRepeats, "pagination_repeats", "each continuation page repeats the last item of the previous page"},
      {Fault::kPaginationSkips, "pagination_skips", "each continuation page skips the item after the previous page"},
      {Fault::kPaginationNeverEnds, "pagination_never_ends", "the last page still returns a nextToken, which yields empty pages forever"},
      {Fault::kIgnoreMaxResults, "ignore_max_results", "maxResults is ignored: pages always hold up to 100 items"},
      {Fault::kIdsWithPaginationAccepted, "ids_with_pagination_accepted", "repositoryNames/imageIds combined with maxResults/nextToken are accepted"},
      {Fault::kNoDigestVerification, "no_digest_verification", "CompleteLayerUpload accepts a layerDigest that does not match the uploaded bytes"},
      {Fault::kAcceptPartGaps, "accept_part_gaps", "UploadLayerPart accepts a part that does not start at lastByteReceived + 1"},
      {Fault::kEmptyUploadAccepted, "empty_upload_accepted", "CompleteLayerUpload of an upload without parts succeeds instead of EmptyUploadException"},
      {Fault::kUploadNotBoundToRepository, "upload_not_bound_to_repository", "an upload id is accepted on a repository other than the one it was initiated for"},
      {Fault::kLayerAlreadyExistsIgnored, "layer_already_exists_ignored", "CompleteLayerUpload of a layer the repository already holds succeeds instead of LayerAlreadyExistsException"},
      {Fault::kPartTooSmallAccepted, "part_too_small_accepted", "parts under 5 MiB other than the last are accepted instead of LayerPartTooSmallException"},
      {Fault::kAcceptMissingLayers, "accept_missing_layers", "PutImage accepts a manifest whose layers or config are not in the repository"},
      {Fault::kImageAlreadyExistsIgnored, "image_already_exists_ignored", "re-pushing the same manifest with the same tag succeeds instead of ImageAlreadyExistsException"},
      {Fault::kTagMoveKeepsOldTag, "tag_move_keeps_old_tag", "after a tag moves to a new manifest, the old image still lists the tag"},
      {Fault::kUntaggedImageDeletedOnTagMove, "untagged_image_deleted_on_tag_move", "an image left untagged by a tag move is deleted instead of kept"},
      {Fault::kManifestReserialized, "manifest_reserialized", "PutImage re-serialises the manifest; the stored bytes and the digest differ from what was sent"},
      {Fault::kDigestMismatchIgnored, "digest_mismatch_ignored", "PutImage ignores an imageDigest that does not match the manifest instead of ImageDigestDoesNotMatchException"},
      {Fault::kBatchDeleteFailsWholeCall, "batch_delete_fails_whole_call", "BatchDeleteImage fails the whole call with ImageNotFoundException instead of a per-item failure"},
      {Fault::kDescribeImagesDropsMissing, "describe_images_drops_missing", "DescribeImages silently leaves out imageIds that name no image instead of ImageNotFoundException"},
      {Fault::kDeleteNonemptyWithoutForce, "delete_nonempty_without_force", "DeleteRepository deletes a repository holding images without force"},
      {Fault::kStaleReadAfterDelete, "stale_read_after_delete", "the next DescribeRepositories after a delete still lists the deleted repository"},
      {Fault::kRepositoryUriUsesAccount, "repository_uri_uses_account", "repositoryUri uses the account id instead of the registry alias"},
      {Fault::kArnWithRegion, "arn_with_region", "repository ARNs carry a region (arn:aws:ecr-public:us-east-1:...) instead of an empty region field"},
      {Fault::kTagsSurviveRepoDelete, "tags_survive_repo_delete", "tags of a deleted repository come back when a repository of the same name is created"},
      {Fault::kNoTagLimit, "no_tag_limit", "more than 50 tags per repository are accepted instead of TooManyTagsException"},
      {Fault::kLowercaseTagKeys, "lowercase_tag_keys", "ListTagsForResource returns tags as {key, value} instead of {Key, Value}"},
      {Fault::kPolicyNotJsonChecked, "policy_not_json_checked", "SetRepositoryPolicy accepts policy text that is not a JSON policy"},
      {Fault::kDeletePolicyReturnsEmpty, "delete_policy_returns_empty", "DeleteRepositoryPolicy does not return the deleted policyText"},
      {Fault::kAuthTokenExtraColon, "auth_token_extra_colon", "the decoded authorization token holds more than one ':' (breaks aws ecr-public get-login-password)"},
      {Fault::kAuthTokenAnyRegion, "auth_token_any_region", "GetAuthorizationToken succeeds outside us-east-1 instead of UnsupportedCommandException"},
      {Fault::kCatalogLogoEchoed, "catalog_logo_echoed", "catalog data output echoes logoImageBlob instead of returning a logoUrl"},
      {Fault::kTagCharsetDropped, "tag_charset_dropped", "tags with characters outside AWS's general tagging set are accepted but silently not stored"},
      {Fault::kDuplicateTagKeysFirstWins, "duplicate_tag_keys_first_wins", "a request naming a tag key twice succeeds and keeps the first value instead of the last (or refusing)"},
      {Fault::kImageTagMangled, "image_tag_mangled", "PutImage stores an imageTag outside Docker's grammar with those characters replaced by '_'"},
      {Fault::kUntaggedPushTaggedLatest, "untagged_push_tagged_latest", "PutImage without imageTag tags the image 'latest' instead of leaving it untagged (or refusing)"},
      {Fault::kAbsentLayerWrongFailure, "absent_layer_wrong_failure", "BatchCheckLayerAvailability answers an absent well-formed digest as an InvalidLayerDigest failure (neither UNAVAILABLE nor MissingLayerDigest)"},
      {Fault::kAcceptWrongJsonTypes, "accept_wrong_json_types", "members of the wrong JSON type are coerced (\"maxResults\": \"5\" is served) instead of 400 SerializationException"},
      {Fault::kTimestampsAsMilliseconds, "timestamps_as_milliseconds", "createdAt, imagePushedAt and expiresAt are epoch milliseconds instead of epoch seconds"},
      {Fault::kImageSizeWrong, "image_size_wrong", "imageSizeInBytes is the size of the manifest instead of the sum of the image's layer sizes"},
      {Fault::kFailureCodeOutsideEnum, "failure_code_outside_enum", "BatchCheckLayerAvailability reports an absent blob as a failure with failureCode LayerNotFound, outside LayerFailureCode"},
      {Fault::kErrorTypeHeaderOnly, "error_type_header_only", "error responses name their type only in X-Amzn-ErrorType, with no __type in the body (botocore then reports the code \"400\")"},
      {Fault::kUnknownOperationAsInvalidAction, "unknown_operation_as_invalid_action", "an unknown X-Amz-Target gets InvalidAction (a query-protocol code) instead of UnknownOperationException"},
  };
  return kFaults;
}

const FaultInfo& InfoOf(Fault fault) { return AllFaults()[static_cast<size_t>(fault)]; }

std::optional<Fault> FaultByName(std::string_view name) {
  for (const auto& info : AllFaults()) {
    if (name == info.name) return info.fault;
  }
  return std::nullopt;
}

std::optional<Faults> Faults::Parse(const std::vector<std::string>& names, std::string* error) {
  Faults faults;
  for (const auto& name : names) {
    auto fault = FaultByName(name);
    if (!fault) {
      if (error) {
        *error = "unknown fault '" + name + "'; valid faults:";
        for (const auto& info : AllFaults()) *error += std::string(" ") + info.name;
      }
      return std::nullopt;
    }
    faults.Add(*fault);
  }
  return faults;
}

std::vector<std::string> Faults::Names() const {
  std::vector<std::string> out;
  for (const auto& info : AllFaults()) {
    if (Has(info.fault)) out.push_back(info.name);
  }
  return out;
}

}  // namespace ecrc::server
