// The abstract registry the property suite predicts every response from: plain values, cheap to
// copy, changed only by the commands' apply() (RapidCheck re-derives it while shrinking).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace ecrc::prop {

struct Limits;

// An image as the model knows it: the exact manifest bytes pushed and what they reference.
struct Image {
  std::string digest;              // sha256 of `manifest`
  std::string manifest;
  std::string media_type;
  std::string config_media_type;   // "" for indexes
  std::vector<std::string> blobs;  // config + layers (manifests) in manifest order
  std::vector<std::string> children;  // referenced manifest digests (indexes)
  std::set<std::string> tags;
};

// Bytes received so far by one upload; parts are kept to judge the 5 MiB minimum at completion.
struct Upload {
  std::string repository;  // the repository suffix it was initiated for
  std::string bytes;
  std::vector<int64_t> part_sizes;
};

struct Repository {
  // Catalog data as the endpoint may now return it (output form, logoUrl left out). More than
  // one entry when the fact sheet leaves open how a put combines with what was there (merge or
  // replace, U): the endpoint's answer must equal one of them.
  std::vector<nlohmann::json> catalog = {nlohmann::json::object()};
  std::map<std::string, std::string> tags;
  std::optional<std::string> policy;           // the policy text as sent
  std::map<std::string, int64_t> layers;       // digest -> size
  std::map<std::string, Image> images;         // digest -> image
};

struct Model {
  const Limits* limits = nullptr;
  std::map<std::string, Repository> repositories;  // keyed by name suffix (the case prefix is the Sut's)
  std::map<int, Upload> uploads;                   // keyed by handle; the Sut maps handles to upload ids
  int next_upload = 0;
  // What the registry's display name may now read as ("" also stands for "not set"). More than
  // one when a put of "" may have cleared it or kept the old one (U, fact sheet §4 item 18).
  std::set<std::string> display_name = {""};

  const Repository* Find(const std::string& suffix) const;
  Repository* Find(const std::string& suffix);
  // The digest `tag` names in `repo`, if any.
  std::optional<std::string> DigestOfTag(const Repository& repo, const std::string& tag) const;
  // Digests of images in `repo` whose index lists `digest`.
  std::vector<std::string> Parents(const Repository& repo, const std::string& digest) const;
  // Removes an image and its tags.
  static void RemoveImage(Repository& repo, const std::string& digest);
};

// Sizes the fact sheet allows for DescribeImages' imageSizeInBytes: the layers' sizes, with or
// without the config blob (U); for an index the largest of its manifests' (D).
std::set<int64_t> AcceptableImageSizes(const Repository& repo, const Image& image);

}  // namespace ecrc::prop
