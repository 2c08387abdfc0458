// User meetings and user councils on both engines, as the product owner and the service desk
// meet them: who may do what, a user meeting from invitations to an elected council, the rules of
// the election refused with the field named, the council's warnings as terms run out and members
// leave, change requests with responses, points and the roadmap, the exports, and the trail of it
// all. Runs on KS Læring, which the demo gives no council, so the demo's councils do not interfere.
#include <gtest/gtest.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>

#include "core/civil_time.h"
#include "core/clock.h"
#include "core/domain.h"
#include "core/incidents.h"
#include "core/organisation_service.h"
#include "core/store.h"
#include "councils/council_service.h"
#include "tests/support/test_db.h"

using namespace vakt;
using namespace vakt::councils;
using vakt::test::TestDatabase;

namespace {

const Session kOwner{QStringLiteral("produktansvarlig"), Role::Produktansvarlig};
const Session kDesk{QStringLiteral("brukerstotte"), Role::Brukerstotte};
const Session kAuditor{QStringLiteral("revisor"), Role::Revisor};
const Session kAdmin{QStringLiteral("admin"), Role::Admin};
const QString kService = QStringLiteral("ks-laering");

QDateTime oslo(int y, int m, int d, int h, int min = 0) { return QDateTime(QDate(y, m, d), QTime(h, min), platformZone()).toUTC(); }

bool mentions(const Error& e, const char* text) { return e.message.find(text) != std::string::npos; }

class CouncilsTest : public ::testing::Test {
protected:
    void SetUp() override {
        // Monday 7 December 2026, 09:00.
        clock_ = std::make_shared<FixedClock>(oslo(2026, 12, 7, 9));
        auto s = Store::open(db_.url(), Store::OpenMode::MustExist, clock_);
        ASSERT_TRUE(s.ok()) << s.message();
        store_ = std::move(*s);
    }

    CouncilService council() { return CouncilService(*store_); }

    // The largest municipalities with an agreement for the service in force on `day`.
    QStringList municipalities(const QDate& day, int n) {
        OrganisationService orgs(*store_);
        auto kommuner = orgs.organisations(kAdmin, OrgKind::Kommune);
        auto agreements = orgs.agreements(kAdmin);
        EXPECT_TRUE(kommuner.ok() && agreements.ok());
        if (!kommuner.ok() || !agreements.ok()) return {};
        QList<Organisation> bySize = *kommuner;
        std::sort(bySize.begin(), bySize.end(), [](const Organisation& a, const Organisation& b) { return a.population > b.population; });
        QStringList out;
        for (const auto& o : bySize) {
            const bool agreed = std::any_of(agreements->begin(), agreements->end(),
                                            [&](const Agreement& a) { return a.orgnr == o.orgnr && a.serviceKey == kService && a.since <= day; });
            if (agreed) out << o.orgnr;
            if (out.size() == n) break;
        }
        EXPECT_EQ(out.size(), n);
        return out;
    }

    // A user meeting held at `at`, everyone invited, the first `present` organisations there.
    qint64 heldUserMeeting(const QDateTime& at, const QStringList& present) {
        NewMeeting m;
        m.serviceKey = kService;
        m.kind = MeetingKind::UserMeeting;
        m.heldAt = at;
        m.place = QStringLiteral("Digitalt");
        m.agenda = QStringLiteral("1. Valg av brukerråd");
        auto id = council().planMeeting(kOwner, m);
        EXPECT_TRUE(id.ok()) << id.message();
        if (!id.ok()) return 0;
        auto invited = council().inviteAll(kOwner, *id);
        EXPECT_TRUE(invited.ok()) << invited.message();
        QList<Attendance> attendance;
        for (const auto& orgnr : present) attendance << Attendance{orgnr, {}, QStringLiteral("Representant")};
        auto st = council().setAttendance(kOwner, *id, attendance);
        EXPECT_TRUE(st.ok()) << st.message();
        return *id;
    }

    static QList<Candidate> candidates(const QStringList& orgnrs, int months = 24) {
        QList<Candidate> out;
        for (qsizetype i = 0; i < orgnrs.size(); ++i)
            out << Candidate{QStringLiteral("rep%1@kommune%1.example").arg(i), QStringLiteral("Representant %1").arg(i), orgnrs[i], months};
        return out;
    }

