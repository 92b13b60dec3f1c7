#include "sdk/workflow_cases.h"

#include <cstdio>

#include "base/base64.h"
#include "base/sha256.h"
#include "sdk/judge.h"
#include "specs/media_types.h"

namespace ecrc::sdk {
namespace {

using nlohmann::json;

constexpr char kRepository[] = "ecr-conform-sdk/workflow";
constexpr char kApiReference[] = "https://docs.aws.amazon.com/AmazonECRPublic/latest/APIReference/API_";

std::string Digest(const std::string& bytes) { return "sha256:" + Sha256Hex(bytes); }

// A small but real image: a config blob and one layer (bytes need not be a real tarball; the
// registry only hashes them).
struct Image {
  std::string config = R"({"architecture":"amd64","os":"linux","rootfs":{"type":"layers","diff_ids":[]}})";
  std::string layer = "ecr-conform sdk workflow layer: \xc3\xa9t\xc3\xa9 \xe2\x9c\x93\n";
  std::string Manifest() const {
    json manifest = {{"schemaVersion", 2},
                     {"mediaType", spec::kDockerSchema2MediaType},
                     {"config", {{"mediaType", spec::kDockerConfigMediaType}, {"size", config.size()}, {"digest", Digest(config)}}},
                     {"layers", json::array({{{"mediaType", spec::kDockerLayerMediaType}, {"size", layer.size()}, {"digest", Digest(layer)}}})}};
    return manifest.dump();
  }
};

class Builder {
 public:
  explicit Builder(const spec::Service& service) : service_(service) {}

  // Returns the new case's id.
  std::string Add(const std::string& operation, json input, const std::string& why) {
    char number[8];
    std::snprintf(number, sizeof number, "%02zu", cases_.size() + 1);
    SdkCase c;
    c.id = std::string("workflow.") + number + "." + operation;
    c.operation = operation;
    c.input = std::move(input);
    c.category = "workflow";
    c.vector = "workflow";
    c.documentation = why;
    c.source = kApiReference + operation + ".html";
    c.expect = Expectation::kOutput;  // whatever the reference answers (responses empty)
    if (service_.FindOperation(operation)) cases_.push_back(std::move(c));
    return cases_.empty() ? "" : cases_.back().id;
  }

  // The three steps of one blob upload (a single part, which is also the last, so any size goes).
  void Upload(const std::string& what, const std::string& bytes) {
    std::string initiate = Add("InitiateLayerUpload", {{"repositoryName", kRepository}}, "starts the upload of the " + what);
    std::string upload_id = PlannedUploadId(initiate);
    Add("UploadLayerPart",
        {{"repositoryName", kRepository},
         {"uploadId", upload_id},
         {"partFirstByte", 0},
         {"partLastByte", bytes.size() - 1},
         {"layerPartBlob", Base64Encode(bytes)}},
        "sends the " + what + " as one base64 part");
    Add("CompleteLayerUpload", {{"repositoryName", kRepository}, {"uploadId", upload_id}, {"layerDigests", {Digest(bytes)}}},
        "completes the " + what + " with its digest");
  }

  std::vector<SdkCase> Take() { return std::move(cases_); }

 private:
  const spec::Service& service_;
  std::vector<SdkCase> cases_;
};

}  // namespace

std::vector<SdkCase> WorkflowCases(const spec::Service& service, const WorkflowIdentity& identity) {
  Image image;
  // ECR Public ARNs carry no region (arn:aws:ecr-public::<account>:repository/<name>).
  std::string arn = "arn:aws:ecr-public::" + identity.account_id + ":repository/" + kRepository;
  json tag = {{"Key", "team"}, {"Value", "sdk \xc3\xa9quipe"}};
  json image_id = {{"imageTag", "v1"}};
  std::string policy =
      json{{"Version", "2012-10-17"},
           {"Statement", json::array({{{"Sid", "PublicPull"}, {"Effect", "Allow"}, {"Principal", "*"},
                                       {"Action", json::array({"ecr-public:BatchGetImage"})}}})}}
          .dump();
  Builder b(service);
  b.Add("CreateRepository",
        {{"repositoryName", kRepository},
         {"catalogData", {{"description", "ecr-conform SDK workflow \xe2\x9c\x93"}, {"architectures", {"x86-64"}}}},
         {"tags", {tag}}},
        "creates the repository with catalog data and a tag");
  b.Add("DescribeRepositories", {{"repositoryNames", {kRepository}}}, "finds the repository just created");
  b.Upload("image config", image.config);
  b.Upload("image layer", image.layer);
  b.Add("BatchCheckLayerAvailability", {{"repositoryName", kRepository}, {"layerDigests", {Digest(image.layer), "sha256:" + std::string(64, '0')}}},
        "finds the uploaded layer available and an unknown one missing");
  b.Add("PutImage",
        {{"repositoryName", kRepository}, {"imageManifest", image.Manifest()}, {"imageManifestMediaType", spec::kDockerSchema2MediaType},
         {"imageTag", "v1"}},
        "puts the image whose blobs were uploaded");
  b.Add("DescribeImages", {{"repositoryName", kRepository}}, "describes the image just put (timestamps, sizes, tags)");
  b.Add("DescribeImageTags", {{"repositoryName", kRepository}}, "lists the image's tag");
  b.Add("TagResource", {{"resourceArn", arn}, {"tags", {{{"Key", "stage"}, {"Value", "test"}}}}}, "adds a tag by ARN");
  b.Add("ListTagsForResource", {{"resourceArn", arn}}, "lists both tags");
  b.Add("UntagResource", {{"resourceArn", arn}, {"tagKeys", {"stage"}}}, "removes one tag");
  b.Add("SetRepositoryPolicy", {{"repositoryName", kRepository}, {"policyText", policy}}, "sets a repository policy");
  b.Add("GetRepositoryPolicy", {{"repositoryName", kRepository}}, "reads the policy back");
  b.Add("DeleteRepositoryPolicy", {{"repositoryName", kRepository}}, "deletes the policy");
  b.Add("PutRepositoryCatalogData",
        {{"repositoryName", kRepository},
         {"catalogData", {{"aboutText", "# About \xe2\x9c\x93"}, {"usageText", "docker pull"}, {"operatingSystems", {"Linux"}}}}},
        "replaces the repository's catalog data");
  b.Add("GetRepositoryCatalogData", {{"repositoryName", kRepository}}, "reads the catalog data back");
  b.Add("PutRegistryCatalogData", {{"displayName", "ecr-conform sdk"}}, "names the registry");
  b.Add("GetRegistryCatalogData", json::object(), "reads the registry's display name back");
  b.Add("DescribeRegistries", json::object(), "describes the registry and its aliases");
  b.Add("GetAuthorizationToken", json::object(), "gets a token (a secret: compared, then redacted in the report)");
  b.Add("BatchDeleteImage", {{"repositoryName", kRepository}, {"imageIds", {image_id}}}, "deletes the image by tag");
  b.Add("DeleteRepository", {{"repositoryName", kRepository}, {"force", true}}, "deletes the repository");
  return b.Take();
}

}  // namespace ecrc::sdk
