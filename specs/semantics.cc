#include "specs/semantics.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "specs/embedded_model.h"

namespace ecrc::spec {

using nlohmann::json;

// Reads the semantics document strictly: every name it uses must exist in the model, so a
// model update that renames something fails loudly instead of silently disabling checks.
class SemanticsLoader {
 public:
  explicit SemanticsLoader(const Service& service) : service_(service) {}

  Result<std::shared_ptr<const Semantics>> Load(std::string_view text) {
    json doc = json::parse(text, nullptr, false);
    if (doc.is_discarded() || !doc.is_object()) return Status::Error("semantics: not a JSON object");
    auto out = std::make_shared<Semantics>();
    s_ = out.get();
    if (!Resources(doc) || !Bindings(doc) || !Validation(doc) || !Preconditions(doc) || !Unprovokable(doc) || !ClosedEnums(doc)) {
      return Status::Error(error_);
    }
    s_->fact_sheet_ = doc.value("fact_sheet", "");
    return std::shared_ptr<const Semantics>(std::move(out));
  }

 private:
  bool Fail(const std::string& path, const std::string& what) {
    error_ = "semantics: " + path + ": " + what;
    return false;
  }
  bool Str(const json& obj, const char* key, const std::string& path, std::string* out, bool required = true) {
    auto it = obj.find(key);
    if (it == obj.end()) return !required || Fail(path + "." + key, "missing");
    if (!it->is_string()) return Fail(path + "." + key, "expected a string");
    *out = it->get<std::string>();
    return true;
  }
  bool StrList(const json& obj, const char* key, const std::string& path, std::vector<std::string>* out) {
    auto it = obj.find(key);
    if (it == obj.end()) return true;
    if (!it->is_array()) return Fail(path + "." + key, "expected an array of strings");
    for (const auto& v : *it) {
      if (!v.is_string()) return Fail(path + "." + key, "expected an array of strings");
      out->push_back(v.get<std::string>());
    }
    return true;
  }
  bool Op(const std::string& name, const std::string& path) {
    return service_.FindOperation(name) || Fail(path, "no operation '" + name + "' in the model");
  }
  bool Error(const std::string& name, const std::string& path) {
    const Shape* s = service_.FindShape(name);
    return (s && s->exception) || Fail(path, "no error shape '" + name + "' in the model");
  }
  bool Obj(const json& doc, const char* key, const json** out) {
    auto it = doc.find(key);
    if (it == doc.end() || !it->is_object()) return Fail(key, "missing or not an object");
    *out = &*it;
    return true;
  }

  bool Resources(const json& doc) {
    const json* resources;
    if (!Obj(doc, "resources", &resources)) return false;
    for (const auto& [name, def] : resources->items()) {
      std::string path = "resources." + name;
      if (!def.is_object()) return Fail(path, "expected an object");
      Resource r;
      r.name = name;
      if (!Str(def, "identifier_member", path, &r.identifier_member) || !Str(def, "scope", path, &r.scope, false) ||
          !Str(def, "source", path, &r.source)) {
        return false;
      }
      if (!def.contains("create") || !def["create"].is_object()) return Fail(path + ".create", "missing or not an object");
      if (!Str(def["create"], "operation", path + ".create", &r.create_operation) || !Op(r.create_operation, path + ".create.operation")) return false;
      r.create_input = def["create"].value("input", json::object());
      if (def.contains("delete")) {
        if (!Str(def["delete"], "operation", path + ".delete", &r.delete_operation) || !Op(r.delete_operation, path + ".delete.operation")) return false;
        r.delete_input = def["delete"].value("input", json::object());
      }
      if (def.contains("outputs")) {
        for (const auto& [k, v] : def["outputs"].items()) {
          if (!v.is_string()) return Fail(path + ".outputs." + k, "expected a dotted output path");
          r.outputs[k] = v.get<std::string>();
        }
      }
      s_->resources_[name] = std::move(r);
    }
    for (const auto& [name, r] : s_->resources_) {
      if (!r.scope.empty() && !s_->FindResource(r.scope)) return Fail("resources." + name + ".scope", "no resource '" + r.scope + "'");
    }
    return true;
  }

  bool Bindings(const json& doc) {
    const json* bindings;
    if (!Obj(doc, "bindings", &bindings)) return false;
    for (const auto& [member, def] : bindings->items()) {
      std::string path = "bindings." + member;
      Binding b;
      if (!def.is_object() || !Str(def, "resource", path, &b.resource) || !Str(def, "value", path, &b.value)) return false;
      const Resource* r = s_->FindResource(b.resource);
      if (!r) return Fail(path + ".resource", "no resource '" + b.resource + "'");
      if (b.value != "name" && !r->outputs.count(b.value)) return Fail(path + ".value", "resource '" + b.resource + "' has no output '" + b.value + "'");
      s_->bindings_[member] = b;
    }
    return true;
  }

  bool Validation(const json& doc) {
    const json* v;
    if (!Obj(doc, "validation_error", &v)) return false;
    if (!StrList(*v, "codes", "validation_error", &s_->validation_codes_)) return false;
    if (s_->validation_codes_.empty()) return Fail("validation_error.codes", "must name at least one error");
    for (const auto& c : s_->validation_codes_) {
      if (!Error(c, "validation_error.codes")) return false;
    }
    if (auto it = v->find("also_accepted"); it != v->end()) {
      for (const auto& [member, codes] : it->items()) {
        std::vector<std::string> list;
        if (!StrList(*it, member.c_str(), "validation_error.also_accepted", &list)) return false;
        for (const auto& c : list) {
          if (!Error(c, "validation_error.also_accepted." + member)) return false;
        }
        s_->also_accepted_[member] = list;
      }
    }
    return Str(*v, "source", "validation_error", &s_->validation_source_) &&
           Str(*v, "confidence", "validation_error", &s_->validation_confidence_);
  }

