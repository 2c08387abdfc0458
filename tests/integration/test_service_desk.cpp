// The service desk on both engines, as brukerstøtte and the security officer meet it: deadlines
// from opening hours and targets, the queues cases go to, escalation to the security officer,
// the 72-hour clock of a breach, P1 to whoever is on call, the organisations a case affects and
// the notices written to them, the Freshdesk import (all or nothing), and every role's access.
#include <gtest/gtest.h>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTimeZone>

#include "core/clock.h"
#include "core/incidents.h"
#include "core/organisation_service.h"
#include "core/store.h"
#include "servicedesk/desk_service.h"
#include "tests/support/test_db.h"

using namespace vakt;
using namespace vakt::desk;
using vakt::test::TestDatabase;

namespace {

const Session kDesk{QStringLiteral("brukerstotte"), Role::Brukerstotte};
const Session kOfficer{QStringLiteral("sikkerhetsansvarlig"), Role::Sikkerhetsansvarlig};
const Session kLeader{QStringLiteral("leder"), Role::Leder};
const Session kAuditor{QStringLiteral("revisor"), Role::Revisor};
const Session kBoard{QStringLiteral("endringsrad"), Role::Endringsrad};
const Session kProductOwner{QStringLiteral("produktansvarlig"), Role::Produktansvarlig};
const Session kAdmin{QStringLiteral("admin"), Role::Admin};

// A move to another state, as the desk's buttons make it.
CaseUpdate moveTo(const QString& state, const QString& note = {}, const QString& waitingOn = {}) {
    CaseUpdate u;
    u.state = state;
    if (!waitingOn.isEmpty()) u.waitingOn = waitingOn;
    u.note = note;
    return u;
}

QDateTime oslo(int y, int m, int d, int h, int min) { return QDateTime(QDate(y, m, d), QTime(h, min), QTimeZone("Europe/Oslo")).toUTC(); }

class ServiceDesk : public ::testing::Test {
protected:
    void SetUp() override {
        // Friday 27 November 2026, 14:00 in Oslo.
        clock_ = std::make_shared<FixedClock>(oslo(2026, 11, 27, 14, 0));
        auto s = Store::open(db_.url(), Store::OpenMode::MustExist, clock_);
        ASSERT_TRUE(s.ok()) << s.message();
        store_ = std::move(*s);
    }

    qint64 create(const Session& who, const QString& kind, const QString& priority, const QStringList& services = {QStringLiteral("svarut")}) {
        NewCase c;
        c.kind = kind;
        c.priority = priority;
        c.title = QStringLiteral("Sak %1 %2").arg(kind, priority);
        c.services = services;
        auto id = IncidentStore(*store_).createCase(who, c);
        EXPECT_TRUE(id.ok()) << id.message();
        return id.ok() ? *id : 0;
    }
    Incident get(qint64 id) {
        auto i = IncidentStore(*store_).get(kOfficer, id);
        EXPECT_TRUE(i.ok()) << i.message();
        return i.ok() ? *i : Incident{};
    }
    int count(const IncidentFilter& f = {}) {
        auto n = IncidentStore(*store_).count(kOfficer, f);
        EXPECT_TRUE(n.ok()) << n.message();
        return n.ok() ? *n : -1;
    }
    QString writeFile(const QString& name, const QByteArray& text) {
        const QString path = dir_.filePath(name);
        QFile f(path);
        EXPECT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(text);
        return path;
    }

