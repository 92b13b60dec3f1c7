// The store under concurrent use: the invariants hold and no request waits on another's upload.
#include "reference/store.h"

#include <gtest/gtest.h>

#include <atomic>
#include <optional>
#include <thread>

#include "reference/test_util.h"

namespace ecrc::server::testing {
namespace {

TEST(Store, RemoveImageKeepsTagsOfOtherImages) {
  Store store;
  store.Write([](StoreState& s) {
    Repository repo;
    repo.name = "app";
    Repository* r = std::get<Repository*>(s.AddRepository(std::move(repo)));
    for (const char* d : {"sha256:aa", "sha256:bb"}) {
      Image image;
      image.digest = d;
      image.manifest = "{}";
      ASSERT_FALSE(s.AddImage(*r, image));
    }
    ASSERT_TRUE(std::holds_alternative<std::optional<std::string>>(s.ApplyImageTag(*r, "t", "sha256:aa", 1)));
    auto moved = s.ApplyImageTag(*r, "t", "sha256:bb", 2);
    EXPECT_EQ(std::get<std::optional<std::string>>(moved), std::optional<std::string>("sha256:aa"));
    EXPECT_TRUE(r->images.at("sha256:aa").tags.empty());
    s.RemoveImage(*r, "sha256:aa");
    EXPECT_EQ(r->image_tags.at("t").digest, "sha256:bb");
    EXPECT_EQ(r->images.size(), 1u);
  });
}

// The fuzz fixture skips restoring its snapshot when the count has not moved, so every Write
// must count and no Read may.
TEST(Store, CountsWritesNotReads) {
  Store store;
  uint64_t before = store.writes();
  store.Read([](const StoreState&) {});
  EXPECT_EQ(store.writes(), before);
  store.Write([](StoreState&) {});
  store.Write([](StoreState& s) { s.registry_display_name = "x"; });
  EXPECT_EQ(store.writes(), before + 2);
}

TEST(Store, ResetToReturnsToTheSnapshot) {
  Store store;
  auto add = [](StoreState& s, const std::string& name) {
    Repository repo;
    repo.name = name;
    return std::get<Repository*>(s.AddRepository(std::move(repo)));
  };
  std::optional<StoreState> snapshot;
  store.Write([&](StoreState& s) {
    add(s, "kept");
    Repository* changed = add(s, "changed");
    changed->tags.push_back({"k", "v"});
    add(s, "removed");
    s.registry_display_name = "before";
    snapshot = s;
  });
  store.Write([&](StoreState& s) {
    s.FindRepository("changed")->tags.clear();
    Image image;
    image.digest = "sha256:aa";
    image.manifest = "{}";
    ASSERT_FALSE(s.AddImage(*s.FindRepository("changed"), image));
    s.RemoveRepository("removed");
    add(s, "added");
    s.registry_display_name = "after";
    s.ResetTo(*snapshot);
  });
  store.Read([&](const StoreState& s) {
    EXPECT_EQ(s.repositories(), snapshot->repositories());
    EXPECT_EQ(s.registry_display_name, std::optional<std::string>("before"));
    EXPECT_EQ(s.FindRepository("added"), nullptr);
    ASSERT_NE(s.FindRepository("removed"), nullptr);
    EXPECT_EQ(s.FindRepository("changed")->tags.size(), 1u);
    EXPECT_TRUE(s.FindRepository("changed")->images.empty());
  });
}

TEST(Store, ConcurrentClientsKeepTheStoreConsistent) {
  TestServer t;
  t.CreateRepository("shared");
  std::atomic<int> server_errors{0};
  std::vector<std::thread> threads;
  for (int w = 0; w < 8; ++w) {
    threads.emplace_back([&, w] {
      for (int i = 0; i < 40; ++i) {
        std::string name = "w" + std::to_string(w) + "-" + std::to_string(i % 5);
        Reply r = t.Call("CreateRepository", {{"repositoryName", name}});
        if (r.status >= 500) ++server_errors;
        r = t.Call("DescribeRepositories", {{"maxResults", 3}});
        if (r.status >= 500) ++server_errors;
        r = t.Call("TagResource", {{"resourceArn", t.RepositoryArn("shared")},
                                   {"tags", {{{"Key", "k" + std::to_string(w)}, {"Value", std::to_string(i)}}}}});
        if (r.status >= 500) ++server_errors;
        if (i % 7 == 0) t.Call("DeleteRepository", {{"repositoryName", name}, {"force", true}});
        std::string manifest = t.Schema2Manifest("shared", "w" + std::to_string(w) + "i" + std::to_string(i % 3), true);
        r = t.PutImage("shared", manifest, "w" + std::to_string(w));
        if (r.status >= 500) ++server_errors;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(server_errors.load(), 0);
  Reply tags = t.Call("ListTagsForResource", {{"resourceArn", t.RepositoryArn("shared")}});
  EXPECT_EQ(tags.body["tags"].size(), 8u);
  // Every tag points at exactly one image and every image's tags point back at it.
  t.server().store().Read([](const StoreState& s) {
    const Repository* repo = s.FindRepository("shared");
    ASSERT_NE(repo, nullptr);
    EXPECT_EQ(repo->image_tags.size(), 8u);
    size_t tagged = 0;
    for (const auto& [digest, image] : repo->images) {
      for (const auto& tag : image.tags) {
        EXPECT_EQ(repo->image_tags.at(tag).digest, digest);
        ++tagged;
      }
    }
    EXPECT_EQ(tagged, 8u);
  });
}

}  // namespace
}  // namespace ecrc::server::testing
