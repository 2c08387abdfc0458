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
        // On PostgreSQL the server writes the trail itself: Vakt's entries through
        // vakt_trail_record(), and every row change of a governed table through a trigger (added
        // with the grants, server_roles.cpp), so a change made by any login without going through
        // Vakt is still recorded. The hash is the one trail_chain.cpp computes, so one verifier
        // checks both. The functions run as the owner; logins get no grant on trail itself.
        {2,
         QStringLiteral("core: the trail written inside the server, logins that follow their users (PostgreSQL)"),
         {},
         {},
         {
             "CREATE FUNCTION vakt_trail_field(v text) RETURNS text LANGUAGE sql IMMUTABLE AS "
             "$$ SELECT octet_length(convert_to(coalesce(v, ''), 'UTF8'))::text || ':' || coalesce(v, '') || chr(10) $$",
             "CREATE FUNCTION vakt_trail_append(p_at text, p_actor text, p_action text, p_entity text, p_key text, "
             "p_before text, p_after text) RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$\n"
             "DECLARE head_seq bigint; head_hash text; next_seq bigint; next_hash text;\n"
             "BEGIN\n"
             "  SELECT seq, hash INTO head_seq, head_hash FROM trail_head WHERE id = 1 FOR UPDATE;\n"
             "  IF NOT FOUND THEN RAISE EXCEPTION 'the trail head is missing; the database is damaged'; END IF;\n"
             "  next_seq := head_seq + 1;\n"
             "  next_hash := encode(sha256(convert_to('vakt-trail-v1' || chr(10) || vakt_trail_field(head_hash)"
             " || vakt_trail_field(next_seq::text) || vakt_trail_field(p_at) || vakt_trail_field(p_actor)"
             " || vakt_trail_field(p_action) || vakt_trail_field(p_entity) || vakt_trail_field(p_key)"
             " || vakt_trail_field(p_before) || vakt_trail_field(p_after), 'UTF8')), 'hex');\n"
             "  INSERT INTO trail (seq, at, actor, action, entity, entity_key, before_json, after_json, prev_hash, hash)"
             " VALUES (next_seq, p_at, p_actor, p_action, p_entity, coalesce(p_key, ''), NULLIF(p_before, ''), NULLIF(p_after, ''),"
             " head_hash, next_hash);\n"
             "  UPDATE trail_head SET seq = next_seq, hash = next_hash WHERE id = 1;\n"
             "  RETURN next_seq;\n"
             "END $$",
             // Vakt's own entries. A person's login that names another user is recorded with the
             // login it came through; the owner's connection (Vakt's users signing in to it, the
             // collector, the local operator) names its users as they are, since it could write
             // the trail anyway.
             "CREATE FUNCTION vakt_trail_record(p_at text, p_actor text, p_action text, p_entity text, p_key text, "
             "p_before text, p_after text) RETURNS bigint LANGUAGE sql SECURITY DEFINER SET search_path FROM CURRENT AS "
             "$$ SELECT vakt_trail_append(p_at, CASE WHEN p_actor = session_user::text"
             " OR pg_has_role(session_user, (SELECT relowner FROM pg_class WHERE oid = 'trail'::regclass), 'MEMBER') THEN p_actor"
             " ELSE p_actor || ' via ' || session_user::text END, p_action, p_entity, p_key, p_before, p_after) $$",
             // Every row change: the table, its key, the row before and after (hidden columns
             // masked, and marked when they changed), the login and the server's time.
             "CREATE FUNCTION vakt_trail_row() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$\n"
             "DECLARE before_row jsonb; after_row jsonb; row_key text; masked text;\n"
             "BEGIN\n"
             "  IF TG_OP <> 'INSERT' THEN before_row := to_jsonb(OLD); END IF;\n"
             "  IF TG_OP <> 'DELETE' THEN after_row := to_jsonb(NEW); END IF;\n"
             "  SELECT string_agg(coalesce(after_row, before_row) ->> k.name, '/' ORDER BY k.pos) INTO row_key"
             " FROM unnest(string_to_array(TG_ARGV[0], ',')) WITH ORDINALITY AS k(name, pos);\n"
             "  FOR i IN 1 .. TG_NARGS - 1 LOOP\n"
             "    masked := CASE WHEN TG_OP = 'UPDATE' AND (before_row -> TG_ARGV[i]) IS DISTINCT FROM (after_row -> TG_ARGV[i])"
             " THEN '\"(changed)\"' ELSE '\"(hidden)\"' END;\n"
             "    IF before_row IS NOT NULL THEN before_row := jsonb_set(before_row, ARRAY[TG_ARGV[i]], '\"(hidden)\"'); END IF;\n"
             "    IF after_row IS NOT NULL THEN after_row := jsonb_set(after_row, ARRAY[TG_ARGV[i]], masked::jsonb); END IF;\n"
             "  END LOOP;\n"
             "  PERFORM vakt_trail_append(to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'),"
             " session_user::text, 'row.' || lower(TG_OP), TG_TABLE_NAME::text, coalesce(row_key, ''), before_row::text,"
             " after_row::text);\n"
             "  RETURN NULL;\n"
             "END $$",
             // Who the server says this connection is: its Vakt role (membership of vakt_<role>),
             // the Vakt user of the same name, and whether it owns Vakt's tables (the operator).
             "CREATE FUNCTION vakt_login(OUT roles text, OUT display_name text, OUT active integer, OUT owner boolean) "
             "LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$"
             " SELECT (SELECT string_agg(substr(g.rolname, 6), ',' ORDER BY g.rolname) FROM pg_auth_members m"
             " JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles u ON u.oid = m.member"
             " WHERE u.rolname = session_user AND g.rolname LIKE 'vakt\\_%'),"
             " (SELECT u.display_name FROM users u WHERE u.username = session_user),"
             " (SELECT u.active FROM users u WHERE u.username = session_user),"
             " pg_has_role(session_user, (SELECT relowner FROM pg_class WHERE oid = 'trail'::regclass), 'MEMBER') $$",
             // A deactivated user's login is refused by the server too, however it connects.
             "CREATE FUNCTION vakt_user_login_follows() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER "
             "SET search_path FROM CURRENT AS $$\n"
             "BEGIN\n"
             "  IF NEW.active IS DISTINCT FROM OLD.active AND EXISTS (SELECT 1 FROM pg_auth_members m"
             " JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles u ON u.oid = m.member"
             " WHERE u.rolname = NEW.username AND g.rolname LIKE 'vakt\\_%') THEN\n"
             "    EXECUTE format('ALTER ROLE %I %s', NEW.username, CASE WHEN NEW.active = 0 THEN 'NOLOGIN' ELSE 'LOGIN' END);\n"
             "  END IF;\n"
             "  RETURN NULL;\n"
             "END $$",
             "CREATE TRIGGER users_login_follows AFTER UPDATE OF active ON users FOR EACH ROW EXECUTE FUNCTION vakt_user_login_follows()",
             // Run as the owner, they must find Vakt's own tables: with pg_temp last, a login's
             // temporary table named trail or trail_head cannot stand in for them.
             "DO $$ DECLARE f text; BEGIN FOREACH f IN ARRAY ARRAY['vakt_trail_append(text, text, text, text, text, text, text)',"
             " 'vakt_trail_record(text, text, text, text, text, text, text)', 'vakt_trail_row()', 'vakt_login()',"
             " 'vakt_user_login_follows()'] LOOP"
             " EXECUTE format('ALTER FUNCTION %s SET search_path = pg_catalog, %I, pg_temp', f, current_schema()); END LOOP; END $$",
             "REVOKE ALL ON FUNCTION vakt_trail_append(text, text, text, text, text, text, text) FROM PUBLIC",
             "REVOKE ALL ON FUNCTION vakt_trail_record(text, text, text, text, text, text, text) FROM PUBLIC",
             "REVOKE ALL ON FUNCTION vakt_trail_row() FROM PUBLIC",
             "REVOKE ALL ON FUNCTION vakt_login() FROM PUBLIC",
             "REVOKE ALL ON FUNCTION vakt_user_login_follows() FROM PUBLIC",
         }},
            },
            {
                // Bookkeeping every role reads; only the collector's and the demo's settings are written.
                {QStringLiteral("meta"), std::nullopt, {permission::MonitoringWrite}, QStringLiteral("key"), {}},
                {QStringLiteral("users"), permission::UserRead, {permission::UserAdmin}, QStringLiteral("username"),
                 {QStringLiteral("password_hash")}},
                // Written by the server's functions only.
                {QStringLiteral("trail"), permission::TrailRead, {}, {}, {}},
                {QStringLiteral("trail_head"), permission::TrailRead, {}, {}, {}},
            }};
}

}  // namespace vakt
