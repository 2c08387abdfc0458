// The ROS register on both engines, as its users meet it: the demo's register, acceptance by
// the risk owner only, expiry and rising levels that reopen, decisions kept across re-analysis
// and renames, threats that go away closed (never deleted), review tasks from change impact,
// and every role's access.
#include <gtest/gtest.h>

#include <QFile>
#include <QTemporaryDir>

#include "core/clock.h"
#include "core/data_dir.h"
#include "core/store.h"
#include "riskmodel/register.h"
#include "tests/support/test_db.h"

using namespace vakt;
using namespace vakt::risk;
using vakt::test::TestDatabase;

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