    TestDatabase db_{TestDatabase::Content::Demo};
    QTemporaryDir dir_;
    std::shared_ptr<FixedClock> clock_;
    std::unique_ptr<Store> store_;
};

TEST_F(ServiceDesk, TheDemoDesksCasesStandInTheirQueues) {
    IncidentFilter open;
    open.openOnly = true;
    IncidentFilter security = open;
    security.queue = IncidentQueue::Security;
    auto cases = IncidentStore(*store_).query(kOfficer, security);
    ASSERT_TRUE(cases.ok()) << cases.message();
    ASSERT_FALSE(cases->isEmpty());
    for (const auto& c : *cases) EXPECT_TRUE(IncidentKind::isSecurity(c.kind)) << c.title.toStdString();
    IncidentFilter onCall = open;
    onCall.queue = IncidentQueue::OnCall;
    auto p1 = IncidentStore(*store_).query(kOfficer, onCall);
    ASSERT_TRUE(p1.ok());
    ASSERT_EQ(p1->size(), 1);
    EXPECT_EQ(p1->front().priority, QStringLiteral("P1"));
    EXPECT_FALSE(p1->front().assignee.isEmpty()) << "P1 goes to whoever is on call";
}

TEST_F(ServiceDesk, DeadlinesFollowOpeningHoursHolidaysAndTargets) {
    // P2 on Friday 14:00: respond within 2 business hours (Friday 16:00, closing time), resolve
    // within 8 (2 hours on Friday, 6 on Monday from 08:00: Monday 14:00).
    const Incident p2 = get(create(kDesk, IncidentKind::Fault, QStringLiteral("P2")));
    EXPECT_EQ(p2.respondBy, oslo(2026, 11, 27, 16, 0));
    EXPECT_EQ(p2.resolveBy, oslo(2026, 11, 30, 14, 0));
    // P1 runs around the clock: 30 minutes and 4 hours.
    const Incident p1 = get(create(kDesk, IncidentKind::Deviation, QStringLiteral("P1")));
    EXPECT_EQ(p1.respondBy, oslo(2026, 11, 27, 14, 30));
    EXPECT_EQ(p1.resolveBy, oslo(2026, 11, 27, 18, 0));

    // Wednesday 23 December 15:00 (the demo closes julaften): P3 responds within 8 business
    // hours: 1 on the 23rd, then the 24th (closed), 25th and 26th (holidays), the weekend, and
    // 7 hours of Monday 28th: 15:00.
    clock_->set(oslo(2026, 12, 23, 15, 0));
    const Incident christmas = get(create(kDesk, IncidentKind::Question, QStringLiteral("P3")));
    EXPECT_EQ(christmas.respondBy, oslo(2026, 12, 28, 15, 0));

    // A leader changes the targets; new cases follow them, and changing a case's priority
    // counts again from when it was opened.
    clock_->set(oslo(2026, 11, 27, 14, 0));
    ASSERT_TRUE(DeskService(*store_).setTarget(kLeader, QStringLiteral("P3"), Target{60, 120, TargetBasis::Business}).ok());
    const qint64 id = create(kDesk, IncidentKind::Fault, QStringLiteral("P4"));
    clock_->advanceSecs(600);
    CaseUpdate up;
    up.priority = QStringLiteral("P3");
    up.note = QStringLiteral("Flere kommuner melder det samme");
    ASSERT_TRUE(IncidentStore(*store_).update(kDesk, id, up).ok());
    EXPECT_EQ(get(id).respondBy, oslo(2026, 11, 27, 15, 0));
    EXPECT_EQ(get(id).resolveBy, oslo(2026, 11, 27, 16, 0));
    // Hours that make no sense are refused with the day named; the desk may not set them.
    auto bad = DeskService(*store_).setHours(kLeader, 2, DayHours{17 * 60, 8 * 60});
    ASSERT_FALSE(bad.ok());
    EXPECT_NE(bad.message().find("tuesday"), std::string::npos) << bad.message();
    EXPECT_EQ(DeskService(*store_).setHours(kDesk, 2, DayHours{7 * 60, 15 * 60}).error().kind, ErrorKind::Denied);
}

TEST_F(ServiceDesk, ABreachShowsSeventyTwoHoursFromWhenItBecameKnownAcrossTheWeekend) {
    NewCase c;
    c.kind = IncidentKind::Breach;
    c.priority = QStringLiteral("P2");
    c.title = QStringLiteral("Vedtak sendt til feil mottaker");
    c.services = {QStringLiteral("svarut")};
    c.knownAt = QDateTime(QDate(2026, 11, 27), QTime(11, 30), QTimeZone::utc());  // Friday 12:30 in Oslo
    auto id = IncidentStore(*store_).createCase(kDesk, c);
    ASSERT_TRUE(id.ok()) << id.message();
    Incident breach = get(*id);
    EXPECT_EQ(breach.queue, IncidentQueue::Security);
    auto clock = breachClock(breach, clock_->now());
    ASSERT_TRUE(clock);
    // Monday 11:30 UTC: the weekend counts.
    EXPECT_EQ(clock->deadline, QDateTime(QDate(2026, 11, 30), QTime(11, 30), QTimeZone::utc()));
    EXPECT_EQ(clock->secondsLeft, 72 * 3600 - 3600 - 30 * 60);  // known 1 h 30 min before now
    EXPECT_FALSE(clock->notified());

    // Only the security officer records the notification, only for a breach, never before it
    // was known or in the future.
    IncidentStore incidents(*store_);
    const QDateTime sent = clock_->now().addSecs(3600 * 20);
    clock_->advanceSecs(3600 * 21);
    EXPECT_EQ(incidents.recordAuthorityNotification(kDesk, *id, sent, QStringLiteral("DT-2026-1234")).error().kind, ErrorKind::Denied);
    EXPECT_FALSE(incidents.recordAuthorityNotification(kOfficer, *id, sent, QString()).ok());
    EXPECT_FALSE(incidents.recordAuthorityNotification(kOfficer, *id, c.knownAt.addSecs(-60), QStringLiteral("DT-2026-1234")).ok());
    EXPECT_FALSE(incidents.recordAuthorityNotification(kOfficer, *id, clock_->now().addDays(1), QStringLiteral("DT-2026-1234")).ok());
    ASSERT_TRUE(incidents.recordAuthorityNotification(kOfficer, *id, sent, QStringLiteral("DT-2026-1234")).ok());
    clock = breachClock(get(*id), clock_->now());
    ASSERT_TRUE(clock && clock->notified());
    EXPECT_GT(clock->secondsLeft, 0) << "notified in time";
    const qint64 fault = create(kDesk, IncidentKind::Fault, QStringLiteral("P3"));
    EXPECT_EQ(incidents.recordAuthorityNotification(kOfficer, fault, sent, QStringLiteral("X")).error().kind, ErrorKind::Conflict);
}

TEST_F(ServiceDesk, TheDeskEscalatesASecurityIncidentAndTheOfficerWorksIt) {
    IncidentStore incidents(*store_);
    const qint64 id = create(kDesk, IncidentKind::Fault, QStringLiteral("P3"));
    ASSERT_TRUE(incidents.update(kDesk, id, moveTo(IncidentState::InProgress)).ok());
    CaseUpdate escalate;
    escalate.kind = IncidentKind::Security;
    escalate.note = QStringLiteral("Melder har fått tilgang til en annen kommunes forsendelser");
    ASSERT_TRUE(incidents.update(kDesk, id, escalate).ok());
    EXPECT_EQ(get(id).queue, IncidentQueue::Security);
    // Once it is a security incident, the desk reads it but no longer changes it.
    EXPECT_EQ(incidents.update(kDesk, id, moveTo(IncidentState::Waiting, {}, WaitingOn::Vendor)).error().kind,
              ErrorKind::Denied);
    EXPECT_EQ(incidents.addNote(kDesk, id, QStringLiteral("mer info")).error().kind, ErrorKind::Denied);
    ASSERT_TRUE(incidents.update(kOfficer, id, moveTo(IncidentState::Waiting, {}, WaitingOn::Vendor)).ok());
    auto timeline = incidents.timeline(kAuditor, id);
    ASSERT_TRUE(timeline.ok());
    QStringList actions;
    for (const auto& e : *timeline) actions << e.action;
    EXPECT_EQ(actions, (QStringList{"created", "state", "kind", "state"}));
    // Each change is in the trail.
    auto trail = store_->trail(kAdmin, QStringLiteral("incident"), get(id).fingerprint);
    ASSERT_TRUE(trail.ok());
    EXPECT_EQ(trail->size(), 4u);
}

TEST_F(ServiceDesk, EscalatingHandsTheCaseOverAndNothingMore) {
    IncidentStore incidents(*store_);
    const qint64 id = create(kDesk, IncidentKind::Fault, QStringLiteral("P3"));
    ASSERT_TRUE(incidents.update(kDesk, id, moveTo(IncidentState::InProgress)).ok());
    // Escalating and closing in one step would hide a breach from the security officer.
    CaseUpdate both = moveTo(IncidentState::Closed, QStringLiteral("Ordnet"));
    both.kind = IncidentKind::Breach;
    EXPECT_EQ(incidents.update(kDesk, id, both).error().kind, ErrorKind::Denied);
    EXPECT_EQ(get(id).kind, IncidentKind::Fault) << "nothing of it was kept";
    // Nor may the desk record a breach that arrives already closed (as an import might).
    NewCase closed;
    closed.kind = IncidentKind::Breach;
    closed.title = QStringLiteral("Gammelt brudd");
    closed.state = IncidentState::Closed;
    closed.note = QStringLiteral("Lukket i Freshdesk");
    EXPECT_EQ(incidents.createCase(kDesk, closed).error().kind, ErrorKind::Denied);
    EXPECT_TRUE(incidents.createCase(kOfficer, closed).ok());
    // What a breach tells the municipalities is the officer's to send.
    CaseUpdate escalate;
    escalate.kind = IncidentKind::Breach;
    escalate.note = QStringLiteral("Personopplysninger på avveie");
    ASSERT_TRUE(incidents.update(kDesk, id, escalate).ok());
    EXPECT_TRUE(get(id).assignee.isEmpty() || get(id).queue == IncidentQueue::Security);
    EXPECT_EQ(DeskService(*store_).writeNotices(kDesk, id, dir_.path()).error().kind, ErrorKind::Denied);
    EXPECT_TRUE(DeskService(*store_).writeNotices(kOfficer, id, dir_.path()).ok());
}

TEST_F(ServiceDesk, CasesMoveOnlyAlongTheirStates) {
    IncidentStore incidents(*store_);
    const qint64 id = create(kDesk, IncidentKind::Fault, QStringLiteral("P3"));
    EXPECT_FALSE(incidents.update(kDesk, id, moveTo(IncidentState::Waiting, {}, WaitingOn::Reporter)).ok())
        << "someone takes a case before it waits";
    ASSERT_TRUE(incidents.update(kDesk, id, moveTo(IncidentState::Acknowledged)).ok());
    EXPECT_EQ(get(id).respondedAt, clock_->now());
    EXPECT_FALSE(incidents.update(kDesk, id, moveTo(IncidentState::Waiting)).ok()) << "waiting on whom?";
    EXPECT_FALSE(incidents.update(kDesk, id, moveTo(IncidentState::Resolved)).ok()) << "resolved how?";
    EXPECT_FALSE(incidents.update(kDesk, id, moveTo(IncidentState::New)).ok());
    ASSERT_TRUE(incidents.update(kDesk, id, moveTo(IncidentState::Resolved, QStringLiteral("Rettet"))).ok());
    EXPECT_EQ(get(id).status, QStringLiteral("resolved"));
    ASSERT_TRUE(incidents.update(kDesk, id, moveTo(IncidentState::InProgress, QStringLiteral("Kom tilbake"))).ok());
    EXPECT_EQ(get(id).status, QStringLiteral("open"));
    EXPECT_FALSE(get(id).resolvedAt.isValid());
    ASSERT_TRUE(incidents.update(kDesk, id, moveTo(IncidentState::Closed, QStringLiteral("Duplikat av sak 3"))).ok());
    EXPECT_EQ(get(id).status, QStringLiteral("closed"));
    EXPECT_EQ(get(id).closeReason, QStringLiteral("Duplikat av sak 3"));
    EXPECT_EQ(incidents.update(kDesk, id, moveTo(IncidentState::InProgress, QStringLiteral("x"))).error().kind, ErrorKind::Conflict);
    EXPECT_FALSE(incidents.update(kDesk, id, moveTo(QStringLiteral("done"))).ok());
}

TEST_F(ServiceDesk, PriorityOneGoesToWhoeverIsOnCall) {
    DeskService desk(*store_);
    auto onDuty = desk.onCallAt(clock_->now());
    ASSERT_TRUE(onDuty.ok());
    ASSERT_FALSE(onDuty->isEmpty()) << "the demo roster covers these weeks";
    const Incident p1 = get(create(kDesk, IncidentKind::Deviation, QStringLiteral("P1")));
    EXPECT_EQ(p1.queue, IncidentQueue::OnCall);
    EXPECT_EQ(p1.assignee, *onDuty);
    // A case raised to P1 at night goes to the night's duty.
    const qint64 id = create(kDesk, IncidentKind::Fault, QStringLiteral("P3"));
    EXPECT_TRUE(get(id).assignee.isEmpty());
    CaseUpdate raise;
    raise.priority = QStringLiteral("P1");
    raise.note = QStringLiteral("Alle kommuner");
    ASSERT_TRUE(IncidentStore(*store_).update(kDesk, id, raise).ok());
    EXPECT_EQ(get(id).assignee, *onDuty);
    EXPECT_EQ(get(id).queue, IncidentQueue::OnCall);
    // Shifts do not overlap, and only leaders and the administrator set them.
    EXPECT_EQ(desk.addShift(kLeader, QStringLiteral("ola.strand"), clock_->now(), clock_->now().addDays(1)).error().kind, ErrorKind::Conflict);
    EXPECT_EQ(desk.addShift(kDesk, QStringLiteral("ola.strand"), clock_->now().addYears(1), clock_->now().addYears(1).addDays(1)).error().kind,
              ErrorKind::Denied);
    EXPECT_FALSE(desk.addShift(kLeader, QStringLiteral("ingen"), clock_->now().addYears(1), clock_->now().addYears(1).addDays(1)).ok());
}

TEST_F(ServiceDesk, NoticesGoToTheOrganisationsWithAnAgreementOnTheService) {
    const qint64 id = create(kDesk, IncidentKind::Deviation, QStringLiteral("P2"), {QStringLiteral("digisos")});
    CaseUpdate sneaky;
    sneaky.title = QStringLiteral("DigiSos nede\r\nBcc: angriper@example.com");
    ASSERT_TRUE(IncidentStore(*store_).update(kDesk, id, sneaky).ok());
    DeskService desk(*store_);
    auto parties = desk.affectedParties(kDesk, id);
    ASSERT_TRUE(parties.ok()) << parties.message();
    auto agreements = OrganisationService(*store_).agreements(kAdmin);
    ASSERT_TRUE(agreements.ok());
    QSet<QString> expected;
    for (const auto& a : *agreements)
        if (a.serviceKey == QLatin1String("digisos")) expected.insert(a.orgnr);
    ASSERT_FALSE(expected.isEmpty());
    EXPECT_EQ(parties->size(), expected.size());
    for (const auto& p : *parties) EXPECT_TRUE(expected.contains(p.orgnr)) << p.orgnr.toStdString();

    const QStringList two{parties->at(0).orgnr, parties->at(1).orgnr};
    EXPECT_EQ(desk.writeNotices(kAuditor, id, dir_.path(), two).error().kind, ErrorKind::Denied);
    EXPECT_FALSE(desk.writeNotices(kDesk, id, dir_.path(), {QStringLiteral("999999999")}).ok()) << "an organisation without an agreement";
    auto files = desk.writeNotices(kDesk, id, dir_.path(), two);
    ASSERT_TRUE(files.ok()) << files.message();
    ASSERT_EQ(files->size(), 2);
    QFile f(files->front());
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const QByteArray message = f.readAll();
    EXPECT_TRUE(message.contains("Subject: =?UTF-8?B?"));
    EXPECT_FALSE(message.contains("\r\nBcc:")) << "a title cannot add a header";
    EXPECT_TRUE(message.contains("Content-Type: text/plain; charset=UTF-8"));
    EXPECT_TRUE(QString::fromUtf8(message).contains(QStringLiteral("Oppgi saksnummer %1").arg(id)));
    auto notices = desk.notices(kAuditor, id);
    ASSERT_TRUE(notices.ok());
    EXPECT_EQ(notices->size(), 2);
    auto after = desk.affectedParties(kDesk, id);
    ASSERT_TRUE(after.ok());
    int notified = 0;
    for (const auto& p : *after) notified += p.notifiedAt.isValid();
    EXPECT_EQ(notified, 2);
}

TEST_F(ServiceDesk, AFreshdeskExportIsImportedWholeOrNotAtAll) {
    const QByteArray header =
        "Ticket ID,Subject,Description,Status,Priority,Source,Type,Agent,Group,Created time,Due by Time,Resolved time,Closed time,"
        "Requester Name,Requester Email,Company,Tags\n";
    const QString good = writeFile(QStringLiteral("tickets.csv"),
                                   header + "9001,SvarUt treg,,Open,High,Email,Incident,Marte Dahl,Førstelinje,2026-11-20 09:00:00,,,,Kari,kari@example.no,,svarut\n"
                                            "9002,Spørsmål,,Resolved,Low,Portal,Question,,,2026-11-19 10:00:00,,2026-11-19 12:00:00,,,,,\n"
                                            "9003,Venter,,Pending,Medium,Email,Problem,ola.strand,,2026-11-18 10:00:00,,,,,,,\n");
    const int before = count();
    DeskService desk(*store_);
    auto dry = desk.importFreshdesk(kDesk, good, true);
    ASSERT_TRUE(dry.ok()) << dry.message();
    EXPECT_TRUE(dry->errors.isEmpty()) << dry->errors.join(QLatin1Char('\n')).toStdString();
    EXPECT_EQ(dry->imported, 3);
    EXPECT_EQ(count(), before) << "a dry run writes nothing";
    auto report = desk.importFreshdesk(kDesk, good, false);
    ASSERT_TRUE(report.ok()) << report.message();
    EXPECT_EQ(report->imported, 3);
    EXPECT_EQ(count(), before + 3);
    auto imported = IncidentStore(*store_).byExternalRef(kDesk, QStringLiteral("freshdesk:9001"));
    ASSERT_TRUE(imported.ok());
    EXPECT_EQ(imported->priority, QStringLiteral("P2"));
    EXPECT_EQ(imported->assignee, QStringLiteral("brukerstotte"));  // Marte Dahl's user
    EXPECT_EQ(imported->service, QStringLiteral("svarut"));
    EXPECT_EQ(imported->openedAt, oslo(2026, 11, 20, 9, 0));
    auto resolved = IncidentStore(*store_).byExternalRef(kDesk, QStringLiteral("freshdesk:9002"));
    ASSERT_TRUE(resolved.ok());
    EXPECT_EQ(resolved->status, QStringLiteral("resolved"));
    EXPECT_EQ(resolved->resolvedAt, oslo(2026, 11, 19, 12, 0));
    // Run again: nothing twice.
    auto again = desk.importFreshdesk(kDesk, good, false);
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again->imported, 0);
    EXPECT_EQ(again->alreadyImported, 3);
    EXPECT_EQ(count(), before + 3);

