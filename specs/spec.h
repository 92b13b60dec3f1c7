// The typed, read-only view of an AWS JSON service model (service-2.json + paginators-1.json):
// every other part of ecr-conform learns operations, shapes and traits only from here.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"

namespace re2 {
class RE2;
}

namespace ecrc::spec {

enum class ShapeType { kStructure, kList, kMap, kString, kBoolean, kInteger, kLong, kFloat, kDouble, kTimestamp, kBlob };

const char* ShapeTypeName(ShapeType type);

struct Shape;

struct Member {
  std::string name;
  const Shape* shape = nullptr;
  bool required = false;
  std::string documentation;
};

struct Shape {
  std::string name;
  ShapeType type = ShapeType::kString;
  // Length bounds for strings (characters), blobs (bytes), lists and maps (entries); value
  // bounds for numbers. Absent when the model gives none.
  std::optional<int64_t> min;
  std::optional<int64_t> max;
  std::string pattern;                      // empty when there is none
  std::shared_ptr<const re2::RE2> regex;    // compiled `pattern`, fully anchored
  std::vector<std::string> enum_values;     // empty when not an enum
  std::vector<Member> members;              // structures, in model order
  const Shape* member = nullptr;            // lists
  const Shape* key = nullptr;               // maps
  const Shape* value = nullptr;             // maps
  bool exception = false;
  bool fault = false;                       // ServerException-style: the server's fault (5xx)
  std::string documentation;

  const Member* FindMember(std::string_view member_name) const;
  bool IsScalar() const { return type != ShapeType::kStructure && type != ShapeType::kList && type != ShapeType::kMap; }
  // True when `text` fully matches the pattern (or there is no pattern).
  bool MatchesPattern(std::string_view text) const;
};

struct Operation {
  std::string name;
  const Shape* input = nullptr;   // never null: an operation without input gets an empty structure
  const Shape* output = nullptr;  // never null, likewise
  std::vector<const Shape*> errors;
  std::string documentation;
  // SHA-256 over the canonical JSON of everything this operation's contract depends on: the
  // closure of its input and output shapes and its errors. A model update that changes it
  // changed this operation.
  std::string model_sha256;

  bool DeclaresError(std::string_view error_name) const;
};

struct Paginator {
  std::string operation;
  std::string input_token;
  std::string output_token;
  std::string limit_key;
  std::string result_key;                // the first result key
  std::vector<std::string> result_keys;  // all of them (some models page several lists at once)
};

struct Metadata {
  std::string api_version;
  std::string protocol;
  std::string json_version;
  std::string target_prefix;
  std::string signing_name;
  std::string endpoint_prefix;
  std::string service_id;
  std::string service_full_name;
  std::string uid;
};

// Immutable after Load. Shared by pointer so that Shape* and Member* stay valid for as long as
// anyone holds the Service.
class Service {
 public:
  // Parses both model documents. Refuses a malformed or unsupported model with a message that
  // names the JSON path at fault (for example `shapes.RepositoryName.max: expected a number`).
  static Result<std::shared_ptr<const Service>> Load(std::string_view service_json, std::string_view paginators_json);
  // Loads service-2.json and paginators-1.json (optional) from `dir`.
  static Result<std::shared_ptr<const Service>> LoadDir(const std::string& dir);
  // The ECR Public model compiled into the binary.
  static std::shared_ptr<const Service> Embedded();

  const Metadata& metadata() const { return metadata_; }
  const std::map<std::string, Operation, std::less<>>& operations() const { return operations_; }
  const std::map<std::string, Shape>& shapes() const { return shapes_; }
  const std::map<std::string, Paginator>& paginators() const { return paginators_; }

  const Operation* FindOperation(std::string_view name) const;
  const Shape* FindShape(std::string_view name) const;
  const Paginator* FindPaginator(std::string_view operation) const;
  std::vector<const Shape*> ErrorShapes() const;  // every shape marked `exception`
  // SHA-256 of both model documents as loaded: names the exact spec a report ran against.
  const std::string& model_sha256() const { return model_sha256_; }

 private:
  Metadata metadata_;
  std::map<std::string, Shape> shapes_;
  std::map<std::string, Operation, std::less<>> operations_;  // less<>: looked up by string_view per request
  std::map<std::string, Paginator> paginators_;
  std::string model_sha256_;
  friend class ModelLoader;
};

}  // namespace ecrc::spec
