// The ROS register on both engines, as its users meet it: the demo's register, acceptance by
// the risk owner only, expiry and rising levels that reopen, decisions kept across re-analysis
// and renames, threats that go away closed (never deleted), review tasks from change impact,
// and every role's access.
#include <gtest/gtest.h>

#include <QFile>
#include <QTemporaryDir>
#include <algorithm>
#include <cmath>

#include "core/clock.h"
#include "core/data_dir.h"
#include "core/incidents.h"
#include "core/store.h"
#include "core/base/xlsx.h"
#include "riskmodel/register.h"
#include "riskmodel/ros_template.h"
#include "tests/support/test_db.h"

using namespace vakt;
using namespace vakt::risk;
using vakt::test::TestDatabase;
using vakt::risk::parseAmount;

namespace {

const Session kOfficer{QStringLiteral("sikkerhetsansvarlig"), Role::Sikkerhetsansvarlig};
const Session kProductOwner{QStringLiteral("produktansvarlig"), Role::Produktansvarlig};
const Session kLeader{QStringLiteral("leder"), Role::Leder};
const Session kBoard{QStringLiteral("endringsrad"), Role::Endringsrad};
const Session kAuditor{QStringLiteral("revisor"), Role::Revisor};
const Session kDesk{QStringLiteral("brukerstotte"), Role::Brukerstotte};
const Session kAdmin{QStringLiteral("admin"), Role::Admin};

class RiskRegister : public ::testing::Test {
protected:
    void SetUp() override {
        clock_ = std::make_shared<FixedClock>(QDateTime::currentDateTimeUtc());
        auto s = Store::open(db_.url(), Store::OpenMode::MustExist, clock_);
        ASSERT_TRUE(s.ok()) << s.message();
        store_ = std::move(*s);
        auto r = loadRules({dataDir() + QStringLiteral("/risk/rules")});
        ASSERT_TRUE(r.ok()) << r.message();
        rules_ = std::move(*r);
    }

    RiskService service() { return RiskService(*store_); }

    // The demo's DigiSos model with one text replaced, as a new file.
    QString digisosWith(const QString& from, const QString& to) {
        QFile in(dataDir() + QStringLiteral("/demo/risk/digisos.yaml"));
        EXPECT_TRUE(in.open(QIODevice::ReadOnly));
        QString text = QString::fromUtf8(in.readAll());
        EXPECT_TRUE(text.contains(from)) << from.toStdString();
        text.replace(from, to);
        const QString path = dir_.filePath(QStringLiteral("digisos-%1.yaml").arg(++files_));
        QFile out(path);
        EXPECT_TRUE(out.open(QIODevice::WriteOnly));
        out.write(text.toUtf8());
        return path;
    }

    RiskEntry riskOf(const QString& service, const QString& rule, const QString& element) {
        auto all = this->service().risks(kOfficer, service, true);
        EXPECT_TRUE(all.ok()) << all.message();
        for (const auto& r : *all)
            if (r.ruleId == rule && r.elementId == element) return r;
        ADD_FAILURE() << "no risk " << rule.toStdString() << " on " << element.toStdString();
        return {};
    }

    // The first open risk at the level "high": above the acceptance criteria, below the top.
    RiskEntry openHighRisk() {
        auto all = service().risks(kOfficer);
        EXPECT_TRUE(all.ok());
        for (const auto& r : *all)
            if (r.status == QLatin1String("open") && r.level == QLatin1String("high")) {
                EXPECT_FALSE(r.acceptable);
                return r;
            }
        ADD_FAILURE() << "no open high risk in the demo";
        return {};
    }

    TestDatabase db_{TestDatabase::Content::Demo};
    std::shared_ptr<FixedClock> clock_;
    std::unique_ptr<Store> store_;
    std::vector<Rule> rules_;
    QTemporaryDir dir_;
    int files_ = 0;
};

}  // namespace

TEST_F(RiskRegister, TheDemoHoldsFiveModelsAndTheirRisks) {
    auto models = service().models(kAuditor);
    ASSERT_TRUE(models.ok()) << models.message();
    QStringList services;
    for (const auto& m : *models) services << m.service;
    EXPECT_EQ(services, (QStringList{"digisos", "dokumentlager", "fiks-folkeregister", "fiks-io", "svarut"}));
    auto risks = service().risks(kAuditor);
    ASSERT_TRUE(risks.ok());
    EXPECT_GE(risks->size(), 20);
    // The accepted one: above the criteria, accepted by its owner, not by its assessor.
    const auto accepted = std::find_if(risks->begin(), risks->end(), [](const RiskEntry& r) { return r.status == QLatin1String("accepted"); });
    ASSERT_NE(accepted, risks->end());
    EXPECT_FALSE(accepted->acceptable);
    ASSERT_TRUE(accepted->acceptance.has_value());
    EXPECT_EQ(accepted->acceptance->acceptedBy, accepted->owner);
    EXPECT_NE(accepted->acceptance->acceptedBy, accepted->assessor);
    EXPECT_EQ(accepted->acceptance->level, accepted->level);
    // It is evidence in the trail, under the risk's ref.
    auto trail = store_->trail(kAuditor, QStringLiteral("risk"), accepted->ref);
    ASSERT_TRUE(trail.ok()) << trail.message();
    EXPECT_TRUE(std::any_of(trail->begin(), trail->end(), [](const TrailEntry& e) { return e.action == "risk.accept"; }));
}

