#pragma once
// Vakt's own users: accounts, roles and sign-in.
#include <QDateTime>
#include <QList>
#include <optional>

#include "core/base/json.h"
#include "core/store.h"

namespace vakt {

struct UserInfo {
    QString username;
    QString displayName;
    Role role = Role::Revisor;
    bool active = true;
    QString personEmail;
    QDateTime createdAt;
};

// A login on the PostgreSQL server that holds a Vakt role there.
struct ServerLogin {
    QString login;
    QString role;         // role code
    bool canLogin = true;  // false while its Vakt user is deactivated
    bool vaktUser = true;  // false: no Vakt user of that name in this database
};

struct NewUser {
    QString username;
    QString displayName;
    Role role = Role::Revisor;
    QString password;
    QString personEmail;
};

class UserService {
public:
    explicit UserService(Store& store) : store_(store) {}

    static constexpr int kMinPasswordLength = 12;

    Status add(const Session& who, const NewUser& user);
    // The demo platform's users, one per role, from data/demo/platform.json ("users", with its
    // "demo_password"); gives how many were added.
    Result<int> addDemoUsers(const Session& who, const json::Value& platform);
    Result<QList<UserInfo>> list(const Session& who);
    // Deactivating keeps the user and their history; they can no longer sign in. One's own
    // account cannot be deactivated, so an administrator cannot lock everyone out by mistake.
    Status setActive(const Session& who, const QString& username, bool active);
    // A new password (at least kMinPasswordLength characters), recorded in the trail without it.
    Status resetPassword(const Session& who, const QString& username, const QString& password);
    // The same message for an unknown user and a wrong password, so names cannot be probed.
    Result<Session> authenticate(const QString& username, const QString& password);
    // A signed-in user's own display name; reading one's own record needs no permission.
    Result<QString> displayName(const Session& who);
    // Sign-in by name alone, allowed only on a demo database.
    Result<Session> demoSession(const QString& username);

    // Who the server says this connection is (PostgreSQL). A login holding one Vakt role acts as
    // the active Vakt user of its name, with that role, and no password of Vakt's is asked for:
    // the server has authenticated it. The owner of Vakt's tables gets no session here (it signs
    // in as a Vakt user or acts as the local operator); any other login is refused. Nothing on SQLite.
    Result<std::optional<Session>> serverSession();
    // vakt db grant: USER's login on the server (created when missing, with a password when one
    // is given) becomes a member of exactly ROLE's group and may connect to this database; the
    // Vakt user gets that role. Needs user.admin, and a connection that may manage roles.
    Status grantLogin(const Session& who, const QString& username, Role role, const std::optional<QString>& password);
    // vakt db revoke: the login loses every Vakt role and its right to connect; the login stays.
    Status revokeLogin(const Session& who, const QString& username);
    Result<QList<ServerLogin>> serverLogins(const Session& who);

private:
    Result<Session> activeUser(const QString& username, QString* passwordHash);
    Store& store_;
};

}  // namespace vakt
