// vakt risk evidence|suggestions|suggestion|estimate|losses: evidence that moves a risk's
// score, and the numbers behind the department's loss-exceedance curve.
#include <QJsonArray>
#include <QJsonObject>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QSaveFile>

#include "cli/risk_common.h"
#include "riskmodel/register.h"
#include "riskmodel/ros_template.h"

namespace vakt::cli {
namespace {

qint64 idArgument(Args& a, const char* what) {
    bool ok = false;
    const qint64 id = a.requiredPositional(what).toLongLong(&ok);
    if (!ok || id <= 0) throw UsageError(std::string(what) + " is a number");
    return id;
}

qint64 incidentOption(Args& a) {
    const QString text = requiredText(a, QStringLiteral("--incident"));
    bool ok = false;
    const qint64 id = text.toLongLong(&ok);
    if (!ok || id <= 0) throw UsageError(("--incident takes an incident number, not '" + text + "'").toStdString());
    return id;
}

double numberOption(Args& a, const QString& name) {
    const QString text = requiredText(a, name);
    auto v = risk::parseAmount(text);
    if (!v) throw UsageError((name + ": ").toStdString() + v.message());
    return *v;
}

QString kroner(double amount) { return QLocale(QLocale::English).toString(amount, 'f', 0) + QStringLiteral(" kr"); }

QJsonObject suggestionJson(const risk::Suggestion& s) {
    QJsonArray incidents;
    for (qint64 id : s.incidents) incidents.append(id);
    return QJsonObject{{"id", s.id},
                       {"risk", s.riskRef},
                       {"title", s.riskTitle},
                       {"owner", s.owner},
                       {"likelihood_from", s.likelihoodFrom},
                       {"likelihood_to", s.likelihoodTo},
                       {"observed", s.observed},
                       {"window_days", s.windowDays},
                       {"per_year", s.perYear()},
                       {"incidents", incidents},
                       {"created_at", s.createdAt.toString(Qt::ISODate)},
                       {"status", s.status},
                       {"decided_by", s.decidedBy},
                       {"decided_at", s.decidedAt.toString(Qt::ISODate)},
                       {"note", s.note}};
}

// csv or xlsx, from --format or else the file's extension.
QString sheetFormat(Args& a, const QString& path) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    const QString format = a.option(QStringLiteral("--format")).value_or(suffix);
    if (format != QLatin1String("csv") && format != QLatin1String("xlsx"))
        throw UsageError(("--format must be csv or xlsx (or the file end in .csv or .xlsx), not '" + format + "'").toStdString());
    return format;
}

Status writeFile(const QString& path, const QByteArray& bytes) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) return fail(path.toStdString() + ": " + file.errorString().toStdString());
    file.write(bytes);
    if (!file.commit()) return fail(path.toStdString() + ": " + file.errorString().toStdString());
    return {};
}

}  // namespace

int exportCommand(Context& ctx, Args& a) {
    const QString path = requiredText(a, QStringLiteral("--out"));
    const QString format = sheetFormat(a, path);
    const auto service = a.option(QStringLiteral("--service"));
    a.expectEnd();
    if (connected(ctx) != kOk) return kFailure;
    auto tables = risk::RiskService(ctx.store()).exportRegister(ctx.session(), service.value_or(QString()));
    if (!tables) return failWith(tables.message());
    if (auto s = risk::writeRegisterFile(path, *tables, format); !s) return failWith(s.message());
    out() << "Wrote " << tables->risks.rows.size() << " risks and " << tables->measures.rows.size() << " measures to " << path
          << (format == QLatin1String("csv") ? QStringLiteral(" (measures in %1)").arg(risk::measuresCsvPath(path)) : QString()) << "\n";
    return kOk;
}

