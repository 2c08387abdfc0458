// vakt init and vakt migrate: create a database, or bring one up to this program's schema.
#include <QStringList>

#include "app/demo.h"
#include "cli/command.h"
#include "core/data_dir.h"
#include "core/migrations.h"

namespace vakt::cli {
namespace {

constexpr const char* kInitHelp = R"(Usage: vakt [--db URL] init [--demo]

Creates the database if it does not exist and applies every migration. With --demo, loads the
demo platform (all kommuner and fylkeskommuner, services, vendors, agreements, users) into a
new database. Demo users: admin and one per role, password in data/demo/platform.json.
)";

constexpr const char* kMigrateHelp = R"(Usage: vakt [--db URL] migrate

Applies every module's migrations that the database does not have yet, each in its own
transaction, and prints each module's schema version. A database from Vakt 0.1 (one global
schema list) is first mapped, in place, to the modules. The other commands and programs refuse
a database that is behind and name this command.
)";

// "Database X is at schema version core 1, catalog 2, …": each module's version, in migration order.
void printSchema(Store& store) {
    auto versions = schemaVersions(store.db());
    QStringList parts;
    if (versions)
        for (const auto& m : registeredSchemas()) parts << m.module + QLatin1Char(' ') + QString::number(versions->count(m.module) ? versions->at(m.module) : 0);
    out() << "Database " << store.location() << " is at schema version " << parts.join(QStringLiteral(", ")) << ".\n";
}

int init(Context& ctx, Args& a) {
    const bool demo = a.flag(QStringLiteral("--demo"));
    a.expectEnd();
    auto store = Store::open(ctx.globals().db, Store::OpenMode::Create);
    if (!store) return failWith(store.message());
    printSchema(**store);
    if (demo) {
        auto summary = loadDemo(**store, dataDir());
        if (!summary) return failWith("loading demo data: " + summary.message());
        out() << "Loaded demo platform: " << summary->kommuner << " kommuner in " << summary->fylker << " fylker, "
              << summary->fylkeskommuner << " fylkeskommuner, " << summary->organisations << " organisations in all, " << summary->catalogEntries
              << " catalogue entries, " << summary->agreements << " agreements, " << summary->vendors << " vendors with "
              << summary->vendorSystems << " systems, " << summary->people << " people, " << summary->users << " users, "
              << summary->threatModels << " threat models with " << summary->risks << " risks, " << summary->reviewTasks
              << " review tasks, " << summary->cases << " service-desk cases and " << summary->changes << " change requests.\n";
    }
    out().flush();
    return kOk;
}

int migrate(Context& ctx, Args& a) {
    a.expectEnd();
    auto store = Store::open(ctx.globals().db, Store::OpenMode::Migrate);
    if (!store) return failWith(store.message());
    printSchema(**store);
    out().flush();
    return kOk;
}

const CommandRegistration initRegistration{Command{
    .name = "init",
    .summary = "  init [--demo]                      create or migrate the database; --demo loads the demo platform\n",
    .help = kInitHelp,
    .order = 10,
    .needsDatabase = true,
    .run = init,
}};

const CommandRegistration migrateRegistration{Command{
    .name = "migrate",
    .summary = "  migrate                            bring an existing database up to this program's schema\n",
    .help = kMigrateHelp,
    .order = 20,
    .needsDatabase = true,
    .run = migrate,
}};

}  // namespace
}  // namespace vakt::cli
