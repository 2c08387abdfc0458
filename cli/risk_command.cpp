// vakt risk: threat models and their STRIDE threats. analyse and diff read model files alone,
// without a database, so a vendor's pipeline can run them on every change to a model.
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QUrl>
#include <algorithm>
#include <map>

#include "cli/command.h"
#include "cli/risk_common.h"
#include "riskmodel/analysis.h"
#include "riskmodel/attack_paths.h"
#include "riskmodel/diagram.h"
#include "riskmodel/diff.h"
#include "riskmodel/chain_reader.h"
#include "riskmodel/model_files.h"
#include "riskmodel/register.h"

namespace vakt::cli {
namespace {

constexpr const char* kRiskHelp = R"(Usage: vakt [--db URL] [--user NAME] risk SUBCOMMAND

On model files, without a database:
  analyse --model FILE [--format vakt|threagile|threatdragon|otm] [--rules DIR] [--json]
                    derive the STRIDE threats of one threat model (docs/threat-models.md)
                    with the shipped rules and those in DIR; a Threagile, Threat Dragon v2
                    or Open Threat Model file is imported first and what could not be mapped
                    is listed. The format is recognised from the content when not given
  diff OLD NEW [--format F] [--rules DIR] [--json|--sarif] [--fail-on LEVEL]
                    elements, flows and threats added, removed and changed between two
                    versions of a model; renamed elements are matched through their
                    aliases. Exit 1 when a threat at or above LEVEL (low, medium, high,
                    critical; default high) is new or has risen to it
  paths [--model FILE | --service KEY] [--format F] [--rules DIR] [--limit N] [--json]
                    attack paths from the model's untrusted entry points (external entities,
                    the internet) to stores of special-category or strengt fortrolig data,
                    most likely first, and the fewest flows and elements to harden so that
                    no path remains (minimum cut); --service and no model at all read the
                    register (every service's newest model)
  dfd (--model FILE | --service KEY) --out FILE.svg [--format F] [--rules DIR]
                    the data-flow diagram through Graphviz: trust boundaries as clusters,
                    elements and flows coloured by their highest threat level
  rules list [--rules DIR] [--json]
                    the rules with their STRIDE category, kinds, scores and references
  rules check [--rules DIR]
                    run each rule's fixtures (DIR/fixtures/RULE.fires.yaml must raise the rule
                    on the element 'target' only, RULE.quiet.yaml nowhere); exit 1 on a failure

The register, in the database:
  model import FILE --service KEY [--format F]
                    keep a new version of a service's threat model (every version is kept)
  models [--json]   the newest model of each service
  analyse (--service KEY | --all) [--rules DIR] [--json]
                    run the rules over the newest model and bring the register up to date:
                    new threats become open risks, changed scores are kept in the history,
                    renamed elements keep their risks, threats no longer raised are closed
                    with the reason, and decisions that match nothing are listed
  register [--service KEY] [--closed] [--json]
                    the risks, worst first, with level, owner and status
  show REF [--json] one risk with its scores over time, measures and acceptances
  export --out FILE [--format csv|xlsx] [--service KEY]
                    the register as a spreadsheet: XLSX with the sheets Risikoer and Tiltak,
                    or CSV with the measures beside it in FILE-tiltak.csv
  import FILE [--format csv|xlsx] [--dry-run] [--json]
                    bring the register in line with a spreadsheet (ours, or one kept before:
                    Norwegian headers are understood); scores go into the history, new refs
                    become risks; acceptance and closing cannot be imported. All or nothing:
                    every error is listed with its line or row and column
  stories --service KEY [--json]
                    the personas and user stories of the service's model, the risk stories
                    against them, and the register's risks they name with level and status
  template --service KEY --out FILE [--format xlsx|md] [--lang nb|en]
                    the municipal ROS template for the service: its data, stories, the
                    platform's risks and measures, with columns for the municipality's own
                    assessment, and the matrix's scales
  owner REF USER    set the risk owner (a Vakt username)
  decide REF --as mitigated|false_positive|open --justification TEXT
  accept REF --justification TEXT --expires DATE
                    accept the risk at its current level; above the acceptance criteria only
                    its owner may, never the one who assessed it
  score REF --likelihood N --consequence DIM=N[,DIM=N...] --reason TEXT [--residual]
                    a person's own score per dimension (konfidensialitet, integritet,
                    tilgjengelighet, personvern, okonomi, omdomme, liv_og_helse)
  measure add REF --title TEXT [--owner USER] [--due DATE] [--status S]
              [--likelihood-effect N] [--consequence-effect N]
  measure set ID --status planned|in_progress|done|cancelled
  changes --service KEY --since DATE [--until DATE] [--json]
                    what changed in a service's ROS since a date (until today): risks added
                    and closed, scores with the one before, measures, decisions, acceptances
  refresh           end acceptances past their expiry and reopen their risks, and look at
                    every risk's evidence again (run daily)
  evidence link REF --incident ID [--note TEXT]
                    an incident (alert, detection, service-desk case) is evidence for a risk;
                    when the risk's incidents of the last 12 months fall in a higher
                    likelihood band than its score, a re-score is suggested to its owner
  evidence unlink REF --incident ID --reason TEXT
  evidence list REF [--json]
  suggestions [--service KEY] [--all] [--json]
                    suggested re-scores waiting for their owner (all with --all)
  suggestion accept ID [--note TEXT]
  suggestion reject ID --note TEXT
                    the risk owner's decision; accepting re-scores the likelihood with the
                    evidence as the reason, the same evidence is not suggested again
  estimate set REF --per-year N --low KR --high KR [--note TEXT]
                    how often a year, and the loss of one event with 90 % confidence
  estimate clear REF --reason TEXT
  estimate list [--service KEY] [--json]
  losses [--service KEY] [--trials N] [--seed N] [--json]
                    the yearly loss simulated over the open risks' estimates: mean,
                    percentiles and the loss-exceedance curve (the same seed, the same curve)
  matrix [--json]   the newest risk matrix: bands, levels, colours, acceptance criteria
  chain [--json]    the value chain from the catalogue: size, problems (unknown references,
                    dependency cycles, disconnected parts) and single points of failure
  impact --node ID --event change|vulnerability|incident|outage [--dry-run] [--json]
                    every service, component, municipality and subcontractor the event
                    reaches, with the path; a review task for each ROS that must be reviewed
                    (none with --dry-run). ID: a catalogue key, an organisation number or a name
  tasks [--all] [--json]
                    open review tasks (all with --all)
  task done ID --note TEXT

Threat ids are RULE/ELEMENT and stay the same across edits, so decisions stay attached.
)";

struct Loaded {
    risk::LoadedModel model;
    std::vector<risk::Rule> rules;
};

std::vector<risk::Rule> rulesOrFail(Args& a) {
    QStringList dirs{risk::shippedRulesDirectory()};
    if (const auto extra = a.option(QStringLiteral("--rules"))) dirs << *extra;
    auto rules = risk::loadRules(dirs);
    if (!rules) throw std::runtime_error(rules.message());
    return std::move(*rules);
}

std::optional<risk::ModelFormat> formatOption(Args& a) {
    const auto text = a.option(QStringLiteral("--format"));
    if (!text) return std::nullopt;
    const auto format = risk::parseFormat(*text);
    if (!format) throw UsageError(("--format must be vakt, threagile, threatdragon or otm, not '" + *text + "'").toStdString());
    return format;
}

