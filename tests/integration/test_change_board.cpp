// The change board on both engines, as the board and the security officer meet it: who may
// decide, the officer's part in security-relevant changes, freezes and conflicts on the
// calendar, the review tasks an approval creates, the review with the incidents a change caused,
// and the weekly meeting from agenda to signed minutes that cannot be swapped unseen.
#include <gtest/gtest.h>

#include <QTemporaryDir>

#include "changes/change_board.h"
#include "collector/audit/keys.h"
#include "core/base/crypto.h"
#include "core/civil_time.h"
#include "core/clock.h"
#include "core/incidents.h"
#include "core/store.h"
#include "riskmodel/register.h"
#include "tests/support/test_db.h"

using namespace vakt;
using namespace vakt::changes;
using vakt::test::TestDatabase;

namespace {

const Session kBoard{QStringLiteral("endringsrad"), Role::Endringsrad};
const Session kOfficer{QStringLiteral("sikkerhetsansvarlig"), Role::Sikkerhetsansvarlig};
const Session kDesk{QStringLiteral("brukerstotte"), Role::Brukerstotte};
const Session kAuditor{QStringLiteral("revisor"), Role::Revisor};
const Session kLeader{QStringLiteral("leder"), Role::Leder};
const Session kAdmin{QStringLiteral("admin"), Role::Admin};

QDateTime oslo(int y, int m, int d, int h, int min = 0) { return QDateTime(QDate(y, m, d), QTime(h, min), platformZone()).toUTC(); }

class ChangeBoardTest : public ::testing::Test {
protected:
    void SetUp() override {
        // Monday 7 December 2026, 09:00.
        clock_ = std::make_shared<FixedClock>(oslo(2026, 12, 7, 9));
        auto s = Store::open(db_.url(), Store::OpenMode::MustExist, clock_);
        ASSERT_TRUE(s.ok()) << s.message();
        store_ = std::move(*s);
    }

    QString propose(const QString& target, const QDateTime& from, int hours, const QString& category = ChangeCategory::Normal,
                    const QString& freezeReason = {}) {
        NewChange c;
        c.title = QStringLiteral("Endring på %1").arg(target);
        c.targets = {target};
        c.category = category;
        c.windowStart = from;
        c.windowEnd = from.addSecs(3600LL * hours);
        c.rollbackPlan = QStringLiteral("Tilbake til forrige versjon");
        c.freezeReason = freezeReason;
        auto ref = board().add(kDesk, c);
        EXPECT_TRUE(ref.ok()) << ref.message();
        return ref.ok() ? *ref : QString();
    }
    void assess(const QString& ref, bool securityRelevant) {
        auto s = board().assess(kOfficer, ref, SecurityAssessment{QStringLiteral("TD"), 2, 3, securityRelevant, {}});
        ASSERT_TRUE(s.ok()) << s.message();
    }
    QStringList kinds(const QString& ref) {
        auto found = board().conflictsOf(kBoard, ref);
        EXPECT_TRUE(found.ok()) << found.message();
        QStringList out;
        if (found.ok())
            for (const auto& k : *found) out << k.kind;
        return out;
    }
    ChangeBoard board() { return ChangeBoard(*store_); }

