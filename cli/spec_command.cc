// `ecr-conform spec list | show <Operation>`: what the loaded model says.
#include <CLI/CLI.hpp>
#include <functional>
#include <iostream>
#include <set>

#include "cli/context.h"

namespace ecrc::cli {
namespace {

std::string Traits(const spec::Shape& s) {
  std::string out = spec::ShapeTypeName(s.type);
  if (s.min || s.max) {
    out += " [" + (s.min ? std::to_string(*s.min) : std::string()) + ".." + (s.max ? std::to_string(*s.max) : std::string()) + "]";
  }
  if (!s.pattern.empty()) out += " pattern=" + s.pattern;
  if (!s.enum_values.empty()) {
    out += " enum={";
    for (size_t i = 0; i < s.enum_values.size(); ++i) out += (i ? "," : "") + s.enum_values[i];
    out += "}";
  }
  return out;
}

// Prints a shape tree; `seen` stops recursion through self-referencing shapes.
void PrintTree(const spec::Shape& shape, const std::string& indent, std::set<std::string>& seen) {
  if (!seen.insert(shape.name).second) return;
  for (const auto& m : shape.members) {
    std::cout << indent << (m.required ? "* " : "  ") << m.name << ": " << m.shape->name << " (" << Traits(*m.shape) << ")\n";
    const spec::Shape* child = m.shape->type == spec::ShapeType::kList ? m.shape->member : m.shape;
    if (m.shape->type == spec::ShapeType::kList) {
      std::cout << indent << "    item: " << child->name << " (" << Traits(*child) << ")\n";
    }
    if (child->type == spec::ShapeType::kStructure) PrintTree(*child, indent + "    ", seen);
  }
  seen.erase(shape.name);
}

void List(Context& ctx) {
  auto service = ctx.Service();
  if (!service) return;
  const auto& md = service->metadata();
  std::cout << md.service_full_name << " (" << md.uid << "): " << service->operations().size() << " operations, "
            << service->ErrorShapes().size() << " error shapes, " << service->paginators().size() << " paginators\n"
            << "protocol awsJson" << md.json_version << ", target prefix " << md.target_prefix << ", signing name "
            << md.signing_name << ", model sha256 " << service->model_sha256().substr(0, 16) << "\n\n";
  for (const auto& [name, op] : service->operations()) {
    std::cout << name;
    if (service->FindPaginator(name)) std::cout << " (paginated)";
    std::cout << "\n  required:";
    bool any = false;
    for (const auto& m : op.input->members) {
      if (m.required) std::cout << " " << m.name, any = true;
    }
    if (!any) std::cout << " (none)";
    std::cout << "\n  errors:";
    for (const auto* e : op.errors) std::cout << " " << e->name;
    std::cout << "\n";
  }
}

void Show(Context& ctx, const std::string& name) {
  auto service = ctx.Service();
  if (!service) return;
  const spec::Operation* op = service->FindOperation(name);
  if (!op) {
    std::string known;
    for (const auto& [n, o] : service->operations()) known += " " + n;
    return Fail(ctx, kExitUsage, "no operation '" + name + "' in the model; operations:" + known);
  }
  std::set<std::string> seen;
  std::cout << op->name << "  (model sha256 " << op->model_sha256 << ")\n\ninput " << op->input->name << "  (* = required)\n";
  PrintTree(*op->input, "  ", seen);
  std::cout << "\noutput " << op->output->name << "\n";
  PrintTree(*op->output, "  ", seen);
  std::cout << "\nerrors\n";
  for (const auto* e : op->errors) std::cout << "  " << e->name << (e->fault ? " (fault: HTTP 500)" : " (HTTP 400)") << "\n";
  if (const auto* p = service->FindPaginator(op->name)) {
    std::cout << "\npaginator: " << p->input_token << " -> " << p->output_token << ", limit " << p->limit_key
              << ", results " << p->result_key << "\n";
  }
}

}  // namespace

void AddSpecCommand(CLI::App& app, Context& ctx) {
  auto* spec_cmd = app.add_subcommand("spec", "Show what the model says: operations, shapes, traits, errors");
  spec_cmd->require_subcommand(1);
  spec_cmd->add_subcommand("list", "Every operation with its required members and declared errors")
      ->callback([&ctx] { List(ctx); });
  auto* show = spec_cmd->add_subcommand("show", "The input, output and error tree of one operation, with traits");
  auto name = std::make_shared<std::string>();
  show->add_option("operation", *name, "Operation name, e.g. PutImage")->required();
  show->callback([&ctx, name] { Show(ctx, *name); });
}

}  // namespace ecrc::cli