TEST_F(RiskRegister, AboveTheCriteriaOnlyTheOwnerAcceptsAndNeverTheAssessor) {
    const RiskEntry r = openHighRisk();
    const QDate expires = clock_->today().addMonths(6);
    ASSERT_EQ(r.owner, "leder");
    Status notOwner = service().accept(kProductOwner, r.ref, QStringLiteral("vi bærer den"), expires);
    EXPECT_EQ(notOwner.kind(), ErrorKind::Denied);
    EXPECT_NE(notOwner.message().find("only its owner leder may accept it"), std::string::npos) << notOwner.message();
    EXPECT_EQ(service().accept(kAuditor, r.ref, QStringLiteral("x"), expires).kind(), ErrorKind::Denied);  // no risk.accept
    // The assessor as owner still may not accept their own assessment.
    ASSERT_TRUE(service().setOwner(kOfficer, r.ref, kOfficer.username));
    Status own = service().accept(kOfficer, r.ref, QStringLiteral("egen vurdering"), expires);
    EXPECT_EQ(own.kind(), ErrorKind::Denied);
    EXPECT_NE(own.message().find("was assessed by sikkerhetsansvarlig, who may not accept it as well"), std::string::npos);
    ASSERT_TRUE(service().setOwner(kOfficer, r.ref, kLeader.username));
    // A justification and an expiry within three years are required.
    EXPECT_FALSE(service().accept(kLeader, r.ref, QStringLiteral("  "), expires));
    EXPECT_FALSE(service().accept(kLeader, r.ref, QStringLiteral("ok"), clock_->today()));
    EXPECT_FALSE(service().accept(kLeader, r.ref, QStringLiteral("ok"), clock_->today().addYears(4)));
    ASSERT_TRUE(service().accept(kLeader, r.ref, QStringLiteral("Tiltak er bestilt; bæres til da"), expires));
    auto after = service().risk(kAuditor, r.ref);
    ASSERT_TRUE(after.ok());
    EXPECT_EQ(after->status, "accepted");
    EXPECT_EQ(after->acceptance->expiresOn, expires);
    EXPECT_EQ(after->acceptance->likelihood, r.likelihood);  // the levels accepted, kept
}

TEST_F(RiskRegister, WithinTheCriteriaAnyoneWhoMayAcceptDoes) {
    auto all = service().risks(kOfficer);
    ASSERT_TRUE(all.ok());
    const auto low = std::find_if(all->begin(), all->end(), [](const RiskEntry& r) { return r.status == QLatin1String("open") && r.acceptable; });
    ASSERT_NE(low, all->end());
    EXPECT_TRUE(service().accept(kProductOwner, low->ref, QStringLiteral("innenfor akseptkriteriene"), clock_->today().addMonths(12)));
}

TEST_F(RiskRegister, AnAcceptanceEndsOnExpiryAndWhenTheLevelRises) {
    const RiskEntry r = openHighRisk();
    ASSERT_TRUE(service().accept(kLeader, r.ref, QStringLiteral("en uke"), clock_->today().addDays(7)));
    clock_->advanceSecs(8 * 24 * 3600);
    // Read after expiry: shown open at once, before anyone has written anything.
    auto read = service().risk(kAuditor, r.ref);
    ASSERT_TRUE(read.ok());
    EXPECT_EQ(read->status, "open");
    EXPECT_TRUE(read->statusReason.startsWith("acceptance expired on ")) << read->statusReason.toStdString();
    auto reopened = service().reopenExpired(kOfficer);
    ASSERT_TRUE(reopened.ok()) << reopened.message();
    EXPECT_GE(*reopened, 1);
    auto history = service().acceptances(kAuditor, r.ref);
    ASSERT_TRUE(history.ok());
    ASSERT_EQ(history->size(), 1);
    EXPECT_TRUE(history->front().endedReason.startsWith("acceptance expired on"));

    // Accepted again; then the assessment rises to critical: the acceptance no longer holds.
    ASSERT_TRUE(service().accept(kLeader, r.ref, QStringLiteral("ny vurdering"), clock_->today().addMonths(3)));
    ASSERT_TRUE(service().rescore(kOfficer, r.ref, QStringLiteral("inherent"), 5, {{"konfidensialitet", 5}, {"personvern", 4}},
                                  QStringLiteral("ny sårbarhet hos leverandøren")));
    auto risen = service().risk(kAuditor, r.ref);
    ASSERT_TRUE(risen.ok());
    EXPECT_EQ(risen->status, "open");
    EXPECT_EQ(risen->level, "critical");
    EXPECT_TRUE(risen->statusReason.startsWith("level rose from high to critical")) << risen->statusReason.toStdString();
    EXPECT_EQ(risen->consequences.value("personvern"), 4);
    // Every score is in the history: derived first, then the person's, with reasons.
    auto scores = service().history(kAuditor, r.ref);
    ASSERT_TRUE(scores.ok());
    ASSERT_GE(scores->size(), 2);
    EXPECT_TRUE(scores->front().reason.startsWith("derived by ")) << scores->front().reason.toStdString();
    EXPECT_EQ(scores->back().reason, "ny sårbarhet hos leverandøren");
    EXPECT_EQ(scores->back().level, "critical");
    EXPECT_EQ(scores->back().by, "sikkerhetsansvarlig");
}

TEST_F(RiskRegister, DecisionsSurviveReanalysisAndRenames) {
    const RiskEntry before = riskOf("digisos", "VAKT-I-008", "digisos-mellomlager");
    ASSERT_TRUE(service().decide(kOfficer, before.ref, QStringLiteral("mitigated"), QStringLiteral("Sletting kjøres nattlig fra januar")));
    // The store gets a new id and keeps the old one as an alias.
    const QString renamed = digisosWith(QStringLiteral("  - id: digisos-mellomlager\n"),
                                        QStringLiteral("  - id: vedleggslager\n    aliases: [digisos-mellomlager]\n"));
    QFile f(renamed);
    ASSERT_TRUE(f.open(QIODevice::ReadWrite));
    QString text = QString::fromUtf8(f.readAll()).replace(QStringLiteral("to: digisos-mellomlager"), QStringLiteral("to: vedleggslager"));
    f.resize(0);
    f.write(text.toUtf8());
    f.close();
    ASSERT_TRUE(service().importModel(kOfficer, QStringLiteral("digisos"), renamed));
    auto summary = service().analyse(kOfficer, QStringLiteral("digisos"), rules_);
    ASSERT_TRUE(summary.ok()) << summary.message();
    EXPECT_EQ(summary->modelVersion, 2);
    EXPECT_GE(summary->renamed, 1);
    EXPECT_EQ(summary->created, 0);
    EXPECT_EQ(summary->closed, 0);
    auto after = service().risk(kAuditor, before.ref);
    ASSERT_TRUE(after.ok());
    EXPECT_EQ(after->status, "mitigated");
    EXPECT_EQ(after->threatId, "VAKT-I-008/vedleggslager");
    EXPECT_EQ(after->elementId, "vedleggslager");
}

