#pragma once
// Each module owns its schema: numbered, forward-only migrations under the module's name, the
// same on SQLite and PostgreSQL. The database records (module, version) in schema_versions.
// Modules are migrated in the order they are registered, so a module's tables may refer only
// to tables of modules before it.
#include <QString>
#include <QStringList>
#include <map>
#include <optional>
#include <vector>

#include "core/clock.h"
#include "core/database.h"
#include "core/roles.h"

namespace vakt {

struct Migration {
    int version;
    QString name;
    std::vector<QString> statements;  // common to both engines (after dialect())
    std::vector<QString> sqliteOnly;
    std::vector<QString> postgresOnly;
    // Data the statements cannot move by themselves, run after them in the same transaction.
    Status (*code)(Database&) = nullptr;
};

// Who may use one of a module's tables where the server enforces Vakt's roles (PostgreSQL): the
// roles holding `read` may SELECT it (every Vakt role when unset), those holding any of `write`
// may insert, update and delete. Each row change is written to the trail by the server itself,
// named by the `trailKey` column(s) (comma separated); tables whose integrity something else
// proves (the audit ledger's signed hash tree) or that hold only the collector's measurements
// leave it empty. `hidden` columns are granted to no role and never copied into the trail.
struct TableAccess {
    QString table;
    std::optional<Permission> read;
    std::vector<Permission> write;
    QString trailKey;
    QStringList hidden;
};

struct ModuleSchema {
    QString module;
    std::vector<Migration> migrations;  // versions 1, 2, 3 … in order
    std::vector<TableAccess> tables;    // every table the migrations create
    int latest() const { return migrations.empty() ? 0 : migrations.back().version; }
};

// Adds a module's schema (once; registering the same module again does nothing). Core's own
// modules (core, catalog, monitoring, incidents) are always there, first.
void registerSchema(ModuleSchema schema);
std::vector<ModuleSchema> registeredSchemas();

// Module → version applied; empty for a database nothing was applied to. A database from
// before module schemas (one global list, schema_migrations) is shown as the modules it maps to.
using SchemaVersions = std::map<QString, int>;
Result<SchemaVersions> schemaVersions(Database& db);

// Fails with the command to run when the database is behind this program in any module, and
// refuses one that is newer in any module or holds a module this program does not know.
Status checkSchemaCurrent(Database& db, const QString& location);

// Applies every registered module's migrations after its current version, each in its own
// transaction. `targets` stops a module at a version (tests). Changes nothing and fails when
// the database is newer than the program in any module. A database from before module schemas
// is first mapped, in place and without touching data, to the modules its versions belong to.
Status migrate(Database& db, const Clock& clock, const std::map<QString, int>& targets = {});

// The built-in modules' schemas, defined beside each module's service.
ModuleSchema coreSchema();
ModuleSchema catalogSchema();
ModuleSchema monitoringSchema();
ModuleSchema incidentsSchema();

}  // namespace vakt