    // A file with one broken row: every problem named, nothing written, not even the good rows.
    const QString broken = writeFile(QStringLiteral("broken.csv"),
                                     header + "9101,God sak,,Open,Low,Email,Question,,,2026-11-20 09:00:00,,,,,,,\n"
                                              "9102,Ukjent agent,,Open,Low,Email,Question,Nils Ukjent,,2026-11-20 09:00:00,,,,,,Ukjent AS,\n"
                                              "9103,Fremtid,,Open,Low,Email,Question,,,2027-01-01 09:00:00,,,,,,,\n");
    auto rejected = desk.importFreshdesk(kDesk, broken, false);
    ASSERT_TRUE(rejected.ok()) << rejected.message();
    EXPECT_EQ(rejected->imported, 0);
    const QString errors = rejected->errors.join(QLatin1Char('\n'));
    EXPECT_TRUE(errors.contains(QStringLiteral("broken.csv:3: column 'Agent': 'Nils Ukjent' is not a Vakt user"))) << errors.toStdString();
    EXPECT_TRUE(errors.contains(QStringLiteral("broken.csv:3: column 'Company'"))) << errors.toStdString();
    EXPECT_TRUE(errors.contains(QStringLiteral("broken.csv:4: column 'Created time': in the future"))) << errors.toStdString();
    EXPECT_EQ(count(), before + 3);
    EXPECT_EQ(IncidentStore(*store_).byExternalRef(kDesk, QStringLiteral("freshdesk:9101")).error().kind, ErrorKind::NotFound);
    // Not a ticket export at all.
    EXPECT_FALSE(desk.importFreshdesk(kDesk, writeFile(QStringLiteral("contacts.csv"), "Name,Email\nKari,k@x.no\n"), false).ok());
    EXPECT_EQ(desk.importFreshdesk(kAuditor, good, true).error().kind, ErrorKind::Denied);
}

