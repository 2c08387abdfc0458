// The councils module's schema, permission rows and codes.
#include "councils/council_rules.h"
#include "councils/council_service.h"

namespace vakt::councils {

namespace MeetingKind {
QStringList all() { return {UserMeeting, CouncilMeeting}; }
}  // namespace MeetingKind

namespace MeetingState {
QStringList all() { return {Planned, Held, Cancelled}; }
}  // namespace MeetingState

namespace RequestStatus {
QStringList all() { return {Received, UnderReview, Accepted, Planned, Delivered, Rejected}; }
bool open(const QString& s) { return rules::openForPoints(s.toStdString()); }
}  // namespace RequestStatus

int Allocation::total() const {
    int sum = 0;
    for (const int n : points) sum += n;
    return sum;
}

ModuleSchema councilsSchema() {
    return {QStringLiteral("councils"),
            {
                {1,
                 QStringLiteral("user meetings and user councils per service: meetings with invitations, attendance and minutes, members with "
                                "terms, change requests with the product owner's response, points rounds"),
                 {
                     "CREATE TABLE council_meetings ("
                     " id {PK},"
                     " service_key TEXT NOT NULL,"
                     " kind TEXT NOT NULL,"
                     " held_at TEXT NOT NULL,"
                     " place TEXT NOT NULL DEFAULT '',"
                     " agenda TEXT NOT NULL DEFAULT '',"
                     " minutes TEXT NOT NULL DEFAULT '',"
                     " state TEXT NOT NULL,"
                     " attendees TEXT NOT NULL DEFAULT '',"
                     " created_by TEXT NOT NULL,"
                     " created_at TEXT NOT NULL,"
                     " updated_at TEXT NOT NULL)",
                     "CREATE INDEX council_meetings_service ON council_meetings (service_key, kind, held_at)",
                     // Organisations are core's: referred to by organisation number, checked by the service.
                     "CREATE TABLE council_invitations ("
                     " meeting_id BIGINT NOT NULL REFERENCES council_meetings (id),"
                     " orgnr TEXT NOT NULL,"
                     " invited_by TEXT NOT NULL,"
                     " invited_at TEXT NOT NULL,"
                     " PRIMARY KEY (meeting_id, orgnr))",
                     "CREATE TABLE council_attendance ("
                     " meeting_id BIGINT NOT NULL REFERENCES council_meetings (id),"
                     " orgnr TEXT NOT NULL,"
                     " representatives TEXT NOT NULL DEFAULT '',"
                     " recorded_by TEXT NOT NULL,"
                     " recorded_at TEXT NOT NULL,"
                     " PRIMARY KEY (meeting_id, orgnr))",
                     // Representatives are people of the municipalities, mostly not in the
                     // catalogue: name, e-mail and organisation are kept with the seat.
                     "CREATE TABLE council_members ("
                     " id {PK},"
                     " service_key TEXT NOT NULL,"
                     " email TEXT NOT NULL,"
                     " name TEXT NOT NULL,"
                     " orgnr TEXT NOT NULL,"
                     " elected_at BIGINT NOT NULL REFERENCES council_meetings (id),"
                     " term_start TEXT NOT NULL,"
                     " term_end TEXT NOT NULL,"
                     " left_on TEXT NOT NULL DEFAULT '',"
                     " left_reason TEXT NOT NULL DEFAULT '')",
                     "CREATE INDEX council_members_service ON council_members (service_key, email)",
                     "CREATE TABLE council_requests ("
                     " id {PK},"
                     " ref TEXT NOT NULL UNIQUE,"
                     " service_key TEXT NOT NULL,"
                     " title TEXT NOT NULL,"
                     " description TEXT NOT NULL DEFAULT '',"
                     " from_orgnr TEXT NOT NULL DEFAULT '',"
                     " desk_case BIGINT NOT NULL DEFAULT 0,"
                     " submitted_by TEXT NOT NULL,"
                     " submitted_at TEXT NOT NULL,"
                     " status TEXT NOT NULL,"
                     " quarter TEXT NOT NULL DEFAULT '',"
                     " response TEXT NOT NULL DEFAULT '',"
                     " responded_by TEXT NOT NULL DEFAULT '',"
                     " responded_at TEXT,"
                     " updated_at TEXT NOT NULL)",
                     "CREATE INDEX council_requests_service ON council_requests (service_key, status)",
                     "CREATE TABLE council_point_rounds ("
                     " id {PK},"
                     " service_key TEXT NOT NULL,"
                     " title TEXT NOT NULL,"
                     " budget INTEGER NOT NULL,"
                     " opened_by TEXT NOT NULL,"
                     " opened_at TEXT NOT NULL,"
                     " closed_by TEXT NOT NULL DEFAULT '',"
                     " closed_at TEXT)",
                     "CREATE TABLE council_points ("
                     " round_id BIGINT NOT NULL REFERENCES council_point_rounds (id),"
                     " member_id BIGINT NOT NULL REFERENCES council_members (id),"
                     " request_id BIGINT NOT NULL REFERENCES council_requests (id),"
                     " points INTEGER NOT NULL CHECK (points > 0),"
                     " recorded_by TEXT NOT NULL,"
                     " recorded_at TEXT NOT NULL,"
                     " PRIMARY KEY (round_id, member_id, request_id))",
                 },
                 {},
                 {}},
            },
            {
                {QStringLiteral("council_meetings"), permission::CouncilRead, {permission::CouncilManage}, QStringLiteral("id"), {}},
                {QStringLiteral("council_invitations"), permission::CouncilRead, {permission::CouncilManage}, QStringLiteral("meeting_id,orgnr"), {}},
                {QStringLiteral("council_attendance"), permission::CouncilRead, {permission::CouncilManage}, QStringLiteral("meeting_id,orgnr"), {}},
                {QStringLiteral("council_members"), permission::CouncilRead, {permission::CouncilManage}, QStringLiteral("id"), {}},
                {QStringLiteral("council_requests"), permission::CouncilRead, {permission::CouncilRequest, permission::CouncilManage}, QStringLiteral("ref"), {}},
                {QStringLiteral("council_point_rounds"), permission::CouncilRead, {permission::CouncilManage}, QStringLiteral("id"), {}},
                {QStringLiteral("council_points"), permission::CouncilRead, {permission::CouncilManage}, QStringLiteral("round_id,member_id,request_id"), {}},
            }};
}

void registerCouncilsModule() {
    registerSchema(councilsSchema());
    using R = Role;
    registerPermissions({
        {permission::CouncilRead, {R::Admin, R::Sikkerhetsansvarlig, R::Brukerstotte, R::Produktansvarlig, R::Leder, R::Endringsrad, R::Revisor}},
        // The product owners run the user meetings and councils and answer the requests; no one
        // else needs to (least privilege: not the administrator, not the security officer).
        {permission::CouncilManage, {R::Produktansvarlig}},
        // Requests arrive from organisations through the service desk or the product owner.
        {permission::CouncilRequest, {R::Brukerstotte, R::Produktansvarlig}},
    });
}

}  // namespace vakt::councils
