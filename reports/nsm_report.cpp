// The NSM maturity report and the Statement of Applicability: the assessed levels from the NSM
// module, indicators computed from the other modules' data, trend, gaps and the action list.
#include <QTimeZone>
#include <algorithm>
#include <map>
#include <set>

#include "access/access_service.h"
#include "changes/change_board.h"
#include "core/catalog_service.h"
#include "core/civil_time.h"
#include "core/incidents.h"
#include "core/monitoring.h"
#include "core/organisation_service.h"
#include "nsm/nsm_service.h"
#include "reports/report_builders.h"
#include "riskmodel/register.h"

namespace vakt::reports {

namespace {

using nsm::Assessment;
using nsm::AssessmentScope;

std::string scopeText(const AssessmentScope& scope) {
    return scope.kind == AssessmentScope::Kind::Department ? "avdelingen (" + scope.key + ")" : "tjenesten " + scope.key;
}

std::string levelText(const std::vector<nsm::Scale>& scales, const std::string& scaleId, const std::string& code) {
    if (code.empty()) return "–";
    const nsm::Scale* scale = nsm::findScale(scales, scaleId);
    const nsm::Level* level = scale ? scale->find(code) : nullptr;
    return level ? code + " " + level->label : code;
}

// The reasons the model gives for "no data", in the report's language.
std::string noDataText(const std::string& reason) {
    static const std::map<std::string, std::string> nb = {
        {"no services in the catalogue", "ingen tjenester i katalogen"},
        {"no documents registered", "ingen dokumenter er registrert"},
        {"no vendor systems registered", "ingen leverandørsystemer er registrert"},
        {"no components registered", "ingen komponenter i katalogen"},
        {"no grants were due for review", "ingen tilganger skulle vært gjennomgått i perioden"},
        {"no risk flags were raised on grants", "ingen risikoflagg på tilganger i perioden"},
        {"no changes in the period", "ingen endringer besluttet i perioden"},
        {"no detections in the period", "ingen deteksjoner i perioden"},
        {"no incidents closed in the period", "ingen hendelser med løsningsfrist ble lukket i perioden"},
        {"no incidents required a review", "brukerstøtten registrerer ikke etterkontroll av hendelser ennå"},
    };
    const auto it = nb.find(reason);
    return it != nb.end() ? it->second : reason;
}

// Counts each indicator needs, read with the caller's session; a module the caller may not read
// leaves its indicators without data and says why, never a guess.
std::vector<nsm::Indicator> computeIndicators(const BuildContext& c) {
    const Period& period = *c.request.period;
    const std::string today = s(c.today.toString(Qt::ISODate));
    auto inPeriod = [&](const QDateTime& t) { return t.isValid() && period.contains(t.toTimeZone(platformZone()).date()); };
    std::vector<nsm::Indicator> out;
    auto unreadable = [&](std::string id, const Error& e) {
        nsm::Indicator i;
        i.id = std::move(id);
        for (const auto& d : nsm::indicatorDefinitions())
            if (d.id == i.id) i.principles = d.principles;
        i.reason = e.kind == ErrorKind::Denied ? "ingen lesetilgang for din rolle" : "kunne ikke leses: " + e.message;
        out.push_back(std::move(i));
    };

    CatalogService catalog(c.store);
    auto entries = catalog.all(c.who);
    QStringList services;
    if (entries) {
        nsm::CatalogueCounts counts;
        nsm::DocumentDates docs;
        docs.today = today;
        nsm::InventoryCounts inventory;
        for (const auto& e : *entries) {
            if (e.kind == EntryKind::Service) {
                if (e.lifecycle == Lifecycle::Retired) continue;
                services << e.key;
                ++counts.services;
                if (!e.productOwnerEmail.isEmpty() && !e.goal.isEmpty() && !e.description.isEmpty() && e.lastReviewed.isValid() && !e.roles.isEmpty())
                    ++counts.complete;
                for (const auto& d : e.documents) docs.lastReviewed.push_back(s(d.date.toString(Qt::ISODate)));
            } else {
                ++inventory.components;
                auto users = catalog.usedBy(c.who, e.key);
                if (users && !users->isEmpty()) ++inventory.componentsMapped;
            }
        }
        out.push_back(nsm::catalogueCompleteness(counts));
        out.push_back(nsm::documentFreshness(docs));
        if (auto systems = OrganisationService(c.store).vendorSystems(c.who); systems) {
            for (const auto& v : *systems) {
                ++inventory.vendorSystems;
                // Mapped: it names at least one entry the catalogue has.
                if (std::any_of(v.integratesWith.begin(), v.integratesWith.end(), [&](const QString& key) {
                        return std::any_of(entries->begin(), entries->end(), [&](const CatalogEntry& e) { return e.key == key; });
                    }))
                    ++inventory.vendorSystemsMapped;
            }
            out.push_back(nsm::vendorSystemsMapped(inventory));
        } else {
            unreadable("vendor_systems_mapped", systems.error());
        }
        out.push_back(nsm::componentsMapped(inventory));
    } else {
        for (const char* id : {"catalogue_completeness", "document_freshness", "vendor_systems_mapped", "components_mapped"}) unreadable(id, entries.error());
    }

    access::AccessService accessService(c.store);
    if (auto campaigns = accessService.campaigns(c.who); campaigns) {
        nsm::AccessReviewCounts counts;
        bool readable = true;
        Error problem;
        for (const auto& campaign : *campaigns) {
            if (!campaign.due.isValid() || !period.contains(campaign.due)) continue;
            auto items = accessService.items(c.who, campaign.id);
            if (!items) {
                readable = false;
                problem = items.error();
                break;
            }
            for (const auto& item : *items) {
                ++counts.grantsDue;
                const bool decided = !item.decision.isEmpty() && item.decidedAt.isValid();
                if (decided && item.decidedAt.toTimeZone(platformZone()).date() <= campaign.due) ++counts.reviewedOnTime;
                if (item.flags != 0) {
                    ++counts.flagsRaised;
                    if (decided) ++counts.flagsClosed;
                }
            }
        }
        if (readable) {
            out.push_back(nsm::grantsReviewedOnTime(counts));
            out.push_back(nsm::accessFlagsClosed(counts));
        } else {
            unreadable("grants_reviewed_on_time", problem);
            unreadable("access_flags_closed", problem);
        }
    } else {
        unreadable("grants_reviewed_on_time", campaigns.error());
        unreadable("access_flags_closed", campaigns.error());
    }

    if (entries) {
        nsm::ServiceAnalysisDates analyses;
        analyses.today = today;
        risk::RiskService risks(c.store);
        auto models = risks.models(c.who);
        QHash<QString, QDate> modelDate;
        if (models)
            for (const auto& m : *models) modelDate.insert(m.service, m.importedAt.toTimeZone(platformZone()).date());
        for (const auto& e : *entries) {
            if (!services.contains(e.key)) continue;
            const QDate ros = newestDocumentDate(e.documents, DocumentKind::Ros);
            analyses.services.push_back({s(e.key), s(modelDate.value(e.key).toString(Qt::ISODate)), s(ros.toString(Qt::ISODate))});
        }
        if (models)
            out.push_back(nsm::threatModelsCurrent(analyses));
        else
            unreadable("threat_models_current", models.error());
        out.push_back(nsm::rosCurrent(analyses));
    }

    if (auto changes = changes::ChangeBoard(c.store).list(c.who); changes) {
        nsm::ChangeCounts counts;
        for (const auto& change : *changes)
            if (inPeriod(change.decidedAt)) {
                ++counts.changes;
                if (change.assessed) ++counts.securityAssessed;
            }
        out.push_back(nsm::changesSecurityAssessed(counts));
    } else {
        unreadable("changes_security_assessed", changes.error());
    }

    if (auto targets = MonitoringStore(c.store).targets(c.who); targets && entries) {
        nsm::MonitoringCounts counts;
        QSet<QString> monitored;
        for (const auto& t : *targets) monitored.insert(t.service);
        counts.services = static_cast<std::size_t>(services.size());
        for (const auto& key : services) counts.monitored += monitored.contains(key) ? 1 : 0;
        out.push_back(nsm::monitoringCoverage(counts));
    } else if (!targets) {
        unreadable("monitoring_coverage", targets.error());
    }

    IncidentStore incidents(c.store);
    IncidentFilter filter;
    filter.openedFrom = QDateTime(period.from, QTime(0, 0), platformZone());
    nsm::DetectionCounts detections;
    nsm::IncidentCounts closed;
    std::optional<Error> incidentProblem;
    for (int offset = 0;; offset += 500) {
        auto page = incidents.query(c.who, filter, offset, 500);
        if (!page) {
            incidentProblem = page.error();
            break;
        }
        for (const auto& i : *page) {
            if (!inPeriod(i.openedAt)) continue;
            const bool done = i.status != QLatin1String("open");
            if (i.source == QLatin1String("audit") || i.source == QLatin1String("monitoring")) {
                ++detections.detections;
                if (done || i.acknowledgedAt.isValid()) ++detections.handled;
            }
            const QDateTime resolved = i.resolvedAt.isValid() ? i.resolvedAt : (i.status == QLatin1String("closed") ? i.updatedAt : QDateTime());
            if (resolved.isValid() && i.resolveBy.isValid()) {
                ++closed.closed;
                if (resolved <= i.resolveBy) ++closed.withinTarget;
            }
        }
        if (page->size() < 500) break;
    }
    if (incidentProblem) {
        for (const char* id : {"detections_handled", "incidents_within_target", "incidents_reviewed"}) unreadable(id, *incidentProblem);
    } else {
        out.push_back(nsm::detectionsHandled(detections));
        out.push_back(nsm::incidentsWithinTarget(closed));
        out.push_back(nsm::incidentsReviewed(closed));  // no review records yet: "no data", said so
    }
    return out;
}

std::string indicatorTitle(const std::string& id) {
    for (const auto& d : nsm::indicatorDefinitions())
        if (d.id == id) return d.title;
    return id;
}

std::string indicatorValue(const nsm::Indicator& i) {
    if (!i.hasValue) return "ingen data: " + noDataText(i.reason);
    return nbPercent(i.share) + " (" + std::to_string(i.numerator) + " av " + std::to_string(i.denominator) + ")";
}

std::string joined(const std::vector<std::string>& items, const char* separator = ", ") {
    std::string out;
    for (const auto& i : items) out += (out.empty() ? "" : separator) + i;
    return out;
}

struct PrincipleState {
    bool has = false;
    std::string scale, level, target;
    double normalised = 0;
    std::optional<double> targetNormalised;
    std::string source;  // "egen vurdering", "fra tiltakene"
    bool notApplicable = false;
};

}  // namespace

Result<Document> buildNsmReport(const BuildContext& c) {
    if (!c.step(5, QStringLiteral("Leser NSM-vurderinger"))) return cancelled();
    nsm::NsmService service(c.store);
    auto catalogue = service.catalogue(c.who);
    if (!catalogue) return catalogue.error();
    auto all = service.assessments(c.who);
    if (!all) return all.error();
    const std::vector<nsm::Scale> scales = nsm::NsmService::scales();
    const std::string asOf = s(c.request.period->to.toString(Qt::ISODate));

    // The scope: the department unless one service is asked for.
    AssessmentScope scope;
    if (!c.request.service.isEmpty()) {
        scope.kind = AssessmentScope::Kind::Service;
        scope.key = s(c.request.service);
    } else {
        auto department = service.defaultDepartment(c.who);
        if (!department) return department.error();
        scope.key = s(*department);
    }
    std::vector<Assessment> assessments;
    for (const auto& a : *all)
        if (a.scope == scope && (a.date.empty() || a.date <= asOf)) assessments.push_back(a);

    if (!c.step(20, QStringLiteral("Regner ut indikatorer"))) return cancelled();
    const std::vector<nsm::Indicator> indicators = computeIndicators(c);
    if (!c.step(60, QStringLiteral("Setter sammen rapporten"))) return cancelled();

    const auto latest = nsm::latestAssessments(assessments, asOf);
    std::map<std::string, const Assessment*> newest;
    for (std::size_t i : latest) newest[assessments[i].subject] = &assessments[i];
    std::map<std::string, PrincipleState> state;
    for (const auto& p : catalogue->principles) {
        PrincipleState st;
        if (auto it = newest.find(p.id); it != newest.end()) {
            const Assessment& a = *it->second;
            st.source = "egen vurdering";
            st.scale = a.scale;
            st.target = a.target;
            st.notApplicable = a.notApplicable;
            const nsm::Scale* sc = nsm::findScale(scales, a.scale);
            const nsm::Level* level = sc ? sc->find(a.level) : nullptr;
            if (level && level->numeric()) {
                st.has = true;
                st.level = a.level;
                st.normalised = sc->normalise(level->value);
            }
            if (const nsm::Level* t = sc ? sc->find(a.target) : nullptr; t && t->numeric()) st.targetNormalised = sc->normalise(t->value);
        } else {
            const nsm::RollUp r = nsm::rollUpPrinciple(p.id, scope, assessments, *catalogue, scales, asOf);
            if (r.hasLevel) {
                st.has = true;
                st.scale = r.scale;
                st.level = r.level;
                st.normalised = r.normalised;
                st.source = r.complete ? "fra tiltakene" : "fra tiltakene (ufullstendig)";
            }
        }
        state[p.id] = st;
    }
    const auto gaps = nsm::findGaps(assessments, scales);
    const auto actions = nsm::actionList(assessments, *catalogue, scales);

    std::vector<std::pair<std::string, std::string>> extra = {
        {"Omfang", scopeText(scope)},
        {"NSM-katalog", catalogue->version.empty() ? std::string("grunnprinsippene (ingen tiltaksliste importert)") : "versjon " + catalogue->version},
        {"Skala", "Vakts egen modenhetsskala 0–5 (NSM publiserer ingen modenhetsmodell); KS-svar Ja/Delvis/Nei/Vet ikke omregnes til samme 0–5"},
    };
    Document d = openDocument(c, "Modenhet mot NSMs grunnprinsipper for IKT-sikkerhet", std::move(extra));
    Writer w{d};

    // The executive summary: plain words first, numbers after.
    int assessed = 0, atTarget = 0, belowTarget = 0, improving = 0, declining = 0;
    std::vector<std::pair<double, std::string>> widest;
    std::map<std::string, nsm::Trend> trends;
    for (const auto& p : catalogue->principles) {
        const PrincipleState& st = state[p.id];
        if (st.has) ++assessed;
        if (st.has && st.targetNormalised) {
            if (st.normalised + 1e-9 >= *st.targetNormalised) {
                ++atTarget;
            } else {
                ++belowTarget;
                widest.emplace_back(*st.targetNormalised - st.normalised, p.id + " " + p.title);
            }
        }
        nsm::Trend t = nsm::principleTrend(p.id, scope, assessments, *catalogue, scales);
        if (t.direction == nsm::Trend::Direction::Improving) ++improving;
        if (t.direction == nsm::Trend::Direction::Declining) ++declining;
        trends[p.id] = std::move(t);
    }
    std::sort(widest.begin(), widest.end(), [](const auto& a, const auto& b) { return a.first > b.first || (a.first == b.first && a.second < b.second); });
    w.heading(2, "Sammendrag");
    const std::size_t principles = catalogue->principles.size();
    if (assessed == 0) {
        w.paragraph("Ingen av de " + std::to_string(principles) + " grunnprinsippene er vurdert for " + scopeText(scope) + " per " +
                    nbDate(c.request.period->to) + ". Rapporten viser derfor bare indikatorene som Vakt regner ut av egne data.");
    } else {
        std::string text = std::to_string(assessed) + " av " + std::to_string(principles) + " grunnprinsipper er vurdert for " + scopeText(scope) + " per " +
                           nbDate(c.request.period->to) + ". " + std::to_string(atTarget) + " ligger på eller over målet, " + std::to_string(belowTarget) +
                           " ligger under.";
        if (!widest.empty()) {
            std::vector<std::string> top;
            for (std::size_t i = 0; i < widest.size() && i < 3; ++i) top.push_back(widest[i].second);
            text += " Størst avstand til målet har " + joined(top, "; ") + ".";
        }
        text += " Over de fire siste vurderingene har " + std::to_string(improving) + " prinsipper gått fram og " + std::to_string(declining) + " gått tilbake.";
        w.paragraph(text);
        if (!actions.empty()) {
            std::vector<std::string> next;
            for (std::size_t i = 0; i < actions.size() && i < 3; ++i) {
                const auto& a = actions[i];
                const nsm::Principle* p = catalogue->findPrinciple(a.gap.principle);
                next.push_back(a.gap.subject + (p && a.gap.subject == p->id ? " " + p->title : std::string()) + ": fra " +
                               levelText(scales, a.gap.scale, a.gap.level) + " til " + levelText(scales, a.gap.scale, a.gap.target));
            }
            w.paragraph("Det viktigste å gjøre nå:");
            w.bullets(std::move(next));
        }
    }
    std::size_t withData = 0;
    for (const auto& i : indicators) withData += i.hasValue ? 1 : 0;
    w.paragraph("Vakt regner ut " + std::to_string(indicators.size()) + " indikatorer fra registrene; " + std::to_string(withData) +
                " har data. Indikatorene støtter vurderingen, men erstatter den ikke.");

    // Charts: assessed and target level per principle, and a heat map by category.
    BarChart chart;
    chart.title = "Vurdert nivå og mål per prinsipp (0–5)";
    chart.valueLabel = "nivå";
    chart.maximum = 5;
    Series assessedSeries{"Vurdert", {}}, targetSeries{"Mål", {}};
    HeatMap heat;
    heat.title = "Modenhet per kategori og prinsipp (andel av skalaens topp)";
    std::map<int, std::size_t> rowOf;
    std::size_t widestRow = 0;
    for (const auto& p : catalogue->principles) {
        const PrincipleState& st = state[p.id];
        chart.labels.push_back(p.id);
        assessedSeries.values.push_back(st.has ? std::optional<double>(st.normalised * 5) : std::nullopt);
        targetSeries.values.push_back(st.targetNormalised ? std::optional<double>(*st.targetNormalised * 5) : std::nullopt);
        if (!rowOf.count(p.category)) {
            rowOf[p.category] = heat.rowLabels.size();
            heat.rowLabels.push_back(std::to_string(p.category) + " " + p.categoryTitle);
            heat.cells.emplace_back();
            heat.texts.emplace_back();
        }
        const std::size_t row = rowOf[p.category];
        heat.cells[row].push_back(st.has ? std::optional<double>(st.normalised) : std::nullopt);
        heat.texts[row].push_back(p.id + (st.has ? " " + st.level : std::string()));
        widestRow = std::max(widestRow, heat.cells[row].size());
    }
    for (std::size_t i = 1; i <= widestRow; ++i) heat.columnLabels.push_back(std::to_string(i));
    chart.series.push_back(std::move(assessedSeries));
    chart.series.push_back(std::move(targetSeries));
    w.barChart(std::move(chart));
    w.heatMap(std::move(heat));

    // Per category and principle.
    int current = -1;
    for (const auto& p : catalogue->principles) {
        if (p.category != current) {
            current = p.category;
            w.heading(2, std::to_string(p.category) + " " + p.categoryTitle);
        }
        const PrincipleState& st = state[p.id];
        const nsm::Trend& trend = trends[p.id];
        std::vector<std::string> points;
        for (const auto& pt : trend.points) points.push_back(pt.date.substr(0, 7) + ": " + pt.level);
        std::vector<std::pair<std::string, std::string>> rows = {
            {"Vurdert nivå", st.notApplicable ? std::string("ikke relevant") : st.has ? levelText(scales, st.scale, st.level) : std::string("ikke vurdert")},
            {"Mål", levelText(scales, st.scale, st.target)},
            {"Kilde", st.source.empty() ? std::string("–") : st.source},
            {"Utvikling (siste fire)", points.empty() ? std::string("ingen data") : joined(points, "; ") + " (" + std::string(nsm::directionCode(trend.direction)) + ")"},
        };
        if (auto it = newest.find(p.id); it != newest.end() && !it->second->rationale.empty()) rows.emplace_back("Begrunnelse", it->second->rationale);
        if (auto it = newest.find(p.id); it != newest.end() && !it->second->evidence.empty()) {
            std::vector<std::string> links;
            for (const auto& e : it->second->evidence) links.push_back(e.kind + ":" + e.id);
            rows.emplace_back("Dokumentasjon", joined(links));
        }
        for (const auto* def : nsm::indicatorsFor(p.id))
            for (const auto& i : indicators)
                if (i.id == def->id) rows.emplace_back("Indikator: " + def->title, indicatorValue(i));
        w.heading(3, p.id + " " + p.title);
        w.keyValues(std::move(rows));
    }

    w.heading(2, "Indikatorer");
    Table indicatorTable{{"Indikator", "Prinsipper", "Verdi"}, {}};
    for (const auto& i : indicators) indicatorTable.rows.push_back({indicatorTitle(i.id), joined(i.principles), indicatorValue(i)});
    w.table(std::move(indicatorTable));

    w.heading(2, "Gap og prioritert tiltaksliste");
    Table actionTable{{"Rekkefølge", "Prinsipp/tiltak", "Prioritetsgruppe", "Nivå", "Mål", "Avstand"}, {}};
    int order = 0;
    for (const auto& a : actions)
        actionTable.rows.push_back({std::to_string(++order), a.gap.subject, a.priority.empty() ? std::string("–") : a.priority,
                                    levelText(scales, a.gap.scale, a.gap.level), levelText(scales, a.gap.scale, a.gap.target), nbNumber(a.gap.size, 1)});
    w.tableOrNone(std::move(actionTable), "Ingen vurderinger ligger under målet.");
    w.paragraph("Rekkefølgen: NSMs prioritetsgruppe først (1 er mest presserende), så den største avstanden til målet. " + std::to_string(gaps.size()) +
                " gap i alt.");
    return d;
}

Result<Document> buildSoaReport(const BuildContext& c) {
    if (!c.step(10, QStringLiteral("Leser NSM-katalog og beslutninger"))) return cancelled();
    nsm::NsmService service(c.store);
    auto catalogue = service.catalogue(c.who);
    if (!catalogue) return catalogue.error();
    auto decisions = service.soaDecisions(c.who);
    if (!decisions) return decisions.error();
    auto department = service.defaultDepartment(c.who);
    if (!department) return department.error();
    auto all = service.assessments(c.who, AssessmentScope{AssessmentScope::Kind::Department, s(*department)});
    if (!all) return all.error();
    const auto scales = nsm::NsmService::scales();
    const nsm::Soa soa = nsm::buildSoa(*catalogue, *decisions, *all, scales);

    Document d = openDocument(c, "Anvendelseserklæring (Statement of Applicability) mot ISO/IEC 27001:2022 vedlegg A",
                              {{"NSM-katalog", catalogue->version.empty() ? std::string("ingen tiltaksliste importert") : "versjon " + catalogue->version}});
    Writer w{d};
    w.heading(2, "Sammendrag");
    w.paragraph(std::to_string(soa.entries.size()) + " kontroller: " + std::to_string(soa.applicable) + " anvendelige, " + std::to_string(soa.notApplicable) +
                " ikke anvendelige og " + std::to_string(soa.undecided) + " ikke avgjort. En kontroll er anvendelig når et NSM-tiltak peker på den, "
                "med mindre en beslutning sier noe annet; status utledes av tiltakenes vurderinger der ingen beslutning setter den.");
    if (catalogue->measures.empty())
        w.paragraph("Ingen NSM-tiltaksliste er importert, så koblingen fra tiltak til kontroller mangler: bare beslutningene er med.");
    static const std::map<std::string_view, std::string> themeNames = {
        {"organisational", "Organisatoriske"}, {"people", "Menneskelige"}, {"physical", "Fysiske"}, {"technological", "Teknologiske"}};
    static const std::map<std::string_view, std::string> statusNames = {
        {"unknown", "ukjent"}, {"not_implemented", "ikke innført"}, {"partial", "delvis innført"}, {"implemented", "innført"}};
    static const std::map<std::string_view, std::string> applicabilityNames = {
        {"undecided", "ikke avgjort"}, {"applicable", "ja"}, {"not_applicable", "nei"}};
    Table table{{"Kontroll", "Tema", "Anvendelig", "Begrunnelse", "Status", "NSM-tiltak"}, {}};
    for (const auto& e : soa.entries)
        table.rows.push_back({e.control, themeNames.at(nsm::themeCode(e.theme)), applicabilityNames.at(nsm::applicabilityCode(e.applicability)) + (e.decided ? "" : " (fra NSM)"),
                              e.justification, statusNames.at(nsm::controlStatusCode(e.status)) + (e.statusDerived ? " (utledet)" : ""), joined(e.measures)});
    w.heading(2, "Kontroller");
    w.table(std::move(table));
    if (!soa.problems.empty()) {
        std::vector<std::string> problems;
        for (const auto& p : soa.problems) problems.push_back(nsm::formatProblem(p));
        w.heading(2, "Merknader");
        w.bullets(std::move(problems));
    }
    return d;
}

}  // namespace vakt::reports