    QStringList trailActions(const QString& entity, const QString& key) {
        auto entries = store_->trail(kAdmin, entity, key);
        EXPECT_TRUE(entries.ok()) << entries.message();
        QStringList out;
        if (entries.ok())
            for (const auto& e : *entries) out << QString::fromStdString(e.action);
        return out;
    }

    TestDatabase db_{TestDatabase::Content::Demo};
    std::shared_ptr<FixedClock> clock_;
    std::unique_ptr<Store> store_;
};

TEST_F(CouncilsTest, EachRoleMayDoWhatItsPermissionsSayAndNoMore) {
    NewMeeting m;
    m.serviceKey = kService;
    m.heldAt = oslo(2027, 1, 20, 10);
    NewRequest r;
    r.serviceKey = kService;
    r.title = QStringLiteral("Bedre rapporter");
    r.fromOrgnr = municipalities(QDate(2026, 12, 1), 1).value(0);
    for (const Role role : allRoles()) {
        const Session who{roleCode(role), role};
        SCOPED_TRACE(roleCode(role).toStdString());
        auto planned = council().planMeeting(who, m);
        if (role == Role::Produktansvarlig) {
            EXPECT_TRUE(planned.ok()) << planned.message();
        } else {
            ASSERT_FALSE(planned.ok());
            EXPECT_EQ(planned.kind(), ErrorKind::Denied) << "only product owners run councils";
        }
        auto submitted = council().submit(who, r);
        if (role == Role::Produktansvarlig || role == Role::Brukerstotte) {
            EXPECT_TRUE(submitted.ok()) << submitted.message();
        } else {
            ASSERT_FALSE(submitted.ok());
            EXPECT_EQ(submitted.kind(), ErrorKind::Denied);
        }
        // Everyone reads the councils.
        EXPECT_TRUE(council().members(who, kService).ok());
        EXPECT_TRUE(council().requests(who, kService).ok());
        EXPECT_TRUE(council().health(who, kService).ok());
        EXPECT_TRUE(council().overview(who).ok());
        EXPECT_TRUE(council().exportCouncil(who, kService, QStringLiteral("csv")).ok());
    }
    auto any = council().requests(kAuditor, kService);
    ASSERT_TRUE(any.ok() && !any->isEmpty());
    const QString ref = any->front().ref;
    EXPECT_EQ(council().respond(kDesk, ref, Response{RequestStatus::Rejected, {}, QStringLiteral("Nei")}).kind(), ErrorKind::Denied);
    EXPECT_EQ(council().openRound(kAdmin, kService, QStringLiteral("Runde"), 10).kind(), ErrorKind::Denied);
    EXPECT_EQ(council().endMembership(kAuditor, 1, QDate(2026, 12, 1), QStringLiteral("x")).kind(), ErrorKind::Denied);
}

TEST_F(CouncilsTest, AUserMeetingElectsACouncilAndEveryStepIsInTheTrail) {
    const QStringList present = municipalities(QDate(2026, 11, 20), 7);
    NewMeeting m;
    m.serviceKey = kService;
    m.heldAt = oslo(2026, 11, 20, 10);
    m.place = QStringLiteral("KS-huset");
    auto id = council().planMeeting(kOwner, m);
    ASSERT_TRUE(id.ok()) << id.message();
    auto invited = council().inviteAll(kOwner, *id);
    ASSERT_TRUE(invited.ok()) << invited.message();
    EXPECT_GE(*invited, 7);
    EXPECT_EQ(*council().inviteAll(kOwner, *id), 0) << "nobody is invited twice";
    QList<Attendance> attendance;
    for (const auto& orgnr : present) attendance << Attendance{orgnr, {}, QStringLiteral("Kari Nordmann")};
    ASSERT_TRUE(council().setAttendance(kOwner, *id, attendance).ok());
    ASSERT_TRUE(council().recordNotes(kOwner, *id, MeetingNotes{QStringLiteral("1. Valg"), QStringLiteral("Fem ble valgt."), {}}).ok());
    const auto electing = candidates(present.mid(0, 5));
    auto preview = council().checkElection(kOwner, *id, electing);
    ASSERT_TRUE(preview.ok()) << preview.message();
    EXPECT_TRUE(preview->isEmpty()) << preview->join(QLatin1Char('\n')).toStdString();
    auto elected = council().elect(kOwner, *id, electing);
    ASSERT_TRUE(elected.ok()) << elected.message();

    auto sitting = council().members(kAuditor, kService);
    ASSERT_TRUE(sitting.ok());
    ASSERT_EQ(sitting->size(), 5);
    for (const auto& member : *sitting) {
        EXPECT_EQ(member.termStart, QDate(2026, 11, 20)) << "terms start at the meeting";
        EXPECT_EQ(member.termEnd, QDate(2028, 11, 20));
        EXPECT_EQ(member.electedAt, *id);
        EXPECT_FALSE(member.organisation.isEmpty());
    }
    auto meeting = council().meeting(kAuditor, *id);
    ASSERT_TRUE(meeting.ok());
    EXPECT_EQ(meeting->state, MeetingState::Held);
    EXPECT_EQ(meeting->attendance.size(), 7);
    EXPECT_EQ(meeting->elected, 5);
    auto warnings = council().health(kAuditor, kService);
    ASSERT_TRUE(warnings.ok());
    EXPECT_TRUE(warnings->isEmpty()) << warnings->front().text.toStdString();

    const QStringList actions = trailActions(QStringLiteral("council_meeting"), QString::number(*id));
    for (const char* action : {"council.meeting_plan", "council.invite", "council.attendance", "council.meeting_notes", "council.elect"})
        EXPECT_TRUE(actions.contains(QLatin1String(action))) << action << " missing from " << actions.join(QStringLiteral(", ")).toStdString();
    // Attendance is final once the council is elected from it, and one election per meeting.
    EXPECT_EQ(council().setAttendance(kOwner, *id, attendance.mid(0, 3)).kind(), ErrorKind::Conflict);
    EXPECT_EQ(council().elect(kOwner, *id, electing).kind(), ErrorKind::Conflict);
}

TEST_F(CouncilsTest, TheElectionRulesAreEnforcedNamingTheField) {
    const QStringList agreed = municipalities(QDate(2026, 11, 20), 9);
    const qint64 id = heldUserMeeting(oslo(2026, 11, 20, 10), agreed.mid(0, 8));
    ASSERT_GT(id, 0);
    // Too few, too many.
    auto few = council().elect(kOwner, id, candidates(agreed.mid(0, 4)));
    ASSERT_FALSE(few.ok());
    EXPECT_EQ(few.kind(), ErrorKind::Invalid);
    EXPECT_TRUE(mentions(few.error(), "field 'candidates'")) << few.message();
    EXPECT_TRUE(mentions(few.error(), "at least 5")) << few.message();
    QList<Candidate> nine = candidates(agreed.mid(0, 8));
    nine << Candidate{QStringLiteral("ni@kommune.example"), QStringLiteral("Ni"), agreed[8], 24};
    auto many = council().elect(kOwner, id, nine);
    ASSERT_FALSE(many.ok());
    EXPECT_TRUE(mentions(many.error(), "at most 8")) << many.message();
    // agreed[8] has an agreement but did not come.
    EXPECT_TRUE(mentions(many.error(), "field 'candidates[8].orgnr'")) << many.message();
    EXPECT_TRUE(mentions(many.error(), "did not attend")) << many.message();
    // The same organisation twice; a term of five years.
    QList<Candidate> twice = candidates(agreed.mid(0, 5));
    twice[4].orgnr = twice[0].orgnr;
    twice[3].termMonths = 60;
    auto problems = council().checkElection(kOwner, id, twice);
    ASSERT_TRUE(problems.ok()) << problems.message();
    const QString all = problems->join(QLatin1Char('\n'));
    EXPECT_TRUE(all.contains(QLatin1String("field 'candidates[4].orgnr'"))) << all.toStdString();
    EXPECT_TRUE(all.contains(QLatin1String("field 'candidates[3].term_months'"))) << all.toStdString();
    // Nothing was recorded by the refusals.
    EXPECT_TRUE(council().members(kAuditor, kService)->isEmpty());

    // An organisation with no agreement for the service cannot be recorded as present.
    OrganisationService orgs(*store_);
    auto vendors = orgs.organisations(kAdmin, OrgKind::Vendor);
    ASSERT_TRUE(vendors.ok() && !vendors->isEmpty());
    auto stranger = council().setAttendance(kOwner, id, {Attendance{vendors->front().orgnr, {}, {}}});
    ASSERT_FALSE(stranger.ok());
    EXPECT_TRUE(mentions(stranger.error(), "field 'attendance[0].orgnr'")) << stranger.message();
    EXPECT_TRUE(mentions(stranger.error(), "no agreement")) << stranger.message();
    auto unknown = council().setAttendance(kOwner, id, {Attendance{QStringLiteral("999999999"), {}, {}}});
    EXPECT_EQ(unknown.kind(), ErrorKind::NotFound);

    // A meeting not yet held elects nobody; a council meeting elects nobody.
    NewMeeting future;
    future.serviceKey = kService;
    future.heldAt = oslo(2027, 2, 1, 10);
    auto ahead = council().planMeeting(kOwner, future);
    ASSERT_TRUE(ahead.ok());
    EXPECT_EQ(council().elect(kOwner, *ahead, candidates(agreed.mid(0, 5))).kind(), ErrorKind::Conflict);
    future.kind = MeetingKind::CouncilMeeting;
    future.heldAt = oslo(2026, 12, 1, 13);
    auto board = council().planMeeting(kOwner, future);
    ASSERT_TRUE(board.ok());
    auto wrongKind = council().elect(kOwner, *board, candidates(agreed.mid(0, 5)));
    EXPECT_TRUE(mentions(wrongKind.error(), "field 'meeting'")) << wrongKind.message();
    // Bad input to planning names the field.
    NewMeeting bad;
    bad.serviceKey = QStringLiteral("ingen-slik-tjeneste");
    bad.heldAt = oslo(2027, 1, 10, 10);
    auto noService = council().planMeeting(kOwner, bad);
    EXPECT_EQ(noService.kind(), ErrorKind::NotFound);
    EXPECT_TRUE(mentions(noService.error(), "field 'service'")) << noService.message();
    bad.serviceKey = kService;
    bad.kind = QStringLiteral("party");
    EXPECT_TRUE(mentions(council().planMeeting(kOwner, bad).error(), "field 'kind'"));
}

TEST_F(CouncilsTest, TheCouncilIsWarnedAsTermsRunOutAndMembersLeave) {
    // Elected a year ago for twelve months: every term ends on 15 December, eight days from now.
    const QStringList agreed = municipalities(QDate(2025, 12, 15), 6);
    const qint64 id = heldUserMeeting(oslo(2025, 12, 15, 10), agreed);
    ASSERT_GT(id, 0);
    ASSERT_TRUE(council().elect(kOwner, id, candidates(agreed.mid(0, 5), 12)).ok());
    auto warnings = council().health(kAuditor, kService);
    ASSERT_TRUE(warnings.ok()) << warnings.message();
    QStringList kinds;
    for (const auto& w : *warnings) kinds << w.kind;
    EXPECT_EQ(kinds.count(WarningKind::TermEnding), 5) << kinds.join(QStringLiteral(", ")).toStdString();
    EXPECT_TRUE(kinds.contains(WarningKind::WillFallBelowMinimum));
    EXPECT_FALSE(kinds.contains(WarningKind::BelowMinimum));
    for (const auto& w : *warnings)
        if (w.kind == WarningKind::TermEnding) {
            EXPECT_EQ(w.days, 8);
        }

    // One leaves: below five at once.
    auto sitting = council().members(kOwner, kService);
    ASSERT_TRUE(sitting.ok() && sitting->size() == 5);
    auto refused = council().endMembership(kOwner, sitting->front().id, QDate(2026, 12, 1), {});
    EXPECT_TRUE(mentions(refused.error(), "field 'reason'")) << refused.message();
    ASSERT_TRUE(council().endMembership(kOwner, sitting->front().id, QDate(2026, 12, 1), QStringLiteral("Har sluttet i kommunen")).ok());
    EXPECT_EQ(council().endMembership(kOwner, sitting->front().id, QDate(2026, 12, 2), QStringLiteral("igjen")).kind(), ErrorKind::Conflict);
    EXPECT_TRUE(trailActions(QStringLiteral("council_member"), QString::number(sitting->front().id)).contains(QStringLiteral("council.leave")));
    warnings = council().health(kAuditor, kService);
    ASSERT_TRUE(warnings.ok());
    ASSERT_FALSE(warnings->isEmpty());
    EXPECT_EQ(warnings->front().kind, WarningKind::BelowMinimum);
    EXPECT_EQ(warnings->front().count, 4);

    // A month on: the terms have run out, and no user meeting has been held for over a year.
    clock_->set(oslo(2027, 1, 10, 9));
    warnings = council().health(kAuditor, kService);
    ASSERT_TRUE(warnings.ok());
    kinds.clear();
    for (const auto& w : *warnings) kinds << w.kind;
    EXPECT_EQ(kinds.count(WarningKind::TermExpired), 4) << kinds.join(QStringLiteral(", ")).toStdString();
    EXPECT_TRUE(kinds.contains(WarningKind::BelowMinimum));
    EXPECT_TRUE(kinds.contains(WarningKind::NoRecentUserMeeting));
    EXPECT_TRUE(council().members(kAuditor, kService)->isEmpty());
    EXPECT_TRUE(mentions(council().health(kAuditor, kService, 0).error(), "field 'warn_days'"));
}

TEST_F(CouncilsTest, RequestsAreAnsweredGivenPointsAndMakeTheRoadmap) {
    const QStringList agreed = municipalities(QDate(2026, 11, 20), 6);
    const qint64 id = heldUserMeeting(oslo(2026, 11, 20, 10), agreed);
    ASSERT_TRUE(council().elect(kOwner, id, candidates(agreed.mid(0, 5))).ok());

    // From an organisation, and from a service-desk case.
    NewRequest fromOrg;
    fromOrg.serviceKey = kService;
    fromOrg.title = QStringLiteral("Eksport av kursdeltakere til HR-systemet");
    fromOrg.fromOrgnr = agreed[0];
    auto first = council().submit(kOwner, fromOrg);
    ASSERT_TRUE(first.ok()) << first.message();
    EXPECT_TRUE(first->startsWith(QLatin1String("ER-2026-"))) << first->toStdString();
    EXPECT_EQ(first->size(), 12);
    auto cases = IncidentStore(*store_).query(kDesk, IncidentFilter{}, 0, 1);
    ASSERT_TRUE(cases.ok() && !cases->isEmpty());
    NewRequest fromDesk;
    fromDesk.serviceKey = kService;
    fromDesk.title = QStringLiteral("Påminnelse før kursfrist");
    fromDesk.deskCase = cases->front().id;
    fromDesk.fromOrgnr = agreed[1];
    auto second = council().submit(kDesk, fromDesk);
    ASSERT_TRUE(second.ok()) << second.message();
    fromOrg.title = QStringLiteral("Mørk modus");
    auto third = council().submit(kOwner, fromOrg);
    ASSERT_TRUE(third.ok());
    EXPECT_EQ(council().request(kAuditor, *second)->deskCase, cases->front().id);

    // Bad requests name the field.
    NewRequest bad;
    bad.serviceKey = kService;
    bad.title = QStringLiteral("Uten avsender");
    EXPECT_TRUE(mentions(council().submit(kDesk, bad).error(), "field 'from'"));
    bad.fromOrgnr = agreed[0];
    bad.title = QStringLiteral("  ");
    EXPECT_TRUE(mentions(council().submit(kDesk, bad).error(), "field 'title'"));
    bad.title = QStringLiteral("Ukjent sak");
    bad.deskCase = 99999999;
    EXPECT_EQ(council().submit(kDesk, bad).kind(), ErrorKind::NotFound);

    // The product owner's responses.
    auto noReason = council().respond(kOwner, *first, Response{RequestStatus::Accepted, {}, {}});
    EXPECT_TRUE(mentions(noReason.error(), "field 'response'")) << noReason.message();
    EXPECT_EQ(council().respond(kOwner, *first, Response{RequestStatus::Planned, QStringLiteral("2027-Q1"), QStringLiteral("Ja")}).kind(), ErrorKind::Conflict)
        << "accepted before planned";
    ASSERT_TRUE(council().respond(kOwner, *first, Response{RequestStatus::Accepted, {}, QStringLiteral("Godt forslag")}).ok());
    auto past = council().respond(kOwner, *first, Response{RequestStatus::Planned, QStringLiteral("2026-Q2"), {}});
    EXPECT_TRUE(mentions(past.error(), "field 'quarter'")) << past.message();
    ASSERT_TRUE(council().respond(kOwner, *first, Response{RequestStatus::Planned, QStringLiteral("2027-q1"), {}}).ok());
    ASSERT_TRUE(council().respond(kOwner, *second, Response{RequestStatus::Accepted, QStringLiteral("2027-Q1"), QStringLiteral("Kommer")}).ok());
    ASSERT_TRUE(council().respond(kOwner, *third, Response{RequestStatus::Rejected, {}, QStringLiteral("Følger designsystemet")}).ok());
    auto planned = council().request(kAuditor, *first);
    ASSERT_TRUE(planned.ok());
    EXPECT_EQ(planned->status, RequestStatus::Planned);
    EXPECT_EQ(planned->quarter, QStringLiteral("2027-Q1"));
    EXPECT_EQ(planned->response, QStringLiteral("Godt forslag")) << "an empty response keeps the one given";
    EXPECT_EQ(planned->respondedBy, kOwner.username);
    EXPECT_TRUE(trailActions(QStringLiteral("council_request"), *first).contains(QStringLiteral("council.respond")));

    // Points: within the budget, from members, to open requests.
    auto round = council().openRound(kOwner, kService, QStringLiteral("Prioritering våren 2027"), 10);
    ASSERT_TRUE(round.ok()) << round.message();
    EXPECT_EQ(council().openRound(kOwner, kService, QStringLiteral("Enda en"), 10).kind(), ErrorKind::Conflict) << "one open round at a time";
    EXPECT_TRUE(mentions(council().openRound(kOwner, QStringLiteral("svarut"), QStringLiteral("x"), 0).error(), "field 'budget'"));
    auto members = council().members(kOwner, kService);
    ASSERT_TRUE(members.ok() && members->size() == 5);
    auto over = council().givePoints(kOwner, *round, members->at(0).email, {{*first, 7}, {*second, 4}});
    EXPECT_TRUE(mentions(over.error(), "field 'points'")) << over.message();
    auto outsider = council().givePoints(kOwner, *round, QStringLiteral("ikke@medlem.example"), {{*first, 3}});
    EXPECT_TRUE(mentions(outsider.error(), "field 'member'")) << outsider.message();
    auto closedRequest = council().givePoints(kOwner, *round, members->at(0).email, {{*third, 3}});
    EXPECT_TRUE(mentions(closedRequest.error(), "not open")) << closedRequest.message();
    auto negative = council().givePoints(kOwner, *round, members->at(0).email, {{*first, -2}});
    EXPECT_FALSE(negative.ok());
    ASSERT_TRUE(council().givePoints(kOwner, *round, members->at(0).email, {{*first, 6}, {*second, 4}}).ok());
    ASSERT_TRUE(council().givePoints(kOwner, *round, members->at(1).email, {{*second, 10}}).ok());
    // Giving again replaces what the member gave.
    ASSERT_TRUE(council().givePoints(kOwner, *round, members->at(0).email, {{*first, 2}, {*second, 8}}).ok());
    EXPECT_EQ(council().request(kAuditor, *first)->points, 2);
    EXPECT_EQ(council().request(kAuditor, *second)->points, 18);
    auto given = council().allocations(kAuditor, *round);
    ASSERT_TRUE(given.ok());
    EXPECT_EQ(given->size(), 2);
    EXPECT_TRUE(trailActions(QStringLiteral("council_round"), QString::number(*round)).contains(QStringLiteral("council.points")));

    // The roadmap: 2027-Q1 with the most points first; the rejected request is not on it.
    auto roadmap = council().roadmap(kAuditor, kService);
    ASSERT_TRUE(roadmap.ok());
    ASSERT_EQ(roadmap->size(), 1);
    EXPECT_EQ(roadmap->front().quarter, QStringLiteral("2027-Q1"));
    ASSERT_EQ(roadmap->front().requests.size(), 2);
    EXPECT_EQ(roadmap->front().requests[0].ref, *second);
    EXPECT_EQ(roadmap->front().requests[1].ref, *first);

    ASSERT_TRUE(council().closeRound(kOwner, *round).ok());
    EXPECT_EQ(council().givePoints(kOwner, *round, members->at(2).email, {{*first, 1}}).kind(), ErrorKind::Conflict);

    // The exports.
    auto json = council().exportCouncil(kAuditor, kService, QStringLiteral("json"));
    ASSERT_TRUE(json.ok()) << json.message();
    const QJsonObject o = QJsonDocument::fromJson(*json).object();
    EXPECT_EQ(o.value("service").toString(), kService);
    EXPECT_EQ(o.value("members").toArray().size(), 5);
    EXPECT_EQ(o.value("requests").toArray().size(), 3);
    EXPECT_EQ(o.value("roadmap").toArray().size(), 1);
    EXPECT_EQ(o.value("rounds").toArray().size(), 1);
    auto csv = council().exportCouncil(kAuditor, kService, QStringLiteral("csv"));
    ASSERT_TRUE(csv.ok());
    EXPECT_TRUE(csv->startsWith("ref,status,quarter,points,title")) << csv->left(80).toStdString();
    EXPECT_EQ(csv->count('\n'), 4) << "a header and three requests";
    auto page = council().exportCouncil(kAuditor, kService, QStringLiteral("html"));
    ASSERT_TRUE(page.ok());
    const QString text = QString::fromUtf8(*page);
    EXPECT_TRUE(text.contains(QStringLiteral("Brukerråd for"))) << text.left(300).toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("Veikart")));
    EXPECT_TRUE(text.contains(QStringLiteral("2027-Q1")));
    EXPECT_TRUE(mentions(council().exportCouncil(kAuditor, kService, QStringLiteral("pdf")).error(), "field 'format'"));
}