TEST_F(RiskRegister, AThreatThatGoesAwayIsClosedWithTheReasonNeverDeleted) {
    const RiskEntry scan = riskOf("digisos", "VAKT-T-005", "fiks-io-api");
    ASSERT_TRUE(service().decide(kOfficer, scan.ref, QStringLiteral("false_positive"), QStringLiteral("skannes hos mottaker")));
    const QString fixed = digisosWith(QStringLiteral("      file_upload: true\n      malware_scanning: false\n"),
                                      QStringLiteral("      file_upload: true\n      malware_scanning: true\n"));
    ASSERT_TRUE(service().importModel(kProductOwner, QStringLiteral("digisos"), fixed));
    auto summary = service().analyse(kProductOwner, QStringLiteral("digisos"), rules_);
    ASSERT_TRUE(summary.ok()) << summary.message();
    EXPECT_EQ(summary->closed, 1);
    EXPECT_EQ(summary->unmatchedDecisions, QStringList{scan.ref + " (false_positive)"});
    auto open = service().risks(kAuditor, QStringLiteral("digisos"));
    ASSERT_TRUE(open.ok());
    EXPECT_TRUE(std::none_of(open->begin(), open->end(), [&](const RiskEntry& r) { return r.ref == scan.ref; }));
    auto closed = service().risk(kAuditor, scan.ref);
    ASSERT_TRUE(closed.ok());
    EXPECT_EQ(closed->status, "closed");
    EXPECT_EQ(closed->statusReason, "no longer raised by model version 2");
    EXPECT_TRUE(closed->closedAt.isValid());
    // The model goes back: the risk reopens instead of a new one appearing.
    ASSERT_TRUE(service().importModel(kOfficer, QStringLiteral("digisos"), dataDir() + QStringLiteral("/demo/risk/digisos.yaml")));
    auto again = service().analyse(kOfficer, QStringLiteral("digisos"), rules_);
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again->reopened, 1);
    EXPECT_EQ(again->created, 0);
    EXPECT_EQ(service().risk(kAuditor, scan.ref)->status, "open");
}

TEST_F(RiskRegister, ABadModelIsRefusedAndChangesNothing) {
    const auto before = service().models(kOfficer);
    ASSERT_TRUE(before.ok());
    const QString broken = digisosWith(QStringLiteral("    to: digisos-mellomlager\n"), QStringLiteral("    to: finnes-ikke\n"));
    auto refused = service().importModel(kOfficer, QStringLiteral("digisos"), broken);
    ASSERT_FALSE(refused.ok());
    EXPECT_NE(refused.message().find(broken.toStdString() + ":"), std::string::npos) << refused.message();
    EXPECT_NE(refused.message().find("unknown element 'finnes-ikke'"), std::string::npos);
    auto wrongService = service().importModel(kOfficer, QStringLiteral("svarut"), dataDir() + QStringLiteral("/demo/risk/digisos.yaml"));
    ASSERT_FALSE(wrongService.ok());
    EXPECT_NE(wrongService.message().find("the model is for 'digisos', not 'svarut'"), std::string::npos);
    EXPECT_EQ(service().importModel(kOfficer, QStringLiteral("finnes-ikke"), broken).kind(), ErrorKind::Invalid);
    auto after = service().models(kOfficer);
    ASSERT_TRUE(after.ok());
    EXPECT_EQ(after->size(), before->size());
    EXPECT_EQ(after->front().version, before->front().version);
}

TEST_F(RiskRegister, ChangeImpactCreatesReviewTasksOnce) {
    auto dry = service().impact(kBoard, QStringLiteral("SvarUt"), Event::Outage, false);  // by name, read only
    ASSERT_TRUE(dry.ok()) << dry.message();
    EXPECT_EQ(dry->origin, "svarut");
    EXPECT_EQ(dry->tasksCreated, 0);
    ASSERT_FALSE(dry->affected.isEmpty());
    // Every path starts at SvarUt and ends at the node it explains.
    for (const auto& h : dry->affected) {
        EXPECT_EQ(h.path.front(), "SvarUt");
        EXPECT_EQ(h.path.back(), h.title);
        EXPECT_EQ(h.relations.size(), h.path.size() - 1);
    }
    EXPECT_TRUE(std::any_of(dry->affected.begin(), dry->affected.end(), [](const auto& h) { return h.kind == QLatin1String("municipality"); }));
    EXPECT_EQ(service().impact(kBoard, QStringLiteral("svarut"), Event::Outage, true).kind(), ErrorKind::Denied);

    const auto tasksBefore = service().tasks(kOfficer);
    ASSERT_TRUE(tasksBefore.ok());
    auto first = service().impact(kOfficer, QStringLiteral("svarut"), Event::Outage, true);
    ASSERT_TRUE(first.ok());
    EXPECT_GT(first->tasksCreated, 0);
    auto second = service().impact(kOfficer, QStringLiteral("svarut"), Event::Outage, true);
    ASSERT_TRUE(second.ok());
    EXPECT_EQ(second->tasksCreated, 0);  // the open tasks are there already
    auto tasks = service().tasks(kAuditor);
    ASSERT_TRUE(tasks.ok());
    EXPECT_EQ(tasks->size(), tasksBefore->size() + first->tasksCreated);
    const auto municipal = std::find_if(tasks->begin(), tasks->end(), [](const ReviewTask& t) {
        return t.origin == QLatin1String("svarut") && t.nodeKind == QLatin1String("municipality");
    });
    ASSERT_NE(municipal, tasks->end());
    EXPECT_TRUE(municipal->document.startsWith("ROS for SvarUt hos ")) << municipal->document.toStdString();
    EXPECT_FALSE(service().completeTask(kOfficer, municipal->id, QString()));
    ASSERT_TRUE(service().completeTask(kOfficer, municipal->id, QStringLiteral("Kommunen har oppdatert sin ROS")));
    EXPECT_EQ(service().completeTask(kOfficer, municipal->id, QStringLiteral("igjen")).kind(), ErrorKind::Conflict);
    EXPECT_EQ(service().impact(kOfficer, QStringLiteral("finnes-ikke"), Event::Outage, false).kind(), ErrorKind::NotFound);
}

