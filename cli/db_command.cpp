// vakt db: on PostgreSQL, the logins through which the server itself enforces Vakt's roles.
#include <QJsonArray>
#include <QJsonObject>

#include "cli/command.h"
#include "core/user_service.h"

namespace vakt::cli {
namespace {

constexpr const char* kDbHelp = R"(Usage: vakt --db postgresql://... db SUBCOMMAND

On PostgreSQL each Vakt role is a group role on the server (vakt_admin, vakt_revisor, ...)
granted exactly the tables the role may read and write, and each person connects with a
login of their own. The server then enforces the role whatever program the login uses, and
writes every change to a governed table into the trail itself.

  grant USER --role ROLE [--password-file FILE]
                    give the Vakt user USER a server login of the same name (created when
                    missing) in ROLE's group only, allowed to connect to this database; with
                    --password-file the login gets that password (stored as SCRAM-SHA-256),
                    otherwise it signs in by the server's other methods (certificate, peer)
  revoke USER       take every Vakt role and the right to connect from USER's login
  logins [--json]   the server's logins that hold a Vakt role here

Run grant and revoke as the login that owns Vakt's tables (it needs CREATEROLE). Once the
first login is granted, only granted logins, the owner and superusers may connect.
)";

int grant(Context& ctx, Args& a) {
    const auto roleText = a.option(QStringLiteral("--role"));
    const auto passwordFile = a.option(QStringLiteral("--password-file"));
    const QString username = a.requiredPositional("user");
    a.expectEnd();
    const Role role = requiredRole(roleText);
    if (auto s = ctx.connect(); !s) return failWith(s.message());
    std::optional<QString> password;
    if (passwordFile) password = readPassword(passwordFile, {});
    if (auto s = UserService(ctx.store()).grantLogin(ctx.session(), username, role, password); !s) return failWith(s.message());
    out() << "The login " << username << " now holds the role " << *roleText << " on the server.\n";
    out().flush();
    return kOk;
}

int revoke(Context& ctx, Args& a) {
    const QString username = a.requiredPositional("user");
    a.expectEnd();
    if (auto s = ctx.connect(); !s) return failWith(s.message());
    if (auto s = UserService(ctx.store()).revokeLogin(ctx.session(), username); !s) return failWith(s.message());
    out() << "The login " << username << " holds no Vakt role and may not connect any more.\n";
    out().flush();
    return kOk;
}

int logins(Context& ctx, Args& a) {
    const bool json = a.flag(QStringLiteral("--json"));
    a.expectEnd();
    if (auto s = ctx.connect(); !s) return failWith(s.message());
    auto all = UserService(ctx.store()).serverLogins(ctx.session());
    if (!all) return failWith(all.message());
    QJsonArray arr;
    if (!json) out() << QStringLiteral("%1 %2 %3 %4\n").arg(QStringLiteral("LOGIN"), -22).arg(QStringLiteral("ROLE"), -20)
                            .arg(QStringLiteral("SIGN-IN"), -9).arg(QStringLiteral("VAKT USER"));
    for (const auto& l : *all) {
        if (json)
            arr.append(QJsonObject{{"login", l.login}, {"role", l.role}, {"can_login", l.canLogin}, {"vakt_user", l.vaktUser}});
        else
            out() << QStringLiteral("%1 %2 %3 %4\n").arg(l.login, -22).arg(l.role, -20)
                         .arg(l.canLogin ? QStringLiteral("yes") : QStringLiteral("no"), -9)
                         .arg(l.vaktUser ? QStringLiteral("yes") : QStringLiteral("none here"));
    }
    if (json) printJson(arr);
    out().flush();
    return kOk;
}

int dbCommand(Context& ctx, Args& a) {
    static constexpr Subcommand<Handler> kSubcommands[] = {{"grant", grant}, {"revoke", revoke}, {"logins", logins}};
    return runSubcommand(ctx, a, "db", kSubcommands);
}

const CommandRegistration registration{Command{
    .name = "db",
    .summary = "  db grant|revoke|logins             PostgreSQL: logins of their own, whose roles the\n"
               "                                     server enforces\n",
    .help = kDbHelp,
    .order = 45,
    .needsDatabase = true,
    .run = dbCommand,
}};

}  // namespace
}  // namespace vakt::cli
