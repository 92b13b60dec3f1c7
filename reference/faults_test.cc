// The fault switches: a well-formed table, and proof that each fault changes what a client sees.
//
// Every fault is run against one fixed request sequence (the "transcript" below) that touches
// every rule a fault can break. The transcript records status, error type, headers and a
// normalised body of every exchange; a fault whose transcript equals the conformant server's
// would be a no-op, and fails the test.
#include "reference/faults.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "base/base64.h"
#include "reference/test_util.h"

namespace ecrc::server::testing {
namespace {

TEST(Faults, TableIsWellFormed) {
  const auto& all = AllFaults();
  ASSERT_EQ(all.size(), static_cast<size_t>(Fault::kCount));
  EXPECT_GE(all.size(), 22u);
  std::set<std::string> names;
  for (size_t i = 0; i < all.size(); ++i) {
    EXPECT_EQ(static_cast<size_t>(all[i].fault), i) << all[i].name;
    EXPECT_TRUE(names.insert(all[i].name).second) << all[i].name;
    EXPECT_GT(std::string(all[i].description).size(), 20u) << all[i].name;
    EXPECT_EQ(FaultByName(all[i].name), all[i].fault);
  }
}

TEST(Faults, ParseNamesUnknownFaults) {
  std::string error;
  auto faults = Faults::Parse({"pagination_repeats", "no_tag_limit"}, &error);
  ASSERT_TRUE(faults);
  EXPECT_TRUE(faults->Has(Fault::kPaginationRepeats));
  EXPECT_TRUE(faults->Has(Fault::kNoTagLimit));
  EXPECT_FALSE(faults->Has(Fault::kNoInputValidation));
  EXPECT_EQ(faults->Names(), (std::vector<std::string>{"pagination_repeats", "no_tag_limit"}));
  EXPECT_FALSE(Faults::Parse({"no_such_fault"}, &error));
  EXPECT_THAT(error, ::testing::HasSubstr("'no_such_fault'"));
  EXPECT_THAT(error, ::testing::HasSubstr("wrong_content_type"));
  EXPECT_TRUE(Faults().empty());
}

// Replaces values that differ from run to run (ids, times, URLs, passwords) by what a check may
// rely on about them: their kind.
void Normalise(json& v, const std::string& key) {
  if (v.is_object()) {
    for (auto& [k, child] : v.items()) Normalise(child, k);
    return;
  }
  if (v.is_array()) {
    for (auto& child : v) Normalise(child, key);
    return;
  }
  if (key == "createdAt" || key == "imagePushedAt" || key == "expiresAt") {
    // Epoch seconds of this century are below 1e10; milliseconds are not.
    v = !v.is_number() ? "<timestamp:" + std::string(v.type_name()) + ">"
        : v.get<double>() < 1e10 ? std::string("<timestamp:seconds>") : std::string("<timestamp:milliseconds>");
  } else if (key == "uploadId" || key == "logoUrl") {
    v = "<" + key + ">";
  } else if (key == "authorizationToken" && v.is_string()) {
    auto decoded = Base64Decode(v.get<std::string>());
    v = "<token colons=" + std::to_string(decoded ? std::count(decoded->begin(), decoded->end(), ':') : -1) + ">";
  }
}

class Transcript {
 public:
  explicit Transcript(TestServer& t) : t_(t) {}

  Reply Call(const std::string& op, const json& input = json::object()) { return Record(op, t_.Call(op, input)); }
  Reply CallRaw(const std::string& op, const std::string& body) { return Record(op + " (raw)", t_.CallRaw(op, body)); }
  void Note(const std::string& line) { lines_.push_back(line); }
  const std::vector<std::string>& lines() const { return lines_; }

