#include "sdk/paginator_vectors.h"

#include <utility>

#include "sdk/canned_response.h"
#include "sdk/case_inputs.h"
#include "sdk/output_values.h"

namespace ecrc::sdk {
namespace {

using nlohmann::json;

constexpr int kPages = 3;

Result<SdkCase> PaginatorCase(const spec::Service& service, const spec::Paginator& paginator) {
  const spec::Operation* op = service.FindOperation(paginator.operation);
  if (!op) return Status::Error("paginator " + paginator.operation + ": no such operation");
  auto input = MinimalInput(*op);
  if (!input.ok()) return Status::Error(op->name + ": " + input.status().message());
  input->erase(paginator.input_token);  // the paginator sends it, never the caller

  SdkCase c;
  c.id = "paginator." + op->name;
  c.operation = op->name;
  c.paginator = true;
  c.input = std::move(input).value();
  c.category = "paginator";
  c.vector = "pages";
  c.documentation = "Three pages, tokens holding '/', '+', '=' and non-ASCII text: the SDK must send each token back "
                    "verbatim and stop after the page without one";
  c.source = "paginators-1.json: pagination." + op->name;
  c.expect = Expectation::kPages;
  c.page_tokens = PageTokens();
  c.expected_requests = kPages;
  c.expected_output = json::array();

  if (!op->output->FindMember(paginator.output_token)) {
    return Status::Error(c.source + ": output token " + paginator.output_token + " is not a member of " + op->output->name);
  }
  // Other required members, if the output had any, are on every page so that each page is valid.
  auto required = MinOutput(*op->output);
  if (!required.ok()) return Status::Error(op->name + ": " + required.status().message());
  for (int page = 0; page < kPages; ++page) {
    json body = *required;
    for (const std::string& key : paginator.result_keys) {
      const spec::Member* list = op->output->FindMember(key);
      if (!list || list->shape->type != spec::ShapeType::kList) {
        return Status::Error(c.source + ": result key " + key + " is not a list member of " + op->output->name);
      }
      auto element = MaxOutput(*list->shape->member, page);
      if (!element.ok()) return Status::Error(op->name + ": " + element.status().message());
      body[key] = json::array({std::move(element).value()});
    }
    if (page + 1 < kPages) body[paginator.output_token] = PageTokens()[static_cast<size_t>(page)];
    else body.erase(paginator.output_token);
    c.responses.push_back(JsonResponse(200, body));
    c.expected_output.push_back(std::move(body));
  }
  AddRequestIds(c);
  return c;
}

}  // namespace

const std::vector<std::string>& PageTokens() {
  static const std::vector<std::string> tokens = {"tok/1+a==", "ép/2+日本=="};
  return tokens;
}

Result<std::vector<SdkCase>> PaginatorCases(const spec::Service& service) {
  std::vector<SdkCase> out;
  for (const auto& [name, paginator] : service.paginators()) {
    auto c = PaginatorCase(service, paginator);
    if (!c.ok()) return c.status();
    out.push_back(std::move(c).value());
  }
  return out;
}

}  // namespace ecrc::sdk
