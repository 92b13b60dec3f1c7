#include "harness/report/json_report_reader.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <map>
#include <sstream>

#include "base/base64.h"
#include "harness/report/json_report.h"

namespace ecrc::report {
namespace {

using Json = nlohmann::ordered_json;
using results::CheckResult;
using results::Coverage;
using results::Finding;
using results::RunReport;
using results::Severity;
using results::SpecInfo;

bool IsIdentifier(std::string_view key) {
  if (key.empty() || std::isdigit(static_cast<unsigned char>(key[0]))) return false;
  return std::all_of(key.begin(), key.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; });
}

std::string Child(const std::string& path, std::string_view key) {
  if (IsIdentifier(key)) return path + "." + std::string(key);
  return path + "[" + Json(std::string(key)).dump(-1, ' ', false, Json::error_handler_t::replace) + "]";
}

std::string Index(const std::string& path, size_t i) { return path + "[" + std::to_string(i) + "]"; }

std::string Describe(const Json& j) {
  std::string type = j.type_name();
  if (j.is_string() || j.is_number() || j.is_boolean()) {
    std::string shown = j.dump(-1, ' ', false, Json::error_handler_t::replace);
    if (shown.size() > 60) shown = shown.substr(0, 57) + "...";
    return type + " " + shown;
  }
  return type;
}

// Walks the JSON, remembering the first error with its path; every accessor checks types before
// reading, so no input can make nlohmann throw or hit undefined behaviour.
class Reader {
 public:
  bool ok() const { return error_.empty(); }
  const std::string& error() const { return error_; }

  void Fail(const std::string& path, const std::string& what) {
    if (error_.empty()) error_ = path + ": " + what;
  }

  // The member `key` of object `obj` at `path`; nullptr when absent (an error if required).
  const Json* Member(const Json& obj, const std::string& path, const char* key, bool required) {
    auto it = obj.find(key);
    if (it == obj.end()) {
      if (required) Fail(Child(path, key), "required member is missing");
      return nullptr;
    }
    return &*it;
  }

  bool Expect(const Json& j, const std::string& path, bool good, const char* what) {
    if (!good) Fail(path, std::string("expected ") + what + ", got " + Describe(j));
    return good;
  }

  const Json* Object(const Json& obj, const std::string& path, const char* key, bool required) {
    const Json* j = Member(obj, path, key, required);
    if (j && !Expect(*j, Child(path, key), j->is_object(), "an object")) return nullptr;
    return j;
  }

  const Json* Array(const Json& obj, const std::string& path, const char* key, bool required) {
    const Json* j = Member(obj, path, key, required);
    if (j && !Expect(*j, Child(path, key), j->is_array(), "an array")) return nullptr;
    return j;
  }

  void String(const Json& obj, const std::string& path, const char* key, bool required, std::string* out) {
    const Json* j = Member(obj, path, key, required);
    if (j && Expect(*j, Child(path, key), j->is_string(), "a string")) *out = j->get<std::string>();
  }

  void StringList(const Json& obj, const std::string& path, const char* key, bool required, std::vector<std::string>* out) {
    const Json* arr = Array(obj, path, key, required);
    if (!arr) return;
    std::string at = Child(path, key);
    for (size_t i = 0; i < arr->size(); ++i) {
      const Json& e = (*arr)[i];
      if (!Expect(e, Index(at, i), e.is_string(), "a string")) return;
      out->push_back(e.get<std::string>());
    }
  }

  // An unsigned integer no larger than `max`.
  bool Unsigned(const Json& obj, const std::string& path, const char* key, bool required, uint64_t max, uint64_t* out) {
    const Json* j = Member(obj, path, key, required);
    if (!j) return false;
    std::string at = Child(path, key);
    // Check the kind before reading: get<>() on a mismatched number kind is undefined behaviour.
    if (j->is_number_unsigned()) {
      uint64_t v = j->get<uint64_t>();
      if (v <= max) {
        *out = v;
        return true;
      }
    } else if (j->is_number_integer()) {
      int64_t v = j->get<int64_t>();
      if (v >= 0 && static_cast<uint64_t>(v) <= max) {
        *out = static_cast<uint64_t>(v);
        return true;
      }
    }
    Fail(at, "expected an integer from 0 to " + std::to_string(max) + ", got " + Describe(*j));
    return false;
  }

