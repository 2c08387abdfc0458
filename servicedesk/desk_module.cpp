// The service desk's schema, permission rows and the policy it gives the incident record.
#include "servicedesk/desk_service.h"

namespace vakt::desk {

ModuleSchema serviceDeskSchema() {
    return {QStringLiteral("servicedesk"),
            {
                {1,
                 QStringLiteral("service desk: opening hours, closed days, service targets, on-call roster, notices to organisations"),
                 {
                     // Minutes after midnight, Norwegian wall-clock time; NULL: closed that day.
                     "CREATE TABLE desk_hours (weekday INTEGER PRIMARY KEY, opens INTEGER, closes INTEGER)",
                     "INSERT INTO desk_hours (weekday, opens, closes) VALUES (1, 480, 960), (2, 480, 960), (3, 480, 960), (4, 480, 960),"
                     " (5, 480, 960), (6, NULL, NULL), (7, NULL, NULL)",
                     "CREATE TABLE desk_closed_days (day TEXT PRIMARY KEY, name TEXT NOT NULL)",
                     "CREATE TABLE desk_targets ("
                     " priority TEXT PRIMARY KEY,"
                     " respond_minutes INTEGER NOT NULL,"
                     " resolve_minutes INTEGER NOT NULL,"
                     " basis TEXT NOT NULL)",
                     "INSERT INTO desk_targets (priority, respond_minutes, resolve_minutes, basis) VALUES ('P1', 30, 240, 'calendar'),"
                     " ('P2', 120, 480, 'business'), ('P3', 480, 1440, 'business'), ('P4', 960, 4800, 'business')",
                     "CREATE TABLE desk_on_call ("
                     " id {PK},"
                     " username TEXT NOT NULL,"
                     " starts_at TEXT NOT NULL,"
                     " ends_at TEXT NOT NULL)",
                     "CREATE INDEX desk_on_call_time ON desk_on_call (starts_at, ends_at)",
                     // The case is core's incident; migrations stopped at an earlier incidents
                     // version (tests) must still create this table, so the service keeps the link.
                     "CREATE TABLE desk_notices ("
                     " id {PK},"
                     " incident_id BIGINT NOT NULL,"
                     " orgnr TEXT NOT NULL,"
                     " file TEXT NOT NULL,"
                     " sha256 TEXT NOT NULL,"
                     " written_at TEXT NOT NULL,"
                     " written_by TEXT NOT NULL)",
                     "CREATE INDEX desk_notices_incident ON desk_notices (incident_id, orgnr)",
                 },
                 {},
                 {}},
            },
            {
                {QStringLiteral("desk_hours"), std::nullopt, {permission::DeskConfigure}, QStringLiteral("weekday"), {}},
                {QStringLiteral("desk_closed_days"), std::nullopt, {permission::DeskConfigure}, QStringLiteral("day"), {}},
                {QStringLiteral("desk_targets"), std::nullopt, {permission::DeskConfigure}, QStringLiteral("priority"), {}},
                {QStringLiteral("desk_on_call"), std::nullopt, {permission::DeskConfigure}, QStringLiteral("id"), {}},
                {QStringLiteral("desk_notices"), vakt::permission::IncidentRead, {permission::DeskNotify}, QStringLiteral("id"), {}},
            }};
}

void registerServiceDeskModule() {
    registerSchema(serviceDeskSchema());
    registerPermissions({
        // Opening hours and targets are the department's promise to the municipalities: set by
        // its leaders and the administrator; the roster by the same.
        {permission::DeskConfigure, {Role::Admin, Role::Leder}},
        // Those who work cases tell the organisations they affect.
        {permission::DeskNotify, {Role::Sikkerhetsansvarlig, Role::Brukerstotte}},
    });
    setIncidentPolicy({[](Store& store, const QString& priority, const QDateTime& openedAt) { return DeskService(store).deadlines(priority, openedAt); },
                       [](Store& store, const QDateTime& at) { return DeskService(store).onCallAt(at); }});
}

}  // namespace vakt::desk