int importCommand(Context& ctx, Args& a) {
    const bool dryRun = a.flag(QStringLiteral("--dry-run"));
    const bool json = a.flag(QStringLiteral("--json"));
    const QString path = a.requiredPositional("FILE");
    const QString format = sheetFormat(a, path);
    a.expectEnd();
    const QString name = QFileInfo(path).fileName();
    auto tables = risk::readRegisterFile(path, format);
    if (!tables) return failWith(tables.message());
    if (connected(ctx) != kOk) return kFailure;
    auto report = risk::RiskService(ctx.store()).importRegister(ctx.session(), *tables, name, dryRun);
    if (!report) return failWith(report.message());
    if (json) {
        printJson(QJsonObject{{"dry_run", dryRun}, {"created", report->created}, {"changed", report->changed}, {"unchanged", report->unchanged},
                              {"measures_added", report->measuresAdded}, {"measures_changed", report->measuresChanged},
                              {"changes", QJsonArray::fromStringList(report->changes)}});
        return kOk;
    }
    for (const QString& c : report->changes) out() << "  " << c << "\n";
    out() << (dryRun ? "Would import: " : "Imported: ") << report->created << " risks created, " << report->changed << " changed, "
          << report->unchanged << " unchanged; " << report->measuresAdded << " measures added, " << report->measuresChanged << " changed"
          << (dryRun ? " (--dry-run: nothing kept)\n" : "\n");
    out().flush();
    return kOk;
}

int storiesCommand(Context& ctx, Args& a) {
    const QString service = requiredText(a, QStringLiteral("--service"));
    const bool json = a.flag(QStringLiteral("--json"));
    a.expectEnd();
    if (connected(ctx) != kOk) return kFailure;
    auto t = risk::buildRosTemplate(ctx.store(), ctx.session(), service);
    if (!t) return failWith(t.message());
    if (json) {
        QJsonArray stories;
        for (const auto& u : t->stories) {
            QJsonArray riskStories;
            for (const auto& rs : u.riskStories) {
                QJsonArray risks;
                for (const auto& r : rs.risks)
                    risks.append(QJsonObject{{"ref", r.ref}, {"title", r.title}, {"level", r.level}, {"status", r.status}, {"owner", r.owner},
                                             {"raised", r.raised}, {"measures", QJsonArray::fromStringList(r.measures)}});
                riskStories.append(QJsonObject{{"id", rs.id}, {"text", rs.text}, {"risks", risks}});
            }
            stories.append(QJsonObject{{"id", u.id}, {"persona", u.personaId}, {"persona_title", u.personaTitle}, {"persona_kind", u.personaKind},
                                       {"text", u.text}, {"elements", QJsonArray::fromStringList(u.elements)}, {"risk_stories", riskStories}});
        }
        QJsonArray others;
        for (const auto& r : t->otherRisks) others.append(QJsonObject{{"ref", r.ref}, {"title", r.title}, {"level", r.level}});
        printJson(QJsonObject{{"service", t->service}, {"model_version", t->modelVersion}, {"stories", stories}, {"risks_without_story", others}});
        return kOk;
    }
    for (const auto& u : t->stories) {
        out() << u.personaTitle << " (" << u.personaKind << "): " << u.text << "\n";
        for (const auto& rs : u.riskStories) {
            out() << "  against it: " << rs.text << "\n";
            for (const auto& r : rs.risks)
                out() << "    " << padded(r.raised ? r.level : QStringLiteral("-"), 9) << r.ref
                      << (r.raised ? QStringLiteral("  ") + r.status : QStringLiteral("  not raised by the current analysis")) << "\n";
        }
    }
    out() << counted(static_cast<qint64>(t->stories.size()), "user story", "user stories") << "; "
          << counted(static_cast<qint64>(t->otherRisks.size()), "open risk", "open risks") << " no story names\n";
    out().flush();
    return kOk;
}

