// vakt catalog: list, show, export and import the service catalogue.
#include <QDate>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <cstdio>
#include <string_view>
#include <utility>

#include "cli/command.h"
#include "core/catalog_service.h"

namespace vakt::cli {
namespace {

constexpr const char* kCatalogHelp = R"(Usage: vakt [--db URL] catalog SUBCOMMAND

  list [--json] [--kind service|component] [--search TEXT]
                    list services and components with agreements and ROS/DPIA state
  show KEY [--json] every field of one entry, what it uses and what uses it
  export [--format json|csv] [--output FILE]
                    write the whole catalogue (default JSON to standard output)
  import FILE [--format json|csv] [--dry-run]
                    create or update entries by key; the whole file is rejected on the
                    first error, which names file:line and the field ('-' reads stdin)
)";

int list(Context& ctx, Args& a) {
    const bool json = a.flag(QStringLiteral("--json"));
    const auto kind = a.option(QStringLiteral("--kind"));
    const auto search = a.option(QStringLiteral("--search"));
    a.expectEnd();
    if (kind && !EntryKind::all().contains(*kind))
        throw UsageError(("--kind must be one of " + EntryKind::all().join(", ") + ", not '" + *kind + "'").toStdString());
    if (auto s = ctx.connect(); !s) return failWith(s.message());
    CatalogService catalog(ctx.store());
    auto entries = catalog.list(ctx.session());
    if (!entries) return failWith(entries.message());
    const QDate today = ctx.store().clock().today();
    auto docState = [&](const QDate& d) {
        if (!d.isValid()) return QStringLiteral("missing");
        return d < today.addMonths(-12) ? QStringLiteral("outdated") : QStringLiteral("current");
    };
    QJsonArray arr;
    const QString row = QStringLiteral("%1 %2 %3 %4 %5 %6 %7\n");
    if (!json)
        out() << row.arg(QStringLiteral("KEY"), -20).arg(QStringLiteral("KIND"), -10).arg(QStringLiteral("LIFECYCLE"), -11)
                     .arg(QStringLiteral("AGREEMENTS"), 10).arg(QStringLiteral("ROS"), -13).arg(QStringLiteral("DPIA"), -14)
                     .arg(QStringLiteral("NAME"));
    for (const auto& s : *entries) {
        if (kind && s.kind != *kind) continue;
        if (search && !s.name.contains(*search, Qt::CaseInsensitive) && !s.key.contains(*search, Qt::CaseInsensitive)) continue;
        if (json) {
            arr.append(QJsonObject{{"key", s.key}, {"name", s.name}, {"kind", s.kind}, {"lifecycle", s.lifecycle},
                                   {"product_owner", s.productOwner}, {"established_year", s.establishedYear},
                                   {"agreements", s.agreements}, {"ros", docState(s.newestRos)}, {"dpia", docState(s.newestDpia)},
                                   {"last_reviewed", s.lastReviewed.toString(Qt::ISODate)}});
        } else {
            out() << row.arg(s.key, -20).arg(s.kind, -10).arg(s.lifecycle, -11).arg(s.agreements, 10)
                         .arg(QStringLiteral("ros:") + docState(s.newestRos), -13)
                         .arg(QStringLiteral("dpia:") + docState(s.newestDpia), -14).arg(s.name);
        }
    }
    if (json) printJson(arr);
    out().flush();
    return kOk;
}

int show(Context& ctx, Args& a) {
    const bool json = a.flag(QStringLiteral("--json"));
    const QString key = a.requiredPositional("catalogue key");
    a.expectEnd();
    if (auto s = ctx.connect(); !s) return failWith(s.message());
    CatalogService catalog(ctx.store());
    auto entry = catalog.get(ctx.session(), key);
    if (!entry) return failWith(entry.message());
    if (!*entry) return failWith("no catalogue entry with key '" + key.toStdString() + "'");
    auto usedBy = catalog.usedBy(ctx.session(), key);
    auto agreements = catalog.agreementCount(ctx.session(), key);
    if (!usedBy || !agreements) return failWith(!usedBy ? usedBy.message() : agreements.message());
    const CatalogEntry& e = **entry;
    if (json) {
        QJsonObject o = catalogEntryToJson(e);
        o["used_by"] = QJsonArray::fromStringList(*usedBy);
        o["agreements"] = *agreements;
        printJson(o);
        return kOk;
    }
    auto line = [](const char* label, const QString& value) {
        if (!value.isEmpty()) out() << QStringLiteral("%1 %2\n").arg(QString::fromLatin1(label), -20).arg(value);
    };
    line("Key:", e.key);
    line("Name:", e.name);
    line("Kind:", e.kind);
    line("Lifecycle:", e.lifecycle);
    line("Established:", e.establishedYear ? QString::number(e.establishedYear) : QString());
    line("Last reviewed:", e.lastReviewed.toString(Qt::ISODate));
    line("Product owner:", e.productOwnerEmail);
    line("Agreements:", QString::number(*agreements));
    line("Uses:", e.dependsOn.join(QStringLiteral(", ")));
    line("Used by:", usedBy->join(QStringLiteral(", ")));
    line("National comps:", e.nationalComponents.join(QStringLiteral(", ")));
    for (const auto& [label, text] : {std::pair{"Goal", &e.goal}, {"Background", &e.background}, {"Expected use", &e.expectedUse},
                                      {"Description", &e.description}, {"Special terms", &e.specialTerms}})
        if (!text->isEmpty()) out() << "\n" << label << ":\n  " << *text << "\n";
    if (!e.roles.isEmpty()) out() << "\nRoles:\n";
    for (const auto& r : e.roles) out() << "  " << r.team << ": " << r.role << " – " << r.personEmail << "\n";
    if (!e.documents.isEmpty()) out() << "\nDocuments:\n";
    for (const auto& d : e.documents)
        out() << "  " << d.kind << ": " << d.title << " v" << d.version << " (" << d.date.toString(Qt::ISODate) << ")\n";
    out().flush();
    return kOk;
}

int exportAll(Context& ctx, Args& a) {
    const QString format = a.option(QStringLiteral("--format")).value_or(QStringLiteral("json"));
    const auto output = a.option(QStringLiteral("--output"));
    a.expectEnd();
    if (format != QLatin1String("json") && format != QLatin1String("csv"))
        throw UsageError(("--format must be json or csv, not '" + format + "'").toStdString());
    if (auto s = ctx.connect(); !s) return failWith(s.message());
    CatalogService catalog(ctx.store());
    auto all = catalog.all(ctx.session());
    if (!all) return failWith(all.message());
    const QByteArray data = format == QLatin1String("csv") ? catalogToCsv(*all) : catalogToJson(*all);
    if (output && *output != QLatin1String("-")) {
        QFile f(*output);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(data) != data.size())
            return failWith(output->toStdString() + ": cannot write: " + f.errorString().toStdString());
        err() << "Exported " << counted(all->size(), "entry", "entries") << " to " << *output << Qt::endl;
    } else {
        out().flush();
        fwrite(data.constData(), 1, static_cast<size_t>(data.size()), stdout);
        fflush(stdout);
    }
    return kOk;
}