risk::LoadedModel modelOrFail(const QString& path, std::optional<risk::ModelFormat> format) {
    auto loaded = risk::loadModelFile(path, format);
    if (!loaded) throw std::runtime_error(loaded.message());
    return std::move(*loaded);
}


QJsonObject elementJson(const risk::Model& model, const risk::Element& e) {
    QJsonObject o{{"id", q(e.id)}, {"title", q(e.title)}, {"kind", risk::kindName(e.kind)}, {"line", e.line}};
    if (e.kind == risk::ElementKind::Flow) {
        for (auto [key, id] : {std::pair{"from", &e.from}, std::pair{"to", &e.to}}) {
            const risk::Element* end = model.findElement(*id);
            o[QLatin1String(key)] = QJsonObject{{"id", q(*id)}, {"title", end ? q(end->title) : q(*id)}};
        }
    } else if (!e.boundary.empty()) {
        o[QStringLiteral("boundary")] = q(e.boundary);
    }
    return o;
}

QJsonObject localJson(const risk::LocalText& t) { return {{"nb", q(t.nb)}, {"en", q(t.en)}}; }

QJsonObject threatJson(const risk::Model& model, const risk::Threat& t) {
    QJsonArray measures, cwe, nsm, iso;
    for (const auto& m : t.rule->measures) measures.append(localJson(m));
    for (int c : t.rule->cwe) cwe.append(c);
    for (const auto& n : t.rule->nsm) nsm.append(q(n));
    for (const auto& i : t.rule->iso27002) iso.append(q(i));
    return {{"id", q(t.id)},
            {"rule", q(t.rule->id)},
            {"stride", risk::strideName(t.rule->stride)},
            {"title", localJson(t.rule->title)},
            {"element", elementJson(model, *t.element)},
            {"likelihood", t.likelihood},
            {"consequence", t.consequence},
            {"level", risk::levelName(t.level)},
            {"measures", measures},
            {"cwe", cwe},
            {"nsm", nsm},
            {"iso27002", iso}};
}


QString describe(const risk::Element& e) {
    return q(e.id) + (e.title != e.id ? QStringLiteral(" (") + q(e.title) + QLatin1Char(')') : QString());
}

int analyseRegister(Context& ctx, Args& a);

int analyse(Context& ctx, Args& a) {
    if (a.has(QStringLiteral("--service")) || a.has(QStringLiteral("--all"))) return analyseRegister(ctx, a);
    const auto path = a.option(QStringLiteral("--model"));
    const auto format = formatOption(a);
    const bool json = a.flag(QStringLiteral("--json"));
    auto rules = rulesOrFail(a);
    a.expectEnd();
    if (!path) throw UsageError("analyse needs --model FILE, --service KEY or --all");
    const auto loaded = modelOrFail(*path, format);
    const risk::Analysis analysis(loaded.model, rules);
    const auto& m = loaded.model;
    if (json) {
        QJsonArray threats, unmapped;
        for (const auto& t : analysis.threats()) threats.append(threatJson(m, t));
        for (const auto& u : loaded.unmapped) unmapped.append(q(u));
        printJson(QJsonObject{{"model", QJsonObject{{"id", q(m.id)}, {"title", q(m.title)}, {"service", q(m.service)},
                                                    {"file", *path}, {"format", risk::formatName(loaded.format)}}},
                              {"rules", static_cast<qint64>(rules.size())},
                              {"elements", static_cast<qint64>(m.elements.size())},
                              {"flows", static_cast<qint64>(m.flows.size())},
                              {"threats", threats},
                              {"unmapped", unmapped}});
        return kOk;
    }
    out() << q(m.title) << ": " << counted(static_cast<qint64>(m.elements.size()), "element", "elements") << ", "
          << counted(static_cast<qint64>(m.flows.size()), "flow", "flows") << ", "
          << counted(static_cast<qint64>(analysis.threats().size()), "threat", "threats") << " from "
          << counted(static_cast<qint64>(rules.size()), "rule", "rules") << "\n";
    if (!analysis.threats().empty()) {
        int width = 8;
        for (const auto& t : analysis.threats()) width = std::max(width, static_cast<int>(t.id.size()) + 2);
        out() << padded(QStringLiteral("LEVEL"), 9) << padded(QStringLiteral("LxC"), 5) << padded(QStringLiteral("STRIDE"), 24)
              << padded(QStringLiteral("THREAT"), width) << "TITLE\n";
        // The worst first; ties in id order.
        std::vector<const risk::Threat*> sorted;
        for (const auto& t : analysis.threats()) sorted.push_back(&t);
        std::stable_sort(sorted.begin(), sorted.end(), [](const risk::Threat* x, const risk::Threat* y) {
            return x->likelihood * x->consequence > y->likelihood * y->consequence;
        });
        for (const risk::Threat* p : sorted) {
            const risk::Threat& t = *p;
            out() << padded(QString::fromLatin1(risk::levelName(t.level)), 9)
                  << padded(QStringLiteral("%1x%2").arg(t.likelihood).arg(t.consequence), 5)
                  << padded(QString::fromLatin1(risk::strideName(t.rule->stride)), 24) << padded(q(t.id), width)
                  << q(t.rule->title.en) << "\n";
        }
    }
    if (!loaded.unmapped.empty()) {
        out() << "\nNot mapped from the " << risk::formatName(loaded.format) << " file:\n";
        for (const auto& u : loaded.unmapped) out() << "  " << q(u) << "\n";
    }
    out().flush();
    return kOk;
}

// A model named by --model FILE (read alone) or --service KEY (its newest version in the register).
struct ModelChoice {
    std::optional<QString> file;
    std::optional<QString> service;
    std::optional<risk::ModelFormat> format;
};

ModelChoice modelChoice(Args& a) {
    ModelChoice c{a.option(QStringLiteral("--model")), a.option(QStringLiteral("--service")), formatOption(a)};
    if (c.file && c.service) throw UsageError("give --model FILE or --service KEY, not both");
    return c;
}


risk::LoadedModel loadChosen(Context& ctx, const ModelChoice& c) {
    if (c.file) return modelOrFail(*c.file, c.format);
    if (connected(ctx) != kOk) throw std::runtime_error("no database");
    auto loaded = risk::RiskService(ctx.store()).latestModel(ctx.session(), *c.service);
    if (!loaded) throw std::runtime_error(loaded.message());
    return std::move(*loaded);
}

QJsonObject surfaceJson(const risk::AttackSurface& surface) {
    auto ids = [](const std::vector<const risk::Element*>& elements) {
        QJsonArray arr;
        for (const auto* e : elements) arr.append(q(e->id));
        return arr;
    };
    QJsonArray list;
    for (const auto& p : surface.paths)
        list.append(QJsonObject{{"likelihood", p.likelihood}, {"elements", ids(p.elements)}, {"flows", ids(p.flows)}});
    return {{"entries", ids(surface.entries)},
            {"targets", ids(surface.targets)},
            {"paths", list},
            {"flows_to_harden", ids(surface.flowsToHarden)},
            {"elements_to_harden", ids(surface.elementsToHarden)},
            {"entry_next_to_target", surface.entryNextToTarget}};
}

