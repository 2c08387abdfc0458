// The ledger in process, with a fixed clock: signed heads carry the Store's time, detections use
// each event's own time (working hours in Norwegian time, dormant accounts from the ledger's
// history across runs), and what the ledger writes is stamped by the Store's clock only.
#include <gtest/gtest.h>

#include <QBuffer>
#include <QTemporaryDir>

#include "collector/audit/detection_rules.h"
#include "collector/audit/ledger.h"
#include "core/incidents.h"
#include "core/store.h"
#include "tests/support/audit_events.h"
#include "tests/support/test_db.h"

using namespace vakt;
using namespace vakt::audit;

namespace {

const Session kOfficer{QStringLiteral("kari"), Role::Sikkerhetsansvarlig};

QByteArray lookup(const char* time, const char* actor) {
    return test::auditEvent()
        .at(time)
        .service("fiks-folkeregister")
        .actor(actor)
        .subject("15058534541")
        .legalBasis("Barnevernsloven § 13-1")
        .serviceArea("barnevern")
        .result("ok")
        .sourceIp("10.20.1.5")
        .line();
}

class LedgerClock : public ::testing::Test {
protected:
    void SetUp() override {
        clock_ = std::make_shared<FixedClock>(QDateTime(QDate(2026, 11, 30), QTime(8, 15), Qt::UTC));
        auto s = Store::open(db_.url(), Store::OpenMode::Create, clock_);
        ASSERT_TRUE(s) << s.message();
        store_ = std::move(*s);
        ASSERT_TRUE(LedgerKeys::init(keysDir_.filePath("keys")));
        auto keys = LedgerKeys::load(keysDir_.filePath("keys"));
        ASSERT_TRUE(keys) << keys.message();
        ledger_ = std::make_unique<Ledger>(*store_, std::move(*keys));
        auto rules = parseDetectionRules(R"(detections:
  - name: UtenforArbeidstid
    type: outside_working_hours
    start_hour: 7
    end_hour: 17
  - name: SovendeKonto
    type: dormant_account
    window: 720h
)",
                                         "rules.yml");
        ASSERT_TRUE(rules) << rules.message();
        rules_ = std::move(*rules);
    }

    Result<IngestStats> ingest(const QByteArray& lines, const QString& name) {
        Detector detector(rules_, ledger_->history());
        ledger_->setDetector(&detector);
        QBuffer input;
        input.setData(lines);
        input.open(QIODevice::ReadOnly);
        auto stats = ledger_->ingest(kOfficer, SourceSpec{name, name}, input);
        ledger_->setDetector(nullptr);
        return stats;
    }

    std::vector<QString> openRules() {
        std::vector<QString> out;
        auto open = IncidentStore(*store_).open(kOfficer, "audit");
        if (!open) ADD_FAILURE() << open.message();
        for (const auto& i : open.value_or({})) out.push_back(i.title);
        std::sort(out.begin(), out.end());
        return out;
    }

    test::TestDatabase db_;
    QTemporaryDir keysDir_;
    std::shared_ptr<FixedClock> clock_;
    std::unique_ptr<Store> store_;
    std::unique_ptr<Ledger> ledger_;
    std::vector<DetectionRule> rules_;
};

}  // namespace

TEST_F(LedgerClock, SignedHeadsAndTheSourcePositionCarryTheStoresTime) {
    auto stats = ingest(lookup("2026-11-26T10:00:00+01:00", "fagsystem-1"), "a.jsonl");
    ASSERT_TRUE(stats) << stats.message();
    ASSERT_EQ(stats->accepted, 1) << "quarantined: " << (*ledger_->quarantine(kOfficer, 10)).front().reason.toStdString();
    auto head = ledger_->signHead(kOfficer);
    ASSERT_TRUE(head) << head.message();
    EXPECT_EQ(head->timestampMs, clock_->now().toMSecsSinceEpoch());
    auto stamped = store_->db().query("SELECT updated_at FROM audit_sources WHERE source = 'a.jsonl'");
    ASSERT_TRUE(stamped && stamped->size() == 1);
    EXPECT_EQ(QDateTime::fromString(stamped->front().value(0).toString(), Qt::ISODateWithMs), clock_->now());
    // A later head, a later time: the ledger never reads the wall clock.
    clock_->advanceSecs(3600);
    ASSERT_TRUE(ingest(lookup("2026-11-26T10:05:00+01:00", "fagsystem-1"), "b.jsonl"));
    auto later = ledger_->signHead(kOfficer);
    ASSERT_TRUE(later);
    EXPECT_EQ(later->timestampMs, clock_->now().toMSecsSinceEpoch());
    auto incidents = IncidentStore(*store_).open(kOfficer, "audit");
    EXPECT_TRUE(incidents->empty());
}

TEST_F(LedgerClock, WorkingHoursAreNorwegianTimeOfTheEventNotOfTheClock) {
    // 06:30 in Norway (05:30 UTC) is outside 07-17; 16:30 Norwegian (15:30 UTC) is inside,
    // though 17:30 in UTC+2 would not be. The clock (08:15 UTC, a working hour) plays no part.
    ASSERT_TRUE(ingest(lookup("2026-11-26T05:30:00Z", "tidlig-klient") + lookup("2026-11-26T15:30:00Z", "sen-klient"), "hours.jsonl"));
    auto open = IncidentStore(*store_).open(kOfficer, "audit");
    ASSERT_TRUE(open);
    ASSERT_EQ(open->size(), 1u);
    EXPECT_EQ(open->front().title, "UtenforArbeidstid");
    EXPECT_EQ(open->front().evidence, 1);
    EXPECT_EQ(open->front().openedAt, clock_->now());
}

TEST_F(LedgerClock, ADormantAccountIsKnownFromTheLedgerAcrossRuns) {
    ASSERT_TRUE(ingest(lookup("2026-08-03T10:00:00+02:00", "gammel-klient") + lookup("2026-11-20T10:00:00+01:00", "aktiv-klient"), "before.jsonl"));
    EXPECT_TRUE(openRules().empty());
    // A new run (a new detector, nothing in memory): the history comes from the ledger.
    ASSERT_TRUE(ingest(lookup("2026-11-26T10:00:00+01:00", "gammel-klient") + lookup("2026-11-26T10:00:01+01:00", "aktiv-klient"), "now.jsonl"));
    EXPECT_EQ(openRules(), std::vector<QString>{"SovendeKonto"});
}
