// vakt monitoring: service health as vakt-collector recorded it, with the open alerts.
#include <QJsonArray>
#include <QJsonObject>

#include "cli/command.h"
#include "core/incidents.h"
#include "core/monitoring.h"

namespace vakt::cli {
namespace {

constexpr const char* kMonitoringHelp = R"(Usage: vakt [--db URL] monitoring SUBCOMMAND

  status [--json] [--targets]
                    every monitored service: current state (up, degraded, down) and since when,
                    availability over 24 h, 7 d and 30 d, error ratio over 24 h and the highest
                    per-minute p95 latency in the last hour, and the open alerts; --targets
                    lists every scrape target. --json gives {services, alerts[, targets]}
)";

int status(Context& ctx, Args& a) {
    const bool json = a.flag(QStringLiteral("--json"));
    const bool withTargets = a.flag(QStringLiteral("--targets"));
    a.expectEnd();
    if (auto s = ctx.connect(); !s) return failWith(s.message());
    MonitoringStore monitoring(ctx.store());
    auto services = monitoring.serviceStatus(ctx.session(), ctx.store().clock().now());
    if (!services) return failWith(services.message());
    auto percent = [](const std::optional<double>& v, int decimals) {
        return v ? QString::number(*v * 100, 'f', decimals) + QLatin1Char('%') : QStringLiteral("-");
    };
    auto number = [](const std::optional<double>& v) { return v ? QJsonValue(*v) : QJsonValue(); };
    QJsonArray arr;
    if (!json)
        out() << QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8\n").arg(QStringLiteral("SERVICE"), -20).arg(QStringLiteral("STATE"), -9)
                     .arg(QStringLiteral("SINCE"), -21).arg(QStringLiteral("AVAIL 24h"), 10).arg(QStringLiteral("7d"), 9)
                     .arg(QStringLiteral("30d"), 9).arg(QStringLiteral("ERRORS"), 8).arg(QStringLiteral("P95"), 8);
    for (const auto& s : *services) {
        if (json) {
            arr.append(QJsonObject{{"service", s.service}, {"name", s.name}, {"state", s.state},
                                   {"since", s.since.isValid() ? s.since.toString(Qt::ISODate) : QString()},
                                   {"targets", s.targets}, {"targets_up", s.targetsUp},
                                   {"availability_24h", number(s.availability24h)}, {"availability_7d", number(s.availability7d)},
                                   {"availability_30d", number(s.availability30d)}, {"error_ratio_24h", number(s.errorRatio24h)},
                                   {"p95_seconds_last_hour", number(s.p95LastHour)}, {"last_error", s.lastError}});
        } else {
            out() << QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8\n").arg(s.service, -20).arg(s.state, -9)
                         .arg(s.since.isValid() ? s.since.toString(Qt::ISODate) : QStringLiteral("-"), -21)
                         .arg(percent(s.availability24h, 2), 10).arg(percent(s.availability7d, 2), 9).arg(percent(s.availability30d, 2), 9)
                         .arg(percent(s.errorRatio24h, 2), 8)
                         .arg(s.p95LastHour ? QString::number(*s.p95LastHour * 1000, 'f', 0) + QStringLiteral("ms") : QStringLiteral("-"), 8);
        }
    }
    auto alerts = IncidentStore(ctx.store()).open(ctx.session(), QStringLiteral("monitoring"));
    if (!alerts) return failWith(alerts.message());
    QJsonArray alertArray;
    if (!json && !alerts->isEmpty()) out() << "\nOPEN ALERTS\n";
    for (const auto& i : *alerts) {
        if (json)
            alertArray.append(QJsonObject{{"title", i.title}, {"summary", i.summary}, {"severity", i.severity}, {"service", i.service},
                                          {"opened_at", i.openedAt.toString(Qt::ISODate)}, {"source", i.source}});
        else
            out() << QStringLiteral("%1 %2 %3 %4\n").arg(i.severity, -9).arg(i.openedAt.toString(Qt::ISODate), -21).arg(i.service, -20).arg(i.summary);
    }
    if (withTargets) {
        auto targets = monitoring.targets(ctx.session());
        if (!targets) return failWith(targets.message());
        if (!json) out() << "\nTARGETS\n";
        QJsonArray t;
        for (const auto& x : *targets) {
            if (json)
                t.append(QJsonObject{{"job", x.job}, {"instance", x.instance}, {"service", x.service}, {"health", x.health},
                                     {"last_error", x.lastError}, {"samples", x.samples}});
            else
                out() << QStringLiteral("%1 %2 %3 %4 %5\n").arg(x.job, -14).arg(x.instance, -22).arg(x.service, -20).arg(x.health, -8).arg(x.lastError);
        }
        if (json) {
            printJson(QJsonObject{{"services", arr}, {"targets", t}, {"alerts", alertArray}});
            return kOk;
        }
    }
    if (json) printJson(QJsonObject{{"services", arr}, {"alerts", alertArray}});
    out().flush();
    return kOk;
}

int monitoringCommand(Context& ctx, Args& a) {
    static constexpr Subcommand<Handler> kSubcommands[] = {{"status", status}};
    return runSubcommand(ctx, a, "monitoring", kSubcommands);
}

const CommandRegistration registration{Command{
    .name = "monitoring",
    .summary = "  monitoring status [--json]         service health from vakt-collector: state, availability,\n"
               "                                     error ratio, p95 latency\n",
    .help = kMonitoringHelp,
    .order = 60,
    .needsDatabase = true,
    .run = monitoringCommand,
}};

}  // namespace
}  // namespace vakt::cli
