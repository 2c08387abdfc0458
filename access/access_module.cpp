// The privilege review's schema and permission rows.
#include "access/access_service.h"

namespace vakt::access {

ModuleSchema accessSchema() {
    return {QStringLiteral("access"),
            {
                {1,
                 QStringLiteral("privilege reviews: grant imports kept side by side, campaigns over immutable snapshots, decisions, revocations"),
                 {
                     "CREATE TABLE access_imports ("
                     " id {PK},"
                     " file_name TEXT NOT NULL,"
                     " sha256 TEXT NOT NULL,"
                     " format TEXT NOT NULL,"
                     " grants INTEGER NOT NULL,"
                     " added INTEGER NOT NULL,"
                     " removed INTEGER NOT NULL,"
                     " changed INTEGER NOT NULL,"
                     " content_sha256 TEXT NOT NULL,"
                     " revocations_checked INTEGER NOT NULL DEFAULT 0,"
                     " revocations_not_effective INTEGER NOT NULL DEFAULT 0,"
                     " imported_by TEXT NOT NULL,"
                     " imported_at TEXT NOT NULL)",
                     // Integers are BIGINT where rows arrive through COPY (binary) on PostgreSQL.
                     // One row per grant per import; proved by the import's content hash in the trail.
                     "CREATE TABLE access_grants ("
                     " import_id BIGINT NOT NULL REFERENCES access_imports (id),"
                     " line BIGINT NOT NULL,"
                     " grant_key TEXT NOT NULL,"
                     " holder_type TEXT NOT NULL,"
                     " holder_key TEXT NOT NULL,"
                     " holder_email TEXT NOT NULL,"
                     " holder_name TEXT NOT NULL,"
                     " orgnr TEXT NOT NULL,"
                     " service TEXT NOT NULL,"
                     " privilege TEXT NOT NULL,"
                     " detail TEXT NOT NULL,"
                     " service_area TEXT NOT NULL,"
                     " holder_area TEXT NOT NULL,"
                     " legal_basis TEXT NOT NULL,"
                     " confidential BIGINT NOT NULL,"
                     " scopes TEXT NOT NULL,"
                     " role TEXT NOT NULL,"
                     " leader_email TEXT NOT NULL,"
                     " granted_by TEXT NOT NULL,"
                     " granted_at TEXT NOT NULL,"
                     " first_import_id BIGINT NOT NULL,"
                     " first_role TEXT NOT NULL,"
                     " PRIMARY KEY (import_id, grant_key))",
                     "CREATE TABLE access_sod_rules ("
                     " id INTEGER PRIMARY KEY,"
                     " yaml TEXT NOT NULL,"
                     " set_by TEXT NOT NULL,"
                     " set_at TEXT NOT NULL)",
                     "CREATE TABLE access_campaigns ("
                     " id {PK},"
                     " name TEXT NOT NULL,"
                     " mode TEXT NOT NULL,"
                     " scope TEXT NOT NULL,"
                     " reviewers TEXT NOT NULL,"
                     " second_stage TEXT NOT NULL,"
                     " state TEXT NOT NULL,"
                     " owner TEXT NOT NULL,"
                     " owner_email TEXT NOT NULL,"
                     " created_at TEXT NOT NULL,"
                     " due TEXT NOT NULL,"
                     " reminder_days INTEGER NOT NULL,"
                     " unanswered TEXT NOT NULL,"
                     " two_stage INTEGER NOT NULL,"
                     " snapshot_import_id BIGINT NOT NULL REFERENCES access_imports (id),"
                     " snapshot_sha256 TEXT NOT NULL,"
                     " items INTEGER NOT NULL,"
                     " closed_at TEXT,"
                     " closed_by TEXT NOT NULL DEFAULT '',"
                     " attestation {BLOB},"
                     " attestation_sha256 TEXT NOT NULL DEFAULT '',"
                     " signature TEXT NOT NULL DEFAULT '')",
                     "CREATE TABLE access_items ("
                     " campaign_id BIGINT NOT NULL REFERENCES access_campaigns (id),"
                     " item_no BIGINT NOT NULL,"
                     " grant_key TEXT NOT NULL,"
                     " holder_type TEXT NOT NULL,"
                     " holder_key TEXT NOT NULL,"
                     " holder_email TEXT NOT NULL,"
                     " holder_name TEXT NOT NULL,"
                     " orgnr TEXT NOT NULL,"
                     " service TEXT NOT NULL,"
                     " privilege TEXT NOT NULL,"
                     " detail TEXT NOT NULL,"
                     " service_area TEXT NOT NULL,"
                     " holder_area TEXT NOT NULL,"
                     " legal_basis TEXT NOT NULL,"
                     " confidential BIGINT NOT NULL,"
                     " scopes TEXT NOT NULL,"
                     " role TEXT NOT NULL,"
                     " leader_email TEXT NOT NULL,"
                     " granted_by TEXT NOT NULL,"
                     " granted_at TEXT NOT NULL,"
                     " flags BIGINT NOT NULL,"
                     " sod_rules TEXT NOT NULL,"
                     " peer_count BIGINT NOT NULL,"
                     " peers_holding BIGINT NOT NULL,"
                     " last_use_ms BIGINT,"
                     " usage_known BIGINT NOT NULL,"
                     " reviewer TEXT NOT NULL,"
                     " second_reviewer TEXT NOT NULL,"
                     " stage BIGINT NOT NULL DEFAULT 1,"
                     " PRIMARY KEY (campaign_id, item_no))",
                     "CREATE INDEX access_items_reviewer ON access_items (campaign_id, reviewer)",
                     // Every decision is a row of its own, so a changed mind and a second stage keep their history.
                     "CREATE TABLE access_decisions ("
                     " id {PK},"
                     " campaign_id BIGINT NOT NULL REFERENCES access_campaigns (id),"
                     " item_no INTEGER NOT NULL,"
                     " stage INTEGER NOT NULL,"
                     " decision TEXT NOT NULL,"
                     " reduce_to TEXT NOT NULL DEFAULT '',"
                     " delegated_to TEXT NOT NULL DEFAULT '',"
                     " justification TEXT NOT NULL DEFAULT '',"
                     " decided_by TEXT NOT NULL,"
                     " decided_email TEXT NOT NULL,"
                     " decided_at TEXT NOT NULL)",
                     "CREATE INDEX access_decisions_item ON access_decisions (campaign_id, item_no, id)",
                     "CREATE TABLE access_revocations ("
                     " campaign_id BIGINT NOT NULL REFERENCES access_campaigns (id),"
                     " item_no INTEGER NOT NULL,"
                     " action TEXT NOT NULL,"
                     " reduce_to TEXT NOT NULL DEFAULT '',"
                     " grant_key TEXT NOT NULL,"
                     " checked_import_id BIGINT,"
                     " effective INTEGER,"
                     " PRIMARY KEY (campaign_id, item_no))",
                 },
                 {},
                 // On the server each reviewer connects with a login of their own, and the rows
                 // themselves say who may see and decide them (row-level security): a leader with
                 // psql reads only the items assigned or delegated to them and records a decision
                 // only on such an item, never on their own grant nor in a closed campaign, and
                 // changes no decision once made. The table's owner (Vakt's migrations, the demo
                 // and tests connecting as it) is not bound by the policies.
                 {
                     // A reviewer's own person e-mail, which their role may not read from the users table.
                     "CREATE FUNCTION vakt_person_email() RETURNS text LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$"
                     " SELECT lower(u.person_email) FROM users u WHERE u.username = session_user $$",
                     "CREATE FUNCTION vakt_access_sees_all() RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$"
                     " SELECT EXISTS (SELECT 1 FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles u ON u.oid = m.member"
                     " WHERE u.rolname = session_user AND g.rolname IN ('vakt_sikkerhetsansvarlig', 'vakt_revisor')) $$",
                     // Whether the session's person reviews the item now: assigned, or delegated to them.
                     "CREATE FUNCTION vakt_access_mine(c bigint, i bigint) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$"
                     " SELECT vakt_person_email() IS NOT NULL AND (EXISTS (SELECT 1 FROM access_items it WHERE it.campaign_id = c AND it.item_no = i"
                     " AND vakt_person_email() IN (it.reviewer, it.second_reviewer))"
                     " OR EXISTS (SELECT 1 FROM access_decisions d WHERE d.campaign_id = c AND d.item_no = i AND d.delegated_to = vakt_person_email())) $$",
                     "CREATE FUNCTION vakt_access_may_decide(c bigint, i bigint) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$"
                     " SELECT vakt_access_mine(c, i)"
                     " AND EXISTS (SELECT 1 FROM access_campaigns k WHERE k.id = c AND k.state = 'open')"
                     " AND NOT EXISTS (SELECT 1 FROM access_items it WHERE it.campaign_id = c AND it.item_no = i AND it.holder_email = vakt_person_email()) $$",
                     "ALTER TABLE access_items ENABLE ROW LEVEL SECURITY",
                     "ALTER TABLE access_decisions ENABLE ROW LEVEL SECURITY",
                     "CREATE POLICY access_items_read ON access_items FOR SELECT USING (vakt_access_sees_all() OR vakt_access_mine(campaign_id, item_no))",
                     "CREATE POLICY access_items_manage ON access_items FOR ALL USING (vakt_access_sees_all()) WITH CHECK (vakt_access_sees_all())",
                     "CREATE POLICY access_decisions_read ON access_decisions FOR SELECT USING (vakt_access_sees_all() OR vakt_access_mine(campaign_id, item_no))",
                     "CREATE POLICY access_decisions_add ON access_decisions FOR INSERT WITH CHECK (vakt_access_sees_all()"
                     " OR (decided_email = vakt_person_email() AND vakt_access_may_decide(campaign_id, item_no)))",
                 }},
            },
            {
                {QStringLiteral("access_imports"), permission::AccessReadAll, {permission::AccessManage}, QStringLiteral("id"), {}},
                {QStringLiteral("access_grants"), permission::AccessReadAll, {permission::AccessManage}, QString(), {}},
                {QStringLiteral("access_sod_rules"), permission::AccessReadAll, {permission::AccessManage}, QStringLiteral("id"), {}},
                {QStringLiteral("access_campaigns"), permission::AccessRead, {permission::AccessManage}, QStringLiteral("id"), {}},
                {QStringLiteral("access_items"), permission::AccessRead, {permission::AccessManage}, QStringLiteral("campaign_id,item_no"), {}},
                {QStringLiteral("access_decisions"), permission::AccessRead, {permission::AccessReview}, QStringLiteral("id"), {}},
                {QStringLiteral("access_revocations"), permission::AccessRead, {permission::AccessManage}, QStringLiteral("campaign_id,item_no"), {}},
            }};
}

void registerAccessModule() {
    registerSchema(accessSchema());
    using R = Role;
    registerPermissions({
        // Leaders and product owners review the grants of their people and services.
        {permission::AccessRead, {R::Sikkerhetsansvarlig, R::Produktansvarlig, R::Leder, R::Revisor}},
        {permission::AccessReadAll, {R::Sikkerhetsansvarlig, R::Revisor}},
        {permission::AccessReview, {R::Sikkerhetsansvarlig, R::Produktansvarlig, R::Leder}},
        {permission::AccessManage, {R::Sikkerhetsansvarlig}},
    });
}

}  // namespace vakt::access