TEST_F(ServiceDesk, TheQueueFiltersAndSearchesLiterally) {
    IncidentStore incidents(*store_);
    NewCase c;
    c.title = QStringLiteral("100% full disk på print");
    c.services = {QStringLiteral("print")};
    ASSERT_TRUE(incidents.createCase(kDesk, c).ok());
    IncidentFilter f;
    f.text = QStringLiteral("100%");
    EXPECT_EQ(count(f), 1);
    f.text = QStringLiteral("%");  // a wildcard is a character to find, not "everything"
    EXPECT_EQ(count(f), 1);
    f = {};
    f.service = QStringLiteral("print");
    EXPECT_GE(count(f), 1);
    f = {};
    f.overdueOnly = true;
    const int overdueNow = count(f);
    clock_->advanceSecs(3600LL * 24 * 60);
    EXPECT_GT(count(f), overdueNow) << "two months later more is overdue";
    f.priorities = {QStringLiteral("P9")};
    EXPECT_EQ(count(f), 0);
}

TEST_F(ServiceDesk, ReadOnlyRolesChangeNothing) {
    IncidentStore incidents(*store_);
    const qint64 id = create(kDesk, IncidentKind::Fault, QStringLiteral("P3"));
    for (const Session& who : {kAuditor, kLeader, kBoard, kProductOwner}) {
        NewCase c;
        c.title = QStringLiteral("Forsøk");
        EXPECT_EQ(incidents.createCase(who, c).error().kind, ErrorKind::Denied) << who.username.toStdString();
        EXPECT_EQ(incidents.update(who, id, moveTo(IncidentState::InProgress)).error().kind, ErrorKind::Denied) << who.username.toStdString();
        EXPECT_EQ(incidents.link(who, id, IncidentLink::Service, QStringLiteral("print")).error().kind, ErrorKind::Denied);
        EXPECT_EQ(DeskService(*store_).writeNotices(who, id, dir_.path()).error().kind, ErrorKind::Denied);
        EXPECT_TRUE(incidents.get(who, id).ok()) << "everyone reads the queue";
    }
    EXPECT_EQ(DeskService(*store_).addClosedDay(kDesk, QDate(2026, 12, 30), QStringLiteral("Fri")).error().kind, ErrorKind::Denied);
}

}  // namespace
