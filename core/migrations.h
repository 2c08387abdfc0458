#pragma once
// Numbered, forward-only schema migrations, the same on SQLite and PostgreSQL.
#include <QString>
#include <vector>

#include "database.h"

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

const std::vector<Migration>& migrations();
int latestSchemaVersion();

// 0 for an empty database.
Result<int> schemaVersion(Database& db);
// Applies every migration after the current version, each in its own transaction, up to
// `target` (default: all). Fails, changing nothing, when the database is newer than the program.
Status migrate(Database& db, int target = -1);

}  // namespace vakt
