// vakt keys: create the audit ledger's keys; needs the key directory but no database.
#include "cli/command.h"
#include "collector/audit/keys.h"

namespace vakt::cli {
namespace {

constexpr const char* kKeysHelp = R"(Usage: vakt --keys DIR keys init

  init              create the audit ledger's keys in DIR (default $VAKT_KEYS): the HMAC key
                    that pseudonymises person ids and the Ed25519 key that signs tree heads.
                    Keep DIR outside the database and back it up; keys are never overwritten
)";

int init(Context& ctx, Args& a) {
    a.expectEnd();
    const QString& dir = ctx.globals().keys;
    if (dir.isEmpty()) throw UsageError("no key directory given: use --keys DIR or set VAKT_KEYS");
    if (auto s = vakt::audit::LedgerKeys::init(dir); !s) return failWith(s.message());
    out() << "Created the audit ledger's keys in " << dir << ". Keep this directory outside the database and back it up.\n";
    out().flush();
    return kOk;
}

int keysCommand(Context& ctx, Args& a) {
    static constexpr Subcommand<Handler> kSubcommands[] = {{"init", init}};
    return runSubcommand(ctx, a, "keys", kSubcommands);
}

const CommandRegistration registration{Command{
    .name = "keys",
    .summary = "  keys init                          create the audit ledger's keys (--keys DIR)\n",
    .help = kKeysHelp,
    .order = 80,
    .needsDatabase = false,
    .run = keysCommand,
}};

}  // namespace
}  // namespace vakt::cli
