#include "collector/audit/merkle.h"

#include <algorithm>
#include <iterator>

#include "core/base/crypto.h"

namespace vakt::audit {

namespace {
Hash digest(std::initializer_list<std::string_view> parts) {
    unsigned char out[32];
    crypto::sha256(parts, out);
    Hash h;
    std::copy(std::begin(out), std::end(out), h.begin());
    return h;
}
std::string_view view(const Hash& h) { return {reinterpret_cast<const char*>(h.data()), h.size()}; }

// The largest power of two strictly below n (n > 1).
std::uint64_t splitPoint(std::uint64_t n) {
    std::uint64_t k = 1;
    while (k << 1 < n) k <<= 1;
    return k;
}

Hash subtreeRoot(std::uint64_t begin, std::uint64_t end, const LeafSource& leaves) {
    TreeBuilder b;
    for (std::uint64_t i = begin; i < end; ++i) b.append(leaves(i));
    return b.root();
}

void path(std::uint64_t m, std::uint64_t begin, std::uint64_t end, const RangeRoot& ranges, std::vector<Hash>& out) {
    const std::uint64_t n = end - begin;
    if (n <= 1) return;
    const std::uint64_t k = splitPoint(n);
    if (m < k) {
        path(m, begin, begin + k, ranges, out);
        out.push_back(ranges(begin + k, end));
    } else {
        path(m - k, begin + k, end, ranges, out);
        out.push_back(ranges(begin, begin + k));
    }
}

void subproof(std::uint64_t m, std::uint64_t begin, std::uint64_t end, bool complete, const RangeRoot& ranges, std::vector<Hash>& out) {
    const std::uint64_t n = end - begin;
    if (m == n) {
        if (!complete) out.push_back(ranges(begin, end));
        return;
    }
    const std::uint64_t k = splitPoint(n);
    if (m <= k) {
        subproof(m, begin, begin + k, complete, ranges, out);
        out.push_back(ranges(begin + k, end));
    } else {
        subproof(m - k, begin + k, end, false, ranges, out);
        out.push_back(ranges(begin, begin + k));
    }
}

bool lsb(std::uint64_t v) { return (v & 1u) != 0; }
}  // namespace

Hash leafHash(std::string_view entry) { return digest({std::string_view("\0", 1), entry}); }
Hash nodeHash(const Hash& left, const Hash& right) { return digest({std::string_view("\1", 1), view(left), view(right)}); }
Hash emptyRoot() { return digest({}); }

std::string hex(const Hash& h) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string out;
    out.reserve(64);
    for (unsigned char c : h) {
        out += digits[c >> 4];
        out += digits[c & 15];
    }
    return out;
}

std::optional<Hash> hashFromHex(std::string_view text) {
    if (text.size() != 64) return std::nullopt;
    Hash h{};
    auto nibble = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    };
    for (std::size_t i = 0; i < 32; ++i) {
        const int hi = nibble(text[2 * i]), lo = nibble(text[2 * i + 1]);
        if (hi < 0 || lo < 0) return std::nullopt;
        h[i] = static_cast<unsigned char>(hi * 16 + lo);
    }
    return h;
}

void TreeBuilder::append(const Hash& leaf) { append(leaf, {}); }

void TreeBuilder::append(const Hash& leaf, const NodeSink& onNode) {
    stack_.push_back({leaf, 0});
    ++size_;
    while (stack_.size() >= 2 && stack_[stack_.size() - 1].height == stack_[stack_.size() - 2].height) {
        Node right = stack_.back();
        stack_.pop_back();
        stack_.back().hash = nodeHash(stack_.back().hash, right.hash);
        const int height = ++stack_.back().height;
        if (onNode) onNode(height, (size_ >> height) - 1, stack_.back().hash);
    }
}

