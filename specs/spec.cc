#include "specs/spec.h"

#include <re2/re2.h>

#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "base/sha256.h"
#include "base/utf8.h"

namespace ecrc::spec {

using nlohmann::json;

const char* ShapeTypeName(ShapeType type) {
  switch (type) {
    case ShapeType::kStructure: return "structure";
    case ShapeType::kList: return "list";
    case ShapeType::kMap: return "map";
    case ShapeType::kString: return "string";
    case ShapeType::kBoolean: return "boolean";
    case ShapeType::kInteger: return "integer";
    case ShapeType::kLong: return "long";
    case ShapeType::kFloat: return "float";
    case ShapeType::kDouble: return "double";
    case ShapeType::kTimestamp: return "timestamp";
    case ShapeType::kBlob: return "blob";
  }
  return "?";
}

const Member* Shape::FindMember(std::string_view member_name) const {
  for (const auto& m : members) {
    if (m.name == member_name) return &m;
  }
  return nullptr;
}

bool Shape::MatchesPattern(std::string_view text) const {
  return !regex || RE2::FullMatch(re2::StringPiece(text.data(), text.size()), *regex);
}

bool Operation::DeclaresError(std::string_view error_name) const {
  for (const Shape* e : errors) {
    if (e->name == error_name) return true;
  }
  return false;
}

const Operation* Service::FindOperation(std::string_view name) const {
  auto it = operations_.find(name);
  return it == operations_.end() ? nullptr : &it->second;
}

const Shape* Service::FindShape(std::string_view name) const {
  auto it = shapes_.find(std::string(name));
  return it == shapes_.end() ? nullptr : &it->second;
}

const Paginator* Service::FindPaginator(std::string_view operation) const {
  auto it = paginators_.find(std::string(operation));
  return it == paginators_.end() ? nullptr : &it->second;
}

std::vector<const Shape*> Service::ErrorShapes() const {
  std::vector<const Shape*> out;
  for (const auto& [name, shape] : shapes_) {
    if (shape.exception) out.push_back(&shape);
  }
  return out;
}

// Builds a Service from parsed JSON, remembering the JSON path of the first problem found.
class ModelLoader {
 public:
  Result<std::shared_ptr<const Service>> Load(std::string_view service_text, std::string_view paginators_text) {
    json model = json::parse(service_text, nullptr, /*allow_exceptions=*/false);
    if (model.is_discarded()) return Status::Error("service model: not valid JSON");
    json pages = paginators_text.empty() ? json::object({{"pagination", json::object()}})
                                         : json::parse(paginators_text, nullptr, false);
    if (pages.is_discarded()) return Status::Error("paginators model: not valid JSON");

    auto service = std::make_shared<Service>();
    service_ = service.get();
    if (!LoadMetadata(model) || !LoadShapes(model) || !LoadOperations(model) || !LoadPaginators(pages)) {
      return Status::Error(error_);
    }
    service->model_sha256_ = Sha256Hex(std::string(service_text) + "\n" + std::string(paginators_text));
    return std::shared_ptr<const Service>(std::move(service));
  }

 private:
  bool Fail(const std::string& path, const std::string& what) {
    error_ = "service model: " + path + ": " + what;
    return false;
  }

  bool GetString(const json& obj, const std::string& key, const std::string& path, std::string* out, bool required) {
    auto it = obj.find(key);
    if (it == obj.end()) return !required || Fail(path + "." + key, "missing");
    if (!it->is_string()) return Fail(path + "." + key, "expected a string");
    *out = it->get<std::string>();
    return true;
  }

  bool LoadMetadata(const json& model) {
    if (!model.is_object()) return Fail("$", "expected an object");
    auto it = model.find("metadata");
    if (it == model.end() || !it->is_object()) return Fail("metadata", "missing or not an object");
    Metadata& m = service_->metadata_;
    const json& md = *it;
    if (!GetString(md, "protocol", "metadata", &m.protocol, true)) return false;
    if (m.protocol != "json") return Fail("metadata.protocol", "unsupported protocol '" + m.protocol + "' (only awsJson 'json' is supported)");
    if (!GetString(md, "jsonVersion", "metadata", &m.json_version, true)) return false;
    if (m.json_version != "1.1" && m.json_version != "1.0") return Fail("metadata.jsonVersion", "unsupported version '" + m.json_version + "'");
    return GetString(md, "targetPrefix", "metadata", &m.target_prefix, true) &&
           GetString(md, "apiVersion", "metadata", &m.api_version, true) &&
           GetString(md, "signingName", "metadata", &m.signing_name, false) &&
           GetString(md, "endpointPrefix", "metadata", &m.endpoint_prefix, true) &&
           GetString(md, "serviceId", "metadata", &m.service_id, false) &&
           GetString(md, "serviceFullName", "metadata", &m.service_full_name, false) &&
           GetString(md, "uid", "metadata", &m.uid, false) &&
           (m.signing_name.empty() ? (m.signing_name = m.endpoint_prefix, true) : true);
  }

