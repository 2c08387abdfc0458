#pragma once
// User meetings (brukermøter) and user councils (brukerråd), per service. Everyone with an
// agreement for a service may attend its user meeting, held once or twice a year, with
// invitations, attendance and minutes; the meeting elects a council of 5 to 8 representatives
// from the organisations present, each for a term. The product owner receives the change
// requests (endringsønsker) from organisations and the service desk, answers them, and with the
// council's points builds the roadmap (veikart) by quarter; the council meets as needed, usually
// monthly, with an agenda and minutes. Vakt holds the council to its rules (council_rules.h) and
// warns when it falls below 5 members, a term runs out, or no user meeting has been held for a
// year.
#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <optional>

#include "core/migrations.h"
#include "core/store.h"

namespace vakt::councils {

namespace permission {
inline constexpr Permission CouncilRead{"council.read"};
// Run the councils: meetings, invitations, attendance, elections, memberships, the product
// owner's responses, points rounds and the members' points.
inline constexpr Permission CouncilManage{"council.manage"};
// Register change requests from organisations and the service desk.
inline constexpr Permission CouncilRequest{"council.request"};
}  // namespace permission

ModuleSchema councilsSchema();
void registerCouncilsModule();

// Stable codes in the database; the desktop names them in the user's language.
namespace MeetingKind {
inline const QString UserMeeting = QStringLiteral("user_meeting");        // brukermøte
inline const QString CouncilMeeting = QStringLiteral("council_meeting");  // brukerrådsmøte
QStringList all();
}  // namespace MeetingKind

namespace MeetingState {
inline const QString Planned = QStringLiteral("planned");
inline const QString Held = QStringLiteral("held");  // minutes recorded, or a council elected
inline const QString Cancelled = QStringLiteral("cancelled");
QStringList all();
}  // namespace MeetingState

namespace RequestStatus {
inline const QString Received = QStringLiteral("received");
inline const QString UnderReview = QStringLiteral("under_review");
inline const QString Accepted = QStringLiteral("accepted");
inline const QString Planned = QStringLiteral("planned");
inline const QString Delivered = QStringLiteral("delivered");
inline const QString Rejected = QStringLiteral("rejected");
QStringList all();
// Neither delivered nor rejected: members may give it points.
bool open(const QString& status);
}  // namespace RequestStatus

namespace WarningKind {
inline const QString BelowMinimum = QStringLiteral("below_minimum");
inline const QString WillFallBelowMinimum = QStringLiteral("will_fall_below_minimum");
inline const QString TermEnding = QStringLiteral("term_ending");
inline const QString TermExpired = QStringLiteral("term_expired");
inline const QString NoRecentUserMeeting = QStringLiteral("no_recent_user_meeting");
}  // namespace WarningKind

struct Invitation {
    QString orgnr, organisation;  // organisation: its name
    QString invitedBy;
    QDateTime invitedAt;
};

struct Attendance {
    QString orgnr, organisation;
    QString representatives;  // who came, as written down ("Kari Hansen, arkivleder")
};

struct Meeting {
    qint64 id = 0;
    QString serviceKey, kind = MeetingKind::UserMeeting;
    QDateTime heldAt;
    QString place, agenda, minutes;
    QString state = MeetingState::Planned;
    QStringList attendees;  // council meetings: the members present, by e-mail
    QString createdBy;
    QDateTime createdAt, updatedAt;
    QList<Invitation> invitations;  // user meetings
    QList<Attendance> attendance;   // user meetings
    int elected = 0;                // user meetings: members elected there
};

struct NewMeeting {
    QString serviceKey, kind = MeetingKind::UserMeeting;
    QDateTime heldAt;
    QString place, agenda;
};

// What is written after (or before) a meeting: the agenda, the minutes and, for a council
// meeting, the members present. Minutes mark the meeting as held.
struct MeetingNotes {
    QString agenda, minutes;
    QStringList attendees;
};

struct Member {
    qint64 id = 0;
    QString serviceKey, email, name, orgnr, organisation;
    qint64 electedAt = 0;      // the user meeting that elected the member
    QDate termStart, termEnd;  // sits from termStart until the day before termEnd
    QDate leftOn;              // left early, was re-elected, or the term was closed at the next election
    QString leftReason;
    bool activeOn(const QDate& day) const { return termStart <= day && day < termEnd && (!leftOn.isValid() || day < leftOn); }
};

struct Candidate {
    QString email, name, orgnr;
    int termMonths = 24;
};

// A warning about a council: a WarningKind code, the member it concerns (term warnings), the
// day (the term's end, the day the council falls below 5, the last user meeting), the number of
// members (size warnings), the days until the day (negative: since), and what it says in English.
struct HealthWarning {
    QString kind;
    QString email, name;
    QDate day;
    int count = 0;
    int days = 0;
    QString text;
};

struct ChangeRequest {
    qint64 id = 0;
    QString ref;  // ER-2026-0001
    QString serviceKey, title, description;
    QString fromOrgnr, fromOrganisation;  // the organisation asking (its name)
    qint64 deskCase = 0;                  // the service-desk case it came from, 0 for none
    QString submittedBy;
    QDateTime submittedAt;
    QString status = RequestStatus::Received;
    QString quarter;  // "2027-Q1": when it is planned
    QString response, respondedBy;
    QDateTime respondedAt, updatedAt;
    int points = 0;  // the council's points in the service's latest round
};

// From an organisation, or from a service-desk case (whose reporting organisation is then the
// requester unless one is given), or both.
struct NewRequest {
    QString serviceKey, title, description;
    QString fromOrgnr;
    qint64 deskCase = 0;
};

// The product owner's answer: the new status, the quarter (required for planned), and the
// response (kept as it was when left empty; accepting or rejecting needs one).
struct Response {
    QString status, quarter, response;
};

struct PointsRound {
    qint64 id = 0;
    QString serviceKey, title;
    int budget = 10;
    QString openedBy, closedBy;
    QDateTime openedAt, closedAt;
    bool open() const { return !closedAt.isValid(); }
};

// One member's points in a round, by request ref.
struct Allocation {
    QString email, name;
    QMap<QString, int> points;
    int total() const;
};

struct RoadmapQuarter {
    QString quarter;  // "2027-Q1"
    QList<ChangeRequest> requests;  // the most points first
};

// One service's council at a glance.
struct CouncilSummary {
    QString serviceKey, serviceName;
    int members = 0;  // sitting today
    int warnings = 0;
    int openRequests = 0;
    QDateTime lastUserMeeting, nextMeeting;
};

class CouncilService {
public:
    explicit CouncilService(Store& store) : store_(store) {}

