// Catalogue imports with their differences, assessments with their history, SoA decisions.
#include "nsm/nsm_service.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlRecord>
#include <algorithm>

#include "core/base/crypto.h"
#include "core/catalog_service.h"
#include "core/civil_time.h"
#include "core/domain.h"
#include "core/field_checks.h"
#include "core/organisation_service.h"
#include "core/stored_time.h"

namespace vakt::nsm {

namespace {
using stored::fromIso;
using stored::iso;

constexpr qsizetype kMaxFileName = 260, kMaxJustification = 4000;

QString q(const std::string& text) { return QString::fromStdString(text); }
std::string s(const QString& text) { return text.toStdString(); }
std::string trimmed(const std::string& text) { return q(text).trimmed().toStdString(); }

// An error's text shows at most this much of what was given.
std::string shown(const QString& text) { return s(text.left(80)); }

QString joinIds(const std::vector<std::string>& ids) {
    QStringList out;
    for (const auto& id : ids) out << q(id);
    return out.join(QLatin1Char(','));
}

std::vector<std::string> splitIds(const QString& text) {
    std::vector<std::string> out;
    for (const auto& part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) out.push_back(s(part.trimmed()));
    return out;
}

QString evidenceJson(const std::vector<EvidenceLink>& links) {
    QJsonArray arr;
    for (const auto& e : links) arr.append(QJsonObject{{"kind", q(e.kind)}, {"id", q(e.id)}});
    return QString::fromUtf8(QJsonDocument(arr).toJson(QJsonDocument::Compact));
}

std::vector<EvidenceLink> evidenceFrom(const QString& text) {
    std::vector<EvidenceLink> out;
    for (const auto& v : QJsonDocument::fromJson(text.toUtf8()).array()) {
        const QJsonObject o = v.toObject();
        out.push_back(EvidenceLink{s(o.value(QStringLiteral("kind")).toString()), s(o.value(QStringLiteral("id")).toString())});
    }
    return out;
}

QString code(std::string_view c) { return QString::fromLatin1(c.data(), static_cast<qsizetype>(c.size())); }

ControlStatus statusFromCode(const QString& text) {
    for (ControlStatus st : {ControlStatus::NotImplemented, ControlStatus::Partial, ControlStatus::Implemented})
        if (text == code(controlStatusCode(st))) return st;
    return ControlStatus::Unknown;
}

QJsonObject decisionJson(const SoaDecision& d) {
    return QJsonObject{{"applicable", d.applicable}, {"justification", q(d.justification)}, {"status", code(controlStatusCode(d.status))}};
}

CatalogueInfo infoFromRow(const QSqlRecord& r) {
    CatalogueInfo c;
    c.version = r.value(0).toString();
    c.fileName = r.value(1).toString();
    c.sha256 = r.value(2).toString();
    c.measures = r.value(3).toInt();
    c.importedBy = r.value(4).toString();
    c.importedAt = fromIso(r.value(5));
    return c;
}

QString versionList(const std::vector<CatalogueInfo>& all) {
    QStringList out;
    for (const auto& c : all) out << c.version;
    return out.isEmpty() ? QStringLiteral("none") : out.join(QStringLiteral(", "));
}

const QString kAssessmentSelect = QStringLiteral(
    "SELECT id, catalogue_version, subject, scope_kind, scope_key, scale, level, target, not_applicable, justification, rationale, evidence,"
    " assessor, assessed_on, next_review, recorded_by, recorded_at FROM nsm_assessments");

StoredAssessment assessmentFromRow(const QSqlRecord& r) {
    StoredAssessment out;
    out.id = r.value(0).toLongLong();
    out.catalogueVersion = r.value(1).toString();
    Assessment& a = out.assessment;
    a.subject = s(r.value(2).toString());
    AssessmentScope::Kind kind = AssessmentScope::Kind::Department;
    (void)scopeKindFromCode(s(r.value(3).toString()), kind);
    a.scope.kind = kind;
    a.scope.key = s(r.value(4).toString());
    a.scale = s(r.value(5).toString());
    a.level = s(r.value(6).toString());
    a.target = s(r.value(7).toString());
    a.notApplicable = r.value(8).toInt() != 0;
    a.justification = s(r.value(9).toString());
    a.rationale = s(r.value(10).toString());
    a.evidence = evidenceFrom(r.value(11).toString());
    a.assessor = s(r.value(12).toString());
    a.date = s(r.value(13).toString());
    a.nextReview = s(r.value(14).toString());
    out.recordedBy = r.value(15).toString();
    out.recordedAt = fromIso(r.value(16));
    return out;
}
}  // namespace

// Catalogue versions ("2.0", "2.1", "2.10") by their numeric parts; a measure number's rule
// (no part 0) does not hold for versions.
static bool versionLess(const QString& a, const QString& b) {
    const QStringList x = a.split(QLatin1Char('.')), y = b.split(QLatin1Char('.'));
    for (qsizetype i = 0; i < std::min(x.size(), y.size()); ++i) {
        bool okX = false, okY = false;
        const qlonglong nx = x[i].toLongLong(&okX), ny = y[i].toLongLong(&okY);
        if (okX && okY && nx != ny) return nx < ny;
        if (okX != okY) return okX;
        if (!okX && x[i] != y[i]) return x[i] < y[i];
    }
    return x.size() < y.size();
}

std::vector<Scale> NsmService::scales() { return {vaktScale(), ksScale()}; }

// ---- Catalogues

Result<std::vector<CatalogueInfo>> NsmService::loadCatalogues() {
    auto rows = store_.db().query(QStringLiteral("SELECT version, file_name, sha256, measures, imported_by, imported_at FROM nsm_catalogues"));
    if (!rows) return rows.error();
    std::vector<CatalogueInfo> out;
    for (const auto& r : *rows) out.push_back(infoFromRow(r));
    std::sort(out.begin(), out.end(), [](const CatalogueInfo& a, const CatalogueInfo& b) { return versionLess(a.version, b.version); });
    return out;
}

Result<Catalogue> NsmService::loadCatalogue(const QString& version) {
    Catalogue c;
    c.principles = builtinPrinciples();
    auto all = loadCatalogues();
    if (!all) return all.error();
    QString chosen = version.trimmed();
    if (chosen.isEmpty()) {
        if (all->empty()) return c;  // the principles alone
        chosen = all->back().version;
    } else if (std::none_of(all->begin(), all->end(), [&](const CatalogueInfo& i) { return i.version == chosen; })) {
        return fail("field 'version': catalogue " + shown(chosen) + " is not imported (imported: " + s(versionList(*all)) + ")", ErrorKind::NotFound);
    }
    auto rows = store_.db().query(
        QStringLiteral("SELECT number, principle, title, priority, priority_rank, iso27002, line FROM nsm_measures WHERE version = ?"), {chosen});
    if (!rows) return rows.error();
    c.version = s(chosen);
    for (const auto& r : *rows) {
        Measure m;
        m.number = s(r.value(0).toString());
        m.principle = s(r.value(1).toString());
        m.title = s(r.value(2).toString());
        m.priority = s(r.value(3).toString());
        m.priorityRank = r.value(4).toInt();
        m.iso27002 = splitIds(r.value(5).toString());
        m.line = r.value(6).toInt();
        c.measures.push_back(std::move(m));
    }
    std::sort(c.measures.begin(), c.measures.end(), [](const Measure& a, const Measure& b) { return numberLess(a.number, b.number); });
    return c;
}

Result<CatalogueImportResult> NsmService::importCatalogue(const Session& who, const QString& version, const QString& fileName, const QByteArray& bytes) {
    if (!who.allows(permission::NsmManage)) return denied(who, permission::NsmManage).error();
    const QString v = version.trimmed();
    const QString name = fileName.trimmed().right(kMaxFileName);
    if (name.isEmpty()) return fail("field 'file': required: the sheet's file name");
    const std::string_view data(bytes.constData(), static_cast<std::size_t>(bytes.size()));
    // An XLSX workbook is a zip archive; anything else is read as the sheet saved as CSV.
    const bool xlsx = bytes.startsWith(QByteArrayLiteral("PK\x03\x04"));
    const std::string file = s(name);
    MeasureImport read = xlsx ? importMeasuresXlsx(data, file, builtinPrinciples()) : importMeasuresCsv(data, file, builtinPrinciples());
    CatalogueImportResult result;
    result.sheet = read.sheet;
    result.headerLine = read.headerLine;
    result.columns = read.columns;
    result.notes = read.notes;
    auto made = makeCatalogue(s(v), builtinPrinciples(), std::move(read));
    if (!made) return made.error();
    result.after = std::move(*made);
    const QString sha = q(crypto::sha256Hex(data));

    Transaction tx(store_.db());
    if (!tx.started()) return tx.started().error();
    auto all = loadCatalogues();
    if (!all) return all.error();
    const auto existing = std::find_if(all->begin(), all->end(), [&](const CatalogueInfo& i) { return i.version == v; });
    if (existing != all->end() && existing->sha256 != sha)
        return fail("catalogue " + s(v) + " was imported from " + s(existing->fileName) + " (sha256 " + s(existing->sha256.left(12)) + "…) on " +
                        s(existing->importedAt.toUTC().toString(Qt::ISODate)) + "; a different file cannot replace it: import it as a new version",
                    ErrorKind::Conflict);
    // The newest version below this one.
    const CatalogueInfo* previous = nullptr;
    for (const auto& i : *all)
        if (versionLess(i.version, v)) previous = &i;
    if (previous) {
        auto before = loadCatalogue(previous->version);
        if (!before) return before.error();
        result.before = std::move(*before);
        result.hasPrevious = true;
    } else {
        result.before.principles = builtinPrinciples();
    }
    result.diff = diffCatalogues(result.before, result.after);
    if (existing != all->end()) {
        result.unchanged = true;
        result.catalogue = *existing;
        // Committed, not rolled back: a rollback would fail a caller's outer transaction.
        if (auto st = tx.commit(); !st) return st.error();
        return result;
    }

    const QDateTime now = store_.clock().now();
    const int count = static_cast<int>(result.after.measures.size());
    if (auto st = store_.db().exec(QStringLiteral("INSERT INTO nsm_catalogues (version, file_name, sha256, measures, imported_by, imported_at)"
                                                  " VALUES (?, ?, ?, ?, ?, ?)"),
                                   {v, name, sha, count, who.username, iso(now)});
        !st)
        return st.error();
    for (const Measure& m : result.after.measures) {
        if (auto st = store_.db().exec(QStringLiteral("INSERT INTO nsm_measures (version, number, principle, title, priority, priority_rank, iso27002, line)"
                                                      " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
                                       {v, q(m.number), q(m.principle), q(m.title), q(m.priority), m.priorityRank, joinIds(m.iso27002), m.line});
            !st)
            return st.error();
    }
    if (auto st = store_.record(who, QStringLiteral("nsm.catalogue_import"), QStringLiteral("nsm_catalogue"), v, {},
                                QJsonObject{{"file", name},
                                            {"sha256", sha},
                                            {"format", xlsx ? QStringLiteral("xlsx") : QStringLiteral("csv")},
                                            {"measures", count},
                                            {"previous", previous ? previous->version : QString()},
                                            {"added", static_cast<int>(result.diff.added.size())},
                                            {"removed", static_cast<int>(result.diff.removed.size())},
                                            {"changed", static_cast<int>(result.diff.changed.size())}});
        !st)
        return st.error();
    if (auto st = tx.commit(); !st) return st.error();
    result.catalogue = CatalogueInfo{v, name, sha, count, who.username, now};
    return result;
}

Result<std::vector<CatalogueInfo>> NsmService::catalogues(const Session& who) {
    if (!who.allows(permission::NsmRead)) return denied(who, permission::NsmRead).error();
    return loadCatalogues();
}

Result<std::vector<QString>> NsmService::catalogueVersions(const Session& who) {
    auto all = catalogues(who);
    if (!all) return all.error();
    std::vector<QString> out;
    for (const auto& c : *all) out.push_back(c.version);
    return out;
}

Result<Catalogue> NsmService::catalogue(const Session& who, const QString& version) {
    if (!who.allows(permission::NsmRead)) return denied(who, permission::NsmRead).error();
    return loadCatalogue(version);
}

Result<QString> NsmService::defaultDepartment(const Session& who) {
    if (!who.allows(permission::NsmRead)) return denied(who, permission::NsmRead).error();
    auto operators = OrganisationService(store_).organisations(who, OrgKind::PlatformOperator);
    if (!operators) return operators.error();
    if (operators->isEmpty())
        return fail("field 'scope': no department given, and the catalogue has no platform operator to name it; name one (department:NAME)",
                    ErrorKind::NotFound);
    return operators->front().name;
}

// ---- Assessments

Result<qint64> NsmService::assess(const Session& who, Assessment a, const QString& catalogueVersion) {
    if (!who.allows(permission::NsmAssess)) return denied(who, permission::NsmAssess).error();
    for (std::string* field : {&a.subject, &a.scope.key, &a.scale, &a.level, &a.target, &a.assessor, &a.date, &a.nextReview, &a.justification, &a.rationale})
        *field = trimmed(*field);
    for (auto& e : a.evidence) {
        e.kind = trimmed(e.kind);
        e.id = trimmed(e.id);
    }
    if (a.assessor.empty()) a.assessor = s(who.username);
    if (a.date.empty()) a.date = s(store_.clock().today().toString(Qt::ISODate));
    auto cat = loadCatalogue(catalogueVersion);
    if (!cat) return cat.error();
    const std::vector<Scale> all = scales();
    if (auto st = checkAssessment(a, *cat, all); !st) return st.error();
    if (a.scope.kind == AssessmentScope::Kind::Service) {
        // Only named here: the catalogue module keeps services, and none is created for an assessment.
        auto entry = CatalogService(store_).get(who, q(a.scope.key));
        if (!entry) return entry.error();
        if (!*entry) return fail("field 'scope': service '" + s(q(a.scope.key).left(80)) + "' is not in the catalogue", ErrorKind::NotFound);
        if ((*entry)->kind != EntryKind::Service)
            return fail("field 'scope': '" + a.scope.key + "' is a " + s((*entry)->kind) + " in the catalogue, not a service");
    }

    Transaction tx(store_.db());
    if (!tx.started()) return tx.started().error();
    const QDateTime now = store_.clock().now();
    const QString scopeKind = code(scopeKindCode(a.scope.kind));
    auto id = store_.db().insertReturningId(
        QStringLiteral("INSERT INTO nsm_assessments (catalogue_version, subject, scope_kind, scope_key, scale, level, target, not_applicable, justification,"
                       " rationale, evidence, assessor, assessed_on, next_review, recorded_by, recorded_at)"
                       " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"),
        {q(cat->version), q(a.subject), scopeKind, q(a.scope.key), q(a.scale), q(a.level), q(a.target), a.notApplicable ? 1 : 0, q(a.justification),
         q(a.rationale), evidenceJson(a.evidence), q(a.assessor), q(a.date), q(a.nextReview), who.username, iso(now)});
    if (!id) return id.error();
    QJsonObject after{{"catalogue", q(cat->version)},
                      {"subject", q(a.subject)},
                      {"scope", scopeKind + QLatin1Char(':') + q(a.scope.key)},
                      {"scale", q(a.scale)},
                      {"date", q(a.date)},
                      {"assessor", q(a.assessor)}};
    if (a.notApplicable) {
        after.insert("not_applicable", true);
        after.insert("justification", q(a.justification));
    } else {
        after.insert("level", q(a.level));
        after.insert("target", q(a.target));
    }
    if (!a.evidence.empty()) after.insert("evidence", static_cast<int>(a.evidence.size()));
    if (auto st = store_.record(who, QStringLiteral("nsm.assess"), QStringLiteral("nsm_assessment"), QString::number(*id), {}, after); !st) return st.error();
    if (auto st = tx.commit(); !st) return st.error();
    return *id;
}

Result<std::vector<StoredAssessment>> NsmService::assessmentRecords(const Session& who, std::optional<AssessmentScope> scope) {
    if (!who.allows(permission::NsmRead)) return denied(who, permission::NsmRead).error();
    QString sql = kAssessmentSelect;
    QVariantList binds;
    if (scope) {
        sql += QStringLiteral(" WHERE scope_kind = ? AND scope_key = ?");
        binds << code(scopeKindCode(scope->kind)) << q(scope->key);
    }
    auto rows = store_.db().query(sql + QStringLiteral(" ORDER BY assessed_on, id"), binds);
    if (!rows) return rows.error();
    std::vector<StoredAssessment> out;
    out.reserve(rows->size());
    for (const auto& r : *rows) out.push_back(assessmentFromRow(r));
    return out;
}

Result<std::vector<Assessment>> NsmService::assessments(const Session& who, std::optional<AssessmentScope> scope) {
    auto records = assessmentRecords(who, std::move(scope));
    if (!records) return records.error();
    std::vector<Assessment> out;
    out.reserve(records->size());
    for (auto& r : *records) out.push_back(std::move(r.assessment));
    return out;
}

// ---- Statement of Applicability

Status NsmService::decideSoa(const Session& who, SoaDecision d) {
    if (!who.allows(permission::NsmManage)) return denied(who, permission::NsmManage);
    d.control = trimmed(d.control);
    // As Annex A prints it: "A.5.15".
    if (d.control.size() > 2 && (d.control[0] == 'A' || d.control[0] == 'a') && d.control[1] == '.') d.control.erase(0, 2);
    if (!isAnnexAControl(d.control))
        return fail("field 'control': '" + shown(q(d.control)) +
                    "' is not an ISO/IEC 27001:2022 Annex A control (5.1-5.37, 6.1-6.8, 7.1-7.14, 8.1-8.34)");
    d.justification = trimmed(d.justification);
    if (d.justification.empty())
        return fail("field 'justification': required: why the control is included or excluded (ISO/IEC 27001:2022 6.1.3 d)");
    if (auto st = checkLength(q(d.justification), kMaxJustification, "justification"); !st) return st;
    if (!d.applicable && d.status != ControlStatus::Unknown)
        return fail("field 'status': a control that is not applicable has no implementation status");

    Transaction tx(store_.db());
    if (!tx.started()) return tx.started();
    const QString control = q(d.control);
    auto rows = store_.db().query(QStringLiteral("SELECT applicable, justification, status FROM nsm_soa_decisions WHERE control = ?"), {control});
    if (!rows) return rows.error();
    QJsonObject before;
    if (!rows->empty()) {
        const SoaDecision was{d.control, rows->front().value(0).toInt() != 0, s(rows->front().value(1).toString()),
                              statusFromCode(rows->front().value(2).toString())};
        if (was.applicable == d.applicable && was.justification == d.justification && was.status == d.status) return tx.commit();
        before = decisionJson(was);
    }
    const QDateTime now = store_.clock().now();
    if (auto st = store_.db().exec(QStringLiteral("INSERT INTO nsm_soa_decisions (control, applicable, justification, status, decided_by, decided_at)"
                                                  " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (control) DO UPDATE SET applicable = excluded.applicable,"
                                                  " justification = excluded.justification, status = excluded.status, decided_by = excluded.decided_by,"
                                                  " decided_at = excluded.decided_at"),
                                   {control, d.applicable ? 1 : 0, q(d.justification), code(controlStatusCode(d.status)), who.username, iso(now)});
        !st)
        return st;
    if (auto st = store_.record(who, QStringLiteral("nsm.soa_decide"), QStringLiteral("nsm_soa_decision"), control, before, decisionJson(d)); !st)
        return st;
    return tx.commit();
}

Result<std::vector<SoaDecision>> NsmService::soaDecisions(const Session& who) {
    if (!who.allows(permission::NsmRead)) return denied(who, permission::NsmRead).error();
    auto rows = store_.db().query(QStringLiteral("SELECT control, applicable, justification, status FROM nsm_soa_decisions"));
    if (!rows) return rows.error();
    std::vector<SoaDecision> out;
    for (const auto& r : *rows)
        out.push_back(SoaDecision{s(r.value(0).toString()), r.value(1).toInt() != 0, s(r.value(2).toString()), statusFromCode(r.value(3).toString())});
    std::sort(out.begin(), out.end(), [](const SoaDecision& a, const SoaDecision& b) { return numberLess(a.control, b.control); });
    return out;
}

}  // namespace vakt::nsm
