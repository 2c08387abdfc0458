#pragma once
// The change advisory board (endringsråd): change requests from operations, maintenance, the
// service desk and projects, each with its security assessment; the board's decisions (a
// security-relevant change is never approved without the security officer); the change
// calendar with freeze periods and conflict detection; the weekly meeting with the agenda Vakt
// prepares, attendance, quorum, a decision per item and signed minutes; and, through the risk
// model, the ROS review tasks an approved change implies along the value chain.
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

#include "changes/change_calendar.h"
#include "core/migrations.h"
#include "core/store.h"
#include "reports/document.h"

namespace vakt::audit {
class LedgerKeys;
}

namespace vakt::changes {

namespace permission {
inline constexpr Permission ChangeRead{"change.read"};
inline constexpr Permission ChangeRequest{"change.request"};  // propose and assess changes, record the outcome
inline constexpr Permission ChangeDecide{"change.decide"};    // the board: approve, reject, defer, run meetings
inline constexpr Permission ChangeFreeze{"change.freeze"};    // freeze periods
}  // namespace permission

ModuleSchema changesSchema();
void registerChangesModule();

// Stable codes in the database; the desktop and the minutes name them in the user's language.
namespace ChangeState {
inline const QString Proposed = QStringLiteral("proposed");
inline const QString Assessed = QStringLiteral("assessed");
inline const QString Approved = QStringLiteral("approved");
inline const QString Rejected = QStringLiteral("rejected");
inline const QString Deferred = QStringLiteral("deferred");
inline const QString Scheduled = QStringLiteral("scheduled");
inline const QString Implemented = QStringLiteral("implemented");
inline const QString Reviewed = QStringLiteral("reviewed");
QStringList all();
// Waiting for the board: proposed, assessed or deferred.
bool pending(const QString& state);
}  // namespace ChangeState

namespace ChangeCategory {
inline const QString Standard = QStringLiteral("standard");    // from a pre-approved template
inline const QString Normal = QStringLiteral("normal");
inline const QString Emergency = QStringLiteral("emergency");
QStringList all();
}  // namespace ChangeCategory

namespace ChangeOrigin {
QStringList all();  // operations, maintenance, service_desk, project
}

namespace Outcome {
QStringList all();  // success, partial, failed, rolled_back
}

namespace Decision {
inline const QString Approve = QStringLiteral("approve");
inline const QString Reject = QStringLiteral("reject");
inline const QString Defer = QStringLiteral("defer");
QStringList all();
}  // namespace Decision

// What a change touches as seen by security: the STRIDE categories (letters S T R I D E),
// likelihood and consequence on the risk matrix's 1-5 scales, and whether it is
// security-relevant (then the security officer must approve it).
struct SecurityAssessment {
    QString stride;  // e.g. "TI"
    int likelihood = 0, consequence = 0;
    bool securityRelevant = false;
    QString note;
};

struct ChangeRequest {
    qint64 id = 0;
    QString ref;  // CR-2026-0007
    QString title, description, origin, category, templateKey;
    QString state = ChangeState::Proposed;
    QStringList targets;  // catalogue keys of services and components
    QDateTime windowStart, windowEnd;
    QString rollbackPlan;
    SecurityAssessment assessment;
    bool assessed = false;
    QString freezeReason;  // why an emergency change may go ahead in a freeze
    QString requestedBy;
    QDateTime createdAt, updatedAt;
    QString decidedBy, decisionNote, conditions;
    QDateTime decidedAt;
    QString securityApprovedBy;  // the security officer's consent, for security-relevant changes
    QDateTime implementedAt;
    QString outcome, reviewNote;
    QDateTime reviewedAt;
    QList<qint64> causedIncidents;
    int reviewTasks = 0;  // ROS review tasks its approval created
};

struct NewChange {
    QString title, description, origin = QStringLiteral("operations"), category = ChangeCategory::Normal, templateKey;
    QStringList targets;
    QDateTime windowStart, windowEnd;
    QString rollbackPlan, freezeReason;
};

struct ChangeFilter {
    QStringList states;
    QString target;
    QDateTime from, until;  // windows overlapping [from, until)
};

struct Freeze {
    qint64 id = 0;
    QString name, scope = QStringLiteral("all");  // all, services, components
    QStringList keys;
    QDateTime start, end;
    QString reason, createdBy;
};

// A conflict as the board reads it: which changes, which freeze or day, and why.
struct CalendarConflict {
    QString kind;  // same_target, dependent_targets, in_freeze, emergency_in_freeze, too_many_in_day
    QStringList refs;
    QString freeze;  // the freeze's name
    QString key, otherKey;
    QDate day;
};

struct StandardTemplate {
    QString key, title, description, rollbackPlan;
    QStringList targets;
};

// One item on a meeting's agenda and what the board decided.
struct AgendaItem {
    int position = 0;
    QString kind;  // change, emergency, incident, item (a standing security or architecture item)
    QString ref;   // change ref, incident id or item id
    QString title;
    QString decision, conditions, note;  // decision: a Decision code for changes, "noted" for the rest
};

struct Meeting {
    qint64 id = 0;
    QDateTime heldAt;
    QString chair;
    QString state = QStringLiteral("open");  // open, closed
    QStringList attendees;
    int quorum = 3;
    QList<AgendaItem> items;
    QString minutesSha256, signedBy, signatureBase64;
    QDateTime signedAt;
    bool quorate() const { return attendees.size() >= quorum; }
};

// A standing cross-cutting security or architecture item the board follows until closed.
struct BoardItem {
    qint64 id = 0;
    QString kind, title;  // kind: security, architecture
    QString state = QStringLiteral("open");
    QString raisedBy;
    QDateTime raisedAt;
};

struct MinutesCheck {
    bool hashMatches = false;
    bool signed_ = false, signatureValid = false;
    bool trailChecked = false;  // compared with the trail (for roles that read it)
    QString problem;            // empty when the minutes are what was closed (and signed, given a key)
    bool ok() const { return problem.isEmpty() && hashMatches; }
};

class ChangeBoard {
public:
    explicit ChangeBoard(Store& store) : store_(store) {}

