#include "harness/codec/value.h"

#include "base/base64.h"

namespace ecrc::codec {
namespace {

using nlohmann::json;
using spec::Shape;
using spec::ShapeType;

// Scalars other than blobs hold nothing to convert, so MapBlobs does not even look their members
// up: most members are strings, and the lookups were most of its walk.
bool MayHoldBlobs(const Shape& shape) { return shape.type == ShapeType::kBlob || !shape.IsScalar(); }

// Applies `leaf` to every blob position under `shape`, in place: a request or response is
// converted once per message, and copying each level's subtree again cost more than the rest of
// the round trip.
template <typename Leaf>
void MapBlobs(const Shape& shape, json& v, const Leaf& leaf) {
  switch (shape.type) {
    case ShapeType::kBlob: leaf(v); return;
    case ShapeType::kStructure: {
      if (!v.is_object()) return;
      for (const auto& m : shape.members) {
        if (!MayHoldBlobs(*m.shape)) continue;
        auto it = v.find(m.name);
        if (it != v.end()) MapBlobs(*m.shape, *it, leaf);
      }
      return;
    }
    case ShapeType::kList:
      if (!v.is_array() || !MayHoldBlobs(*shape.member)) return;
      for (auto& item : v) MapBlobs(*shape.member, item, leaf);
      return;
    case ShapeType::kMap:
      if (!v.is_object() || !MayHoldBlobs(*shape.value)) return;
      for (auto& item : v) MapBlobs(*shape.value, item, leaf);
      return;
    default: return;
  }
}

void BlobToText(json& v) {
  if (!v.is_binary()) return;
  const auto& bytes = v.get_binary();
  v = Base64Encode(std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
}

void TextToBlob(json& v) {
  if (!v.is_string()) return;
  auto bytes = Base64DecodeBytes(v.get_ref<const std::string&>());
  if (bytes) v = BlobValue(std::move(*bytes));
}

}  // namespace

json ValueToWire(const Shape& shape, Value value) {
  MapBlobs(shape, value, BlobToText);
  return value;
}

Value WireToValue(const Shape& shape, json wire) {
  MapBlobs(shape, wire, TextToBlob);
  return wire;
}

Value BlobValue(std::string_view bytes) { return BlobValue(std::vector<std::uint8_t>(bytes.begin(), bytes.end())); }

Value BlobValue(std::vector<std::uint8_t> bytes) { return json::binary(std::move(bytes)); }

}  // namespace ecrc::codec
