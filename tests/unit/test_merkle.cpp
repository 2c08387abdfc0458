// The audit ledger's Merkle tree against the published RFC 6962/9162 reference vectors
// (transparency-dev/merkle testonly/constants.go, used as data), and proofs over every shape.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "collector/audit/merkle.h"

using namespace vakt::audit;

namespace {

std::string unhex(const std::string& h) {
    std::string out;
    for (std::size_t i = 0; i + 1 < h.size(); i += 2) out += static_cast<char>(std::stoi(h.substr(i, 2), nullptr, 16));
    return out;
}

const std::vector<std::string> kEntries = {"", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f"};
const std::vector<std::string> kRoots = {
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125", "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7", "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef", "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"};

std::vector<Hash> referenceLeaves() {
    std::vector<Hash> leaves;
    for (const auto& e : kEntries) leaves.push_back(leafHash(unhex(e)));
    return leaves;
}
RangeRoot from(const std::vector<Hash>& leaves) {
    return rangesOf([&leaves](std::uint64_t i) { return leaves.at(i); });
}

}  // namespace

TEST(Merkle, RootsMatchTheReferenceForEverySize) {
    const auto leaves = referenceLeaves();
    TreeBuilder builder;
    EXPECT_EQ(hex(builder.root()), kRoots[0]);
    for (std::size_t n = 1; n <= leaves.size(); ++n) {
        builder.append(leaves[n - 1]);
        EXPECT_EQ(hex(builder.root()), kRoots[n]) << n;
        EXPECT_EQ(hex(rootOf(std::span(leaves).first(n))), kRoots[n]) << n;
    }
}

TEST(Merkle, EveryCompletedSubtreeIsReportedWithItsRoot) {
    std::vector<Hash> leaves;
    for (int i = 0; i < 100; ++i) leaves.push_back(leafHash(std::to_string(i)));
    TreeBuilder builder;
    int reported = 0;
    for (const auto& leaf : leaves)
        builder.append(leaf, [&](int height, std::uint64_t index, const Hash& hash) {
            const std::uint64_t begin = index << height, end = (index + 1) << height;
            EXPECT_EQ(end, builder.size());  // complete when its last leaf arrives
            EXPECT_EQ(hex(hash), hex(rootOf(std::span(leaves).subspan(begin, end - begin)))) << height << " " << index;
            ++reported;
        });
    EXPECT_EQ(reported, 100 - 3);  // every leaf but one per set bit of 100 closes a node: n - popcount(n)
}

TEST(Merkle, ProofsMatchTheReference) {
    const auto leaves = referenceLeaves();
    auto hexes = [](const std::vector<Hash>& proof) {
        std::vector<std::string> out;
        for (const auto& h : proof) out.push_back(hex(h));
        return out;
    };
    using V = std::vector<std::string>;
    EXPECT_EQ(hexes(inclusionProof(0, 8, from(leaves))),
              (V{"96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7", "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                 "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"}));
    EXPECT_EQ(hexes(inclusionProof(5, 8, from(leaves))),
              (V{"bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b", "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                 "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"}));
    EXPECT_EQ(hexes(consistencyProof(2, 8, from(leaves))),
              (V{"5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e", "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"}));
    EXPECT_EQ(hexes(consistencyProof(6, 8, from(leaves))),
              (V{"0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a", "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                 "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"}));
    EXPECT_EQ(hexes(consistencyProof(2, 5, from(leaves))),
              (V{"5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e", "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"}));
}

TEST(Merkle, EveryProofVerifiesAndEveryAlteredOneFails) {
    std::vector<Hash> leaves;
    for (int i = 0; i < 37; ++i) leaves.push_back(leafHash(std::string{static_cast<char>(i), static_cast<char>(i * 7)}));
    std::vector<Hash> roots;
    for (std::size_t n = 0; n <= leaves.size(); ++n) roots.push_back(rootOf(std::span(leaves).first(n)));
    for (std::uint64_t n = 1; n <= leaves.size(); ++n) {
        for (std::uint64_t i = 0; i < n; ++i) {
            auto proof = inclusionProof(i, n, from(leaves));
            ASSERT_TRUE(verifyInclusion(i, n, leaves[i], proof, roots[n])) << i << "/" << n;
            if (n > 1) {
                EXPECT_FALSE(verifyInclusion((i + 1) % n, n, leaves[i], proof, roots[n])) << "wrong index " << i << "/" << n;
                EXPECT_FALSE(verifyInclusion(i, n, leaves[(i + 1) % n], proof, roots[n])) << "wrong leaf " << i << "/" << n;
                proof.front()[0] ^= 1;
                EXPECT_FALSE(verifyInclusion(i, n, leaves[i], proof, roots[n])) << "altered proof " << i << "/" << n;
            }
            if (n < leaves.size()) {
                EXPECT_FALSE(verifyInclusion(i, n + 1, leaves[i], inclusionProof(i, n, from(leaves)), roots[n + 1])) << "the next tree " << i << "/" << n;
            }
        }
        for (std::uint64_t m = 1; m <= n; ++m) {
            auto proof = consistencyProof(m, n, from(leaves));
            ASSERT_TRUE(verifyConsistency(m, n, roots[m], roots[n], proof)) << m << "->" << n;
            if (m < n) {
                EXPECT_FALSE(verifyConsistency(m, n, roots[m - 1], roots[n], proof)) << "wrong old root " << m << "->" << n;
                EXPECT_FALSE(verifyConsistency(m, n, roots[m], roots[n - 1], proof)) << "wrong new root " << m << "->" << n;
                proof.back()[5] ^= 0x40;
                EXPECT_FALSE(verifyConsistency(m, n, roots[m], roots[n], proof)) << "altered proof " << m << "->" << n;
            }
        }
    }
}

TEST(Merkle, HexRoundTripsAndRejectsGarbage) {
    const Hash h = leafHash("vakt");
    EXPECT_EQ(hashFromHex(hex(h)), h);
    EXPECT_FALSE(hashFromHex("zz"));
    EXPECT_FALSE(hashFromHex(std::string(64, 'g')));
}

TEST(Merkle, AResumedBuilderContinuesTheSameTree) {
    std::vector<Hash> leaves;
    for (int i = 0; i < 300; ++i) leaves.push_back(leafHash(std::to_string(i)));
    TreeBuilder whole;
    for (std::size_t cut = 0; cut < leaves.size(); cut += 37) {
        TreeBuilder first;
        for (std::size_t i = 0; i < cut; ++i) first.append(leaves[i]);
        auto resumed = TreeBuilder::fromFrontier(cut, first.frontier());
        ASSERT_TRUE(resumed) << cut;
        for (std::size_t i = cut; i < leaves.size(); ++i) resumed->append(leaves[i]);
        EXPECT_EQ(resumed->root(), rootOf(leaves)) << cut;
    }
    EXPECT_FALSE(TreeBuilder::fromFrontier(5, {leafHash("a")}));  // 5 = 4 + 1 needs two hashes
}