int templateCommand(Context& ctx, Args& a) {
    const QString service = requiredText(a, QStringLiteral("--service"));
    const QString path = requiredText(a, QStringLiteral("--out"));
    const QString lang = a.option(QStringLiteral("--lang")).value_or(QStringLiteral("nb"));
    QString format = a.option(QStringLiteral("--format")).value_or(QFileInfo(path).suffix().toLower());
    a.expectEnd();
    if (format == QLatin1String("markdown")) format = QStringLiteral("md");
    if (format != QLatin1String("xlsx") && format != QLatin1String("md"))
        throw UsageError(("--format must be xlsx or md (or the file end in .xlsx or .md), not '" + format + "'").toStdString());
    if (lang != QLatin1String("nb") && lang != QLatin1String("en")) throw UsageError("--lang must be nb or en");
    if (connected(ctx) != kOk) return kFailure;
    auto t = risk::buildRosTemplate(ctx.store(), ctx.session(), service);
    if (!t) return failWith(t.message());
    const bool english = lang == QLatin1String("en");
    const QByteArray bytes = format == QLatin1String("xlsx") ? risk::rosTemplateXlsx(*t, english) : risk::rosTemplateMarkdown(*t, english).toUtf8();
    if (auto s = writeFile(path, bytes); !s) return failWith(s.message());
    out() << "Wrote the ROS template for " << t->serviceName << " (" << counted(static_cast<qint64>(t->stories.size()), "user story", "user stories")
          << ") to " << path << "\n";
    return kOk;
}

int evidenceCommand(Context& ctx, Args& a) {
    const QString word = a.requiredPositional("evidence subcommand (link, unlink, list)");
    // The store is there only once connected.
    auto risks = [&ctx] { return risk::RiskService(ctx.store()); };
    if (word == QLatin1String("link")) {
        const qint64 incident = incidentOption(a);
        const QString note = a.option(QStringLiteral("--note")).value_or(QString());
        const QString ref = a.requiredPositional("risk REF");
        a.expectEnd();
        if (connected(ctx) != kOk) return kFailure;
        if (auto s = risks().linkEvidence(ctx.session(), ref, incident, note); !s) return failWith(s.message());
        out() << "Incident " << incident << " is evidence for " << ref << "\n";
        auto pending = risks().suggestions(ctx.session());
        if (pending)
            for (const auto& s : *pending)
                if (s.riskRef == ref)
                    out() << "Suggested re-score " << s.id << ": likelihood " << s.likelihoodFrom << " -> " << s.likelihoodTo << " (" << s.observed
                          << " incidents in " << s.windowDays << " days), for " << (s.owner.isEmpty() ? QStringLiteral("the owner") : s.owner)
                          << " to decide\n";
        return kOk;
    }
    if (word == QLatin1String("unlink")) {
        const qint64 incident = incidentOption(a);
        const QString reason = requiredText(a, QStringLiteral("--reason"));
        const QString ref = a.requiredPositional("risk REF");
        a.expectEnd();
        if (connected(ctx) != kOk) return kFailure;
        if (auto s = risks().unlinkEvidence(ctx.session(), ref, incident, reason); !s) return failWith(s.message());
        out() << "Incident " << incident << " is no longer evidence for " << ref << "\n";
        return kOk;
    }
    if (word == QLatin1String("list")) {
        const bool json = a.flag(QStringLiteral("--json"));
        const QString ref = a.requiredPositional("risk REF");
        a.expectEnd();
        if (connected(ctx) != kOk) return kFailure;
        auto list = risks().evidence(ctx.session(), ref);
        if (!list) return failWith(list.message());
        QJsonArray arr;
        for (const auto& e : *list) {
            if (json) {
                arr.append(QJsonObject{{"incident", e.incidentId}, {"observed_at", e.observedAt.toString(Qt::ISODate)}, {"source", e.source},
                                       {"title", e.title}, {"severity", e.severity}, {"linked_at", e.linkedAt.toString(Qt::ISODate)},
                                       {"linked_by", e.linkedBy}, {"note", e.note}});
                continue;
            }
            out() << padded(QString::number(e.incidentId), 7) << e.observedAt.toString(Qt::ISODate) << "  " << padded(e.source, 11)
                  << padded(e.severity, 9) << e.title << "\n";
        }
        if (json) printJson(arr);
        else out() << counted(static_cast<qint64>(list->size()), "incident", "incidents") << " linked to " << ref << "\n";
        out().flush();
        return kOk;
    }
    throw UsageError(("unknown evidence subcommand '" + word + "'").toStdString());
}

