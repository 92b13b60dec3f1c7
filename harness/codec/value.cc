#include "harness/codec/value.h"

#include "base/base64.h"

namespace ecrc::codec {
namespace {

using nlohmann::json;
using spec::Shape;
using spec::ShapeType;

// Applies `leaf` to every blob position under `shape`, rebuilding containers along the way.
template <typename Leaf>
json MapBlobs(const Shape& shape, const json& in, const Leaf& leaf) {
  switch (shape.type) {
    case ShapeType::kBlob: return leaf(in);
    case ShapeType::kStructure: {
      if (!in.is_object()) return in;
      json out = in;
      for (const auto& m : shape.members) {
        auto it = out.find(m.name);
        if (it != out.end()) *it = MapBlobs(*m.shape, *it, leaf);
      }
      return out;
    }
    case ShapeType::kList: {
      if (!in.is_array()) return in;
      json out = json::array();
      for (const auto& item : in) out.push_back(MapBlobs(*shape.member, item, leaf));
      return out;
    }
    case ShapeType::kMap: {
      if (!in.is_object()) return in;
      json out = json::object();
      for (const auto& [k, v] : in.items()) out[k] = MapBlobs(*shape.value, v, leaf);
      return out;
    }
    default: return in;
  }
}

}  // namespace

json ValueToWire(const Shape& shape, const Value& value) {
  return MapBlobs(shape, value, [](const json& v) -> json {
    if (!v.is_binary()) return v;
    const auto& bytes = v.get_binary();
    return Base64Encode(std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
  });
}

Value WireToValue(const Shape& shape, const json& wire) {
  return MapBlobs(shape, wire, [](const json& v) -> json {
    if (!v.is_string()) return v;
    auto bytes = Base64Decode(v.get_ref<const std::string&>());
    return bytes ? BlobValue(*bytes) : v;
  });
}

Value BlobValue(std::string_view bytes) {
  return json::binary(std::vector<std::uint8_t>(bytes.begin(), bytes.end()));
}

}  // namespace ecrc::codec
