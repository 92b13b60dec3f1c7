#include "harness/codec/protocol_errors.h"

namespace ecrc::codec {
namespace {

constexpr char kCommonErrors[] = "https://docs.aws.amazon.com/AmazonECRPublic/latest/APIReference/CommonErrors.html";
constexpr char kObserved[] = "E: sent by AWS JSON (Coral) services for unparseable requests";

constexpr ProtocolErrorInfo kProtocolErrors[] = {
    {"AccessDeniedException", 400, kCommonErrors},   {"IncompleteSignature", 400, kCommonErrors},
    {"InternalFailure", 500, kCommonErrors},         {"InvalidAction", 400, kCommonErrors},
    {"InvalidClientTokenId", 403, kCommonErrors},    {"InvalidParameterCombination", 400, kCommonErrors},
    {"InvalidParameterValue", 400, kCommonErrors},   {"InvalidQueryParameter", 400, kCommonErrors},
    {"MalformedQueryString", 404, kCommonErrors},    {"MissingAction", 400, kCommonErrors},
    {"MissingAuthenticationToken", 403, kCommonErrors}, {"MissingParameter", 400, kCommonErrors},
    {"NotAuthorized", 400, kCommonErrors},           {"OptInRequired", 403, kCommonErrors},
    {"RequestExpired", 400, kCommonErrors},          {"ServiceUnavailable", 503, kCommonErrors},
    {"ThrottlingException", 400, kCommonErrors},     {"ValidationError", 400, kCommonErrors},
    {"UnknownOperationException", 400, kObserved},   {"SerializationException", 400, kObserved},
    {"UnrecognizedClientException", 400, kObserved}, {"InvalidSignatureException", 400, kObserved},
    {"MissingAuthenticationTokenException", 400, kObserved},
};

}  // namespace

const ProtocolErrorInfo* FindProtocolError(std::string_view code) {
  for (const auto& info : kProtocolErrors) {
    if (code == info.code) return &info;
  }
  return nullptr;
}

}  // namespace ecrc::codec
