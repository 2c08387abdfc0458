#include "collector/audit/audit_index.h"

#include <algorithm>
#include <cstring>
#include <tuple>

#include "core/base/crypto.h"

namespace vakt::audit_index {

std::int64_t term(Role role, std::string_view key) {
    const char prefix[2] = {static_cast<char>(role), '\0'};
    unsigned char digest[32];
    crypto::sha256({std::string_view(prefix, 2), key}, digest);
    // Read big-endian, so a database moved to another machine keeps its index.
    std::uint64_t out = 0;
    for (int i = 0; i < 8; ++i) out = out << 8 | digest[i];
    return static_cast<std::int64_t>(out);
}

Result<RowWriter> RowWriter::prepare(Database& db, Activity activity) {
    RowWriter w;
    auto event = db.bulkInsert(QStringLiteral("audit_events"), {QStringLiteral("seq"), QStringLiteral("time_ms"), QStringLiteral("service"),
                                                                QStringLiteral("action"), QStringLiteral("actor_key"), QStringLiteral("actor_org"),
                                                                QStringLiteral("subject_key"), QStringLiteral("result"), QStringLiteral("canonical"),
                                                                QStringLiteral("leaf_hash"), QStringLiteral("source"), QStringLiteral("source_line")});
    if (!event) return event.error();
    auto index = db.bulkInsert(QStringLiteral("audit_index"), {QStringLiteral("bucket"), QStringLiteral("term"), QStringLiteral("time_ms"), QStringLiteral("seq")});
    if (!index) return index.error();
    auto bucket = db.prepare(QStringLiteral("INSERT INTO audit_buckets (bucket) VALUES (?) ON CONFLICT (bucket) DO NOTHING"));
    if (!bucket) return bucket.error();
    w.event_ = std::move(*event);
    w.index_ = std::move(*index);
    w.bucket_ = std::move(*bucket);
    if (activity == Activity::Keep) {
        // The same SQL on SQLite (3.24 and later) and PostgreSQL.
        auto upsert = db.prepare(QStringLiteral(
            "INSERT INTO audit_actor_activity (actor_key, actor_org, service, last_ms, events) VALUES (?, ?, ?, ?, ?)"
            " ON CONFLICT (actor_key, actor_org, service) DO UPDATE SET"
            " last_ms = CASE WHEN excluded.last_ms > audit_actor_activity.last_ms THEN excluded.last_ms ELSE audit_actor_activity.last_ms END,"
            " events = audit_actor_activity.events + excluded.events"));
        if (!upsert) return upsert.error();
        w.activityUpsert_ = std::move(*upsert);
    }
    return w;
}

Status RowWriter::finish() {
    if (auto s = event_->flush(); !s) return s;
    // In key order, the index's B-tree takes them page by page instead of at random places:
    // about a third less work for the database (tests/bench/audit_ingest_postgres.sh).
    std::sort(entries_.begin(), entries_.end());
    for (const Entry& e : entries_) {
        for (std::int64_t v : {e.bucket, e.term, e.timeMs, e.seq}) index_->integer(v);
        if (auto s = index_->endRow(); !s) return s;
    }
    entries_.clear();
    if (auto s = index_->flush(); !s) return s;
    if (activity_.empty()) return {};
    activityAt_.clear();  // its places are lost by the sort
    // In key order: neighbouring keys share pages, and concurrent writers take row locks in one order.
    std::sort(activity_.begin(), activity_.end(), [](const ActivityCount& a, const ActivityCount& b) {
        return std::tie(a.actorKey, a.actorOrg, a.service) < std::tie(b.actorKey, b.actorOrg, b.service);
    });
    Statement& upsert = *activityUpsert_;
    for (const ActivityCount& a : activity_) {
        upsert.bindText(0, a.actorKey);
        upsert.bindText(1, a.actorOrg);
        upsert.bindText(2, a.service);
        upsert.bind(3, a.lastMs);
        upsert.bind(4, a.events);
        if (auto s = upsert.exec(); !s) return s;
    }
    activity_.clear();
    return {};
}

Status RowWriter::add(const Row& row) {
    BulkInsert& e = *event_;
    e.integer(row.seq);
    e.integer(row.timeMs);
    for (std::string_view text : {row.service, row.action, row.actorKey, row.actorOrg, row.subjectKey, row.result, row.canonical}) e.text(text);
    e.blob(row.leafHash);
    e.text(row.source);
    e.integer(row.sourceLine);
    if (auto s = e.endRow(); !s) return s;
    const std::int64_t bucket = bucketOf(row.timeMs);
    if (buckets_.insert(bucket).second) {
        bucket_->bind(0, bucket);
        if (auto s = bucket_->exec(); !s) return s;
    }
    entries_.push_back({bucket, term(Role::Actor, row.actorKey), row.timeMs, row.seq});
    if (!row.subjectKey.empty()) entries_.push_back({bucket, term(Role::Subject, row.subjectKey), row.timeMs, row.seq});
    // Only a use counts: a denied or failed attempt is not one (the column holds "ok" for an
    // event written without a result, as the parser reads it).
    if (activityUpsert_ && row.result == "ok") {
        activityKey_.clear();
        for (std::string_view part : {row.actorKey, row.actorOrg, row.service}) {
            const auto length = static_cast<std::uint64_t>(part.size());
            char bytes[sizeof length];
            std::memcpy(bytes, &length, sizeof length);
            activityKey_.append(bytes, sizeof bytes);
            activityKey_.append(part);
        }
        const auto [at, added] = activityAt_.try_emplace(activityKey_, activity_.size());
        if (added) activity_.push_back({std::string(row.actorKey), std::string(row.actorOrg), std::string(row.service), row.timeMs, 0});
        ActivityCount& a = activity_[at->second];
        a.lastMs = std::max(a.lastMs, row.timeMs);
        ++a.events;
    }
    return {};
}

}  // namespace vakt::audit_index