void printSurface(const risk::AttackSurface& surface) {
    out() << counted(static_cast<qint64>(surface.entries.size()), "entry point", "entry points") << ", "
          << counted(static_cast<qint64>(surface.targets.size()), "store", "stores") << " of special-category or strengt fortrolig data, "
          << counted(static_cast<qint64>(surface.paths.size()), "path", "paths") << "\n";
    for (const auto& p : surface.paths) {
        QStringList hops;
        for (const auto* e : p.elements) hops << q(e->id);
        out() << QStringLiteral("  %1  ").arg(p.likelihood, 8, 'f', 4) << hops.join(QStringLiteral(" -> ")) << "\n";
    }
    if (surface.paths.empty()) return;
    QStringList flows, elements;
    for (const auto* f : surface.flowsToHarden) flows << describe(*f);
    for (const auto* e : surface.elementsToHarden) elements << describe(*e);
    out() << "Harden these flows to close every path: " << flows.join(QStringLiteral(", ")) << "\n";
    if (surface.entryNextToTarget)
        out() << "An entry point reaches a store directly: no element between them can be hardened instead\n";
    else
        out() << "or these elements: " << elements.join(QStringLiteral(", ")) << "\n";
}

int paths(Context& ctx, Args& a) {
    const ModelChoice choice = modelChoice(a);
    const bool json = a.flag(QStringLiteral("--json"));
    const auto limitText = a.option(QStringLiteral("--limit"));
    auto rules = rulesOrFail(a);
    a.expectEnd();
    bool ok = true;
    const int limit = limitText ? limitText->toInt(&ok) : 20;
    if (!ok || limit < 1 || limit > 10000) throw UsageError("--limit must be a whole number from 1 to 10000");
    // Without a model or service: every service's newest model in the register.
    std::vector<ModelChoice> choices;
    if (choice.file || choice.service) {
        choices.push_back(choice);
    } else {
        if (connected(ctx) != kOk) return kFailure;
        auto models = risk::RiskService(ctx.store()).models(ctx.session());
        if (!models) return failWith(models.message());
        for (const auto& m : *models) choices.push_back(ModelChoice{std::nullopt, m.service, std::nullopt});
    }
    QJsonArray all;
    for (const auto& c : choices) {
        const auto loaded = loadChosen(ctx, c);
        const risk::Analysis analysis(loaded.model, rules);
        const auto surface = risk::attackSurface(analysis, static_cast<std::size_t>(limit));
        if (json) {
            QJsonObject o = surfaceJson(surface);
            o[QStringLiteral("model")] = q(loaded.model.id);
            if (c.service) o[QStringLiteral("service")] = *c.service;
            all.append(o);
            continue;
        }
        if (choices.size() > 1) out() << q(loaded.model.title) << ": ";
        printSurface(surface);
    }
    if (json) printJson(choice.file || choice.service ? QJsonValue(all.first()) : QJsonValue(all));
    out().flush();
    return kOk;
}

int dfd(Context& ctx, Args& a) {
    const ModelChoice choice = modelChoice(a);
    const auto target = a.option(QStringLiteral("--out"));
    auto rules = rulesOrFail(a);
    a.expectEnd();
    if ((!choice.file && !choice.service) || !target) throw UsageError("dfd needs --model FILE or --service KEY, and --out FILE.svg");
    const auto loaded = loadChosen(ctx, choice);
    const risk::Analysis analysis(loaded.model, rules);
    auto svg = risk::renderSvg(risk::dataFlowDot(analysis));
    if (!svg) return failWith(svg.message());
    QFile file(*target);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(*svg) != svg->size())
        return failWith(target->toStdString() + ": cannot write: " + file.errorString().toStdString());
    out() << "Wrote " << *target << "\n";
    out().flush();
    return kOk;
}

// A threat that is new at or above the level, or has risen to it, fails the diff.
bool failing(const risk::Threat* before, const risk::Threat& after, risk::Level threshold) {
    return after.level >= threshold && (!before || before->level < threshold);
}

const char* sarifLevel(risk::Level level) {
    return level >= risk::Level::High ? "error" : level == risk::Level::Medium ? "warning" : "note";
}

QJsonObject sarif(const risk::Analysis& before, const risk::Analysis& after, const risk::ModelDiff& diff,
                  const QString& oldPath, const QString& newPath) {
    // Every rule that raised a threat in either version, in id order.
    std::map<std::string, const risk::Rule*> used;
    for (const auto* a : {&before, &after})
        for (const auto& t : a->threats()) used.emplace(t.rule->id, t.rule);
    QJsonArray rules;
    std::map<std::string, int> ruleIndex;
    for (const auto& [id, rule] : used) {
        QString help;
        for (const auto& m : rule->measures) help += q(m.en) + QLatin1Char('\n');
        QJsonArray tags{QString::fromLatin1(risk::strideName(rule->stride)), QStringLiteral("security")};
        for (int c : rule->cwe) tags.append(QStringLiteral("external/cwe/cwe-%1").arg(c));
        ruleIndex[id] = static_cast<int>(rules.size());
        rules.append(QJsonObject{{"id", q(id)},
                                 {"name", q(id)},
                                 {"shortDescription", QJsonObject{{"text", q(rule->title.en)}}},
                                 {"fullDescription", QJsonObject{{"text", q(rule->description.en)}}},
                                 {"help", QJsonObject{{"text", help.trimmed()}}},
                                 {"properties", QJsonObject{{"tags", tags}}}});
    }
    std::map<const risk::Threat*, const char*> state;
    for (const auto* t : diff.addedThreats) state[t] = "new";
    for (const auto& c : diff.changedThreats) state[c.after] = "updated";
    auto result = [&](const risk::Threat& t, const risk::Model& model, const QString& file, const char* baseline) {
        const QString uri = QUrl::fromLocalFile(QFileInfo(file).absoluteFilePath()).toString();
        return QJsonObject{
            {"ruleId", q(t.rule->id)},
            {"ruleIndex", ruleIndex[t.rule->id]},
            {"level", sarifLevel(t.level)},
            {"message", QJsonObject{{"text", q(t.rule->title.en) + QStringLiteral(": ") + describe(*t.element) +
                                                 QStringLiteral(" (likelihood %1, consequence %2, %3)")
                                                     .arg(t.likelihood)
                                                     .arg(t.consequence)
                                                     .arg(QString::fromLatin1(risk::levelName(t.level)))}}},
            {"locations",
             QJsonArray{QJsonObject{
                 {"physicalLocation", QJsonObject{{"artifactLocation", QJsonObject{{"uri", uri}}},
                                                  {"region", QJsonObject{{"startLine", std::max(1, t.element->line)}}}}},
                 {"logicalLocations", QJsonArray{QJsonObject{{"name", q(t.element->id)},
                                                             {"fullyQualifiedName", q(model.id + "/" + t.element->id)},
                                                             {"kind", risk::kindName(t.element->kind)}}}}}}},
            {"partialFingerprints", QJsonObject{{"vaktThreatId/v1", q(t.id)}}},
            {"baselineState", baseline},
            {"properties", QJsonObject{{"likelihood", t.likelihood}, {"consequence", t.consequence},
                                       {"level", risk::levelName(t.level)}}}};
    };
    QJsonArray results;
    for (const auto& t : after.threats()) {
        const auto s = state.find(&t);
        results.append(result(t, after.model(), newPath, s == state.end() ? "unchanged" : s->second));
    }
    for (const auto* t : diff.removedThreats) results.append(result(*t, before.model(), oldPath, "absent"));
    return {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
            {"version", "2.1.0"},
            {"runs", QJsonArray{QJsonObject{
                         {"tool", QJsonObject{{"driver", QJsonObject{{"name", "Vakt"},
                                                                     {"informationUri", "https://github.com/vakt/vakt"},
                                                                     {"semanticVersion", VAKT_VERSION},
                                                                     {"rules", rules}}}}},
                         {"results", results}}}}};
}