TEST_F(RiskRegister, EveryRoleGetsWhatItMayAndNoMore) {
    const RiskEntry r = openHighRisk();
    for (const Session& reader : {kOfficer, kProductOwner, kLeader, kBoard, kAuditor}) {
        EXPECT_TRUE(service().risks(reader).ok()) << reader.username.toStdString();
        EXPECT_TRUE(service().tasks(reader).ok()) << reader.username.toStdString();
    }
    for (const Session& outsider : {kDesk, kAdmin}) {
        EXPECT_EQ(service().risks(outsider).kind(), ErrorKind::Denied) << outsider.username.toStdString();
        EXPECT_EQ(service().models(outsider).kind(), ErrorKind::Denied);
        EXPECT_EQ(service().impact(outsider, QStringLiteral("svarut"), Event::Outage, false).kind(), ErrorKind::Denied);
    }
    for (const Session& readOnly : {kLeader, kBoard, kAuditor, kDesk, kAdmin}) {
        EXPECT_EQ(service().decide(readOnly, r.ref, QStringLiteral("mitigated"), QStringLiteral("x")).kind(), ErrorKind::Denied)
            << readOnly.username.toStdString();
        EXPECT_EQ(service().analyse(readOnly, QStringLiteral("digisos"), rules_).kind(), ErrorKind::Denied);
        EXPECT_EQ(service().importModel(readOnly, QStringLiteral("digisos"), dataDir() + QStringLiteral("/demo/risk/digisos.yaml")).kind(),
                  ErrorKind::Denied);
        EXPECT_EQ(service().setOwner(readOnly, r.ref, QStringLiteral("x")).kind(), ErrorKind::Denied);
    }
    for (const Session& cannotAccept : {kBoard, kAuditor, kDesk, kAdmin})
        EXPECT_EQ(service().accept(cannotAccept, r.ref, QStringLiteral("x"), clock_->today().addDays(30)).kind(), ErrorKind::Denied);
}

TEST_F(RiskRegister, WhatChangedSinceTheLastRos) {
    const QDate lastRos = clock_->today();
    clock_->advanceSecs(3 * 24 * 3600);
    const RiskEntry r = openHighRisk();
    ASSERT_TRUE(service().rescore(kOfficer, r.ref, QStringLiteral("inherent"), 2, {{"konfidensialitet", 4}}, QStringLiteral("tiltak på plass")));
    Measure m;
    m.riskRef = r.ref;
    m.title = QStringLiteral("Skru på skanning");
    ASSERT_TRUE(service().addMeasure(kOfficer, m));
    // The model loses one threat: its risk closes.
    const QString fixed = digisosWith(QStringLiteral("      file_upload: true\n      malware_scanning: false\n"),
                                      QStringLiteral("      file_upload: true\n      malware_scanning: true\n"));
    ASSERT_TRUE(service().importModel(kOfficer, QStringLiteral("digisos"), fixed));
    ASSERT_TRUE(service().analyse(kOfficer, QStringLiteral("digisos"), rules_));

    auto changes = service().changes(kLeader, r.service, lastRos.addDays(1), clock_->today());
    ASSERT_TRUE(changes.ok()) << changes.message();
    QStringList kinds;
    for (const auto& c : *changes) kinds << c.kind + QLatin1Char(' ') + c.ref;
    EXPECT_TRUE(kinds.contains("score " + r.ref)) << kinds.join(", ").toStdString();
    EXPECT_TRUE(kinds.contains("measure.added " + r.ref));
    auto digisos = service().changes(kAuditor, QStringLiteral("digisos"), lastRos.addDays(1), clock_->today());
    ASSERT_TRUE(digisos.ok());
    EXPECT_TRUE(std::any_of(digisos->begin(), digisos->end(), [](const RegisterChange& c) {
        return c.kind == "risk.closed" && c.ref == "digisos:VAKT-T-005/fiks-io-api" && c.after == "no longer raised by model version 2";
    }));
    const auto score = std::find_if(changes->begin(), changes->end(), [&](const RegisterChange& c) { return c.kind == "score"; });
    ASSERT_NE(score, changes->end());
    EXPECT_EQ(score->before, QString("%1x%2 high").arg(r.likelihood).arg(r.consequence));
    EXPECT_EQ(score->after, "2x4 medium: tiltak på plass");
    // Nothing of the demo's own loading falls in the period; the period before it holds the risks' creation.
    EXPECT_TRUE(std::none_of(changes->begin(), changes->end(), [](const RegisterChange& c) { return c.kind == "risk.added"; }));
    auto before = service().changes(kLeader, r.service, lastRos.addDays(-1), lastRos);
    ASSERT_TRUE(before.ok());
    EXPECT_TRUE(std::any_of(before->begin(), before->end(), [](const RegisterChange& c) { return c.kind == "risk.added"; }));
    EXPECT_FALSE(service().changes(kLeader, r.service, lastRos, lastRos.addDays(-2)));
    EXPECT_EQ(service().changes(kDesk, r.service, lastRos, lastRos).kind(), ErrorKind::Denied);
}

TEST_F(RiskRegister, APeriodIsTheUsersCalendarDayEvenJustAfterMidnight) {
    // 00:30 in Oslo is still yesterday in UTC; a change made then belongs to the Norwegian day.
    const QDate day = clock_->now().date().addDays(10);
    clock_->set(QDateTime(day, QTime(23, 30), Qt::UTC));
    EXPECT_EQ(clock_->today(), day.addDays(1));
    const RiskEntry r = openHighRisk();
    ASSERT_TRUE(service().rescore(kOfficer, r.ref, QStringLiteral("inherent"), 2, {{"konfidensialitet", 4}}, QStringLiteral("etter midnatt")));
    auto hasScore = [&](const QDate& from, const QDate& to) {
        auto changes = service().changes(kLeader, r.service, from, to);
        EXPECT_TRUE(changes.ok()) << changes.message();
        return changes.ok() && std::any_of(changes->begin(), changes->end(), [&](const RegisterChange& c) { return c.kind == "score" && c.ref == r.ref; });
    };
    EXPECT_TRUE(hasScore(clock_->today(), clock_->today()));
    EXPECT_FALSE(hasScore(day, day));
}

// ---- evidence moves risk --------------------------------------------------------------------

namespace {
qint64 raiseIncident(Store& store, const QString& service, const QDateTime& at, const QString& tag) {
    Incident i;
    i.fingerprint = QStringLiteral("test:%1").arg(tag);
    i.source = QStringLiteral("monitoring");
    i.title = QStringLiteral("TestAlert");
    i.summary = tag;
    i.severity = QStringLiteral("warning");
    i.service = service;
    auto id = IncidentStore(store).raise(kOfficer, i, at);
    EXPECT_TRUE(id.ok()) << id.message();
    return id.ok() ? *id : 0;
}
}  // namespace

