#include <gtest/gtest.h>

#include <vector>

#include "core/trail_chain.h"

using namespace vakt;

namespace {
std::vector<TrailEntry> chain(int n) {
    std::vector<TrailEntry> out;
    std::string prev = kTrailGenesisHash;
    for (int i = 1; i <= n; ++i) {
        TrailEntry e{i, "2026-01-01T00:00:0" + std::to_string(i) + ".000Z", "kari", "catalog.update", "catalog_entry", "svarut",
                     "{\"v\":" + std::to_string(i - 1) + "}", "{\"v\":" + std::to_string(i) + "}", prev, {}};
        e.hash = trailEntryHash(e);
        prev = e.hash;
        out.push_back(e);
    }
    return out;
}

std::optional<std::string> verify(const std::vector<TrailEntry>& entries, std::int64_t headSeq, const std::string& headHash) {
    TrailChainVerifier v;
    for (const auto& e : entries)
        if (auto p = v.feed(e)) return p;
    return v.finish(headSeq, headHash);
}
}  // namespace

TEST(TrailChain, IntactChainVerifies) {
    auto c = chain(5);
    EXPECT_EQ(verify(c, 5, c.back().hash), std::nullopt);
}

TEST(TrailChain, FieldBoundariesMatter) {
    auto c = chain(1);
    TrailEntry shifted = c[0];
    shifted.actor = "kar";
    shifted.action = "icatalog.update";
    EXPECT_NE(trailEntryHash(shifted), c[0].hash);
}

TEST(TrailChain, EachManipulationNamesTheFirstBadEntry) {
    auto c = chain(6);
    auto changed = c;
    changed[2].after = "{\"v\":99}";
    EXPECT_NE(verify(changed, 6, c.back().hash)->find("trail entry 3"), std::string::npos);

    auto rehashed = c;  // attacker recomputes the changed entry's hash, not its successors'
    rehashed[2].after = "{\"v\":99}";
    rehashed[2].hash = trailEntryHash(rehashed[2]);
    EXPECT_NE(verify(rehashed, 6, c.back().hash)->find("trail entry 4"), std::string::npos);

    auto deleted = c;
    deleted.erase(deleted.begin() + 3);
    EXPECT_NE(verify(deleted, 6, c.back().hash)->find("trail entry 4"), std::string::npos);

    auto swapped = c;
    std::swap(swapped[1], swapped[2]);
    std::swap(swapped[1].seq, swapped[2].seq);
    EXPECT_NE(verify(swapped, 6, c.back().hash)->find("trail entry 2"), std::string::npos);

    auto truncated = c;
    truncated.pop_back();
    EXPECT_NE(verify(truncated, 6, c.back().hash)->find("trail entry 6"), std::string::npos);
}
