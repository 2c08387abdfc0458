// The monitoring module's schema: scrape targets, health transitions, service health per minute and hour.
#include "core/migrations.h"

namespace vakt {

ModuleSchema monitoringSchema() {
    return {QStringLiteral("monitoring"),
            {
        {1,
         QStringLiteral("monitoring: scrape targets, health transitions, service health per minute and hour"),
         {
             "CREATE TABLE scrape_targets ("
             " id {PK},"
             " job TEXT NOT NULL,"
             " instance TEXT NOT NULL,"
             " url TEXT NOT NULL,"
             " service_key TEXT NOT NULL DEFAULT '',"
             " health TEXT NOT NULL DEFAULT 'unknown',"
             " health_since TEXT,"
             " last_error TEXT NOT NULL DEFAULT '',"
             " last_scrape TEXT,"
             " last_duration_ms BIGINT NOT NULL DEFAULT 0,"
             " samples BIGINT NOT NULL DEFAULT 0,"
             " active INTEGER NOT NULL DEFAULT 1,"
             " UNIQUE (job, instance))",
             "CREATE TABLE target_health_events ("
             " id {PK},"
             " target_id BIGINT NOT NULL REFERENCES scrape_targets(id),"
             " at TEXT NOT NULL,"
             " health TEXT NOT NULL,"
             " reason TEXT NOT NULL DEFAULT '')",
             "CREATE INDEX target_health_events_target ON target_health_events (target_id, at)",
             "CREATE TABLE service_health_minutes ("
             " service_key TEXT NOT NULL,"
             " minute TEXT NOT NULL,"
             " scrapes INTEGER NOT NULL,"
             " up_scrapes INTEGER NOT NULL,"
             " requests {REAL} NOT NULL,"
             " errors {REAL} NOT NULL,"
             " p50 {REAL},"
             " p95 {REAL},"
             " p99 {REAL},"
             " PRIMARY KEY (service_key, minute))",
             "CREATE TABLE service_health_hours ("
             " service_key TEXT NOT NULL,"
             " hour TEXT NOT NULL,"
             " scrapes INTEGER NOT NULL,"
             " up_scrapes INTEGER NOT NULL,"
             " requests {REAL} NOT NULL,"
             " errors {REAL} NOT NULL,"
             " p95_max {REAL},"
             " PRIMARY KEY (service_key, hour))",
         },
         {},
         {}},
        {2,
         QStringLiteral("monitoring: each target's scrape interval, so a silent collector is told from a slow one"),
         {
             "ALTER TABLE scrape_targets ADD COLUMN scrape_interval_ms BIGINT NOT NULL DEFAULT 60000",
         },
         {},
         {}},
            },
            {
                // Which targets are watched is configuration, and trailed; the measurements are
                // the collector's alone (monitoring.write) and too many to trail row by row.
                {QStringLiteral("scrape_targets"), permission::MonitoringRead, {permission::MonitoringWrite}, QStringLiteral("id"), {}},
                {QStringLiteral("target_health_events"), permission::MonitoringRead, {permission::MonitoringWrite}, {}, {}},
                {QStringLiteral("service_health_minutes"), permission::MonitoringRead, {permission::MonitoringWrite}, {}, {}},
                {QStringLiteral("service_health_hours"), permission::MonitoringRead, {permission::MonitoringWrite}, {}, {}},
            }};
}

}  // namespace vakt