int suggestionsCommand(Context& ctx, Args& a) {
    const auto service = a.option(QStringLiteral("--service"));
    const bool all = a.flag(QStringLiteral("--all"));
    const bool json = a.flag(QStringLiteral("--json"));
    a.expectEnd();
    if (connected(ctx) != kOk) return kFailure;
    auto list = risk::RiskService(ctx.store()).suggestions(ctx.session(), service.value_or(QString()), !all);
    if (!list) return failWith(list.message());
    QJsonArray arr;
    for (const auto& s : *list) {
        if (json) {
            arr.append(suggestionJson(s));
            continue;
        }
        QStringList ids;
        for (qint64 id : s.incidents) ids << QString::number(id);
        out() << padded(QString::number(s.id), 6) << padded(s.status, 11) << s.riskRef << "\n      likelihood " << s.likelihoodFrom << " -> "
              << s.likelihoodTo << ": " << s.observed << " incidents in " << s.windowDays << " days (" << ids.join(QStringLiteral(", "))
              << "), owner " << (s.owner.isEmpty() ? QStringLiteral("(none)") : s.owner)
              << (s.note.isEmpty() ? QString() : QStringLiteral("; ") + s.note) << "\n";
    }
    if (json) printJson(arr);
    else out() << counted(static_cast<qint64>(list->size()), all ? "suggestion" : "pending suggestion", all ? "suggestions" : "pending suggestions")
               << "\n";
    out().flush();
    return kOk;
}

int suggestionCommand(Context& ctx, Args& a) {
    const QString word = a.requiredPositional("suggestion subcommand (accept, reject)");
    if (word != QLatin1String("accept") && word != QLatin1String("reject"))
        throw UsageError(("unknown suggestion subcommand '" + word + "'").toStdString());
    const bool accept = word == QLatin1String("accept");
    const QString note = accept ? a.option(QStringLiteral("--note")).value_or(QString()) : requiredText(a, QStringLiteral("--note"));
    const qint64 id = idArgument(a, "suggestion ID");
    a.expectEnd();
    if (connected(ctx) != kOk) return kFailure;
    if (auto s = risk::RiskService(ctx.store()).decideSuggestion(ctx.session(), id, accept, note); !s) return failWith(s.message());
    out() << "Suggestion " << id << (accept ? " accepted: the likelihood is re-scored\n" : " rejected\n");
    return kOk;
}

