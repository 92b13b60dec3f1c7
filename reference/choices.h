// Readings of open AWS behaviour the reference server can be told to play: where the behaviour
// reference marks a fact U or E with alternatives, each plausible answer is a value of a choice,
// so that the suite can be shown to accept every one of them. Unlike faults, no choice breaks
// the contract.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ecrc::server {

// One enumerator per choice; the table in choices.cc gives each a stable snake_case name, its
// values (the first is the default) and a one-line description citing the fact-sheet section.
// Each is consulted at exactly one place in the server.
enum class Choice {
  kAbsentLayer,
  kTagCharset,
  kDuplicateTagKeys,
  kTagLengthError,
  kCatalogPut,
  kCatalogMissing,
  kImageTagGrammar,
  kUntaggedManifestPush,
  kRepeatedCompletion,
  kEmptyDisplayName,
  kUntaggedInImageTags,
  kMissingRequiredCode,
  kCount  // not a choice
};

struct ChoiceInfo {
  Choice choice;
  const char* name;                 // what `serve --choice NAME=VALUE` takes
  std::vector<const char*> values;  // the first is the default
  const char* description;          // one line: what is open, and where the fact sheet says so
};

// Every choice, in declaration order.
const std::vector<ChoiceInfo>& AllChoices();
const ChoiceInfo& InfoOf(Choice choice);

// The readings a server plays; default-constructed: the first value of every choice.
class Choices {
 public:
  Choices() { values_.fill(0); }
  // Parses NAME=VALUE settings. Fails with a message naming the unknown name or value and
  // listing the known ones.
  static std::optional<Choices> Parse(const std::vector<std::string>& settings, std::string* error);

  // True when `choice` plays `value`. `value` must be one of the choice's values (a typo is a
  // programming error: the process aborts, so any test touching the line finds it).
  bool Is(Choice choice, std::string_view value) const;
  const char* Value(Choice choice) const;
  // NAME=VALUE for every choice not at its default, in declaration order.
  std::vector<std::string> NonDefault() const;

 private:
  std::array<uint8_t, static_cast<size_t>(Choice::kCount)> values_;
};

}  // namespace ecrc::server