 private:
  Reply Record(const std::string& op, Reply r) {
    json body = r.body;
    Normalise(body, "");
    const std::string* type = r.raw.headers.Find("Content-Type");
    const std::string* error_type = r.raw.headers.Find("x-amzn-ErrorType");
    static const std::regex kUuid("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    std::string line = op + " -> " + std::to_string(r.status) + " " + r.code + " ct=" + (type ? *type : "-") +
                       " rid=" + (r.raw.headers.Find("x-amzn-RequestId") ? "yes" : "no") +
                       " et=" + (error_type ? *error_type : "-") + " " +
                       body.dump(-1, ' ', false, json::error_handler_t::replace);
    lines_.push_back(std::regex_replace(line, kUuid, "<uuid>"));
    return r;
  }

  TestServer& t_;
  std::vector<std::string> lines_;
};

// Uploads `bytes` as one part of a new upload in `repo`; returns the upload id.
std::string UploadOnePart(Transcript& x, const std::string& repo, const std::string& bytes) {
  Reply init = x.Call("InitiateLayerUpload", {{"repositoryName", repo}});
  std::string id = init.body.value("uploadId", "");
  x.Call("UploadLayerPart", {{"repositoryName", repo}, {"uploadId", id}, {"partFirstByte", 0},
                             {"partLastByte", bytes.size() - 1}, {"layerPartBlob", codec::BlobValue(bytes)}});
  return id;
}

void Paginate(Transcript& x, const std::string& op, json input) {
  for (int page = 0; page < 8; ++page) {
    Reply r = x.Call(op, input);
    if (!r.ok() || !r.body.contains("nextToken")) return;
    input["nextToken"] = r.body["nextToken"];
  }
  x.Note(op + ": still paging after 8 pages");
}

// The request sequence every fault is judged by. Each block names the rules it exercises.
std::vector<std::string> RunTranscript(const Faults& faults, const std::string& region = "us-east-1") {
  Options options = TestOptions();
  options.faults = faults;
  options.region = region;
  TestServer t(options);
  Transcript x(t);
  if (region != "us-east-1") {
    x.Call("GetAuthorizationToken");
    return x.lines();
  }
  // Framing, validation, protocol errors, registry output, auth token.
  x.CallRaw("CreateRepository", "{not json");
  x.Call("CreateRepository", {{"repositoryName", "Bad--Name"}});
  x.Call("DescribeRegistries");
  x.Call("GetAuthorizationToken");
  x.Call("DescribeRepositories", {{"repositoryNames", {"missing"}}});
  x.CallRaw("DescribeRepositories", R"({"maxResults":"2"})");
  x.CallRaw("NoSuchOperation", "{}");

  // Repositories, tags and pagination.
  x.Call("CreateRepository", {{"repositoryName", "app"}, {"tags", {{{"Key", "team"}, {"Value", "a"}}}}});
  for (const char* name : {"r1", "r2", "r3", "r4"}) x.Call("CreateRepository", {{"repositoryName", name}});
  Paginate(x, "DescribeRepositories", {{"maxResults", 2}});
  x.Call("DescribeRepositories", {{"repositoryNames", {"app"}}, {"maxResults", 2}});
  std::string arn = t.RepositoryArn("app");
  x.Call("ListTagsForResource", {{"resourceArn", arn}});
  json many = json::array();
  for (int i = 0; i < 50; ++i) many.push_back({{"Key", "k" + std::to_string(i)}, {"Value", "v"}});
  x.Call("TagResource", {{"resourceArn", arn}, {"tags", many}});
  x.Call("ListTagsForResource", {{"resourceArn", arn}});

  // Policies and catalog data.
  x.Call("SetRepositoryPolicy", {{"repositoryName", "app"}, {"policyText", "not a policy"}});
  x.Call("SetRepositoryPolicy", {{"repositoryName", "app"}, {"policyText", R"({"Version":"2012-10-17","Statement":[]})"}});
  x.Call("DeleteRepositoryPolicy", {{"repositoryName", "app"}});
  x.Call("PutRepositoryCatalogData",
         {{"repositoryName", "app"}, {"catalogData", {{"logoImageBlob", codec::BlobValue(PngOf(64, 64))}}}});

  // Layer uploads.
  std::string id = UploadOnePart(x, "app", "abcd");
  x.Call("CompleteLayerUpload", {{"repositoryName", "app"}, {"uploadId", id}, {"layerDigests", {Sha256Digest("wxyz")}}});
  id = UploadOnePart(x, "app", "abcd");
  x.Call("UploadLayerPart", {{"repositoryName", "app"}, {"uploadId", id}, {"partFirstByte", 10},
                             {"partLastByte", 13}, {"layerPartBlob", codec::BlobValue("efgh")}});
  id = x.Call("InitiateLayerUpload", {{"repositoryName", "app"}}).body.value("uploadId", "");
  x.Call("CompleteLayerUpload", {{"repositoryName", "app"}, {"uploadId", id}, {"layerDigests", {Sha256Digest("")}}});
  id = UploadOnePart(x, "r1", "ijkl");
  x.Call("CompleteLayerUpload", {{"repositoryName", "app"}, {"uploadId", id}, {"layerDigests", {Sha256Digest("ijkl")}}});
  for (int i = 0; i < 2; ++i) {
    id = UploadOnePart(x, "app", "same");
    x.Call("CompleteLayerUpload", {{"repositoryName", "app"}, {"uploadId", id}, {"layerDigests", {Sha256Digest("same")}}});
  }
  id = UploadOnePart(x, "app", "ab");
  x.Call("UploadLayerPart", {{"repositoryName", "app"}, {"uploadId", id}, {"partFirstByte", 2},
                             {"partLastByte", 6}, {"layerPartBlob", codec::BlobValue("cdefg")}});
  x.Call("CompleteLayerUpload", {{"repositoryName", "app"}, {"uploadId", id}, {"layerDigests", {Sha256Digest("abcdefg")}}});

  // Images.
  std::string unpushed = t.Schema2Manifest("app", "unpushed", false);
  x.Call("PutImage", {{"repositoryName", "app"}, {"imageManifest", unpushed}, {"imageTag", "ghost"}});
  std::string one = t.Schema2Manifest("app", "one", true);
  std::string two = t.Schema2Manifest("app", "two", true);
  x.Call("PutImage", {{"repositoryName", "app"}, {"imageManifest", one}, {"imageDigest", Sha256Digest("x")}});
  x.Call("PutImage", {{"repositoryName", "app"}, {"imageManifest", one}, {"imageTag", "latest"}});
  x.Call("PutImage", {{"repositoryName", "app"}, {"imageManifest", one}, {"imageTag", "latest"}});
  x.Call("PutImage", {{"repositoryName", "app"}, {"imageManifest", two}, {"imageTag", "latest"}});
  x.Call("DescribeImages", {{"repositoryName", "app"}});
  x.Call("DescribeImages", {{"repositoryName", "app"}, {"imageIds", {{{"imageTag", "no-such-tag"}}}}});
  x.Call("DescribeImageTags", {{"repositoryName", "app"}});
  x.Call("BatchDeleteImage", {{"repositoryName", "app"}, {"imageIds", {{{"imageTag", "nope"}}}}});
  x.Call("BatchCheckLayerAvailability", {{"repositoryName", "app"}, {"layerDigests", {Sha256Digest("absent")}}});

  // Edge values only some readings accept: a tag outside the general set, a key twice, an image
  // tag outside Docker's grammar, an untagged push.
  std::string r2 = t.RepositoryArn("r2");
  x.Call("TagResource", {{"resourceArn", r2},
                         {"tags", {{{"Key", "edge#key"}, {"Value", "a!b"}}, {{"Key", "dup"}, {"Value", "first"}}, {{"Key", "dup"}, {"Value", "last"}}}}});
  x.Call("ListTagsForResource", {{"resourceArn", r2}});
  x.Call("PutImage", {{"repositoryName", "r2"}, {"imageManifest", t.Schema2Manifest("r2", "three", true)}, {"imageTag", "v1+build"}});
  x.Call("PutImage", {{"repositoryName", "r2"}, {"imageManifest", t.Schema2Manifest("r2", "four", true)}});
  x.Call("DescribeImageTags", {{"repositoryName", "r2"}});
  x.Call("BatchCheckLayerAvailability", {{"repositoryName", "r2"}, {"layerDigests", {Sha256Digest("absent")}}});

  // Deletion: without force, then stale reads and surviving tags.
  x.Call("DeleteRepository", {{"repositoryName", "app"}});
  x.Call("DeleteRepository", {{"repositoryName", "app"}, {"force", true}});
  x.Call("DescribeRepositories");
  x.Call("CreateRepository", {{"repositoryName", "app"}});
  x.Call("ListTagsForResource", {{"resourceArn", arn}});
  return x.lines();
}

TEST(Faults, ConformantTranscriptIsDeterministic) {
  EXPECT_EQ(RunTranscript(Faults()), RunTranscript(Faults()));
}

TEST(Faults, EveryFaultIsObservable) {
  const std::vector<std::string> conformant = RunTranscript(Faults());
  const std::vector<std::string> conformant_west = RunTranscript(Faults(), "us-west-2");
  for (const auto& info : AllFaults()) {
    Faults faults;
    faults.Add(info.fault);
    std::vector<std::string> faulty = RunTranscript(faults);
    std::vector<std::string> faulty_west = RunTranscript(faults, "us-west-2");
    bool observable = faulty != conformant || faulty_west != conformant_west;
    EXPECT_TRUE(observable) << "fault " << info.name << " changes nothing a client can see";
    if (!observable) continue;
    // Show where the first difference is, to make the transcript itself reviewable.
    const auto& a = faulty != conformant ? conformant : conformant_west;
    const auto& b = faulty != conformant ? faulty : faulty_west;
    for (size_t i = 0; i < std::max(a.size(), b.size()); ++i) {
      std::string want = i < a.size() ? a[i] : "(nothing)";
      std::string got = i < b.size() ? b[i] : "(nothing)";
      if (want != got) {
        std::cout << "[" << info.name << "] first difference at exchange " << i << ":\n  conformant: "
                  << want.substr(0, 300) << "\n  faulty:     " << got.substr(0, 300) << "\n";
        break;
      }
    }
  }
}

}  // namespace
}  // namespace ecrc::server::testing
