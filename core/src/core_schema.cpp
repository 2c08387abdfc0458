// The core module's schema: settings, Vakt's own users and the trail.
#include "core/migrations.h"

namespace vakt {

ModuleSchema coreSchema() {
    return {QStringLiteral("core"),
            {
        {1,
         QStringLiteral("core: settings, users, trail"),
         {
             "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
             "CREATE TABLE users ("
             " id {PK},"
             " username TEXT NOT NULL UNIQUE,"
             " display_name TEXT NOT NULL,"
             " role TEXT NOT NULL,"
             " password_hash TEXT NOT NULL,"
             " person_email TEXT,"
             " active INTEGER NOT NULL DEFAULT 1,"
             " created_at TEXT NOT NULL)",
             // The app's own audit trail: append-only and hash-chained (see trail.h).
             "CREATE TABLE trail ("
             " seq BIGINT PRIMARY KEY,"
             " at TEXT NOT NULL,"
             " actor TEXT NOT NULL,"
             " action TEXT NOT NULL,"
             " entity TEXT NOT NULL,"
             " entity_key TEXT NOT NULL,"
             " before_json TEXT,"
             " after_json TEXT,"
             " prev_hash TEXT NOT NULL,"
             " hash TEXT NOT NULL)",
             "CREATE TABLE trail_head (id INTEGER PRIMARY KEY CHECK (id = 1), seq BIGINT NOT NULL, hash TEXT NOT NULL)",
             "INSERT INTO trail_head (id, seq, hash) VALUES "
             "(1, 0, '0000000000000000000000000000000000000000000000000000000000000000')",
             "CREATE INDEX trail_entity ON trail (entity, entity_key)",
         },
         {
             "CREATE TRIGGER trail_no_update BEFORE UPDATE ON trail BEGIN SELECT RAISE(ABORT, 'the trail is append-only'); END",
             "CREATE TRIGGER trail_no_delete BEFORE DELETE ON trail BEGIN SELECT RAISE(ABORT, 'the trail is append-only'); END",
         },
         {
             "CREATE FUNCTION trail_append_only() RETURNS trigger LANGUAGE plpgsql AS "
             "$$ BEGIN RAISE EXCEPTION 'the trail is append-only'; END $$",
             "CREATE TRIGGER trail_no_change BEFORE UPDATE OR DELETE ON trail "
             "FOR EACH ROW EXECUTE FUNCTION trail_append_only()",
         }},
            }};
}

}  // namespace vakt
