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
            },
            {
                {QStringLiteral("incidents"), permission::IncidentRead,
                 {permission::IncidentWrite, permission::IncidentHandle, permission::IncidentHandleSecurity}, QStringLiteral("id"), {}},
                {QStringLiteral("incident_evidence"), permission::IncidentRead, {permission::IncidentWrite},
                 QStringLiteral("incident_id,seq"), {}},
            }};
}

}  // namespace vakt