int estimateCommand(Context& ctx, Args& a) {
    const QString word = a.requiredPositional("estimate subcommand (set, clear, list)");
    // The store is there only once connected.
    auto risks = [&ctx] { return risk::RiskService(ctx.store()); };
    if (word == QLatin1String("set")) {
        risk::LossEstimate e;
        e.perYear = numberOption(a, QStringLiteral("--per-year"));
        e.low = numberOption(a, QStringLiteral("--low"));
        e.high = numberOption(a, QStringLiteral("--high"));
        const QString note = a.option(QStringLiteral("--note")).value_or(QString());
        const QString ref = a.requiredPositional("risk REF");
        a.expectEnd();
        if (connected(ctx) != kOk) return kFailure;
        if (auto s = risks().setEstimate(ctx.session(), ref, e, note); !s) return failWith(s.message());
        out() << ref << ": " << e.perYear << " a year, " << kroner(e.low) << " to " << kroner(e.high) << " each (90 %)\n";
        return kOk;
    }
    if (word == QLatin1String("clear")) {
        const QString reason = requiredText(a, QStringLiteral("--reason"));
        const QString ref = a.requiredPositional("risk REF");
        a.expectEnd();
        if (connected(ctx) != kOk) return kFailure;
        if (auto s = risks().clearEstimate(ctx.session(), ref, reason); !s) return failWith(s.message());
        out() << ref << " has no estimate\n";
        return kOk;
    }
    if (word == QLatin1String("list")) {
        const auto service = a.option(QStringLiteral("--service"));
        const bool json = a.flag(QStringLiteral("--json"));
        a.expectEnd();
        if (connected(ctx) != kOk) return kFailure;
        auto list = risks().estimates(ctx.session(), service.value_or(QString()));
        if (!list) return failWith(list.message());
        QJsonArray arr;
        for (const auto& e : *list) {
            if (json) {
                arr.append(QJsonObject{{"risk", e.riskRef}, {"service", e.service}, {"title", e.title}, {"per_year", e.estimate.perYear},
                                       {"loss_low", e.estimate.low}, {"loss_high", e.estimate.high}, {"estimated_by", e.estimatedBy},
                                       {"estimated_at", e.estimatedAt.toString(Qt::ISODate)}, {"note", e.note}});
                continue;
            }
            out() << padded(QString::number(e.estimate.perYear), 8) << padded(kroner(e.estimate.low) + QStringLiteral(" - ") + kroner(e.estimate.high), 32)
                  << e.riskRef << "\n";
        }
        if (json) printJson(arr);
        else out() << counted(static_cast<qint64>(list->size()), "estimate", "estimates") << "\n";
        out().flush();
        return kOk;
    }
    throw UsageError(("unknown estimate subcommand '" + word + "'").toStdString());
}

int lossesCommand(Context& ctx, Args& a) {
    const auto service = a.option(QStringLiteral("--service"));
    const int trials = intOption(a, QStringLiteral("--trials"), 20000, 100, 1000000);
    const int seed = intOption(a, QStringLiteral("--seed"), 2026, 0, 2147483647);
    const bool json = a.flag(QStringLiteral("--json"));
    a.expectEnd();
    if (connected(ctx) != kOk) return kFailure;
    risk::RiskService risks(ctx.store());
    auto estimates = risks.estimates(ctx.session(), service.value_or(QString()));
    if (!estimates) return failWith(estimates.message());
    auto curve = risks.lossCurve(ctx.session(), service.value_or(QString()), trials, static_cast<std::uint64_t>(seed));
    if (!curve) return failWith(curve.message());
    if (json) {
        QJsonArray points;
        for (const auto& p : curve->points) points.append(QJsonObject{{"loss", p.loss}, {"probability", p.probability}});
        printJson(QJsonObject{{"estimates", static_cast<qint64>(estimates->size())}, {"trials", curve->trials}, {"seed", seed},
                              {"mean", curve->mean}, {"p50", curve->p50}, {"p90", curve->p90}, {"p99", curve->p99},
                              {"probability_of_any_loss", curve->probabilityOfAnyLoss}, {"points", points}});
        return kOk;
    }
    out() << "Yearly loss over " << counted(static_cast<qint64>(estimates->size()), "estimated risk", "estimated risks") << " ("
          << curve->trials << " simulated years, seed " << seed << ")\n"
          << "  chance of any loss  " << QString::number(curve->probabilityOfAnyLoss * 100, 'f', 1) << " %\n"
          << "  mean                " << kroner(curve->mean) << "\n"
          << "  median              " << kroner(curve->p50) << "\n"
          << "  1 year in 10 above  " << kroner(curve->p90) << "\n"
          << "  1 year in 100 above " << kroner(curve->p99) << "\n";
    if (!curve->points.empty()) out() << "Loss exceedance (chance a year's loss is above):\n";
    for (std::size_t i = 0; i < curve->points.size(); i += 4)
        out() << "  " << padded(kroner(curve->points[i].loss), 20) << QString::number(curve->points[i].probability * 100, 'f', 2) << " %\n";
    out().flush();
    return kOk;
}

}  // namespace vakt::cli
