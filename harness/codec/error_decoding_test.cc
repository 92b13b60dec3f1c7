// Error decoding against the vectors of Smithy's awsJson1_1 error protocol tests
// (smithy-aws-protocol-tests/model/awsJson1_1/errors.smithy), plus the header-only and
// nothing-at-all forms.
#include <gtest/gtest.h>

#include "harness/codec/codec.h"

namespace ecrc::codec {
namespace {

struct Vector {
  const char* id;
  const char* header;  // X-Amzn-Errortype, or nullptr
  const char* body;
  const char* code;
  ErrorClass error_class;
};

class ErrorDecoding : public ::testing::TestWithParam<Vector> {};

TEST_P(ErrorDecoding, SanitisesAndClassifies) {
  const Vector& v = GetParam();
  HttpResponse r{400, {}, v.body};
  if (v.header) r.headers.Add("X-Amzn-Errortype", v.header);
  auto service = spec::Service::Embedded();
  DecodedError e = DecodeError(*service, service->FindOperation("CreateRepository"), r);
  EXPECT_EQ(e.code, v.code);
  EXPECT_EQ(e.error_class, v.error_class) << ErrorClassName(e.error_class);
}

constexpr char kUri[] = ":http://internal.amazon.com/coral/com.amazon.coral.validate/";

INSTANTIATE_TEST_SUITE_P(
    Smithy, ErrorDecoding,
    ::testing::Values(
        Vector{"AwsJson11FooErrorUsingXAmznErrorType", "RepositoryAlreadyExistsException", "{}", "RepositoryAlreadyExistsException", ErrorClass::kDeclared},
        Vector{"AwsJson11FooErrorUsingXAmznErrorTypeWithUri", "RepositoryAlreadyExistsException:http://internal.amazon.com/coral/com.amazon.coral.validate/", "{}", "RepositoryAlreadyExistsException", ErrorClass::kDeclared},
        Vector{"AwsJson11FooErrorUsingXAmznErrorTypeWithUriAndNamespace", "aws.protocoltests.restjson#RepositoryAlreadyExistsException:http://internal.amazon.com/coral/com.amazon.coral.validate/", "{}", "RepositoryAlreadyExistsException", ErrorClass::kDeclared},
        Vector{"AwsJson11FooErrorUsingCode", nullptr, R"({"code":"RepositoryAlreadyExistsException"})", "RepositoryAlreadyExistsException", ErrorClass::kDeclared},
        Vector{"AwsJson11FooErrorUsingCodeAndNamespace", nullptr, R"({"code":"aws.protocoltests.restjson#RepositoryAlreadyExistsException"})", "RepositoryAlreadyExistsException", ErrorClass::kDeclared},
        Vector{"AwsJson11FooErrorUsingCodeUriAndNamespace", nullptr, R"({"code":"aws.protocoltests.restjson#RepositoryAlreadyExistsException:http://internal.amazon.com/coral/com.amazon.coral.validate/"})", "RepositoryAlreadyExistsException", ErrorClass::kDeclared},
        Vector{"AwsJson11FooErrorWithDunderType", nullptr, R"({"__type":"RepositoryAlreadyExistsException"})", "RepositoryAlreadyExistsException", ErrorClass::kDeclared},
        Vector{"AwsJson11FooErrorWithDunderTypeAndNamespace", nullptr, R"({"__type":"aws.protocoltests.restjson#RepositoryAlreadyExistsException"})", "RepositoryAlreadyExistsException", ErrorClass::kDeclared},
        Vector{"AwsJson11FooErrorWithDunderTypeUriAndNamespace", nullptr, R"({"__type":"aws.protocoltests.restjson#RepositoryAlreadyExistsException:http://internal.amazon.com/coral/com.amazon.coral.validate/"})", "RepositoryAlreadyExistsException", ErrorClass::kDeclared},
        Vector{"HeaderWinsOverBody", "LimitExceededException", R"({"__type":"ServerException"})", "LimitExceededException", ErrorClass::kDeclared},
        Vector{"ProtocolLevelError", nullptr, R"({"__type":"ThrottlingException"})", "ThrottlingException", ErrorClass::kProtocol},
        Vector{"DeclaredElsewhereOnly", nullptr, R"({"__type":"RepositoryNotEmptyException"})", "RepositoryNotEmptyException", ErrorClass::kUndeclared},
        Vector{"NeitherHeaderNorType", nullptr, R"({"message":"boom"})", "", ErrorClass::kUndeclared},
        Vector{"NotJsonAtAll", nullptr, "<html>500</html>", "", ErrorClass::kUndeclared}),
    [](const auto& info) { return std::string(info.param.id); });

TEST(ErrorDecoding, ReadsMessageInEitherCase) {
  auto service = spec::Service::Embedded();
  DecodedError lower = DecodeError(*service, nullptr, HttpResponse{400, {}, R"({"__type":"X","message":"m1"})"});
  DecodedError upper = DecodeError(*service, nullptr, HttpResponse{400, {}, R"({"__type":"X","Message":"m2"})"});
  DecodedError none = DecodeError(*service, nullptr, HttpResponse{400, {}, R"({"__type":"X"})"});
  EXPECT_EQ(lower.message, "m1");
  EXPECT_EQ(upper.message, "m2");
  EXPECT_FALSE(none.message.has_value());
  EXPECT_EQ(lower.source, "body:__type");
}

}  // namespace
}  // namespace ecrc::codec