int diff(Context&, Args& a) {
    const auto format = formatOption(a);
    const bool json = a.flag(QStringLiteral("--json"));
    const bool asSarif = a.flag(QStringLiteral("--sarif"));
    const auto failOnText = a.option(QStringLiteral("--fail-on"));
    auto rules = rulesOrFail(a);
    const QString oldPath = a.requiredPositional("OLD model file");
    const QString newPath = a.requiredPositional("NEW model file");
    a.expectEnd();
    if (json && asSarif) throw UsageError("give --json or --sarif, not both");
    const auto threshold = risk::parseLevel(failOnText.value_or(QStringLiteral("high")).toStdString());
    if (!threshold) throw UsageError(("--fail-on must be low, medium, high or critical, not '" + *failOnText + "'").toStdString());
    const auto before = modelOrFail(oldPath, format);
    const auto after = modelOrFail(newPath, format);
    const risk::Analysis a1(before.model, rules), a2(after.model, rules);
    const auto d = risk::diffModels(a1, a2);

    std::map<const risk::Threat*, const risk::Threat*> previous;
    for (const auto& c : d.changedThreats) previous[c.after] = c.before;
    int failures = 0;
    for (const auto* t : d.addedThreats) failures += failing(nullptr, *t, *threshold);
    for (const auto& c : d.changedThreats) failures += failing(c.before, *c.after, *threshold);

    if (asSarif) {
        printJson(sarif(a1, a2, d, oldPath, newPath));
    } else if (json) {
        QJsonArray added, removed, changed, tAdded, tRemoved, tChanged;
        for (const auto* e : d.addedElements) added.append(elementJson(after.model, *e));
        for (const auto* e : d.removedElements) removed.append(elementJson(before.model, *e));
        for (const auto& c : d.changedElements) {
            QJsonArray what;
            for (const auto& w : c.changes) what.append(q(w));
            changed.append(QJsonObject{{"id", q(c.after->id)}, {"old_id", q(c.before->id)}, {"changes", what}});
        }
        for (const auto* t : d.addedThreats) tAdded.append(threatJson(after.model, *t));
        for (const auto* t : d.removedThreats) tRemoved.append(threatJson(before.model, *t));
        auto score = [](const risk::Threat& t) {
            return QJsonObject{{"likelihood", t.likelihood}, {"consequence", t.consequence}, {"level", risk::levelName(t.level)}};
        };
        for (const auto& c : d.changedThreats)
            tChanged.append(QJsonObject{{"id", q(c.after->id)}, {"old_id", q(c.before->id)}, {"before", score(*c.before)},
                                        {"after", score(*c.after)}});
        printJson(QJsonObject{{"old", oldPath},
                              {"new", newPath},
                              {"elements", QJsonObject{{"added", added}, {"removed", removed}, {"changed", changed}}},
                              {"threats", QJsonObject{{"added", tAdded}, {"removed", tRemoved}, {"changed", tChanged}}},
                              {"fail_on", risk::levelName(*threshold)},
                              {"failing", failures}});
    } else {
        out() << "Elements and flows: " << d.addedElements.size() << " added, " << d.removedElements.size() << " removed, "
              << d.changedElements.size() << " changed\n";
        for (const auto* e : d.addedElements) out() << "  + " << risk::kindName(e->kind) << " " << describe(*e) << "\n";
        for (const auto* e : d.removedElements) out() << "  - " << risk::kindName(e->kind) << " " << describe(*e) << "\n";
        for (const auto& c : d.changedElements) {
            out() << "  ~ " << risk::kindName(c.after->kind) << " " << describe(*c.after) << "\n";
            for (const auto& w : c.changes) out() << "      " << q(w) << "\n";
        }
        out() << "Threats: " << d.addedThreats.size() << " new, " << d.removedThreats.size() << " no longer raised, "
              << d.changedThreats.size() << " changed\n";
        for (const auto* t : d.addedThreats)
            out() << "  + " << padded(QString::fromLatin1(risk::levelName(t->level)), 9) << q(t->id) << "  " << q(t->rule->title.en) << "\n";
        for (const auto* t : d.removedThreats)
            out() << "  - " << padded(QString::fromLatin1(risk::levelName(t->level)), 9) << q(t->id) << "  " << q(t->rule->title.en) << "\n";
        for (const auto& c : d.changedThreats)
            out() << "  ~ " << q(c.after->id) << "  " << risk::levelName(c.before->level) << " " << c.before->likelihood << "x"
                  << c.before->consequence << " -> " << risk::levelName(c.after->level) << " " << c.after->likelihood << "x"
                  << c.after->consequence << "\n";
        if (failures > 0)
            out() << counted(failures, "threat", "threats") << " at or above " << risk::levelName(*threshold) << " new in " << newPath
                  << "\n";
    }
    out().flush();
    return failures > 0 ? kFailure : kOk;
}

int rulesList(Context&, Args& a) {
    const bool json = a.flag(QStringLiteral("--json"));
    const auto rules = rulesOrFail(a);
    a.expectEnd();
    QJsonArray arr;
    if (!json)
        out() << padded(QStringLiteral("RULE"), 12) << padded(QStringLiteral("STRIDE"), 24) << padded(QStringLiteral("APPLIES TO"), 24)
              << padded(QStringLiteral("L"), 3) << padded(QStringLiteral("C"), 17) << "TITLE\n";
    for (const auto& r : rules) {
        QStringList kinds;
        for (auto k : r.appliesTo) kinds << QString::fromLatin1(risk::kindName(k));
        const QString consequence = r.consequenceFrom.empty() ? QString::number(r.fixedConsequence) : q(r.consequenceFrom);
        if (json) {
            QJsonArray cwe, nsm, iso;
            for (int c : r.cwe) cwe.append(c);
            for (const auto& n : r.nsm) nsm.append(q(n));
            for (const auto& i : r.iso27002) iso.append(q(i));
            arr.append(QJsonObject{{"id", q(r.id)}, {"stride", risk::strideName(r.stride)}, {"applies_to", QJsonArray::fromStringList(kinds)},
                                   {"title", localJson(r.title)}, {"likelihood", r.likelihood}, {"consequence", consequence},
                                   {"cwe", cwe}, {"nsm", nsm}, {"iso27002", iso}, {"file", q(r.fileName)}});
        } else {
            out() << padded(q(r.id), 12) << padded(QString::fromLatin1(risk::strideName(r.stride)), 24)
                  << padded(kinds.join(QLatin1Char(',')), 24) << padded(QString::number(r.likelihood), 3) << padded(consequence, 17)
                  << q(r.title.en) << "\n";
        }
    }
    if (json) printJson(arr);
    out().flush();
    return kOk;
}

