// vakt keys: create the audit ledger's keys and show the fingerprint its operator publishes;
// needs the key directory but no database.
#include <QDir>

#include "cli/command.h"
#include "collector/audit/keys.h"
#include "core/base/crypto.h"

namespace vakt::cli {
namespace {

constexpr const char* kKeysHelp = R"(Usage: vakt --keys DIR keys init|fingerprint

  init              create the audit ledger's keys in DIR (default $VAKT_KEYS): the HMAC key
                    that pseudonymises person ids and the Ed25519 key that signs tree heads.
                    Keep DIR outside the database and back it up; keys are never overwritten
  fingerprint       the fingerprint of the key that signs tree heads, and its public key file:
                    publish both, so whoever receives a proof can check it against them
                    (vakt audit check-proof --public-key)
)";

QString keyDirectory(Context& ctx) {
    const QString& dir = ctx.globals().keys;
    if (dir.isEmpty()) throw UsageError("no key directory given: use --keys DIR or set VAKT_KEYS");
    return dir;
}

int init(Context& ctx, Args& a) {
    a.expectEnd();
    const QString dir = keyDirectory(ctx);
    if (auto s = vakt::audit::LedgerKeys::init(dir); !s) return failWith(s.message());
    out() << "Created the audit ledger's keys in " << dir << ". Keep this directory outside the database and back it up.\n";
    out().flush();
    return kOk;
}

int fingerprint(Context& ctx, Args& a) {
    a.expectEnd();
    auto keys = vakt::audit::LedgerKeys::load(keyDirectory(ctx));
    if (!keys) return failWith(keys.message());
    auto print = crypto::ed25519Fingerprint(keys->publicPem());
    if (!print) return failWith(print.message());
    out() << QString::fromStdString(*print) << "\n"
          << QDir(keyDirectory(ctx)).absoluteFilePath(QStringLiteral("signing-ed25519.pub.pem")) << "\n";
    out().flush();
    return kOk;
}

int keysCommand(Context& ctx, Args& a) {
    static constexpr Subcommand<Handler> kSubcommands[] = {{"init", init}, {"fingerprint", fingerprint}};
    return runSubcommand(ctx, a, "keys", kSubcommands);
}

const CommandRegistration registration{Command{
    .name = "keys",
    .summary = "  keys init|fingerprint              create the audit ledger's keys (--keys DIR); show the\n"
               "                                     fingerprint its operator publishes\n",
    .help = kKeysHelp,
    .order = 80,
    .needsDatabase = false,
    .run = keysCommand,
}};

}  // namespace
}  // namespace vakt::cli
