// The bounds the property suite's generators draw from: the model's shapes, plus the service
// quotas the fact sheet documents (which the model cannot express).
#pragma once

#include <cstdint>

#include "base/status.h"
#include "specs/spec.h"

namespace ecrc::prop {

struct Limits {
  const spec::Service* service = nullptr;
  const spec::Shape* repository_name = nullptr;
  const spec::Shape* image_tag = nullptr;
  const spec::Shape* tag_key = nullptr;
  const spec::Shape* tag_value = nullptr;
  const spec::Shape* display_name = nullptr;
  const spec::Shape* description = nullptr;
  const spec::Shape* architecture = nullptr;
  const spec::Shape* max_results = nullptr;
  // D: UG ecr-public-using-tags ("50 tags per repository"); the model's TagList allows 200.
  int64_t tags_per_repository = 50;
  // D: quotas page (minimum layer part size, all parts but the last).
  int64_t min_part_bytes = int64_t{5} << 20;

  // Looks the shapes up by name; fails naming the first shape the model lacks.
  static Result<Limits> FromService(const spec::Service& service);
};

}  // namespace ecrc::prop