Hash TreeBuilder::root() const {
    if (stack_.empty()) return emptyRoot();
    // The perfect subtrees shrink from left to right; the RFC's recursion folds them from the right.
    Hash r = stack_.back().hash;
    for (std::size_t i = stack_.size() - 1; i-- > 0;) r = nodeHash(stack_[i].hash, r);
    return r;
}

std::vector<Hash> TreeBuilder::frontier() const {
    std::vector<Hash> out;
    for (const auto& n : stack_) out.push_back(n.hash);
    return out;
}

std::optional<TreeBuilder> TreeBuilder::fromFrontier(std::uint64_t size, const std::vector<Hash>& frontier) {
    TreeBuilder b;
    b.size_ = size;
    std::size_t next = 0;
    for (int height = 63; height >= 0; --height) {
        if (!(size >> height & 1u)) continue;
        if (next >= frontier.size()) return std::nullopt;
        b.stack_.push_back({frontier[next++], height});
    }
    if (next != frontier.size()) return std::nullopt;
    return b;
}

RangeRoot rangesOf(const LeafSource& leaves) {
    return [leaves](std::uint64_t begin, std::uint64_t end) { return subtreeRoot(begin, end, leaves); };
}

Hash rootOf(std::uint64_t size, const LeafSource& leaves) { return subtreeRoot(0, size, leaves); }

Hash rootOf(std::span<const Hash> leaves) {
    return rootOf(leaves.size(), [&](std::uint64_t i) { return leaves[i]; });
}

std::vector<Hash> inclusionProof(std::uint64_t index, std::uint64_t size, const RangeRoot& ranges) {
    std::vector<Hash> out;
    if (index >= size) return out;
    path(index, 0, size, ranges, out);
    return out;
}

std::vector<Hash> consistencyProof(std::uint64_t oldSize, std::uint64_t newSize, const RangeRoot& ranges) {
    std::vector<Hash> out;
    if (oldSize == 0 || oldSize >= newSize) return out;
    subproof(oldSize, 0, newSize, true, ranges, out);
    return out;
}

bool verifyInclusion(std::uint64_t index, std::uint64_t size, const Hash& leaf, std::span<const Hash> proof, const Hash& root) {
    if (index >= size) return false;
    std::uint64_t fn = index, sn = size - 1;
    Hash r = leaf;
    for (const Hash& p : proof) {
        if (sn == 0) return false;
        if (lsb(fn) || fn == sn) {
            r = nodeHash(p, r);
            if (!lsb(fn))
                while (!lsb(fn) && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
        } else {
            r = nodeHash(r, p);
        }
        fn >>= 1;
        sn >>= 1;
    }
    return sn == 0 && r == root;
}

bool verifyConsistency(std::uint64_t oldSize, std::uint64_t newSize, const Hash& oldRoot, const Hash& newRoot, std::span<const Hash> proof) {
    if (oldSize > newSize) return false;
    if (oldSize == newSize) return proof.empty() && oldRoot == newRoot;
    if (oldSize == 0) return proof.empty();  // the empty tree is a prefix of every tree
    if (proof.empty()) return false;
    std::vector<Hash> path;
    if ((oldSize & (oldSize - 1)) == 0) path.push_back(oldRoot);  // a power of two is its own first node
    path.insert(path.end(), proof.begin(), proof.end());
    std::uint64_t fn = oldSize - 1, sn = newSize - 1;
    while (lsb(fn)) {
        fn >>= 1;
        sn >>= 1;
    }
    Hash fr = path[0], sr = path[0];
    for (std::size_t i = 1; i < path.size(); ++i) {
        const Hash& c = path[i];
        if (sn == 0) return false;
        if (lsb(fn) || fn == sn) {
            fr = nodeHash(c, fr);
            sr = nodeHash(c, sr);
            if (!lsb(fn))
                while (!lsb(fn) && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
        } else {
            sr = nodeHash(sr, c);
        }
        fn >>= 1;
        sn >>= 1;
    }
    return fr == oldRoot && sr == newRoot && sn == 0;
}

}  // namespace vakt::audit