  bool Preconditions(const json& doc) {
    auto it = doc.find("preconditions");
    if (it == doc.end() || !it->is_array()) return Fail("preconditions", "missing or not an array");
    for (size_t i = 0; i < it->size(); ++i) {
      const json& def = (*it)[i];
      std::string path = "preconditions[" + std::to_string(i) + "]";
      Precondition p;
      if (!def.is_object() || !Str(def, "name", path, &p.name) || !Str(def, "member", path, &p.member) ||
          !Str(def, "error", path, &p.error) || !Str(def, "confidence", path, &p.confidence) ||
          !Str(def, "source", path, &p.source) || !StrList(def, "except", path, &p.except) || !Error(p.error, path + ".error")) {
        return false;
      }
      for (const auto& op : p.except) {
        if (!Op(op, path + ".except")) return false;
      }
      s_->preconditions_.push_back(std::move(p));
    }
    return true;
  }

  bool Unprovokable(const json& doc) {
    auto it = doc.find("unprovokable_errors");
    if (it == doc.end() || !it->is_array()) return Fail("unprovokable_errors", "missing or not an array");
    for (size_t i = 0; i < it->size(); ++i) {
      const json& def = (*it)[i];
      std::string path = "unprovokable_errors[" + std::to_string(i) + "]";
      UnprovokableError u;
      if (!def.is_object() || !Str(def, "error", path, &u.error) || !Str(def, "reason", path, &u.reason) ||
          !Str(def, "source", path, &u.source) || !StrList(def, "operations", path, &u.operations) ||
          !StrList(def, "except", path, &u.except) || !StrList(def, "regions", path, &u.regions) ||
          !Error(u.error, path + ".error")) {
        return false;
      }
      for (const auto& op : u.operations) {
        if (!Op(op, path + ".operations")) return false;
      }
      s_->unprovokable_.push_back(std::move(u));
    }
    return true;
  }

  bool ClosedEnums(const json& doc) {
    const json* v = nullptr;
    if (!Obj(doc, "closed_enums", &v)) return false;
    auto it = v->find("shapes");
    if (it == v->end() || !it->is_array()) return Fail("closed_enums.shapes", "missing or not an array");
    for (size_t i = 0; i < it->size(); ++i) {
      const json& def = (*it)[i];
      std::string path = "closed_enums.shapes[" + std::to_string(i) + "]";
      ClosedEnum c;
      if (!def.is_object() || !Str(def, "shape", path, &c.shape) || !Str(def, "confidence", path, &c.confidence) ||
          !Str(def, "source", path, &c.source)) {
        return false;
      }
      const Shape* shape = service_.FindShape(c.shape);
      if (!shape || shape->enum_values.empty()) return Fail(path + ".shape", "no enum shape '" + c.shape + "' in the model");
      s_->closed_enums_.push_back(std::move(c));
    }
    return true;
  }

  const Service& service_;
  Semantics* s_ = nullptr;
  std::string error_;
};

Result<std::shared_ptr<const Semantics>> Semantics::Load(std::string_view text, const Service& service) {
  return SemanticsLoader(service).Load(text);
}

namespace {
std::string_view EmbeddedSemanticsText() {
  for (const auto& f : EmbeddedModelFiles()) {
    if (f.name == "semantics") return f.bytes;
  }
  return {};
}
}  // namespace

Result<std::shared_ptr<const Semantics>> Semantics::EmbeddedFor(const Service& service) {
  return Load(EmbeddedSemanticsText(), service);
}

std::shared_ptr<const Semantics> Semantics::Embedded() {
  static const std::shared_ptr<const Semantics> semantics = [] {
    auto loaded = Load(EmbeddedSemanticsText(), *Service::Embedded());
    if (!loaded.ok()) {
      std::fprintf(stderr, "ecr-conform: embedded semantics are invalid: %s\n", loaded.status().message().c_str());
      std::abort();
    }
    return *loaded;
  }();
  return semantics;
}

std::optional<std::string> Semantics::WhyUnprovokable(const std::string& operation, const std::string& error,
                                                      const std::string& region) const {
  auto has = [](const std::vector<std::string>& v, const std::string& x) { return std::find(v.begin(), v.end(), x) != v.end(); };
  for (const auto& u : unprovokable_) {
    if (u.error != error || has(u.except, operation)) continue;
    if (!u.operations.empty() && !has(u.operations, operation)) continue;
    if (!u.regions.empty() && !has(u.regions, region)) continue;
    return u.reason + " (" + u.source + ")";
  }
  return std::nullopt;
}

const ClosedEnum* Semantics::FindClosedEnum(std::string_view shape) const {
  for (const auto& c : closed_enums_) {
    if (c.shape == shape) return &c;
  }
  return nullptr;
}

const Resource* Semantics::FindResource(const std::string& name) const {
  auto it = resources_.find(name);
  return it == resources_.end() ? nullptr : &it->second;
}

const Binding* Semantics::FindBinding(const std::string& member) const {
  auto it = bindings_.find(member);
  return it == bindings_.end() ? nullptr : &it->second;
}

}  // namespace ecrc::spec