// One fixture's verdict: empty when it behaves, else why not.
std::string checkFixture(const risk::Rule& rule, const QString& path, bool fires) {
    if (!QFileInfo::exists(path)) return "missing " + path.toStdString();
    auto loaded = risk::loadModelFile(path, risk::ModelFormat::Vakt);
    if (!loaded) return loaded.message();
    const risk::Analysis analysis(loaded->model, std::span<const risk::Rule>(&rule, 1));
    std::vector<std::string> hits;
    for (const auto& t : analysis.threats()) hits.push_back(t.element->id);
    if (fires && hits != std::vector<std::string>{"target"}) {
        std::string got;
        for (const auto& h : hits) got += (got.empty() ? "" : ", ") + h;
        return path.toStdString() + ": expected the rule on 'target' only, got [" + got + "]";
    }
    if (!fires && !hits.empty()) return path.toStdString() + ": expected no threat, got one on '" + hits.front() + "'";
    return {};
}

int rulesCheck(Context&, Args& a) {
    const auto extra = a.option(QStringLiteral("--rules"));
    a.expectEnd();
    const QString dir = extra.value_or(risk::shippedRulesDirectory());
    auto rules = risk::loadRules({dir});
    if (!rules) return failWith(rules.message());
    int failures = 0;
    for (const auto& rule : *rules) {
        for (const bool fires : {true, false}) {
            const QString path = QDir(dir).filePath(QStringLiteral("fixtures/%1.%2.yaml").arg(q(rule.id), fires ? "fires" : "quiet"));
            const auto problem = checkFixture(rule, path, fires);
            if (problem.empty()) continue;
            ++failures;
            err() << rule.id.c_str() << ": " << q(problem) << "\n";
        }
    }
    out() << counted(static_cast<qint64>(rules->size()), "rule", "rules") << " checked in " << dir << ", "
          << counted(failures, "fixture failed", "fixtures failed") << "\n";
    out().flush();
    err().flush();
    return failures > 0 ? kFailure : kOk;
}


// ---- the register ----------------------------------------------------------------------------


QJsonObject riskJson(const risk::RiskEntry& r) {
    QJsonObject consequences;
    for (auto it = r.consequences.begin(); it != r.consequences.end(); ++it) consequences[it.key()] = it.value();
    QJsonObject o{{"ref", r.ref},
                  {"service", r.service},
                  {"threat", r.threatId},
                  {"rule", r.ruleId},
                  {"stride", r.stride},
                  {"element", r.elementId},
                  {"title", r.title},
                  {"status", r.status},
                  {"status_reason", r.statusReason},
                  {"decided_by", r.decidedBy},
                  {"owner", r.owner},
                  {"assessor", r.assessor},
                  {"matrix_version", r.matrixVersion},
                  {"likelihood", r.likelihood},
                  {"consequence", r.consequence},
                  {"consequences", consequences},
                  {"level", r.level},
                  {"acceptable", r.acceptable},
                  {"created_at", r.createdAt.toString(Qt::ISODate)},
                  {"updated_at", r.updatedAt.toString(Qt::ISODate)}};
    if (r.residualLikelihood) o[QStringLiteral("residual_likelihood")] = *r.residualLikelihood;
    if (r.residualConsequence) o[QStringLiteral("residual_consequence")] = *r.residualConsequence;
    if (r.closedAt.isValid()) o[QStringLiteral("closed_at")] = r.closedAt.toString(Qt::ISODate);
    if (r.acceptance)
        o[QStringLiteral("acceptance")] = QJsonObject{{"accepted_by", r.acceptance->acceptedBy},
                                                      {"accepted_at", r.acceptance->acceptedAt.toString(Qt::ISODate)},
                                                      {"expires_on", r.acceptance->expiresOn.toString(Qt::ISODate)},
                                                      {"level", r.acceptance->level},
                                                      {"justification", r.acceptance->justification}};
    return o;
}


int analyseRegister(Context& ctx, Args& a) {
    const auto service = a.option(QStringLiteral("--service"));
    const bool all = a.flag(QStringLiteral("--all"));
    const bool json = a.flag(QStringLiteral("--json"));
    auto rules = rulesOrFail(a);
    a.expectEnd();
    if (service.has_value() == all) throw UsageError("give --service KEY or --all");
    if (connected(ctx) != kOk) return kFailure;
    risk::RiskService risks(ctx.store());
    QStringList services;
    if (all) {
        auto models = risks.models(ctx.session());
        if (!models) return failWith(models.message());
        for (const auto& m : *models) services << m.service;
    } else {
        services << *service;
    }
    QJsonArray results;
    for (const QString& key : services) {
        auto summary = risks.analyse(ctx.session(), key, rules);
        if (!summary) return failWith(summary.message());
        if (json) {
            results.append(QJsonObject{{"service", key}, {"model_version", summary->modelVersion}, {"threats", summary->threats},
                                       {"created", summary->created}, {"rescored", summary->rescored}, {"renamed", summary->renamed},
                                       {"closed", summary->closed}, {"reopened", summary->reopened},
                                       {"unmatched_decisions", QJsonArray::fromStringList(summary->unmatchedDecisions)}});
            continue;
        }
        out() << key << " (model version " << summary->modelVersion << "): " << counted(summary->threats, "threat", "threats") << "; "
              << summary->created << " new, " << summary->rescored << " rescored, " << summary->renamed << " renamed, " << summary->closed
              << " closed, " << summary->reopened << " reopened\n";
        for (const auto& u : summary->unmatchedDecisions) out() << "  decision that matches no threat now: " << u << "\n";
    }
    if (json) printJson(results);
    out().flush();
    return kOk;
}

int modelCommand(Context& ctx, Args& a) {
    const QString word = a.requiredPositional("model subcommand (import)");
    if (word != QLatin1String("import")) throw UsageError(("unknown model subcommand '" + word + "'").toStdString());
    const auto service = a.option(QStringLiteral("--service"));
    const auto format = formatOption(a);
    const QString file = a.requiredPositional("model FILE");
    a.expectEnd();
    if (!service) throw UsageError("model import needs --service KEY");
    if (connected(ctx) != kOk) return kFailure;
    auto stored = risk::RiskService(ctx.store()).importModel(ctx.session(), *service, file, format);
    if (!stored) return failWith(stored.message());
    out() << "Imported " << stored->title << " as version " << stored->version << " of " << stored->service << "'s threat model ("
          << stored->format << ")\n";
    for (const auto& u : stored->unmapped) out() << "  not mapped: " << u << "\n";
    out().flush();
    return kOk;
}

int modelsList(Context& ctx, Args& a) {
    const bool json = a.flag(QStringLiteral("--json"));
    a.expectEnd();
    if (connected(ctx) != kOk) return kFailure;
    auto models = risk::RiskService(ctx.store()).models(ctx.session());
    if (!models) return failWith(models.message());
    QJsonArray arr;
    if (!json) out() << padded(QStringLiteral("SERVICE"), 22) << padded(QStringLiteral("VERSION"), 9) << padded(QStringLiteral("FORMAT"), 14)
                     << padded(QStringLiteral("IMPORTED"), 22) << "TITLE\n";
    for (const auto& m : *models) {
        if (json) {
            arr.append(QJsonObject{{"service", m.service}, {"version", m.version}, {"format", m.format}, {"model", m.modelId}, {"title", m.title},
                                   {"imported_at", m.importedAt.toString(Qt::ISODate)}, {"imported_by", m.importedBy},
                                   {"unmapped", static_cast<qint64>(m.unmapped.size())}});
        } else {
            out() << padded(m.service, 22) << padded(QString::number(m.version), 9) << padded(m.format, 14)
                  << padded(m.importedAt.toString(Qt::ISODate), 22) << m.title << "\n";
        }
    }
    if (json) printJson(arr);
    out().flush();
    return kOk;
}

