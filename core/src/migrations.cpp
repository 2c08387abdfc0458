#include "migrations.h"

#include <QDateTime>

#include "audit_index.h"

namespace vakt {

namespace {
// Migration 8: the events of the first layout, with their leaf hashes as bytes and indexed.
Status moveAuditEventsV1(Database& db) {
    auto writer = audit_index::RowWriter::prepare(db);
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
        next = slice.back().seq + 1;
    }
    return db.exec(QStringLiteral("DROP TABLE audit_events_v1"));
}
}  // namespace

const std::vector<Migration>& migrations() {
    static const std::vector<Migration> list = {
        {1,
         QStringLiteral("core: settings, users, trail"),
         {
             "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
             "CREATE TABLE users ("
             " id {PK},"
             " username TEXT NOT NULL UNIQUE,"
             " display_name TEXT NOT NULL,"
             " role TEXT NOT NULL,"
             " password_hash TEXT NOT NULL,"
             " person_email TEXT,"
             " active INTEGER NOT NULL DEFAULT 1,"
             " created_at TEXT NOT NULL)",
             // The app's own audit trail: append-only and hash-chained (see trail.h).
             "CREATE TABLE trail ("
             " seq BIGINT PRIMARY KEY,"
             " at TEXT NOT NULL,"
             " actor TEXT NOT NULL,"
             " action TEXT NOT NULL,"
             " entity TEXT NOT NULL,"
             " entity_key TEXT NOT NULL,"
             " before_json TEXT,"
             " after_json TEXT,"
             " prev_hash TEXT NOT NULL,"
             " hash TEXT NOT NULL)",
             "CREATE TABLE trail_head (id INTEGER PRIMARY KEY CHECK (id = 1), seq BIGINT NOT NULL, hash TEXT NOT NULL)",
             "INSERT INTO trail_head (id, seq, hash) VALUES "
             "(1, 0, '0000000000000000000000000000000000000000000000000000000000000000')",
             "CREATE INDEX trail_entity ON trail (entity, entity_key)",
         },
         {
             "CREATE TRIGGER trail_no_update BEFORE UPDATE ON trail BEGIN SELECT RAISE(ABORT, 'the trail is append-only'); END",
             "CREATE TRIGGER trail_no_delete BEFORE DELETE ON trail BEGIN SELECT RAISE(ABORT, 'the trail is append-only'); END",
         },
         {
             "CREATE FUNCTION trail_append_only() RETURNS trigger LANGUAGE plpgsql AS "
             "$$ BEGIN RAISE EXCEPTION 'the trail is append-only'; END $$",
             "CREATE TRIGGER trail_no_change BEFORE UPDATE OR DELETE ON trail "
             "FOR EACH ROW EXECUTE FUNCTION trail_append_only()",
         }},
        {2,
         QStringLiteral("catalogue: organisations, people, services, agreements, vendor systems"),
         {
             "CREATE TABLE organisations ("
             " id {PK},"
             " kind TEXT NOT NULL,"
             " name TEXT NOT NULL,"
             " orgnr TEXT NOT NULL UNIQUE,"
             " kommunenummer TEXT,"
             " fylkesnummer TEXT,"
             " population BIGINT NOT NULL DEFAULT 0,"
             " parent_id BIGINT REFERENCES organisations(id))",
             "CREATE INDEX organisations_kind ON organisations (kind)",
             "CREATE TABLE people ("
             " id {PK},"
             " name TEXT NOT NULL,"
             " email TEXT NOT NULL UNIQUE,"
             " organisation_id BIGINT REFERENCES organisations(id),"
             " title TEXT NOT NULL DEFAULT '',"
             " employment TEXT NOT NULL DEFAULT 'active')",
             "CREATE TABLE catalog_entries ("
             " id {PK},"
             " key TEXT NOT NULL UNIQUE,"
             " name TEXT NOT NULL,"
             " kind TEXT NOT NULL,"
             " lifecycle TEXT NOT NULL,"
             " established_year INTEGER NOT NULL DEFAULT 0,"
             " last_reviewed TEXT,"
             " goal TEXT NOT NULL DEFAULT '',"
             " background TEXT NOT NULL DEFAULT '',"
             " expected_use TEXT NOT NULL DEFAULT '',"
             " description TEXT NOT NULL DEFAULT '',"
             " special_terms TEXT NOT NULL DEFAULT '',"
             " product_owner_id BIGINT REFERENCES people(id))",
             "CREATE TABLE catalog_dependencies ("
             " entry_id BIGINT NOT NULL REFERENCES catalog_entries(id) ON DELETE CASCADE,"
             " depends_on_id BIGINT NOT NULL REFERENCES catalog_entries(id),"
             " position INTEGER NOT NULL,"
             " PRIMARY KEY (entry_id, depends_on_id))",
             "CREATE INDEX catalog_dependencies_reverse ON catalog_dependencies (depends_on_id)",
             "CREATE TABLE catalog_national_components ("
             " entry_id BIGINT NOT NULL REFERENCES catalog_entries(id) ON DELETE CASCADE,"
             " organisation_id BIGINT NOT NULL REFERENCES organisations(id),"
             " position INTEGER NOT NULL,"
             " PRIMARY KEY (entry_id, organisation_id))",
             "CREATE TABLE catalog_roles ("
             " id {PK},"
             " entry_id BIGINT NOT NULL REFERENCES catalog_entries(id) ON DELETE CASCADE,"
             " team TEXT NOT NULL,"
             " role TEXT NOT NULL,"
             " person_id BIGINT NOT NULL REFERENCES people(id),"
             " position INTEGER NOT NULL)",
             "CREATE TABLE catalog_documents ("
             " id {PK},"
             " entry_id BIGINT NOT NULL REFERENCES catalog_entries(id) ON DELETE CASCADE,"
             " kind TEXT NOT NULL,"
             " title TEXT NOT NULL,"
             " version TEXT NOT NULL DEFAULT '',"
             " doc_date TEXT,"
             " location TEXT NOT NULL DEFAULT '',"
             " position INTEGER NOT NULL)",
             "CREATE TABLE agreements ("
             " id {PK},"
             " organisation_id BIGINT NOT NULL REFERENCES organisations(id),"
             " entry_id BIGINT NOT NULL REFERENCES catalog_entries(id),"
             " since TEXT NOT NULL,"
             " until TEXT,"
             " annex_version TEXT NOT NULL DEFAULT '',"
             " UNIQUE (organisation_id, entry_id, since))",
             "CREATE INDEX agreements_entry ON agreements (entry_id)",
             "CREATE TABLE vendor_systems ("
             " id {PK},"
             " vendor_id BIGINT NOT NULL REFERENCES organisations(id),"
             " name TEXT NOT NULL,"
             " category TEXT NOT NULL DEFAULT '',"
             " UNIQUE (vendor_id, name))",
             "CREATE TABLE vendor_system_integrations ("
             " system_id BIGINT NOT NULL REFERENCES vendor_systems(id) ON DELETE CASCADE,"
             " entry_id BIGINT NOT NULL REFERENCES catalog_entries(id),"
             " PRIMARY KEY (system_id, entry_id))",
         },
         {},
         {}},
        {3,
         QStringLiteral("fylker: the counties as regions"),
         {
             // Regions, not organisations: Oslo's county tasks are carried by Oslo kommune, so a
             // fylke need not have a fylkeskommune of its own.
             "CREATE TABLE fylker (number TEXT PRIMARY KEY, name TEXT NOT NULL)",
         },
         {},
         {}},
        {4,
         QStringLiteral("monitoring: scrape targets, health transitions, service health per minute and hour"),
         {
             "CREATE TABLE scrape_targets ("
             " id {PK},"
             " job TEXT NOT NULL,"
             " instance TEXT NOT NULL,"
             " url TEXT NOT NULL,"
             " service_key TEXT NOT NULL DEFAULT '',"
             " health TEXT NOT NULL DEFAULT 'unknown',"
             " health_since TEXT,"
             " last_error TEXT NOT NULL DEFAULT '',"
             " last_scrape TEXT,"
             " last_duration_ms BIGINT NOT NULL DEFAULT 0,"
             " samples BIGINT NOT NULL DEFAULT 0,"
             " active INTEGER NOT NULL DEFAULT 1,"
             " UNIQUE (job, instance))",
             "CREATE TABLE target_health_events ("
             " id {PK},"
             " target_id BIGINT NOT NULL REFERENCES scrape_targets(id),"
             " at TEXT NOT NULL,"
             " health TEXT NOT NULL,"
             " reason TEXT NOT NULL DEFAULT '')",
             "CREATE INDEX target_health_events_target ON target_health_events (target_id, at)",
             "CREATE TABLE service_health_minutes ("
             " service_key TEXT NOT NULL,"
             " minute TEXT NOT NULL,"
             " scrapes INTEGER NOT NULL,"
             " up_scrapes INTEGER NOT NULL,"
             " requests {REAL} NOT NULL,"
             " errors {REAL} NOT NULL,"
             " p50 {REAL},"
             " p95 {REAL},"
             " p99 {REAL},"
             " PRIMARY KEY (service_key, minute))",
             "CREATE TABLE service_health_hours ("
             " service_key TEXT NOT NULL,"
             " hour TEXT NOT NULL,"
             " scrapes INTEGER NOT NULL,"
             " up_scrapes INTEGER NOT NULL,"
             " requests {REAL} NOT NULL,"
             " errors {REAL} NOT NULL,"
             " p95_max {REAL},"
             " PRIMARY KEY (service_key, hour))",
         },
         {},
         {}},
        {5,
         QStringLiteral("incidents: alerts and, later, detections and service-desk cases"),
         {
             "CREATE TABLE incidents ("
             " id {PK},"
             " fingerprint TEXT NOT NULL,"
             " source TEXT NOT NULL,"
             " title TEXT NOT NULL,"
             " summary TEXT NOT NULL DEFAULT '',"
             " severity TEXT NOT NULL,"
             " service_key TEXT NOT NULL DEFAULT '',"
             " status TEXT NOT NULL,"
             " value {REAL},"
             " opened_at TEXT NOT NULL,"
             " updated_at TEXT NOT NULL,"
             " resolved_at TEXT)",
             // At most one open incident per fingerprint: repeated firing updates it.
             "CREATE UNIQUE INDEX incidents_open_fingerprint ON incidents (fingerprint) WHERE status = 'open'",
             "CREATE INDEX incidents_status ON incidents (status, service_key)",
         },
         {},
         {}},
        {6,
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
        {7,
         QStringLiteral("incident evidence: the ledger events behind a detection"),
         {
             "CREATE TABLE incident_evidence ("
             " incident_id BIGINT NOT NULL REFERENCES incidents (id),"
             " seq BIGINT NOT NULL,"
             " PRIMARY KEY (incident_id, seq))",
         },
         {},
         {}},
        {8,
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
    };
    return list;
}

int latestSchemaVersion() { return migrations().back().version; }

Result<int> schemaVersion(Database& db) {
    const QString probe = db.engine() == Engine::Sqlite
                              ? QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type='table' AND name='schema_migrations'")
                              : QStringLiteral("SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() "
                                               "AND table_name = 'schema_migrations'");
    auto rows = db.query(probe);
    if (!rows) return rows.error();
    if (rows->empty() || rows->front().value(0).toInt() == 0) return 0;
    auto v = db.query(QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM schema_migrations"));
    if (!v) return v.error();
    return v->front().value(0).toInt();
}

Status migrate(Database& db, int target) {
    if (target < 0) target = latestSchemaVersion();
    auto current = schemaVersion(db);
    if (!current) return current.error();
    if (*current > latestSchemaVersion())
        return fail("the database has schema version " + std::to_string(*current) + ", newer than this program (" +
                    std::to_string(latestSchemaVersion()) + "); upgrade Vakt before using this database");
    if (*current == 0) {
        if (auto s = db.exec(QStringLiteral(
                "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"));
            !s)
            return s;
    }
    for (const auto& m : migrations()) {
        if (m.version <= *current || m.version > target) continue;
        Transaction tx(db);
        if (!tx.started()) return tx.started();
        // Another process may have migrated while we waited for the write lock.
        auto now = schemaVersion(db);
        if (!now) return now.error();
        if (*now >= m.version) continue;
        auto runAll = [&](const std::vector<QString>& statements) -> Status {
            for (const auto& sql : statements)
                if (auto s = db.exec(sql); !s)
                    return fail("migration " + std::to_string(m.version) + " failed: " + s.message());
            return {};
        };
        if (auto s = runAll(m.statements); !s) return s;
        if (auto s = runAll(db.engine() == Engine::Sqlite ? m.sqliteOnly : m.postgresOnly); !s) return s;
        if (m.code)
            if (auto s = m.code(db); !s) return fail("migration " + std::to_string(m.version) + " failed: " + s.message());
        if (auto s = db.exec(QStringLiteral("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)"),
                             {m.version, m.name, QDateTime::currentDateTimeUtc().toString(Qt::ISODate)});
            !s)
            return s;
        if (auto s = tx.commit(); !s) return s;
    }
    return {};
}

}  // namespace vakt
