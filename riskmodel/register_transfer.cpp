// The register out to spreadsheets and back: export, and an import that changes the register
// only through the rules a person meets by hand, all or nothing.
#include <QJsonObject>
#include <QLocale>
#include <QSqlRecord>
#include <algorithm>
#include <cmath>

#include "core/catalog_service.h"
#include "riskmodel/register.h"
#include "riskmodel/register_rows.h"

namespace vakt::risk {

namespace {

QString number(double v) { return QString::number(v, 'g', QLocale::FloatingPointShortest); }

// Where a row is in its file (tables built in memory have no places: their row number).
std::string placeOf(const Table& t, qsizetype row) {
    return (row < t.places.size() ? t.places[row] : QStringLiteral("%1 row %2").arg(t.name).arg(row + 2)).toStdString();
}

// A cell's error: where it is, which column, and why.
Error cellError(const Table& t, qsizetype row, const QString& column, const QString& why) {
    return fail(placeOf(t, row) + ": " + QStringLiteral("column '%1': %2").arg(column, why).toStdString());
}

// A whole number in [min, max] from a cell; nullopt when the cell is empty or the column absent.
Result<std::optional<int>> intCell(const Table& t, qsizetype row, const QString& column, int min, int max) {
    const QString text = t.cell(row, column);
    if (text.isEmpty()) return std::optional<int>();
    bool ok = false;
    // Spreadsheets write whole numbers as "3" or "3.0"; the range is checked before the cast.
    const double v = text.toDouble(&ok);
    if (!ok || !std::isfinite(v) || v < min || v > max || v != std::floor(v))
        return cellError(t, row, column, QStringLiteral("expected a whole number from %1 to %2, not '%3'").arg(min).arg(max).arg(text));
    return std::optional<int>(static_cast<int>(v));
}

Result<std::optional<double>> doubleCell(const Table& t, qsizetype row, const QString& column) {
    const QString text = t.cell(row, column);
    if (text.isEmpty()) return std::optional<double>();
    auto v = parseAmount(text);
    if (!v) return cellError(t, row, column, QString::fromStdString(v.message()));
    return std::optional<double>(*v);
}

Result<QDate> dateCell(const Table& t, qsizetype row, const QString& column) {
    const QString text = t.cell(row, column);
    if (text.isEmpty()) return QDate();
    const QDate d = QDate::fromString(text.left(10), Qt::ISODate);
    if (!d.isValid()) return cellError(t, row, column, QStringLiteral("expected a date as 2026-12-31, not '%1'").arg(text));
    return d;
}

// The dimension a single consequence is recorded under: the risk's highest, else the first.
QString topDimension(const QMap<QString, int>& consequences, const RiskMatrix& m) {
    QString best;
    int value = 0;
    for (auto it = consequences.begin(); it != consequences.end(); ++it)
        if (it.value() > value) {
            best = it.key();
            value = it.value();
        }
    return best.isEmpty() ? q(m.dimensions.front().key) : best;
}

}  // namespace

Result<RegisterTables> RiskService::exportRegister(const Session& who, const QString& service) {
    auto list = risks(who, service, true);
    if (!list) return list.error();
    auto m = matrix(who);
    if (!m) return m.error();
    QStringList dimensions;
    for (const auto& d : m->dimensions) dimensions << q(d.key);
    for (const auto& r : *list)
        for (auto it = r.consequences.begin(); it != r.consequences.end(); ++it)
            if (!dimensions.contains(it.key())) dimensions << it.key();

    QString filter;
    QVariantList binds;
    if (!service.isEmpty()) {
        filter = QStringLiteral(" WHERE r.service_key = ?");
        binds << service;
    }
    auto estimateRows = store_.db().query(
        QStringLiteral("SELECT r.ref, e.per_year, e.loss_low, e.loss_high FROM risk_estimates e JOIN risks r ON r.id = e.risk_id") + filter, binds);
    if (!estimateRows) return estimateRows.error();
    QHash<QString, QStringList> estimatesByRef;
    for (const auto& e : *estimateRows)
        estimatesByRef[e.value(0).toString()] = {number(e.value(1).toDouble()), number(e.value(2).toDouble()), number(e.value(3).toDouble())};

    RegisterTables out;
    out.risks.name = kRisksSheet;
    out.risks.header = riskColumns();
    const qsizetype after = out.risks.header.indexOf(QStringLiteral("consequence")) + 1;
    for (qsizetype i = 0; i < dimensions.size(); ++i) out.risks.header.insert(after + i, dimensions[i]);
    for (const auto& r : *list) {
        const QStringList estimate = estimatesByRef.value(r.ref, {QString(), QString(), QString()});
        QStringList row{r.ref,
                        r.service,
                        r.title,
                        r.description,
                        r.status,
                        r.statusReason,
                        r.owner,
                        r.assessor,
                        QString::number(r.matrixVersion),
                        QString::number(r.likelihood),
                        QString::number(r.consequence)};
        for (const QString& d : dimensions) row << (r.consequences.contains(d) ? QString::number(r.consequences.value(d)) : QString());
        row << (r.residualLikelihood ? QString::number(*r.residualLikelihood) : QString())
            << (r.residualConsequence ? QString::number(*r.residualConsequence) : QString()) << r.reviewDate.toString(Qt::ISODate) << r.threatId
            << r.ruleId << r.stride << r.elementId << estimate;
        out.risks.rows << row;
    }

    out.measures.name = kMeasuresSheet;
    out.measures.header = measureColumns();
    auto measureRows = store_.db().query(QStringLiteral("SELECT m.id, r.ref, m.title, m.owner, m.due_date, m.status, m.likelihood_effect,"
                                                        " m.consequence_effect FROM risk_measures m JOIN risks r ON r.id = m.risk_id") +
                                             filter + QStringLiteral(" ORDER BY r.ref, m.id"),
                                         binds);
    if (!measureRows) return measureRows.error();
    for (const auto& m2 : *measureRows)
        out.measures.rows << QStringList{m2.value(0).toString(), m2.value(1).toString(), m2.value(2).toString(), m2.value(3).toString(),
                                         m2.value(4).toString(), m2.value(5).toString(), m2.value(6).toString(), m2.value(7).toString()};
    return out;
}

Result<ImportReport> RiskService::importRegister(const Session& who, const RegisterTables& tables, const QString& source, bool dryRun) {
    if (!who.allows(permission::RiskWrite)) return denied(who, permission::RiskWrite).error();
    auto newest = matrixVersion(who);
    if (!newest) return newest.error();
    // Every column must be one Vakt knows: a misspelt header would otherwise be dropped. The
    // consequence dimensions are those of every matrix version, as the export writes them.
    QStringList known = riskColumns();
    for (int version = 1; version <= *newest; ++version) {
        auto m = matrix(who, version);
        if (!m) return m.error();
        for (const auto& d : m->dimensions)
            if (!known.contains(q(d.key))) known << q(d.key);
    }
    QStringList errors;
    for (auto [t, columns] : {std::pair{&tables.risks, known}, std::pair{&tables.measures, measureColumns()}}) {
        for (const QString& h : t->header)
            if (!columns.contains(h))
                errors << QStringLiteral("%1 (sheet %2): unknown column '%3'; the columns are %4").arg(source, t->name, h, columns.join(QStringLiteral(", ")));
    }
    if (!tables.risks.rows.isEmpty() && tables.risks.column(QStringLiteral("ref")) < 0)
        errors << QStringLiteral("%1 (sheet %2): no column 'ref'").arg(source, tables.risks.name);
    if (!tables.measures.rows.isEmpty())
        for (const char* required : {"risk_ref", "title"})
            if (tables.measures.column(QLatin1String(required)) < 0)
                errors << QStringLiteral("%1 (sheet %2): no column '%3'").arg(source, tables.measures.name, QLatin1String(required));
    if (!errors.isEmpty()) return fail(errors.join(QLatin1Char('\n')).toStdString());

    Transaction tx(store_.db());
    if (!tx.started()) return tx.started().error();
    ImportReport report;
    constexpr int kMaxErrors = 50;
    QSet<QString> seen;
    for (qsizetype i = 0; i < tables.risks.rows.size() && errors.size() < kMaxErrors; ++i) {
        const QString ref = tables.risks.cell(i, QStringLiteral("ref"));
        if (seen.contains(ref)) {
            errors << QString::fromStdString(placeOf(tables.risks, i)) + QStringLiteral(": column 'ref': '%1' is in the file twice").arg(ref);
            continue;
        }
        seen.insert(ref);
        if (auto s = importRisk(who, tables.risks, i, source, report); !s) errors << QString::fromStdString(s.message());
    }
    for (qsizetype i = 0; i < tables.measures.rows.size() && errors.size() < kMaxErrors; ++i)
        if (auto s = importMeasure(who, tables.measures, i, report); !s) errors << QString::fromStdString(s.message());
    if (!errors.isEmpty()) {
        if (errors.size() >= kMaxErrors) errors << QStringLiteral("(stopped after %1 errors)").arg(kMaxErrors);
        return fail(QStringLiteral("%1: nothing imported:\n").arg(source).toStdString() + errors.join(QLatin1Char('\n')).toStdString());
    }
    if (dryRun) return report;  // rolled back as the transaction goes out of scope
    if (auto s = tx.commit(); !s) return s.error();
    return report;
}

Status RiskService::importRisk(const Session& who, const Table& t, qsizetype row, const QString& source, ImportReport& report) {
    const QString ref = t.cell(row, QStringLiteral("ref"));
    if (ref.isEmpty()) return cellError(t, row, QStringLiteral("ref"), QStringLiteral("empty; every risk has a ref"));
    const QString reason = QStringLiteral("imported from %1").arg(source);
    const QString now = iso(store_.clock().now());
    auto has = [&](const char* column) { return t.column(QLatin1String(column)) >= 0; };
    auto likelihood = intCell(t, row, QStringLiteral("likelihood"), 1, 10);
    if (!likelihood) return likelihood.error();
    auto consequence = intCell(t, row, QStringLiteral("consequence"), 1, 10);
    if (!consequence) return consequence.error();

    auto current = risk(who, ref);
    if (!current && current.kind() != ErrorKind::NotFound) return current.error();
    const int versionOfMatrix = current ? current->matrixVersion : *matrixVersion(who);
    auto m = matrix(who, versionOfMatrix);
    if (!m) return m.error();
    QMap<QString, int> dimensions;
    for (const auto& d : m->dimensions) {
        auto v = intCell(t, row, q(d.key), 1, static_cast<int>(m->consequence.size()));
        if (!v) return v.error();
        if (*v) dimensions[q(d.key)] = **v;
    }
    // A consequence column of another matrix version must be empty for a risk scored with this one.
    const QStringList fixed = riskColumns();
    for (const QString& column : t.header)
        if (!fixed.contains(column) && !m->dimension(column.toStdString()) && !t.cell(row, column).isEmpty())
            return cellError(t, row, column, QStringLiteral("not a consequence dimension of matrix version %1, which scores this risk").arg(versionOfMatrix));
    if (!dimensions.isEmpty()) {
        const int highest = *std::max_element(dimensions.begin(), dimensions.end());
        if (*consequence && **consequence != highest)
            return cellError(t, row, QStringLiteral("consequence"),
                             QStringLiteral("is the highest of the dimensions (%1), not %2").arg(highest).arg(**consequence));
        consequence = std::optional<int>(highest);
    }
    if (*likelihood && **likelihood > m->size())
        return cellError(t, row, QStringLiteral("likelihood"), QStringLiteral("the matrix has %1 bands").arg(m->size()));
    if (*consequence && **consequence > static_cast<int>(m->consequence.size()))
        return cellError(t, row, QStringLiteral("consequence"), QStringLiteral("the matrix has %1 levels").arg(m->consequence.size()));
    auto review = dateCell(t, row, QStringLiteral("review_date"));
    if (!review) return review.error();

    bool changed = false, created = false;
    auto note = [&](const QString& what) {
        report.changes << ref + QStringLiteral(": ") + what;
        changed = true;
    };
    if (!current) {
        // A risk kept by hand (not raised by a rule): its service must be in the catalogue.
        const QString service = t.cell(row, QStringLiteral("service")).isEmpty() ? ref.section(QLatin1Char(':'), 0, 0)
                                                                                  : t.cell(row, QStringLiteral("service"));
        if (!ref.startsWith(service + QLatin1Char(':')) || ref.size() <= service.size() + 1)
            return cellError(t, row, QStringLiteral("ref"), QStringLiteral("a new risk's ref is SERVICE:ID, here %1:…").arg(service));
        // Refs with '/' are the ones analysis gives the threats it raises: a file may not take one.
        if (ref.section(QLatin1Char(':'), 1).contains(QLatin1Char('/')))
            return cellError(t, row, QStringLiteral("ref"),
                             QStringLiteral("'%1' is a risk analysis raises from the service's threat model; import the model "
                                            "(vakt risk model import) and analyse it instead. A risk of your own is SERVICE:ID without '/'")
                                 .arg(ref));
        auto entry = CatalogService(store_).get(who, service);
        if (!entry) return entry.error();
        if (!entry->has_value()) return cellError(t, row, QStringLiteral("service"), QStringLiteral("no service '%1' in the catalogue").arg(service));
        const QString title = t.cell(row, QStringLiteral("title"));
        if (title.isEmpty()) return cellError(t, row, QStringLiteral("title"), QStringLiteral("a new risk needs a title"));
        if (!*likelihood || !*consequence)
            return cellError(t, row, *likelihood ? QStringLiteral("consequence") : QStringLiteral("likelihood"),
                             QStringLiteral("a new risk needs a likelihood and a consequence"));
        auto id = store_.db().insertReturningId(
            QStringLiteral("INSERT INTO risks (ref, service_key, rule_id, stride, element_id, title, description, status, assessor, matrix_version,"
                           " likelihood, consequence, manual_score, review_date, created_at, updated_at)"
                           " VALUES (?, ?, '', ?, '', ?, ?, 'open', ?, ?, ?, ?, 1, ?, ?, ?) RETURNING id"),
            {ref, service, t.cell(row, QStringLiteral("stride")), title, t.cell(row, QStringLiteral("description")), who.username, versionOfMatrix,
             **likelihood, **consequence, review->isValid() ? review->toString(Qt::ISODate) : QVariant(), now, now});
        if (!id) return id.error();
        for (auto it = dimensions.begin(); it != dimensions.end(); ++it)
            if (auto s = store_.db().exec(QStringLiteral("INSERT INTO risk_consequences (risk_id, dimension, value) VALUES (?, ?, ?)"),
                                          {*id, it.key(), it.value()});
                !s)
                return s;
        if (auto s = saveScore(who, *id, QStringLiteral("inherent"), **likelihood, **consequence, versionOfMatrix, reason); !s) return s;
        if (auto s = store_.record(who, QStringLiteral("risk.create"), QStringLiteral("risk"), ref, {},
                                   QJsonObject{{"service", service}, {"title", title}, {"likelihood", **likelihood},
                                               {"consequence", **consequence}, {"source", source}});
            !s)
            return s;
        ++report.created;
        created = true;
        report.changes << ref + QStringLiteral(": created");
        current = risk(who, ref);
        if (!current) return current.error();
    } else {
        const QString service = t.cell(row, QStringLiteral("service"));
        if (!service.isEmpty() && service != current->service)
            return cellError(t, row, QStringLiteral("service"), QStringLiteral("the risk belongs to %1; a ref cannot move").arg(current->service));
        const QString version = t.cell(row, QStringLiteral("matrix_version"));
        if (!version.isEmpty() && version != QString::number(current->matrixVersion))
            return cellError(t, row, QStringLiteral("matrix_version"),
                             QStringLiteral("the register scores this risk with matrix version %1; Vakt maps scores when the matrix changes")
                                 .arg(current->matrixVersion));
        const QString title = t.cell(row, QStringLiteral("title"));
        const QString description = has("description") ? t.cell(row, QStringLiteral("description")) : current->description;
        if ((!title.isEmpty() && title != current->title) || description != current->description) {
            const QString newTitle = title.isEmpty() ? current->title : title;
            if (auto s = store_.db().exec(QStringLiteral("UPDATE risks SET title = ?, description = ?, updated_at = ? WHERE id = ?"),
                                          {newTitle, description, now, current->id});
                !s)
                return s;
            if (auto s = store_.record(who, QStringLiteral("risk.edit"), QStringLiteral("risk"), ref,
                                       QJsonObject{{"title", current->title}, {"description", current->description}},
                                       QJsonObject{{"title", newTitle}, {"description", description}, {"source", source}});
                !s)
                return s;
            note(QStringLiteral("text"));
        }
        // The inherent score, per dimension when the file gives them.
        const int l = likelihood->value_or(current->likelihood);
        QMap<QString, int> dims = dimensions;
        if (dims.isEmpty() && *consequence && **consequence != current->consequence)
            dims[topDimension(current->consequences, *m)] = **consequence;
        const bool dimsDiffer = !dims.isEmpty() && dims != current->consequences;
        if (l != current->likelihood || dimsDiffer) {
            if (dims.isEmpty()) dims = current->consequences;
            if (dims.isEmpty()) dims[topDimension({}, *m)] = current->consequence;
            if (auto s = rescore(who, ref, QStringLiteral("inherent"), l, dims, reason); !s)
                return fail(placeOf(t, row) + ": " + s.message());
            note(QStringLiteral("score %1x%2 -> %3x%4").arg(current->likelihood).arg(current->consequence).arg(l).arg(
                *std::max_element(dims.begin(), dims.end())));
        }
    }

    // What both new and known risks may carry: owner, decision, residual score, review date,
    // estimate. A column the file does not have leaves the register's value as it is.
    const QString owner = t.cell(row, QStringLiteral("owner"));
    if (!owner.isEmpty() && owner != current->owner) {
        if (auto s = setOwner(who, ref, owner); !s) return fail(placeOf(t, row) + ": column 'owner': " + s.message());
        note(QStringLiteral("owner %1").arg(owner));
    }
    const QString status = t.cell(row, QStringLiteral("status"));
    const QString statusReason = t.cell(row, QStringLiteral("status_reason"));
    if (!status.isEmpty() && (status != current->status || (!statusReason.isEmpty() && statusReason != current->statusReason &&
                                                           status != QLatin1String("accepted") && status != QLatin1String("closed")))) {
        if (status == QLatin1String("accepted"))
            return cellError(t, row, QStringLiteral("status"),
                             QStringLiteral("accepting a risk is its owner's signed decision (vakt risk accept), not an import"));
        if (status == QLatin1String("closed"))
            return cellError(t, row, QStringLiteral("status"), QStringLiteral("a risk is closed by analysis when its threat is no longer raised"));
        if (status != QLatin1String("open") && status != QLatin1String("mitigated") && status != QLatin1String("false_positive"))
            return cellError(t, row, QStringLiteral("status"),
                             QStringLiteral("'%1' is not one of open, mitigated, false_positive, accepted, closed").arg(status));
        if (auto s = decide(who, ref, status, statusReason.isEmpty() ? reason : statusReason); !s)
            return fail(placeOf(t, row) + ": column 'status': " + s.message());
        note(QStringLiteral("status %1 -> %2").arg(current->status, status));
    }
    auto rl = intCell(t, row, QStringLiteral("residual_likelihood"), 1, m->size());
    if (!rl) return rl.error();
    auto rc = intCell(t, row, QStringLiteral("residual_consequence"), 1, static_cast<int>(m->consequence.size()));
    if (!rc) return rc.error();
    if (rl->has_value() != rc->has_value())
        return cellError(t, row, rl->has_value() ? QStringLiteral("residual_consequence") : QStringLiteral("residual_likelihood"),
                         QStringLiteral("a residual score has both likelihood and consequence"));
    if (*rl && (**rl != current->residualLikelihood.value_or(0) || **rc != current->residualConsequence.value_or(0))) {
        if (auto s = rescore(who, ref, QStringLiteral("residual"), **rl, {{topDimension(current->consequences, *m), **rc}}, reason); !s)
            return fail(placeOf(t, row) + ": " + s.message());
        note(QStringLiteral("residual %1x%2").arg(**rl).arg(**rc));
    }
    if (has("review_date") && *review != current->reviewDate) {
        if (auto s = store_.db().exec(QStringLiteral("UPDATE risks SET review_date = ?, updated_at = ? WHERE id = ?"),
                                      {review->isValid() ? review->toString(Qt::ISODate) : QVariant(), now, current->id});
            !s)
            return s;
        if (auto s = store_.record(who, QStringLiteral("risk.review_date"), QStringLiteral("risk"), ref,
                                   QJsonObject{{"review_date", current->reviewDate.toString(Qt::ISODate)}},
                                   QJsonObject{{"review_date", review->toString(Qt::ISODate)}});
            !s)
            return s;
        note(QStringLiteral("review date %1").arg(review->toString(Qt::ISODate)));
    }
    if (has("estimate_per_year") || has("estimate_low") || has("estimate_high")) {
        auto perYear = doubleCell(t, row, QStringLiteral("estimate_per_year"));
        if (!perYear) return perYear.error();
        auto low = doubleCell(t, row, QStringLiteral("estimate_low"));
        if (!low) return low.error();
        auto high = doubleCell(t, row, QStringLiteral("estimate_high"));
        if (!high) return high.error();
        const int given = static_cast<int>(perYear->has_value()) + static_cast<int>(low->has_value()) + static_cast<int>(high->has_value());
        if (given != 0 && given != 3)
            return cellError(t, row, QStringLiteral("estimate_per_year"), QStringLiteral("an estimate has a frequency, a low and a high loss"));
        auto before = estimateRow(current->id);
        if (!before) return before.error();
        const bool had = !before->empty();
        if (given == 3) {
            const LossEstimate e{**perYear, **low, **high};
            if (!had || before->front().value(0).toDouble() != e.perYear || before->front().value(1).toDouble() != e.low ||
                before->front().value(2).toDouble() != e.high) {
                if (auto s = setEstimate(who, ref, e, reason); !s)
                    return fail(placeOf(t, row) + ": column 'estimate_per_year': " + s.message());
                note(QStringLiteral("estimate"));
            }
        } else if (had) {
            if (auto s = clearEstimate(who, ref, QStringLiteral("removed in %1").arg(source)); !s) return s;
            note(QStringLiteral("estimate removed"));
        }
    }
    if (!created) ++(changed ? report.changed : report.unchanged);
    return {};
}

Status RiskService::importMeasure(const Session& who, const Table& t, qsizetype row, ImportReport& report) {
    const QString ref = t.cell(row, QStringLiteral("risk_ref"));
    if (ref.isEmpty()) return cellError(t, row, QStringLiteral("risk_ref"), QStringLiteral("empty; a measure belongs to a risk"));
    auto r = load(ref);
    if (!r) return cellError(t, row, QStringLiteral("risk_ref"), QStringLiteral("no risk '%1' in the file or the register").arg(ref));
    Measure m;
    m.riskRef = ref;
    m.title = t.cell(row, QStringLiteral("title"));
    if (m.title.isEmpty()) return cellError(t, row, QStringLiteral("title"), QStringLiteral("a measure needs a title"));
    m.owner = t.cell(row, QStringLiteral("owner"));
    auto due = dateCell(t, row, QStringLiteral("due"));
    if (!due) return due.error();
    m.due = *due;
    if (!t.cell(row, QStringLiteral("status")).isEmpty()) m.status = t.cell(row, QStringLiteral("status"));
    for (auto [column, target] : {std::pair{QStringLiteral("likelihood_effect"), &m.likelihoodEffect},
                                  std::pair{QStringLiteral("consequence_effect"), &m.consequenceEffect}}) {
        auto v = intCell(t, row, column, 0, 4);
        if (!v) return v.error();
        *target = v->value_or(0);
    }
    // Matched by its id when that id is this risk's measure, else by title within the risk.
    auto existing = store_.db().query(QStringLiteral("SELECT id, title, owner, COALESCE(due_date, ''), status, likelihood_effect, consequence_effect"
                                                     " FROM risk_measures WHERE risk_id = ? ORDER BY id"),
                                      {r->id});
    if (!existing) return existing.error();
    const QString idText = t.cell(row, QStringLiteral("id"));
    const QSqlRecord* match = nullptr;
    for (const auto& e : *existing)
        if (!idText.isEmpty() && e.value(0).toString() == idText) match = &e;
    if (!match)
        for (const auto& e : *existing)
            if (e.value(1).toString() == m.title) match = &e;
    if (!match) {
        auto id = addMeasure(who, m);
        if (!id) return fail(placeOf(t, row) + ": " + id.message());
        ++report.measuresAdded;
        report.changes << ref + QStringLiteral(": measure added: ") + m.title;
        return {};
    }
    const qint64 id = match->value(0).toLongLong();
    bool changed = false;
    if (m.status != match->value(4).toString()) {
        if (auto s = setMeasureStatus(who, id, m.status); !s) return fail(placeOf(t, row) + ": column 'status': " + s.message());
        changed = true;
    }
    const QString dueText = m.due.isValid() ? m.due.toString(Qt::ISODate) : QString();
    if (m.title != match->value(1).toString() || m.owner != match->value(2).toString() || dueText != match->value(3).toString() ||
        m.likelihoodEffect != match->value(5).toInt() || m.consequenceEffect != match->value(6).toInt()) {
        if (auto s = store_.db().exec(QStringLiteral("UPDATE risk_measures SET title = ?, owner = ?, due_date = ?, likelihood_effect = ?,"
                                                     " consequence_effect = ?, updated_at = ? WHERE id = ?"),
                                      {m.title, m.owner, m.due.isValid() ? dueText : QVariant(), m.likelihoodEffect, m.consequenceEffect,
                                       iso(store_.clock().now()), id});
            !s)
            return s;
        if (auto s = store_.record(who, QStringLiteral("risk.measure.edit"), QStringLiteral("risk"), ref,
                                   QJsonObject{{"measure", id}, {"title", match->value(1).toString()}, {"owner", match->value(2).toString()},
                                               {"due", match->value(3).toString()}},
                                   QJsonObject{{"measure", id}, {"title", m.title}, {"owner", m.owner}, {"due", dueText}});
            !s)
            return s;
        changed = true;
    }
    if (changed) {
        ++report.measuresChanged;
        report.changes << ref + QStringLiteral(": measure changed: ") + m.title;
    }
    return {};
}

}  // namespace vakt::risk