  void Body(const Json& obj, const std::string& path, std::string* out) {
    const Json* text = Member(obj, path, "body", false);
    const Json* b64 = Member(obj, path, "body_base64", false);
    if (text && b64) return Fail(path, "has both \"body\" and \"body_base64\"; a body is stored one way");
    if (text) return String(obj, path, "body", false, out);
    if (b64) {
      std::string encoded;
      String(obj, path, "body_base64", false, &encoded);
      if (!ok()) return;
      auto decoded = Base64Decode(encoded);
      if (!decoded) return Fail(Child(path, "body_base64"), "is not valid padded base64");
      *out = std::move(*decoded);
    }
  }

  void ReadHeaders(const Json& obj, const std::string& path, Headers* out) {
    const Json* arr = Array(obj, path, "headers", false);
    if (!arr) return;
    std::string at = Child(path, "headers");
    for (size_t i = 0; i < arr->size() && ok(); ++i) {
      const Json& h = (*arr)[i];
      std::string hp = Index(at, i);
      if (!Expect(h, hp, h.is_object(), "an object {\"name\", \"value\"}")) return;
      std::string name, value;
      String(h, hp, "name", true, &name);
      String(h, hp, "value", true, &value);
      out->Add(std::move(name), std::move(value));
    }
  }

  void ReadExchange(const Json& j, const std::string& path, results::Exchange* ex) {
    if (!Expect(j, path, j.is_object(), "an object")) return;
    String(j, path, "operation", false, &ex->operation);
    String(j, path, "transport_error", false, &ex->transport_error);
    if (const Json* req = Object(j, path, "request", true)) {
      std::string rp = Child(path, "request");
      String(*req, rp, "method", true, &ex->request.method);
      String(*req, rp, "path", true, &ex->request.path);
      ReadHeaders(*req, rp, &ex->request.headers);
      Body(*req, rp, &ex->request.body);
    }
    if (const Json* resp = Object(j, path, "response", false)) {
      std::string rp = Child(path, "response");
      uint64_t status = 0;
      if (Unsigned(*resp, rp, "status", true, 999, &status)) ex->response.status = static_cast<int>(status);
      ReadHeaders(*resp, rp, &ex->response.headers);
      Body(*resp, rp, &ex->response.body);
    }
  }

  void ReadFinding(const Json& j, const std::string& path, Finding* f) {
    if (!Expect(j, path, j.is_object(), "an object")) return;
    String(j, path, "message", true, &f->message);
    String(j, path, "path", false, &f->path);
    String(j, path, "expected", false, &f->expected);
    String(j, path, "observed", false, &f->observed);
    uint64_t index = 0;
    if (j.contains("exchange") && Unsigned(j, path, "exchange", false, std::numeric_limits<uint32_t>::max(), &index)) {
      f->exchange = static_cast<size_t>(index);
    }
  }

