#include "core/user_service.h"

#include <QRegularExpression>

#include "core/base/crypto.h"

namespace vakt {

Status UserService::add(const Session& who, const NewUser& u) {
    if (!who.allows(permission::UserAdmin)) return denied(who, permission::UserAdmin);
    static const QRegularExpression namePattern(QStringLiteral("^[a-z][a-z0-9._-]{1,31}$"));
    if (!namePattern.match(u.username).hasMatch())
        return fail("username '" + u.username.toStdString() + "': use 2-32 lower-case letters, digits, '.', '_' or '-', starting with a letter");
    if (u.password.size() < kMinPasswordLength)
        return fail("password: must be at least " + std::to_string(kMinPasswordLength) + " characters");
    const QString display = u.displayName.trimmed().isEmpty() ? u.username : u.displayName.trimmed();
    const QString hash = QString::fromStdString(crypto::hashPassword(u.password.toStdString()));

    Transaction tx(store_.db());
    if (!tx.started()) return tx.started();
    auto existing = store_.db().query(QStringLiteral("SELECT 1 FROM users WHERE username = ?"), {u.username});
    if (!existing) return existing.error();
    if (!existing->empty()) return fail("username '" + u.username.toStdString() + "': already exists", ErrorKind::Conflict);
    const QString created = store_.clock().now().toString(Qt::ISODate);
    if (auto s = store_.db().exec(QStringLiteral("INSERT INTO users (username, display_name, role, password_hash, person_email, active,"
                                                 " created_at) VALUES (?, ?, ?, ?, ?, 1, ?)"),
                                  {u.username, display, roleCode(u.role), hash,
                                   u.personEmail.isEmpty() ? QVariant() : QVariant(u.personEmail), created});
        !s)
        return s;
    // The trail records who got which role, never the password hash.
    QJsonObject after{{"username", u.username}, {"display_name", display}, {"role", roleCode(u.role)}, {"active", true}};
    if (!u.personEmail.isEmpty()) after["person"] = u.personEmail;
    if (auto s = store_.record(who, QStringLiteral("user.create"), QStringLiteral("user"), u.username, {}, after); !s) return s;
    return tx.commit();
}

Status UserService::setActive(const Session& who, const QString& username, bool active) {
    if (!who.allows(permission::UserAdmin)) return denied(who, permission::UserAdmin);
    if (!active && username == who.username) return fail("user '" + username.toStdString() + "': you cannot deactivate your own account");
    Transaction tx(store_.db());
    if (!tx.started()) return tx.started();
    auto rows = store_.db().query(QStringLiteral("SELECT active FROM users WHERE username = ? {LOCK}"), {username});
    if (!rows) return rows.error();
    if (rows->empty()) return fail("no user '" + username.toStdString() + "'", ErrorKind::NotFound);
    const bool was = rows->front().value(0).toInt() != 0;
    if (was == active) return tx.commit();
    if (auto s = store_.db().exec(QStringLiteral("UPDATE users SET active = ? WHERE username = ?"), {active ? 1 : 0, username}); !s) return s;
    if (auto s = store_.record(who, active ? QStringLiteral("user.enable") : QStringLiteral("user.disable"), QStringLiteral("user"), username,
                               QJsonObject{{"active", was}}, QJsonObject{{"active", active}});
        !s)
        return s;
    return tx.commit();
}

Status UserService::resetPassword(const Session& who, const QString& username, const QString& password) {
    if (!who.allows(permission::UserAdmin)) return denied(who, permission::UserAdmin);
    if (password.size() < kMinPasswordLength)
        return fail("password: must be at least " + std::to_string(kMinPasswordLength) + " characters");
    const QString hash = QString::fromStdString(crypto::hashPassword(password.toStdString()));
    Transaction tx(store_.db());
    if (!tx.started()) return tx.started();
    auto rows = store_.db().query(QStringLiteral("SELECT 1 FROM users WHERE username = ? {LOCK}"), {username});
    if (!rows) return rows.error();
    if (rows->empty()) return fail("no user '" + username.toStdString() + "'", ErrorKind::NotFound);
    if (auto s = store_.db().exec(QStringLiteral("UPDATE users SET password_hash = ? WHERE username = ?"), {hash, username}); !s) return s;
    // That it happened and who did it, never the password or its hash.
    if (auto s = store_.record(who, QStringLiteral("user.reset_password"), QStringLiteral("user"), username, {}, QJsonObject{{"password", "reset"}});
        !s)
        return s;
    return tx.commit();
}

Result<QList<UserInfo>> UserService::list(const Session& who) {
    if (!who.allows(permission::UserRead)) return denied(who, permission::UserRead).error();
    auto rows = store_.db().query(QStringLiteral(
        "SELECT username, display_name, role, active, COALESCE(person_email, ''), created_at FROM users ORDER BY username"));
    if (!rows) return rows.error();
    QList<UserInfo> out;
    for (const auto& r : *rows) {
        UserInfo u;
        u.username = r.value(0).toString();
        u.displayName = r.value(1).toString();
        u.role = roleFromCode(r.value(2).toString()).value_or(Role::Revisor);
        u.active = r.value(3).toInt() != 0;
        u.personEmail = r.value(4).toString();
        u.createdAt = QDateTime::fromString(r.value(5).toString(), Qt::ISODate);
        out << u;
    }
    return out;
}

Result<Session> UserService::activeUser(const QString& username, QString* passwordHash) {
    auto rows = store_.db().query(QStringLiteral("SELECT role, password_hash, active FROM users WHERE username = ?"), {username});
    if (!rows) return rows.error();
    if (rows->empty() || rows->front().value(2).toInt() == 0) return fail("unknown user or wrong password", ErrorKind::Denied);
    auto role = roleFromCode(rows->front().value(0).toString());
    // An unknown role code gets nothing rather than something, and says no more than a wrong
    // name would, so it does not reveal that the user exists.
    if (!role) return fail("unknown user or wrong password", ErrorKind::Denied);
    if (passwordHash) *passwordHash = rows->front().value(1).toString();
    return Session{username, *role};
}

Result<Session> UserService::authenticate(const QString& username, const QString& password) {
    QString hash;
    auto session = activeUser(username, &hash);
    if (!session) {
        // Spend the same time as a real check, so timing does not reveal which names exist.
        (void)crypto::verifyPassword(password.toStdString(),
                                     "$scrypt$ln=15,r=8,p=1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");
        return fail("unknown user or wrong password", ErrorKind::Denied);
    }
    if (!crypto::verifyPassword(password.toStdString(), hash.toStdString())) return fail("unknown user or wrong password", ErrorKind::Denied);
    return session;
}

Result<QString> UserService::displayName(const Session& who) {
    if (store_.engine() == Engine::Postgres) {
        // A login's own record, which its role may not be granted to read from the table.
        auto own = store_.db().query(QStringLiteral("SELECT l.display_name, session_user FROM vakt_login() l"));
        if (own && !own->empty() && own->front().value(1).toString() == who.username && !own->front().value(0).isNull())
            return own->front().value(0).toString();
    }
    auto rows = store_.db().query(QStringLiteral("SELECT display_name FROM users WHERE username = ?"), {who.username});
    if (!rows) return rows.error();
    return rows->empty() ? who.username : rows->front().value(0).toString();
}

Result<Session> UserService::demoSession(const QString& username) {
    if (!store_.isDemo()) return fail("signing in without a password is only allowed on a demo database (vakt init --demo)");
    auto session = activeUser(username, nullptr);
    if (!session) return fail("no active user '" + username.toStdString() + "' in the demo database");
    return session;
}

Result<int> UserService::addDemoUsers(const Session& who, const json::Value& platform) {
    auto text = [](const json::Value& obj, const char* key) {
        const json::Value* v = obj.find(key);
        return v && v->isString() ? QString::fromStdString(v->text) : QString();
    };
    const json::Value* list = platform.find("users");
    if (!list || !list->isArray()) return fail("platform.json: field 'users': expected a list of users");
    const QString password = text(platform, "demo_password");
    int added = 0;
    for (const auto& u : list->items) {
        auto role = roleFromCode(text(u, "role"));
        if (!role) return fail("demo user " + text(u, "username").toStdString() + ": unknown role");
        if (auto s = add(who, NewUser{text(u, "username"), text(u, "display_name"), *role, password, text(u, "person")}); !s) return s.error();
        ++added;
    }
    return added;
}

}  // namespace vakt
