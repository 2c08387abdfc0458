#pragma once
// On PostgreSQL, the shared deployment, the server enforces Vakt's roles: each role is a NOLOGIN
// group role (vakt_<role>) granted exactly the tables its permissions read and write (from the
// modules' TableAccess and the permission table), a person connects with a login of their own
// that belongs to one group (vakt db grant), and every change to a governed table is written to
// the trail by a trigger inside the server, whichever way it was made. On SQLite, a file whoever
// can write it can change, none of this applies.
#include <QString>
#include <vector>

#include "core/database.h"
#include "core/migrations.h"
#include "core/roles.h"

namespace vakt {

// "vakt_revisor": the server's group role for a Vakt role.
QString serverRoleName(Role role);

// What a role may do with a table: SELECT (minus hidden columns) and INSERT/UPDATE/DELETE.
struct TableGrant {
    bool read = false;
    bool write = false;
};
TableGrant tableGrant(const TableAccess& access, Role role);

// Every registered module's tables with who may use them.
std::vector<TableAccess> registeredTables();

// Creates the group roles that are missing and sets every registered table's grants and trail
// trigger, in one transaction, so no role is ever left between its old and new grants. Run by
// the owner of Vakt's tables after every migration; needs CREATEROLE only while a group role is
// missing. Nothing on SQLite.
Status syncServerRoles(Database& db);

// A PostgreSQL identifier, double-quoted (names of logins come from users).
QString quoteIdentifier(const QString& name);

}  // namespace vakt