    TestDatabase db_{TestDatabase::Content::Demo};
    QTemporaryDir dir_;
    std::shared_ptr<FixedClock> clock_;
    std::unique_ptr<Store> store_;
};

TEST_F(ChangeBoardTest, OnlyTheBoardDecidesAndReadOnlyRolesChangeNothing) {
    const QString ref = propose(QStringLiteral("print"), oslo(2026, 12, 9, 20), 1);
    assess(ref, false);
    EXPECT_EQ(board().decide(kDesk, ref, Decision::Approve, {}).error().kind, ErrorKind::Denied) << "the service desk cannot approve changes";
    EXPECT_EQ(board().decide(kLeader, ref, Decision::Approve, {}).error().kind, ErrorKind::Denied);
    NewChange c;
    c.title = QStringLiteral("Forsøk");
    c.targets = {QStringLiteral("print")};
    EXPECT_EQ(board().add(kAuditor, c).error().kind, ErrorKind::Denied);
    EXPECT_EQ(board().assess(kAuditor, ref, SecurityAssessment{QStringLiteral("T"), 1, 1, false, {}}).error().kind, ErrorKind::Denied);
    EXPECT_EQ(board().addFreeze(kDesk, Freeze{0, QStringLiteral("x"), QStringLiteral("all"), {}, oslo(2027, 1, 1, 0), oslo(2027, 1, 2, 0), {}, {}}).error().kind,
              ErrorKind::Denied);
    EXPECT_EQ(board().openMeeting(kAuditor, {}).error().kind, ErrorKind::Denied);
    EXPECT_TRUE(board().get(kAuditor, ref).ok()) << "everyone reads the calendar";
    ASSERT_TRUE(board().decide(kBoard, ref, Decision::Approve, QStringLiteral("Ok")).ok());
    EXPECT_EQ(board().get(kBoard, ref)->state, ChangeState::Approved);
    // Rejecting or deferring says why.
    const QString other = propose(QStringLiteral("print"), oslo(2026, 12, 10, 20), 1);
    EXPECT_FALSE(board().decide(kBoard, other, Decision::Reject, {}).ok());
}

TEST_F(ChangeBoardTest, ASecurityRelevantChangeNeedsTheSecurityOfficer) {
    const QString ref = propose(QStringLiteral("fiks-io"), oslo(2026, 12, 9, 19), 1);
    EXPECT_FALSE(board().decide(kBoard, ref, Decision::Approve, {}).ok()) << "not assessed";
    assess(ref, true);
    auto refused = board().decide(kBoard, ref, Decision::Approve, {});
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().kind, ErrorKind::Denied);
    EXPECT_NE(refused.message().find("security officer"), std::string::npos) << refused.message();
    EXPECT_FALSE(board().consent(kBoard, ref, {}).ok()) << "only the officer consents";
    ASSERT_TRUE(board().consent(kOfficer, ref, QStringLiteral("Chiffrene er sjekket")).ok());
    ASSERT_TRUE(board().decide(kBoard, ref, Decision::Approve, {}).ok());
    EXPECT_EQ(board().get(kBoard, ref)->securityApprovedBy, kOfficer.username);
    // The officer may approve outright.
    const QString second = propose(QStringLiteral("digisos"), oslo(2026, 12, 10, 19), 1);
    assess(second, true);
    ASSERT_TRUE(board().decide(kOfficer, second, Decision::Approve, {}).ok());
}

TEST_F(ChangeBoardTest, TheRequesterCannotTalkPastTheBoard) {
    // A standard change is pre-approved only for what its template names.
    NewChange standard;
    standard.title = QStringLiteral("Sertifikat, men på DigiSos");
    standard.category = ChangeCategory::Standard;
    standard.templateKey = QStringLiteral("tls-fornyelse");
    standard.targets = {QStringLiteral("digisos")};
    EXPECT_FALSE(board().add(kDesk, standard).ok());
    standard.targets = {QStringLiteral("svarut")};
    auto ok = board().add(kDesk, standard);
    ASSERT_TRUE(ok.ok()) << ok.message();
    EXPECT_EQ(board().get(kBoard, *ok)->state, ChangeState::Approved);
    // Once security-relevant, only the officer assesses it otherwise, and a new assessment asks
    // for the officer's consent again.
    const QString ref = propose(QStringLiteral("fiks-io"), oslo(2026, 12, 9, 19), 1);
    assess(ref, true);
    ASSERT_TRUE(board().consent(kOfficer, ref, {}).ok());
    EXPECT_EQ(board().assess(kDesk, ref, SecurityAssessment{QStringLiteral("T"), 1, 1, false, {}}).error().kind, ErrorKind::Denied);
    ASSERT_TRUE(board().assess(kDesk, ref, SecurityAssessment{QStringLiteral("TI"), 3, 5, true, {}}).ok());
    EXPECT_TRUE(board().get(kBoard, ref)->securityApprovedBy.isEmpty());
    EXPECT_EQ(board().decide(kBoard, ref, Decision::Approve, {}).error().kind, ErrorKind::Denied);
}

