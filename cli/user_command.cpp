// vakt user: Vakt's own users and their roles.
#include <QJsonArray>
#include <QJsonObject>

#include "cli/command.h"
#include "core/user_service.h"

namespace vakt::cli {
namespace {

constexpr const char* kUserHelp = R"(Usage: vakt [--db URL] user SUBCOMMAND

  add USERNAME --role ROLE [--name "Full Name"] [--person EMAIL] [--password-file FILE]
                    create a user; the password is read from FILE ('-' for stdin) or asked for
  list [--json]     list users and roles
  disable USERNAME  deactivate a user: they can no longer sign in; their history stays
  enable USERNAME   let a deactivated user sign in again
  reset-password USERNAME [--password-file FILE]
                    give a user a new password, read from FILE ('-' for stdin) or asked for

Roles: admin, sikkerhetsansvarlig, brukerstotte, produktansvarlig, leder, endringsrad,
revisor (read-only).
)";

int add(Context& ctx, Args& a) {
    const auto roleText = a.option(QStringLiteral("--role"));
    const QString name = a.option(QStringLiteral("--name")).value_or(QString());
    const QString person = a.option(QStringLiteral("--person")).value_or(QString());
    const auto passwordFile = a.option(QStringLiteral("--password-file"));
    const QString username = a.requiredPositional("username");
    a.expectEnd();
    const Role role = requiredRole(roleText);
    if (auto s = ctx.connect(); !s) return failWith(s.message());
    const QString password = readPassword(passwordFile, QStringLiteral("New password for %1: ").arg(username));
    UserService users(ctx.store());
    if (auto s = users.add(ctx.session(), NewUser{username, name, role, password, person}); !s) return failWith(s.message());
    out() << "Created user " << username << " with role " << *roleText << ".\n";
    out().flush();
    return kOk;
}

int list(Context& ctx, Args& a) {
    const bool json = a.flag(QStringLiteral("--json"));
    a.expectEnd();
    if (auto s = ctx.connect(); !s) return failWith(s.message());
    UserService users(ctx.store());
    auto all = users.list(ctx.session());
    if (!all) return failWith(all.message());
    QJsonArray arr;
    for (const auto& u : *all) {
        if (json)
            arr.append(QJsonObject{{"username", u.username}, {"display_name", u.displayName}, {"role", roleCode(u.role)},
                                   {"active", u.active}, {"person", u.personEmail}});
        else
            out() << QStringLiteral("%1 %2 %3 %4\n").arg(u.username, -22).arg(roleCode(u.role), -20)
                         .arg(u.active ? QStringLiteral("active") : QStringLiteral("inactive"), -9).arg(u.displayName);
    }
    if (json) printJson(arr);
    out().flush();
    return kOk;
}

int setActive(Context& ctx, Args& a, bool active) {
    const QString username = a.requiredPositional("username");
    a.expectEnd();
    if (auto s = ctx.connect(); !s) return failWith(s.message());
    if (auto s = UserService(ctx.store()).setActive(ctx.session(), username, active); !s) return failWith(s.message());
    out() << (active ? "Enabled user " : "Disabled user ") << username << ".\n";
    out().flush();
    return kOk;
}
int disable(Context& ctx, Args& a) { return setActive(ctx, a, false); }
int enable(Context& ctx, Args& a) { return setActive(ctx, a, true); }

int resetPassword(Context& ctx, Args& a) {
    const auto passwordFile = a.option(QStringLiteral("--password-file"));
    const QString username = a.requiredPositional("username");
    a.expectEnd();
    if (auto s = ctx.connect(); !s) return failWith(s.message());
    const QString password = readPassword(passwordFile, QStringLiteral("New password for %1: ").arg(username));
    if (auto s = UserService(ctx.store()).resetPassword(ctx.session(), username, password); !s) return failWith(s.message());
    out() << "Set a new password for " << username << ".\n";
    out().flush();
    return kOk;
}

int userCommand(Context& ctx, Args& a) {
    static constexpr Subcommand<Handler> kSubcommands[] = {
        {"add", add}, {"list", list}, {"disable", disable}, {"enable", enable}, {"reset-password", resetPassword}};
    return runSubcommand(ctx, a, "user", kSubcommands);
}

const CommandRegistration registration{Command{
    .name = "user",
    .summary = "  user add|list|disable|enable|reset-password\n"
               "                                     Vakt's own users and roles\n",
    .help = kUserHelp,
    .order = 40,
    .needsDatabase = true,
    .run = userCommand,
}};

}  // namespace
}  // namespace vakt::cli
