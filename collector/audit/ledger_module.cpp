// The audit ledger's schema: events as Merkle-tree leaves, signed tree heads, source positions, quarantine, the search index.
#include "collector/audit/ledger_module.h"

#include "collector/audit/audit_index.h"

namespace vakt::audit {

namespace {
// Version 2: the events of the first layout, with their leaf hashes as bytes and indexed.
Status moveAuditEventsV1(Database& db) {
    // audit_actor_activity comes with version 6, which fills it from the events moved here.
    auto writer = audit_index::RowWriter::prepare(db, audit_index::Activity::Skip);
    if (!writer) return writer.error();
    auto read = db.prepare(QStringLiteral("SELECT seq, time_ms, service, action, actor_key, actor_org, subject_key, result, canonical, leaf_hash,"
                                          " source, source_line FROM audit_events_v1 WHERE seq >= ? ORDER BY seq LIMIT 5000"));
    if (!read) return read.error();
    Statement& r = **read;
    struct Moved {
        std::int64_t seq, timeMs, sourceLine;
        std::string text[8];  // service, action, actor_key, actor_org, subject_key, result, canonical, source
        std::string leaf;
    };
    // A slice at a time, read to its end before writing: PostgreSQL's driver drops a result that
    // is still being read when another statement runs.
    for (std::int64_t next = 0;;) {
        std::vector<Moved> slice;
        r.bind(0, next);
        for (;;) {
            auto row = r.next();
            if (!row) return row.error();
            if (!*row) break;
            Moved m{r.integer(0), r.integer(1), r.integer(11), {}, {}};
            for (int i = 0; i < 6; ++i) m.text[i] = r.text(2 + i);
            m.text[6] = r.text(8);
            m.text[7] = r.text(10);
            const std::string_view hex = r.text(9);
            m.leaf = QByteArray::fromHex(QByteArray(hex.data(), static_cast<qsizetype>(hex.size()))).toStdString();
            if (m.leaf.size() != 32) return fail("audit event " + std::to_string(m.seq) + ": the stored leaf hash is not 64 hex digits");
            slice.push_back(std::move(m));
        }
        if (slice.empty()) break;
        for (const auto& m : slice)
            if (auto s = writer->add({m.seq, m.timeMs, m.text[0], m.text[1], m.text[2], m.text[3], m.text[4], m.text[5], m.text[6], m.leaf, m.text[7],
                                      m.sourceLine});
                !s)
                return s;
        if (auto s = writer->finish(); !s) return s;  // a slice's index entries at a time, so memory stays small
        next = slice.back().seq + 1;
    }
    return db.exec(QStringLiteral("DROP TABLE audit_events_v1"));
}
}  // namespace

ModuleSchema ledgerSchema() {
    return {QStringLiteral("audit"),
            {
        {1,
         QStringLiteral("audit ledger: events as Merkle-tree leaves, signed tree heads, source positions, quarantine"),
         {
             // seq is the leaf index. Person ids appear only as HMAC pseudonyms.
             "CREATE TABLE audit_events ("
             " seq BIGINT PRIMARY KEY,"
             " time_ms BIGINT NOT NULL,"
             " service TEXT NOT NULL,"
             " action TEXT NOT NULL,"
             " actor_key TEXT NOT NULL,"
             " actor_org TEXT NOT NULL,"
             " subject_key TEXT NOT NULL DEFAULT '',"
             " result TEXT NOT NULL,"
             " canonical TEXT NOT NULL,"
             " leaf_hash TEXT NOT NULL,"
             " source TEXT NOT NULL,"
             " source_line BIGINT NOT NULL)",
             "CREATE INDEX audit_events_subject ON audit_events (subject_key, time_ms)",
             "CREATE INDEX audit_events_actor ON audit_events (actor_key, time_ms)",
             "CREATE TABLE audit_heads ("
             " tree_size BIGINT PRIMARY KEY,"
             " root TEXT NOT NULL,"
             " timestamp_ms BIGINT NOT NULL,"
             " signature TEXT NOT NULL)",
             // The perfect-subtree roots after the last leaf, so appending never rereads the log.
             "CREATE TABLE audit_frontier (id INTEGER PRIMARY KEY, tree_size BIGINT NOT NULL, hashes TEXT NOT NULL)",
             "CREATE TABLE audit_sources ("
             " source TEXT PRIMARY KEY,"
             " byte_offset BIGINT NOT NULL,"
             " line BIGINT NOT NULL,"
             " updated_at TEXT NOT NULL)",
             "CREATE TABLE audit_quarantine ("
             " id {PK},"
             " source TEXT NOT NULL,"
             " line BIGINT NOT NULL,"
             " reason TEXT NOT NULL,"
             // The line itself may hold person ids in clear, so only its hash is kept.
             " line_sha256 TEXT NOT NULL,"
             " received_at TEXT NOT NULL)",
         },
         {},
         {}},
        {2,
         QStringLiteral("audit ledger: events keyed by their leaf index, raw leaf hashes, a search index by hour, stored subtree roots"),
         {
             "DROP INDEX audit_events_subject",
             "DROP INDEX audit_events_actor",
             "ALTER TABLE audit_events RENAME TO audit_events_v1",
             "CREATE TABLE audit_events ("
             " seq {SEQPK},"
             " time_ms BIGINT NOT NULL,"
             " service TEXT NOT NULL,"
             " action TEXT NOT NULL,"
             " actor_key TEXT NOT NULL,"
             " actor_org TEXT NOT NULL,"
             " subject_key TEXT NOT NULL DEFAULT '',"
             " result TEXT NOT NULL,"
             " canonical TEXT NOT NULL,"
             " leaf_hash {BLOB} NOT NULL,"
             " source TEXT NOT NULL,"
             " source_line BIGINT NOT NULL)",
             // See audit_index.h: hour buckets first, so inserts stay in the recent hours.
             "CREATE TABLE audit_index ("
             " bucket BIGINT NOT NULL,"
             " term BIGINT NOT NULL,"
             " time_ms BIGINT NOT NULL,"
             " seq BIGINT NOT NULL,"
             " PRIMARY KEY (bucket, term, time_ms, seq)) {WITHOUT_ROWID}",
             "CREATE TABLE audit_buckets (bucket BIGINT PRIMARY KEY)",
             // Roots of the tree's perfect subtrees of 256 leaves and more, so a proof reads
             // O(log n) of them instead of every leaf hash (the ledger fills them in).
             "CREATE TABLE audit_nodes ("
             " height INTEGER NOT NULL,"
             " idx BIGINT NOT NULL,"
             " hash {BLOB} NOT NULL,"
             " PRIMARY KEY (height, idx)) {WITHOUT_ROWID}",
         },
         {},
         {},
         &moveAuditEventsV1},
        {3,
         QStringLiteral("audit ledger: the app's trail heads, countersigned with the ledger's key"),
         {
             "CREATE TABLE audit_trail_heads ("
             " seq BIGINT PRIMARY KEY,"
             " hash TEXT NOT NULL,"
             " timestamp_ms BIGINT NOT NULL,"
             " signature TEXT NOT NULL)",
         },
         {},
         {}},
        {4,
         QStringLiteral("audit ledger: a file known by its first bytes, and the line before each position, to refuse a replaced file"),
         {
             "ALTER TABLE audit_sources ADD COLUMN head_length BIGINT NOT NULL DEFAULT 0",
             "ALTER TABLE audit_sources ADD COLUMN head_sha256 TEXT NOT NULL DEFAULT ''",
             "ALTER TABLE audit_sources ADD COLUMN tail_length BIGINT NOT NULL DEFAULT 0",
             "ALTER TABLE audit_sources ADD COLUMN tail_sha256 TEXT NOT NULL DEFAULT ''",
             "CREATE INDEX audit_sources_head ON audit_sources (head_length, head_sha256)",
         },
         {},
         {}},
        {5,
         QStringLiteral("audit ledger: the sources' positions signed with each tree head, so a position moved outside Vakt is found"),
         {
             "CREATE TABLE audit_position_heads ("
             " id {PK},"
             " tree_size BIGINT NOT NULL,"
             " positions TEXT NOT NULL,"
             " timestamp_ms BIGINT NOT NULL,"
             " signature TEXT NOT NULL)",
         },
         {},
         {}},
        {6,
         QStringLiteral("audit ledger: each actor's newest accepted use per organisation and service, kept at ingest"),
         {
             // Derived from audit_events, like the search index: per actor (its index key),
             // organisation and service, the newest time and the number of events whose result
             // is "ok" (a denied or failed attempt is not a use). RowWriter keeps it at ingest.
             "CREATE TABLE audit_actor_activity ("
             " actor_key TEXT NOT NULL,"
             " actor_org TEXT NOT NULL,"
             " service TEXT NOT NULL,"
             " last_ms BIGINT NOT NULL,"
             " events BIGINT NOT NULL,"
             " PRIMARY KEY (actor_key, actor_org, service)) {WITHOUT_ROWID}",
             "INSERT INTO audit_actor_activity (actor_key, actor_org, service, last_ms, events)"
             " SELECT actor_key, actor_org, service, MAX(time_ms), COUNT(*) FROM audit_events WHERE result = 'ok'"
             " GROUP BY actor_key, actor_org, service",
         },
         {},
         {}},
            },
            // Reading needs audit.verify (no role but those may see which events exist); writing
            // is ingest's. No row trail: the signed heads and the witnesses outside the database
            // prove these tables (verify checks the index against the events; the actors' activity is
            // derived from them and not checked), and a row trail would copy every event into the trail.
            []() {
                std::vector<TableAccess> tables;
                for (const char* table : {"audit_events", "audit_heads", "audit_frontier", "audit_sources", "audit_quarantine",
                                          "audit_index", "audit_buckets", "audit_nodes", "audit_trail_heads", "audit_position_heads",
                                          "audit_actor_activity"})
                    tables.push_back({QString::fromLatin1(table), permission::Verify, {permission::Ingest}, {}, {}});
                return tables;
            }()};
}

void registerLedgerModule() {
    registerSchema(ledgerSchema());
    registerPermissions({
        {permission::Ingest, {Role::Admin, Role::Sikkerhetsansvarlig}},
        {permission::Verify, {Role::Admin, Role::Sikkerhetsansvarlig, Role::Revisor}},
        // Looking up what happened to a person is an investigation: the security officer and the auditor only.
        {permission::Investigate, {Role::Sikkerhetsansvarlig, Role::Revisor}},
    });
}

}  // namespace vakt::audit
