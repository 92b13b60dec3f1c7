// Status and Result<T>: how fallible code in ecr-conform reports failure without throwing.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace ecrc {

// Who failed, so a caller can tell "the endpoint failed" from "the harness failed" without
// parsing text (a check blocked by the endpoint is skipped with that cause; one blocked by the
// harness or the transport is errored; the exit code follows).
enum class StatusCode {
  kOk,
  kError,      // the harness, its configuration or its usage
  kEndpoint,   // the endpoint answered, but not as the contract says
  kTransport,  // no answer came (connection refused or reset, timeout)
};

// A cheap success-or-message value. The message is written for the user: it names what was
// wrong and, where it can, what to do about it.
class Status {
 public:
  Status() = default;
  static Status Ok() { return Status(); }
  static Status Error(std::string message) { return Status(StatusCode::kError, std::move(message)); }
  static Status EndpointFailed(std::string message) { return Status(StatusCode::kEndpoint, std::move(message)); }
  static Status TransportFailed(std::string message) { return Status(StatusCode::kTransport, std::move(message)); }

  bool ok() const { return !message_.has_value(); }
  StatusCode code() const { return code_; }
  bool IsEndpointFailure() const { return code_ == StatusCode::kEndpoint; }
  bool IsTransportFailure() const { return code_ == StatusCode::kTransport; }
  const std::string& message() const {
    static const std::string kEmpty;
    return message_ ? *message_ : kEmpty;
  }

 private:
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}
  StatusCode code_ = StatusCode::kOk;
  std::optional<std::string> message_;
};

// Either a value or the Status explaining why there is none.
template <typename T>
class Result {
 public:
  Result(T value) : data_(std::move(value)) {}         // NOLINT: implicit by design
  Result(Status status) : data_(std::move(status)) {}  // NOLINT: implicit by design

  bool ok() const { return std::holds_alternative<T>(data_); }
  const T& value() const& { return std::get<T>(data_); }
  T& value() & { return std::get<T>(data_); }
  T&& value() && { return std::get<T>(std::move(data_)); }
  const T& operator*() const { return value(); }
  const T* operator->() const { return &value(); }
  T* operator->() { return &value(); }
  Status status() const { return ok() ? Status::Ok() : std::get<Status>(data_); }

 private:
  std::variant<T, Status> data_;
};

}  // namespace ecrc
