// UserService's part on a PostgreSQL server: logins of their own for Vakt's users, members of the
// group roles server_roles.cpp grants, so the server enforces what each may read and write.
#include <QJsonObject>

#include "core/server_roles.h"
#include "core/user_service.h"

namespace vakt {

namespace {

constexpr const char* kNeedsPostgres = "roles the server enforces need a PostgreSQL database; on a SQLite file whoever can write "
                                       "the file can change it";

Status requirePostgres(Store& store) {
    if (store.engine() != Engine::Postgres) return fail(kNeedsPostgres, ErrorKind::Invalid);
    return {};
}

// Logins (u) with the Vakt groups (g) they belong to; substr(g.rolname, 6) is the role code.
constexpr const char* kMemberships = "pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles u ON u.oid = m.member "
                                     "WHERE g.rolname LIKE 'vakt\\_%'";

// The Vakt groups a login belongs to, as role codes.
Result<QStringList> groupsOf(Database& db, const QString& login) {
    auto rows = db.query(QStringLiteral("SELECT substr(g.rolname, 6) FROM %1 AND u.rolname = ? ORDER BY 1").arg(QLatin1String(kMemberships)),
                         {login});
    if (!rows) return rows.error();
    QStringList out;
    for (const auto& r : *rows) out << r.value(0).toString();
    return out;
}

Result<QString> currentDatabase(Database& db) {
    auto rows = db.query(QStringLiteral("SELECT current_database()"));
    if (!rows) return rows.error();
    return quoteIdentifier(rows->front().value(0).toString());
}

}  // namespace

Result<std::optional<Session>> UserService::serverSession() {
    if (store_.engine() != Engine::Postgres) return std::optional<Session>();
    auto rows = store_.db().query(QStringLiteral("SELECT l.roles, l.active, l.owner, session_user FROM vakt_login() l"));
    if (!rows) return rows.error();
    const QSqlRecord& r = rows->front();
    const QString roles = r.value(0).toString();
    const QString login = r.value(3).toString();
    if (roles.isEmpty()) {
        if (r.value(2).toBool()) return std::optional<Session>();
        return fail("the PostgreSQL login '" + login.toStdString() + "' holds no Vakt role on this database; an administrator gives it one "
                    "with: vakt db grant " + login.toStdString() + " --role ROLE",
                    ErrorKind::Denied);
    }
    if (roles.contains(QLatin1Char(',')))
        return fail("the PostgreSQL login '" + login.toStdString() + "' holds several Vakt roles (" + roles.toStdString() +
                        "); give it one with: vakt db grant " + login.toStdString() + " --role ROLE",
                    ErrorKind::Denied);
    const auto role = roleFromCode(roles);
    if (!role) return fail("the PostgreSQL login '" + login.toStdString() + "' holds an unknown Vakt role", ErrorKind::Denied);
    if (r.value(1).isNull() || r.value(1).toInt() == 0)
        return fail("the PostgreSQL login '" + login.toStdString() + "' has no active Vakt user of that name", ErrorKind::Denied);
    return std::optional<Session>(Session{login, *role});
}

Status UserService::grantLogin(const Session& who, const QString& username, Role role, const std::optional<QString>& password) {
    if (!who.allows(permission::UserAdmin)) return denied(who, permission::UserAdmin);
    if (auto s = requirePostgres(store_); !s) return s;
    // The server's own names: a login called vakt_admin would be the group itself.
    if (username.startsWith(QLatin1String("vakt_")) || username.startsWith(QLatin1String("pg_")))
        return fail("login '" + username.toStdString() + "': names beginning with vakt_ or pg_ are the server's own", ErrorKind::Invalid);
    if (password && password->size() < kMinPasswordLength)
        return fail("password: must be at least " + std::to_string(kMinPasswordLength) + " characters", ErrorKind::Invalid);
    Database& db = store_.db();
    Transaction tx(db);
    if (!tx.started()) return tx.started();
    auto user = db.query(QStringLiteral("SELECT role, active FROM users WHERE username = ? {LOCK}"), {username});
    if (!user) return user.error();
    if (user->empty())
        return fail("no Vakt user '" + username.toStdString() + "'; add one first with: vakt user add " + username.toStdString() +
                        " --role " + roleCode(role).toStdString(),
                    ErrorKind::NotFound);
    if (user->front().value(1).toInt() == 0)
        return fail("user '" + username.toStdString() + "' is deactivated; enable it first (vakt user enable)", ErrorKind::Conflict);
    auto existing = db.query(QStringLiteral("SELECT rolsuper, pg_has_role(oid, (SELECT relowner FROM pg_class WHERE oid = 'trail'::regclass), "
                                            "'MEMBER') FROM pg_roles WHERE rolname = ?"),
                             {username});
    if (!existing) return existing.error();
    if (!existing->empty() && (existing->front().value(0).toBool() || existing->front().value(1).toBool()))
        return fail("login '" + username.toStdString() + "' is a superuser or owns Vakt's tables: no grant can limit it",
                    ErrorKind::Conflict);
    auto before = groupsOf(db, username);
    if (!before) return before.error();
    auto database = currentDatabase(db);
    if (!database) return database.error();
    const QString login = quoteIdentifier(username);
    const QString group = serverRoleName(role);
    QStringList statements;
    if (existing->empty()) statements << QStringLiteral("CREATE ROLE %1 LOGIN").arg(login);
    if (password) {
        auto verifier = db.encryptPassword(username, *password);
        if (!verifier) return verifier.error();
        statements << QStringLiteral("ALTER ROLE %1 LOGIN PASSWORD '%2'").arg(login, verifier->replace(QLatin1Char('\''), QLatin1String("''")));
    } else {
        statements << QStringLiteral("ALTER ROLE %1 LOGIN").arg(login);
    }
    for (const auto& other : *before)
        if (other != roleCode(role)) statements << QStringLiteral("REVOKE vakt_%1 FROM %2").arg(other, login);
    if (!before->contains(roleCode(role))) statements << QStringLiteral("GRANT %1 TO %2").arg(group, login);
    // Logins connect to this database only when granted; the owner and superusers always may.
    statements << QStringLiteral("REVOKE CONNECT ON DATABASE %1 FROM PUBLIC").arg(*database)
               << QStringLiteral("GRANT CONNECT ON DATABASE %1 TO %2").arg(*database, login);
    for (const auto& sql : statements)
        if (auto s = db.exec(sql); !s)
            return fail("login '" + username.toStdString() + "': " + s.message() +
                            (s.kind() == ErrorKind::Denied
                                 ? std::string(" (granting needs the login that owns Vakt's tables, with CREATEROLE)")
                                 : std::string()),
                        s.kind());
    if (user->front().value(0).toString() != roleCode(role))
        if (auto s = db.exec(QStringLiteral("UPDATE users SET role = ? WHERE username = ?"), {roleCode(role), username}); !s) return s;
    QJsonObject after{{"role", roleCode(role)}, {"login", true}};
    if (password) after["password"] = QStringLiteral("set");
    if (auto s = store_.record(who, QStringLiteral("user.grant_login"), QStringLiteral("user"), username,
                               QJsonObject{{"server_roles", before->join(QLatin1Char(','))}}, after);
        !s)
        return s;
    return tx.commit();
}

Status UserService::revokeLogin(const Session& who, const QString& username) {
    if (!who.allows(permission::UserAdmin)) return denied(who, permission::UserAdmin);
    if (auto s = requirePostgres(store_); !s) return s;
    Database& db = store_.db();
    Transaction tx(db);
    if (!tx.started()) return tx.started();
    auto exists = db.query(QStringLiteral("SELECT 1 FROM pg_roles WHERE rolname = ?"), {username});
    if (!exists) return exists.error();
    if (exists->empty()) return fail("no login '" + username.toStdString() + "' on the server", ErrorKind::NotFound);
    auto before = groupsOf(db, username);
    if (!before) return before.error();
    auto database = currentDatabase(db);
    if (!database) return database.error();
    const QString login = quoteIdentifier(username);
    for (const auto& group : *before)
        if (auto s = db.exec(QStringLiteral("REVOKE vakt_%1 FROM %2").arg(group, login)); !s) return s;
    if (auto s = db.exec(QStringLiteral("REVOKE CONNECT ON DATABASE %1 FROM %2").arg(*database, login)); !s) return s;
    if (auto s = store_.record(who, QStringLiteral("user.revoke_login"), QStringLiteral("user"), username,
                               QJsonObject{{"server_roles", before->join(QLatin1Char(','))}}, QJsonObject{{"server_roles", ""}});
        !s)
        return s;
    return tx.commit();
}

Result<QList<ServerLogin>> UserService::serverLogins(const Session& who) {
    if (!who.allows(permission::UserRead)) return denied(who, permission::UserRead).error();
    if (auto s = requirePostgres(store_); !s) return s.error();
    // Group roles are the server's, shared by its databases: a member with CONNECT here counts.
    auto rows = store_.db().query(QStringLiteral(
        "SELECT u.rolname, substr(g.rolname, 6), u.rolcanlogin, EXISTS (SELECT 1 FROM users WHERE username = u.rolname) "
        "FROM %1 AND has_database_privilege(u.oid, current_database(), 'CONNECT') ORDER BY 1, 2").arg(QLatin1String(kMemberships)));
    if (!rows) return rows.error();
    QList<ServerLogin> out;
    for (const auto& r : *rows) out << ServerLogin{r.value(0).toString(), r.value(1).toString(), r.value(2).toBool(), r.value(3).toBool()};
    return out;
}

}  // namespace vakt
