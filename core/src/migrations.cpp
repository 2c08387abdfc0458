#include "core/migrations.h"

#include "core/server_roles.h"

#include <mutex>

namespace vakt {

namespace {

std::mutex registryMutex;

std::vector<ModuleSchema>& registry() {
    static std::vector<ModuleSchema> modules = {coreSchema(), catalogSchema(), monitoringSchema(), incidentsSchema()};
    return modules;
}

// Vakt 0.1 kept one global list (schema_migrations, versions 1-8). Each of those versions is now
// a version of one module; this table is history and never changes.
struct LegacyVersion {
    int global;
    const char* module;
    int version;
};
constexpr LegacyVersion kLegacy[] = {
    {1, "core", 1}, {2, "catalog", 1}, {3, "catalog", 2},   {4, "monitoring", 1},
    {5, "incidents", 1}, {6, "audit", 1}, {7, "incidents", 2}, {8, "audit", 2},
};
constexpr int kLegacyLatest = 8;

const QString kCreateSchemaVersions = QStringLiteral(
    "CREATE TABLE %1schema_versions (module TEXT NOT NULL, version INTEGER NOT NULL, name TEXT NOT NULL, applied_at TEXT NOT NULL,"
    " PRIMARY KEY (module, version))");

Result<bool> tableExists(Database& db, const char* table) {
    const QString probe = db.engine() == Engine::Sqlite
                              ? QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type='table' AND name=?")
                              : QStringLiteral("SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() "
                                               "AND table_name = ?");
    auto rows = db.query(probe, {QString::fromLatin1(table)});
    if (!rows) return rows.error();
    return !rows->empty() && rows->front().value(0).toInt() > 0;
}

const LegacyVersion* legacyVersion(int global) {
    for (const auto& l : kLegacy)
        if (l.global == global) return &l;
    return nullptr;
}

Status newerThanProgram(const QString& module, int version, int latest) {
    return fail("the database has version " + std::to_string(version) + " of module '" + module.toStdString() +
                "', newer than this program (" + std::to_string(latest) + "); upgrade Vakt before using this database",
                ErrorKind::Conflict);
}

// Rewrites a database of the global list as module versions, in place: one transaction that
// adds schema_versions with the rows the global versions map to and drops schema_migrations.
Status adoptLegacySchema(Database& db) {
    Transaction tx(db);
    if (!tx.started()) return tx.started();
    // Another process may have done it while we waited for the write lock.
    auto legacy = tableExists(db, "schema_migrations");
    if (!legacy) return legacy.error();
    if (!*legacy) return tx.commit();
    auto rows = db.query(QStringLiteral("SELECT version, name, applied_at FROM schema_migrations ORDER BY version"));
    if (!rows) return rows.error();
    if (auto s = db.exec(kCreateSchemaVersions.arg(QString()));
        !s)
        return s;
    for (const auto& r : *rows) {
        const int global = r.value(0).toInt();
        const LegacyVersion* l = legacyVersion(global);
        if (!l) return newerThanProgram(QStringLiteral("(all, before module schemas)"), global, kLegacyLatest);
        if (auto s = db.exec(QStringLiteral("INSERT INTO schema_versions (module, version, name, applied_at) VALUES (?, ?, ?, ?)"),
                             {QString::fromLatin1(l->module), l->version, r.value(1), r.value(2)});
            !s)
            return s;
    }
    if (auto s = db.exec(QStringLiteral("DROP TABLE schema_migrations")); !s) return s;
    return tx.commit();
}

int latestOf(const std::vector<ModuleSchema>& modules, const QString& module) {
    for (const auto& m : modules)
        if (m.module == module) return m.latest();
    return -1;
}

// A database written by a newer Vakt, in any module, is never touched.
Status refuseNewerOrUnknown(const SchemaVersions& versions, const std::vector<ModuleSchema>& modules) {
    for (const auto& [module, version] : versions) {
        const int latest = latestOf(modules, module);
        if (latest < 0)
            return fail("the database holds module '" + module.toStdString() + "' (version " + std::to_string(version) +
                        "), which this program does not know; upgrade Vakt before using this database",
                        ErrorKind::Conflict);
        if (version > latest) return newerThanProgram(module, version, latest);
    }
    return {};
}

}  // namespace

void registerSchema(ModuleSchema schema) {
    std::lock_guard lock(registryMutex);
    for (const auto& m : registry())
        if (m.module == schema.module) return;
    registry().push_back(std::move(schema));
}

std::vector<ModuleSchema> registeredSchemas() {
    std::lock_guard lock(registryMutex);
    return registry();
}

Result<SchemaVersions> schemaVersions(Database& db) {
    SchemaVersions versions;
    auto current = tableExists(db, "schema_versions");
    if (!current) return current.error();
    if (*current) {
        auto rows = db.query(QStringLiteral("SELECT module, MAX(version) FROM schema_versions GROUP BY module"));
        if (!rows) return rows.error();
        for (const auto& r : *rows) versions[r.value(0).toString()] = r.value(1).toInt();
        return versions;
    }
    auto legacy = tableExists(db, "schema_migrations");
    if (!legacy) return legacy.error();
    if (!*legacy) return versions;
    auto rows = db.query(QStringLiteral("SELECT version FROM schema_migrations"));
    if (!rows) return rows.error();
    for (const auto& r : *rows) {
        const int global = r.value(0).toInt();
        const LegacyVersion* l = legacyVersion(global);
        if (!l) return newerThanProgram(QStringLiteral("(all, before module schemas)"), global, kLegacyLatest).error();
        int& v = versions[QString::fromLatin1(l->module)];
        v = std::max(v, l->version);
    }
    return versions;
}

Status checkSchemaCurrent(Database& db, const QString& location) {
    auto legacy = tableExists(db, "schema_migrations");
    if (!legacy) return legacy.error();
    if (*legacy)
        return fail("the database " + location.toStdString() + " has the schema list of Vakt 0.1; bring it up to date with: vakt --db " +
                    location.toStdString() + " migrate",
                    ErrorKind::Conflict);
    auto versions = schemaVersions(db);
    if (!versions) return versions.error();
    const auto modules = registeredSchemas();
    if (auto s = refuseNewerOrUnknown(*versions, modules); !s) return s;
    for (const auto& m : modules) {
        const int version = versions->count(m.module) ? versions->at(m.module) : 0;
        if (version < m.latest())
            return fail("the database " + location.toStdString() + " is behind this program: module '" + m.module.toStdString() +
                        "' is at version " + std::to_string(version) + " of " + std::to_string(m.latest()) +
                        "; bring it up to date with: vakt --db " + location.toStdString() + " migrate",
                        ErrorKind::Conflict);
    }
    return {};
}

Status migrate(Database& db, const Clock& clock, const std::map<QString, int>& targets) {
    auto before = schemaVersions(db);
    if (!before) return before.error();
    const auto modules = registeredSchemas();
    if (auto s = refuseNewerOrUnknown(*before, modules); !s) return s;
    if (auto s = adoptLegacySchema(db); !s) return fail("mapping the schema to modules failed: " + s.message());
    if (auto s = db.exec(kCreateSchemaVersions.arg(QStringLiteral("IF NOT EXISTS ")));
        !s)
        return s;
    for (const auto& module : modules) {
        const auto target = targets.find(module.module);
        for (const auto& m : module.migrations) {
            if (target != targets.end() && m.version > target->second) break;
            const std::string where = "module '" + module.module.toStdString() + "' migration " + std::to_string(m.version);
            Transaction tx(db);
            if (!tx.started()) return tx.started();
            // Another process may have migrated while we waited for the write lock.
            auto done = db.query(QStringLiteral("SELECT count(*) FROM schema_versions WHERE module = ? AND version = ?"), {module.module, m.version});
            if (!done) return done.error();
            if (done->front().value(0).toInt() > 0) continue;
            auto runAll = [&](const std::vector<QString>& statements) -> Status {
                for (const auto& sql : statements)
                    if (auto s = db.exec(sql); !s) return fail(where + " failed: " + s.message());
                return {};
            };
            if (auto s = runAll(m.statements); !s) return s;
            if (auto s = runAll(db.engine() == Engine::Sqlite ? m.sqliteOnly : m.postgresOnly); !s) return s;
            if (m.code)
                if (auto s = m.code(db); !s) return fail(where + " failed: " + s.message());
            if (auto s = db.exec(QStringLiteral("INSERT INTO schema_versions (module, version, name, applied_at) VALUES (?, ?, ?, ?)"),
                                 {module.module, m.version, m.name, clock.now().toString(Qt::ISODate)});
                !s)
                return s;
            if (auto s = tx.commit(); !s) return s;
        }
    }
    // The grants follow the tables and the permission table, which may change without a migration.
    if (!targets.empty()) return {};
    return syncServerRoles(db);
}

}  // namespace vakt
