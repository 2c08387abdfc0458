// Module schemas against a real engine (SQLite, or PostgreSQL under store_postgres): every
// module migrates from every earlier version, a database of the one global list (Vakt 0.1) is
// mapped to modules in place, and a database that is behind, newer or from an unknown module is
// refused with the module named.
#include <gtest/gtest.h>

#include <QDateTime>
#include <algorithm>

#include "collector/audit/audit_index.h"
#include "core/base/crypto.h"
#include "core/migrations.h"
#include "core/store.h"
#include "tests/support/test_db.h"

using namespace vakt;

namespace {

const FixedClock kClock(QDateTime(QDate(2026, 6, 1), QTime(12, 0), Qt::UTC));

std::unique_ptr<Database> openRaw(const QString& url) {
    auto db = Database::open(*parseDatabaseUrl(url));
    if (!db) throw std::runtime_error(db.message());
    return std::move(*db);
}

int tableCount(Database& db) {
    const QString sql = db.engine() == Engine::Sqlite
                            ? QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'table'")
                            : QStringLiteral("SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()");
    return db.query(sql)->front().value(0).toInt();
}

// Vakt 0.1's global versions in the order it applied them, as (module, version).
const std::vector<std::pair<QString, int>> kGlobalOrder = {{"core", 1},      {"catalog", 1}, {"catalog", 2},   {"monitoring", 1},
                                                           {"incidents", 1}, {"audit", 1},   {"incidents", 2}, {"audit", 2}};

// A database as Vakt 0.1 left it at global version `upTo`: the same statements in the global
// order, recorded in schema_migrations.
void buildLegacyDatabase(Database& db, int upTo) {
    const auto modules = registeredSchemas();
    ASSERT_TRUE(db.exec("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"));
    for (int global = 1; global <= upTo; ++global) {
        const auto& [module, version] = kGlobalOrder[static_cast<std::size_t>(global - 1)];
        const auto schema = std::find_if(modules.begin(), modules.end(), [&](const ModuleSchema& m) { return m.module == module; });
        ASSERT_NE(schema, modules.end()) << module.toStdString();
        const Migration& m = schema->migrations.at(static_cast<std::size_t>(version - 1));
        for (const auto& sql : m.statements) ASSERT_TRUE(db.exec(sql)) << sql.toStdString();
        for (const auto& sql : db.engine() == Engine::Sqlite ? m.sqliteOnly : m.postgresOnly) ASSERT_TRUE(db.exec(sql));
        if (m.code) {
            ASSERT_TRUE(m.code(db));
        }
        ASSERT_TRUE(db.exec("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, '2026-11-01T00:00:00Z')", {global, m.name}));
    }
}

}  // namespace

TEST(Schema, EveryRegisteredModuleIsAtItsLatestVersionAfterCreate) {
    test::TestDatabase fresh;
    auto store = Store::open(fresh.url(), Store::OpenMode::Create);
    ASSERT_TRUE(store) << store.message();
    auto versions = schemaVersions((*store)->db());
    ASSERT_TRUE(versions) << versions.message();
    const auto modules = registeredSchemas();
    // Core's four, the ledger, the risk module, the service desk, the change board, privilege
    // reviews, user councils and NSM maturity, which the test main registers as every program does.
    ASSERT_EQ(modules.size(), 11u);
    for (const auto& m : modules) EXPECT_EQ(versions->at(m.module), m.latest()) << m.module.toStdString();
    EXPECT_EQ(versions->size(), modules.size());
    // Opening again changes nothing and does not fail.
    (*store).reset();
    auto again = Store::open(fresh.url(), Store::OpenMode::MustExist);
    ASSERT_TRUE(again) << again.message();
}