TEST_F(RiskRegister, TheDemosOutagesSuggestARaiseThatOnlyItsOwnerDecides) {
    auto pending = service().suggestions(kAuditor);
    ASSERT_TRUE(pending.ok()) << pending.message();
    ASSERT_EQ(pending->size(), 1);
    const Suggestion s = pending->front();
    EXPECT_TRUE(s.riskRef.startsWith(QStringLiteral("fiks-io:")));
    auto evidence = service().evidence(kAuditor, s.riskRef);
    ASSERT_TRUE(evidence.ok());
    const auto inYear = std::count_if(evidence->begin(), evidence->end(),
                                      [&](const Evidence& e) { return e.observedAt >= clock_->now().addDays(-365); });
    EXPECT_EQ(s.observed, inYear);
    EXPECT_GE(inYear, 2);  // "several times a year" in the default matrix starts at two
    EXPECT_EQ(s.likelihoodTo, 4);
    EXPECT_LT(s.likelihoodFrom, 4);
    EXPECT_EQ(s.owner, kLeader.username);

    // Not the assessor, not the board, not even another owner role: the risk's owner.
    EXPECT_EQ(service().decideSuggestion(kOfficer, s.id, true, {}).kind(), ErrorKind::Denied);
    EXPECT_EQ(service().decideSuggestion(kProductOwner, s.id, true, {}).kind(), ErrorKind::Denied);
    EXPECT_EQ(service().decideSuggestion(kBoard, s.id, true, {}).kind(), ErrorKind::Denied);
    ASSERT_TRUE(service().decideSuggestion(kLeader, s.id, true, QStringLiteral("Fire stopp i år")).ok());

    auto r = service().risk(kAuditor, s.riskRef);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->likelihood, 4);
    auto history = service().history(kAuditor, s.riskRef);
    ASSERT_TRUE(history.ok());
    EXPECT_EQ(history->back().by, kLeader.username);
    EXPECT_TRUE(history->back().reason.contains(QStringLiteral("%1 incidents").arg(s.observed))) << history->back().reason.toStdString();
    auto trail = store_->trail(kAuditor, QStringLiteral("risk"), s.riskRef);
    ASSERT_TRUE(trail.ok());
    EXPECT_TRUE(std::any_of(trail->begin(), trail->end(), [](const TrailEntry& e) { return e.action == "risk.suggestion.accept"; }));
    EXPECT_TRUE(service().suggestions(kAuditor)->isEmpty());
    EXPECT_EQ(service().decideSuggestion(kLeader, s.id, true, {}).kind(), ErrorKind::Conflict);  // decided once
}

TEST_F(RiskRegister, ARejectedSuggestionReturnsOnlyOnMoreEvidenceAndOldEvidenceAgesOut) {
    auto all = service().risks(kOfficer);
    ASSERT_TRUE(all.ok());
    const auto it = std::find_if(all->begin(), all->end(), [](const RiskEntry& r) { return r.likelihood <= 2 && r.status == QLatin1String("open"); });
    ASSERT_NE(it, all->end());
    const RiskEntry target = *it;
    const QString svc = target.service;
    const Session owner = target.owner == kProductOwner.username ? kProductOwner : kLeader;
    const QDateTime now = clock_->now();

    // Nobody but the register's writers links evidence, and only to incidents that exist, once.
    const qint64 first = raiseIncident(*store_, svc, now.addDays(-100), QStringLiteral("a"));
    EXPECT_EQ(service().linkEvidence(kBoard, target.ref, first, {}).kind(), ErrorKind::Denied);
    EXPECT_EQ(service().linkEvidence(kOfficer, target.ref, 999999, {}).kind(), ErrorKind::NotFound);
    ASSERT_TRUE(service().linkEvidence(kOfficer, target.ref, first, QStringLiteral("samme feil")).ok());
    EXPECT_EQ(service().linkEvidence(kOfficer, target.ref, first, {}).kind(), ErrorKind::Conflict);

    // One incident in a year: "every 1 to 3 years", above what the risk was given.
    auto pending = service().suggestions(kOfficer, svc);
    ASSERT_TRUE(pending.ok());
    ASSERT_EQ(pending->size(), 1);
    EXPECT_EQ(pending->front().likelihoodTo, 3);
    EXPECT_EQ(service().decideSuggestion(owner, pending->front().id, false, {}).kind(), ErrorKind::Invalid);  // a reason is needed
    ASSERT_TRUE(service().decideSuggestion(owner, pending->front().id, false, QStringLiteral("Feilen var hos kommunen")).ok());
    EXPECT_EQ(service().risk(kOfficer, target.ref)->likelihood, target.likelihood);

    // The same evidence looked at again says nothing new; a second incident does.
    ASSERT_TRUE(service().refreshSuggestions(kOfficer).ok());
    EXPECT_TRUE(service().suggestions(kOfficer, svc)->isEmpty());
    const qint64 second = raiseIncident(*store_, svc, now.addDays(-20), QStringLiteral("b"));
    ASSERT_TRUE(service().linkEvidence(kOfficer, target.ref, second, {}).ok());
    pending = service().suggestions(kOfficer, svc);
    ASSERT_EQ(pending->size(), 1);
    EXPECT_EQ(pending->front().likelihoodTo, 4);
    EXPECT_EQ(pending->front().incidents, (QList<qint64>{first, second}));

    // A year and a half on, neither incident is in the window: the suggestion is withdrawn.
    clock_->set(now.addDays(550));
    auto left = service().refreshSuggestions(kOfficer);
    ASSERT_TRUE(left.ok()) << left.message();
    EXPECT_EQ(*left, 0);
    auto history = service().suggestions(kOfficer, svc, false);
    ASSERT_EQ(history->size(), 2);
    EXPECT_EQ(history->front().status, QStringLiteral("superseded"));
    EXPECT_EQ(history->back().status, QStringLiteral("rejected"));
    EXPECT_EQ(history->back().decidedBy, owner.username);

    // As many incidents as were rejected, but new ones: the owner is asked again.
    const qint64 third = raiseIncident(*store_, svc, clock_->now().addDays(-10), QStringLiteral("c"));
    ASSERT_TRUE(service().linkEvidence(kOfficer, target.ref, third, {}).ok());
    pending = service().suggestions(kOfficer, svc);
    ASSERT_EQ(pending->size(), 1);
    EXPECT_EQ(pending->front().incidents, (QList<qint64>{third}));
    // Called a false positive, the risk has nothing left to re-score: the suggestion is withdrawn.
    ASSERT_TRUE(service().decide(kOfficer, target.ref, QStringLiteral("false_positive"), QStringLiteral("Gjelder ikke oss")).ok());
    EXPECT_TRUE(service().suggestions(kOfficer, svc)->isEmpty());
    EXPECT_EQ(service().suggestions(kOfficer, svc, false)->front().status, QStringLiteral("superseded"));
}