  static std::optional<ShapeType> ParseType(const std::string& t) {
    static const std::map<std::string, ShapeType> kTypes = {
        {"structure", ShapeType::kStructure}, {"list", ShapeType::kList},       {"map", ShapeType::kMap},
        {"string", ShapeType::kString},       {"boolean", ShapeType::kBoolean}, {"integer", ShapeType::kInteger},
        {"long", ShapeType::kLong},           {"float", ShapeType::kFloat},     {"double", ShapeType::kDouble},
        {"timestamp", ShapeType::kTimestamp}, {"blob", ShapeType::kBlob}};
    auto it = kTypes.find(t);
    if (it == kTypes.end()) return std::nullopt;
    return it->second;
  }

  bool GetBound(const json& def, const char* key, const std::string& path, std::optional<int64_t>* out) {
    auto it = def.find(key);
    if (it == def.end()) return true;
    if (!it->is_number()) return Fail(path + "." + key, "expected a number");
    double v = it->get<double>();
    if (v < -9.2e18 || v > 9.2e18) return Fail(path + "." + key, "out of range");
    *out = static_cast<int64_t>(v);
    return true;
  }

  const Shape* Resolve(const json& ref, const std::string& path) {
    if (!ref.is_object() || !ref.contains("shape") || !ref["shape"].is_string()) {
      Fail(path, "expected {\"shape\": \"<name>\"}");
      return nullptr;
    }
    auto it = service_->shapes_.find(ref["shape"].get<std::string>());
    if (it == service_->shapes_.end()) {
      Fail(path + ".shape", "unknown shape '" + ref["shape"].get<std::string>() + "'");
      return nullptr;
    }
    return &it->second;
  }

  bool LoadShapes(const json& model) {
    auto it = model.find("shapes");
    if (it == model.end() || !it->is_object()) return Fail("shapes", "missing or not an object");
    // Two passes: create every shape first so references can point at any of them.
    for (const auto& [name, def] : it->items()) {
      std::string path = "shapes." + name;
      if (!def.is_object()) return Fail(path, "expected an object");
      std::string type_name;
      if (!GetString(def, "type", path, &type_name, true)) return false;
      auto type = ParseType(type_name);
      if (!type) return Fail(path + ".type", "unsupported shape type '" + type_name + "'");
      Shape& s = service_->shapes_[name];
      s.name = name;
      s.type = *type;
    }
    for (const auto& [name, def] : it->items()) {
      if (!FillShape(name, def, &service_->shapes_[name])) return false;
    }
    return true;
  }

  bool FillShape(const std::string& name, const json& def, Shape* s) {
    std::string path = "shapes." + name;
    if (!GetBound(def, "min", path, &s->min) || !GetBound(def, "max", path, &s->max)) return false;
    if (s->min && s->max && *s->min > *s->max) return Fail(path, "min is greater than max");
    if (!GetString(def, "documentation", path, &s->documentation, false)) return false;
    if (!GetString(def, "pattern", path, &s->pattern, false)) return false;
    if (!s->pattern.empty()) {
      RE2::Options options;
      options.set_log_errors(false);
      auto re = std::make_shared<RE2>(s->pattern, options);
      if (!re->ok()) return Fail(path + ".pattern", "pattern not supported by RE2: " + re->error());
      s->regex = re;
    }
    if (auto e = def.find("enum"); e != def.end()) {
      if (!e->is_array()) return Fail(path + ".enum", "expected an array of strings");
      for (size_t i = 0; i < e->size(); ++i) {
        if (!(*e)[i].is_string()) return Fail(path + ".enum[" + std::to_string(i) + "]", "expected a string");
        s->enum_values.push_back((*e)[i].get<std::string>());
      }
    }
    for (const char* flag : {"exception", "fault"}) {
      if (auto f = def.find(flag); f != def.end()) {
        if (!f->is_boolean()) return Fail(path + "." + flag, "expected a boolean");
        (std::string(flag) == "exception" ? s->exception : s->fault) = f->get<bool>();
      }
    }
    switch (s->type) {
      case ShapeType::kStructure: return FillStructure(path, def, s);
      case ShapeType::kList:
        if (!def.contains("member")) return Fail(path + ".member", "missing");
        return (s->member = Resolve(def["member"], path + ".member")) != nullptr;
      case ShapeType::kMap:
        return (s->key = Resolve(def.value("key", json()), path + ".key")) != nullptr &&
               (s->value = Resolve(def.value("value", json()), path + ".value")) != nullptr;
      default: return true;
    }
  }

