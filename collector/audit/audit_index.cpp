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
    auto event = db.prepare(QStringLiteral("INSERT INTO audit_events (seq, time_ms, service, action, actor_key, actor_org, subject_key, result, canonical,"
                                           " leaf_hash, source, source_line) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    if (!event) return event.error();
    auto index = db.prepare(QStringLiteral("INSERT INTO audit_index (bucket, term, time_ms, seq) VALUES (?, ?, ?, ?)"));
    if (!index) return index.error();
    auto bucket = db.prepare(QStringLiteral("INSERT INTO audit_buckets (bucket) VALUES (?) ON CONFLICT (bucket) DO NOTHING"));
    if (!bucket) return bucket.error();
    w.event_ = std::move(*event);
    w.index_ = std::move(*index);
    w.bucket_ = std::move(*bucket);
    return w;
}

Status RowWriter::add(const Row& row) {
    Statement& e = *event_;
    e.bind(0, row.seq);
    e.bind(1, row.timeMs);
    int column = 2;
    for (std::string_view text : {row.service, row.action, row.actorKey, row.actorOrg, row.subjectKey, row.result, row.canonical})
        e.bindText(column++, text);
    e.bindBlob(9, row.leafHash);
    e.bindText(10, row.source);
    e.bind(11, row.sourceLine);
    if (auto s = e.exec(); !s) return s;
    const std::int64_t bucket = bucketOf(row.timeMs);
    if (buckets_.insert(bucket).second) {
        bucket_->bind(0, bucket);
        if (auto s = bucket_->exec(); !s) return s;
    }
    auto index = [&](Role role, std::string_view key) {
        index_->bind(0, bucket);
        index_->bind(1, term(role, key));
        index_->bind(2, row.timeMs);
        index_->bind(3, row.seq);
        return index_->exec();
    };
    if (auto s = index(Role::Actor, row.actorKey); !s) return s;
    if (!row.subjectKey.empty())
        if (auto s = index(Role::Subject, row.subjectKey); !s) return s;
    return {};
}

}  // namespace vakt::audit_index
