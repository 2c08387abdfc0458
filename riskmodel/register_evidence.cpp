// Evidence moves risk: incidents linked to a risk, the re-scores they suggest, and the
// quantitative estimates the loss-exceedance curve is simulated from.
#include <QJsonArray>
#include <QJsonObject>
#include <QSqlRecord>
#include <algorithm>

#include "core/incidents.h"
#include "riskmodel/register.h"
#include "riskmodel/register_rows.h"

namespace vakt::risk {

namespace {
// What "the last twelve months" means for evidence.
constexpr int kWindowDays = 365;

QString incidentList(const QList<qint64>& ids) {
    QStringList out;
    for (qint64 id : ids) out << QString::number(id);
    return out.join(QLatin1Char(','));
}

QList<qint64> parseIncidentList(const QString& text) {
    QList<qint64> out;
    for (const QString& part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) out << part.toLongLong();
    return out;
}

const QString kSuggestionColumns = QStringLiteral(
    "SELECT s.id, r.ref, r.title, r.owner, s.likelihood_from, s.likelihood_to, s.observed, s.window_days, s.incidents, s.created_at,"
    " s.status, COALESCE(s.decided_by, ''), s.decided_at, COALESCE(s.note, '') FROM risk_suggestions s JOIN risks r ON r.id = s.risk_id");

Suggestion suggestionFrom(const QSqlRecord& row) {
    Suggestion s;
    s.id = row.value(0).toLongLong();
    s.riskRef = row.value(1).toString();
    s.riskTitle = row.value(2).toString();
    s.owner = row.value(3).toString();
    s.likelihoodFrom = row.value(4).toInt();
    s.likelihoodTo = row.value(5).toInt();
    s.observed = row.value(6).toInt();
    s.windowDays = row.value(7).toInt();
    s.incidents = parseIncidentList(row.value(8).toString());
    s.createdAt = fromIso(row.value(9));
    s.status = row.value(10).toString();
    s.decidedBy = row.value(11).toString();
    s.decidedAt = fromIso(row.value(12));
    s.note = row.value(13).toString();
    return s;
}
// An estimate row (per_year, loss_low, loss_high) as the trail records it.
QJsonObject estimateJson(const QSqlRecord& row) {
    return QJsonObject{{"per_year", row.value(0).toDouble()}, {"loss_low", row.value(1).toDouble()}, {"loss_high", row.value(2).toDouble()}};
}
}  // namespace

Status RiskService::linkEvidence(const Session& who, const QString& ref, qint64 incidentId, const QString& note) {
    if (!who.allows(permission::RiskWrite)) return denied(who, permission::RiskWrite);
    Transaction tx(store_.db());
    if (!tx.started()) return tx.started();
    auto r = load(ref);
    if (!r) return r.error();
    if (r->status == QLatin1String("closed")) return fail("risk '" + ref.toStdString() + "' is closed: its threat is no longer raised", ErrorKind::Conflict);
    // Read through the incidents module, so its own read permission applies.
    auto incident = IncidentStore(store_).get(who, incidentId);
    if (!incident) return incident.error();
    auto existing = store_.db().query(QStringLiteral("SELECT 1 FROM risk_evidence WHERE risk_id = ? AND incident_id = ?"), {r->id, incidentId});
    if (!existing) return existing.error();
    if (!existing->empty())
        return fail("incident " + std::to_string(incidentId) + " is already evidence for '" + ref.toStdString() + "'", ErrorKind::Conflict);
    const QString title = incident->summary.isEmpty() ? incident->title : incident->title + QStringLiteral(": ") + incident->summary;
    if (auto s = store_.db().exec(QStringLiteral("INSERT INTO risk_evidence (risk_id, incident_id, observed_at, source, title, severity, linked_at,"
                                                 " linked_by, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                                  {r->id, incidentId, iso(incident->openedAt), incident->source, title.left(500), incident->severity,
                                   iso(store_.clock().now()), who.username, note.trimmed()});
        !s)
        return s;
    if (auto s = store_.record(who, QStringLiteral("risk.evidence.link"), QStringLiteral("risk"), ref, {},
                               QJsonObject{{"incident", incidentId}, {"source", incident->source}, {"note", note.trimmed()}});
        !s)
        return s;
    if (auto s = suggestFromEvidence(who, ref); !s) return s;
    return tx.commit();
}

Status RiskService::unlinkEvidence(const Session& who, const QString& ref, qint64 incidentId, const QString& reason) {
    if (!who.allows(permission::RiskWrite)) return denied(who, permission::RiskWrite);
    if (reason.trimmed().isEmpty()) return fail("removing evidence needs a reason");
    Transaction tx(store_.db());
    if (!tx.started()) return tx.started();
    auto r = load(ref);
    if (!r) return r.error();
    auto rows = store_.db().query(QStringLiteral("SELECT observed_at, source, title FROM risk_evidence WHERE risk_id = ? AND incident_id = ?"),
                                  {r->id, incidentId});
    if (!rows) return rows.error();
    if (rows->empty())
        return fail("incident " + std::to_string(incidentId) + " is not evidence for '" + ref.toStdString() + "'", ErrorKind::NotFound);
    if (auto s = store_.db().exec(QStringLiteral("DELETE FROM risk_evidence WHERE risk_id = ? AND incident_id = ?"), {r->id, incidentId}); !s)
        return s;
    if (auto s = store_.record(who, QStringLiteral("risk.evidence.unlink"), QStringLiteral("risk"), ref,
                               QJsonObject{{"incident", incidentId}, {"title", rows->front().value(2).toString()}},
                               QJsonObject{{"reason", reason.trimmed()}});
        !s)
        return s;
    if (auto s = suggestFromEvidence(who, ref); !s) return s;
    return tx.commit();
}

Result<QList<Evidence>> RiskService::evidence(const Session& who, const QString& ref) {
    if (!who.allows(permission::RiskRead)) return denied(who, permission::RiskRead).error();
    auto r = load(ref);
    if (!r) return r.error();
    auto rows = store_.db().query(QStringLiteral("SELECT incident_id, observed_at, source, title, severity, linked_at, linked_by, note"
                                                 " FROM risk_evidence WHERE risk_id = ? ORDER BY observed_at DESC, incident_id"),
                                  {r->id});
    if (!rows) return rows.error();
    QList<Evidence> out;
    for (const auto& e : *rows)
        out << Evidence{e.value(0).toLongLong(), fromIso(e.value(1)), e.value(2).toString(), e.value(3).toString(), e.value(4).toString(),
                        fromIso(e.value(5)), e.value(6).toString(), e.value(7).toString()};
    return out;
}

Result<QList<std::pair<QString, QString>>> RiskService::risksOfIncident(const Session& who, qint64 incidentId) {
    if (!who.allows(permission::RiskRead)) return denied(who, permission::RiskRead).error();
    auto rows = store_.db().query(QStringLiteral("SELECT r.ref, r.title FROM risk_evidence e JOIN risks r ON r.id = e.risk_id WHERE e.incident_id = ? ORDER BY r.ref"),
                                  {incidentId});
    if (!rows) return rows.error();
    QList<std::pair<QString, QString>> out;
    for (const auto& row : *rows) out.append({row.value(0).toString(), row.value(1).toString()});
    return out;
}

Status RiskService::suggestFromEvidence(const Session& who, const QString& ref) {
    std::map<int, RiskMatrix> matrices;
    auto r = load(ref);
    if (!r) return r.error();
    if (auto s = annotate(who, *r, matrices); !s) return s;
    const RiskMatrix& m = matrices.at(r->matrixVersion);
    const QDateTime since = store_.clock().now().addDays(-kWindowDays);
    auto rows = store_.db().query(QStringLiteral("SELECT incident_id FROM risk_evidence WHERE risk_id = ? AND observed_at >= ? ORDER BY incident_id"),
                                  {r->id, iso(since)});
    if (!rows) return rows.error();
    QList<qint64> incidents;
    for (const auto& row : *rows) incidents << row.value(0).toLongLong();
    const bool open = r->status != QLatin1String("closed") && r->status != QLatin1String("false_positive");
    std::optional<LikelihoodSuggestion> suggested;
    if (open) suggested = suggestLikelihood(m, r->likelihood, static_cast<int>(incidents.size()), kWindowDays / 365.0);
    // The band as a plain number: GCC's -O2 cannot see through the optional in the loop below.
    const int suggestedLikelihood = suggested ? suggested->likelihood : 0;

    auto pending = store_.db().query(QStringLiteral("SELECT id, likelihood_to, incidents FROM risk_suggestions WHERE risk_id = ? AND status = 'pending'"),
                                     {r->id});
    if (!pending) return pending.error();
    const QString now = iso(store_.clock().now());
    for (const auto& p : *pending) {
        if (suggested && p.value(1).toInt() == suggestedLikelihood) {
            // The same suggestion with what is now the evidence behind it, from the score now.
            return store_.db().exec(QStringLiteral("UPDATE risk_suggestions SET likelihood_from = ?, observed = ?, incidents = ? WHERE id = ?"),
                                    {r->likelihood, static_cast<int>(incidents.size()), incidentList(incidents), p.value(0)});
        }
        if (auto s = store_.db().exec(QStringLiteral("UPDATE risk_suggestions SET status = 'superseded', decided_at = ? WHERE id = ?"),
                                      {now, p.value(0)});
            !s)
            return s;
    }
    if (!suggested) return {};
    // The owner has said no to these very incidents for this much already; a new incident counts.
    auto rejected = store_.db().query(QStringLiteral("SELECT incidents FROM risk_suggestions WHERE risk_id = ? AND status = 'rejected' AND likelihood_to >= ?"),
                                      {r->id, suggested->likelihood});
    if (!rejected) return rejected.error();
    for (const auto& row : *rejected) {
        const QList<qint64> seen = parseIncidentList(row.value(0).toString());
        if (std::all_of(incidents.begin(), incidents.end(), [&](qint64 id) { return seen.contains(id); })) return {};
    }
    return store_.db().exec(QStringLiteral("INSERT INTO risk_suggestions (risk_id, likelihood_from, likelihood_to, observed, window_days, incidents,"
                                           " created_at, status) VALUES (?, ?, ?, ?, ?, ?, ?, 'pending')"),
                            {r->id, r->likelihood, suggested->likelihood, static_cast<int>(incidents.size()), kWindowDays,
                             incidentList(incidents), now});
}

Result<QList<Suggestion>> RiskService::suggestions(const Session& who, const QString& service, bool pendingOnly) {
    if (!who.allows(permission::RiskRead)) return denied(who, permission::RiskRead).error();
    QString sql = kSuggestionColumns + QStringLiteral(" WHERE 1 = 1");
    QVariantList binds;
    if (!service.isEmpty()) {
        sql += QStringLiteral(" AND r.service_key = ?");
        binds << service;
    }
    if (pendingOnly) sql += QStringLiteral(" AND s.status = 'pending'");
    auto rows = store_.db().query(sql + QStringLiteral(" ORDER BY s.id DESC"), binds);
    if (!rows) return rows.error();
    QList<Suggestion> out;
    for (const auto& row : *rows) out << suggestionFrom(row);
    return out;
}

Result<int> RiskService::refreshSuggestions(const Session& who) {
    if (!who.allows(permission::RiskWrite)) return denied(who, permission::RiskWrite).error();
    Transaction tx(store_.db());
    if (!tx.started()) return tx.started().error();
    auto refs = store_.db().query(QStringLiteral("SELECT DISTINCT r.ref FROM risks r JOIN risk_evidence e ON e.risk_id = r.id"
                                                 " UNION SELECT r.ref FROM risks r JOIN risk_suggestions s ON s.risk_id = r.id AND s.status = 'pending'"));
    if (!refs) return refs.error();
    for (const auto& row : *refs)
        if (auto s = suggestFromEvidence(who, row.value(0).toString()); !s) return s.error();
    auto pending = store_.db().query(QStringLiteral("SELECT COUNT(*) FROM risk_suggestions WHERE status = 'pending'"));
    if (!pending) return pending.error();
    if (auto s = tx.commit(); !s) return s.error();
    return pending->front().value(0).toInt();
}

Status RiskService::decideSuggestion(const Session& who, qint64 id, bool accept, const QString& note) {
    if (!who.allows(permission::RiskAccept)) return denied(who, permission::RiskAccept);
    if (!accept && note.trimmed().isEmpty()) return fail("rejecting a suggested re-score needs a reason");
    Transaction tx(store_.db());
    if (!tx.started()) return tx.started();
    auto rows = store_.db().query(kSuggestionColumns + QStringLiteral(" WHERE s.id = ?"), {id});
    if (!rows) return rows.error();
    if (rows->empty()) return fail("no suggestion " + std::to_string(id), ErrorKind::NotFound);
    const Suggestion s = suggestionFrom(rows->front());
    if (s.status != QLatin1String("pending"))
        return fail("suggestion " + std::to_string(id) + " is " + s.status.toStdString() + ", not pending", ErrorKind::Conflict);
    if (s.owner.isEmpty())
        return fail("risk '" + s.riskRef.toStdString() + "' has no owner to decide on its suggested re-score", ErrorKind::Denied);
    if (who.username != s.owner)
        return fail("only the risk's owner " + s.owner.toStdString() + " decides on its suggested re-score", ErrorKind::Denied);
    auto current = load(s.riskRef);
    if (!current) return current.error();
    // As with acceptance: the one who assessed the risk does not also overrule its evidence.
    if (who.username == current->assessor)
        return fail("risk '" + s.riskRef.toStdString() + "' was assessed by " + current->assessor.toStdString() +
                        ", who may not also decide on its suggested re-score",
                    ErrorKind::Denied);
    if (current->status == QLatin1String("closed") || current->status == QLatin1String("false_positive"))
        return fail("risk '" + s.riskRef.toStdString() + "' is " + current->status.toStdString() + ": there is nothing to re-score",
                    ErrorKind::Conflict);
    const QString now = iso(store_.clock().now());
    if (auto st = store_.db().exec(QStringLiteral("UPDATE risk_suggestions SET status = ?, decided_by = ?, decided_at = ?, note = ? WHERE id = ?"),
                                   {accept ? QStringLiteral("accepted") : QStringLiteral("rejected"), who.username, now, note.trimmed(), id});
        !st)
        return st;
    if (auto st = store_.record(who, accept ? QStringLiteral("risk.suggestion.accept") : QStringLiteral("risk.suggestion.reject"),
                                QStringLiteral("risk"), s.riskRef, QJsonObject{{"likelihood", s.likelihoodFrom}},
                                QJsonObject{{"suggestion", id},
                                            {"likelihood", accept ? s.likelihoodTo : s.likelihoodFrom},
                                            {"suggested", s.likelihoodTo},
                                            {"incidents", incidentList(s.incidents)},
                                            {"note", note.trimmed()}});
        !st)
        return st;
    if (accept) {
        auto r = risk(who, s.riskRef);
        if (!r) return r.error();
        auto m = matrix(who, r->matrixVersion);
        if (!m) return m.error();
        const int likelihood = std::max(r->likelihood, s.likelihoodTo);
        if (auto st = store_.db().exec(QStringLiteral("UPDATE risks SET likelihood = ?, manual_score = 1, updated_at = ? WHERE id = ?"),
                                       {likelihood, now, r->id});
            !st)
            return st;
        QString reason = QStringLiteral("evidence: %1 incidents in %2 days (%3)").arg(s.observed).arg(s.windowDays).arg(incidentList(s.incidents));
        if (!note.trimmed().isEmpty()) reason += QStringLiteral("; ") + note.trimmed();
        if (auto st = saveScore(who, r->id, QStringLiteral("inherent"), likelihood, r->consequence, r->matrixVersion, reason); !st) return st;
        if (auto st = reopenIfRisen(who, *r, *m, likelihood, r->consequence); !st) return st.error();
    }
    return tx.commit();
}

// ---- quantitative estimates -----------------------------------------------------------------

Status RiskService::setEstimate(const Session& who, const QString& ref, const LossEstimate& estimate, const QString& note) {
    if (!who.allows(permission::RiskWrite)) return denied(who, permission::RiskWrite);
    if (auto s = validate(estimate); !s) return s;
    if (estimate.perYear > SimulationLimits{}.maxPerYear) return fail("at most 1000 events a year");
    Transaction tx(store_.db());
    if (!tx.started()) return tx.started();
    auto r = load(ref);
    if (!r) return r.error();
    auto before = estimateRow(r->id);
    if (!before) return before.error();
    const QJsonObject old = before->empty() ? QJsonObject() : estimateJson(before->front());
    if (auto s = store_.db().exec(QStringLiteral("DELETE FROM risk_estimates WHERE risk_id = ?"), {r->id}); !s) return s;
    if (auto s = store_.db().exec(QStringLiteral("INSERT INTO risk_estimates (risk_id, per_year, loss_low, loss_high, estimated_by, estimated_at, note)"
                                                 " VALUES (?, ?, ?, ?, ?, ?, ?)"),
                                  {r->id, estimate.perYear, estimate.low, estimate.high, who.username, iso(store_.clock().now()), note.trimmed()});
        !s)
        return s;
    if (auto s = store_.record(who, QStringLiteral("risk.estimate"), QStringLiteral("risk"), ref, old,
                               QJsonObject{{"per_year", estimate.perYear}, {"loss_low", estimate.low}, {"loss_high", estimate.high},
                                           {"note", note.trimmed()}});
        !s)
        return s;
    return tx.commit();
}

Status RiskService::clearEstimate(const Session& who, const QString& ref, const QString& reason) {
    if (!who.allows(permission::RiskWrite)) return denied(who, permission::RiskWrite);
    if (reason.trimmed().isEmpty()) return fail("removing an estimate needs a reason");
    Transaction tx(store_.db());
    if (!tx.started()) return tx.started();
    auto r = load(ref);
    if (!r) return r.error();
    auto before = estimateRow(r->id);
    if (!before) return before.error();
    if (before->empty()) return fail("risk '" + ref.toStdString() + "' has no estimate", ErrorKind::NotFound);
    if (auto s = store_.db().exec(QStringLiteral("DELETE FROM risk_estimates WHERE risk_id = ?"), {r->id}); !s) return s;
    if (auto s = store_.record(who, QStringLiteral("risk.estimate.clear"), QStringLiteral("risk"), ref, estimateJson(before->front()),
                               QJsonObject{{"reason", reason.trimmed()}});
        !s)
        return s;
    return tx.commit();
}

Result<Rows> RiskService::estimateRow(qint64 riskId) {
    return store_.db().query(QStringLiteral("SELECT per_year, loss_low, loss_high FROM risk_estimates WHERE risk_id = ?"), {riskId});
}

Result<QList<StoredEstimate>> RiskService::estimates(const Session& who, const QString& service) {
    if (!who.allows(permission::RiskRead)) return denied(who, permission::RiskRead).error();
    QString sql = QStringLiteral("SELECT r.ref, r.service_key, r.title, e.per_year, e.loss_low, e.loss_high, e.estimated_by, e.estimated_at, e.note"
                                 " FROM risk_estimates e JOIN risks r ON r.id = e.risk_id WHERE r.status NOT IN ('closed', 'false_positive')");
    QVariantList binds;
    if (!service.isEmpty()) {
        sql += QStringLiteral(" AND r.service_key = ?");
        binds << service;
    }
    auto rows = store_.db().query(sql + QStringLiteral(" ORDER BY r.service_key, r.ref"), binds);
    if (!rows) return rows.error();
    QList<StoredEstimate> out;
    for (const auto& e : *rows)
        out << StoredEstimate{e.value(0).toString(),
                              e.value(1).toString(),
                              e.value(2).toString(),
                              {e.value(3).toDouble(), e.value(4).toDouble(), e.value(5).toDouble()},
                              e.value(6).toString(),
                              fromIso(e.value(7)),
                              e.value(8).toString()};
    return out;
}

Result<LossCurve> RiskService::lossCurve(const Session& who, const QString& service, int trials, std::uint64_t seed) {
    auto stored = estimates(who, service);
    if (!stored) return stored.error();
    std::vector<LossEstimate> inputs;
    inputs.reserve(static_cast<std::size_t>(stored->size()));
    for (const auto& e : *stored) inputs.push_back(e.estimate);
    return simulateLosses(inputs, trials, seed);
}

}  // namespace vakt::risk