TEST_F(RiskRegister, TheAssessorDoesNotDecideOnEvidenceEvenAsOwner) {
    auto pending = service().suggestions(kAuditor);
    ASSERT_TRUE(pending.ok() && pending->size() == 1);
    const Suggestion s = pending->front();
    const RiskEntry r = *service().risk(kAuditor, s.riskRef);
    ASSERT_EQ(r.assessor, kOfficer.username);
    // The assessor makes themselves owner (they may), but still may not overrule the evidence.
    ASSERT_TRUE(service().setOwner(kOfficer, s.riskRef, kOfficer.username).ok());
    auto refused = service().decideSuggestion(kOfficer, s.id, false, QStringLiteral("uenig"));
    EXPECT_EQ(refused.kind(), ErrorKind::Denied);
    EXPECT_NE(refused.message().find("assessed by"), std::string::npos) << refused.message();
}

TEST(RegisterAmounts, NumbersAsPeopleWriteThemAndNoGuessing) {
    EXPECT_EQ(*parseAmount(QStringLiteral("1500000")), 1500000);
    EXPECT_EQ(*parseAmount(QStringLiteral("1 500 000")), 1500000);
    EXPECT_EQ(*parseAmount(QString::fromUtf8("2\u00A0000")), 2000);
    EXPECT_EQ(*parseAmount(QStringLiteral("0,5")), 0.5);
    EXPECT_EQ(*parseAmount(QStringLiteral("0.125")), 0.125);
    EXPECT_EQ(*parseAmount(QStringLiteral("0,125")), 0.125);  // once every eight years, as Excel writes it
    EXPECT_EQ(*parseAmount(QStringLiteral("1e+06")), 1e6);
    // Thousands or decimals? Refused, never read as 250.
    auto ambiguous = parseAmount(QStringLiteral("250,000"));
    ASSERT_FALSE(ambiguous.ok());
    EXPECT_NE(ambiguous.message().find("ambiguous"), std::string::npos);
    EXPECT_FALSE(parseAmount(QStringLiteral("1,500,000")).ok());
    EXPECT_FALSE(parseAmount(QStringLiteral("1.500,50")).ok());
    EXPECT_FALSE(parseAmount(QStringLiteral("inf")).ok());
}

TEST_F(RiskRegister, EstimatesMakeALossCurveAndBadOnesAreRefused) {
    auto all = service().risks(kOfficer, QStringLiteral("digisos"));
    ASSERT_TRUE(all.ok());
    ASSERT_FALSE(all->isEmpty());
    // Only this service's one estimate: λ = 0.5 a year, so a year has a loss with 1 - e^-0.5.
    auto existing = service().estimates(kOfficer, QStringLiteral("digisos"));
    ASSERT_TRUE(existing.ok());
    for (const auto& e : *existing) ASSERT_TRUE(service().clearEstimate(kOfficer, e.riskRef, QStringLiteral("nytt verksted")).ok());
    const QString ref = all->front().ref;
    EXPECT_EQ(service().setEstimate(kLeader, ref, {0.5, 1e5, 1e6}, {}).kind(), ErrorKind::Denied);
    EXPECT_FALSE(service().setEstimate(kOfficer, ref, {0.5, 1e6, 1e5}, {}).ok());  // low above high
    EXPECT_FALSE(service().setEstimate(kOfficer, ref, {-1, 1e5, 1e6}, {}).ok());
    EXPECT_FALSE(service().setEstimate(kOfficer, ref, {1e7, 1e5, 1e6}, {}).ok());  // a simulation that never ends
    ASSERT_TRUE(service().setEstimate(kOfficer, ref, {0.5, 1e5, 1e6}, QStringLiteral("verksted")).ok());
    auto curve = service().lossCurve(kLeader, QStringLiteral("digisos"), 50000, 3);
    ASSERT_TRUE(curve.ok()) << curve.message();
    EXPECT_NEAR(curve->probabilityOfAnyLoss, 1 - std::exp(-0.5), 0.01);
    // The department's curve has the other services' estimates too.
    auto department = service().lossCurve(kLeader, {}, 50000, 3);
    ASSERT_TRUE(department.ok());
    EXPECT_GT(department->mean, curve->mean);
    auto trail = store_->trail(kAuditor, QStringLiteral("risk"), ref);
    ASSERT_TRUE(trail.ok());
    EXPECT_TRUE(std::any_of(trail->begin(), trail->end(), [](const TrailEntry& e) { return e.action == "risk.estimate"; }));
}

// ---- the register as spreadsheets -----------------------------------------------------------

namespace {
// The measures without their ids, which belong to each database.
QList<QStringList> measuresWithoutIds(const Table& t) {
    QList<QStringList> out;
    for (QStringList row : t.rows) {
        row[t.column(QStringLiteral("id"))].clear();
        out << row;
    }
    return out;
}
}  // namespace