    Result<QString> add(const Session& who, const NewChange& change);
    Result<ChangeRequest> get(const Session& who, const QString& ref);
    Result<QList<ChangeRequest>> list(const Session& who, const ChangeFilter& filter = {});
    Status assess(const Session& who, const QString& ref, const SecurityAssessment& assessment);
    // Approve, reject or defer. Approving a security-relevant change needs the security officer
    // (their approval counts as their consent, which a later board approval also accepts); a
    // change in a freeze is approved only as an emergency change with a reason. Approval runs
    // the change impact analysis for its targets and creates the ROS review tasks.
    Status decide(const Session& who, const QString& ref, const QString& decision, const QString& note, const QString& conditions = {});
    // The security officer's consent to a security-relevant change, so the board may approve it
    // in a meeting the officer cannot attend.
    Status consent(const Session& who, const QString& ref, const QString& note);
    Status schedule(const Session& who, const QString& ref, const QDateTime& start, const QDateTime& end);
    Status implement(const Session& who, const QString& ref, const QDateTime& at);
    Status review(const Session& who, const QString& ref, const QString& outcome, const QString& note, const QList<qint64>& causedIncidents);
    // Incidents on the touched services from the implementation to `days` later: what the
    // review is offered for linking.
    Result<QList<qint64>> candidateIncidents(const Session& who, const QString& ref, int days = 7);
    // The changes whose review says they caused an incident.
    Result<QStringList> changesOfIncident(const Session& who, qint64 incidentId);

    Result<qint64> addFreeze(const Session& who, const Freeze& freeze);
    Status removeFreeze(const Session& who, qint64 id);
    Result<QList<Freeze>> freezes(const Session& who);
    // Conflicts among the changes with windows in [from, until), or of one change with the rest.
    Result<QList<CalendarConflict>> conflicts(const Session& who, const QDateTime& from, const QDateTime& until);
    Result<QList<CalendarConflict>> conflictsOf(const Session& who, const QString& ref);
    Result<QList<StandardTemplate>> templates(const Session& who);
    Status saveTemplate(const Session& who, const StandardTemplate& t);

    Result<qint64> raiseItem(const Session& who, const QString& kind, const QString& title);
    Status closeItem(const Session& who, qint64 id, const QString& note);
    Result<QList<BoardItem>> openItems(const Session& who);

    // A meeting with the agenda Vakt prepares: changes waiting for the board, emergency changes
    // and incidents since the last meeting, the open standing items.
    Result<qint64> openMeeting(const Session& who, const QDateTime& at, int quorum = 3);
    Status setAttendees(const Session& who, qint64 meeting, const QStringList& attendees);
    // The board's decision on one item; for a change it is the change's decision.
    Status decideItem(const Session& who, qint64 meeting, int position, const QString& decision, const QString& conditions, const QString& note);
    // Closes the meeting: needs a quorum and a decision on every change item; writes the minutes,
    // records their SHA-256 in the trail and, with `keys`, signs them with the department's key.
    Status closeMeeting(const Session& who, qint64 meeting, const audit::LedgerKeys* keys = nullptr);
    Result<Meeting> meeting(const Session& who, qint64 id);
    Result<QList<Meeting>> meetings(const Session& who);
    // The stored minutes (HTML as signed; PDF rendered from the same document) and their check
    // against the stored hash and a key the checker trusts.
    // The minutes as a document, as they read now (an open meeting's so far), for reports.
    Result<reports::Document> minutesDocument(const Session& who, qint64 meeting);
    Result<QByteArray> minutesHtml(const Session& who, qint64 meeting);
    Result<QByteArray> minutesPdf(const Session& who, qint64 meeting);
    Result<MinutesCheck> verifyMinutes(const Session& who, qint64 meeting, const audit::LedgerKeys* trusted);

private:
    Store& store_;
};

}  // namespace vakt::changes