TEST(Schema, EachModuleMigratesFromEveryEarlierVersionKeepingData) {
    for (const auto& module : registeredSchemas()) {
        // Core's version 1 holds the meta table the marker goes into.
        for (int from = module.module == "core" ? 1 : 0; from < module.latest(); ++from) {
            SCOPED_TRACE(module.module.toStdString() + " from version " + std::to_string(from));
            test::TestDatabase fresh;
            auto db = openRaw(fresh.url());
            ASSERT_TRUE(migrate(*db, kClock, {{module.module, from}}));
            ASSERT_EQ(schemaVersions(*db)->count(module.module) ? schemaVersions(*db)->at(module.module) : 0, from);
            ASSERT_TRUE(db->exec("INSERT INTO meta (key, value) VALUES ('marker', 'kept')"));
            db.reset();
            // Behind: refused by everything but init and migrate, with the module and the command named.
            auto refused = Store::open(fresh.url(), Store::OpenMode::MustExist);
            ASSERT_FALSE(refused);
            EXPECT_NE(refused.message().find("module '" + module.module.toStdString() + "'"), std::string::npos) << refused.message();
            EXPECT_NE(refused.message().find("migrate"), std::string::npos) << refused.message();
            auto store = Store::open(fresh.url(), Store::OpenMode::Migrate);
            ASSERT_TRUE(store) << store.message();
            EXPECT_EQ(schemaVersions((*store)->db())->at(module.module), module.latest());
            EXPECT_EQ(*(*store)->meta("marker"), "kept");
        }
    }
}

TEST(Schema, AGlobalSchemaOfVakt01IsMappedToModulesInPlace) {
    for (int upTo = 1; upTo <= 8; ++upTo) {
        SCOPED_TRACE("global version " + std::to_string(upTo));
        test::TestDatabase fresh;
        auto db = openRaw(fresh.url());
        buildLegacyDatabase(*db, upTo);
        ASSERT_TRUE(db->exec("INSERT INTO meta (key, value) VALUES ('marker', 'kept')"));
        // Read as modules before anything is changed.
        auto seen = schemaVersions(*db);
        ASSERT_TRUE(seen) << seen.message();
        EXPECT_EQ(seen->at("core"), 1);
        db.reset();
        auto store = Store::open(fresh.url(), Store::OpenMode::Migrate, std::make_shared<FixedClock>(kClock));
        ASSERT_TRUE(store) << store.message();
        Database& migrated = (*store)->db();
        for (const auto& m : registeredSchemas()) EXPECT_EQ(schemaVersions(migrated)->at(m.module), m.latest()) << m.module.toStdString();
        EXPECT_EQ(*(*store)->meta("marker"), "kept");
        // The versions Vakt 0.1 applied keep its names and times; the global list is gone.
        auto kept = migrated.query("SELECT count(*) FROM schema_versions WHERE applied_at = '2026-11-01T00:00:00Z'");
        EXPECT_EQ(kept->front().value(0).toInt(), upTo);
        auto legacy = migrated.query("SELECT count(*) FROM schema_migrations");
        EXPECT_FALSE(legacy);
    }
    // The same tables as a database made new.
    test::TestDatabase legacyDb, newDb;
    {
        auto db = openRaw(legacyDb.url());
        buildLegacyDatabase(*db, 8);
    }
    auto fromLegacy = Store::open(legacyDb.url(), Store::OpenMode::Migrate);
    auto fromNew = Store::open(newDb.url(), Store::OpenMode::Create);
    ASSERT_TRUE(fromLegacy && fromNew);
    EXPECT_EQ(tableCount((*fromLegacy)->db()), tableCount((*fromNew)->db()));
}

TEST(Schema, ADatabaseNewerInAModuleIsRefusedNamingIt) {
    test::TestDatabase fresh;
    auto store = Store::open(fresh.url(), Store::OpenMode::Create);
    ASSERT_TRUE(store);
    ASSERT_TRUE((*store)->db().exec("INSERT INTO schema_versions (module, version, name, applied_at) VALUES ('monitoring', 99, 'future', 'x')"));
    store->reset();
    for (auto mode : {Store::OpenMode::MustExist, Store::OpenMode::Migrate, Store::OpenMode::Create}) {
        auto s = Store::open(fresh.url(), mode);
        ASSERT_FALSE(s);
        EXPECT_NE(s.message().find("version 99 of module 'monitoring', newer than this program"), std::string::npos) << s.message();
    }
}

