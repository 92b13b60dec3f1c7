// SDK cases for decoding modelled errors: every declared error of every operation, in each of the
// forms Smithy's awsJson1_1 lets a service send the error's type and message.
#pragma once

#include <string>
#include <vector>

#include "base/status.h"
#include "sdk/sdk_case.h"
#include "specs/spec.h"

namespace ecrc::sdk {

// The forms, in case order: `bare`, `namespaced_type`, `url_suffix`, `header_only`,
// `capital_message`.
const std::vector<std::string>& ErrorForms();

// The Smithy namespace of the service's shapes (`com.amazonaws.ecrpublic`). The JSON model does not
// carry it; AWS names it `com.amazonaws.` followed by the service id in lower case without spaces.
std::string SmithyNamespace(const spec::Service& service);

// Per operation, per declared error, per form: `<Op>.<Error>.<form>`, category `error`, expect
// kError with the error's shape name and the message sent, answered once with the error's status
// (500 for a fault, 400 otherwise: the JSON model states no status), the input the minimal one.
// Fails when the sampler has no input for some operation.
Result<std::vector<SdkCase>> ErrorCases(const spec::Service& service);

}  // namespace ecrc::sdk
