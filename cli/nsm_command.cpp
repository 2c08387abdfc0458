// vakt nsm: NSM's basic principles for ICT security for scripts: catalogue versions imported from
// NSM's measure sheet with what changed, maturity assessments, the open gaps as an action list,
// and the Statement of Applicability's decisions.
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <optional>
#include <vector>

#include "cli/command.h"
#include "cli/risk_common.h"
#include "reports/gap_actions.h"
#include "nsm/nsm_service.h"

namespace vakt::cli {
namespace {

constexpr const char* kNsmHelp = R"(Usage: vakt [--db URL] [--user NAME] nsm SUBCOMMAND

NSM's basic principles for ICT security (Grunnprinsipper for IKT-sikkerhet): the 21 principles
are built in; the measures are imported from NSM's spreadsheet, one catalogue version at a time.
Principles (2.6) and measures (2.6.7) are assessed per department or service, with the history
kept. Scales: vakt-0-5 (Vakt's own 0-5 convention, 0 ikke startet to 5 optimalisert; NSM
publishes no maturity model) and ks (KS's answers: nei, delvis, ja, vet-ikke). SCOPE is
department:NAME or service:KEY (a catalogue key); the department defaults to the platform
operator's name.

  import FILE --version V [--json]
                    reads NSM's measure sheet (XLSX, or saved as CSV with ',' or ';') as
                    catalogue version V (2.1): all or nothing, problems name FILE:LINE and the
                    column. The same file again changes nothing; another file under a version
                    already imported is refused. Prints the measures added, removed and changed
                    since the version before
  versions [--json] the catalogue versions imported
  assess SUBJECT --level L [--target T] [--scale vakt-0-5|ks] [--scope SCOPE]
      [--not-applicable --justification TEXT] [--rationale TEXT] [--evidence KIND:ID]...
      [--date YYYY-MM-DD] [--next-review YYYY-MM-DD] [--catalogue V] [--json]
                    records an assessment of a principle or a measure (of the newest catalogue
                    unless --catalogue names one); not applicable takes a justification and no
                    level. The date defaults to today; the scale to vakt-0-5. Evidence links
                    name what shows it: document:URL, risk:REF, change:REF, url:URL ...
  assessments [--scope SCOPE] [--json]
                    every assessment, oldest first
  gaps [--priority N] [--scope SCOPE] [--json]
                    the newest assessments below their target as work to do, most urgent
                    first; --priority N keeps NSM's priority group N (1 the most urgent)
  gap-to-risk SUBJECT --service KEY --likelihood N --consequence DIM=N[,DIM=N...]
      [--owner USER] [--scope SCOPE] [--json]
                    turns the gap into a risk of the service's own in the ROS register
                    (SERVICE:NSM-SUBJECT, scored on the register's matrix) and records the
                    assessment again with the risk as evidence, so the ROS report shows the
                    gap among what drives it. Needs risk.write and nsm.assess
  gap-to-measure SUBJECT --risk REF [--owner USER] [--due YYYY-MM-DD] [--scope SCOPE] [--json]
                    the same as a measure on a risk already in the register
  soa-decide CONTROL --applicable yes|no --justification TEXT
      [--status implemented|partial|not_implemented]
                    the Statement of Applicability's decision on an ISO/IEC 27001:2022 Annex A
                    control (5.1 to 8.34); a justification is always required
  soa [--json]      the decisions made, in control order

Exit codes: 0 ok, 1 failure (denied, invalid, not found, conflict), 2 usage.
)";

QString scopeText(const nsm::AssessmentScope& scope) { return q(std::string(nsm::scopeKindCode(scope.kind))) + QLatin1Char(':') + q(scope.key); }

std::optional<nsm::AssessmentScope> scopeOption(Args& a) {
    const auto text = a.option(QStringLiteral("--scope"));
    if (!text) return std::nullopt;
    const qsizetype colon = text->indexOf(QLatin1Char(':'));
    nsm::AssessmentScope scope;
    const QString key = colon < 0 ? QString() : text->mid(colon + 1).trimmed();
    if (key.isEmpty() || !nsm::scopeKindFromCode(text->left(colon).trimmed().toStdString(), scope.kind))
        throw UsageError(("--scope takes department:NAME or service:KEY, not '" + *text + "'").toStdString());
    scope.key = key.toStdString();
    return scope;
}

// A date option as YYYY-MM-DD; empty when not given.
std::string dayOption(Args& a, const QString& name) {
    const auto text = a.option(name);
    if (!text) return {};
    const std::string day = text->trimmed().toStdString();
    if (!nsm::parseDate(day)) throw UsageError((name + " takes a date as 2026-12-31, not '" + *text + "'").toStdString());
    return day;
}

QString levelCodes(const nsm::Scale& scale, bool gradedOnly) {
    QStringList codes;
    for (const auto& l : scale.levels)
        if (!gradedOnly || l.graded) codes << q(l.code);
    return codes.join(QStringLiteral(", "));
}

QString levelShown(const std::vector<nsm::Scale>& scales, const std::string& scaleId, const std::string& code) {
    if (code.empty()) return QStringLiteral("-");
    const nsm::Scale* scale = nsm::findScale(scales, scaleId);
    const nsm::Level* level = scale ? scale->find(code) : nullptr;
    return level ? q(code) + QStringLiteral(" (") + q(level->label) + QLatin1Char(')') : q(code);
}

// "A.5.15" as Annex A prints it, or "5.15".
QString controlId(const QString& text) {
    QString id = text.trimmed();
    if (id.startsWith(QLatin1String("A."), Qt::CaseInsensitive)) id = id.mid(2);
    return id;
}

QJsonArray strings(const std::vector<std::string>& items) {
    QJsonArray arr;
    for (const auto& i : items) arr.append(q(i));
    return arr;
}

QString subjectTitle(const nsm::Catalogue& catalogue, const std::string& subject) {
    if (const nsm::Principle* p = catalogue.findPrinciple(subject)) return q(p->title);
    if (const nsm::Measure* m = catalogue.findMeasure(subject)) return q(m->title);
    return {};
}

QJsonObject assessmentJson(const nsm::StoredAssessment& r) {
    const nsm::Assessment& a = r.assessment;
    QJsonArray evidence;
    for (const auto& e : a.evidence) evidence.append(QJsonObject{{"kind", q(e.kind)}, {"id", q(e.id)}});
    return QJsonObject{{"id", r.id},
                       {"catalogue", r.catalogueVersion},
                       {"subject", q(a.subject)},
                       {"scope_kind", q(std::string(nsm::scopeKindCode(a.scope.kind)))},
                       {"scope", q(a.scope.key)},
                       {"scale", q(a.scale)},
                       {"level", q(a.level)},
                       {"target", q(a.target)},
                       {"not_applicable", a.notApplicable},
                       {"justification", q(a.justification)},
                       {"rationale", q(a.rationale)},
                       {"evidence", evidence},
                       {"assessor", q(a.assessor)},
                       {"date", q(a.date)},
                       {"next_review", q(a.nextReview)},
                       {"recorded_by", r.recordedBy},
                       {"recorded_at", r.recordedAt.toUTC().toString(Qt::ISODate)}};
}

int importCatalogue(Context& ctx, Args& a) {
    const QString version = requiredText(a, QStringLiteral("--version")).trimmed();
    static const QRegularExpression kVersion(QStringLiteral("^[0-9]{1,3}(\\.[0-9]{1,3}){1,2}$"));
    if (!kVersion.match(version).hasMatch()) throw UsageError(("--version takes a catalogue version such as 2.1, not '" + version + "'").toStdString());
    const bool json = a.flag(QStringLiteral("--json"));
    const QString path = a.requiredPositional("FILE (NSM's measure sheet, XLSX or CSV)");
    a.expectEnd();
    auto content = readInput(path);
    if (!content) return failWith(content.message());
    if (int rc = connected(ctx); rc != kOk) return rc;
    auto result = nsm::NsmService(ctx.store()).importCatalogue(ctx.session(), version, path, *content);
    if (!result) return failWith(result.message());
    const nsm::CatalogueImportResult& r = *result;
    const nsm::CatalogueDiff& d = r.diff;
    if (json) {
        QJsonArray added, removed, changed;
        for (const std::size_t i : d.added) added.append(q(r.after.measures[i].number));
        for (const std::size_t i : d.removed) removed.append(q(r.before.measures[i].number));
        for (const auto& c : d.changed)
            changed.append(QJsonObject{{"number", q(c.number)}, {"title", c.title}, {"priority", c.priority}, {"mapping_added", strings(c.mappingAdded)},
                                       {"mapping_removed", strings(c.mappingRemoved)}});
        QJsonObject columns;
        for (const auto& [field, header] : r.columns) columns.insert(q(field), q(header));
        printJson(QJsonObject{{"version", r.catalogue.version},
                              {"file", r.catalogue.fileName},
                              {"sha256", r.catalogue.sha256},
                              {"measures", r.catalogue.measures},
                              {"unchanged", r.unchanged},
                              {"previous", r.hasPrevious ? q(d.from) : QString()},
                              {"added", added},
                              {"removed", removed},
                              {"changed", changed},
                              {"unchanged_measures", static_cast<qint64>(d.unchanged)},
                              {"principles_added", strings(d.principlesAdded)},
                              {"principles_removed", strings(d.principlesRemoved)},
                              {"principles_retitled", strings(d.principlesRetitled)},
                              {"sheet", q(r.sheet)},
                              {"header_line", r.headerLine},
                              {"columns", columns},
                              {"notes", strings(r.notes)}});
        return kOk;
    }
    if (r.unchanged) {
        out() << "Catalogue " << r.catalogue.version << " was imported from this file before (sha256 " << r.catalogue.sha256.left(12)
              << "...): nothing changed.\n";
        out().flush();
        return kOk;
    }
    out() << "Catalogue " << r.catalogue.version << ": " << counted(r.catalogue.measures, "measure", "measures") << " from " << r.catalogue.fileName;
    if (!r.sheet.empty()) out() << ", sheet '" << q(r.sheet) << "'";
    out() << ", header on line " << r.headerLine << ".\n";
    QStringList used;
    for (const auto& [field, header] : r.columns) used << q(field) + QStringLiteral(" '") + q(header) + QLatin1Char('\'');
    out() << "Columns: " << used.join(QStringLiteral(", ")) << "\n";
    for (const auto& note : r.notes) out() << "Note: " << q(note) << "\n";
    if (!r.hasPrevious) {
        out() << "The first catalogue version: nothing to compare with.\n";
        out().flush();
        return kOk;
    }
    out() << "Since " << q(d.from) << ": " << d.added.size() << " added, " << d.removed.size() << " removed, " << d.changed.size() << " changed, "
          << d.unchanged << " unchanged.\n";
    for (const std::size_t i : d.added) out() << "  added    " << padded(q(r.after.measures[i].number), 9) << q(r.after.measures[i].title) << "\n";
    for (const std::size_t i : d.removed) out() << "  removed  " << padded(q(r.before.measures[i].number), 9) << q(r.before.measures[i].title) << "\n";
    for (const auto& c : d.changed) {
        QStringList what;
        if (c.title) what << QStringLiteral("title");
        if (c.priority)
            what << QStringLiteral("priority %1 -> %2").arg(q(r.before.measures[c.before].priority), q(r.after.measures[c.after].priority));
        if (c.mapping) {
            QStringList ids;
            for (const auto& id : c.mappingAdded) ids << QLatin1Char('+') + q(id);
            for (const auto& id : c.mappingRemoved) ids << QLatin1Char('-') + q(id);
            what << QStringLiteral("ISO/IEC 27002 ") + ids.join(QLatin1Char(' '));
        }
        out() << "  changed  " << padded(q(c.number), 9) << what.join(QStringLiteral("; ")) << "\n";
    }
    for (const auto& p : d.principlesAdded) out() << "  principle added    " << q(p) << "\n";
    for (const auto& p : d.principlesRemoved) out() << "  principle removed  " << q(p) << "\n";
    for (const auto& p : d.principlesRetitled) out() << "  principle retitled " << q(p) << "\n";
    out().flush();
    return kOk;
}

int versions(Context& ctx, Args& a) {
    const bool json = a.flag(QStringLiteral("--json"));
    a.expectEnd();
    if (int rc = connected(ctx); rc != kOk) return rc;
    auto all = nsm::NsmService(ctx.store()).catalogues(ctx.session());
    if (!all) return failWith(all.message());
    if (json) {
        QJsonArray arr;
        for (const auto& c : *all)
            arr.append(QJsonObject{{"version", c.version},
                                   {"file", c.fileName},
                                   {"sha256", c.sha256},
                                   {"measures", c.measures},
                                   {"imported_by", c.importedBy},
                                   {"imported_at", c.importedAt.toUTC().toString(Qt::ISODate)}});
        printJson(arr);
        return kOk;
    }
    out() << padded(QStringLiteral("VERSION"), 9) << padded(QStringLiteral("MEASURES"), 10) << padded(QStringLiteral("IMPORTED"), 22)
          << padded(QStringLiteral("BY"), 22) << padded(QStringLiteral("SHA256"), 14) << "FILE\n";
    for (const auto& c : *all)
        out() << padded(c.version, 9) << padded(QString::number(c.measures), 10) << padded(c.importedAt.toUTC().toString(Qt::ISODate), 22)
              << padded(c.importedBy, 22) << padded(c.sha256.left(12), 14) << c.fileName << "\n";
    out().flush();
    return kOk;
}

int assess(Context& ctx, Args& a) {
    const QString scaleId = a.option(QStringLiteral("--scale")).value_or(QStringLiteral("vakt-0-5")).trimmed();
    const std::vector<nsm::Scale> scales = nsm::NsmService::scales();
    const nsm::Scale* scale = nsm::findScale(scales, scaleId.toStdString());
    if (!scale) throw UsageError(("--scale takes vakt-0-5 or ks, not '" + scaleId + "'").toStdString());
    const bool notApplicable = a.flag(QStringLiteral("--not-applicable"));
    const auto level = a.option(QStringLiteral("--level"));
    const auto target = a.option(QStringLiteral("--target"));
    const auto justification = a.option(QStringLiteral("--justification"));
    const auto rationale = a.option(QStringLiteral("--rationale"));
    const auto scope = scopeOption(a);
    const auto catalogueVersion = a.option(QStringLiteral("--catalogue"));
    std::vector<nsm::EvidenceLink> evidence;
    while (const auto link = a.option(QStringLiteral("--evidence"))) {
        const qsizetype colon = link->indexOf(QLatin1Char(':'));
        const QString kind = colon < 0 ? QString() : link->left(colon).trimmed();
        const QString id = colon < 0 ? QString() : link->mid(colon + 1).trimmed();
        if (kind.isEmpty() || id.isEmpty())
            throw UsageError(("--evidence takes KIND:ID (document:URL, risk:REF, change:REF, url:URL), not '" + *link + "'").toStdString());
        evidence.push_back(nsm::EvidenceLink{kind.toStdString(), id.toStdString()});
    }
    nsm::Assessment assessment;
    assessment.date = dayOption(a, QStringLiteral("--date"));
    assessment.nextReview = dayOption(a, QStringLiteral("--next-review"));
    const bool json = a.flag(QStringLiteral("--json"));
    const QString subject = a.requiredPositional("SUBJECT (a principle such as 2.6 or a measure such as 2.6.7)").trimmed();
    a.expectEnd();
    if (!nsm::isPrincipleNumber(subject.toStdString()) && !nsm::isMeasureNumber(subject.toStdString()))
        throw UsageError(("SUBJECT is a principle (2.6) or a measure (2.6.7), not '" + subject + "'").toStdString());
    if (notApplicable) {
        if (level || target) throw UsageError("--not-applicable takes neither --level nor --target");
        if (!justification || justification->trimmed().isEmpty())
            throw UsageError("--not-applicable needs --justification TEXT: why the subject does not apply");
    } else {
        if (!level) throw UsageError(("--level is required (" + levelCodes(*scale, false) + " on scale " + scaleId + "), or --not-applicable").toStdString());
        if (!scale->find(level->trimmed().toStdString()))
            throw UsageError(("--level takes " + levelCodes(*scale, false) + " on scale " + scaleId + ", not '" + *level + "'").toStdString());
        if (target) {
            const nsm::Level* t = scale->find(target->trimmed().toStdString());
            if (!t || !t->graded)
                throw UsageError(("--target takes " + levelCodes(*scale, true) + " on scale " + scaleId + ", not '" + *target + "'").toStdString());
        }
    }
    if (int rc = connected(ctx); rc != kOk) return rc;
    nsm::NsmService service(ctx.store());
    assessment.subject = subject.toStdString();
    if (scope) {
        assessment.scope = *scope;
    } else {
        auto department = service.defaultDepartment(ctx.session());
        if (!department) return failWith(department.message());
        assessment.scope.key = department->toStdString();
    }
    assessment.scale = scaleId.toStdString();
    assessment.notApplicable = notApplicable;
    if (level) assessment.level = level->trimmed().toStdString();
    if (target) assessment.target = target->trimmed().toStdString();
    if (justification) assessment.justification = justification->toStdString();
    if (rationale) assessment.rationale = rationale->toStdString();
    assessment.evidence = std::move(evidence);
    auto id = service.assess(ctx.session(), assessment, catalogueVersion.value_or(QString()));
    if (!id) return failWith(id.message());
    if (json) {
        printJson(QJsonObject{{"id", *id}});
        return kOk;
    }
    out() << "Assessment " << *id << ": " << subject << " in " << scopeText(assessment.scope) << " ";
    if (notApplicable)
        out() << "not applicable.\n";
    else
        out() << "at " << levelShown(scales, assessment.scale, assessment.level)
              << (assessment.target.empty() ? QString() : QStringLiteral(", target ") + levelShown(scales, assessment.scale, assessment.target)) << ".\n";
    out().flush();
    return kOk;
}

int assessments(Context& ctx, Args& a) {
    const auto scope = scopeOption(a);
    const bool json = a.flag(QStringLiteral("--json"));
    a.expectEnd();
    if (int rc = connected(ctx); rc != kOk) return rc;
    auto all = nsm::NsmService(ctx.store()).assessmentRecords(ctx.session(), scope);
    if (!all) return failWith(all.message());
    if (json) {
        QJsonArray arr;
        for (const auto& r : *all) arr.append(assessmentJson(r));
        printJson(arr);
        return kOk;
    }
    out() << padded(QStringLiteral("ID"), 6) << padded(QStringLiteral("DATE"), 12) << padded(QStringLiteral("SCOPE"), 40) << padded(QStringLiteral("SUBJECT"), 9)
          << padded(QStringLiteral("SCALE"), 10) << padded(QStringLiteral("LEVEL"), 10) << padded(QStringLiteral("TARGET"), 8) << "ASSESSOR\n";
    for (const auto& r : *all) {
        const nsm::Assessment& x = r.assessment;
        out() << padded(QString::number(r.id), 6) << padded(q(x.date), 12) << padded(scopeText(x.scope), 40) << padded(q(x.subject), 9)
              << padded(q(x.scale), 10) << padded(x.notApplicable ? QStringLiteral("n/a") : q(x.level), 10)
              << padded(x.target.empty() ? QStringLiteral("-") : q(x.target), 8) << q(x.assessor) << "\n";
    }
    out().flush();
    return kOk;
}

int gaps(Context& ctx, Args& a) {
    std::optional<int> priority;
    if (a.has(QStringLiteral("--priority"))) priority = intOption(a, QStringLiteral("--priority"), 1, 1, 99);
    const auto scope = scopeOption(a);
    const bool json = a.flag(QStringLiteral("--json"));
    a.expectEnd();
    if (int rc = connected(ctx); rc != kOk) return rc;
    nsm::NsmService service(ctx.store());
    auto catalogue = service.catalogue(ctx.session());
    if (!catalogue) return failWith(catalogue.message());
    auto all = service.assessments(ctx.session(), scope);
    if (!all) return failWith(all.message());
    const std::vector<nsm::Scale> scales = nsm::NsmService::scales();
    std::vector<nsm::Action> shown;
    for (auto& action : nsm::actionList(*all, *catalogue, scales))
        if (!priority || action.priorityRank == *priority) shown.push_back(std::move(action));
    if (json) {
        QJsonArray arr;
        for (const auto& x : shown) {
            const nsm::Gap& g = x.gap;
            arr.append(QJsonObject{{"priority_rank", x.priorityRank},
                                   {"priority", q(x.priority)},
                                   {"subject", q(g.subject)},
                                   {"principle", q(g.principle)},
                                   {"title", subjectTitle(*catalogue, g.subject)},
                                   {"scope_kind", q(std::string(nsm::scopeKindCode(g.scope.kind)))},
                                   {"scope", q(g.scope.key)},
                                   {"scale", q(g.scale)},
                                   {"level", q(g.level)},
                                   {"target", q(g.target)},
                                   {"gap", g.size},
                                   {"gap_normalised", g.normalisedSize},
                                   {"date", q((*all)[g.assessment].date)}});
        }
        printJson(arr);
        return kOk;
    }
    out() << padded(QStringLiteral("PRIORITY"), 10) << padded(QStringLiteral("SCOPE"), 40) << padded(QStringLiteral("SUBJECT"), 9) << padded(QStringLiteral("LEVEL"), 7)
          << padded(QStringLiteral("TARGET"), 8) << padded(QStringLiteral("GAP"), 5) << "TITLE\n";
    for (const auto& x : shown) {
        const nsm::Gap& g = x.gap;
        out() << padded(x.priorityRank == 0 ? QStringLiteral("-") : QString::number(x.priorityRank), 10) << padded(scopeText(g.scope), 40)
              << padded(q(g.subject), 9) << padded(q(g.level), 7) << padded(q(g.target), 8) << padded(QString::number(g.size, 'g', 3), 5)
              << subjectTitle(*catalogue, g.subject) << "\n";
    }
    out().flush();
    return kOk;
}

int soaDecide(Context& ctx, Args& a) {
    const QString applicable = requiredText(a, QStringLiteral("--applicable")).trimmed().toLower();
    if (applicable != QLatin1String("yes") && applicable != QLatin1String("no"))
        throw UsageError(("--applicable takes yes or no, not '" + applicable + "'").toStdString());
    const QString justification = requiredText(a, QStringLiteral("--justification"));
    nsm::ControlStatus status = nsm::ControlStatus::Unknown;
    if (const auto text = a.option(QStringLiteral("--status"))) {
        bool known = false;
        for (const auto st : {nsm::ControlStatus::Implemented, nsm::ControlStatus::Partial, nsm::ControlStatus::NotImplemented})
            if (*text == q(std::string(nsm::controlStatusCode(st)))) status = st, known = true;
        if (!known) throw UsageError(("--status takes implemented, partial or not_implemented, not '" + *text + "'").toStdString());
        if (applicable == QLatin1String("no")) throw UsageError("--status is for applicable controls; a control not applicable has none");
    }
    const QString control = controlId(a.requiredPositional("CONTROL (an ISO/IEC 27001:2022 Annex A control such as 5.15)"));
    a.expectEnd();
    if (!nsm::isAnnexAControl(control.toStdString()))
        throw UsageError(("CONTROL is an ISO/IEC 27001:2022 Annex A control (5.1-5.37, 6.1-6.8, 7.1-7.14, 8.1-8.34), not '" + control + "'").toStdString());
    if (int rc = connected(ctx); rc != kOk) return rc;
    nsm::SoaDecision decision;
    decision.control = control.toStdString();
    decision.applicable = applicable == QLatin1String("yes");
    decision.justification = justification.toStdString();
    decision.status = status;
    if (auto st = nsm::NsmService(ctx.store()).decideSoa(ctx.session(), decision); !st) return failWith(st.message());
    out() << "Control " << control << ": " << (decision.applicable ? "applicable" : "not applicable");
    if (status != nsm::ControlStatus::Unknown) out() << ", " << q(std::string(nsm::controlStatusCode(status)));
    out() << ".\n";
    out().flush();
    return kOk;
}

int soa(Context& ctx, Args& a) {
    const bool json = a.flag(QStringLiteral("--json"));
    a.expectEnd();
    if (int rc = connected(ctx); rc != kOk) return rc;
    auto all = nsm::NsmService(ctx.store()).soaDecisions(ctx.session());
    if (!all) return failWith(all.message());
    if (json) {
        QJsonArray arr;
        for (const auto& d : *all)
            arr.append(QJsonObject{{"control", q(d.control)},
                                   {"applicable", d.applicable},
                                   {"status", q(std::string(nsm::controlStatusCode(d.status)))},
                                   {"justification", q(d.justification)}});
        printJson(arr);
        return kOk;
    }
    out() << padded(QStringLiteral("CONTROL"), 9) << padded(QStringLiteral("APPLICABLE"), 12) << padded(QStringLiteral("STATUS"), 17) << "JUSTIFICATION\n";
    for (const auto& d : *all)
        out() << padded(q(d.control), 9) << padded(d.applicable ? QStringLiteral("yes") : QStringLiteral("no"), 12)
              << padded(q(std::string(nsm::controlStatusCode(d.status))), 17) << q(d.justification) << "\n";
    out().flush();
    return kOk;
}

int printGapWork(const Result<reports::GapWork>& work, bool json) {
    if (!work) return failWith(work.message());
    if (json) {
        printJson(QJsonObject{{"risk", work->riskRef}, {"measure", work->measureId}, {"assessment", work->assessmentId}});
        return kOk;
    }
    if (work->measureId) out() << "Measure " << work->measureId << " added to " << work->riskRef;
    else out() << "Risk " << work->riskRef << " added to the register";
    out() << "; assessment " << work->assessmentId << " links it as evidence\n";
    out().flush();
    return kOk;
}

int gapToRisk(Context& ctx, Args& a) {
    reports::GapToRisk request;
    request.service = requiredText(a, QStringLiteral("--service"));
    request.likelihood = intOption(a, QStringLiteral("--likelihood"), 0, 1, 10);
    request.consequences = consequencesOption(a, QStringLiteral("--consequence"));
    request.owner = a.option(QStringLiteral("--owner")).value_or(QString());
    request.scope = scopeOption(a);
    const bool json = a.flag(QStringLiteral("--json"));
    request.subject = a.requiredPositional("SUBJECT (a principle or measure, 2.6)");
    a.expectEnd();
    if (request.likelihood == 0) throw UsageError("gap-to-risk needs --likelihood N");
    if (int rc = connected(ctx); rc != kOk) return rc;
    return printGapWork(reports::gapToRisk(ctx.store(), ctx.session(), request), json);
}

int gapToMeasure(Context& ctx, Args& a) {
    reports::GapToMeasure request;
    request.riskRef = requiredText(a, QStringLiteral("--risk"));
    request.owner = a.option(QStringLiteral("--owner")).value_or(QString());
    request.due = dateOption(a, QStringLiteral("--due"));
    request.scope = scopeOption(a);
    const bool json = a.flag(QStringLiteral("--json"));
    request.subject = a.requiredPositional("SUBJECT (a principle or measure, 2.6)");
    a.expectEnd();
    if (int rc = connected(ctx); rc != kOk) return rc;
    return printGapWork(reports::gapToMeasure(ctx.store(), ctx.session(), request), json);
}

int nsmCommand(Context& ctx, Args& a) {
    static constexpr Subcommand<Handler> kSubcommands[] = {{"import", importCatalogue}, {"versions", versions}, {"assess", assess},
                                                           {"assessments", assessments}, {"gaps", gaps},       {"gap-to-risk", gapToRisk},
                                                           {"gap-to-measure", gapToMeasure}, {"soa-decide", soaDecide},
                                                           {"soa", soa}};
    return runSubcommand(ctx, a, "nsm", kSubcommands);
}

const CommandRegistration registration{Command{
    .name = "nsm",
    .summary = "  nsm import|versions|assess|assessments|gaps|gap-to-risk|...\n"
               "                                     NSM's basic principles: catalogue versions, maturity, gaps, SoA decisions\n",
    .help = kNsmHelp,
    .order = 69,
    .needsDatabase = true,
    .run = nsmCommand,
}};

}  // namespace
}  // namespace vakt::cli
