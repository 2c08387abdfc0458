#include "core/catalog_service.h"

namespace vakt {

namespace {
QVariant dateOrNull(const QDate& d) { return d.isValid() ? QVariant(d.toString(Qt::ISODate)) : QVariant(); }
QDate toDate(const QVariant& v) { return v.isNull() ? QDate() : QDate::fromString(v.toString(), Qt::ISODate); }
QVariant id(qint64 v) { return QVariant::fromValue<qint64>(v); }
}  // namespace

QDate newestDocumentDate(const QList<CatalogDocument>& documents, const QString& kind) {
    QDate newest;
    for (const auto& d : documents)
        if (d.kind == kind && d.date.isValid() && (!newest.isValid() || d.date > newest)) newest = d.date;
    return newest;
}

DocumentState documentAge(const QDate& newest, const QDate& today) {
    if (!newest.isValid()) return DocumentState::Missing;
    return newest < today.addMonths(-12) ? DocumentState::Outdated : DocumentState::Current;
}

DocumentState documentState(const QList<CatalogDocument>& documents, const QString& kind, const QDate& today) {
    return documentAge(newestDocumentDate(documents, kind), today);
}

bool documentsNeedFollowUp(const CatalogSummary& entry, const QDate& today) {
    return documentAge(entry.newestRos, today) != DocumentState::Current || documentAge(entry.newestDpia, today) != DocumentState::Current;
}

Result<QList<CatalogSummary>> CatalogService::list(const Session& who) {
    if (!who.allows(permission::CatalogRead)) return denied(who, permission::CatalogRead).error();
    const QString today = store_.clock().today().toString(Qt::ISODate);
    auto rows = store_.db().query(QStringLiteral(
        "SELECT e.key, e.name, e.kind, e.lifecycle, COALESCE(p.name, ''), e.established_year, e.last_reviewed,"
        " (SELECT COUNT(DISTINCT a.organisation_id) FROM agreements a WHERE a.entry_id = e.id AND a.since <= ?"
        "   AND (a.until IS NULL OR a.until >= ?)),"
        " (SELECT MAX(d.doc_date) FROM catalog_documents d WHERE d.entry_id = e.id AND d.kind = 'ros'),"
        " (SELECT MAX(d.doc_date) FROM catalog_documents d WHERE d.entry_id = e.id AND d.kind = 'dpia')"
        " FROM catalog_entries e LEFT JOIN people p ON p.id = e.product_owner_id ORDER BY e.name"),
        {today, today});
    if (!rows) return rows.error();
    QList<CatalogSummary> out;
    for (const auto& r : *rows) {
        CatalogSummary s;
        s.key = r.value(0).toString();
        s.name = r.value(1).toString();
        s.kind = r.value(2).toString();
        s.lifecycle = r.value(3).toString();
        s.productOwner = r.value(4).toString();
        s.establishedYear = r.value(5).toInt();
        s.lastReviewed = toDate(r.value(6));
        s.agreements = r.value(7).toInt();
        s.newestRos = toDate(r.value(8));
        s.newestDpia = toDate(r.value(9));
        out << s;
    }
    return out;
}

Result<std::optional<CatalogEntry>> CatalogService::get(const Session& who, const QString& key) {
    if (!who.allows(permission::CatalogRead)) return denied(who, permission::CatalogRead).error();
    return load(key);
}

Result<QList<CatalogEntry>> CatalogService::all(const Session& who) {
    if (!who.allows(permission::CatalogRead)) return denied(who, permission::CatalogRead).error();
    auto keys = store_.db().query(QStringLiteral("SELECT key FROM catalog_entries ORDER BY key"));
    if (!keys) return keys.error();
    QList<CatalogEntry> out;
    for (const auto& r : *keys) {
        auto e = load(r.value(0).toString());
        if (!e) return e.error();
        if (*e) out << **e;
    }
    return out;
}

Result<std::optional<CatalogEntry>> CatalogService::load(const QString& key) {
    Database& db = store_.db();
    auto rows = db.query(QStringLiteral(
        "SELECT e.id, e.key, e.name, e.kind, e.lifecycle, e.established_year, e.last_reviewed, e.goal, e.background,"
        " e.expected_use, e.description, e.special_terms, p.email"
        " FROM catalog_entries e LEFT JOIN people p ON p.id = e.product_owner_id WHERE e.key = ?"),
        {key});
    if (!rows) return rows.error();
    if (rows->empty()) return std::optional<CatalogEntry>();
    const auto& r = rows->front();
    const qint64 entryId = r.value(0).toLongLong();
    CatalogEntry e;
    e.key = r.value(1).toString();
    e.name = r.value(2).toString();
    e.kind = r.value(3).toString();
    e.lifecycle = r.value(4).toString();
    e.establishedYear = r.value(5).toInt();
    e.lastReviewed = toDate(r.value(6));
    e.goal = r.value(7).toString();
    e.background = r.value(8).toString();
    e.expectedUse = r.value(9).toString();
    e.description = r.value(10).toString();
    e.specialTerms = r.value(11).toString();
    e.productOwnerEmail = r.value(12).toString();

    auto deps = db.query(QStringLiteral("SELECT t.key FROM catalog_dependencies d JOIN catalog_entries t ON t.id = d.depends_on_id"
                                        " WHERE d.entry_id = ? ORDER BY d.position"),
                         {id(entryId)});
    if (!deps) return deps.error();
    for (const auto& d : *deps) e.dependsOn << d.value(0).toString();
    auto nats = db.query(QStringLiteral("SELECT o.name FROM catalog_national_components n JOIN organisations o ON o.id = n.organisation_id"
                                        " WHERE n.entry_id = ? ORDER BY n.position"),
                         {id(entryId)});
    if (!nats) return nats.error();
    for (const auto& n : *nats) e.nationalComponents << n.value(0).toString();
    auto roles = db.query(QStringLiteral("SELECT r.team, r.role, p.email FROM catalog_roles r JOIN people p ON p.id = r.person_id"
                                         " WHERE r.entry_id = ? ORDER BY r.position"),
                          {id(entryId)});
    if (!roles) return roles.error();
    for (const auto& x : *roles) e.roles << CatalogRole{x.value(0).toString(), x.value(1).toString(), x.value(2).toString()};
    auto docs = db.query(QStringLiteral("SELECT kind, title, version, doc_date, location FROM catalog_documents"
                                        " WHERE entry_id = ? ORDER BY position"),
                         {id(entryId)});
    if (!docs) return docs.error();
    for (const auto& x : *docs)
        e.documents << CatalogDocument{x.value(0).toString(), x.value(1).toString(), x.value(2).toString(),
                                       toDate(x.value(3)), x.value(4).toString()};
    return std::optional<CatalogEntry>(e);
}

Result<QStringList> CatalogService::usedBy(const Session& who, const QString& key) {
    if (!who.allows(permission::CatalogRead)) return denied(who, permission::CatalogRead).error();
    auto rows = store_.db().query(QStringLiteral(
        "SELECT s.key FROM catalog_dependencies d JOIN catalog_entries s ON s.id = d.entry_id"
        " JOIN catalog_entries t ON t.id = d.depends_on_id WHERE t.key = ? ORDER BY s.key"),
        {key});
    if (!rows) return rows.error();
    QStringList out;
    for (const auto& r : *rows) out << r.value(0).toString();
    return out;
}

Result<int> CatalogService::agreementCount(const Session& who, const QString& key) {
    if (!who.allows(permission::CatalogRead)) return denied(who, permission::CatalogRead).error();
    const QString today = store_.clock().today().toString(Qt::ISODate);
    auto rows = store_.db().query(QStringLiteral(
        "SELECT COUNT(DISTINCT a.organisation_id) FROM agreements a JOIN catalog_entries e ON e.id = a.entry_id"
        " WHERE e.key = ? AND a.since <= ? AND (a.until IS NULL OR a.until >= ?)"),
        {key, today, today});
    if (!rows) return rows.error();
    return rows->front().value(0).toInt();
}

Result<QList<Person>> CatalogService::people(const Session& who) {
    if (!who.allows(permission::CatalogRead)) return denied(who, permission::CatalogRead).error();
    auto rows = store_.db().query(QStringLiteral(
        "SELECT p.id, p.name, p.email, COALESCE(o.orgnr, ''), p.title, p.employment FROM people p"
        " LEFT JOIN organisations o ON o.id = p.organisation_id ORDER BY p.name"));
    if (!rows) return rows.error();
    QList<Person> out;
    for (const auto& r : *rows)
        out << Person{r.value(0).toLongLong(), r.value(1).toString(), r.value(2).toString(),
                      r.value(3).toString(), r.value(4).toString(), r.value(5).toString()};
    return out;
}

Result<QStringList> CatalogService::nationalComponents(const Session& who) {
    if (!who.allows(permission::CatalogRead)) return denied(who, permission::CatalogRead).error();
    auto rows = store_.db().query(QStringLiteral("SELECT name FROM organisations WHERE kind = ? ORDER BY name"),
                                  {OrgKind::NationalComponent});
    if (!rows) return rows.error();
    QStringList out;
    for (const auto& r : *rows) out << r.value(0).toString();
    return out;
}

Result<qint64> CatalogService::writeMain(const CatalogEntry& e) {
    Database& db = store_.db();
    QVariant owner;
    if (!e.productOwnerEmail.isEmpty()) {
        auto p = db.query(QStringLiteral("SELECT id FROM people WHERE email = ?"), {e.productOwnerEmail});
        if (!p) return p.error();
        if (p->empty()) return fail("field 'product_owner': no person with e-mail '" + e.productOwnerEmail.toStdString() + "'");
        owner = p->front().value(0);
    }
    const QVariantList values = {e.name, e.kind, e.lifecycle, e.establishedYear, dateOrNull(e.lastReviewed), e.goal,
                                 e.background, e.expectedUse, e.description, e.specialTerms, owner, e.key};
    auto existing = db.query(QStringLiteral("SELECT id FROM catalog_entries WHERE key = ?"), {e.key});
    if (!existing) return existing.error();
    if (!existing->empty()) {
        if (auto s = db.exec(QStringLiteral("UPDATE catalog_entries SET name = ?, kind = ?, lifecycle = ?, established_year = ?,"
                                            " last_reviewed = ?, goal = ?, background = ?, expected_use = ?, description = ?,"
                                            " special_terms = ?, product_owner_id = ? WHERE key = ?"),
                             values);
            !s)
            return s.error();
        return existing->front().value(0).toLongLong();
    }
    return db.insertReturningId(QStringLiteral("INSERT INTO catalog_entries (name, kind, lifecycle, established_year, last_reviewed,"
                                               " goal, background, expected_use, description, special_terms, product_owner_id, key)"
                                               " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"),
                                values);
}

Status CatalogService::writeRelations(qint64 entryId, const CatalogEntry& e) {
    Database& db = store_.db();
    for (const char* table : {"catalog_dependencies", "catalog_national_components", "catalog_roles", "catalog_documents"})
        if (auto s = db.exec(QStringLiteral("DELETE FROM %1 WHERE entry_id = ?").arg(QLatin1String(table)), {id(entryId)}); !s) return s;
    int position = 0;
    for (const auto& dep : e.dependsOn) {
        auto t = db.query(QStringLiteral("SELECT id FROM catalog_entries WHERE key = ?"), {dep});
        if (!t) return t.error();
        if (t->empty()) return fail("field 'depends_on': no catalogue entry with key '" + dep.toStdString() + "'");
        if (auto s = db.exec(QStringLiteral("INSERT INTO catalog_dependencies (entry_id, depends_on_id, position) VALUES (?, ?, ?)"),
                             {id(entryId), t->front().value(0), position++});
            !s)
            return s;
    }
    position = 0;
    for (const auto& name : e.nationalComponents) {
        auto o = db.query(QStringLiteral("SELECT id FROM organisations WHERE name = ? AND kind = ?"), {name, OrgKind::NationalComponent});
        if (!o) return o.error();
        if (o->empty()) return fail("field 'national_components': no national component named '" + name.toStdString() + "'");
        if (auto s = db.exec(QStringLiteral("INSERT INTO catalog_national_components (entry_id, organisation_id, position) VALUES (?, ?, ?)"),
                             {id(entryId), o->front().value(0), position++});
            !s)
            return fail("field 'national_components': '" + name.toStdString() + "' is listed twice");
    }
    position = 0;
    for (const auto& r : e.roles) {
        auto p = db.query(QStringLiteral("SELECT id FROM people WHERE email = ?"), {r.personEmail});
        if (!p) return p.error();
        if (p->empty()) return fail("field 'roles': no person with e-mail '" + r.personEmail.toStdString() + "'");
        if (auto s = db.exec(QStringLiteral("INSERT INTO catalog_roles (entry_id, team, role, person_id, position) VALUES (?, ?, ?, ?, ?)"),
                             {id(entryId), r.team, r.role, p->front().value(0), position++});
            !s)
            return s;
    }
    position = 0;
    for (const auto& d : e.documents)
        if (auto s = db.exec(QStringLiteral("INSERT INTO catalog_documents (entry_id, kind, title, version, doc_date, location, position)"
                                            " VALUES (?, ?, ?, ?, ?, ?, ?)"),
                             {id(entryId), d.kind, d.title, d.version, dateOrNull(d.date), d.location, position++});
            !s)
            return s;
    return {};
}

Status CatalogService::saveInTransaction(const Session& who, const CatalogEntry& entry, bool relationsLater) {
    if (auto s = validateCatalogEntry(entry); !s) return s;
    auto before = load(entry.key);
    if (!before) return before.error();
    if (*before && **before == entry) return {};
    auto entryId = writeMain(entry);
    if (!entryId) return entryId.error();
    if (!relationsLater)
        if (auto s = writeRelations(*entryId, entry); !s) return s;
    return store_.record(who, *before ? QStringLiteral("catalog.update") : QStringLiteral("catalog.create"),
                         QStringLiteral("catalog_entry"), entry.key,
                         *before ? catalogEntryToJson(**before) : QJsonObject(), catalogEntryToJson(entry));
}

Status CatalogService::save(const Session& who, const CatalogEntry& entry) {
    if (!who.allows(permission::CatalogWrite)) return denied(who, permission::CatalogWrite);
    Transaction tx(store_.db());
    if (!tx.started()) return tx.started();
    if (auto s = saveInTransaction(who, entry, false); !s) return fail("entry '" + entry.key.toStdString() + "': " + s.message());
    return tx.commit();
}

Status CatalogService::importEntries(const Session& who, const QList<ImportedEntry>& entries, const QString& fileName) {
    if (!who.allows(permission::CatalogWrite)) return denied(who, permission::CatalogWrite);
    auto where = [&](const ImportedEntry& i) {
        return fileName.toStdString() + ":" + std::to_string(i.line) + " (entry '" + i.entry.key.toStdString() + "'): ";
    };
    QSet<QString> seen;
    for (const auto& i : entries) {
        if (seen.contains(i.entry.key)) return fail(where(i) + "field 'key': appears more than once in the file");
        seen.insert(i.entry.key);
    }
    Transaction tx(store_.db());
    if (!tx.started()) return tx.started();
    // Main rows first, so an entry may depend on one that comes later in the file.
    for (const auto& i : entries)
        if (auto s = saveInTransaction(who, i.entry, true); !s) return fail(where(i) + s.message());
    for (const auto& i : entries) {
        auto rows = store_.db().query(QStringLiteral("SELECT id FROM catalog_entries WHERE key = ?"), {i.entry.key});
        if (!rows) return rows.error();
        if (auto s = writeRelations(rows->front().value(0).toLongLong(), i.entry); !s) return fail(where(i) + s.message());
    }
    return tx.commit();
}

}  // namespace vakt
