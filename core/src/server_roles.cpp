#include "core/server_roles.h"

#include <algorithm>

namespace vakt {

QString serverRoleName(Role role) { return QStringLiteral("vakt_") + roleCode(role); }

QString quoteIdentifier(const QString& name) {
    QString quoted = name;
    quoted.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

TableGrant tableGrant(const TableAccess& access, Role role) {
    TableGrant g;
    g.read = !access.read || roleAllows(role, *access.read);
    g.write = std::any_of(access.write.begin(), access.write.end(), [&](Permission p) { return roleAllows(role, p); });
    return g;
}

std::vector<TableAccess> registeredTables() {
    std::vector<TableAccess> all;
    for (const auto& schema : registeredSchemas()) all.insert(all.end(), schema.tables.begin(), schema.tables.end());
    return all;
}

namespace {

QString literal(const QString& text) {
    QString quoted = text;
    quoted.replace(QLatin1Char('\''), QLatin1String("''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

Status createMissingGroupRoles(Database& db) {
    auto existing = db.query(QStringLiteral("SELECT rolname FROM pg_roles WHERE rolname LIKE 'vakt\\_%'"));
    if (!existing) return existing.error();
    QStringList have;
    for (const auto& r : *existing) have << r.value(0).toString();
    for (Role role : allRoles()) {
        const QString name = serverRoleName(role);
        if (have.contains(name)) continue;
        // Another database on the same server may create it at the same moment.
        auto s = db.exec(QStringLiteral("DO $$ BEGIN CREATE ROLE %1 NOLOGIN; "
                                        "EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$")
                             .arg(name));
        if (!s)
            return fail("cannot create the server role " + name.toStdString() + " (" + s.message() +
                        "); the login that owns Vakt's tables needs CREATEROLE, or a superuser creates the roles once: "
                        "CREATE ROLE " + name.toStdString() + " NOLOGIN");
    }
    return {};
}

Result<QStringList> columnsOf(Database& db, const QString& table) {
    auto rows = db.query(QStringLiteral("SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() "
                                        "AND table_name = ? ORDER BY ordinal_position"),
                         {table});
    if (!rows) return rows.error();
    QStringList out;
    for (const auto& r : *rows) out << r.value(0).toString();
    return out;
}

Status grantTable(Database& db, const TableAccess& access) {
    const QString table = quoteIdentifier(access.table);
    QString selectable = QStringLiteral("SELECT");
    if (!access.hidden.isEmpty()) {
        auto columns = columnsOf(db, access.table);
        if (!columns) return columns.error();
        QStringList shown;
        for (const auto& c : *columns)
            if (!access.hidden.contains(c)) shown << quoteIdentifier(c);
        selectable = QStringLiteral("SELECT (%1)").arg(shown.join(QStringLiteral(", ")));
    }
    for (Role role : allRoles()) {
        const TableGrant g = tableGrant(access, role);
        const QString to = serverRoleName(role);
        if (g.read)
            if (auto s = db.exec(QStringLiteral("GRANT %1 ON %2 TO %3").arg(selectable, table, to)); !s) return s;
        // No TRUNCATE: it would empty a table without a row trigger firing.
        if (g.write)
            if (auto s = db.exec(QStringLiteral("GRANT INSERT, UPDATE, DELETE ON %1 TO %2").arg(table, to)); !s) return s;
    }
    if (access.trailKey.isEmpty()) return db.exec(QStringLiteral("DROP TRIGGER IF EXISTS vakt_trail ON %1").arg(table));
    QStringList arguments{literal(access.trailKey)};
    for (const auto& h : access.hidden) arguments << literal(h);
    return db.exec(QStringLiteral("CREATE OR REPLACE TRIGGER vakt_trail AFTER INSERT OR UPDATE OR DELETE ON %1 "
                                  "FOR EACH ROW EXECUTE FUNCTION vakt_trail_row(%2)")
                       .arg(table, arguments.join(QStringLiteral(", "))));
}

}  // namespace

Status syncServerRoles(Database& db) {
    if (db.engine() != Engine::Postgres) return {};
    Transaction tx(db);
    if (!tx.started()) return tx.started();
    if (auto s = createMissingGroupRoles(db); !s) return s;
    auto schema = db.query(QStringLiteral("SELECT current_schema()"));
    if (!schema) return schema.error();
    const QString inSchema = quoteIdentifier(schema->front().value(0).toString());
    for (Role role : allRoles()) {
        const QString r = serverRoleName(role);
        for (QString sql : {
                 QStringLiteral("REVOKE ALL ON ALL TABLES IN SCHEMA {schema} FROM {role}"),
                 QStringLiteral("REVOKE ALL ON ALL SEQUENCES IN SCHEMA {schema} FROM {role}"),
                 QStringLiteral("GRANT USAGE ON SCHEMA {schema} TO {role}"),
                 // Every role's own actions are recorded (searches too), through the server.
                 QStringLiteral("GRANT EXECUTE ON FUNCTION vakt_trail_record(text, text, text, text, text, text, text) TO {role}"),
             }) {
            sql.replace(QLatin1String("{schema}"), inSchema).replace(QLatin1String("{role}"), r);
            if (auto s = db.exec(sql); !s) return s;
        }
    }
    // No login creates objects beside Vakt's (PostgreSQL 15's default; older servers granted it).
    for (const QString& sql : {QStringLiteral("REVOKE CREATE ON SCHEMA %1 FROM PUBLIC").arg(inSchema),
                               QStringLiteral("GRANT SELECT ON schema_versions TO PUBLIC"),
                               QStringLiteral("GRANT EXECUTE ON FUNCTION vakt_login() TO PUBLIC")})
        if (auto s = db.exec(sql); !s) return s;
    for (const auto& access : registeredTables()) {
        auto present = db.query(QStringLiteral("SELECT to_regclass(?) IS NOT NULL"), {access.table});
        if (!present) return present.error();
        if (!present->front().value(0).toBool()) continue;  // a table a later migration dropped
        if (auto s = grantTable(db, access); !s) return fail("grants on " + access.table.toStdString() + ": " + s.message());
    }
    return tx.commit();
}

}  // namespace vakt