int importFile(Context& ctx, Args& a) {
    auto format = a.option(QStringLiteral("--format"));
    const bool dryRun = a.flag(QStringLiteral("--dry-run"));
    const QString file = a.requiredPositional("import file");
    a.expectEnd();
    if (!format) format = file.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive) ? QStringLiteral("csv") : QStringLiteral("json");
    if (*format != QLatin1String("json") && *format != QLatin1String("csv"))
        throw UsageError(("--format must be json or csv, not '" + *format + "'").toStdString());
    auto data = readInput(file);
    if (!data) return failWith(data.message());
    const QString name = file == QLatin1String("-") ? QStringLiteral("<stdin>") : file;
    const std::string_view text(data->constData(), static_cast<std::size_t>(data->size()));
    auto entries = *format == QLatin1String("csv") ? catalogFromCsv(text, name) : catalogFromJson(text, name);
    if (!entries) return failWith(entries.message() + "\nNothing was imported.");
    if (auto s = ctx.connect(); !s) return failWith(s.message());
    if (dryRun) {
        out() << name << ": " << counted(entries->size(), "entry is", "entries are") << " valid (dry run, nothing written).\n";
        out().flush();
        return kOk;
    }
    CatalogService catalog(ctx.store());
    if (auto s = catalog.importEntries(ctx.session(), *entries, name); !s) return failWith(s.message() + "\nNothing was imported.");
    out() << "Imported " << counted(entries->size(), "entry", "entries") << " from " << name << ".\n";
    out().flush();
    return kOk;
}

int catalogCommand(Context& ctx, Args& a) {
    static constexpr Subcommand<Handler> kSubcommands[] = {{"list", list}, {"show", show}, {"export", exportAll}, {"import", importFile}};
    return runSubcommand(ctx, a, "catalog", kSubcommands);
}

const CommandRegistration registration{Command{
    .name = "catalog",
    .summary = "  catalog list|show|export|import    the service catalogue (produktkatalog)\n",
    .help = kCatalogHelp,
    .order = 30,
    .needsDatabase = true,
    .run = catalogCommand,
}};

}  // namespace
}  // namespace vakt::cli