    // The services with a council, a meeting or a change request, by name.
    Result<QList<CouncilSummary>> overview(const Session& who);

    // ---- Meetings
    Result<qint64> planMeeting(const Session& who, const NewMeeting& meeting);
    Result<Meeting> meeting(const Session& who, qint64 id);
    // Newest first; `kind` empty for both kinds.
    Result<QList<Meeting>> meetings(const Session& who, const QString& serviceKey, const QString& kind = {});
    // Agenda and minutes (and a council meeting's members present); minutes mark it held.
    Status recordNotes(const Session& who, qint64 id, const MeetingNotes& notes);
    Status cancelMeeting(const Session& who, qint64 id, const QString& reason);
    // Invites every organisation with an agreement in force for the meeting's service; gives the
    // number invited now (those invited before are not invited again).
    Result<int> inviteAll(const Session& who, qint64 meetingId);
    // Who came to a user meeting: replaces what was recorded. Every organisation has an
    // agreement for the service; once a council is elected at the meeting, attendance is final.
    Status setAttendance(const Session& who, qint64 meetingId, const QList<Attendance>& attendance);

    // ---- The council
    // Members sitting today, or everyone who has sat (`former`), by term start then name.
    Result<QList<Member>> members(const Session& who, const QString& serviceKey, bool former = false);
    // Checks an election at a user meeting without recording it: empty when it may be recorded,
    // else each problem as "field 'candidates[1].orgnr': …".
    Result<QStringList> checkElection(const Session& who, qint64 meetingId, const QList<Candidate>& candidates);
    // Elects representatives at the service's latest user meeting (once per meeting): terms
    // start on the meeting's day. A continuing member named again is re-elected; terms that had
    // run out are closed.
    Status elect(const Session& who, qint64 meetingId, const QList<Candidate>& candidates);
    // A member leaves before the term ends (moved on, resigned): from `on`, with a reason.
    Status endMembership(const Session& who, qint64 memberId, const QDate& on, const QString& reason);
    // The council's warnings today: below 5, falling below 5 within `warnDays`, terms ending
    // within `warnDays` or ended, no user meeting in the last 12 months.
    Result<QList<HealthWarning>> health(const Session& who, const QString& serviceKey, int warnDays = 60);

    // ---- Change requests
    Result<QString> submit(const Session& who, const NewRequest& request);
    Result<ChangeRequest> request(const Session& who, const QString& ref);
    // The service's requests, newest first, with the points of its latest round.
    Result<QList<ChangeRequest>> requests(const Session& who, const QString& serviceKey);
    Status respond(const Session& who, const QString& ref, const Response& response);

    // ---- Points
    // Opens a round of points for the service (one open at a time), `budget` points per member.
    Result<qint64> openRound(const Session& who, const QString& serviceKey, const QString& title, int budget = 10);
    Status closeRound(const Session& who, qint64 roundId);
    // Newest first.
    Result<QList<PointsRound>> rounds(const Session& who, const QString& serviceKey);
    // One member's points in an open round, replacing what the member gave before: only members
    // sitting today, only open requests of the round's service, none negative, within the budget.
    Status givePoints(const Session& who, qint64 roundId, const QString& memberEmail, const QMap<QString, int>& points);
    Result<QList<Allocation>> allocations(const Session& who, qint64 roundId);

    // ---- The roadmap and exports
    // Accepted, planned and delivered requests with a quarter, by quarter, the most points first.
    Result<QList<RoadmapQuarter>> roadmap(const Session& who, const QString& serviceKey);
    // The council for the product owner's files: "json" (everything), "csv" (the requests, with
    // points and responses) or "html" (members, terms, warnings, requests, roadmap, meetings).
    Result<QByteArray> exportCouncil(const Session& who, const QString& serviceKey, const QString& format);

private:
    Result<QString> serviceName(const Session& who, const QString& key);
    QDate today() const;  // in the platform's zone, from the Store's clock
    Store& store_;
};

}  // namespace vakt::councils
