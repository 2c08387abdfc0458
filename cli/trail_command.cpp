// vakt trail: verify and read the hash-chained record of every change.
#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "cli/command.h"
#include "collector/audit/ledger.h"

namespace vakt::cli {
namespace {

constexpr const char* kTrailHelp = R"(Usage: vakt [--db URL] trail SUBCOMMAND

  verify [--json]   recompute the hash chain; exit 0 when intact, 1 naming the first broken
                    entry when any entry was changed, deleted or reordered. With --keys DIR
                    (global) it is also checked against the heads the audit ledger's key
                    countersigned, so a chain rewritten or cut short by whoever can write the
                    database is caught too
  list [--entity ENTITY] [--key KEY] [--limit N] [--json]
                    show the newest entries
)";

int verify(Context& ctx, Args& a) {
    const bool json = a.flag(QStringLiteral("--json"));
    a.expectEnd();
    if (auto s = ctx.connect(); !s) return failWith(s.message());
    std::vector<TrailCheckpoint> countersigned;
    if (!ctx.globals().keys.isEmpty()) {
        auto keys = audit::LedgerKeys::load(ctx.globals().keys);
        if (!keys) return failWith(keys.message());
        auto checkpoints = audit::Ledger(ctx.store(), std::move(*keys)).trailCheckpoints(ctx.session());
        if (!checkpoints) return failWith(checkpoints.message());
        countersigned = std::move(*checkpoints);
    }
    const std::optional<TrailCheckpoint> newest = countersigned.empty() ? std::nullopt : std::optional(countersigned.back());
    auto check = ctx.store().verifyTrail(ctx.session(), std::move(countersigned));
    if (!check) return failWith(check.message());
    if (json) {
        QJsonObject o{{"intact", check->intact}, {"verified_entries", check->entries}, {"problem", QString::fromStdString(check->problem)}};
        if (newest) o["countersigned_up_to"] = static_cast<qint64>(newest->seq);
        printJson(o);
    } else if (check->intact) {
        out() << "Trail intact: " << counted(check->entries, "entry", "entries") << " verified.\n";
        if (newest)
            out() << "Checked against the heads countersigned with the audit ledger's key; the newest covers entry " << newest->seq
                  << " (signed " << QString::fromStdString(newest->signedAt) << ").\n";
    } else {
        err() << "Trail BROKEN: " << QString::fromStdString(check->problem) << " (" << check->entries
              << " entries before it are intact)" << Qt::endl;
    }
    out().flush();
    return check->intact ? kOk : kFailure;
}

int list(Context& ctx, Args& a) {
    const bool json = a.flag(QStringLiteral("--json"));
    const QString entity = a.option(QStringLiteral("--entity")).value_or(QString());
    const QString key = a.option(QStringLiteral("--key")).value_or(QString());
    const QString limitText = a.option(QStringLiteral("--limit")).value_or(QStringLiteral("50"));
    a.expectEnd();
    bool ok = false;
    const int limit = limitText.toInt(&ok);
    if (!ok || limit < 1 || limit > 100000) throw UsageError("--limit must be a number from 1 to 100000");
    if (auto s = ctx.connect(); !s) return failWith(s.message());
    auto entries = ctx.store().trail(ctx.session(), entity, key, limit);
    if (!entries) return failWith(entries.message());
    QJsonArray arr;
    for (const auto& e : *entries) {
        if (json) {
            QJsonObject o{{"seq", static_cast<qint64>(e.seq)}, {"at", QString::fromStdString(e.at)},
                          {"actor", QString::fromStdString(e.actor)}, {"action", QString::fromStdString(e.action)},
                          {"entity", QString::fromStdString(e.entity)}, {"key", QString::fromStdString(e.entityKey)},
                          {"hash", QString::fromStdString(e.hash)}};
            if (!e.before.empty()) o["before"] = QJsonDocument::fromJson(QByteArray::fromStdString(e.before)).object();
            if (!e.after.empty()) o["after"] = QJsonDocument::fromJson(QByteArray::fromStdString(e.after)).object();
            arr.append(o);
        } else {
            out() << QStringLiteral("%1 %2 %3 %4 %5\n").arg(e.seq, 7).arg(QString::fromStdString(e.at), -24)
                         .arg(QString::fromStdString(e.actor), -20).arg(QString::fromStdString(e.action), -20)
                         .arg(QString::fromStdString(e.entityKey));
        }
    }
    if (json) printJson(arr);
    out().flush();
    return kOk;
}

int trailCommand(Context& ctx, Args& a) {
    static constexpr Subcommand<Handler> kSubcommands[] = {{"verify", verify}, {"list", list}};
    return runSubcommand(ctx, a, "trail", kSubcommands);
}

const CommandRegistration registration{Command{
    .name = "trail",
    .summary = "  trail verify|list                  the tamper-evident record of every change\n",
    .help = kTrailHelp,
    .order = 50,
    .needsDatabase = true,
    .run = trailCommand,
}};

}  // namespace
}  // namespace vakt::cli
