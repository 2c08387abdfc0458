// The reports' figures on hand-built cases with answers worked out by hand: incident counts and
// durations against targets, percentiles, periods, and Norwegian number and date typography.
#include <gtest/gtest.h>

#include "reports/incident_stats.h"
#include "reports/report_builders.h"
#include "reports/report_service.h"

namespace vakt::reports {
namespace {

constexpr std::int64_t kMinute = 60000;
constexpr std::int64_t kDay = 24 * 60 * kMinute;
// 2026-11-01T00:00:00Z
constexpr std::int64_t kNov1 = 1793491200000;

IncidentFacts incident(std::string service, std::string priority, std::int64_t opened) {
    IncidentFacts f;
    f.service = std::move(service);
    f.priority = std::move(priority);
    f.kind = "fault";
    f.severity = "warning";
    f.openedMs = opened;
    return f;
}

TEST(IncidentFigures, CountsDurationsAndTargetsByGroup) {
    std::vector<IncidentFacts> all;
    // svarut P1: responded in 10 min (target 15), resolved in 120 min (target 240): both met.
    auto a = incident("svarut", "P1", kNov1);
    a.respondedMs = kNov1 + 10 * kMinute;
    a.respondByMs = kNov1 + 15 * kMinute;
    a.resolvedMs = kNov1 + 120 * kMinute;
    a.resolveByMs = kNov1 + 240 * kMinute;
    all.push_back(a);
    // svarut P1: responded in 30 min (missed), resolved in 300 (missed).
    auto b = incident("svarut", "P1", kNov1 + kDay);
    b.respondedMs = b.openedMs + 30 * kMinute;
    b.respondByMs = b.openedMs + 15 * kMinute;
    b.resolvedMs = b.openedMs + 300 * kMinute;
    b.resolveByMs = b.openedMs + 240 * kMinute;
    all.push_back(b);
    // fiks-io P3: still open, its resolve deadline passed: a miss without a duration.
    auto c = incident("fiks-io", "P3", kNov1 + 2 * kDay);
    c.respondedMs = c.openedMs + 60 * kMinute;
    c.resolveByMs = c.openedMs + kDay;
    all.push_back(c);
    // Outside the period: not counted anywhere.
    all.push_back(incident("svarut", "P1", kNov1 - kDay));

    const auto sum = summariseIncidents(all, kNov1, kNov1 + 30 * kDay, kNov1 + 10 * kDay);
    EXPECT_EQ(sum.all.opened, 3u);
    EXPECT_EQ(sum.all.resolved, 2u);
    EXPECT_EQ(sum.all.stillOpen, 1u);
    const IncidentGroup& svarut = sum.byService.at("svarut");
    EXPECT_EQ(svarut.opened, 2u);
    EXPECT_EQ(svarut.respond.withTarget, 2u);
    EXPECT_EQ(svarut.respond.withinTarget, 1u);
    EXPECT_EQ(svarut.resolve.withinTarget, 1u);
    // Two durations, 120 and 300: nearest-rank median is the first, 90th the second.
    EXPECT_DOUBLE_EQ(*svarut.resolve.medianMinutes, 120);
    EXPECT_DOUBLE_EQ(*svarut.resolve.p90Minutes, 300);
    const IncidentGroup& fiks = sum.byService.at("fiks-io");
    EXPECT_EQ(fiks.resolve.withTarget, 1u);
    EXPECT_EQ(fiks.resolve.withinTarget, 0u);
    EXPECT_FALSE(fiks.resolve.medianMinutes.has_value());
    EXPECT_EQ(sum.byPriority.at("P1").opened, 2u);
    EXPECT_EQ(sum.openedByMonth.at("2026-11"), 3u);
    EXPECT_EQ(sum.openedByMonth.count("2026-10"), 0u);
}

TEST(IncidentFigures, ResponsesInTheFutureOrBeforeOpeningDoNotCount) {
    auto a = incident("svarut", "P2", kNov1);
    a.respondedMs = kNov1 + 5 * kDay;  // after "now": clock skew or bad data
    a.resolvedMs = kNov1 - kMinute;    // before it opened
    const auto sum = summariseIncidents({a}, kNov1, kNov1 + kDay, kNov1 + kDay);
    EXPECT_EQ(sum.all.respond.count, 0u);
    EXPECT_EQ(sum.all.resolved, 0u);
    EXPECT_EQ(sum.all.stillOpen, 1u);
}

TEST(IncidentFigures, MonthsFollowTheLocalOffset) {
    // 2026-10-31T23:30Z is 1 November in Oslo (UTC+1).
    const auto sum = summariseIncidents({incident("svarut", "P3", kNov1 - 30 * kMinute)}, 0, kNov1 + kDay, kNov1 + kDay, 60);
    EXPECT_EQ(sum.openedByMonth.count("2026-11"), 1u);
}

TEST(IncidentFigures, PercentileByNearestRank) {
    EXPECT_FALSE(percentile({}, 50).has_value());
    EXPECT_DOUBLE_EQ(*percentile({5, 1, 3}, 50), 3);
    EXPECT_DOUBLE_EQ(*percentile({1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 90), 9);
    EXPECT_DOUBLE_EQ(*percentile({1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 100), 10);
    EXPECT_FALSE(percentile({1}, 0).has_value());
}

TEST(ReportPeriods, EveryWrittenFormGivesItsDays) {
    auto q = parsePeriod(QStringLiteral("2026-Q3"));
    ASSERT_TRUE(q) << q.message();
    EXPECT_EQ(q->from, QDate(2026, 7, 1));
    EXPECT_EQ(q->to, QDate(2026, 9, 30));
    auto h = parsePeriod(QStringLiteral("2024-H1"));
    ASSERT_TRUE(h);
    EXPECT_EQ(h->to, QDate(2024, 6, 30));
    auto feb = parsePeriod(QStringLiteral("2024-02"));
    ASSERT_TRUE(feb);
    EXPECT_EQ(feb->to, QDate(2024, 2, 29));  // a leap year
    auto range = parsePeriod(QStringLiteral("2026-01-15..2026-03-01"));
    ASSERT_TRUE(range);
    EXPECT_EQ(range->from, QDate(2026, 1, 15));
    EXPECT_TRUE(range->contains(QDate(2026, 3, 1)));
    EXPECT_FALSE(range->contains(QDate(2026, 3, 2)));
    auto year = parsePeriod(QStringLiteral("2025"));
    ASSERT_TRUE(year);
    EXPECT_EQ(year->to, QDate(2025, 12, 31));
    const Period last = lastTwelveMonths(QDate(2026, 12, 2));
    EXPECT_EQ(last.from, QDate(2025, 12, 3));
    EXPECT_EQ(last.to, QDate(2026, 12, 2));
}

TEST(ReportPeriods, BadPeriodsAreRefusedSayingWhy) {
    for (const char* bad : {"2026-13", "2026-Q5", "2026-02-30", "2026-06-01..2026-01-01", "i fjor", "", "2026-01-01..", "99999"}) {
        auto p = parsePeriod(QString::fromUtf8(bad));
        EXPECT_FALSE(p) << bad;
        if (!p) {
            EXPECT_NE(p.message().find("period"), std::string::npos) << p.message();
        }
    }
}

TEST(NorwegianTypography, NumbersDatesAndDurations) {
    EXPECT_EQ(nbNumber(1234567), "1\u202F234\u202F567");
    EXPECT_EQ(nbNumber(3.25, 1), "3,2");  // printf rounds half to even on the binary value
    EXPECT_EQ(nbNumber(-42.5, 1), "−42,5");
    EXPECT_EQ(nbNumber(-0.01, 1), "0,0");
    EXPECT_EQ(nbPercent(0.734), "73\u00A0%");
    EXPECT_EQ(nbDate(QDate(2026, 12, 2)), "02.12.2026");
    EXPECT_EQ(nbDate(QDate()), "–");
    EXPECT_EQ(nbDuration(45), "45\u00A0min");
    EXPECT_EQ(nbDuration(210), "3,5\u00A0t");
    EXPECT_EQ(nbDuration(3 * 1440), "3,0\u00A0d");
}

TEST(ReportNames, CommandWordsRoundTrip) {
    for (ReportKind kind : allReportKinds()) EXPECT_EQ(reportKindFromName(reportKindName(kind)), kind);
    EXPECT_EQ(reportKindFromName(QStringLiteral("access-review")), ReportKind::AccessReview);
    EXPECT_FALSE(reportKindFromName(QStringLiteral("NSM")).has_value());
    EXPECT_EQ(reportFormatFromName(QStringLiteral("odt")), ReportFormat::Odt);
    EXPECT_FALSE(reportFormatFromName(QStringLiteral("docx")).has_value());
}

}  // namespace
}  // namespace vakt::reports

// Cancelling: the progress callback saying no stops a build, and a generation stopped before its
// file is written records nothing in the trail.
#include <QTemporaryDir>

#include "app/demo.h"
#include "core/data_dir.h"

namespace vakt::reports {
namespace {

TEST(ReportCancel, StoppedBuildsFailAndRecordNothing) {
    QTemporaryDir dir;
    auto store = Store::open(dir.filePath("cancel.db"), Store::OpenMode::Create);
    ASSERT_TRUE(store) << store.message();
    ASSERT_TRUE(loadDemo(**store, dataDir()));
    const Session officer{"sikkerhetsansvarlig", Role::Sikkerhetsansvarlig};
    ReportService service(**store);
    ReportRequest request;
    request.kind = ReportKind::Ros;
    auto before = service.runs(officer);
    ASSERT_TRUE(before) << before.message();
    int calls = 0;
    auto stopped = service.build(officer, request, [&calls](int, const QString&) { return ++calls < 3; });
    ASSERT_FALSE(stopped);
    EXPECT_EQ(stopped.message(), "cancelled");
    EXPECT_EQ(calls, 3);
    // Stopped at the last step, after the document was built: still no file and no record.
    auto late = service.generate(officer, request, ReportFormat::Pdf, [](int percent, const QString&) { return percent < 90; });
    ASSERT_FALSE(late);
    EXPECT_EQ(late.message(), "cancelled");
    auto after = service.runs(officer);
    ASSERT_TRUE(after);
    EXPECT_EQ(after->size(), before->size());
    // The same request run to the end is recorded once.
    ASSERT_TRUE(service.generate(officer, request, ReportFormat::Pdf));
    EXPECT_EQ(service.runs(officer)->size(), before->size() + 1);
}

}  // namespace
}  // namespace vakt::reports