TEST(Schema, AModuleThisProgramDoesNotKnowIsRefused) {
    test::TestDatabase fresh;
    auto store = Store::open(fresh.url(), Store::OpenMode::Create);
    ASSERT_TRUE(store);
    ASSERT_TRUE((*store)->db().exec("INSERT INTO schema_versions (module, version, name, applied_at) VALUES ('weather', 1, 'future', 'x')"));
    store->reset();
    auto s = Store::open(fresh.url(), Store::OpenMode::Migrate);
    ASSERT_FALSE(s);
    EXPECT_NE(s.message().find("module 'weather'"), std::string::npos) << s.message();
}

TEST(Schema, AGlobalVersionAfterVakt01IsRefused) {
    test::TestDatabase fresh;
    auto db = openRaw(fresh.url());
    buildLegacyDatabase(*db, 8);
    ASSERT_TRUE(db->exec("INSERT INTO schema_migrations (version, name, applied_at) VALUES (9, 'future', 'x')"));
    db.reset();
    auto s = Store::open(fresh.url(), Store::OpenMode::Migrate);
    ASSERT_FALSE(s);
    EXPECT_NE(s.message().find("newer than this program"), std::string::npos) << s.message();
}

TEST(Schema, LedgerEventsOfTheFirstLayoutAreMovedAndIndexed) {
    test::TestDatabase fresh;
    auto db = openRaw(fresh.url());
    ASSERT_TRUE(migrate(*db, kClock, {{"audit", 1}}));
    struct Old {
        qint64 seq, timeMs;
        QString actor, subject, canonical;
    };
    // Two hours apart, one without a subject; leaf hashes as the first layout kept them, in hex.
    const std::vector<Old> old = {{0, 1795680000000, "fagsystem-1", "hmac-sha256:" + QString(64, 'a'), R"({"n":0})"},
                                  {1, 1795680000000 + 2 * 3600 * 1000, "hmac-sha256:" + QString(64, 'b'), "", R"({"n":1})"}};
    for (const auto& o : old) {
        unsigned char leaf[32];
        crypto::sha256({std::string_view("\0", 1), o.canonical.toStdString()}, leaf);
        ASSERT_TRUE(db->exec("INSERT INTO audit_events (seq, time_ms, service, action, actor_key, actor_org, subject_key, result, canonical,"
                             " leaf_hash, source, source_line) VALUES (?, ?, 'svarut', 'login', ?, '974760673', ?, 'ok', ?, ?, 'old.jsonl', ?)",
                             {o.seq, o.timeMs, o.actor, o.subject, o.canonical,
                              QString::fromStdString(crypto::toHex(std::string_view(reinterpret_cast<const char*>(leaf), 32))), o.seq + 1}));
    }
    db.reset();
    auto store = Store::open(fresh.url(), Store::OpenMode::Migrate);
    ASSERT_TRUE(store) << store.message();
    Database& moved = (*store)->db();
    for (const auto& o : old) {
        auto row = moved.query("SELECT canonical, leaf_hash, source_line FROM audit_events WHERE seq = ?", {o.seq});
        ASSERT_TRUE(row && row->size() == 1);
        EXPECT_EQ(row->front().value(0).toString(), o.canonical);
        unsigned char leaf[32];
        crypto::sha256({std::string_view("\0", 1), o.canonical.toStdString()}, leaf);
        EXPECT_EQ(row->front().value(1).toByteArray(), QByteArray(reinterpret_cast<const char*>(leaf), 32));
        EXPECT_EQ(row->front().value(2).toLongLong(), o.seq + 1);
        // Found through the index, by actor, and by subject when there is one.
        auto entries = moved.query("SELECT term FROM audit_index WHERE bucket = ? AND seq = ? ORDER BY term",
                                   {static_cast<qint64>(audit_index::bucketOf(o.timeMs)), o.seq});
        ASSERT_TRUE(entries);
        std::vector<qint64> terms{audit_index::term(audit_index::Role::Actor, o.actor.toStdString())};
        if (!o.subject.isEmpty()) terms.push_back(audit_index::term(audit_index::Role::Subject, o.subject.toStdString()));
        std::sort(terms.begin(), terms.end());
        std::vector<qint64> found;
        for (const auto& r : *entries) found.push_back(r.value(0).toLongLong());
        EXPECT_EQ(found, terms);
    }
    auto buckets = moved.query("SELECT count(*) FROM audit_buckets");
    ASSERT_TRUE(buckets);
    EXPECT_EQ(buckets->front().value(0).toInt(), 2);
}
