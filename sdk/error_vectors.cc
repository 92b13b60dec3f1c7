#include "sdk/error_vectors.h"

#include <utility>

#include "base/ascii.h"
#include "sdk/canned_response.h"
#include "sdk/case_inputs.h"

namespace ecrc::sdk {
namespace {

using nlohmann::json;

constexpr char kErrorSerialization[] =
    "https://smithy.io/2.0/aws/protocols/aws-json-1_1-protocol.html#operation-error-serialization";

// Non-ASCII and markup-like text: a message must reach the caller unchanged.
std::string MessageFor(const std::string& case_id) { return "dépôt introuvable ✓ <" + case_id + ">"; }

// What the service answers for `error` in `form`.
HttpResponse ErrorResponse(const spec::Service& service, const spec::Shape& error, const std::string& form,
                           const std::string& message) {
  // Smithy's error trait: "server" errors default to 500, "client" ones to 400.
  int status = error.fault ? 500 : 400;
  std::string coral_suffix = ":http://internal.amazon.com/coral/" + SmithyNamespace(service) + "/";
  if (form == "namespaced_type") return JsonResponse(status, {{"__type", SmithyNamespace(service) + "#" + error.name}, {"message", message}});
  if (form == "url_suffix") return JsonResponse(status, {{"__type", error.name + coral_suffix}, {"message", message}});
  if (form == "header_only") {
    HttpResponse response = JsonResponse(status, {{"message", message}});
    response.headers.Add("X-Amzn-Errortype", error.name + coral_suffix);
    return response;
  }
  if (form == "capital_message") return JsonResponse(status, {{"__type", error.name}, {"Message", message}});
  return JsonResponse(status, {{"__type", error.name}, {"message", message}});  // bare
}

std::string FormDocumentation(const std::string& form) {
  if (form == "namespaced_type") return "__type carries the Smithy namespace (ns#Name): the code is the part after '#'";
  if (form == "url_suffix") return "__type carries a Coral URL suffix (Name:http://...): the code is the part before ':'";
  if (form == "header_only") return "The type only in X-Amzn-Errortype, the body without __type: the header names the error";
  if (form == "capital_message") return "The message under 'Message': clients read either spelling";
  return "The plain form: __type is the error's shape name, the message under 'message'";
}

}  // namespace

const std::vector<std::string>& ErrorForms() {
  static const std::vector<std::string> forms = {"bare", "namespaced_type", "url_suffix", "header_only", "capital_message"};
  return forms;
}

std::string SmithyNamespace(const spec::Service& service) {
  std::string id;
  for (char c : service.metadata().service_id) {
    if (c != ' ') id += AsciiLower(c);
  }
  return "com.amazonaws." + id;
}

Result<std::vector<SdkCase>> ErrorCases(const spec::Service& service) {
  std::vector<SdkCase> out;
  for (const auto& [name, op] : service.operations()) {
    auto input = MinimalInput(op);
    if (!input.ok()) return Status::Error(op.name + ": " + input.status().message());
    for (const spec::Shape* error : op.errors) {
      for (const std::string& form : ErrorForms()) {
        SdkCase c;
        c.id = op.name + "." + error->name + "." + form;
        c.operation = op.name;
        c.input = *input;
        c.category = "error";
        c.vector = form;
        c.documentation = FormDocumentation(form);
        c.source = kErrorSerialization;
        c.expect = Expectation::kError;
        c.expected_error_code = error->name;
        c.expected_error_message = MessageFor(c.id);
        c.responses.push_back(ErrorResponse(service, *error, form, c.expected_error_message));
        AddRequestIds(c);
        out.push_back(std::move(c));
      }
    }
  }
  return out;
}

}  // namespace ecrc::sdk