  void ReadCheck(const Json& j, const std::string& path, CheckResult* c) {
    if (!Expect(j, path, j.is_object(), "an object")) return;
    String(j, path, "id", true, &c->id);
    if (ok() && c->id.empty()) Fail(Child(path, "id"), "must not be empty");
    String(j, path, "check", false, &c->check);
    String(j, path, "suite", true, &c->suite);
    String(j, path, "category", false, &c->category);
    String(j, path, "title", false, &c->title);
    std::string severity;
    String(j, path, "severity", true, &severity);
    if (ok()) {
      if (severity == "error") {
        c->severity = Severity::kError;
      } else if (severity == "warning") {
        c->severity = Severity::kWarning;
      } else {
        Fail(Child(path, "severity"), "expected one of error, warning; got " + Describe(j.at("severity")));
      }
    }
    StringList(j, path, "operations", true, &c->operations);
    String(j, path, "source", false, &c->source);
    std::string outcome;
    String(j, path, "outcome", true, &outcome);
    if (ok()) {
      bool known = false;
      c->outcome = results::OutcomeFromName(outcome, &known);
      if (!known) {
        Fail(Child(path, "outcome"), "expected one of disabled, skipped, passed, failed, errored; got " + Describe(j.at("outcome")));
      }
    }
    String(j, path, "skip_reason", false, &c->skip_reason);
    String(j, path, "reproduction", false, &c->reproduction);
    String(j, path, "attachment", false, &c->attachment);
    if (const Json* arr = Array(j, path, "exchanges", false)) {
      std::string at = Child(path, "exchanges");
      for (size_t i = 0; i < arr->size() && ok(); ++i) ReadExchange((*arr)[i], Index(at, i), &c->exchanges.emplace_back());
    }
    if (const Json* arr = Array(j, path, "findings", false)) {
      std::string at = Child(path, "findings");
      for (size_t i = 0; i < arr->size() && ok(); ++i) {
        Finding& f = c->findings.emplace_back();
        ReadFinding((*arr)[i], Index(at, i), &f);
        if (ok() && f.exchange && *f.exchange >= c->exchanges.size()) {
          Fail(Child(Index(at, i), "exchange"), "points at exchange " + std::to_string(*f.exchange) + ", but the check has " +
                                                    std::to_string(c->exchanges.size()) + " exchange(s)");
        }
      }
    }
  }

  void ReadCoverage(const Json& j, const std::string& path, Coverage* c) {
    StringList(j, path, "operations_exercised", false, &c->operations_exercised);
    StringList(j, path, "operations_missed", false, &c->operations_missed);
    StringList(j, path, "errors_provoked", false, &c->errors_provoked);
    StringList(j, path, "errors_missed", false, &c->errors_missed);
    if (const Json* obj = Object(j, path, "errors_unprovokable", false)) {
      std::string at = Child(path, "errors_unprovokable");
      for (auto it = obj->begin(); it != obj->end() && ok(); ++it) {
        if (Expect(*it, Child(at, it.key()), it->is_string(), "a string (the reason)")) {
          c->errors_unprovokable[it.key()] = it->get<std::string>();
        }
      }
    }
    StringList(j, path, "constraints_exercised", false, &c->constraints_exercised);
    StringList(j, path, "constraints_missed", false, &c->constraints_missed);
    StringList(j, path, "paginators_verified", false, &c->paginators_verified);
    StringList(j, path, "paginators_missed", false, &c->paginators_missed);
    StringList(j, path, "error_forms_decoded", false, &c->error_forms_decoded);
    StringList(j, path, "error_forms_missed", false, &c->error_forms_missed);
    StringList(j, path, "input_members_sent", false, &c->input_members_sent);
    StringList(j, path, "input_members_missed", false, &c->input_members_missed);
  }

  void ReadSpec(const Json& j, const std::string& path, SpecInfo* s) {
    String(j, path, "uid", true, &s->uid);
    String(j, path, "model_sha256", true, &s->model_sha256);
    if (const Json* obj = Object(j, path, "operation_sha256", false)) {
      std::string at = Child(path, "operation_sha256");
      for (auto it = obj->begin(); it != obj->end() && ok(); ++it) {
        if (Expect(*it, Child(at, it.key()), it->is_string(), "a string (hex sha256)")) {
          s->operation_sha256[it.key()] = it->get<std::string>();
        }
      }
    }
  }

