// The change board's schema, permission rows and codes.
#include "changes/change_board.h"

namespace vakt::changes {

namespace ChangeState {
QStringList all() { return {Proposed, Assessed, Approved, Rejected, Deferred, Scheduled, Implemented, Reviewed}; }
bool pending(const QString& state) { return state == Proposed || state == Assessed || state == Deferred; }
}  // namespace ChangeState

namespace ChangeCategory {
QStringList all() { return {Standard, Normal, Emergency}; }
}  // namespace ChangeCategory

namespace ChangeOrigin {
QStringList all() { return {QStringLiteral("operations"), QStringLiteral("maintenance"), QStringLiteral("service_desk"), QStringLiteral("project")}; }
}  // namespace ChangeOrigin

namespace Outcome {
QStringList all() { return {QStringLiteral("success"), QStringLiteral("partial"), QStringLiteral("failed"), QStringLiteral("rolled_back")}; }
}  // namespace Outcome

namespace Decision {
QStringList all() { return {Approve, Reject, Defer}; }
}  // namespace Decision

ModuleSchema changesSchema() {
    return {QStringLiteral("changes"),
            {
                {1,
                 QStringLiteral("change board: change requests with security assessment, templates, freezes, meetings with agenda and signed minutes"),
                 {
                     "CREATE TABLE change_requests ("
                     " id {PK},"
                     " ref TEXT NOT NULL UNIQUE,"
                     " title TEXT NOT NULL,"
                     " description TEXT NOT NULL DEFAULT '',"
                     " origin TEXT NOT NULL,"
                     " category TEXT NOT NULL,"
                     " template_key TEXT NOT NULL DEFAULT '',"
                     " state TEXT NOT NULL,"
                     " window_start TEXT,"
                     " window_end TEXT,"
                     " rollback_plan TEXT NOT NULL DEFAULT '',"
                     " freeze_reason TEXT NOT NULL DEFAULT '',"
                     " assessed INTEGER NOT NULL DEFAULT 0,"
                     " stride TEXT NOT NULL DEFAULT '',"
                     " likelihood INTEGER NOT NULL DEFAULT 0,"
                     " consequence INTEGER NOT NULL DEFAULT 0,"
                     " security_relevant INTEGER NOT NULL DEFAULT 0,"
                     " assessment_note TEXT NOT NULL DEFAULT '',"
                     " requested_by TEXT NOT NULL,"
                     " created_at TEXT NOT NULL,"
                     " updated_at TEXT NOT NULL,"
                     " decided_by TEXT NOT NULL DEFAULT '',"
                     " decided_at TEXT,"
                     " decision_note TEXT NOT NULL DEFAULT '',"
                     " conditions TEXT NOT NULL DEFAULT '',"
                     " security_approved_by TEXT NOT NULL DEFAULT '',"
                     " implemented_at TEXT,"
                     " outcome TEXT NOT NULL DEFAULT '',"
                     " review_note TEXT NOT NULL DEFAULT '',"
                     " reviewed_at TEXT,"
                     " review_tasks INTEGER NOT NULL DEFAULT 0)",
                     "CREATE INDEX change_requests_window ON change_requests (window_start, window_end)",
                     "CREATE INDEX change_requests_state ON change_requests (state)",
                     "CREATE TABLE change_targets (change_id BIGINT NOT NULL REFERENCES change_requests (id), target TEXT NOT NULL,"
                     " PRIMARY KEY (change_id, target))",
                     "CREATE INDEX change_targets_target ON change_targets (target)",
                     // Incidents are core's: the link is kept by the service, as a migration may
                     // run with the incidents module held at an earlier version.
                     "CREATE TABLE change_incidents (change_id BIGINT NOT NULL REFERENCES change_requests (id), incident_id BIGINT NOT NULL,"
                     " PRIMARY KEY (change_id, incident_id))",
                     "CREATE TABLE change_templates ("
                     " key TEXT PRIMARY KEY,"
                     " title TEXT NOT NULL,"
                     " description TEXT NOT NULL DEFAULT '',"
                     " targets TEXT NOT NULL DEFAULT '',"
                     " rollback_plan TEXT NOT NULL DEFAULT '')",
                     "CREATE TABLE change_freezes ("
                     " id {PK},"
                     " name TEXT NOT NULL,"
                     " scope TEXT NOT NULL,"
                     " target_keys TEXT NOT NULL DEFAULT '',"
                     " starts_at TEXT NOT NULL,"
                     " ends_at TEXT NOT NULL,"
                     " reason TEXT NOT NULL DEFAULT '',"
                     " created_by TEXT NOT NULL)",
                     "CREATE TABLE change_board_items ("
                     " id {PK},"
                     " kind TEXT NOT NULL,"
                     " title TEXT NOT NULL,"
                     " state TEXT NOT NULL,"
                     " raised_by TEXT NOT NULL,"
                     " raised_at TEXT NOT NULL,"
                     " closed_note TEXT NOT NULL DEFAULT '')",
                     "CREATE TABLE change_meetings ("
                     " id {PK},"
                     " held_at TEXT NOT NULL,"
                     " chair TEXT NOT NULL,"
                     " state TEXT NOT NULL,"
                     " quorum INTEGER NOT NULL,"
                     " attendees TEXT NOT NULL DEFAULT '',"
                     " minutes_html {BLOB},"
                     " minutes_pdf {BLOB},"
                     " minutes_sha256 TEXT NOT NULL DEFAULT '',"
                     " signature TEXT NOT NULL DEFAULT '',"
                     " signed_by TEXT NOT NULL DEFAULT '',"
                     " signed_at TEXT)",
                     "CREATE TABLE change_meeting_items ("
                     " meeting_id BIGINT NOT NULL REFERENCES change_meetings (id),"
                     " position INTEGER NOT NULL,"
                     " kind TEXT NOT NULL,"
                     " ref TEXT NOT NULL,"
                     " title TEXT NOT NULL,"
                     " decision TEXT NOT NULL DEFAULT '',"
                     " conditions TEXT NOT NULL DEFAULT '',"
                     " note TEXT NOT NULL DEFAULT '',"
                     " PRIMARY KEY (meeting_id, position))",
                 },
                 {},
                 {}},
            },
            {
                {QStringLiteral("change_requests"), permission::ChangeRead, {permission::ChangeRequest, permission::ChangeDecide}, QStringLiteral("ref"), {}},
                {QStringLiteral("change_targets"), permission::ChangeRead, {permission::ChangeRequest}, QStringLiteral("change_id,target"), {}},
                {QStringLiteral("change_incidents"), permission::ChangeRead, {permission::ChangeRequest}, QStringLiteral("change_id,incident_id"), {}},
                {QStringLiteral("change_templates"), permission::ChangeRead, {permission::ChangeDecide}, QStringLiteral("key"), {}},
                {QStringLiteral("change_freezes"), permission::ChangeRead, {permission::ChangeFreeze}, QStringLiteral("id"), {}},
                {QStringLiteral("change_board_items"), permission::ChangeRead, {permission::ChangeRequest, permission::ChangeDecide}, QStringLiteral("id"), {}},
                {QStringLiteral("change_meetings"), permission::ChangeRead, {permission::ChangeDecide}, QStringLiteral("id"), {}},
                {QStringLiteral("change_meeting_items"), permission::ChangeRead, {permission::ChangeDecide}, QStringLiteral("meeting_id,position"), {}},
            }};
}

void registerChangesModule() {
    registerSchema(changesSchema());
    using R = Role;
    registerPermissions({
        {permission::ChangeRead, {R::Admin, R::Sikkerhetsansvarlig, R::Brukerstotte, R::Produktansvarlig, R::Leder, R::Endringsrad, R::Revisor}},
        // Operations, maintenance, the service desk and projects bring changes; the product
        // owners and the security officer assess them.
        {permission::ChangeRequest, {R::Sikkerhetsansvarlig, R::Brukerstotte, R::Produktansvarlig, R::Endringsrad}},
        // The board decides; the security officer sits on it (and must for security-relevant changes).
        {permission::ChangeDecide, {R::Sikkerhetsansvarlig, R::Endringsrad}},
        {permission::ChangeFreeze, {R::Sikkerhetsansvarlig, R::Leder, R::Endringsrad}},
    });
}

}  // namespace vakt::changes
