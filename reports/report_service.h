#pragma once
// The reports module: documents for managers and auditors drawn from the data the teams work in
// (NSM maturity, ROS, incidents, privilege reviews, the change board, the service catalogue, the
// Statement of Applicability), rendered as PDF, HTML, ODT, XLSX or CSV. Each report reads through
// the owning module's service with the caller's session, so it shows only what the caller may
// read; generating one is recorded in the trail with the file's SHA-256.
#include <QByteArray>
#include <QDate>
#include <QString>
#include <functional>
#include <optional>

#include "core/store.h"
#include "reports/document.h"

namespace vakt::reports {

namespace permission {
inline constexpr Permission ReportGenerate{"report.generate"};
}  // namespace permission

void registerReportsModule();

enum class ReportKind { Nsm, Ros, Incidents, AccessReview, Changes, Catalog, Soa };
enum class ReportFormat { Pdf, Html, Odt, Xlsx, Csv };

// "nsm", "ros", "incidents", "access-review", "changes", "catalog", "soa": the command's words.
std::optional<ReportKind> reportKindFromName(const QString& name);
QString reportKindName(ReportKind kind);
QString reportKindTitle(ReportKind kind);  // Norwegian, for menus and headings
QList<ReportKind> allReportKinds();
std::optional<ReportFormat> reportFormatFromName(const QString& name);  // pdf, html, odt, xlsx, csv
QString reportFormatName(ReportFormat format);

// Inclusive days. Written "2026" (a year), "2026-Q3", "2026-H1", "2026-11", "2026-11-02" or
// "2026-01-01..2026-06-30"; errors name what was wrong.
struct Period {
    QDate from, to;
    QString label;
    bool contains(const QDate& day) const { return day >= from && day <= to; }
};
Result<Period> parsePeriod(const QString& text);
// The default: the twelve months up to and including `today`.
Period lastTwelveMonths(const QDate& today);

struct ReportRequest {
    ReportKind kind = ReportKind::Nsm;
    std::optional<Period> period;  // unset: the last twelve months (changes, incidents), as of today (nsm)
    QString service;               // ros, nsm: one service; empty: all
    qint64 campaign = 0;           // access-review: one campaign; 0: every campaign in the period
    qint64 meeting = 0;            // changes: one meeting's minutes; 0: the meetings in the period
};

// Reports how far it has come (0..100 and what it is doing); returning false cancels.
using ReportProgress = std::function<bool(int percent, const QString& step)>;

struct ReportFile {
    QByteArray bytes;
    QString fileSha256;     // of `bytes`, as the trail records it
    QString contentSha256;  // of the content before its footer, as the report itself states
    Document document;      // what was rendered (the desktop previews it)
};

// A report as the trail recorded its generation.
struct ReportRun {
    qint64 id = 0;  // the trail entry's sequence number
    QString kind, format, period, generatedBy, fileSha256, contentSha256;
    QDateTime generatedAt;
    qint64 bytes = 0;
};

class ReportService {
public:
    explicit ReportService(Store& store) : store_(store) {}

    // The document alone, for previews: nothing is recorded. Fails with Cancelled-like
    // ErrorKind::Conflict "cancelled" when progress returns false.
    Result<Document> build(const Session& who, const ReportRequest& request, const ReportProgress& progress = {});
    // Builds, renders and records the report (trail entry "report.generate", entity "report").
    Result<ReportFile> generate(const Session& who, const ReportRequest& request, ReportFormat format, const ReportProgress& progress = {});
    // The reports generated, newest first, from the trail (so it needs trail.read).
    Result<QList<ReportRun>> runs(const Session& who, int limit = 200);

    // A document as bytes in a format (PDF limits raised for long reports).
    static Result<QByteArray> render(const Document& document, ReportFormat format);

private:
    Store& store_;
};

}  // namespace vakt::reports