  bool FillStructure(const std::string& path, const json& def, Shape* s) {
    auto members = def.find("members");
    if (members == def.end() || !members->is_object()) return Fail(path + ".members", "missing or not an object");
    for (const auto& [member_name, ref] : members->items()) {
      Member m;
      m.name = member_name;
      std::string member_path = path + ".members." + member_name;
      if (!(m.shape = Resolve(ref, member_path))) return false;
      if (ref.contains("documentation") && ref["documentation"].is_string()) m.documentation = ref["documentation"];
      if (ref.contains("location") || ref.contains("locationName")) {
        // awsJson puts every member in the body under its own name; HTTP bindings belong to
        // other protocols and would be silently mis-encoded here.
        return Fail(member_path, "HTTP location bindings are not supported by awsJson");
      }
      s->members.push_back(std::move(m));
    }
    if (auto req = def.find("required"); req != def.end()) {
      if (!req->is_array()) return Fail(path + ".required", "expected an array of member names");
      for (size_t i = 0; i < req->size(); ++i) {
        const json& r = (*req)[i];
        std::string rp = path + ".required[" + std::to_string(i) + "]";
        if (!r.is_string()) return Fail(rp, "expected a string");
        bool found = false;
        for (auto& m : s->members) {
          if (m.name == r.get<std::string>()) m.required = found = true;
        }
        if (!found) return Fail(rp, "names no member ('" + r.get<std::string>() + "')");
      }
    }
    return true;
  }

  bool LoadOperations(const json& model) {
    auto it = model.find("operations");
    if (it == model.end() || !it->is_object()) return Fail("operations", "missing or not an object");
    for (const auto& [name, def] : it->items()) {
      std::string path = "operations." + name;
      if (!def.is_object()) return Fail(path, "expected an object");
      Operation op;
      op.name = name;
      if (auto http = def.find("http"); http != def.end()) {
        if (http->value("method", "POST") != "POST" || http->value("requestUri", "/") != "/") {
          return Fail(path + ".http", "awsJson operations must be POST /");
        }
      }
      op.input = def.contains("input") ? Resolve(def["input"], path + ".input") : EmptyStructure();
      op.output = def.contains("output") ? Resolve(def["output"], path + ".output") : EmptyStructure();
      if (!op.input || !op.output) return false;
      if (op.input->type != ShapeType::kStructure) return Fail(path + ".input", "must be a structure");
      if (op.output->type != ShapeType::kStructure) return Fail(path + ".output", "must be a structure");
      if (auto errors = def.find("errors"); errors != def.end()) {
        if (!errors->is_array()) return Fail(path + ".errors", "expected an array");
        for (size_t i = 0; i < errors->size(); ++i) {
          std::string ep = path + ".errors[" + std::to_string(i) + "]";
          const Shape* e = Resolve((*errors)[i], ep);
          if (!e) return false;
          if (!e->exception) return Fail(ep, "shape '" + e->name + "' is not marked as an exception");
          op.errors.push_back(e);
        }
      }
      if (def.contains("documentation") && def["documentation"].is_string()) op.documentation = def["documentation"];
      op.model_sha256 = OperationDigest(model, op);
      service_->operations_[name] = std::move(op);
    }
    if (service_->operations_.empty()) return Fail("operations", "the model has no operations");
    return true;
  }