TEST_F(RiskRegister, TheRegisterRoundTripsThroughXlsxAndCsvIntoAnotherDatabase) {
    // A register with everything a spreadsheet must carry: scores per dimension, residual
    // scores, decisions with reasons, owners, measures and estimates.
    const RiskEntry r = openHighRisk();
    ASSERT_TRUE(service().rescore(kOfficer, r.ref, QStringLiteral("inherent"), 2, {{"integritet", 3}, {"personvern", 4}}, QStringLiteral("verksted")).ok());
    ASSERT_TRUE(service().rescore(kOfficer, r.ref, QStringLiteral("residual"), 1, {{"personvern", 2}}, QStringLiteral("etter tiltak")).ok());
    ASSERT_TRUE(service().setOwner(kOfficer, r.ref, QStringLiteral("produktansvarlig")).ok());
    Measure m;
    m.riskRef = r.ref;
    m.title = QStringLiteral("Tofaktor for saksbehandlere, \"straks\"; også i Bodø");
    m.owner = QStringLiteral("leder");
    m.due = clock_->today().addDays(30);
    m.likelihoodEffect = 1;
    ASSERT_TRUE(service().addMeasure(kOfficer, m).ok());
    ASSERT_TRUE(service().setEstimate(kOfficer, r.ref, {0.3, 125000.5, 2e6}, {}).ok());
    auto all = service().risks(kOfficer);
    ASSERT_TRUE(all.ok());
    const auto other = std::find_if(all->begin(), all->end(), [&](const RiskEntry& x) { return x.ref != r.ref && x.status == QLatin1String("open"); });
    ASSERT_NE(other, all->end());
    ASSERT_TRUE(service().decide(kOfficer, other->ref, QStringLiteral("mitigated"), QStringLiteral("Lukket med brannmurregel\nsak 4711")).ok());

    // A title a spreadsheet would run as a formula, from a vendor's hand: kept as text both ways.
    Table evil{kRisksSheet, {"ref", "title", "description", "likelihood", "consequence"},
               {{"svarut:ROS-EVIL", "=HYPERLINK(\"http://angriper.example\",\"Klikk\")", "'-2+3", "2", "2"}}, {"evil.csv:2"}};
    ASSERT_TRUE(service().importRegister(kOfficer, {evil, {}}, QStringLiteral("evil.csv"), false).ok());

    auto exported = service().exportRegister(kAuditor);
    ASSERT_TRUE(exported.ok()) << exported.message();
    const QByteArray xlsx = tablesToXlsx(*exported);
    const QByteArray risksCsv = tableToCsv(exported->risks), measuresCsv = tableToCsv(exported->measures);
    EXPECT_TRUE(risksCsv.contains("\"'=HYPERLINK(")) << "the formula is written as text";
    EXPECT_FALSE(risksCsv.contains(",=HYPERLINK(") || risksCsv.contains("\n=HYPERLINK("));

    for (const QString& format : {QStringLiteral("xlsx"), QStringLiteral("csv")}) {
        SCOPED_TRACE(format.toStdString());
        TestDatabase fresh{TestDatabase::Content::Demo};
        auto opened = Store::open(fresh.url(), Store::OpenMode::MustExist, clock_);
        ASSERT_TRUE(opened.ok()) << opened.message();
        RiskService elsewhere(**opened);
        RegisterTables tables;
        if (format == QLatin1String("xlsx")) {
            auto read = tablesFromXlsx(xlsx, QStringLiteral("register.xlsx"));
            ASSERT_TRUE(read.ok()) << read.message();
            tables = *read;
        } else {
            auto risks = tableFromCsv(risksCsv, QStringLiteral("register.csv"), kRisksSheet);
            auto measures = tableFromCsv(measuresCsv, QStringLiteral("register-tiltak.csv"), kMeasuresSheet);
            ASSERT_TRUE(risks.ok() && measures.ok());
            tables = {*risks, *measures};
        }
        auto report = elsewhere.importRegister(kOfficer, tables, QStringLiteral("register.") + format, false);
        ASSERT_TRUE(report.ok()) << report.message();
        EXPECT_GE(report->changed, 2);
        EXPECT_EQ(report->measuresAdded, 1);
        auto back = elsewhere.exportRegister(kAuditor);
        ASSERT_TRUE(back.ok());
        EXPECT_EQ(back->risks.header, exported->risks.header);
        EXPECT_EQ(back->risks.rows, exported->risks.rows);
        EXPECT_EQ(measuresWithoutIds(back->measures), measuresWithoutIds(exported->measures));
        // Importing the same file again changes nothing.
        auto again = elsewhere.importRegister(kOfficer, tables, QStringLiteral("register.") + format, false);
        ASSERT_TRUE(again.ok());
        EXPECT_EQ(again->changed + again->created + again->measuresAdded + again->measuresChanged, 0) << again->changes.join("; ").toStdString();
    }
}

TEST_F(RiskRegister, ABadSpreadsheetNamesEveryBadCellAndImportsNothing) {
    auto exported = service().exportRegister(kAuditor);
    ASSERT_TRUE(exported.ok());
    RegisterTables tables = *exported;
    Table& t = tables.risks;
    const int likelihood = t.column(QStringLiteral("likelihood"));
    const int status = t.column(QStringLiteral("status"));
    const int owner = t.column(QStringLiteral("owner"));
    // A good change that must not land, then three bad rows.
    t.rows[0][owner] = QStringLiteral("leder");
    t.rows[2][likelihood] = QStringLiteral("9");
    t.rows[3][status] = QStringLiteral("accepted");
    t.rows[4][likelihood] = QStringLiteral("tre");
    for (qsizetype i = 0; i < t.rows.size(); ++i) t.places << QStringLiteral("reg.csv:%1").arg(i + 2);
    auto report = service().importRegister(kOfficer, tables, QStringLiteral("reg.csv"), false);
    ASSERT_FALSE(report.ok());
    const std::string message = report.message();
    EXPECT_NE(message.find("reg.csv:4: column 'likelihood'"), std::string::npos) << message;
    EXPECT_NE(message.find("reg.csv:5: column 'status'"), std::string::npos) << message;
    EXPECT_NE(message.find("reg.csv:6: column 'likelihood': expected a whole number"), std::string::npos) << message;
    EXPECT_EQ(service().risk(kOfficer, t.rows[0][0])->owner, exported->risks.rows[0][owner]);  // nothing landed

    // A ref analysis gives its risks is not taken by a file: the service's next analysis needs it.
    Table taken{kRisksSheet, {"ref", "title", "likelihood", "consequence"}, {{"svarut:VAKT-S-002/ny-integrasjon", "X", "2", "2"}}, {"taken.csv:2"}};
    auto refusedRef = service().importRegister(kOfficer, {taken, {}}, QStringLiteral("taken.csv"), false);
    ASSERT_FALSE(refusedRef.ok());
    EXPECT_NE(refusedRef.message().find("taken.csv:2: column 'ref'"), std::string::npos) << refusedRef.message();
    // A cell far beyond any int, or not a number at all, is refused, not cast.
    Table huge = exported->risks;
    huge.places.clear();
    huge.rows = {huge.rows[0]};
    huge.rows[0][likelihood] = QStringLiteral("1e10");
    auto tooBig = service().importRegister(kOfficer, {huge, {}}, QStringLiteral("huge.csv"), false);
    ASSERT_FALSE(tooBig.ok());
    EXPECT_NE(tooBig.message().find("Risikoer row 2: column 'likelihood'"), std::string::npos) << tooBig.message();

    // An unknown column is refused before anything is read; so is a duplicate ref.
    RegisterTables misspelt = *exported;
    misspelt.risks.header[likelihood] = QStringLiteral("likelyhood");
    auto refused = service().importRegister(kOfficer, misspelt, QStringLiteral("reg.csv"), false);
    ASSERT_FALSE(refused.ok());
    EXPECT_NE(refused.message().find("unknown column 'likelyhood'"), std::string::npos) << refused.message();
    EXPECT_EQ(service().importRegister(kAuditor, *exported, QStringLiteral("reg.csv"), false).kind(), ErrorKind::Denied);
}

