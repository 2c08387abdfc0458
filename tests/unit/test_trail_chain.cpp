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

// A known answer, worked out outside Vakt from the format in core/trail_chain.h:
//   printf 'vakt-trail-v1\n64:%s\n1:1\n24:2026-06-01T12:00:00.000Z\n4:kari\n12:catalog.save\n13:catalog_entry\n6:svarut\n0:\n17:{"name":"SvarUt"}\n'
//     0000000000000000000000000000000000000000000000000000000000000000 | sha256sum   (the zeros are printf's argument)
TEST(TrailChain, HashHasAKnownAnswer) {
    const TrailEntry e{1, "2026-06-01T12:00:00.000Z", "kari", "catalog.save", "catalog_entry", "svarut", "", "{\"name\":\"SvarUt\"}",
                       std::string(64, '0'), {}};
    EXPECT_EQ(trailEntryHash(e), "1038b5b5b9b828fe5463a14527ac63332b8cf4ea9091d5892bcb194c72def17b");
}

// Every field is covered by the hash: changing any one of them changes it.
TEST(TrailChain, EveryFieldIsInTheHash) {
    const TrailEntry original = chain(1)[0];
    const std::string hash = trailEntryHash(original);
    std::vector<std::pair<const char*, void (*)(TrailEntry&)>> changes = {
        {"seq", [](TrailEntry& e) { e.seq += 1; }},
        {"at", [](TrailEntry& e) { e.at += "x"; }},
        {"actor", [](TrailEntry& e) { e.actor += "x"; }},
        {"action", [](TrailEntry& e) { e.action += "x"; }},
        {"entity", [](TrailEntry& e) { e.entity += "x"; }},
        {"entityKey", [](TrailEntry& e) { e.entityKey += "x"; }},
        {"before", [](TrailEntry& e) { e.before += "x"; }},
        {"after", [](TrailEntry& e) { e.after += "x"; }},
        {"prevHash", [](TrailEntry& e) { e.prevHash[0] = e.prevHash[0] == '0' ? '1' : '0'; }},
    };
    for (const auto& [field, change] : changes) {
        TrailEntry changed = original;
        change(changed);
        EXPECT_NE(trailEntryHash(changed), hash) << field;
    }
}

// Against countersigned heads: a chain rewritten consistently up to a signed entry, or cut
// before it, is caught; a chain that matches them verifies.
TEST(TrailChain, CountersignedHeadsCatchARewrittenOrCutChain) {
    const auto c = chain(6);
    auto check = [&](const std::vector<TrailEntry>& entries, std::vector<TrailCheckpoint> signedHeads) {
        TrailChainVerifier v(std::move(signedHeads));
        for (const auto& e : entries)
            if (auto p = v.feed(e)) return p;
        return v.finish(entries.back().seq, entries.back().hash);
    };
    EXPECT_EQ(check(c, {{4, c[3].hash, "t1"}, {6, c[5].hash, "t2"}}), std::nullopt);
    auto cut = check(std::vector<TrailEntry>(c.begin(), c.begin() + 4), {{6, c[5].hash, "t2"}});
    ASSERT_TRUE(cut);
    EXPECT_NE(cut->find("trail entry 5: missing"), std::string::npos) << *cut;
    // Entry 3 changed and every hash after it recomputed: the chain holds, the signed head does not.
    auto rewritten = c;
    rewritten[2].after = "{\"v\":99}";
    for (std::size_t i = 2; i < rewritten.size(); ++i) {
        if (i > 2) rewritten[i].prevHash = rewritten[i - 1].hash;
        rewritten[i].hash = trailEntryHash(rewritten[i]);
    }
    EXPECT_EQ(check(rewritten, {}), std::nullopt);
    auto caught = check(rewritten, {{4, c[3].hash, "t1"}});
    ASSERT_TRUE(caught);
    EXPECT_NE(caught->find("trail entry 4: differs from the head countersigned t1"), std::string::npos) << *caught;
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
