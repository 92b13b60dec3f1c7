#include "harness/codec/json_writer.h"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>

#include "base/base64.h"
#include "base/utf8.h"

namespace ecrc::codec {

namespace {

// Length of the prefix of `s` that JSON copies as it is (no control character, quote or
// backslash), eight bytes at a time: strings rarely need escaping, and a per-byte loop costs a
// traced comparison per byte under fuzzing instrumentation.
// With `ascii_only`, the prefix also stops at the first byte above 0x7F.
size_t PlainPrefix(std::string_view s, bool ascii_only) {
  constexpr uint64_t kOnes = 0x0101010101010101ULL;
  constexpr uint64_t kHigh = 0x8080808080808080ULL;
  auto has_zero = [](uint64_t v) { return ((v - kOnes) & ~v & kHigh) != 0; };
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    bool control = ((w - kOnes * 0x20) & ~w & kHigh) != 0;  // some byte below 0x20
    if (control || has_zero(w ^ (kOnes * '"')) || has_zero(w ^ (kOnes * '\\')) || (ascii_only && (w & kHigh))) break;
  }
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 || c == '"' || c == '\\' || (ascii_only && c > 0x7F)) break;
    ++i;
  }
  return i;
}

}  // namespace

void AppendJsonString(std::string_view s, std::string& out) {
  // Most strings are ASCII with nothing to escape: one scan, one copy.
  size_t ascii = PlainPrefix(s, true);
  if (ascii == s.size()) {
    out += '"';
    out.append(s);
    out += '"';
    return;
  }
  if (!Utf8Length(s.substr(ascii))) {  // rare (deliberately broken values): nlohmann's replacement, exactly
    out += nlohmann::json(std::string(s)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return;
  }
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  size_t run = 0;  // start of the bytes not yet copied
  for (size_t i = ascii; i < s.size(); ++i) {
    i += PlainPrefix(s.substr(i), false);
    if (i == s.size()) break;
    unsigned char c = static_cast<unsigned char>(s[i]);
    out.append(s.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default:
        out += "\\u00";
        out += kHex[c >> 4];
        out += kHex[c & 0xf];
    }
  }
  out.append(s.data() + run, s.size() - run);
  out += '"';
}

namespace {

template <typename T>
void AppendNumber(T v, std::string& out) {
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, end);
}

void AppendDouble(double v, std::string& out) {
  if (!std::isfinite(v)) {  // JSON has no NaN or infinity; nlohmann writes null
    out += "null";
    return;
  }
  char buf[64];
  // Plain decimals for the magnitudes timestamps have, exponents only far out (as nlohmann).
  double magnitude = std::fabs(v);
  bool fixed = magnitude == 0 || (magnitude >= 1e-4 && magnitude < 1e15);
  auto [end, ec] = fixed ? std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed)
                         : std::to_chars(buf, buf + sizeof buf, v, std::chars_format::scientific);
  std::string_view text(buf, static_cast<size_t>(end - buf));
  out += text;
  // Keep a float recognisable as one, as nlohmann does (1700000000.0, not 1700000000).
  if (text.find_first_of(".eE") == std::string_view::npos) out += ".0";
}

}  // namespace

void AppendJson(const nlohmann::json& value, std::string& out) {
  using nlohmann::json;
  switch (value.type()) {
    case json::value_t::object: {
      out += '{';
      bool first = true;
      for (const auto& [key, child] : value.items()) {
        if (!first) out += ',';
        first = false;
        AppendJsonString(key, out);
        out += ':';
        AppendJson(child, out);
      }
      out += '}';
      return;
    }
    case json::value_t::array: {
      out += '[';
      bool first = true;
      for (const auto& child : value) {
        if (!first) out += ',';
        first = false;
        AppendJson(child, out);
      }
      out += ']';
      return;
    }
    case json::value_t::string: AppendJsonString(value.get_ref<const std::string&>(), out); return;
    case json::value_t::boolean: out += value.get<bool>() ? "true" : "false"; return;
    case json::value_t::number_integer: AppendNumber(value.get<int64_t>(), out); return;
    case json::value_t::number_unsigned: AppendNumber(value.get<uint64_t>(), out); return;
    case json::value_t::number_float: AppendDouble(value.get<double>(), out); return;
    case json::value_t::binary: {
      const auto& bytes = value.get_binary();
      out += '"';  // base64 needs no escaping
      AppendBase64(std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()), out);
      out += '"';
      return;
    }
    case json::value_t::null:
    case json::value_t::discarded: out += "null"; return;
  }
}

}  // namespace ecrc::codec
