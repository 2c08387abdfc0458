#include "core/organisation_service.h"

#include <QJsonArray>
#include <QRegularExpression>

#include "core/base/norway.h"

namespace vakt {

namespace {
QVariant orNull(const QString& s) { return s.isEmpty() ? QVariant() : QVariant(s); }
QJsonObject toJson(const Organisation& o) {
    QJsonObject j{{"kind", o.kind}, {"name", o.name}, {"orgnr", o.orgnr}};
    if (!o.kommunenummer.isEmpty()) j["kommunenummer"] = o.kommunenummer;
    if (!o.fylkesnummer.isEmpty()) j["fylkesnummer"] = o.fylkesnummer;
    if (o.population) j["population"] = o.population;
    if (!o.parentOrgnr.isEmpty()) j["parent"] = o.parentOrgnr;
    return j;
}
}  // namespace

Result<qint64> OrganisationService::organisationId(const QString& orgnr, const char* field) {
    auto rows = store_.db().query(QStringLiteral("SELECT id FROM organisations WHERE orgnr = ?"), {orgnr});
    if (!rows) return rows.error();
    if (rows->empty()) return fail(std::string("field '") + field + "': no organisation with number " + orgnr.toStdString());
    return rows->front().value(0).toLongLong();
}

Status OrganisationService::saveOrganisation(const Session& who, const Organisation& o) {
    if (!who.allows(permission::OrganisationWrite)) return denied(who, permission::OrganisationWrite);
    if (!OrgKind::all().contains(o.kind)) return fail("field 'kind': '" + o.kind.toStdString() + "' is not an organisation kind");
    if (o.name.trimmed().isEmpty()) return fail("field 'name': must not be empty");
    if (!norway::isValidOrgnr(o.orgnr.toStdString()))
        return fail("field 'orgnr': '" + o.orgnr.toStdString() + "' is not a valid organisation number (9 digits, modulo-11 check)");
    if (!o.kommunenummer.isEmpty() && !norway::isValidKommunenummer(o.kommunenummer.toStdString()))
        return fail("field 'kommunenummer': '" + o.kommunenummer.toStdString() + "' must be 4 digits");
    Transaction tx(store_.db());
    if (!tx.started()) return tx.started();
    QVariant parent;
    if (!o.parentOrgnr.isEmpty()) {
        auto p = organisationId(o.parentOrgnr, "parent");
        if (!p) return p.error();
        parent = QVariant::fromValue<qint64>(*p);
    }
    auto existing = store_.db().query(QStringLiteral("SELECT kind, name, orgnr, COALESCE(kommunenummer, ''), COALESCE(fylkesnummer, ''),"
                                                     " population, COALESCE((SELECT orgnr FROM organisations p WHERE p.id = o.parent_id), '')"
                                                     " FROM organisations o WHERE orgnr = ?"),
                                      {o.orgnr});
    if (!existing) return existing.error();
    const QVariantList values = {o.kind, o.name, orNull(o.kommunenummer), orNull(o.fylkesnummer), QVariant::fromValue<qint64>(o.population),
                                 parent, o.orgnr};
    QJsonObject before;
    if (existing->empty()) {
        if (auto s = store_.db().exec(QStringLiteral("INSERT INTO organisations (kind, name, kommunenummer, fylkesnummer, population, parent_id, orgnr)"
                                                     " VALUES (?, ?, ?, ?, ?, ?, ?)"),
                                      values);
            !s)
            return s;
    } else {
        const auto& r = existing->front();
        Organisation old{0, r.value(0).toString(), r.value(1).toString(), r.value(2).toString(), r.value(3).toString(),
                         r.value(4).toString(), r.value(5).toLongLong(), r.value(6).toString()};
        before = toJson(old);
        if (before == toJson(o)) return {};
        if (auto s = store_.db().exec(QStringLiteral("UPDATE organisations SET kind = ?, name = ?, kommunenummer = ?, fylkesnummer = ?,"
                                                     " population = ?, parent_id = ? WHERE orgnr = ?"),
                                      values);
            !s)
            return s;
    }
    if (auto s = store_.record(who, before.isEmpty() ? QStringLiteral("organisation.create") : QStringLiteral("organisation.update"),
                               QStringLiteral("organisation"), o.orgnr, before, toJson(o));
        !s)
        return s;
    return tx.commit();
}

Status OrganisationService::saveFylke(const Session& who, const QString& number, const QString& name) {
    if (!who.allows(permission::OrganisationWrite)) return denied(who, permission::OrganisationWrite);
    static const QRegularExpression twoDigits(QStringLiteral("^[0-9]{2}$"));
    if (!twoDigits.match(number).hasMatch()) return fail("field 'number': '" + number.toStdString() + "' must be two digits");
    if (name.trimmed().isEmpty()) return fail("field 'name': must not be empty");
    Transaction tx(store_.db());
    if (!tx.started()) return tx.started();
    auto existing = store_.db().query(QStringLiteral("SELECT name FROM fylker WHERE number = ?"), {number});
    if (!existing) return existing.error();
    QJsonObject before;
    if (!existing->empty()) {
        if (existing->front().value(0).toString() == name) return {};
        before = QJsonObject{{"number", number}, {"name", existing->front().value(0).toString()}};
    }
    if (auto s = store_.db().exec(QStringLiteral("INSERT INTO fylker (number, name) VALUES (?, ?) ON CONFLICT (number) DO UPDATE SET name = excluded.name"),
                                  {number, name});
        !s)
        return s;
    if (auto s = store_.record(who, before.isEmpty() ? QStringLiteral("fylke.create") : QStringLiteral("fylke.update"), QStringLiteral("fylke"),
                               number, before, QJsonObject{{"number", number}, {"name", name}});
        !s)
        return s;
    return tx.commit();
}

Result<QList<std::pair<QString, QString>>> OrganisationService::fylker(const Session& who) {
    if (!who.allows(permission::CatalogRead)) return denied(who, permission::CatalogRead).error();
    auto rows = store_.db().query(QStringLiteral("SELECT number, name FROM fylker ORDER BY number"));
    if (!rows) return rows.error();
    QList<std::pair<QString, QString>> out;
    for (const auto& r : *rows) out.append({r.value(0).toString(), r.value(1).toString()});
    return out;
}

Status OrganisationService::savePerson(const Session& who, const Person& p) {
    if (!who.allows(permission::OrganisationWrite)) return denied(who, permission::OrganisationWrite);
    if (p.name.trimmed().isEmpty()) return fail("field 'name': must not be empty");
    if (!p.email.contains('@')) return fail("field 'email': '" + p.email.toStdString() + "' is not an e-mail address");
    if (!Employment::all().contains(p.employment)) return fail("field 'employment': '" + p.employment.toStdString() + "' is not a status");
    Transaction tx(store_.db());
    if (!tx.started()) return tx.started();
    QVariant org;
    if (!p.orgnr.isEmpty()) {
        auto id = organisationId(p.orgnr, "organisation");
        if (!id) return id.error();
        org = QVariant::fromValue<qint64>(*id);
    }
    auto existing = store_.db().query(QStringLiteral("SELECT name, title, employment FROM people WHERE email = ?"), {p.email});
    if (!existing) return existing.error();
    const QJsonObject after{{"name", p.name}, {"email", p.email}, {"organisation", p.orgnr}, {"title", p.title}, {"employment", p.employment}};
    QJsonObject before;
    if (existing->empty()) {
        if (auto s = store_.db().exec(QStringLiteral("INSERT INTO people (name, email, organisation_id, title, employment) VALUES (?, ?, ?, ?, ?)"),
                                      {p.name, p.email, org, p.title, p.employment});
            !s)
            return s;
    } else {
        const auto& r = existing->front();
        before = QJsonObject{{"name", r.value(0).toString()}, {"email", p.email}, {"title", r.value(1).toString()},
                             {"employment", r.value(2).toString()}};
        if (auto s = store_.db().exec(QStringLiteral("UPDATE people SET name = ?, organisation_id = ?, title = ?, employment = ? WHERE email = ?"),
                                      {p.name, org, p.title, p.employment, p.email});
            !s)
            return s;
    }
    if (auto s = store_.record(who, before.isEmpty() ? QStringLiteral("person.create") : QStringLiteral("person.update"),
                               QStringLiteral("person"), p.email, before, after);
        !s)
        return s;
    return tx.commit();
}

Status OrganisationService::addAgreement(const Session& who, const Agreement& a) {
    if (!who.allows(permission::OrganisationWrite)) return denied(who, permission::OrganisationWrite);
    if (!a.since.isValid()) return fail("field 'since': a start date is required");
    if (a.until.isValid() && a.until < a.since) return fail("field 'until': ends before it starts");
    Transaction tx(store_.db());
    if (!tx.started()) return tx.started();
    auto org = organisationId(a.orgnr, "organisation");
    if (!org) return org.error();
    auto entry = store_.db().query(QStringLiteral("SELECT id FROM catalog_entries WHERE key = ?"), {a.serviceKey});
    if (!entry) return entry.error();
    if (entry->empty()) return fail("field 'service': no catalogue entry with key '" + a.serviceKey.toStdString() + "'");
    const QString since = a.since.toString(Qt::ISODate);
    if (auto s = store_.db().exec(QStringLiteral("INSERT INTO agreements (organisation_id, entry_id, since, until, annex_version) VALUES (?, ?, ?, ?, ?)"),
                                  {QVariant::fromValue<qint64>(*org), entry->front().value(0), since,
                                   a.until.isValid() ? QVariant(a.until.toString(Qt::ISODate)) : QVariant(), a.annexVersion});
        !s)
        return fail("agreement " + a.orgnr.toStdString() + "/" + a.serviceKey.toStdString() + " from " + since.toStdString() + ": " + s.message());
    QJsonObject after{{"organisation", a.orgnr}, {"service", a.serviceKey}, {"since", since}, {"annex_version", a.annexVersion}};
    if (a.until.isValid()) after["until"] = a.until.toString(Qt::ISODate);
    if (auto s = store_.record(who, QStringLiteral("agreement.create"), QStringLiteral("agreement"),
                               a.orgnr + QLatin1Char('/') + a.serviceKey + QLatin1Char('/') + since, {}, after);
        !s)
        return s;
    return tx.commit();
}

Status OrganisationService::addVendorSystem(const Session& who, const VendorSystem& v) {
    if (!who.allows(permission::OrganisationWrite)) return denied(who, permission::OrganisationWrite);
    if (v.name.trimmed().isEmpty()) return fail("field 'name': must not be empty");
    Transaction tx(store_.db());
    if (!tx.started()) return tx.started();
    auto vendor = organisationId(v.vendorOrgnr, "vendor");
    if (!vendor) return vendor.error();
    auto systemId = store_.db().insertReturningId(QStringLiteral("INSERT INTO vendor_systems (vendor_id, name, category) VALUES (?, ?, ?) RETURNING id"),
                                                  {QVariant::fromValue<qint64>(*vendor), v.name, v.category});
    if (!systemId) return fail("vendor system '" + v.name.toStdString() + "': " + systemId.message());
    for (const auto& key : v.integratesWith) {
        auto entry = store_.db().query(QStringLiteral("SELECT id FROM catalog_entries WHERE key = ?"), {key});
        if (!entry) return entry.error();
        if (entry->empty()) return fail("field 'integrates_with': no catalogue entry with key '" + key.toStdString() + "'");
        if (auto s = store_.db().exec(QStringLiteral("INSERT INTO vendor_system_integrations (system_id, entry_id) VALUES (?, ?)"),
                                      {QVariant::fromValue<qint64>(*systemId), entry->front().value(0)});
            !s)
            return s;
    }
    const QJsonObject after{{"vendor", v.vendorOrgnr}, {"name", v.name}, {"category", v.category},
                            {"integrates_with", QJsonArray::fromStringList(v.integratesWith)}};
    if (auto s = store_.record(who, QStringLiteral("vendor_system.create"), QStringLiteral("vendor_system"),
                               v.vendorOrgnr + QLatin1Char('/') + v.name, {}, after);
        !s)
        return s;
    return tx.commit();
}

Result<QList<Organisation>> OrganisationService::organisations(const Session& who, const QString& kind) {
    if (!who.allows(permission::CatalogRead)) return denied(who, permission::CatalogRead).error();
    QString sql = QStringLiteral("SELECT o.id, o.kind, o.name, o.orgnr, COALESCE(o.kommunenummer, ''), COALESCE(o.fylkesnummer, ''),"
                                 " o.population, COALESCE(p.orgnr, '') FROM organisations o LEFT JOIN organisations p ON p.id = o.parent_id");
    QVariantList binds;
    if (!kind.isEmpty()) {
        sql += QStringLiteral(" WHERE o.kind = ?");
        binds << kind;
    }
    sql += QStringLiteral(" ORDER BY o.name");
    auto rows = store_.db().query(sql, binds);
    if (!rows) return rows.error();
    QList<Organisation> out;
    for (const auto& r : *rows)
        out << Organisation{r.value(0).toLongLong(), r.value(1).toString(), r.value(2).toString(), r.value(3).toString(),
                            r.value(4).toString(), r.value(5).toString(), r.value(6).toLongLong(), r.value(7).toString()};
    return out;
}

Result<QList<Agreement>> OrganisationService::agreements(const Session& who) {
    if (!who.allows(permission::CatalogRead)) return denied(who, permission::CatalogRead).error();
    const QString today = store_.clock().today().toString(Qt::ISODate);
    auto rows = store_.db().query(QStringLiteral("SELECT o.orgnr, e.key, a.since, COALESCE(a.until, ''), a.annex_version FROM agreements a"
                                                 " JOIN organisations o ON o.id = a.organisation_id JOIN catalog_entries e ON e.id = a.entry_id"
                                                 " WHERE a.since <= ? AND (a.until IS NULL OR a.until >= ?) ORDER BY o.orgnr, e.key"),
                                  {today, today});
    if (!rows) return rows.error();
    QList<Agreement> out;
    for (const auto& r : *rows)
        out << Agreement{r.value(0).toString(), r.value(1).toString(), QDate::fromString(r.value(2).toString(), Qt::ISODate),
                         QDate::fromString(r.value(3).toString(), Qt::ISODate), r.value(4).toString()};
    return out;
}

Result<QList<VendorSystem>> OrganisationService::vendorSystems(const Session& who) {
    if (!who.allows(permission::CatalogRead)) return denied(who, permission::CatalogRead).error();
    auto rows = store_.db().query(QStringLiteral("SELECT s.id, o.orgnr, s.name, s.category, COALESCE(e.key, '') FROM vendor_systems s"
                                                 " JOIN organisations o ON o.id = s.vendor_id"
                                                 " LEFT JOIN vendor_system_integrations i ON i.system_id = s.id"
                                                 " LEFT JOIN catalog_entries e ON e.id = i.entry_id ORDER BY o.orgnr, s.name, e.key"));
    if (!rows) return rows.error();
    QList<VendorSystem> out;
    qint64 previous = -1;
    for (const auto& r : *rows) {
        if (r.value(0).toLongLong() != previous) {
            out << VendorSystem{r.value(1).toString(), r.value(2).toString(), r.value(3).toString(), {}};
            previous = r.value(0).toLongLong();
        }
        if (!r.value(4).toString().isEmpty()) out.back().integratesWith << r.value(4).toString();
    }
    return out;
}

Result<OrganisationService::Counts> OrganisationService::counts(const Session& who) {
    if (!who.allows(permission::CatalogRead)) return denied(who, permission::CatalogRead).error();
    auto rows = store_.db().query(QStringLiteral("SELECT (SELECT COUNT(*) FROM organisations), (SELECT COUNT(*) FROM people),"
                                                 " (SELECT COUNT(*) FROM agreements), (SELECT COUNT(*) FROM vendor_systems)"));
    if (!rows) return rows.error();
    const auto& r = rows->front();
    return Counts{r.value(0).toInt(), r.value(1).toInt(), r.value(2).toInt(), r.value(3).toInt()};
}

}  // namespace vakt
