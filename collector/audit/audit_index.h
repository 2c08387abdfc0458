#pragma once
// How the audit ledger's search index is keyed, shared by the ledger and the migration that
// built the index for ledgers written before it.
//
// The index holds (bucket, term, time, seq) for the actor and the subject of every event. Terms
// are HMAC pseudonyms or integration ids, so they arrive in random order; a B-tree over them
// alone makes every insert touch a random page of an index as large as the ledger. With the
// hour bucket leading the key, new entries go to the few recent hours, which stay in the page
// cache, and a search visits each hour of the period once, in time order.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/database.h"

namespace vakt::audit_index {

inline constexpr std::int64_t kBucketMs = 3600 * 1000;

inline std::int64_t bucketOf(std::int64_t timeMs) { return timeMs >= 0 ? timeMs / kBucketMs : -((-timeMs - 1) / kBucketMs) - 1; }

enum class Role : char { Actor = 'a', Subject = 's' };

// The first 8 bytes of SHA-256 over the role and the key: a compact key for the index. Rows
// found through it are checked against the key itself, so a collision costs a row, not a wrong answer.
std::int64_t term(Role role, std::string_view key);

// One accepted event as the ledger stores it (leafHash: the 32 raw bytes).
struct Row {
    std::int64_t seq = 0, timeMs = 0;
    std::string_view service, action, actorKey, actorOrg, subjectKey, result, canonical, leafHash, source;
    std::int64_t sourceLine = 0;
};

// Whether a RowWriter also keeps audit_actor_activity (the ledger's version 6): ingest's does;
// the migration to version 2 runs before that table exists, and version 6 fills it from the events.
enum class Activity { Keep, Skip };

// Writes events with their index entries, inside the caller's transaction. It remembers the
// buckets it has recorded, so after a rolled-back transaction it is thrown away, not reused.
//
// With Activity::Keep it also keeps audit_actor_activity: per actor, organisation and service,
// the newest time and the number of events whose result is "ok" (a denied or failed attempt is
// not a use of a privilege). add() counts them in memory; finish() writes one upsert per
// distinct key of what was added since the last finish().
class RowWriter {
public:
    static Result<RowWriter> prepare(Database& db, Activity activity);
    Status add(const Row& row);
    // Writes what add() buffered (PostgreSQL streams rows with COPY); before the commit.
    Status finish();

private:
    struct Entry {
        std::int64_t bucket, term, timeMs, seq;
        auto operator<=>(const Entry&) const = default;
    };
    struct ActivityCount {
        std::string actorKey, actorOrg, service;
        std::int64_t lastMs = 0, events = 0;
    };
    std::vector<Entry> entries_;  // index entries of what add() took, written sorted by finish()
    std::unique_ptr<BulkInsert> event_, index_;
    std::unique_ptr<Statement> bucket_;
    std::unordered_set<std::int64_t> buckets_;  // already recorded
    // Activity::Keep only: the upsert, and what add() counted since the last finish(); activityAt_
    // finds a key's place in activity_ by the key's three parts, each after its length.
    std::unique_ptr<Statement> activityUpsert_;
    std::vector<ActivityCount> activity_;
    std::unordered_map<std::string, std::size_t> activityAt_;
    std::string activityKey_;  // reused, so an actor seen before in the batch costs no allocation
};

}  // namespace vakt::audit_index
