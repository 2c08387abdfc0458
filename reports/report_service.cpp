#include "reports/report_service.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTimeZone>

#include "core/base/crypto.h"
#include "core/base/xlsx.h"
#include "core/catalog_service.h"
#include "core/civil_time.h"
#include "core/stored_time.h"
#include "reports/odt.h"
#include "reports/pdf.h"
#include "reports/report_builders.h"
#include "reports/tabular.h"

namespace vakt::reports {

namespace {

const std::vector<std::pair<ReportKind, const char*>>& kindNames() {
    static const std::vector<std::pair<ReportKind, const char*>> names = {
        {ReportKind::Nsm, "nsm"},         {ReportKind::Ros, "ros"},         {ReportKind::Incidents, "incidents"},
        {ReportKind::AccessReview, "access-review"}, {ReportKind::Changes, "changes"}, {ReportKind::Catalog, "catalog"},
        {ReportKind::Soa, "soa"},
    };
    return names;
}

const std::vector<std::pair<ReportFormat, const char*>>& formatNames() {
    static const std::vector<std::pair<ReportFormat, const char*>> names = {
        {ReportFormat::Pdf, "pdf"}, {ReportFormat::Html, "html"}, {ReportFormat::Odt, "odt"}, {ReportFormat::Xlsx, "xlsx"}, {ReportFormat::Csv, "csv"},
    };
    return names;
}

Result<QDate> dayOf(const QString& text, const QString& whole) {
    const QDate d = QDate::fromString(text, QStringLiteral("yyyy-MM-dd"));
    if (!d.isValid()) return fail("period '" + whole.toStdString() + "': '" + text.toStdString() + "' is not a day (YYYY-MM-DD)");
    return d;
}

}  // namespace

std::optional<ReportKind> reportKindFromName(const QString& name) {
    for (const auto& [kind, text] : kindNames())
        if (name == QLatin1String(text)) return kind;
    return std::nullopt;
}

QString reportKindName(ReportKind kind) {
    for (const auto& [k, text] : kindNames())
        if (k == kind) return QString::fromLatin1(text);
    return {};
}

QString reportKindTitle(ReportKind kind) {
    switch (kind) {
        case ReportKind::Nsm: return QStringLiteral("Modenhet mot NSMs grunnprinsipper");
        case ReportKind::Ros: return QStringLiteral("Risiko- og sårbarhetsanalyse (ROS)");
        case ReportKind::Incidents: return QStringLiteral("Hendelser");
        case ReportKind::AccessReview: return QStringLiteral("Tilgangsgjennomganger");
        case ReportKind::Changes: return QStringLiteral("Endringsrådets referater");
        case ReportKind::Catalog: return QStringLiteral("Produktkatalogen");
        case ReportKind::Soa: return QStringLiteral("Anvendelseserklæring (SoA)");
    }
    return {};
}

QList<ReportKind> allReportKinds() {
    QList<ReportKind> out;
    for (const auto& [kind, text] : kindNames()) out << kind;
    return out;
}

std::optional<ReportFormat> reportFormatFromName(const QString& name) {
    for (const auto& [format, text] : formatNames())
        if (name == QLatin1String(text)) return format;
    return std::nullopt;
}

QString reportFormatName(ReportFormat format) {
    for (const auto& [f, text] : formatNames())
        if (f == format) return QString::fromLatin1(text);
    return {};
}

Result<Period> parsePeriod(const QString& raw) {
    const QString text = raw.trimmed();
    static const QRegularExpression year(QStringLiteral("^(\\d{4})$")), quarter(QStringLiteral("^(\\d{4})-[Qq]([1-4])$")),
        half(QStringLiteral("^(\\d{4})-[Hh]([12])$")), month(QStringLiteral("^(\\d{4})-(\\d{2})$")), range(QStringLiteral("^(.+)\\.\\.(.+)$"));
    Period p;
    p.label = text;
    if (auto ym = year.match(text); ym.hasMatch()) {
        const int y = ym.captured(1).toInt();
        p.from = QDate(y, 1, 1);
        p.to = QDate(y, 12, 31);
    } else if (auto qm = quarter.match(text); qm.hasMatch()) {
        const int y = qm.captured(1).toInt(), q = qm.captured(2).toInt();
        p.from = QDate(y, (q - 1) * 3 + 1, 1);
        p.to = p.from.addMonths(3).addDays(-1);
    } else if (auto hm = half.match(text); hm.hasMatch()) {
        const int y = hm.captured(1).toInt(), h = hm.captured(2).toInt();
        p.from = QDate(y, h == 1 ? 1 : 7, 1);
        p.to = p.from.addMonths(6).addDays(-1);
    } else if (auto mm = month.match(text); mm.hasMatch()) {
        const int mo = mm.captured(2).toInt();
        if (mo < 1 || mo > 12) return fail("period '" + text.toStdString() + "': month " + std::to_string(mo) + " does not exist");
        p.from = QDate(mm.captured(1).toInt(), mo, 1);
        p.to = p.from.addMonths(1).addDays(-1);
    } else if (auto rm = range.match(text); rm.hasMatch()) {
        auto from = dayOf(rm.captured(1).trimmed(), text);
        if (!from) return from.error();
        auto to = dayOf(rm.captured(2).trimmed(), text);
        if (!to) return to.error();
        if (*to < *from) return fail("period '" + text.toStdString() + "': ends before it starts");
        p.from = *from;
        p.to = *to;
    } else if (text.size() == 10) {
        auto day = dayOf(text, text);
        if (!day) return day.error();
        p.from = p.to = *day;
    } else {
        return fail("period '" + text.toStdString() + "': write a year (2026), a quarter (2026-Q3), a half (2026-H1), a month (2026-11), a day or FROM..TO");
    }
    if (!p.from.isValid() || !p.to.isValid() || p.from.year() < 1970 || p.to.year() > 9999)
        return fail("period '" + text.toStdString() + "': outside the years 1970 to 9999");
    return p;
}

Period lastTwelveMonths(const QDate& today) {
    Period p;
    p.from = today.addMonths(-12).addDays(1);
    p.to = today;
    p.label = p.from.toString(Qt::ISODate) + QStringLiteral("..") + p.to.toString(Qt::ISODate);
    return p;
}

Result<QByteArray> ReportService::render(const Document& document, ReportFormat format) {
    switch (format) {
        case ReportFormat::Html: return QByteArray::fromStdString(renderHtml(document));
        case ReportFormat::Pdf: {
            PdfLimits limits;
            limits.maxPages = 5000;
            limits.maxBytes = 64u * 1024u * 1024u;
            auto pdf = renderPdf(document, limits);
            if (!pdf) return pdf.error();
            return QByteArray::fromStdString(*pdf);
        }
        case ReportFormat::Odt: return QByteArray::fromStdString(renderOdt(document));
        case ReportFormat::Xlsx: return QByteArray::fromStdString(xlsx::write(toWorkbook(document)));
        case ReportFormat::Csv: return QByteArray::fromStdString(toCsv(document));
    }
    return fail("unknown report format", ErrorKind::Internal);
}

Result<Document> ReportService::build(const Session& who, const ReportRequest& request, const ReportProgress& progress) {
    if (!who.allows(permission::ReportGenerate)) return denied(who, permission::ReportGenerate).error();
    const QDateTime now = store_.clock().now();
    const QDate today = now.toTimeZone(platformZone()).date();
    ReportRequest r = request;
    if (!r.period) r.period = lastTwelveMonths(today);
    if (!r.service.isEmpty()) {
        // A key that names nothing would give an empty report that looks like good news.
        auto entry = CatalogService(store_).get(who, r.service);
        if (!entry) return entry.error();
        if (!*entry) return fail("service '" + r.service.toStdString() + "' is not in the catalogue", ErrorKind::NotFound);
    }
    BuildContext context{store_, who, r, now, today, progress};
    auto document = buildReport(context);
    if (!document) return document.error();
    return document;
}

Result<ReportFile> ReportService::generate(const Session& who, const ReportRequest& request, ReportFormat format, const ReportProgress& progress) {
    auto document = build(who, request, progress);
    if (!document) return document.error();
    if (progress && !progress(90, QStringLiteral("Skriver %1").arg(reportFormatName(format).toUpper())))
        return fail("cancelled", ErrorKind::Conflict);
    ReportFile out;
    out.document = std::move(*document);
    // The content's hash is stated in the report itself, so it covers everything above its footer.
    out.contentSha256 = QString::fromStdString(crypto::sha256Hex(renderHtml(out.document)));
    out.document.footer.emplace_back("Innholdets SHA-256", out.contentSha256.toStdString());
    auto bytes = render(out.document, format);
    if (!bytes) return bytes.error();
    out.bytes = std::move(*bytes);
    out.fileSha256 = QString::fromStdString(crypto::sha256Hex(std::string_view(out.bytes.constData(), static_cast<std::size_t>(out.bytes.size()))));

    const QDateTime now = store_.clock().now();
    const QString period = request.period ? request.period->label : lastTwelveMonths(now.toTimeZone(platformZone()).date()).label;
    const QJsonObject req{{"kind", reportKindName(request.kind)}, {"format", reportFormatName(format)}, {"period", period},
                          {"service", request.service}, {"campaign", request.campaign}, {"meeting", request.meeting}};
    QJsonObject after = req;
    after.insert("file_sha256", out.fileSha256);
    after.insert("content_sha256", out.contentSha256);
    after.insert("bytes", qint64(out.bytes.size()));
    Transaction tx(store_.db());
    if (!tx.started()) return tx.started().error();
    if (auto st = store_.record(who, QStringLiteral("report.generate"), QStringLiteral("report"), out.fileSha256.left(16), {}, after); !st)
        return st.error();
    if (auto st = tx.commit(); !st) return st.error();
    if (progress) progress(100, QStringLiteral("Ferdig"));
    return out;
}

Result<QList<ReportRun>> ReportService::runs(const Session& who, int limit) {
    auto entries = store_.trail(who, QStringLiteral("report"), {}, std::clamp(limit, 1, 10000));
    if (!entries) return entries.error();
    QList<ReportRun> out;
    for (const auto& e : *entries) {
        if (e.action != "report.generate") continue;
        const QJsonObject after = QJsonDocument::fromJson(QByteArray::fromStdString(e.after)).object();
        ReportRun run;
        run.id = e.seq;
        run.kind = after.value("kind").toString();
        run.format = after.value("format").toString();
        run.period = after.value("period").toString();
        run.generatedBy = QString::fromStdString(e.actor);
        run.generatedAt = QDateTime::fromString(QString::fromStdString(e.at), Qt::ISODateWithMs);
        run.bytes = after.value("bytes").toInteger();
        run.fileSha256 = after.value("file_sha256").toString();
        run.contentSha256 = after.value("content_sha256").toString();
        out.push_back(run);
    }
    return out;
}

}  // namespace vakt::reports