int registerList(Context& ctx, Args& a) {
    const auto service = a.option(QStringLiteral("--service"));
    const bool closed = a.flag(QStringLiteral("--closed"));
    const bool json = a.flag(QStringLiteral("--json"));
    a.expectEnd();
    if (connected(ctx) != kOk) return kFailure;
    auto list = risk::RiskService(ctx.store()).risks(ctx.session(), service.value_or(QString()), closed);
    if (!list) return failWith(list.message());
    QJsonArray arr;
    int width = 6;
    for (const auto& r : *list) width = std::max(width, static_cast<int>(r.ref.size()) + 2);
    if (!json)
        out() << padded(QStringLiteral("LEVEL"), 9) << padded(QStringLiteral("LxC"), 5) << padded(QStringLiteral("STATUS"), 16)
              << padded(QStringLiteral("OWNER"), 18) << padded(QStringLiteral("REF"), width) << "TITLE\n";
    for (const auto& r : *list) {
        if (json) {
            arr.append(riskJson(r));
            continue;
        }
        out() << padded(r.level, 9) << padded(QStringLiteral("%1x%2").arg(r.likelihood).arg(r.consequence), 5) << padded(r.status, 16)
              << padded(r.owner.isEmpty() ? QStringLiteral("-") : r.owner, 18) << padded(r.ref, width) << r.title << "\n";
    }
    if (json) printJson(arr);
    else out() << counted(static_cast<qint64>(list->size()), "risk", "risks") << "\n";
    out().flush();
    return kOk;
}

int show(Context& ctx, Args& a) {
    const bool json = a.flag(QStringLiteral("--json"));
    const QString ref = a.requiredPositional("risk REF");
    a.expectEnd();
    if (connected(ctx) != kOk) return kFailure;
    risk::RiskService risks(ctx.store());
    auto r = risks.risk(ctx.session(), ref);
    if (!r) return failWith(r.message());
    auto history = risks.history(ctx.session(), ref);
    if (!history) return failWith(history.message());
    auto measures = risks.measures(ctx.session(), ref);
    if (!measures) return failWith(measures.message());
    auto acceptances = risks.acceptances(ctx.session(), ref);
    if (!acceptances) return failWith(acceptances.message());
    if (json) {
        QJsonObject o = riskJson(*r);
        QJsonArray h, m, acc;
        for (const auto& s : *history)
            h.append(QJsonObject{{"at", s.at.toString(Qt::ISODate)}, {"by", s.by}, {"kind", s.kind}, {"likelihood", s.likelihood},
                                 {"consequence", s.consequence}, {"level", s.level}, {"matrix_version", s.matrixVersion}, {"reason", s.reason}});
        for (const auto& x : *measures)
            m.append(QJsonObject{{"id", x.id}, {"title", x.title}, {"owner", x.owner}, {"due", x.due.toString(Qt::ISODate)}, {"status", x.status},
                                 {"likelihood_effect", x.likelihoodEffect}, {"consequence_effect", x.consequenceEffect}});
        for (const auto& x : *acceptances)
            acc.append(QJsonObject{{"accepted_by", x.acceptedBy}, {"accepted_at", x.acceptedAt.toString(Qt::ISODate)},
                                   {"expires_on", x.expiresOn.toString(Qt::ISODate)}, {"level", x.level}, {"justification", x.justification},
                                   {"ended_at", x.endedAt.toString(Qt::ISODate)}, {"ended_reason", x.endedReason}});
        o[QStringLiteral("history")] = h;
        o[QStringLiteral("measures")] = m;
        o[QStringLiteral("acceptances")] = acc;
        o[QStringLiteral("description")] = r->description;
        printJson(o);
        return kOk;
    }
    out() << r->ref << "\n  " << r->title << "\n  status " << r->status << (r->statusReason.isEmpty() ? QString() : QStringLiteral(": ") + r->statusReason)
          << "\n  level " << r->level << " (likelihood " << r->likelihood << ", consequence " << r->consequence << ", matrix version "
          << r->matrixVersion << ")" << (r->acceptable ? " within" : " above") << " the acceptance criteria\n  owner "
          << (r->owner.isEmpty() ? QStringLiteral("(none)") : r->owner) << ", assessed by " << r->assessor << "\n";
    out() << "History:\n";
    for (const auto& s : *history)
        out() << "  " << s.at.toString(Qt::ISODate) << "  " << padded(s.kind, 9) << s.likelihood << "x" << s.consequence << " " << padded(s.level, 9)
              << s.by << ": " << s.reason << "\n";
    if (!measures->isEmpty()) out() << "Measures:\n";
    for (const auto& x : *measures)
        out() << "  " << x.id << "  " << padded(x.status, 12) << (x.due.isValid() ? x.due.toString(Qt::ISODate) : QStringLiteral("-")) << "  "
              << x.title << (x.owner.isEmpty() ? QString() : QStringLiteral(" (") + x.owner + QLatin1Char(')')) << "\n";
    if (!acceptances->isEmpty()) out() << "Acceptances:\n";
    for (const auto& x : *acceptances)
        out() << "  " << x.acceptedAt.toString(Qt::ISODate) << "  " << x.acceptedBy << " accepted " << x.level << " until "
              << x.expiresOn.toString(Qt::ISODate) << ": " << x.justification
              << (x.endedAt.isValid() ? QStringLiteral(" (ended: ") + x.endedReason + QLatin1Char(')') : QString()) << "\n";
    out().flush();
    return kOk;
}

int owner(Context& ctx, Args& a) {
    const QString ref = a.requiredPositional("risk REF");
    const QString user = a.requiredPositional("owner USER");
    a.expectEnd();
    if (connected(ctx) != kOk) return kFailure;
    if (auto s = risk::RiskService(ctx.store()).setOwner(ctx.session(), ref, user); !s) return failWith(s.message());
    out() << ref << " is owned by " << user << "\n";
    return kOk;
}

int decideCommand(Context& ctx, Args& a) {
    const QString decision = requiredText(a, QStringLiteral("--as"));
    const auto justification = a.option(QStringLiteral("--justification"));
    const QString ref = a.requiredPositional("risk REF");
    a.expectEnd();
    if (connected(ctx) != kOk) return kFailure;
    if (auto s = risk::RiskService(ctx.store()).decide(ctx.session(), ref, decision, justification.value_or(QString())); !s)
        return failWith(s.message());
    out() << ref << " is " << decision << "\n";
    return kOk;
}

