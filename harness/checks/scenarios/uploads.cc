// Layer-upload rules (fact sheet §5.1, §4.3, §4.23): parts must be contiguous, an upload needs
// bytes and a matching digest, a repository stores a layer once, upload ids belong to one repository.
#include "harness/checks/scenarios/steps.h"
#include "harness/codec/value.h"
#include "specs/media_types.h"

namespace ecrc::check {
namespace {

using namespace steps;  // NOLINT: the family files are built from these steps
using results::Severity;

// The operations of one layer upload.
const std::vector<std::string> kUpload = {"InitiateLayerUpload", "UploadLayerPart", "CompleteLayerUpload"};

std::string Initiate(ScenarioContext& ctx, const std::string& repo) {
  const Call& init = ctx.Send("InitiateLayerUpload", {{"repositoryName", repo}});
  ctx.Require(init, Expectation::Success(), "InitiateLayerUpload starts an upload");
  std::string id = Str(At(init.decoded.output, "uploadId"));
  ctx.RequireTrue(!id.empty(), "InitiateLayerUpload returns an uploadId", "uploadId", "absent");
  return id;
}

json Part(const std::string& repo, const std::string& upload_id, int64_t first, const std::string& bytes) {
  return {{"repositoryName", repo},
          {"uploadId", upload_id},
          {"partFirstByte", first},
          {"partLastByte", first + static_cast<int64_t>(bytes.size()) - 1},
          {"layerPartBlob", codec::BlobValue(bytes)}};
}

json Complete(const std::string& repo, const std::string& upload_id, const std::string& digest) {
  return {{"repositoryName", repo}, {"uploadId", upload_id}, {"layerDigests", {digest}}};
}

// Bytes 0..9 uploaded, then a part starting at 20: a gap of ten bytes. Returns that call's
// decoded error body (null when it did not fail).
json SendGap(ScenarioContext& ctx, Expectation expected) {
  std::string repo = ctx.CreateRepository();
  std::string id = Initiate(ctx, repo);
  ctx.Require(ctx.Send("UploadLayerPart", Part(repo, id, 0, "0123456789")), Expectation::Success(),
              "UploadLayerPart accepts the first part (bytes 0..9)");
  const Call& gap = ctx.Send("UploadLayerPart", Part(repo, id, 20, "abcdefghij"));
  ctx.Require(gap, expected, "UploadLayerPart rejects a part that does not start at lastByteReceived + 1 (20 after 9)");
  return gap.decoded.error.body;
}

void UploadNonContiguousPart(ScenarioContext& ctx) {
  // §5.1 (D: MN InvalidLayerPartException doc).
  SendGap(ctx, Expectation::ErrorCode({"InvalidLayerPartException"}));
}
const Scenario kUploadNonContiguousPart = {"upload_non_contiguous_part", "uploads",
    "a part that does not start at lastByteReceived + 1 is InvalidLayerPartException", Severity::kError,
    {"InitiateLayerUpload", "UploadLayerPart"}, FactSheet("§5.1 (D: MN InvalidLayerPartException doc)"), UploadNonContiguousPart};

void UploadNonContiguousPartResumeOffset(ScenarioContext& ctx) {
  // The exception's members are modelled (M) and documented as the resume point, but no AWS
  // response was ever seen carrying them (§5.1 D/E): a warning, not an error.
  json body = SendGap(ctx, Expectation::ErrorCode({"InvalidLayerPartException"}));
  ctx.Check(Int(At(body, "lastValidByteReceived")) == 9, "InvalidLayerPartException carries lastValidByteReceived = 9 to resume from",
            "lastValidByteReceived: 9", Dump(At(body, "lastValidByteReceived")));
}
const Scenario kUploadNonContiguousPartResumeOffset = {"upload_non_contiguous_part_resume_offset", "uploads",
    "InvalidLayerPartException carries lastValidByteReceived, the last byte accepted", Severity::kWarning,
    {"InitiateLayerUpload", "UploadLayerPart"},
    FactSheet("§5.1 (D/E: MN InvalidLayerPartException members; the value is not seen in AWS output)"),
    UploadNonContiguousPartResumeOffset};

void UploadEmpty(ScenarioContext& ctx) {
  // §4.3 (D). The digest is that of zero bytes, so it matches: only the emptiness is wrong.
  std::string repo = ctx.CreateRepository();
  std::string id = Initiate(ctx, repo);
  ctx.Expect(ctx.Send("CompleteLayerUpload", Complete(repo, id, Digest(""))), Expectation::ErrorCode({"EmptyUploadException"}),
             "CompleteLayerUpload of an upload without parts fails");
}
const Scenario kUploadEmpty = {"upload_empty", "uploads", "completing an upload with no parts is EmptyUploadException", Severity::kError,
    {"InitiateLayerUpload", "CompleteLayerUpload"}, FactSheet("§4.3 (D: MN EmptyUploadException)"), UploadEmpty};

void UploadDigestMismatch(ScenarioContext& ctx) {
  // §4.3 (D): the service computes the sha256 and compares.
  std::string repo = ctx.CreateRepository();
  std::string id = Initiate(ctx, repo);
  ctx.Require(ctx.Send("UploadLayerPart", Part(repo, id, 0, "uploaded bytes")), Expectation::Success(), "UploadLayerPart accepts a part");
  ctx.Expect(ctx.Send("CompleteLayerUpload", Complete(repo, id, Digest("other bytes"))), Expectation::ErrorCode({"InvalidLayerException"}),
             "CompleteLayerUpload with a digest that is not the uploaded bytes' sha256 fails");
  // Nothing may have been stored under either digest.
  const Call& check = ctx.Send("BatchCheckLayerAvailability", {{"repositoryName", repo}, {"layerDigests", {Digest("other bytes")}}});
  ctx.Expect(check, Expectation::Success(), "BatchCheckLayerAvailability answers after the failed upload");
  for (const auto& l : At(check.decoded.output, "layers")) {
    ctx.Check(Str(At(l, "layerAvailability")) != "AVAILABLE", "a rejected upload stores nothing under the claimed digest",
              "not AVAILABLE", Dump(l));
  }
}
const Scenario kUploadDigestMismatch = {"upload_digest_mismatch", "uploads",
    "completing with a digest that is not the bytes' sha256 is InvalidLayerException", Severity::kError,
    {"InitiateLayerUpload", "UploadLayerPart", "CompleteLayerUpload", "BatchCheckLayerAvailability"},
    FactSheet("§4.3, §5.1 (D: MN InvalidLayerException)"), UploadDigestMismatch};

void UploadLayerAlreadyExists(ScenarioContext& ctx) {
  // §4.3 (D; CTRD: the digest is verified first, then LayerAlreadyExists).
  std::string repo = ctx.CreateRepository();
  std::string bytes = LayerBytes("already-exists");
  PushBlob(ctx, repo, bytes, spec::kDockerLayerMediaType);
  std::string id = Initiate(ctx, repo);
  ctx.Require(ctx.Send("UploadLayerPart", Part(repo, id, 0, bytes)), Expectation::Success(), "UploadLayerPart accepts the same bytes again");
  ctx.Expect(ctx.Send("CompleteLayerUpload", Complete(repo, id, Digest(bytes))), Expectation::ErrorCode({"LayerAlreadyExistsException"}),
             "CompleteLayerUpload of a layer the repository already holds fails");
}
const Scenario kUploadLayerAlreadyExists = {"upload_layer_already_exists", "uploads",
    "uploading bytes the repository already holds is LayerAlreadyExistsException", Severity::kError, kUpload,
    FactSheet("§4.3 (D: MN LayerAlreadyExistsException; CTRD pusher.go)"), UploadLayerAlreadyExists};

void UploadIdOtherRepository(ScenarioContext& ctx) {
  // §5.1 (D: MN UploadNotFoundException "isn't valid for this repository").
  std::string a = ctx.CreateRepository();
  std::string b = ctx.CreateRepository();
  std::string id = Initiate(ctx, a);
  std::string bytes = "part for repository a";
  ctx.Expect(ctx.Send("UploadLayerPart", Part(b, id, 0, bytes)), Expectation::ErrorCode({"UploadNotFoundException"}),
             "UploadLayerPart with an upload id initiated in another repository fails");
  ctx.Require(ctx.Send("UploadLayerPart", Part(a, id, 0, bytes)), Expectation::Success(),
              "UploadLayerPart accepts the part in the upload's own repository");
  ctx.Expect(ctx.Send("CompleteLayerUpload", Complete(b, id, Digest(bytes))), Expectation::ErrorCode({"UploadNotFoundException"}),
             "CompleteLayerUpload with an upload id initiated in another repository fails");
}
const Scenario kUploadIdOtherRepository = {"upload_id_other_repository", "uploads",
    "an upload id used in another repository is UploadNotFoundException", Severity::kError, kUpload,
    FactSheet("§5.1, §4.3 (D: MN UploadNotFoundException)"), UploadIdOtherRepository};

void UploadUnknownId(ScenarioContext& ctx) {
  // §4.3 (D): an id the server never issued.
  std::string repo = ctx.CreateRepository();
  std::string id = AbsentUploadId(repo);
  ctx.Expect(ctx.Send("UploadLayerPart", Part(repo, id, 0, "x")), Expectation::ErrorCode({"UploadNotFoundException"}),
             "UploadLayerPart with an unknown upload id fails");
  ctx.Expect(ctx.Send("CompleteLayerUpload", Complete(repo, id, Digest("x"))), Expectation::ErrorCode({"UploadNotFoundException"}),
             "CompleteLayerUpload with an unknown upload id fails");
}
const Scenario kUploadUnknownId = {"upload_unknown_id", "uploads", "an upload id the server never issued is UploadNotFoundException",
    Severity::kError, {"UploadLayerPart", "CompleteLayerUpload"}, FactSheet("§4.3 (D: MN UploadNotFoundException)"), UploadUnknownId};

void UploadPartTooSmall(ScenarioContext& ctx) {
  // §5.1, §4.3: parts other than the last must be >= 5 MiB (D). Where it is refused is M
  // (CompleteLayerUpload, LayerPartTooSmallException), but InvalidLayerPartException also
  // "covers an invalid part size", so a refusal of the second part is accepted too.
  std::string repo = ctx.CreateRepository();
  std::string id = Initiate(ctx, repo);
  ctx.Require(ctx.Send("UploadLayerPart", Part(repo, id, 0, "0123456789")), Expectation::Success(), "UploadLayerPart accepts a first part");
  const Call& second = ctx.Send("UploadLayerPart", Part(repo, id, 10, "abcdefghij"));
  if (second.is_error() && second.error_code() == "InvalidLayerPartException") return;  // refused early: also conformant
  ctx.Require(second, Expectation::Success(), "UploadLayerPart accepts or refuses (InvalidLayerPartException) a second part");
  ctx.Expect(ctx.Send("CompleteLayerUpload", Complete(repo, id, Digest("0123456789abcdefghij"))),
             Expectation::ErrorCode({"LayerPartTooSmallException"}),
             "CompleteLayerUpload refuses a layer whose first (not last) part is under 5 MiB");
}
const Scenario kUploadPartTooSmall = {"upload_part_too_small", "uploads",
    "a part under 5 MiB that is not the last is refused (LayerPartTooSmallException at completion)", Severity::kError, kUpload,
    FactSheet("§5.1, §4.3 (D: Q 5 MiB minimum; M: raised by CompleteLayerUpload; E: last part exempt)"), UploadPartTooSmall};

void UploadConsumedByComplete(ScenarioContext& ctx) {
  // §2.6 (U): a completed upload id is either gone (UploadNotFound) or the layer now exists
  // (LayerAlreadyExists). Both are accepted; a second success is not.
  std::string repo = ctx.CreateRepository();
  std::string id = Initiate(ctx, repo);
  std::string bytes = LayerBytes("consumed");
  ctx.Require(ctx.Send("UploadLayerPart", Part(repo, id, 0, bytes)), Expectation::Success(), "UploadLayerPart accepts a part");
  ctx.Require(ctx.Send("CompleteLayerUpload", Complete(repo, id, Digest(bytes))), Expectation::Success(),
              "CompleteLayerUpload completes the upload");
  ctx.Expect(ctx.Send("CompleteLayerUpload", Complete(repo, id, Digest(bytes))),
             Expectation::ErrorCode({"UploadNotFoundException", "LayerAlreadyExistsException"}),
             "completing the same upload again fails");
}
// Error severity: both documented answers pass; only an answer outside the set (a second
// success, another error) fails.
const Scenario kUploadConsumedByComplete = {"upload_consumed_by_complete", "uploads", "a completed upload cannot be completed again",
    Severity::kError, kUpload, FactSheet("§2.6 (U: UploadNotFound or LayerAlreadyExists)"), UploadConsumedByComplete};

}  // namespace

void AddUploadsScenarios(std::vector<Scenario>* out) {
  out->insert(out->end(), {kUploadNonContiguousPart, kUploadNonContiguousPartResumeOffset, kUploadEmpty, kUploadDigestMismatch,
                           kUploadLayerAlreadyExists, kUploadIdOtherRepository, kUploadUnknownId, kUploadPartTooSmall,
                           kUploadConsumedByComplete});
}

}  // namespace ecrc::check
