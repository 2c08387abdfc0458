#include "collector/audit/audit_index.h"

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

Result<RowWriter> RowWriter::prepare(Database& db) {
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
    return w;
}

Status RowWriter::finish() {
    if (auto s = event_->flush(); !s) return s;
    return index_->flush();
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
    auto index = [&](Role role, std::string_view key) {
        index_->integer(bucket);
        index_->integer(term(role, key));
        index_->integer(row.timeMs);
        index_->integer(row.seq);
        return index_->endRow();
    };
    if (auto s = index(Role::Actor, row.actorKey); !s) return s;
    if (!row.subjectKey.empty())
        if (auto s = index(Role::Subject, row.subjectKey); !s) return s;
    return {};
}

}  // namespace vakt::audit_index