TEST_F(ChangeBoardTest, ApprovalCreatesTheRosReviewTasksAlongTheValueChain) {
    auto before = risk::RiskService(*store_).tasks(kOfficer);
    ASSERT_TRUE(before.ok()) << before.message();
    const QString ref = propose(QStringLiteral("dokumentlager"), oslo(2026, 12, 9, 20), 2);
    assess(ref, false);
    ASSERT_TRUE(board().decide(kBoard, ref, Decision::Approve, {}).ok());
    const int created = board().get(kBoard, ref)->reviewTasks;
    EXPECT_GT(created, 0) << "the document store serves SvarUt and more: their ROS documents are reviewed";
    auto after = risk::RiskService(*store_).tasks(kOfficer);
    ASSERT_TRUE(after.ok());
    EXPECT_EQ(after->size(), before->size() + created);
}

TEST_F(ChangeBoardTest, FreezesAdmitOnlyEmergencyChangesWithAReason) {
    auto freeze = board().addFreeze(kLeader, Freeze{0, QStringLiteral("Stortingsvalg"), QStringLiteral("services"), {QStringLiteral("minside")},
                                                   oslo(2027, 8, 20, 0), oslo(2027, 9, 20, 0), {}, {}});
    ASSERT_TRUE(freeze.ok()) << freeze.message();
    const QString normal = propose(QStringLiteral("minside"), oslo(2027, 9, 1, 20), 1);
    EXPECT_EQ(kinds(normal), QStringList{"in_freeze"});
    assess(normal, false);
    auto refused = board().decide(kBoard, normal, Decision::Approve, {});
    ASSERT_FALSE(refused.ok());
    EXPECT_NE(refused.message().find("Stortingsvalg"), std::string::npos) << refused.message();
    const QString bare = propose(QStringLiteral("minside"), oslo(2027, 9, 2, 20), 1, ChangeCategory::Emergency);
    EXPECT_EQ(kinds(bare), QStringList{"in_freeze"}) << "an emergency without a reason is no exception";
    const QString urgent = propose(QStringLiteral("minside"), oslo(2027, 9, 3, 20), 1, ChangeCategory::Emergency,
                                   QStringLiteral("Kritisk sårbarhet i adapteren"));
    EXPECT_EQ(kinds(urgent), QStringList{"emergency_in_freeze"});
    assess(urgent, false);
    EXPECT_TRUE(board().decide(kBoard, urgent, Decision::Approve, {}).ok());
    // Only emergencies carry a reason to go ahead in a freeze.
    NewChange sneaky;
    sneaky.title = QStringLiteral("Vanlig endring med unnskyldning");
    sneaky.targets = {QStringLiteral("minside")};
    sneaky.freezeReason = QStringLiteral("haster litt");
    EXPECT_FALSE(board().add(kDesk, sneaky).ok());
    // Scheduling an approved change into the freeze is refused too.
    const QString before = propose(QStringLiteral("minside"), oslo(2027, 8, 10, 20), 1);
    assess(before, false);
    ASSERT_TRUE(board().decide(kBoard, before, Decision::Approve, {}).ok());
    EXPECT_EQ(board().schedule(kDesk, before, oslo(2027, 9, 6, 20), oslo(2027, 9, 6, 21)).error().kind, ErrorKind::Conflict);
    EXPECT_EQ(board().get(kBoard, before)->windowStart, oslo(2027, 8, 10, 20)) << "a refused schedule changes nothing";
}

