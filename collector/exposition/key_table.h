#pragma once
// An open-addressing table from 64-bit hashes to 32-bit indices that keeps its memory across
// clear(). Scrape parsing uses it once per series, so it must not allocate per insert as
// std::unordered_set does; clear() is O(1) through a generation count.
#include <cstdint>
#include <vector>

namespace vakt::expo {

class KeyTable {
public:
    void clear() {
        ++generation_;
        used_ = 0;
    }

    // Room for n entries without growing.
    void reserve(std::size_t n) {
        while ((n + 1) * 2 > slots_.size()) grow();
    }

    // Inserts (hash, index) unless an entry with the same hash satisfies `same(existingIndex)`;
    // then returns false and leaves the table as it was. Equal hashes of different things
    // (collisions) each get their own entry.
    template <typename Same>
    bool insertUnless(std::uint64_t hash, std::uint32_t index, Same same) {
        if ((used_ + 1) * 2 > slots_.size()) grow();
        const std::size_t mask = slots_.size() - 1;
        for (std::size_t i = spread(hash) & mask;; i = (i + 1) & mask) {
            Slot& s = slots_[i];
            if (s.generation != generation_) {
                s = Slot{hash, index, generation_};
                ++used_;
                return true;
            }
            if (s.hash == hash && same(s.index)) return false;
        }
    }
    // For keys that are identities already: false when the hash is present.
    bool insert(std::uint64_t hash) {
        return insertUnless(hash, 0, [](std::uint32_t) { return true; });
    }
    std::size_t size() const { return used_; }

private:
    struct Slot {
        std::uint64_t hash = 0;
        std::uint32_t index = 0;
        std::uint32_t generation = 0;
    };
    static std::uint64_t spread(std::uint64_t h) {
        h ^= h >> 33;
        h *= 0xff51afd7ed558ccdull;
        return h ^ (h >> 33);
    }
    void grow() {
        std::vector<Slot> old;
        old.swap(slots_);
        slots_.assign(old.empty() ? 64 : old.size() * 2, Slot{});
        const std::uint32_t previous = generation_;
        generation_ = 1;  // fresh slots hold generation 0, so they read as empty
        used_ = 0;
        const std::size_t mask = slots_.size() - 1;
        for (const Slot& s : old) {
            if (s.generation != previous) continue;
            std::size_t i = spread(s.hash) & mask;
            while (slots_[i].generation == generation_) i = (i + 1) & mask;
            slots_[i] = Slot{s.hash, s.index, generation_};
            ++used_;
        }
    }

    std::vector<Slot> slots_;
    std::uint32_t generation_ = 1;
    std::size_t used_ = 0;
};

}  // namespace vakt::expo
