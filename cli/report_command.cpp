// vakt report: the reports for managers and auditors, each drawn from the registers with the
// caller's session, written as PDF, HTML, ODT, XLSX or CSV and recorded in the trail.
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <cstdio>

#include "cli/command.h"
#include "cli/risk_common.h"
#include "reports/report_service.h"

namespace vakt::cli {
namespace {

constexpr const char* kReportHelp = R"(Usage: vakt [--db URL] [--user NAME] report KIND --format FORMAT --out FILE [options]
       vakt [--db URL] [--user NAME] report runs [--json]

KIND is one of
  nsm             maturity against NSM's basic principles (Grunnprinsipper for IKT-sikkerhet):
                  assessed and target levels, indicators from Vakt's registers, trend over the
                  last four assessments, gaps and a prioritised action list, with an executive
                  summary first. The levels are on Vakt's own 0-5 scale (NSM publishes none).
  ros             risk and vulnerability analysis: the top risks across services with their
                  trend and the maturity gaps linked to them, then per service the threat model,
                  risks before and after measures on the matrix, and the measures
  incidents       counts, trend, time to respond and resolve against targets, by service,
                  type, priority and severity
  access-review   per privilege review: scope, decisions, flags, revocations, attestation
  changes         the change advisory board's minutes for the meetings in the period
  catalog         the service catalogue with the freshness of each ROS and DPIA
  soa             Statement of Applicability against ISO/IEC 27001:2022 Annex A (93 controls)

Options
  --format pdf|html|odt|xlsx|csv   (required) ODT is editable; XLSX has one sheet per table
  --out FILE                       (required) written atomically; '-' writes to standard output
  --period P                       2026, 2026-Q3, 2026-H1, 2026-11, 2026-11-02 or FROM..TO
                                   (default: the last twelve months; nsm: as of its end)
  --service KEY                    ros, nsm, incidents: one service (nsm: the service's scope)
  --campaign ID                    access-review: one campaign
  --meeting ID                     changes: one meeting

Each report states the data's date, the database, who generated it and the SHA-256 of its
content; the file's SHA-256 is recorded in the trail (action report.generate).

Exit codes: 0 ok, 1 failure (denied, invalid, not found), 2 usage.
)";

int runs(Context& ctx, Args& a) {
    const bool json = a.flag(QStringLiteral("--json"));
    a.expectEnd();
    if (int rc = connected(ctx); rc != kOk) return rc;
    auto list = reports::ReportService(ctx.store()).runs(ctx.session());
    if (!list) return failWith(list.message());
    if (json) {
        QJsonArray out;
        for (const auto& r : *list)
            out.append(QJsonObject{{"id", r.id}, {"kind", r.kind}, {"format", r.format}, {"period", r.period}, {"generated_by", r.generatedBy},
                                   {"generated_at", r.generatedAt.toUTC().toString(Qt::ISODate)}, {"bytes", r.bytes}, {"file_sha256", r.fileSha256},
                                   {"content_sha256", r.contentSha256}});
        std::printf("%s\n", QJsonDocument(out).toJson(QJsonDocument::Indented).constData());
        return kOk;
    }
    std::printf("%-6s %-14s %-6s %-24s %-16s %-20s %s\n", "ID", "KIND", "FORMAT", "PERIOD", "BY", "AT", "FILE SHA-256");
    for (const auto& r : *list)
        std::printf("%-6lld %-14s %-6s %-24s %-16s %-20s %s\n", static_cast<long long>(r.id), qPrintable(r.kind), qPrintable(r.format), qPrintable(r.period),
                    qPrintable(r.generatedBy), qPrintable(r.generatedAt.toUTC().toString(Qt::ISODate)), qPrintable(r.fileSha256));
    return kOk;
}

qint64 idOption(Args& a, const QString& name) {
    const auto text = a.option(name);
    if (!text) return 0;
    bool ok = false;
    const qint64 id = text->toLongLong(&ok);
    if (!ok || id <= 0) throw UsageError((name + " takes a positive number, not '" + *text + "'").toStdString());
    return id;
}

int reportCommand(Context& ctx, Args& a) {
    const QString kindName = a.requiredPositional("KIND (nsm, ros, incidents, access-review, changes, catalog, soa or runs)");
    if (kindName == QLatin1String("runs")) return runs(ctx, a);
    const auto kind = reports::reportKindFromName(kindName);
    if (!kind) throw UsageError(("unknown report '" + kindName + "': nsm, ros, incidents, access-review, changes, catalog or soa").toStdString());
    const QString formatName = requiredText(a, QStringLiteral("--format"));
    const auto format = reports::reportFormatFromName(formatName);
    if (!format) throw UsageError(("--format takes pdf, html, odt, xlsx or csv, not '" + formatName + "'").toStdString());
    const QString path = requiredText(a, QStringLiteral("--out"));
    reports::ReportRequest request;
    request.kind = *kind;
    if (const auto period = a.option(QStringLiteral("--period"))) {
        auto parsed = reports::parsePeriod(*period);
        if (!parsed) throw UsageError("--period: " + parsed.message());
        request.period = *parsed;
    }
    request.service = a.option(QStringLiteral("--service")).value_or(QString());
    request.campaign = idOption(a, QStringLiteral("--campaign"));
    request.meeting = idOption(a, QStringLiteral("--meeting"));
    a.expectEnd();
    if (int rc = connected(ctx); rc != kOk) return rc;
    auto file = reports::ReportService(ctx.store()).generate(ctx.session(), request, *format);
    if (!file) return failWith(file.message());
    if (path == QLatin1String("-")) {
        QFile out;
        if (!out.open(stdout, QIODevice::WriteOnly) || out.write(file->bytes) != file->bytes.size()) return failWith("cannot write to standard output");
        return kOk;
    }
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(file->bytes) != file->bytes.size() || !f.commit())
        return failWith("cannot write " + path.toStdString() + ": " + f.errorString().toStdString());
    std::fprintf(stderr, "Wrote %s (%lld bytes, SHA-256 %s)\n", qPrintable(path), static_cast<long long>(file->bytes.size()), qPrintable(file->fileSha256));
    return kOk;
}

const CommandRegistration registration{Command{
    .name = "report",
    .summary = "  report nsm|ros|incidents|access-review|changes|catalog|soa --format pdf|html|odt|xlsx|csv --out FILE\n"
               "                                     reports for managers and auditors; report runs lists those made\n",
    .help = kReportHelp,
    .order = 72,
    .needsDatabase = true,
    .run = reportCommand,
}};

}  // namespace
}  // namespace vakt::cli