TEST_F(RiskRegister, ASpreadsheetKeptBeforeComesOverWithItsNorwegianHeaders) {
    // The department's old register: Norwegian headers, a risk Vakt does not know, ';' separated.
    const QByteArray old =
        "\xEF\xBB\xBFReferanse;Tjeneste;Tittel;Sannsynlighet;Konsekvens;Risikoeier;Neste gjennomgang\n"
        "svarut:ROS-2024-07;svarut;Feilsendte brev til feil kommune;2;4;produktansvarlig;2027-03-01\n";
    auto risks = tableFromCsv(old, QStringLiteral("ros-2024.csv"), kRisksSheet);
    ASSERT_TRUE(risks.ok()) << risks.message();
    EXPECT_EQ(risks->header, (QStringList{"ref", "service", "title", "likelihood", "consequence", "owner", "review_date"}));
    auto dry = service().importRegister(kOfficer, {*risks, {}}, QStringLiteral("ros-2024.csv"), true);
    ASSERT_TRUE(dry.ok()) << dry.message();
    EXPECT_EQ(dry->created, 1);
    EXPECT_EQ(service().risk(kOfficer, QStringLiteral("svarut:ROS-2024-07")).kind(), ErrorKind::NotFound);  // a dry run keeps nothing
    ASSERT_TRUE(service().importRegister(kOfficer, {*risks, {}}, QStringLiteral("ros-2024.csv"), false).ok());
    auto r = service().risk(kOfficer, QStringLiteral("svarut:ROS-2024-07"));
    ASSERT_TRUE(r.ok()) << r.message();
    EXPECT_EQ(r->title, QStringLiteral("Feilsendte brev til feil kommune"));
    EXPECT_EQ(r->level, QStringLiteral("medium"));
    EXPECT_EQ(r->owner, QStringLiteral("produktansvarlig"));
    EXPECT_EQ(r->assessor, kOfficer.username);
    EXPECT_EQ(r->reviewDate, QDate(2027, 3, 1));
    // A new risk must belong to a service in the catalogue.
    auto stray = tableFromCsv("ref;tittel;sannsynlighet;konsekvens\nukjent:R1;X;1;1\n", QStringLiteral("x.csv"), kRisksSheet);
    ASSERT_TRUE(stray.ok());
    auto refused = service().importRegister(kOfficer, {*stray, {}}, QStringLiteral("x.csv"), false);
    ASSERT_FALSE(refused.ok());
    EXPECT_NE(refused.message().find("x.csv:2: column 'service': no service 'ukjent'"), std::string::npos) << refused.message();
}

// ---- risk stories and the municipal ROS template -------------------------------------------

TEST_F(RiskRegister, TheRosTemplateJoinsStoriesWithTheRegistersRisksAndMeasures) {
    auto t = buildRosTemplate(*store_, kAuditor, QStringLiteral("svarut"));
    ASSERT_TRUE(t.ok()) << t.message();
    EXPECT_EQ(t->serviceName, QStringLiteral("SvarUt"));
    ASSERT_FALSE(t->stories.isEmpty());
    // The vendor's SFTP story: the shared-password risk at its level now, with the measure under way.
    const auto sftp = std::find_if(t->stories.begin(), t->stories.end(), [](const UserStoryView& u) { return u.id == QLatin1String("fakturaer-via-sftp"); });
    ASSERT_NE(sftp, t->stories.end());
    EXPECT_EQ(sftp->personaKind, QStringLiteral("vendor"));
    const StoryRisk& shared = sftp->riskStories.front().risks.front();
    const RiskEntry inRegister = riskOf(QStringLiteral("svarut"), QStringLiteral("VAKT-S-002"), QStringLiteral("fakturasystem-til-sftp"));
    EXPECT_EQ(shared.ref, inRegister.ref);
    EXPECT_EQ(shared.level, inRegister.level);
    EXPECT_TRUE(shared.raised);
    ASSERT_EQ(shared.measures.size(), 1);
    EXPECT_TRUE(shared.measures.front().contains(QStringLiteral("Maskinporten"))) << shared.measures.front().toStdString();
    // Every open risk is in the template: under a story, or among the others.
    QSet<QString> shown;
    for (const auto& u : t->stories)
        for (const auto& rs : u.riskStories)
            for (const auto& r : rs.risks) shown.insert(r.ref);
    for (const auto& r : t->otherRisks) shown.insert(r.ref);
    auto open = service().risks(kAuditor, QStringLiteral("svarut"));
    for (const auto& r : *open)
        if (r.status != QLatin1String("false_positive")) {
            EXPECT_TRUE(shown.contains(r.ref)) << r.ref.toStdString();
        }

    // A story that names a threat the analysis no longer raises says so instead of hiding it.
    const QString edited = digisosWith(QStringLiteral("threats: [VAKT-D-003/digisos-mellomlager]"), QStringLiteral("threats: [VAKT-D-001/digisos-mellomlager]"));
    ASSERT_TRUE(service().importModel(kOfficer, QStringLiteral("digisos"), edited).ok());
    auto digisos = buildRosTemplate(*store_, kAuditor, QStringLiteral("digisos"));
    ASSERT_TRUE(digisos.ok()) << digisos.message();
    const auto down = std::find_if(digisos->stories.begin(), digisos->stories.end(), [](const UserStoryView& u) { return u.id == QLatin1String("behandle-soknad"); });
    ASSERT_NE(down, digisos->stories.end());
    EXPECT_FALSE(down->riskStories.front().risks.front().raised);
    EXPECT_EQ(buildRosTemplate(*store_, kDesk, QStringLiteral("digisos")).kind(), ErrorKind::Denied);

    // The workbook has the four sheets and the municipality's empty columns.
    auto book = xlsx::read(rosTemplateXlsx(*t, false).toStdString());
    ASSERT_TRUE(book.ok()) << book.message();
    ASSERT_EQ(book->sheets.size(), 4);
    const xlsx::Sheet* stories = book->find("Brukerhistorier");
    ASSERT_NE(stories, nullptr);
    EXPECT_EQ(stories->rows.front().back(), "Frist");
    EXPECT_TRUE(rosTemplateMarkdown(*t, true).contains(QStringLiteral("Municipality's likelihood")));
}