TEST_F(ChangeBoardTest, TheCalendarFindsOverlapsDependantsAndCrowdedDays) {
    // SvarUt depends on the document store (the demo catalogue).
    const QString a = propose(QStringLiteral("svarut"), oslo(2027, 1, 12, 20), 2);
    const QString b = propose(QStringLiteral("svarut"), oslo(2027, 1, 12, 21), 2);
    const QString c = propose(QStringLiteral("dokumentlager"), oslo(2027, 1, 12, 21), 1);
    EXPECT_TRUE(kinds(a).contains("same_target"));
    EXPECT_TRUE(kinds(c).contains("dependent_targets"));
    const QString d = propose(QStringLiteral("print"), oslo(2027, 1, 12, 8), 1);
    EXPECT_TRUE(kinds(d).contains("too_many_in_day")) << "four changes on one day";
    auto all = board().conflicts(kBoard, oslo(2027, 1, 12, 0), oslo(2027, 1, 13, 0));
    ASSERT_TRUE(all.ok());
    int crowded = 0;
    for (const auto& k : *all)
        if (k.kind == QLatin1String("too_many_in_day")) {
            ++crowded;
            EXPECT_EQ(k.day, QDate(2027, 1, 12));
            EXPECT_EQ(k.refs.size(), 4);
        }
    EXPECT_EQ(crowded, 1);
    // Back to back is no overlap.
    const QString e = propose(QStringLiteral("minside"), oslo(2027, 2, 2, 20), 1);
    const QString f = propose(QStringLiteral("minside"), oslo(2027, 2, 2, 21), 1);
    EXPECT_TRUE(kinds(e).isEmpty());
    EXPECT_TRUE(kinds(f).isEmpty());
    // Bad windows are named.
    NewChange bad;
    bad.title = QStringLiteral("Baklengs");
    bad.targets = {QStringLiteral("svarut")};
    bad.windowStart = oslo(2027, 1, 1, 12);
    bad.windowEnd = oslo(2027, 1, 1, 10);
    auto refused = board().add(kDesk, bad);
    ASSERT_FALSE(refused.ok());
    EXPECT_NE(refused.message().find("field 'window'"), std::string::npos);
    bad.windowEnd = {};
    bad.targets = {QStringLiteral("finnes-ikke")};
    EXPECT_FALSE(board().add(kDesk, bad).ok());
}

TEST_F(ChangeBoardTest, TheReviewOffersTheIncidentsOnItsServicesAfterwards) {
    const QString ref = propose(QStringLiteral("print"), oslo(2026, 12, 7, 7), 1);
    assess(ref, false);
    ASSERT_TRUE(board().decide(kBoard, ref, Decision::Approve, {}).ok());
    ASSERT_TRUE(board().implement(kDesk, ref, oslo(2026, 12, 7, 8)).ok());
    NewCase after;
    after.title = QStringLiteral("Utskrifter stopper etter oppdatering");
    after.services = {QStringLiteral("print")};
    auto id = IncidentStore(*store_).createCase(kDesk, after);
    ASSERT_TRUE(id.ok()) << id.message();
    auto candidates = board().candidateIncidents(kBoard, ref);
    ASSERT_TRUE(candidates.ok());
    EXPECT_TRUE(candidates->contains(*id));
    EXPECT_FALSE(board().review(kDesk, ref, QStringLiteral("partial"), {}, {*id}).ok()) << "say what went wrong";
    ASSERT_TRUE(board().review(kDesk, ref, QStringLiteral("partial"), QStringLiteral("Rullet delvis tilbake"), {*id}).ok());
    EXPECT_EQ(board().get(kBoard, ref)->causedIncidents, QList<qint64>{*id});
    EXPECT_EQ(*board().changesOfIncident(kDesk, *id), QStringList{ref}) << "the case shows the change that caused it";
}

