#pragma once
// The Merkle tree of RFC 9162 (Certificate Transparency 2.0), section 2.1: leaf hashes are
// SHA-256(0x00 || entry), interior nodes SHA-256(0x01 || left || right), a tree of n leaves
// splits at the largest power of two below n, and nothing is duplicated. Inclusion and
// consistency proofs are produced and verified exactly as the RFC describes, so any RFC 9162
// implementation can check them. Plain C++: no I/O.
#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace vakt::audit {

using Hash = std::array<unsigned char, 32>;

Hash leafHash(std::string_view entry);
Hash nodeHash(const Hash& left, const Hash& right);
Hash emptyRoot();  // SHA-256 of nothing: the root of a tree with no leaves
std::string hex(const Hash& h);
std::optional<Hash> hashFromHex(std::string_view text);

// Builds roots while leaves are appended in order, keeping only O(log n) hashes: one per
// perfect subtree of the binary decomposition of the size.
class TreeBuilder {
public:
    void append(const Hash& leaf);
    // The same, telling `onNode` of each perfect subtree the leaf completes (height >= 1): the
    // one covering leaves [index * 2^height, (index + 1) * 2^height).
    using NodeSink = std::function<void(int height, std::uint64_t index, const Hash& hash)>;
    void append(const Hash& leaf, const NodeSink& onNode);
    std::uint64_t size() const { return size_; }
    Hash root() const;
    // The roots of the perfect subtrees, largest first: all it takes to continue the tree.
    std::vector<Hash> frontier() const;
    // Fails (nullopt) when the number of hashes does not fit the size.
    static std::optional<TreeBuilder> fromFrontier(std::uint64_t size, const std::vector<Hash>& frontier);

private:
    struct Node {
        Hash hash;
        int height;
    };
    std::vector<Node> stack_;
    std::uint64_t size_ = 0;
};

// The tree's leaf hashes, read on demand (from memory or a database).
using LeafSource = std::function<Hash(std::uint64_t index)>;
// MTH(D[begin:end]): the root of a range of leaves. A proof needs O(log n) of them; a ledger
// answers them from stored subtree roots instead of hashing every leaf.
using RangeRoot = std::function<Hash(std::uint64_t begin, std::uint64_t end)>;
RangeRoot rangesOf(const LeafSource& leaves);

Hash rootOf(std::uint64_t size, const LeafSource& leaves);
Hash rootOf(std::span<const Hash> leaves);
// PATH(m, D[n]) of RFC 9162 2.1.3.1.
std::vector<Hash> inclusionProof(std::uint64_t index, std::uint64_t size, const RangeRoot& ranges);
// PROOF(m, D[n]) of RFC 9162 2.1.4.1.
std::vector<Hash> consistencyProof(std::uint64_t oldSize, std::uint64_t newSize, const RangeRoot& ranges);

// RFC 9162 2.1.3.2 and 2.1.4.2.
bool verifyInclusion(std::uint64_t index, std::uint64_t size, const Hash& leaf, std::span<const Hash> proof, const Hash& root);
bool verifyConsistency(std::uint64_t oldSize, std::uint64_t newSize, const Hash& oldRoot, const Hash& newRoot, std::span<const Hash> proof);

}  // namespace vakt::audit