int acceptCommand(Context& ctx, Args& a) {
    const QString justification = requiredText(a, QStringLiteral("--justification"));
    const QDate expires = dateOption(a, QStringLiteral("--expires"));
    const QString ref = a.requiredPositional("risk REF");
    a.expectEnd();
    if (!expires.isValid()) throw UsageError("accept needs --expires DATE");
    if (connected(ctx) != kOk) return kFailure;
    if (auto s = risk::RiskService(ctx.store()).accept(ctx.session(), ref, justification, expires); !s) return failWith(s.message());
    out() << ref << " is accepted until " << expires.toString(Qt::ISODate) << "\n";
    return kOk;
}

int scoreCommand(Context& ctx, Args& a) {
    const int likelihood = intOption(a, QStringLiteral("--likelihood"), 0, 1, 10);
    const QMap<QString, int> consequences = consequencesOption(a, QStringLiteral("--consequence"));
    const QString reason = requiredText(a, QStringLiteral("--reason"));
    const bool residual = a.flag(QStringLiteral("--residual"));
    const QString ref = a.requiredPositional("risk REF");
    a.expectEnd();
    if (likelihood == 0) throw UsageError("score needs --likelihood N");
    if (connected(ctx) != kOk) return kFailure;
    if (auto s = risk::RiskService(ctx.store()).rescore(ctx.session(), ref, residual ? QStringLiteral("residual") : QStringLiteral("inherent"),
                                                        likelihood, consequences, reason);
        !s)
        return failWith(s.message());
    out() << ref << " scored\n";
    return kOk;
}

int measureCommand(Context& ctx, Args& a) {
    const QString word = a.requiredPositional("measure subcommand (add, set)");
    if (word == QLatin1String("add")) {
        risk::Measure m;
        m.title = requiredText(a, QStringLiteral("--title"));
        m.owner = a.option(QStringLiteral("--owner")).value_or(QString());
        m.due = dateOption(a, QStringLiteral("--due"));
        m.status = a.option(QStringLiteral("--status")).value_or(QStringLiteral("planned"));
        m.likelihoodEffect = intOption(a, QStringLiteral("--likelihood-effect"), 0, 0, 4);
        m.consequenceEffect = intOption(a, QStringLiteral("--consequence-effect"), 0, 0, 4);
        m.riskRef = a.requiredPositional("risk REF");
        a.expectEnd();
        if (connected(ctx) != kOk) return kFailure;
        auto id = risk::RiskService(ctx.store()).addMeasure(ctx.session(), m);
        if (!id) return failWith(id.message());
        out() << "Measure " << *id << " added to " << m.riskRef << "\n";
        return kOk;
    }
    if (word == QLatin1String("set")) {
        const QString status = requiredText(a, QStringLiteral("--status"));
        bool ok = false;
        const qint64 id = a.requiredPositional("measure ID").toLongLong(&ok);
        a.expectEnd();
        if (!ok) throw UsageError("a measure ID is a number");
        if (connected(ctx) != kOk) return kFailure;
        if (auto s = risk::RiskService(ctx.store()).setMeasureStatus(ctx.session(), id, status); !s) return failWith(s.message());
        out() << "Measure " << id << " is " << status << "\n";
        return kOk;
    }
    throw UsageError(("unknown measure subcommand '" + word + "'").toStdString());
}

int changesCommand(Context& ctx, Args& a) {
    const QString service = requiredText(a, QStringLiteral("--service"));
    const QDate since = dateOption(a, QStringLiteral("--since"));
    const QDate until = dateOption(a, QStringLiteral("--until"));
    const bool json = a.flag(QStringLiteral("--json"));
    a.expectEnd();
    if (!since.isValid()) throw UsageError("changes needs --since DATE");
    if (connected(ctx) != kOk) return kFailure;
    const QDate last = until.isValid() ? until : ctx.store().clock().today();
    auto list = risk::RiskService(ctx.store()).changes(ctx.session(), service, since, last);
    if (!list) return failWith(list.message());
    QJsonArray arr;
    for (const auto& c : *list) {
        if (json) {
            arr.append(QJsonObject{{"at", c.at.toString(Qt::ISODate)}, {"kind", c.kind}, {"ref", c.ref}, {"title", c.title},
                                   {"before", c.before}, {"after", c.after}, {"by", c.by}});
            continue;
        }
        out() << c.at.toString(Qt::ISODate) << "  " << padded(c.kind, 17) << c.ref << "\n      "
              << (c.before.isEmpty() ? QString() : c.before + QStringLiteral(" -> ")) << c.after
              << (c.by.isEmpty() ? QString() : QStringLiteral(" (") + c.by + QLatin1Char(')')) << "\n";
    }
    if (json) printJson(arr);
    else out() << counted(static_cast<qint64>(list->size()), "change", "changes") << " in " << service << "'s ROS from "
               << since.toString(Qt::ISODate) << " to " << last.toString(Qt::ISODate) << "\n";
    out().flush();
    return kOk;
}

int refresh(Context& ctx, Args& a) {
    a.expectEnd();
    if (connected(ctx) != kOk) return kFailure;
    risk::RiskService risks(ctx.store());
    auto n = risks.reopenExpired(ctx.session());
    if (!n) return failWith(n.message());
    out() << counted(*n, "risk", "risks") << " reopened: acceptance expired\n";
    auto pending = risks.refreshSuggestions(ctx.session());
    if (!pending) return failWith(pending.message());
    out() << counted(*pending, "suggested re-score", "suggested re-scores") << " waiting for the risk owner\n";
    return kOk;
}

int matrixCommand(Context& ctx, Args& a) {
    const bool json = a.flag(QStringLiteral("--json"));
    a.expectEnd();
    if (connected(ctx) != kOk) return kFailure;
    risk::RiskService risks(ctx.store());
    auto m = risks.matrix(ctx.session());
    if (!m) return failWith(m.message());
    if (json) {
        out() << q(risk::matrixJson(*m));
        out().flush();
        return kOk;
    }
    auto version = risks.matrixVersion(ctx.session());
    out() << q(m->name) << " (version " << (version ? *version : 0) << ")\n";
    for (int l = m->size(); l >= 1; --l) {
        out() << "  " << padded(q(m->likelihood[static_cast<std::size_t>(l - 1)].label.en), 16);
        for (int c = 1; c <= static_cast<int>(m->consequence.size()); ++c) out() << padded(q(m->levelOf(l, c)->key), 10);
        out() << q(m->likelihood[static_cast<std::size_t>(l - 1)].frequency.en) << "\n";
    }
    for (const auto& level : m->levels)
        out() << "  " << padded(q(level.key), 10) << (level.acceptable ? "acceptable     " : "not acceptable ") << q(level.criteria.en) << "\n";
    out().flush();
    return kOk;
}

