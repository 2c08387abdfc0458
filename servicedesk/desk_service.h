#pragma once
// The service desk (brukerstøtte): its opening hours and service targets, which give each case
// its deadlines; the on-call roster (beredskapsvakt) that P1 cases go to; the organisations a
// case affects (from agreements on its services) and the notices written to them; a breach's
// 72 hours; and the import from Freshdesk. The cases themselves are incidents (core's
// IncidentStore): this module sets the policy the incident record follows.
#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTimeZone>

#include "core/incidents.h"
#include "core/migrations.h"
#include "core/store.h"
#include "servicedesk/desk_calendar.h"

namespace vakt::desk {

namespace permission {
inline constexpr Permission DeskConfigure{"desk.configure"};  // opening hours, closed days, targets, on-call roster
inline constexpr Permission DeskNotify{"desk.notify"};        // write notices to affected organisations
}  // namespace permission

ModuleSchema serviceDeskSchema();
// Registers the schema, the permission rows and the incident policy (deadlines, on-call).
void registerServiceDeskModule();

// The desk's time zone: opening hours are Norwegian wall-clock hours.
QTimeZone deskZone();
CivilMinutes toCivil(const QDateTime& utc);
QDateTime fromCivil(CivilMinutes civil);

struct DeskCalendar {
    BusinessHours hours;
    std::vector<std::pair<QDate, QString>> closedDays;  // extra closed days with what they are
    ServiceTargets targets;
};

struct OnCallShift {
    qint64 id = 0;
    QString username;
    QDateTime from, until;  // [from, until)
};

// An organisation a case concerns: it has an agreement in force on one of the case's services.
struct AffectedParty {
    QString orgnr, name, kind;
    QStringList services;
    QDateTime notifiedAt;  // the last notice written to it for this case
};

struct Notice {
    qint64 id = 0;
    QString orgnr, file, sha256, writtenBy;
    QDateTime writtenAt;
};

// A breach's notification clock (GDPR art. 33): 72 hours from when it became known, weekends
// and holidays included.
struct BreachClock {
    QDateTime knownAt, deadline, notifiedAt;
    qint64 secondsLeft = 0;  // negative once overdue
    bool notified() const { return notifiedAt.isValid(); }
};
std::optional<BreachClock> breachClock(const Incident& incident, const QDateTime& now);

// What a Freshdesk import did or, with dryRun, would do.
struct ImportReport {
    int imported = 0;
    int alreadyImported = 0;  // tickets imported before, left as they are
    QStringList errors;       // file:line: column 'x': reason — any error and nothing is written
    QStringList ignoredColumns;
};

class DeskService {
public:
    explicit DeskService(Store& store) : store_(store) {}

    Result<DeskCalendar> calendar(const Session& who);
    Status setHours(const Session& who, int isoWeekday, std::optional<DayHours> hours);
    Status addClosedDay(const Session& who, const QDate& day, const QString& name);
    Status removeClosedDay(const Session& who, const QDate& day);
    Status setTarget(const Session& who, const QString& priority, const Target& target);
    // Deadlines of a case of `priority` opened at `openedAt` under the stored calendar.
    Result<std::pair<QDateTime, QDateTime>> deadlines(const QString& priority, const QDateTime& openedAt);

    Result<qint64> addShift(const Session& who, const QString& username, const QDateTime& from, const QDateTime& until);
    Status removeShift(const Session& who, qint64 id);
    Result<QList<OnCallShift>> shifts(const Session& who, const QDateTime& from, const QDateTime& until);
    // Who is on call at a time; empty when nobody is.
    Result<QString> onCallAt(const QDateTime& at);

    Result<QList<AffectedParty>> affectedParties(const Session& who, qint64 incidentId);
    // The notice to one organisation in plain Norwegian: subject and body.
    Result<std::pair<QString, QString>> draftNotice(const Session& who, qint64 incidentId, const QString& orgnr);
    // Writes one message file (RFC 5322, .eml) per organisation into `directory` and records
    // each; `orgnrs` empty means every affected party. Gives the files written.
    Result<QStringList> writeNotices(const Session& who, qint64 incidentId, const QString& directory, const QStringList& orgnrs = {});
    Result<QList<Notice>> notices(const Session& who, qint64 incidentId);

    // Freshdesk's ticket export (CSV). All or nothing.
    Result<ImportReport> importFreshdesk(const Session& who, const QString& path, bool dryRun);

private:
    Store& store_;
};

}  // namespace vakt::desk