  void ReadReport(const Json& j, RunReport* r) {
    const std::string root = "$";
    if (!Expect(j, root, j.is_object(), "an object (an ecr-conform report)")) return;
    uint64_t version = 0;
    if (!Unsigned(j, root, "schema_version", true, std::numeric_limits<int32_t>::max(), &version)) return;
    if (version != kReportSchemaVersion) {
      return Fail("$.schema_version", "unsupported schema version " + std::to_string(version) + "; this ecr-conform reads version " +
                                          std::to_string(kReportSchemaVersion));
    }
    r->schema_version = static_cast<int>(version);
    String(j, root, "tool_version", true, &r->tool_version);
    if (const Json* spec = Object(j, root, "spec", true)) ReadSpec(*spec, "$.spec", &r->spec);
    String(j, root, "endpoint", true, &r->endpoint);
    String(j, root, "region", false, &r->region);
    if (j.contains("seed")) Unsigned(j, root, "seed", false, std::numeric_limits<uint64_t>::max(), &r->seed);
    StringList(j, root, "suites", false, &r->suites);
    String(j, root, "started_at", false, &r->started_at);
    String(j, root, "root_cause", false, &r->root_cause);  // absent in reports written before it existed
    if (const Json* d = Member(j, root, "duration_seconds", false)) {
      if (Expect(*d, "$.duration_seconds", d->is_number() && d->get<double>() >= 0, "a non-negative number")) {
        r->duration_seconds = d->get<double>();
      }
    }
    if (!ok()) return;
    if (const Json* checks = Array(j, root, "checks", true)) {
      std::map<std::string, size_t> seen;
      for (size_t i = 0; i < checks->size() && ok(); ++i) {
        CheckResult& c = r->checks.emplace_back();
        ReadCheck((*checks)[i], Index("$.checks", i), &c);
        if (!ok()) break;
        auto [it, inserted] = seen.emplace(c.id, i);
        if (!inserted) {
          Fail(Index("$.checks", i) + ".id", "duplicate check id \"" + c.id + "\" (also at $.checks[" + std::to_string(it->second) + "])");
        }
      }
    }
    if (!ok()) return;
    if (const Json* cov = Object(j, root, "coverage", true)) ReadCoverage(*cov, "$.coverage", &r->coverage);
    if (!ok()) return;
    if (const Json* p = Object(j, root, "property", false)) ReadProperty(*p, "$.property", r);
  }

  void ReadProperty(const Json& j, const std::string& path, RunReport* r) {
    results::PropertyStats p;
    auto count = [&](const char* key, int64_t* out) {
      if (const Json* v = Member(j, path, key, true)) {
        if (Expect(*v, path + "." + key, v->is_number_integer() && v->get<int64_t>() >= 0, "a non-negative integer")) *out = v->get<int64_t>();
      }
    };
    int64_t max_steps = 0;
    count("cases", &p.cases);
    count("steps", &p.steps);
    count("max_steps", &max_steps);
    p.max_steps = static_cast<int>(max_steps);
    for (auto [key, map] : {std::pair{"commands", &p.commands}, std::pair{"choices", &p.choices}}) {
      const Json* m = Object(j, path, key, true);
      if (!m) continue;
      for (const auto& [name, v] : m->items()) {
        if (Expect(v, path + "." + key + "." + name, v.is_number_integer() && v.get<int64_t>() >= 0, "a non-negative integer")) {
          (*map)[name] = v.get<int64_t>();
        }
      }
    }
    if (ok()) r->property = p;
  }

 private:
  std::string error_;
};

std::string CleanParseError(const std::string& what) {
  // nlohmann prefixes "[json.exception.parse_error.101] "; the rest already says where.
  size_t close = what.find("] ");
  return close != std::string::npos && what.rfind("[json.exception", 0) == 0 ? what.substr(close + 2) : what;
}

}  // namespace

Result<RunReport> FromJson(const nlohmann::ordered_json& json) {
  Reader reader;
  RunReport report;
  try {
    reader.ReadReport(json, &report);
  } catch (const std::exception& e) {  // defensive: the reader checks types first, so this is a bug
    return Status::Error(std::string("internal error while reading the report: ") + e.what());
  }
  if (!reader.ok()) return Status::Error(reader.error());
  return report;
}

Result<RunReport> ParseReport(std::string_view text) {
  Json json;
  try {
    json = Json::parse(text.begin(), text.end());
  } catch (const Json::parse_error& e) {
    return Status::Error("not JSON: " + CleanParseError(e.what()));
  } catch (const std::exception& e) {
    return Status::Error(std::string("not JSON: ") + e.what());
  }
  return FromJson(json);
}

Result<RunReport> ReadReportFile(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) return Status::Error(path + ": is a directory, not a report file");
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Error(path + ": cannot open: " + std::strerror(errno));
  std::ostringstream buf;
  buf << in.rdbuf();
  if (in.bad()) return Status::Error(path + ": read error: " + std::strerror(errno));
  auto report = ParseReport(buf.str());
  if (!report.ok()) return Status::Error(path + ": " + report.status().message());
  return report;
}

}  // namespace ecrc::report