TEST_F(CouncilsTest, TheDemoHasTwoCouncilsOneOfThemWarned) {
    // The demo was written with the wall clock: read it with one.
    auto live = Store::open(db_.url(), Store::OpenMode::MustExist);
    ASSERT_TRUE(live.ok()) << live.message();
    CouncilService demo(**live);
    auto all = demo.overview(kAuditor);
    ASSERT_TRUE(all.ok()) << all.message();
    QStringList keys;
    for (const auto& c : *all) keys << c.serviceKey;
    EXPECT_TRUE(keys.contains(QStringLiteral("svarut")));
    EXPECT_TRUE(keys.contains(QStringLiteral("fiks-folkeregister")));
    auto svarut = demo.members(kAuditor, QStringLiteral("svarut"));
    ASSERT_TRUE(svarut.ok());
    EXPECT_GE(svarut->size(), 5);
    EXPECT_LE(svarut->size(), 8);
    auto warnings = demo.health(kAuditor, QStringLiteral("svarut"));
    ASSERT_TRUE(warnings.ok());
    EXPECT_TRUE(std::any_of(warnings->begin(), warnings->end(), [](const HealthWarning& w) { return w.kind == WarningKind::TermEnding; }));
    auto roadmap = demo.roadmap(kAuditor, QStringLiteral("svarut"));
    ASSERT_TRUE(roadmap.ok());
    EXPECT_GE(roadmap->size(), 3);
    auto requests = demo.requests(kAuditor, QStringLiteral("svarut"));
    ASSERT_TRUE(requests.ok());
    EXPECT_TRUE(std::any_of(requests->begin(), requests->end(), [](const ChangeRequest& c) { return c.points > 0; }));
    auto meetings = demo.meetings(kAuditor, QStringLiteral("svarut"), MeetingKind::CouncilMeeting);
    ASSERT_TRUE(meetings.ok());
    EXPECT_GE(meetings->size(), 4);
}

}  // namespace
