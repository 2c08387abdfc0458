#pragma once
// The reports' contents, one builder per report, each reading through the owning module's
// service with the caller's session. Shared here: the context and Norwegian typography.
#include <QDate>
#include <QDateTime>
#include <QString>
#include <optional>
#include <string>

#include "core/store.h"
#include "reports/document.h"
#include "reports/report_service.h"

namespace vakt::reports {

struct BuildContext {
    Store& store;
    const Session& who;
    const ReportRequest& request;  // its period is set
    QDateTime now;
    QDate today;  // in the platform's zone
    const ReportProgress& progress;
    // False when the user cancelled; the builder then stops with an error.
    bool step(int percent, const QString& what) const { return !progress || progress(percent, what); }
};

Result<Document> buildReport(const BuildContext& context);

Result<Document> buildNsmReport(const BuildContext& context);
Result<Document> buildSoaReport(const BuildContext& context);
Result<Document> buildRosReport(const BuildContext& context);
Result<Document> buildIncidentReport(const BuildContext& context);
Result<Document> buildAccessReviewReport(const BuildContext& context);
Result<Document> buildChangesReport(const BuildContext& context);
Result<Document> buildCatalogReport(const BuildContext& context);

Error cancelled();

// Norwegian typography: "02.12.2026", "1 234,5" (a no-break thin space between thousands),
// "73 %" (a no-break space before the sign).
std::string nbDate(const QDate& day);
std::string nbDateTime(const QDateTime& at);  // in the platform's zone: "02.12.2026 kl. 14.05"
std::string nbNumber(double value, int decimals = 0);
std::string nbPercent(double share);  // 0..1 → "73 %"
std::string nbDuration(double minutes);  // "45 min", "3,5 t", "2,1 d"
std::string s(const QString& text);

// Appends blocks without moving a variant (GCC 12 at -O2 warns, wrongly, when one is moved in).
struct Writer {
    Document& d;
    void heading(int level, std::string text) { d.blocks.emplace_back(std::in_place_type<Heading>, level, std::move(text)); }
    void paragraph(std::string text) { d.blocks.emplace_back(std::in_place_type<Paragraph>, std::move(text)); }
    void keyValues(std::vector<std::pair<std::string, std::string>> items) { d.blocks.emplace_back(std::in_place_type<KeyValues>, std::move(items)); }
    void table(Table t) { d.blocks.emplace_back(std::in_place_type<Table>, std::move(t)); }
    void bullets(std::vector<std::string> items) { d.blocks.emplace_back(std::in_place_type<BulletList>, std::move(items)); }
    void barChart(BarChart chart) { d.blocks.emplace_back(std::in_place_type<BarChart>, std::move(chart)); }
    void heatMap(HeatMap map) { d.blocks.emplace_back(std::in_place_type<HeatMap>, std::move(map)); }
    void drawing(Drawing picture) { d.blocks.emplace_back(std::in_place_type<Drawing>, std::move(picture)); }
    // A table, or "Ingen." when it has no rows, so an empty section says so.
    void tableOrNone(Table t, std::string none = "Ingen.") {
        if (t.rows.empty())
            paragraph(std::move(none));
        else
            table(std::move(t));
    }
};

// The opening every report has: title, metadata and the "Om rapporten" table (data date,
// period, database, who generated it, and anything the report adds).
Document openDocument(const BuildContext& context, const std::string& title, std::vector<std::pair<std::string, std::string>> extra = {});

}  // namespace vakt::reports
