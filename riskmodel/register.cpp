#include "riskmodel/register.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QSqlRecord>
#include <QTimeZone>
#include <algorithm>
#include <map>
#include <set>

#include "riskmodel/analysis.h"
#include "riskmodel/chain_reader.h"
#include "riskmodel/diff.h"
#include "riskmodel/register_rows.h"

namespace vakt::risk {

namespace {

const QStringList kDecisions{QStringLiteral("open"), QStringLiteral("mitigated"), QStringLiteral("false_positive")};
const QStringList kMeasureStates{QStringLiteral("planned"), QStringLiteral("in_progress"), QStringLiteral("done"), QStringLiteral("cancelled")};

// The dimensions a derived threat's consequence is judged in: the rating it came from, and
// privacy as well when personal data is touched.
QMap<QString, int> derivedConsequences(const Threat& t, const Analysis& a) {
    QMap<QString, int> out;
    const std::string& from = t.rule->consequenceFrom;
    const QString dimension = from == "integrity" ? QStringLiteral("integritet")
                              : from == "availability" ? QStringLiteral("tilgjengelighet")
                                                       : QStringLiteral("konfidensialitet");
    out[dimension] = t.consequence;
    const auto& d = a.derived(*t.element);
    if (from == "confidentiality" && d.confidentiality && *d.confidentiality >= Confidentiality::Personal)
        out[QStringLiteral("personvern")] = t.consequence;
    return out;
}

QJsonObject scoreJson(const QString& status, int likelihood, int consequence, const QString& level) {
    return {{"status", status}, {"likelihood", likelihood}, {"consequence", consequence}, {"level", level}};
}

}  // namespace

// ---- models ---------------------------------------------------------------------------------

Result<StoredModel> RiskService::importModel(const Session& who, const QString& service, const QString& path,
                                              std::optional<ModelFormat> format) {
    if (!who.allows(permission::RiskWrite)) return denied(who, permission::RiskWrite).error();
    auto loaded = loadModelFile(path, format);
    if (!loaded) return loaded.error();
    auto entry = store_.db().query(QStringLiteral("SELECT key FROM catalog_entries WHERE key = ?"), {service});
    if (!entry) return entry.error();
    if (entry->empty()) return fail("no service or component '" + service.toStdString() + "' in the catalogue", ErrorKind::NotFound);
    if (!loaded->model.service.empty() && q(loaded->model.service) != service)
        return fail(path.toStdString() + ": the model is for '" + loaded->model.service + "', not '" + service.toStdString() + "'");
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return fail(path.toStdString() + ": cannot read", ErrorKind::Io);
    StoredModel m;
    m.source = file.readAll();
    m.service = service;
    m.format = QString::fromLatin1(formatName(loaded->format));
    m.modelId = q(loaded->model.id);
    m.title = q(loaded->model.title);
    for (const auto& u : loaded->unmapped) m.unmapped << q(u);
    m.importedAt = store_.clock().now();
    m.importedBy = who.username;
    Transaction tx(store_.db());
    if (!tx.started()) return tx.started().error();
    auto latest = store_.db().query(QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM risk_models WHERE service_key = ?"), {service});
    if (!latest) return latest.error();
    m.version = latest->front().value(0).toInt() + 1;
    if (auto s = store_.db().exec(QStringLiteral("INSERT INTO risk_models (service_key, version, format, model_id, title, source, unmapped,"
                                                 " imported_at, imported_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                                  {service, m.version, m.format, m.modelId, m.title, QString::fromUtf8(m.source),
                                   m.unmapped.join(QLatin1Char('\n')), iso(m.importedAt), who.username});
        !s)
        return s.error();
    if (auto s = store_.record(who, QStringLiteral("risk.model.import"), QStringLiteral("risk_model"),
                               service + QLatin1Char('@') + QString::number(m.version), {},
                               QJsonObject{{"format", m.format}, {"model", m.modelId}, {"title", m.title},
                                           {"elements", static_cast<qint64>(loaded->model.elements.size())},
                                           {"flows", static_cast<qint64>(loaded->model.flows.size())},
                                           {"unmapped", static_cast<qint64>(m.unmapped.size())}});
        !s)
        return s.error();
    if (auto s = tx.commit(); !s) return s.error();
    return m;
}

Result<QList<StoredModel>> RiskService::models(const Session& who) {
    if (!who.allows(permission::RiskRead)) return denied(who, permission::RiskRead).error();
    auto rows = store_.db().query(QStringLiteral(
        "SELECT m.service_key, m.version, m.format, m.model_id, m.title, m.imported_at, m.imported_by, m.unmapped FROM risk_models m"
        " WHERE m.version = (SELECT MAX(version) FROM risk_models n WHERE n.service_key = m.service_key) ORDER BY m.service_key"));
    if (!rows) return rows.error();
    QList<StoredModel> out;
    for (const auto& r : *rows) {
        StoredModel m;
        m.service = r.value(0).toString();
        m.version = r.value(1).toInt();
        m.format = r.value(2).toString();
        m.modelId = r.value(3).toString();
        m.title = r.value(4).toString();
        m.importedAt = fromIso(r.value(5));
        m.importedBy = r.value(6).toString();
        m.unmapped = r.value(7).toString().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        out << m;
    }
    return out;
}

Result<LoadedModel> RiskService::latestModel(const Session& who, const QString& service) {
    if (!who.allows(permission::RiskRead)) return denied(who, permission::RiskRead).error();
    auto rows = store_.db().query(QStringLiteral("SELECT source, format, version FROM risk_models WHERE service_key = ? ORDER BY version DESC LIMIT 1"),
                                  {service});
    if (!rows) return rows.error();
    if (rows->empty()) return fail("no threat model for '" + service.toStdString() + "'; import one with vakt risk model import", ErrorKind::NotFound);
    const auto& r = rows->front();
    return loadModelText(r.value(0).toString().toUtf8(), service.toStdString() + "@" + std::to_string(r.value(2).toInt()),
                         parseFormat(r.value(1).toString()));
}

// ---- matrices -------------------------------------------------------------------------------

Result<RiskMatrix> RiskService::matrix(const Session& who, int version) {
    if (!who.allows(permission::RiskRead)) return denied(who, permission::RiskRead).error();
    auto rows = version > 0 ? store_.db().query(QStringLiteral("SELECT definition, version FROM risk_matrices WHERE version = ?"), {version})
                            : store_.db().query(QStringLiteral("SELECT definition, version FROM risk_matrices ORDER BY version DESC LIMIT 1"));
    if (!rows) return rows.error();
    if (rows->empty()) return fail("no risk matrix version " + std::to_string(version), ErrorKind::NotFound);
    const QByteArray text = rows->front().value(0).toString().toUtf8();
    return parseMatrix(std::string_view(text.constData(), static_cast<std::size_t>(text.size())),
                       "risk matrix " + std::to_string(rows->front().value(1).toInt()));
}

Result<int> RiskService::matrixVersion(const Session& who) {
    if (!who.allows(permission::RiskRead)) return denied(who, permission::RiskRead).error();
    auto rows = store_.db().query(QStringLiteral("SELECT MAX(version) FROM risk_matrices"));
    if (!rows) return rows.error();
    return rows->front().value(0).toInt();
}

// ---- the register ---------------------------------------------------------------------------

Status RiskService::saveScore(const Session& who, qint64 riskId, const QString& kind, int likelihood, int consequence, int matrixVersion,
                              const QString& reason) {
    auto m = matrix(who, matrixVersion);
    if (!m) return m.error();
    const MatrixLevel* level = m->levelOf(likelihood, consequence);
    return store_.db().exec(QStringLiteral("INSERT INTO risk_scores (risk_id, scored_at, scored_by, kind, likelihood, consequence, level,"
                                           " matrix_version, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                            {riskId, iso(store_.clock().now()), who.username, kind, likelihood, consequence,
                             level ? q(level->key) : QString(), matrixVersion, reason});
}

Status RiskService::endAcceptance(const Session& who, const RiskEntry& r, const QString& reason) {
    if (!r.acceptance) return {};
    if (auto s = store_.db().exec(QStringLiteral("UPDATE risk_acceptances SET ended_at = ?, ended_reason = ? WHERE id = ?"),
                                  {iso(store_.clock().now()), reason, r.acceptance->id});
        !s)
        return s;
    return store_.record(who, QStringLiteral("risk.acceptance.end"), QStringLiteral("risk"), r.ref,
                         QJsonObject{{"accepted_by", r.acceptance->acceptedBy}, {"expires_on", r.acceptance->expiresOn.toString(Qt::ISODate)}},
                         QJsonObject{{"reason", reason}});
}

Result<RiskEntry> RiskService::load(const QString& ref) {
    auto rows = store_.db().query(
        QStringLiteral("SELECT id, ref, service_key, COALESCE(threat_id, ''), rule_id, stride, element_id, title, description, status,"
                       " status_reason, decided_by, owner, assessor, matrix_version, likelihood, consequence, residual_likelihood,"
                       " residual_consequence, review_date, created_at, updated_at, closed_at FROM risks WHERE ref = ?"),
        {ref});
    if (!rows) return rows.error();
    if (rows->empty()) return fail("no risk '" + ref.toStdString() + "'", ErrorKind::NotFound);
    const auto& r = rows->front();
    RiskEntry e;
    e.id = r.value(0).toLongLong();
    e.ref = r.value(1).toString();
    e.service = r.value(2).toString();
    e.threatId = r.value(3).toString();
    e.ruleId = r.value(4).toString();
    e.stride = r.value(5).toString();
    e.elementId = r.value(6).toString();
    e.title = r.value(7).toString();
    e.description = r.value(8).toString();
    e.status = r.value(9).toString();
    e.statusReason = r.value(10).toString();
    e.decidedBy = r.value(11).toString();
    e.owner = r.value(12).toString();
    e.assessor = r.value(13).toString();
    e.matrixVersion = r.value(14).toInt();
    e.likelihood = r.value(15).toInt();
    e.consequence = r.value(16).toInt();
    if (!r.value(17).isNull()) e.residualLikelihood = r.value(17).toInt();
    if (!r.value(18).isNull()) e.residualConsequence = r.value(18).toInt();
    e.reviewDate = dateOf(r.value(19));
    e.createdAt = fromIso(r.value(20));
    e.updatedAt = fromIso(r.value(21));
    e.closedAt = fromIso(r.value(22));
    auto dims = store_.db().query(QStringLiteral("SELECT dimension, value FROM risk_consequences WHERE risk_id = ?"), {e.id});
    if (!dims) return dims.error();
    for (const auto& d : *dims) e.consequences[d.value(0).toString()] = d.value(1).toInt();
    auto acc = store_.db().query(QStringLiteral("SELECT id, accepted_by, accepted_at, expires_on, justification, level, likelihood, consequence,"
                                                " matrix_version FROM risk_acceptances WHERE risk_id = ? AND ended_at IS NULL ORDER BY id DESC LIMIT 1"),
                                 {e.id});
    if (!acc) return acc.error();
    if (!acc->empty()) {
        const auto& a = acc->front();
        e.acceptance = Acceptance{a.value(0).toLongLong(), a.value(1).toString(), fromIso(a.value(2)), dateOf(a.value(3)), a.value(4).toString(),
                                  a.value(5).toString(), a.value(6).toInt(), a.value(7).toInt(), a.value(8).toInt(), {}, {}};
    }
    return e;
}

Result<QList<RiskEntry>> RiskService::risks(const Session& who, const QString& service, bool withClosed) {
    if (!who.allows(permission::RiskRead)) return denied(who, permission::RiskRead).error();
    QString sql = QStringLiteral("SELECT ref FROM risks WHERE 1 = 1");
    QVariantList binds;
    if (!service.isEmpty()) {
        sql += QStringLiteral(" AND service_key = ?");
        binds << service;
    }
    if (!withClosed) sql += QStringLiteral(" AND status <> 'closed'");
    sql += QStringLiteral(" ORDER BY service_key, likelihood * consequence DESC, ref");
    auto refs = store_.db().query(sql, binds);
    if (!refs) return refs.error();
    std::map<int, RiskMatrix> matrices;
    QList<RiskEntry> out;
    for (const auto& row : *refs) {
        auto e = load(row.value(0).toString());
        if (!e) return e.error();
        if (auto s = annotate(who, *e, matrices); !s) return s.error();
        out << *e;
    }
    return out;
}

Status RiskService::annotate(const Session& who, RiskEntry& e, std::map<int, RiskMatrix>& matrices) {
    if (!matrices.count(e.matrixVersion)) {
        auto m = matrix(who, e.matrixVersion);
        if (!m) return m.error();
        matrices.emplace(e.matrixVersion, std::move(*m));
    }
    const RiskMatrix& m = matrices.at(e.matrixVersion);
    if (const MatrixLevel* level = m.levelOf(e.likelihood, e.consequence)) e.level = q(level->key);
    e.acceptable = m.acceptable(e.likelihood, e.consequence);
    // An acceptance past its expiry no longer holds, whether or not anyone has ended it yet.
    if (e.status == QLatin1String("accepted") && e.acceptance && e.acceptance->expiresOn < store_.clock().today()) {
        e.status = QStringLiteral("open");
        e.statusReason = QStringLiteral("acceptance expired on ") + e.acceptance->expiresOn.toString(Qt::ISODate);
    }
    return {};
}

Result<RiskEntry> RiskService::risk(const Session& who, const QString& ref) {
    if (!who.allows(permission::RiskRead)) return denied(who, permission::RiskRead).error();
    auto e = load(ref);
    if (!e) return e;
    std::map<int, RiskMatrix> matrices;
    if (auto s = annotate(who, *e, matrices); !s) return s.error();
    return e;
}

Result<QList<ScoreEntry>> RiskService::history(const Session& who, const QString& ref) {
    if (!who.allows(permission::RiskRead)) return denied(who, permission::RiskRead).error();
    auto e = load(ref);
    if (!e) return e.error();
    auto rows = store_.db().query(QStringLiteral("SELECT scored_at, scored_by, kind, likelihood, consequence, level, matrix_version, reason"
                                                 " FROM risk_scores WHERE risk_id = ? ORDER BY id"),
                                  {e->id});
    if (!rows) return rows.error();
    QList<ScoreEntry> out;
    for (const auto& r : *rows)
        out << ScoreEntry{fromIso(r.value(0)), r.value(1).toString(), r.value(2).toString(), r.value(3).toInt(), r.value(4).toInt(),
                          r.value(5).toString(), r.value(6).toInt(), r.value(7).toString()};
    return out;
}

Result<QList<Acceptance>> RiskService::acceptances(const Session& who, const QString& ref) {
    if (!who.allows(permission::RiskRead)) return denied(who, permission::RiskRead).error();
    auto e = load(ref);
    if (!e) return e.error();
    auto rows = store_.db().query(QStringLiteral("SELECT id, accepted_by, accepted_at, expires_on, justification, level, likelihood, consequence,"
                                                 " matrix_version, ended_at, COALESCE(ended_reason, '') FROM risk_acceptances WHERE risk_id = ? ORDER BY id"),
                                  {e->id});
    if (!rows) return rows.error();
    QList<Acceptance> out;
    for (const auto& a : *rows)
        out << Acceptance{a.value(0).toLongLong(), a.value(1).toString(), fromIso(a.value(2)), dateOf(a.value(3)), a.value(4).toString(),
                          a.value(5).toString(), a.value(6).toInt(), a.value(7).toInt(), a.value(8).toInt(), fromIso(a.value(9)),
                          a.value(10).toString()};
    return out;
}

Result<SyncSummary> RiskService::analyse(const Session& who, const QString& service, std::span<const Rule> rules) {
    if (!who.allows(permission::RiskWrite)) return denied(who, permission::RiskWrite).error();
    auto loaded = latestModel(who, service);
    if (!loaded) return loaded.error();
    const Model& model = loaded->model;
    const Analysis analysis(model, rules);
    auto version = matrixVersion(who);
    if (!version) return version.error();
    auto m = matrix(who, *version);
    if (!m) return m.error();
    auto models = store_.db().query(QStringLiteral("SELECT MAX(version) FROM risk_models WHERE service_key = ?"), {service});
    if (!models) return models.error();
    SyncSummary summary;
    summary.modelVersion = models->front().value(0).toInt();
    summary.threats = static_cast<int>(analysis.threats().size());
    const QString modelText = QStringLiteral("model version %1").arg(summary.modelVersion);
    const QString now = iso(store_.clock().now());

    Transaction tx(store_.db());
    if (!tx.started()) return tx.started().error();
    if (auto expired = reopenExpired(who); !expired) return expired.error();
    auto existing = store_.db().query(QStringLiteral("SELECT ref, threat_id FROM risks WHERE service_key = ? AND threat_id IS NOT NULL"), {service});
    if (!existing) return existing.error();
    // Each stored threat id continues as the id its element has now (a rename keeps an alias).
    std::map<QString, QString> refByThreat;
    for (const auto& r : *existing) refByThreat[q(currentThreatId(model, r.value(1).toString().toStdString()))] = r.value(0).toString();
    std::set<QString> raised;

    for (const Threat& t : analysis.threats()) {
        const QString threatId = q(t.id);
        raised.insert(threatId);
        const MatrixLevel* level = m->levelOf(t.likelihood, t.consequence);
        const QString levelKey = level ? q(level->key) : QString();
        const auto known = refByThreat.find(threatId);
        if (known == refByThreat.end()) {
            const QString ref = service + QLatin1Char(':') + threatId;
            auto id = store_.db().insertReturningId(
                QStringLiteral("INSERT INTO risks (ref, service_key, threat_id, rule_id, stride, element_id, title, description, status, assessor,"
                               " matrix_version, likelihood, consequence, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?, ?, ?, ?)"
                               " RETURNING id"),
                {ref, service, threatId, q(t.rule->id), QString::fromLatin1(strideName(t.rule->stride)), q(t.element->id),
                 q(t.rule->title.nb) + QStringLiteral(": ") + q(t.element->title), q(t.rule->description.nb), who.username, *version,
                 t.likelihood, t.consequence, now, now});
            if (!id) return id.error();
            const auto dims = derivedConsequences(t, analysis);
            for (auto it = dims.begin(); it != dims.end(); ++it)
                if (auto s = store_.db().exec(QStringLiteral("INSERT INTO risk_consequences (risk_id, dimension, value) VALUES (?, ?, ?)"),
                                              {*id, it.key(), it.value()});
                    !s)
                    return s.error();
            if (auto s = saveScore(who, *id, QStringLiteral("inherent"), t.likelihood, t.consequence, *version,
                                   QStringLiteral("derived by %1 from %2").arg(q(t.rule->id), modelText));
                !s)
                return s.error();
            if (auto s = store_.record(who, QStringLiteral("risk.create"), QStringLiteral("risk"), ref, {},
                                       scoreJson(QStringLiteral("open"), t.likelihood, t.consequence, levelKey));
                !s)
                return s.error();
            ++summary.created;
            continue;
        }
        auto r = load(known->second);
        if (!r) return r.error();
        if (r->threatId != threatId) {
            if (auto s = store_.db().exec(QStringLiteral("UPDATE risks SET threat_id = ?, element_id = ?, updated_at = ? WHERE id = ?"),
                                          {threatId, q(t.element->id), now, r->id});
                !s)
                return s.error();
            if (auto s = store_.record(who, QStringLiteral("risk.rename"), QStringLiteral("risk"), r->ref, QJsonObject{{"threat", r->threatId}},
                                       QJsonObject{{"threat", threatId}});
                !s)
                return s.error();
            ++summary.renamed;
        }
        if (r->status == QLatin1String("closed")) {
            if (auto s = store_.db().exec(QStringLiteral("UPDATE risks SET status = 'open', status_reason = ?, closed_at = NULL, updated_at = ? WHERE id = ?"),
                                          {QStringLiteral("raised again by ") + modelText, now, r->id});
                !s)
                return s.error();
            if (auto s = store_.record(who, QStringLiteral("risk.reopen"), QStringLiteral("risk"), r->ref, QJsonObject{{"status", "closed"}},
                                       QJsonObject{{"status", "open"}, {"reason", QStringLiteral("raised again by ") + modelText}});
                !s)
                return s.error();
            ++summary.reopened;
            // Its evidence counts again.
            if (auto s = suggestFromEvidence(who, r->ref); !s) return s.error();
        }
        // A person's own score is theirs; only derived scores follow the model.
        auto manual = store_.db().query(QStringLiteral("SELECT manual_score FROM risks WHERE id = ?"), {r->id});
        if (!manual) return manual.error();
        const bool derived = manual->front().value(0).toInt() == 0;
        if (derived && (r->likelihood != t.likelihood || r->consequence != t.consequence || r->matrixVersion != *version)) {
            if (auto s = store_.db().exec(QStringLiteral("UPDATE risks SET likelihood = ?, consequence = ?, matrix_version = ?, updated_at = ? WHERE id = ?"),
                                          {t.likelihood, t.consequence, *version, now, r->id});
                !s)
                return s.error();
            if (auto s = saveScore(who, r->id, QStringLiteral("inherent"), t.likelihood, t.consequence, *version,
                                   QStringLiteral("derived by %1 from %2").arg(q(t.rule->id), modelText));
                !s)
                return s.error();
            if (auto s = store_.record(who, QStringLiteral("risk.rescore"), QStringLiteral("risk"), r->ref,
                                       scoreJson(r->status, r->likelihood, r->consequence, {}),
                                       scoreJson(r->status, t.likelihood, t.consequence, levelKey));
                !s)
                return s.error();
            ++summary.rescored;
            // An acceptance holds for the level accepted: a higher one reopens the risk.
            auto reopened = reopenIfRisen(who, *r, *m, t.likelihood, t.consequence);
            if (!reopened) return reopened.error();
            if (*reopened) ++summary.reopened;
            if (auto s = suggestFromEvidence(who, r->ref); !s) return s.error();
        }
    }
    // Threats the model no longer raises: closed with the reason, their decisions reported.
    for (const auto& [threat, ref] : refByThreat) {
        if (raised.count(threat)) continue;
        auto r = load(ref);
        if (!r) return r.error();
        if (r->status == QLatin1String("closed")) continue;
        if (r->status != QLatin1String("open")) summary.unmatchedDecisions << ref + QStringLiteral(" (") + r->status + QLatin1Char(')');
        const QString reason = QStringLiteral("no longer raised by ") + modelText;
        if (auto s = endAcceptance(who, *r, reason); !s) return s.error();
        if (auto s = store_.db().exec(QStringLiteral("UPDATE risks SET status = 'closed', status_reason = ?, closed_at = ?, updated_at = ? WHERE id = ?"),
                                      {reason, now, now, r->id});
            !s)
            return s.error();
        if (auto s = store_.record(who, QStringLiteral("risk.close"), QStringLiteral("risk"), ref, QJsonObject{{"status", r->status}},
                                   QJsonObject{{"status", "closed"}, {"reason", reason}});
            !s)
            return s.error();
        if (auto s = suggestFromEvidence(who, ref); !s) return s.error();
        ++summary.closed;
    }
    if (auto s = tx.commit(); !s) return s.error();
    return summary;
}

Status RiskService::setOwner(const Session& who, const QString& ref, const QString& owner) {
    if (!who.allows(permission::RiskWrite)) return denied(who, permission::RiskWrite);
    if (owner.trimmed().isEmpty()) return fail("a risk owner is a Vakt username");
    Transaction tx(store_.db());
    if (!tx.started()) return tx.started();
    auto r = load(ref);
    if (!r) return r.error();
    if (auto s = store_.db().exec(QStringLiteral("UPDATE risks SET owner = ?, updated_at = ? WHERE id = ?"),
                                  {owner.trimmed(), iso(store_.clock().now()), r->id});
        !s)
        return s;
    if (auto s = store_.record(who, QStringLiteral("risk.owner"), QStringLiteral("risk"), ref, QJsonObject{{"owner", r->owner}},
                               QJsonObject{{"owner", owner.trimmed()}});
        !s)
        return s;
    return tx.commit();
}

Status RiskService::decide(const Session& who, const QString& ref, const QString& decision, const QString& justification) {
    if (!who.allows(permission::RiskWrite)) return denied(who, permission::RiskWrite);
    if (!kDecisions.contains(decision)) return fail("a decision is one of " + kDecisions.join(QStringLiteral(", ")).toStdString());
    if (decision != QLatin1String("open") && justification.trimmed().isEmpty()) return fail("a decision needs a justification");
    Transaction tx(store_.db());
    if (!tx.started()) return tx.started();
    auto r = load(ref);
    if (!r) return r.error();
    if (r->status == QLatin1String("closed")) return fail("risk '" + ref.toStdString() + "' is closed: its threat is no longer raised", ErrorKind::Conflict);
    if (auto s = endAcceptance(who, *r, QStringLiteral("decided ") + decision); !s) return s;
    if (auto s = store_.db().exec(QStringLiteral("UPDATE risks SET status = ?, status_reason = ?, decided_by = ?, updated_at = ? WHERE id = ?"),
                                  {decision, justification.trimmed(), who.username, iso(store_.clock().now()), r->id});
        !s)
        return s;
    if (auto s = store_.record(who, QStringLiteral("risk.decide"), QStringLiteral("risk"), ref, QJsonObject{{"status", r->status}},
                               QJsonObject{{"status", decision}, {"justification", justification.trimmed()}});
        !s)
        return s;
    // A false positive has nothing left to re-score.
    if (auto s = suggestFromEvidence(who, ref); !s) return s;
    return tx.commit();
}

Status RiskService::accept(const Session& who, const QString& ref, const QString& justification, const QDate& expires) {
    if (!who.allows(permission::RiskAccept)) return denied(who, permission::RiskAccept);
    if (justification.trimmed().isEmpty()) return fail("an acceptance needs a justification");
    const QDate today = store_.clock().today();
    if (!expires.isValid() || expires <= today || expires > today.addYears(3))
        return fail("an acceptance expires after today and within three years");
    Transaction tx(store_.db());
    if (!tx.started()) return tx.started();
    auto current = risk(who, ref);
    if (!current) return current.error();
    const RiskEntry& r = *current;
    if (r.status == QLatin1String("closed")) return fail("risk '" + ref.toStdString() + "' is closed: its threat is no longer raised", ErrorKind::Conflict);
    // Above the acceptance criteria it is the owner's decision, and never the assessor's own.
    if (!r.acceptable) {
        if (r.owner.isEmpty())
            return fail("risk '" + ref.toStdString() + "' is " + r.level.toStdString() + ", above the acceptance criteria, and has no owner to accept it",
                        ErrorKind::Denied);
        if (who.username != r.owner)
            return fail("risk '" + ref.toStdString() + "' is " + r.level.toStdString() + ", above the acceptance criteria: only its owner " +
                            r.owner.toStdString() + " may accept it",
                        ErrorKind::Denied);
        if (who.username == r.assessor)
            return fail("risk '" + ref.toStdString() + "' was assessed by " + r.assessor.toStdString() + ", who may not accept it as well",
                        ErrorKind::Denied);
    }
    if (auto s = endAcceptance(who, r, QStringLiteral("renewed")); !s) return s;
    const QString now = iso(store_.clock().now());
    if (auto s = store_.db().exec(QStringLiteral("INSERT INTO risk_acceptances (risk_id, accepted_by, accepted_at, expires_on, justification, level,"
                                                 " likelihood, consequence, matrix_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                                  {r.id, who.username, now, expires.toString(Qt::ISODate), justification.trimmed(), r.level, r.likelihood,
                                   r.consequence, r.matrixVersion});
        !s)
        return s;
    if (auto s = store_.db().exec(QStringLiteral("UPDATE risks SET status = 'accepted', status_reason = ?, decided_by = ?, updated_at = ? WHERE id = ?"),
                                  {justification.trimmed(), who.username, now, r.id});
        !s)
        return s;
    if (auto s = store_.record(who, QStringLiteral("risk.accept"), QStringLiteral("risk"), ref, QJsonObject{{"status", r.status}},
                               QJsonObject{{"status", "accepted"}, {"level", r.level}, {"likelihood", r.likelihood},
                                           {"consequence", r.consequence}, {"matrix_version", r.matrixVersion},
                                           {"expires_on", expires.toString(Qt::ISODate)}, {"justification", justification.trimmed()}});
        !s)
        return s;
    return tx.commit();
}

Status RiskService::rescore(const Session& who, const QString& ref, const QString& kind, int likelihood, const QMap<QString, int>& consequences,
                            const QString& reason) {
    if (!who.allows(permission::RiskWrite)) return denied(who, permission::RiskWrite);
    if (kind != QLatin1String("inherent") && kind != QLatin1String("residual")) return fail("a score is inherent or residual");
    if (reason.trimmed().isEmpty()) return fail("a score needs a reason");
    Transaction tx(store_.db());
    if (!tx.started()) return tx.started();
    auto r = risk(who, ref);
    if (!r) return r.error();
    auto m = matrix(who, r->matrixVersion);
    if (!m) return m.error();
    if (likelihood < 1 || likelihood > m->size()) return fail("likelihood is 1 to " + std::to_string(m->size()));
    if (consequences.isEmpty()) return fail("give the consequence in at least one dimension");
    int consequence = 0;
    for (auto it = consequences.begin(); it != consequences.end(); ++it) {
        if (!m->dimension(it.key().toStdString())) return fail("'" + it.key().toStdString() + "' is not a dimension of the risk's matrix");
        if (it.value() < 1 || it.value() > static_cast<int>(m->consequence.size()))
            return fail("consequence in " + it.key().toStdString() + " is 1 to " + std::to_string(m->consequence.size()));
        consequence = std::max(consequence, it.value());
    }
    const QString now = iso(store_.clock().now());
    if (kind == QLatin1String("inherent")) {
        if (auto s = store_.db().exec(QStringLiteral("UPDATE risks SET likelihood = ?, consequence = ?, manual_score = 1, updated_at = ? WHERE id = ?"),
                                      {likelihood, consequence, now, r->id});
            !s)
            return s;
        if (auto s = store_.db().exec(QStringLiteral("DELETE FROM risk_consequences WHERE risk_id = ?"), {r->id}); !s) return s;
        for (auto it = consequences.begin(); it != consequences.end(); ++it)
            if (auto s = store_.db().exec(QStringLiteral("INSERT INTO risk_consequences (risk_id, dimension, value) VALUES (?, ?, ?)"),
                                          {r->id, it.key(), it.value()});
                !s)
                return s;
    } else if (auto s = store_.db().exec(QStringLiteral("UPDATE risks SET residual_likelihood = ?, residual_consequence = ?, updated_at = ? WHERE id = ?"),
                                         {likelihood, consequence, now, r->id});
               !s) {
        return s;
    }
    if (auto s = saveScore(who, r->id, kind, likelihood, consequence, r->matrixVersion, reason.trimmed()); !s) return s;
    const MatrixLevel* level = m->levelOf(likelihood, consequence);
    if (auto s = store_.record(who, QStringLiteral("risk.rescore"), QStringLiteral("risk"), ref,
                               scoreJson(r->status, r->likelihood, r->consequence, r->level),
                               scoreJson(r->status, likelihood, consequence, level ? q(level->key) : QString()));
        !s)
        return s;
    if (kind == QLatin1String("inherent"))
        if (auto s = reopenIfRisen(who, *r, *m, likelihood, consequence); !s) return s.error();
    if (auto s = suggestFromEvidence(who, ref); !s) return s;
    return tx.commit();
}

Result<bool> RiskService::reopenIfRisen(const Session& who, const RiskEntry& r, const RiskMatrix& m, int likelihood, int consequence) {
    if (r.status != QLatin1String("accepted") || !r.acceptance) return false;
    // The level accepted, by its key, so a score under a newer matrix compares with it too.
    const auto accepted = std::find_if(m.levels.begin(), m.levels.end(), [&](const MatrixLevel& l) { return q(l.key) == r.acceptance->level; });
    const int acceptedSeverity = accepted != m.levels.end() ? static_cast<int>(accepted - m.levels.begin())
                                                            : m.severity(r.acceptance->likelihood, r.acceptance->consequence);
    if (m.severity(likelihood, consequence) <= acceptedSeverity) return false;
    const MatrixLevel* level = m.levelOf(likelihood, consequence);
    const QString why = QStringLiteral("level rose from %1 to %2").arg(r.acceptance->level, level ? q(level->key) : QString());
    if (auto s = endAcceptance(who, r, why); !s) return s.error();
    if (auto s = store_.db().exec(QStringLiteral("UPDATE risks SET status = 'open', status_reason = ? WHERE id = ?"), {why, r.id}); !s)
        return s.error();
    return true;
}

Result<qint64> RiskService::addMeasure(const Session& who, const Measure& measure) {
    if (!who.allows(permission::RiskWrite)) return denied(who, permission::RiskWrite).error();
    if (measure.title.trimmed().isEmpty()) return fail("a measure needs a title");
    if (!kMeasureStates.contains(measure.status)) return fail("a measure's status is one of " + kMeasureStates.join(QStringLiteral(", ")).toStdString());
    if (measure.likelihoodEffect < 0 || measure.likelihoodEffect > 4 || measure.consequenceEffect < 0 || measure.consequenceEffect > 4)
        return fail("a measure lowers likelihood or consequence by 0 to 4 steps");
    Transaction tx(store_.db());
    if (!tx.started()) return tx.started().error();
    auto r = load(measure.riskRef);
    if (!r) return r.error();
    const QString now = iso(store_.clock().now());
    auto id = store_.db().insertReturningId(
        QStringLiteral("INSERT INTO risk_measures (risk_id, title, owner, due_date, status, likelihood_effect, consequence_effect, created_at,"
                       " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"),
        {r->id, measure.title.trimmed(), measure.owner.trimmed(), measure.due.isValid() ? measure.due.toString(Qt::ISODate) : QVariant(),
         measure.status, measure.likelihoodEffect, measure.consequenceEffect, now, now});
    if (!id) return id.error();
    if (auto s = store_.record(who, QStringLiteral("risk.measure.add"), QStringLiteral("risk"), r->ref, {},
                               QJsonObject{{"measure", *id}, {"title", measure.title.trimmed()}, {"owner", measure.owner.trimmed()},
                                           {"status", measure.status}, {"due", measure.due.toString(Qt::ISODate)}});
        !s)
        return s.error();
    if (auto s = tx.commit(); !s) return s.error();
    return *id;
}

Status RiskService::setMeasureStatus(const Session& who, qint64 id, const QString& status) {
    if (!who.allows(permission::RiskWrite)) return denied(who, permission::RiskWrite);
    if (!kMeasureStates.contains(status)) return fail("a measure's status is one of " + kMeasureStates.join(QStringLiteral(", ")).toStdString());
    Transaction tx(store_.db());
    if (!tx.started()) return tx.started();
    auto rows = store_.db().query(QStringLiteral("SELECT m.status, r.ref FROM risk_measures m JOIN risks r ON r.id = m.risk_id WHERE m.id = ?"), {id});
    if (!rows) return rows.error();
    if (rows->empty()) return fail("no measure " + std::to_string(id), ErrorKind::NotFound);
    if (auto s = store_.db().exec(QStringLiteral("UPDATE risk_measures SET status = ?, updated_at = ? WHERE id = ?"),
                                  {status, iso(store_.clock().now()), id});
        !s)
        return s;
    if (auto s = store_.record(who, QStringLiteral("risk.measure.status"), QStringLiteral("risk"), rows->front().value(1).toString(),
                               QJsonObject{{"measure", id}, {"status", rows->front().value(0).toString()}}, QJsonObject{{"measure", id}, {"status", status}});
        !s)
        return s;
    return tx.commit();
}

Result<QList<Measure>> RiskService::measures(const Session& who, const QString& ref) {
    if (!who.allows(permission::RiskRead)) return denied(who, permission::RiskRead).error();
    auto r = load(ref);
    if (!r) return r.error();
    auto rows = store_.db().query(QStringLiteral("SELECT id, title, owner, due_date, status, likelihood_effect, consequence_effect FROM risk_measures"
                                                 " WHERE risk_id = ? ORDER BY id"),
                                  {r->id});
    if (!rows) return rows.error();
    QList<Measure> out;
    for (const auto& m : *rows)
        out << Measure{m.value(0).toLongLong(), ref, m.value(1).toString(), m.value(2).toString(), dateOf(m.value(3)), m.value(4).toString(),
                       m.value(5).toInt(), m.value(6).toInt()};
    return out;
}

Result<int> RiskService::reopenExpired(const Session& who) {
    if (!who.allows(permission::RiskWrite)) return denied(who, permission::RiskWrite).error();
    const QDate today = store_.clock().today();
    Transaction tx(store_.db());
    if (!tx.started()) return tx.started().error();
    auto rows = store_.db().query(QStringLiteral("SELECT r.ref, a.expires_on FROM risk_acceptances a JOIN risks r ON r.id = a.risk_id"
                                                 " WHERE a.ended_at IS NULL AND a.expires_on < ?"),
                                  {today.toString(Qt::ISODate)});
    if (!rows) return rows.error();
    int reopened = 0;
    for (const auto& row : *rows) {
        auto r = load(row.value(0).toString());
        if (!r) return r.error();
        const QString reason = QStringLiteral("acceptance expired on ") + row.value(1).toString();
        if (auto s = endAcceptance(who, *r, reason); !s) return s.error();
        if (r->status == QLatin1String("accepted")) {
            if (auto s = store_.db().exec(QStringLiteral("UPDATE risks SET status = 'open', status_reason = ?, updated_at = ? WHERE id = ?"),
                                          {reason, iso(store_.clock().now()), r->id});
                !s)
                return s.error();
            ++reopened;
        }
    }
    if (auto s = tx.commit(); !s) return s.error();
    return reopened;
}

Result<QList<RegisterChange>> RiskService::changes(const Session& who, const QString& service, const QDate& from, const QDate& to) {
    if (!who.allows(permission::RiskRead)) return denied(who, permission::RiskRead).error();
    if (!from.isValid() || !to.isValid() || to < from) return fail("the period runs from a date to the same or a later one");
    const QTimeZone oslo("Europe/Oslo");
    const QString start = iso(from.startOfDay(oslo)), end = iso(to.addDays(1).startOfDay(oslo));
    auto m = matrix(who);
    if (!m) return m.error();
    auto levelOf = [&](int l, int c) {
        const MatrixLevel* level = m->levelOf(l, c);
        return QStringLiteral("%1x%2 %3").arg(l).arg(c).arg(level ? q(level->key) : QString());
    };
    QList<RegisterChange> out;
    auto query = [&](const QString& sql) { return store_.db().query(sql, {service, start, end}); };
    // Each half of a UNION takes the service and the period.
    auto rows = store_.db().query(
        QStringLiteral("SELECT created_at, ref, title, likelihood, consequence, assessor, 'risk.added' FROM risks"
                       " WHERE service_key = ? AND created_at >= ? AND created_at < ?"
                       " UNION ALL SELECT closed_at, ref, title, likelihood, consequence, status_reason, 'risk.closed' FROM risks"
                       " WHERE service_key = ? AND closed_at >= ? AND closed_at < ?"),
        {service, start, end, service, start, end});
    if (!rows) return rows.error();
    for (const auto& r : *rows) {
        const bool added = r.value(6).toString() == QLatin1String("risk.added");
        out << RegisterChange{fromIso(r.value(0)), r.value(6).toString(), r.value(1).toString(), r.value(2).toString(),
                              added ? QString() : levelOf(r.value(3).toInt(), r.value(4).toInt()),
                              added ? levelOf(r.value(3).toInt(), r.value(4).toInt()) : r.value(5).toString(),
                              added ? r.value(5).toString() : QString()};
    }
    // Every score in the period beside the one before it (none before: the risk was new).
    auto scores = query(QStringLiteral("SELECT s.scored_at, r.ref, r.title, s.likelihood, s.consequence, s.scored_by, s.reason, s.kind,"
                                       " (SELECT p.likelihood || 'x' || p.consequence FROM risk_scores p WHERE p.risk_id = s.risk_id AND p.kind = s.kind"
                                       "  AND p.id < s.id ORDER BY p.id DESC LIMIT 1)"
                                       " FROM risk_scores s JOIN risks r ON r.id = s.risk_id"
                                       " WHERE r.service_key = ? AND s.scored_at >= ? AND s.scored_at < ?"));
    if (!scores) return scores.error();
    for (const auto& r : *scores) {
        if (r.value(8).isNull()) continue;  // the risk's first score: it appears as added
        const QStringList before = r.value(8).toString().split(QLatin1Char('x'));
        out << RegisterChange{fromIso(r.value(0)), r.value(7).toString() == QLatin1String("residual") ? QStringLiteral("score.residual")
                                                                                                      : QStringLiteral("score"),
                              r.value(1).toString(), r.value(2).toString(),
                              before.size() == 2 ? levelOf(before[0].toInt(), before[1].toInt()) : QString(),
                              levelOf(r.value(3).toInt(), r.value(4).toInt()) + QStringLiteral(": ") + r.value(6).toString(),
                              r.value(5).toString()};
    }
    auto measures = query(QStringLiteral("SELECT m.created_at, m.updated_at, r.ref, m.title, m.status, m.owner FROM risk_measures m"
                                         " JOIN risks r ON r.id = m.risk_id WHERE r.service_key = ? AND m.updated_at >= ? AND m.updated_at < ?"));
    if (!measures) return measures.error();
    for (const auto& r : *measures) {
        const QDateTime created = fromIso(r.value(0)), updated = fromIso(r.value(1));
        if (r.value(0).toString() >= start)
            out << RegisterChange{created, QStringLiteral("measure.added"), r.value(2).toString(), r.value(3).toString(), {}, QStringLiteral("planned"),
                                  r.value(5).toString()};
        if (updated != created)
            out << RegisterChange{updated, QStringLiteral("measure.status"), r.value(2).toString(), r.value(3).toString(), {},
                                  r.value(4).toString(), r.value(5).toString()};
    }
    auto acceptances = store_.db().query(
        QStringLiteral("SELECT a.accepted_at, r.ref, r.title, a.level, a.expires_on, a.accepted_by, 'accepted' FROM risk_acceptances a"
                       " JOIN risks r ON r.id = a.risk_id WHERE r.service_key = ? AND a.accepted_at >= ? AND a.accepted_at < ?"
                       " UNION ALL SELECT a.ended_at, r.ref, r.title, a.level, a.ended_reason, a.accepted_by, 'acceptance.ended'"
                       " FROM risk_acceptances a JOIN risks r ON r.id = a.risk_id"
                       " WHERE r.service_key = ? AND a.ended_at >= ? AND a.ended_at < ?"),
        {service, start, end, service, start, end});
    if (!acceptances) return acceptances.error();
    for (const auto& r : *acceptances) {
        const bool given = r.value(6).toString() == QLatin1String("accepted");
        out << RegisterChange{fromIso(r.value(0)), r.value(6).toString(), r.value(1).toString(), r.value(2).toString(),
                              given ? QString() : r.value(3).toString(),
                              given ? r.value(3).toString() + QStringLiteral(" until ") + r.value(4).toString() : r.value(4).toString(),
                              r.value(5).toString()};
    }
    auto decisions = query(QStringLiteral("SELECT updated_at, ref, title, status, status_reason, decided_by FROM risks WHERE service_key = ?"
                                          " AND updated_at >= ? AND updated_at < ? AND status IN ('mitigated', 'false_positive')"));
    if (!decisions) return decisions.error();
    for (const auto& r : *decisions)
        out << RegisterChange{fromIso(r.value(0)), QStringLiteral("decided"), r.value(1).toString(), r.value(2).toString(), {},
                              r.value(3).toString() + QStringLiteral(": ") + r.value(4).toString(), r.value(5).toString()};
    std::stable_sort(out.begin(), out.end(), [](const RegisterChange& a, const RegisterChange& b) { return a.at < b.at; });
    return out;
}

// ---- change impact --------------------------------------------------------------------------

Result<ImpactReport> RiskService::impact(const Session& who, const QString& node, Event event, bool createTasks) {
    if (!who.allows(permission::RiskRead)) return denied(who, permission::RiskRead).error();
    // Review tasks of a change may come from the board; of anything else, from the register's keepers.
    if (createTasks && !who.allows(permission::RiskWrite) && !(event == Event::Change && who.allows(permission::RiskReviewTasks)))
        return denied(who, event == Event::Change ? permission::RiskReviewTasks : permission::RiskWrite).error();
    auto chain = readValueChain(store_, who);
    if (!chain) return chain.error();
    auto at = findNode(*chain, node);
    if (!at) return at.error();
    const auto impact = chain->impact(*at, event);
    ImpactReport report;
    report.origin = q(chain->node(*at).id);
    report.originTitle = q(chain->node(*at).title);
    report.event = QString::fromLatin1(eventName(event));
    struct Task {
        ImpactReport::Hit hit;
        QString document;
    };
    QList<Task> tasks;
    for (const auto& a : impact.affected) {
        const ChainNode& n = chain->node(a.node);
        ImpactReport::Hit hit{q(n.id), q(n.title), QString::fromLatin1(nodeKindName(n.kind)), a.depth, {}, {}};
        const auto path = impact.path(a.node);
        QString service;  // the nearest service or component on the way, for a municipality's ROS
        for (std::size_t i = 0; i < path.size(); ++i) {
            hit.path << q(chain->node(path[i]).title);
            if (i > 0)
                if (const auto rel = chain->relation(path[i - 1], path[i])) hit.relations << QString::fromLatin1(edgeKindName(*rel));
            const NodeKind k = chain->node(path[i]).kind;
            if (k == NodeKind::Service || k == NodeKind::Component) service = q(chain->node(path[i]).title);
        }
        report.affected << hit;
        switch (n.kind) {
            case NodeKind::Service:
            case NodeKind::Component: tasks << Task{hit, QStringLiteral("ROS for ") + hit.title}; break;
            case NodeKind::Municipality:
            case NodeKind::County:
                tasks << Task{hit, service.isEmpty() ? QStringLiteral("ROS hos ") + hit.title
                                                     : QStringLiteral("ROS for %1 hos %2").arg(service, hit.title)};
                break;
            case NodeKind::Vendor:
            case NodeKind::Hosting: tasks << Task{hit, QStringLiteral("ROS hos underleverandør ") + hit.title}; break;
            default: break;
        }
    }
    if (!createTasks) return report;
    Transaction tx(store_.db());
    if (!tx.started()) return tx.started().error();
    const QString now = iso(store_.clock().now());
    for (const auto& t : tasks) {
        auto open = store_.db().query(QStringLiteral("SELECT id FROM risk_review_tasks WHERE status = 'open' AND node_id = ? AND document = ?"
                                                     " AND origin = ? AND event = ?"),
                                      {t.hit.id, t.document, report.origin, report.event});
        if (!open) return open.error();
        if (!open->empty()) continue;
        auto id = store_.db().insertReturningId(
            QStringLiteral("INSERT INTO risk_review_tasks (node_id, node_title, node_kind, document, event, origin, path, status, created_at, created_by)"
                           " VALUES (?, ?, ?, ?, ?, ?, ?, 'open', ?, ?) RETURNING id"),
            {t.hit.id, t.hit.title, t.hit.kind, t.document, report.event, report.origin, t.hit.path.join(QStringLiteral(" → ")), now, who.username});
        if (!id) return id.error();
        if (auto s = store_.record(who, QStringLiteral("risk.task.create"), QStringLiteral("risk_review_task"), QString::number(*id), {},
                                   QJsonObject{{"document", t.document}, {"node", t.hit.id}, {"event", report.event}, {"origin", report.origin}});
            !s)
            return s.error();
        ++report.tasksCreated;
    }
    if (auto s = tx.commit(); !s) return s.error();
    return report;
}

Result<QList<ReviewTask>> RiskService::tasks(const Session& who, bool openOnly) {
    if (!who.allows(permission::RiskRead)) return denied(who, permission::RiskRead).error();
    auto rows = store_.db().query(QStringLiteral("SELECT id, node_id, node_title, node_kind, document, event, origin, path, status, created_at,"
                                                 " created_by, done_at, COALESCE(done_by, ''), COALESCE(note, '') FROM risk_review_tasks") +
                                  (openOnly ? QStringLiteral(" WHERE status = 'open'") : QString()) + QStringLiteral(" ORDER BY id"));
    if (!rows) return rows.error();
    QList<ReviewTask> out;
    for (const auto& r : *rows)
        out << ReviewTask{r.value(0).toLongLong(), r.value(1).toString(), r.value(2).toString(), r.value(3).toString(), r.value(4).toString(),
                          r.value(5).toString(), r.value(6).toString(), r.value(7).toString().split(QStringLiteral(" → ")), r.value(8).toString(),
                          fromIso(r.value(9)), r.value(10).toString(), fromIso(r.value(11)), r.value(12).toString(), r.value(13).toString()};
    return out;
}

Status RiskService::completeTask(const Session& who, qint64 id, const QString& note) {
    if (!who.allows(permission::RiskWrite)) return denied(who, permission::RiskWrite);
    if (note.trimmed().isEmpty()) return fail("say what the review found (a note)");
    Transaction tx(store_.db());
    if (!tx.started()) return tx.started();
    auto rows = store_.db().query(QStringLiteral("SELECT status, document FROM risk_review_tasks WHERE id = ?"), {id});
    if (!rows) return rows.error();
    if (rows->empty()) return fail("no review task " + std::to_string(id), ErrorKind::NotFound);
    if (rows->front().value(0).toString() != QLatin1String("open")) return fail("review task " + std::to_string(id) + " is done already", ErrorKind::Conflict);
    if (auto s = store_.db().exec(QStringLiteral("UPDATE risk_review_tasks SET status = 'done', done_at = ?, done_by = ?, note = ? WHERE id = ?"),
                                  {iso(store_.clock().now()), who.username, note.trimmed(), id});
        !s)
        return s;
    if (auto s = store_.record(who, QStringLiteral("risk.task.done"), QStringLiteral("risk_review_task"), QString::number(id),
                               QJsonObject{{"status", "open"}}, QJsonObject{{"status", "done"}, {"note", note.trimmed()}});
        !s)
        return s;
    return tx.commit();
}

}  // namespace vakt::risk
