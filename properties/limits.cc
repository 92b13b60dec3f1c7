#include "properties/limits.h"

namespace ecrc::prop {

Result<Limits> Limits::FromService(const spec::Service& service) {
  Limits l;
  l.service = &service;
  struct Want {
    const spec::Shape** slot;
    const char* name;
  } wants[] = {{&l.repository_name, "RepositoryName"}, {&l.image_tag, "ImageTag"},
               {&l.tag_key, "TagKey"},                {&l.tag_value, "TagValue"},
               {&l.display_name, "RegistryDisplayName"}, {&l.description, "RepositoryDescription"},
               {&l.architecture, "Architecture"},     {&l.max_results, "MaxResults"}};
  for (const auto& w : wants) {
    *w.slot = service.FindShape(w.name);
    if (*w.slot == nullptr) return Status::Error(std::string("the model has no shape '") + w.name + "' the property suite needs");
  }
  return l;
}

}  // namespace ecrc::prop