TEST_F(ChangeBoardTest, AMeetingRunsFromAgendaToSignedMinutesThatCannotBeSwapped) {
    auto id = board().openMeeting(kBoard, {}, 3);
    ASSERT_TRUE(id.ok()) << id.message();
    EXPECT_FALSE(board().openMeeting(kBoard, {}).ok()) << "one meeting at a time";
    auto m = board().meeting(kBoard, *id);
    ASSERT_TRUE(m.ok());
    QStringList kindsOnAgenda;
    for (const auto& item : m->items) kindsOnAgenda << item.kind;
    EXPECT_TRUE(kindsOnAgenda.contains("change")) << "the demo's changes wait for the board";
    EXPECT_TRUE(kindsOnAgenda.contains("item")) << "the standing security and architecture items";
    EXPECT_TRUE(kindsOnAgenda.contains("incident")) << "the demo's P1 and breach are since the last meeting";
    // Not quorate, then undecided items: both refuse to close.
    ASSERT_TRUE(board().setAttendees(kBoard, *id, {QStringLiteral("endringsrad"), QStringLiteral("sikkerhetsansvarlig")}).ok());
    EXPECT_NE(board().closeMeeting(kBoard, *id).message().find("not quorate"), std::string::npos);
    EXPECT_FALSE(board().setAttendees(kBoard, *id, {QStringLiteral("ingen-slik")}).ok());
    ASSERT_TRUE(board().setAttendees(kBoard, *id, {QStringLiteral("endringsrad"), QStringLiteral("sikkerhetsansvarlig"), QStringLiteral("produktansvarlig")}).ok());
    EXPECT_NE(board().closeMeeting(kBoard, *id).message().find("has no decision"), std::string::npos);
    for (const auto& item : m->items) {
        if (item.kind != QLatin1String("change")) {
            ASSERT_TRUE(board().decideItem(kBoard, *id, item.position, QStringLiteral("noted"), {}, {}).ok());
            continue;
        }
        auto c = board().get(kBoard, item.ref);
        ASSERT_TRUE(c.ok());
        // Unassessed or security-relevant without the officer's consent: deferred, with the reason.
        const bool approvable = c->assessed && !c->assessment.securityRelevant;
        auto s = board().decideItem(kBoard, *id, item.position, approvable ? Decision::Approve : Decision::Defer,
                                    approvable ? QStringLiteral("Brukerstøtte varsles") : QString(), approvable ? QString() : QStringLiteral("Venter på vurdering"));
        ASSERT_TRUE(s.ok()) << item.ref.toStdString() << ": " << s.message();
    }
    EXPECT_EQ(board().decideItem(kBoard, *id, 1, Decision::Approve, {}, {}).error().kind, ErrorKind::Conflict) << "decided once";
    const QString keyDir = dir_.filePath(QStringLiteral("keys"));
    ASSERT_TRUE(audit::LedgerKeys::init(keyDir).ok());
    auto keys = audit::LedgerKeys::load(keyDir);
    ASSERT_TRUE(keys.ok());
    ASSERT_TRUE(board().closeMeeting(kBoard, *id, &*keys).ok());
    EXPECT_EQ(board().setAttendees(kBoard, *id, {QStringLiteral("leder")}).error().kind, ErrorKind::Conflict) << "closed minutes stay as they are";

    auto html = board().minutesHtml(kAuditor, *id);
    auto pdf = board().minutesPdf(kAuditor, *id);
    ASSERT_TRUE(html.ok() && pdf.ok());
    EXPECT_TRUE(QString::fromUtf8(*html).contains(QStringLiteral("Referat fra endringsrådet")));
    EXPECT_TRUE(QString::fromUtf8(*html).contains(m->items.front().ref));
    EXPECT_TRUE(pdf->startsWith("%PDF-1.4"));
    auto check = board().verifyMinutes(kAuditor, *id, &*keys);
    ASSERT_TRUE(check.ok());
    EXPECT_TRUE(check->hashMatches);
    EXPECT_TRUE(check->signed_ && check->signatureValid);

    // Someone with database access swaps the minutes and even recomputes the stored hash: the
    // signature, checked against the key the checker already trusts, gives it away.
    const QByteArray forged = QByteArray(*html).replace("Godkjent", "Avvist");
    ASSERT_TRUE(store_->db().exec(QStringLiteral("UPDATE change_meetings SET minutes_html = ? WHERE id = ?"), {forged, *id}).ok());
    check = board().verifyMinutes(kAuditor, *id, &*keys);
    ASSERT_TRUE(check.ok());
    EXPECT_FALSE(check->hashMatches);
    const std::string digest = crypto::sha256Hex(std::string_view(forged.constData(), std::size_t(forged.size()))) + ":" +
                               crypto::sha256Hex(std::string_view(pdf->constData(), std::size_t(pdf->size())));
    ASSERT_TRUE(store_->db().exec(QStringLiteral("UPDATE change_meetings SET minutes_sha256 = ? WHERE id = ?"), {QString::fromStdString(digest), *id}).ok());
    check = board().verifyMinutes(kAuditor, *id, &*keys);
    ASSERT_TRUE(check.ok());
    EXPECT_FALSE(check->hashMatches) << "the trail still says what was closed";
    EXPECT_FALSE(check->signatureValid);
    // Even for a role that cannot read the trail, the signature gives it away; and removing the
    // signature does not help when a key is given.
    check = board().verifyMinutes(kBoard, *id, &*keys);
    ASSERT_TRUE(check.ok());
    EXPECT_TRUE(check->hashMatches);
    EXPECT_FALSE(check->ok());
    ASSERT_TRUE(store_->db().exec(QStringLiteral("UPDATE change_meetings SET signature = '' WHERE id = ?"), {*id}).ok());
    check = board().verifyMinutes(kBoard, *id, &*keys);
    ASSERT_TRUE(check.ok());
    EXPECT_FALSE(check->ok());
    EXPECT_TRUE(check->problem.contains("not signed"));
    // A signature made with the forger's own key does not pass for the department's.
    const QString otherDir = dir_.filePath(QStringLiteral("forger"));
    ASSERT_TRUE(audit::LedgerKeys::init(otherDir).ok());
    auto forger = audit::LedgerKeys::load(otherDir);
    auto forgedSignature = forger->signDocument("change-board-minutes", std::to_string(*id), digest);
    ASSERT_TRUE(forgedSignature.ok());
    ASSERT_TRUE(store_->db().exec(QStringLiteral("UPDATE change_meetings SET signature = ? WHERE id = ?"), {QString::fromStdString(*forgedSignature), *id}).ok());
    check = board().verifyMinutes(kAuditor, *id, &*keys);
    ASSERT_TRUE(check.ok());
    EXPECT_FALSE(check->signatureValid);
}

TEST_F(ChangeBoardTest, AChangeDecidedOutsideTheMeetingIsTakenNoteOf) {
    auto id = board().openMeeting(kBoard, {}, 1);
    ASSERT_TRUE(id.ok()) << id.message();
    auto m = board().meeting(kBoard, *id);
    ASSERT_TRUE(m.ok());
    const auto item = std::find_if(m->items.begin(), m->items.end(), [](const AgendaItem& i) { return i.kind == QLatin1String("change"); });
    ASSERT_NE(item, m->items.end());
    ASSERT_TRUE(board().decide(kBoard, item->ref, Decision::Reject, QStringLiteral("Avklart på e-post: ikke nå")).ok());
    EXPECT_EQ(board().decideItem(kBoard, *id, item->position, Decision::Approve, {}, {}).error().kind, ErrorKind::Conflict);
    EXPECT_TRUE(board().decideItem(kBoard, *id, item->position, QStringLiteral("noted"), {}, {}).ok()) << "the meeting can still be closed";
}

}  // namespace