  const Shape* EmptyStructure() {
    Shape& s = service_->shapes_["__Empty"];
    s.name = "__Empty";
    s.type = ShapeType::kStructure;
    return &s;
  }

  // Canonical JSON (sorted keys, documentation dropped: prose edits do not change a contract) of
  // the operation and every shape it reaches.
  static std::string OperationDigest(const json& model, const Operation& op) {
    std::set<std::string> seen;
    std::function<void(const Shape*)> visit = [&](const Shape* s) {
      if (!s || !seen.insert(s->name).second) return;
      for (const auto& m : s->members) visit(m.shape);
      visit(s->member);
      visit(s->key);
      visit(s->value);
    };
    visit(op.input);
    visit(op.output);
    for (const Shape* e : op.errors) visit(e);
    json canon = json::object();
    canon["operation"] = StripDocs(model["operations"][op.name]);
    for (const auto& name : seen) {
      if (model["shapes"].contains(name)) canon["shapes"][name] = StripDocs(model["shapes"][name]);
    }
    return Sha256Hex(canon.dump());
  }

  static json StripDocs(json j) {
    if (j.is_object()) {
      j.erase("documentation");
      for (auto& [k, v] : j.items()) v = StripDocs(v);
    } else if (j.is_array()) {
      for (auto& v : j) v = StripDocs(v);
    }
    return j;
  }

  bool LoadPaginators(const json& pages) {
    if (!pages.is_object() || !pages.contains("pagination") || !pages["pagination"].is_object()) {
      return Fail("pagination", "paginators model: missing or not an object");
    }
    for (const auto& [name, def] : pages["pagination"].items()) {
      std::string path = "pagination." + name;
      const Operation* op = service_->FindOperation(name);
      if (!op) return Fail(path, "paginator for unknown operation");
      if (!def.is_object()) return Fail(path, "expected an object");
      Paginator p;
      p.operation = name;
      if (!GetString(def, "input_token", path, &p.input_token, true) ||
          !GetString(def, "output_token", path, &p.output_token, true) ||
          !GetString(def, "limit_key", path, &p.limit_key, false)) {
        return false;
      }
      const json result = def.value("result_key", json());
      if (result.is_string()) {
        p.result_keys.push_back(result.get<std::string>());
      } else if (result.is_array() && !result.empty()) {
        for (size_t i = 0; i < result.size(); ++i) {
          if (!result[i].is_string()) return Fail(path + ".result_key[" + std::to_string(i) + "]", "expected a string");
          p.result_keys.push_back(result[i].get<std::string>());
        }
      } else {
        return Fail(path + ".result_key", "expected a string or a non-empty array of strings");
      }
      p.result_key = p.result_keys.front();
      for (const auto& key : p.result_keys) {
        // Result keys may be dotted paths (`imageScanFindings.findings`); the head must exist.
        if (!op->output->FindMember(key.substr(0, key.find('.')))) return Fail(path + ".result_key", "'" + key + "' is not a member of the output");
      }
      if (!op->input->FindMember(p.input_token)) return Fail(path + ".input_token", "not a member of the input");
      if (!op->output->FindMember(p.output_token)) return Fail(path + ".output_token", "not a member of the output");
      if (!p.limit_key.empty() && !op->input->FindMember(p.limit_key)) return Fail(path + ".limit_key", "not a member of the input");
      service_->paginators_[name] = std::move(p);
    }
    return true;
  }

  Service* service_ = nullptr;
  std::string error_;
};

Result<std::shared_ptr<const Service>> Service::Load(std::string_view service_json, std::string_view paginators_json) {
  return ModelLoader().Load(service_json, paginators_json);
}

namespace {

Result<std::string> ReadFile(const std::string& path, bool optional) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    if (optional) return std::string();
    return Status::Error("cannot read " + path);
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

}  // namespace

Result<std::shared_ptr<const Service>> Service::LoadDir(const std::string& dir) {
  auto service = ReadFile(dir + "/service-2.json", false);
  if (!service.ok()) return Status::Error("--model " + dir + ": no service-2.json there (" + service.status().message() + ")");
  auto pages = ReadFile(dir + "/paginators-1.json", true);
  auto loaded = Load(*service, *pages);
  if (!loaded.ok()) return Status::Error(dir + ": " + loaded.status().message());
  return loaded;
}

}  // namespace ecrc::spec
