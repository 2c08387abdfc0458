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
#include "riskmodel/analysis.h"
#include "riskmodel/attack_paths.h"
#include "riskmodel/diagram.h"
#include "riskmodel/diff.h"
#include "riskmodel/model_files.h"

namespace vakt::cli {
namespace {

constexpr const char* kRiskHelp = R"(Usage: vakt risk SUBCOMMAND

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
  paths --model FILE [--format F] [--rules DIR] [--limit N] [--json]
                    attack paths from the model's untrusted entry points (external entities,
                    the internet) to stores of special-category or strengt fortrolig data,
                    most likely first, and the fewest flows and elements to harden so that
                    no path remains (minimum cut)
  dfd --model FILE --out FILE.svg [--format F] [--rules DIR]
                    the data-flow diagram through Graphviz: trust boundaries as clusters,
                    elements and flows coloured by their highest threat level
  rules list [--rules DIR] [--json]
                    the rules with their STRIDE category, kinds, scores and references
  rules check [--rules DIR]
                    run each rule's fixtures (DIR/fixtures/RULE.fires.yaml must raise the rule
                    on the element 'target' only, RULE.quiet.yaml nowhere); exit 1 on a failure

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

QString q(const std::string& s) { return QString::fromStdString(s); }

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

QString padded(const QString& s, int width) { return s.leftJustified(width); }

QString describe(const risk::Element& e) {
    return q(e.id) + (e.title != e.id ? QStringLiteral(" (") + q(e.title) + QLatin1Char(')') : QString());
}

int analyse(Context&, Args& a) {
    const auto path = a.option(QStringLiteral("--model"));
    const auto format = formatOption(a);
    const bool json = a.flag(QStringLiteral("--json"));
    auto rules = rulesOrFail(a);
    a.expectEnd();
    if (!path) throw UsageError("analyse needs --model FILE");
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

int paths(Context&, Args& a) {
    const auto path = a.option(QStringLiteral("--model"));
    const auto format = formatOption(a);
    const bool json = a.flag(QStringLiteral("--json"));
    const auto limitText = a.option(QStringLiteral("--limit"));
    auto rules = rulesOrFail(a);
    a.expectEnd();
    if (!path) throw UsageError("paths needs --model FILE");
    bool ok = true;
    const int limit = limitText ? limitText->toInt(&ok) : 20;
    if (!ok || limit < 1 || limit > 10000) throw UsageError("--limit must be a whole number from 1 to 10000");
    const auto loaded = modelOrFail(*path, format);
    const risk::Analysis analysis(loaded.model, rules);
    const auto surface = risk::attackSurface(analysis, static_cast<std::size_t>(limit));
    auto ids = [](const std::vector<const risk::Element*>& elements) {
        QJsonArray arr;
        for (const auto* e : elements) arr.append(q(e->id));
        return arr;
    };
    if (json) {
        QJsonArray list;
        for (const auto& p : surface.paths)
            list.append(QJsonObject{{"likelihood", p.likelihood}, {"elements", ids(p.elements)}, {"flows", ids(p.flows)}});
        printJson(QJsonObject{{"entries", ids(surface.entries)},
                              {"targets", ids(surface.targets)},
                              {"paths", list},
                              {"flows_to_harden", ids(surface.flowsToHarden)},
                              {"elements_to_harden", ids(surface.elementsToHarden)},
                              {"entry_next_to_target", surface.entryNextToTarget}});
        return kOk;
    }
    out() << counted(static_cast<qint64>(surface.entries.size()), "entry point", "entry points") << ", "
          << counted(static_cast<qint64>(surface.targets.size()), "store", "stores") << " of special-category or strengt fortrolig data, "
          << counted(static_cast<qint64>(surface.paths.size()), "path", "paths") << "\n";
    for (const auto& p : surface.paths) {
        QStringList hops;
        for (const auto* e : p.elements) hops << q(e->id);
        out() << QStringLiteral("  %1  ").arg(p.likelihood, 8, 'f', 4) << hops.join(QStringLiteral(" -> ")) << "\n";
    }
    if (!surface.paths.empty()) {
        QStringList flows, elements;
        for (const auto* f : surface.flowsToHarden) flows << describe(*f);
        for (const auto* e : surface.elementsToHarden) elements << describe(*e);
        out() << "Harden these flows to close every path: " << flows.join(QStringLiteral(", ")) << "\n";
        if (surface.entryNextToTarget)
            out() << "An entry point reaches a store directly: no element between them can be hardened instead\n";
        else
            out() << "or these elements: " << elements.join(QStringLiteral(", ")) << "\n";
    }
    out().flush();
    return kOk;
}

int dfd(Context&, Args& a) {
    const auto path = a.option(QStringLiteral("--model"));
    const auto target = a.option(QStringLiteral("--out"));
    const auto format = formatOption(a);
    auto rules = rulesOrFail(a);
    a.expectEnd();
    if (!path || !target) throw UsageError("dfd needs --model FILE and --out FILE.svg");
    const auto loaded = modelOrFail(*path, format);
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

int rulesCommand(Context& ctx, Args& a) {
    static constexpr Subcommand<Handler> kSubcommands[] = {{"list", rulesList}, {"check", rulesCheck}};
    return runSubcommand(ctx, a, "rules", kSubcommands);
}

int riskCommand(Context& ctx, Args& a) {
    static constexpr Subcommand<Handler> kSubcommands[] = {{"analyse", analyse}, {"diff", diff}, {"paths", paths}, {"dfd", dfd}, {"rules", rulesCommand}};
    return runSubcommand(ctx, a, "risk", kSubcommands);
}

const CommandRegistration registration{Command{
    .name = "risk",
    .summary = "  risk analyse|diff|rules            STRIDE threats of a threat model; what changed between\n"
               "                                     two versions (exit 1 on a new high threat)\n",
    .help = kRiskHelp,
    .order = 75,
    .needsDatabase = false,
    .run = riskCommand,
}};

}  // namespace
}  // namespace vakt::cli
