// What a handler produces: the operation's output as a Value, or one modelled error.
#pragma once

#include <string>
#include <utility>

#include <nlohmann/json.hpp>

namespace ecrc::server {

// A modelled (or protocol-level) error, independent of HTTP: the front decides status and framing.
struct ApiError {
  std::string code;              // the error shape name, e.g. RepositoryNotFoundException
  std::string message;
  nlohmann::json extra = nullptr;  // further members of the error shape (InvalidLayerPartException)
};

class Outcome {
 public:
  Outcome(nlohmann::json output) : ok_(true), output_(std::move(output)) {}  // NOLINT: implicit by design
  Outcome(ApiError error) : ok_(false), error_(std::move(error)) {}          // NOLINT: implicit by design

  // A success whose output is already serialised JSON text (hot read paths build it from
  // pre-serialised fragments instead of a Value).
  static Outcome RawJson(std::string text) {
    Outcome out{nlohmann::json()};
    out.raw_ = std::move(text);
    out.has_raw_ = true;
    return out;
  }

  bool ok() const { return ok_; }
  bool has_raw_json() const { return has_raw_; }
  std::string& raw_json() { return raw_; }
  const nlohmann::json& output() const { return output_; }
  nlohmann::json& output() { return output_; }
  const ApiError& error() const { return error_; }

 private:
  bool ok_;
  bool has_raw_ = false;
  std::string raw_;
  nlohmann::json output_;
  ApiError error_;
};

}  // namespace ecrc::server
