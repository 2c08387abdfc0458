// The incidents module's schema: incidents from alerts, detections and the service desk, and their evidence.
#include "core/migrations.h"

namespace vakt {

ModuleSchema incidentsSchema() {
    return {QStringLiteral("incidents"),
            {
        {1,
         QStringLiteral("incidents: alerts and, later, detections and service-desk cases"),
         {
             "CREATE TABLE incidents ("
             " id {PK},"
             " fingerprint TEXT NOT NULL,"
             " source TEXT NOT NULL,"
             " title TEXT NOT NULL,"
             " summary TEXT NOT NULL DEFAULT '',"
             " severity TEXT NOT NULL,"
             " service_key TEXT NOT NULL DEFAULT '',"
             " status TEXT NOT NULL,"
             " value {REAL},"
             " opened_at TEXT NOT NULL,"
             " updated_at TEXT NOT NULL,"
             " resolved_at TEXT)",
             // At most one open incident per fingerprint: repeated firing updates it.
             "CREATE UNIQUE INDEX incidents_open_fingerprint ON incidents (fingerprint) WHERE status = 'open'",
             "CREATE INDEX incidents_status ON incidents (status, service_key)",
         },
         {},
         {}},
        {2,
         QStringLiteral("incident evidence: the ledger events behind a detection"),
         {
             "CREATE TABLE incident_evidence ("
             " incident_id BIGINT NOT NULL REFERENCES incidents (id),"
             " seq BIGINT NOT NULL,"
             " PRIMARY KEY (incident_id, seq))",
         },
         {},
         {}},
        {3,
         QStringLiteral("incident handling: acknowledged by a person, closed with a reason; summaries in English"),
         {
             "ALTER TABLE incidents ADD COLUMN acknowledged_at TEXT",
             "ALTER TABLE incidents ADD COLUMN acknowledged_by TEXT",
             "ALTER TABLE incidents ADD COLUMN acknowledge_note TEXT",
             "ALTER TABLE incidents ADD COLUMN closed_by TEXT",
             "ALTER TABLE incidents ADD COLUMN close_reason TEXT",
             "ALTER TABLE incidents ADD COLUMN summary_en TEXT NOT NULL DEFAULT ''",
         },
         {},
         {}},
        {4,
         QStringLiteral("the service desk's case: kind, priority, state, queue, assignment, deadlines, links and timeline"),
         {
             "ALTER TABLE incidents ADD COLUMN kind TEXT NOT NULL DEFAULT 'deviation'",
             "ALTER TABLE incidents ADD COLUMN priority TEXT NOT NULL DEFAULT 'P3'",
             "ALTER TABLE incidents ADD COLUMN state TEXT NOT NULL DEFAULT 'new'",
             "ALTER TABLE incidents ADD COLUMN waiting_on TEXT NOT NULL DEFAULT ''",
             "ALTER TABLE incidents ADD COLUMN queue TEXT NOT NULL DEFAULT 'desk'",
             "ALTER TABLE incidents ADD COLUMN assignee TEXT NOT NULL DEFAULT ''",
             "ALTER TABLE incidents ADD COLUMN reporter_orgnr TEXT NOT NULL DEFAULT ''",
             "ALTER TABLE incidents ADD COLUMN reporter TEXT NOT NULL DEFAULT ''",
             "ALTER TABLE incidents ADD COLUMN description TEXT NOT NULL DEFAULT ''",
             "ALTER TABLE incidents ADD COLUMN external_ref TEXT",
             "ALTER TABLE incidents ADD COLUMN known_at TEXT",
             "ALTER TABLE incidents ADD COLUMN respond_by TEXT",
             "ALTER TABLE incidents ADD COLUMN resolve_by TEXT",
             "ALTER TABLE incidents ADD COLUMN responded_at TEXT",
             "ALTER TABLE incidents ADD COLUMN authority_notified_at TEXT",
             "ALTER TABLE incidents ADD COLUMN authority_ref TEXT NOT NULL DEFAULT ''",
             // What alerts and detections already opened keeps its meaning.
             "UPDATE incidents SET kind = 'security', queue = 'security' WHERE source = 'audit'",
             "UPDATE incidents SET priority = CASE severity WHEN 'critical' THEN 'P2' WHEN 'warning' THEN 'P3' ELSE 'P4' END",
             "UPDATE incidents SET state = CASE WHEN status = 'closed' THEN 'closed' WHEN status = 'resolved' THEN 'resolved'"
             " WHEN acknowledged_at IS NOT NULL THEN 'acknowledged' ELSE 'new' END",
             "UPDATE incidents SET responded_at = acknowledged_at WHERE acknowledged_at IS NOT NULL",
             "CREATE UNIQUE INDEX incidents_external_ref ON incidents (external_ref)",
             "CREATE INDEX incidents_queue ON incidents (status, queue, priority)",
             "CREATE INDEX incidents_state ON incidents (state, priority)",
             "CREATE INDEX incidents_opened ON incidents (opened_at)",
             "CREATE TABLE incident_links ("
             " incident_id BIGINT NOT NULL REFERENCES incidents (id),"
             " kind TEXT NOT NULL,"
             " target TEXT NOT NULL,"
             " PRIMARY KEY (incident_id, kind, target))",
             "CREATE INDEX incident_links_target ON incident_links (kind, target)",
             "CREATE TABLE incident_timeline ("
             " id {PK},"
             " incident_id BIGINT NOT NULL REFERENCES incidents (id),"
             " at TEXT NOT NULL,"
             " actor TEXT NOT NULL,"
             " action TEXT NOT NULL,"
             " text TEXT NOT NULL DEFAULT '')",
             "CREATE INDEX incident_timeline_incident ON incident_timeline (incident_id, id)",
             "INSERT INTO incident_links (incident_id, kind, target) SELECT id, 'service', service_key FROM incidents WHERE service_key <> ''",
         },
         {},
         {}},
            },
            {
                {QStringLiteral("incidents"), permission::IncidentRead,
                 {permission::IncidentWrite, permission::IncidentHandle, permission::IncidentHandleSecurity}, QStringLiteral("id"), {}},
                {QStringLiteral("incident_evidence"), permission::IncidentRead, {permission::IncidentWrite},
                 QStringLiteral("incident_id,seq"), {}},
                {QStringLiteral("incident_links"), permission::IncidentRead,
                 {permission::IncidentWrite, permission::IncidentHandle, permission::IncidentHandleSecurity}, QStringLiteral("incident_id,kind,target"), {}},
                {QStringLiteral("incident_timeline"), permission::IncidentRead,
                 {permission::IncidentWrite, permission::IncidentHandle, permission::IncidentHandleSecurity}, QStringLiteral("incident_id,id"), {}},
            }};
}

}  // namespace vakt
