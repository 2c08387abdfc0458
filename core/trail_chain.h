#pragma once
// The maths of the app's hash-chained trail, kept free of I/O so it can be tested directly.
// Each entry's hash covers its own fields and the previous entry's hash; every field is length
// prefixed, so no two different entries serialise to the same bytes.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace vakt {

struct TrailEntry {
    std::int64_t seq = 0;
    std::string at;  // ISO 8601 UTC, milliseconds
    std::string actor;
    std::string action;  // e.g. "catalog.update"
    std::string entity;  // e.g. "catalog_entry"
    std::string entityKey;
    std::string before;  // canonical JSON, empty for creations
    std::string after;   // canonical JSON, empty for deletions
    std::string prevHash;
    std::string hash;
};

inline const std::string kTrailGenesisHash(64, '0');

std::string trailEntryHash(const TrailEntry& entry);

// A trail head countersigned by whoever holds the ledger's signing key: entry `seq` had `hash`.
struct TrailCheckpoint {
    std::int64_t seq = 0;
    std::string hash;
    std::string signedAt;  // when it was signed, for messages
};

// Feed entries in seq order; reports the first entry that breaks the chain.
class TrailChainVerifier {
public:
    TrailChainVerifier() = default;
    // Entries must also match these signed heads, and the trail must reach the newest of them:
    // a rewritten chain or cut end is caught even when it was made consistent with itself.
    explicit TrailChainVerifier(std::vector<TrailCheckpoint> checkpoints);
    // Returns a reason when this entry is not the intact successor of the previous one.
    std::optional<std::string> feed(const TrailEntry& entry);
    // After the last entry: the stored head must name the last entry verified.
    std::optional<std::string> finish(std::int64_t headSeq, const std::string& headHash) const;
    std::int64_t verified() const { return lastSeq_; }

private:
    std::int64_t lastSeq_ = 0;
    std::string lastHash_ = kTrailGenesisHash;
    std::vector<TrailCheckpoint> checkpoints_;  // by seq
    std::size_t nextCheckpoint_ = 0;
};

}  // namespace vakt