int chainCommand(Context& ctx, Args& a) {
    const bool json = a.flag(QStringLiteral("--json"));
    a.expectEnd();
    if (connected(ctx) != kOk) return kFailure;
    auto chain = risk::readValueChain(ctx.store(), ctx.session());
    if (!chain) return failWith(chain.message());
    QJsonArray problems, points;
    for (const auto& p : chain->problems()) problems.append(q(p));
    for (risk::NodeId n : chain->singlePointsOfFailure())
        points.append(QJsonObject{{"id", q(chain->node(n).id)}, {"title", q(chain->node(n).title)}, {"kind", risk::nodeKindName(chain->node(n).kind)}});
    if (json) {
        printJson(QJsonObject{{"nodes", static_cast<qint64>(chain->size())}, {"edges", static_cast<qint64>(chain->edgeCount())},
                              {"problems", problems}, {"single_points_of_failure", points}});
        return kOk;
    }
    out() << "Value chain: " << counted(static_cast<qint64>(chain->size()), "node", "nodes") << ", "
          << counted(static_cast<qint64>(chain->edgeCount()), "relation", "relations") << "\n";
    out() << "Problems: " << (problems.isEmpty() ? QStringLiteral("none") : QString()) << "\n";
    for (const auto& p : problems) out() << "  " << p.toString() << "\n";
    out() << "Single points of failure:\n";
    for (const auto& p : points)
        out() << "  " << padded(p.toObject()["kind"].toString(), 20) << p.toObject()["title"].toString() << " (" << p.toObject()["id"].toString() << ")\n";
    out().flush();
    return kOk;
}

int impactCommand(Context& ctx, Args& a) {
    const QString node = requiredText(a, QStringLiteral("--node"));
    const QString eventText = requiredText(a, QStringLiteral("--event"));
    const bool dryRun = a.flag(QStringLiteral("--dry-run"));
    const bool json = a.flag(QStringLiteral("--json"));
    a.expectEnd();
    const auto event = risk::parseEvent(eventText.toStdString());
    if (!event) throw UsageError(("--event must be change, vulnerability, incident or outage, not '" + eventText + "'").toStdString());
    if (connected(ctx) != kOk) return kFailure;
    auto report = risk::RiskService(ctx.store()).impact(ctx.session(), node, *event, !dryRun);
    if (!report) return failWith(report.message());
    if (json) {
        QJsonArray affected;
        for (const auto& h : report->affected)
            affected.append(QJsonObject{{"id", h.id}, {"title", h.title}, {"kind", h.kind}, {"depth", h.depth},
                                        {"path", QJsonArray::fromStringList(h.path)}, {"relations", QJsonArray::fromStringList(h.relations)}});
        printJson(QJsonObject{{"origin", report->origin}, {"origin_title", report->originTitle}, {"event", report->event},
                              {"affected", affected}, {"tasks_created", report->tasksCreated}});
        return kOk;
    }
    std::map<QString, int> perKind;
    for (const auto& h : report->affected) ++perKind[h.kind];
    out() << "A " << report->event << " at " << report->originTitle << " reaches " << counted(static_cast<qint64>(report->affected.size()), "node", "nodes");
    QStringList kinds;
    for (const auto& [kind, n] : perKind) kinds << QStringLiteral("%1 %2").arg(n).arg(kind);
    out() << (kinds.isEmpty() ? QString() : QStringLiteral(" (") + kinds.join(QStringLiteral(", ")) + QLatin1Char(')')) << "\n";
    for (const auto& h : report->affected) {
        if (h.kind == QLatin1String("municipality") || h.kind == QLatin1String("county")) continue;  // many; in --json
        out() << "  " << padded(h.kind, 20) << h.path.join(QStringLiteral(" -> ")) << "\n";
    }
    out() << (dryRun ? QStringLiteral("No review tasks created (--dry-run)\n")
                     : counted(report->tasksCreated, "review task", "review tasks") + QStringLiteral(" created\n"));
    out().flush();
    return kOk;
}

int tasksCommand(Context& ctx, Args& a) {
    const bool all = a.flag(QStringLiteral("--all"));
    const bool json = a.flag(QStringLiteral("--json"));
    a.expectEnd();
    if (connected(ctx) != kOk) return kFailure;
    auto list = risk::RiskService(ctx.store()).tasks(ctx.session(), !all);
    if (!list) return failWith(list.message());
    QJsonArray arr;
    if (!json) out() << padded(QStringLiteral("ID"), 7) << padded(QStringLiteral("STATUS"), 8) << padded(QStringLiteral("EVENT"), 15) << "DOCUMENT\n";
    for (const auto& t : *list) {
        if (json) {
            arr.append(QJsonObject{{"id", t.id}, {"node", t.nodeId}, {"node_title", t.nodeTitle}, {"node_kind", t.nodeKind}, {"document", t.document},
                                   {"event", t.event}, {"origin", t.origin}, {"path", QJsonArray::fromStringList(t.path)}, {"status", t.status},
                                   {"created_at", t.createdAt.toString(Qt::ISODate)}, {"created_by", t.createdBy},
                                   {"done_at", t.doneAt.toString(Qt::ISODate)}, {"done_by", t.doneBy}, {"note", t.note}});
        } else {
            out() << padded(QString::number(t.id), 7) << padded(t.status, 8) << padded(t.event, 15) << t.document << "\n";
        }
    }
    if (json) printJson(arr);
    else out() << counted(static_cast<qint64>(list->size()), "task", "tasks") << "\n";
    out().flush();
    return kOk;
}

int taskCommand(Context& ctx, Args& a) {
    const QString word = a.requiredPositional("task subcommand (done)");
    if (word != QLatin1String("done")) throw UsageError(("unknown task subcommand '" + word + "'").toStdString());
    const QString note = requiredText(a, QStringLiteral("--note"));
    bool ok = false;
    const qint64 id = a.requiredPositional("task ID").toLongLong(&ok);
    a.expectEnd();
    if (!ok) throw UsageError("a task ID is a number");
    if (connected(ctx) != kOk) return kFailure;
    if (auto s = risk::RiskService(ctx.store()).completeTask(ctx.session(), id, note); !s) return failWith(s.message());
    out() << "Review task " << id << " done\n";
    return kOk;
}

int rulesCommand(Context& ctx, Args& a) {
    static constexpr Subcommand<Handler> kSubcommands[] = {{"list", rulesList}, {"check", rulesCheck}};
    return runSubcommand(ctx, a, "rules", kSubcommands);
}

int riskCommand(Context& ctx, Args& a) {
    static constexpr Subcommand<Handler> kSubcommands[] = {
        {"analyse", analyse},   {"diff", diff},           {"paths", paths},          {"dfd", dfd},
        {"rules", rulesCommand}, {"model", modelCommand}, {"models", modelsList},    {"register", registerList},
        {"show", show},         {"owner", owner},         {"decide", decideCommand}, {"accept", acceptCommand},
        {"score", scoreCommand}, {"measure", measureCommand}, {"refresh", refresh}, {"changes", changesCommand},  {"matrix", matrixCommand},
        {"chain", chainCommand}, {"impact", impactCommand}, {"tasks", tasksCommand}, {"task", taskCommand},
        {"evidence", evidenceCommand}, {"suggestions", suggestionsCommand}, {"suggestion", suggestionCommand},
        {"estimate", estimateCommand}, {"losses", lossesCommand}, {"export", exportCommand}, {"import", importCommand},
        {"stories", storiesCommand}, {"template", templateCommand}};
    return runSubcommand(ctx, a, "risk", kSubcommands);
}

const CommandRegistration registration{Command{
    .name = "risk",
    .summary = "  risk analyse|diff|paths|dfd|rules  STRIDE threats of a threat model; what changed between\n"
               "                                     two versions (exit 1 on a new high threat)\n"
               "  risk register|accept|impact|...    the ROS register, acceptances and change impact\n",
    .help = kRiskHelp,
    .order = 75,
    .needsDatabase = false,
    .run = riskCommand,
}};

}  // namespace
}  // namespace vakt::cli
