// The ROS report: per service its threat model, risks before and after measures on the matrix,
// and the measures with owners and dates; for the whole department first the top risks across
// services with their trend and the maturity gaps (NSM assessments linked to them) that drive them.
#include <QTimeZone>
#include <algorithm>
#include <map>

#include "core/catalog_service.h"
#include "core/civil_time.h"
#include "nsm/nsm_service.h"
#include "reports/graphviz_drawing.h"
#include "reports/report_builders.h"
#include "riskmodel/analysis.h"
#include "riskmodel/diagram.h"
#include "riskmodel/model_files.h"
#include "riskmodel/register.h"
#include "riskmodel/ros_template.h"

namespace vakt::reports {

namespace {

std::string statusText(const QString& status) {
    static const QHash<QString, const char*> names = {{QStringLiteral("open"), "åpen"},           {QStringLiteral("accepted"), "akseptert"},
                                                      {QStringLiteral("mitigated"), "redusert"},    {QStringLiteral("false_positive"), "falsk positiv"},
                                                      {QStringLiteral("closed"), "lukket"}};
    return names.contains(status) ? names.value(status) : s(status);
}

// The threat model's codes for people and data in Norwegian; an unknown code as written.
std::string modelTerm(const QString& code) {
    static const QHash<QString, const char*> names = {
        {QStringLiteral("citizen"), "innbygger"},         {QStringLiteral("caseworker"), "saksbehandler"},
        {QStringLiteral("administrator"), "administrator"}, {QStringLiteral("integration"), "integrasjon"},
        {QStringLiteral("vendor"), "leverandør"},          {QStringLiteral("platform-operator"), "plattformdrift"},
        {QStringLiteral("public"), "åpen"},                {QStringLiteral("internal"), "intern"},
        {QStringLiteral("personal"), "personopplysninger"}, {QStringLiteral("special"), "særlige kategorier"},
        {QStringLiteral("strengt-fortrolig"), "strengt fortrolig"}, {QStringLiteral("low"), "lav"},
        {QStringLiteral("medium"), "middels"},             {QStringLiteral("high"), "høy"},
        {QStringLiteral("critical"), "kritisk"}};
    return names.contains(code) ? names.value(code) : s(code);
}

std::string score(const risk::RiskMatrix& m, int likelihood, int consequence) {
    const risk::MatrixLevel* level = m.levelOf(likelihood, consequence);
    return "S" + std::to_string(likelihood) + "×K" + std::to_string(consequence) + (level ? " " + level->label.nb : std::string());
}

// The residual score when measures set one, else the inherent.
std::pair<int, int> effective(const risk::RiskEntry& r) {
    if (r.residualLikelihood && r.residualConsequence) return {*r.residualLikelihood, *r.residualConsequence};
    return {r.likelihood, r.consequence};
}

// Counts per cell, likelihood highest first as a risk matrix is drawn; the colour says how
// severe the cell is (1 = the least severe level, green), the text how many risks are in it.
HeatMap matrixMap(const risk::RiskMatrix& m, const QList<risk::RiskEntry>& risks, bool residual, const std::string& title) {
    HeatMap map;
    map.title = title;
    const int size = m.size();
    std::map<std::pair<int, int>, int> counts;
    for (const auto& r : risks) {
        const auto [l, k] = residual ? effective(r) : std::pair<int, int>{r.likelihood, r.consequence};
        ++counts[{l, k}];
    }
    for (int k = 1; k <= static_cast<int>(m.consequence.size()); ++k) map.columnLabels.push_back("K" + std::to_string(k));
    const double levels = std::max<double>(1, static_cast<double>(m.levels.size()) - 1);
    for (int l = size; l >= 1; --l) {
        map.rowLabels.push_back("S" + std::to_string(l));
        std::vector<std::optional<double>> cells;
        std::vector<std::string> texts;
        for (int k = 1; k <= static_cast<int>(m.consequence.size()); ++k) {
            cells.push_back(1.0 - static_cast<double>(std::max(0, m.severity(l, k))) / levels);
            const int n = counts[{l, k}];
            texts.push_back(std::to_string(n));  // "0" too: an empty cell would show its colour's share instead
        }
        map.cells.push_back(std::move(cells));
        map.texts.push_back(std::move(texts));
    }
    return map;
}

// The service's data-flow diagram as the risk page draws it: laid out by Graphviz, drawn in
// vectors by the report's renderers. Without Graphviz the report says so and goes on.
void writeDiagram(Writer& w, const risk::LoadedModel& loaded, const std::vector<risk::Rule>& rules) {
    const risk::Analysis analysis(loaded.model, rules);
    auto json = risk::renderGraphviz(risk::dataFlowDot(analysis), QStringLiteral("json"));
    if (!json) {
        w.paragraph("Dataflytdiagrammet kunne ikke tegnes: " + json.message());
        return;
    }
    auto drawing = drawingFromGraphvizJson(std::string_view(json->constData(), static_cast<std::size_t>(json->size())),
                                           "Dataflytdiagram: grensene er tillitsgrenser, fargen det høyeste risikonivået");
    if (!drawing) {
        w.paragraph("Dataflytdiagrammet kunne ikke tegnes: " + drawing.message());
        return;
    }
    w.drawing(std::move(*drawing));
}

// The municipal ROS template: the platform's assessment beside empty columns the municipality
// fills in (the ODT is editable), on the platform's own scales.
void writeMunicipalTemplate(Writer& w, const risk::RosTemplate& t, const risk::RiskMatrix& matrix) {
    w.heading(3, "Mal for kommunens ROS");
    w.paragraph("Tabellene viser plattformens vurdering og tiltak for " + s(t.serviceName) +
                ". Kommunen fyller inn sin egen vurdering i de tomme kolonnene, etter skalaene nederst, og legger den i sin egen ROS."
                " ODT-utgaven av rapporten kan redigeres direkte.");
    Table assets{{"Data", "Konfidensialitet", "Integritet", "Tilgjengelighet", "Kommunens vurdering"}, {}};
    for (const auto& a : t.assets)
        assets.rows.push_back({s(a.title), modelTerm(a.confidentiality), modelTerm(a.integrity), modelTerm(a.availability), ""});
    w.tableOrNone(std::move(assets), "Trusselmodellen beskriver ingen data.");
    auto levelName = [&](const QString& key) {
        for (const auto& l : matrix.levels)
            if (l.key == key.toStdString()) return l.label.nb;
        return s(key);
    };
    // The platform's risk and its measures in one cell, so the municipality's columns get room.
    auto platform = [&](const risk::StoryRisk& r) {
        if (!r.raised) return s(r.ref) + " (reises ikke av gjeldende analyse)";
        std::string text = s(r.ref) + ": " + s(r.title) + " (" + levelName(r.level) + ", " + statusText(r.status) + ")";
        for (const auto& m : r.measures) text += "\nTiltak: " + s(m);
        return text;
    };
    const std::vector<std::string> municipal{"Kommunens S × K (1–5)", "Kommunens tiltak, ansvarlig og frist"};
    Table stories{{"Persona og brukerhistorie", "Risikohistorie", "Plattformens risiko og tiltak"}, {}};
    stories.header.insert(stories.header.end(), municipal.begin(), municipal.end());
    for (const auto& u : t.stories) {
        const std::string story = s(u.personaTitle) + (u.personaKind.isEmpty() ? std::string() : " (" + modelTerm(u.personaKind) + ")") + ":\n" + s(u.text);
        if (u.riskStories.isEmpty()) stories.rows.push_back({story, "–", "–", "", ""});
        for (const auto& rs : u.riskStories) {
            if (rs.risks.isEmpty()) stories.rows.push_back({story, s(rs.text), "–", "", ""});
            for (const auto& r : rs.risks) stories.rows.push_back({story, s(rs.text), platform(r), "", ""});
        }
    }
    w.heading(3, "Personas og risikohistorier");
    w.tableOrNone(std::move(stories), "Trusselmodellen har ingen brukerhistorier.");
    if (!t.otherRisks.isEmpty()) {
        Table other{{"Plattformens risiko og tiltak"}, {}};
        other.header.insert(other.header.end(), municipal.begin(), municipal.end());
        for (const auto& r : t.otherRisks) other.rows.push_back({platform(r), "", ""});
        w.heading(3, "Andre åpne risikoer for tjenesten");
        w.table(std::move(other));
    }
    Table scales{{"Verdi", "Sannsynlighet", "Hyppighet", "Konsekvens"}, {}};
    for (int i = 0; i < std::max(t.likelihood.size(), t.consequence.size()); ++i) {
        const bool l = i < t.likelihood.size(), k = i < t.consequence.size();
        scales.rows.push_back({std::to_string(i + 1), l ? s(t.likelihood[i].nb) : "", l ? s(t.likelihood[i].frequencyNb) : "", k ? s(t.consequence[i].nb) : ""});
    }
    w.heading(3, "Skalaene");
    w.table(std::move(scales));
}

}  // namespace

Result<Document> buildRosReport(const BuildContext& c) {
    if (!c.step(5, QStringLiteral("Leser risikoregisteret"))) return cancelled();
    risk::RiskService register_(c.store);
    auto matrix = register_.matrix(c.who);
    if (!matrix) return matrix.error();
    auto all = register_.risks(c.who, c.request.service);
    if (!all) return all.error();
    auto models = register_.models(c.who);
    if (!models) return models.error();
    auto entries = CatalogService(c.store).list(c.who);
    if (!entries) return entries.error();
    QHash<QString, QString> names;
    for (const auto& e : *entries) names.insert(e.key, e.name);

    Document d = openDocument(c, c.request.service.isEmpty() ? std::string("ROS for plattformen") : "ROS for " + s(names.value(c.request.service, c.request.service)),
                              {{"Risikomatrise", matrix->name}});
    Writer w{d};

    // Department level: the most severe risks across services.
    if (c.request.service.isEmpty()) {
        QList<risk::RiskEntry> ranked = *all;
        std::sort(ranked.begin(), ranked.end(), [&](const risk::RiskEntry& a, const risk::RiskEntry& b) {
            const auto [al, ak] = effective(a);
            const auto [bl, bk] = effective(b);
            const int as = matrix->severity(al, ak), bs = matrix->severity(bl, bk);
            if (as != bs) return as > bs;
            if (al * ak != bl * bk) return al * ak > bl * bk;
            return a.ref < b.ref;
        });
        if (ranked.size() > 10) ranked.resize(10);
        // NSM assessments below target that name a risk as evidence: the gaps that drive it.
        std::map<std::string, std::vector<std::string>> drivers;
        nsm::NsmService nsmService(c.store);
        if (auto assessments = nsmService.assessments(c.who); assessments) {
            const auto scales = nsm::NsmService::scales();
            for (const auto& gap : nsm::findGaps(*assessments, scales))
                for (const auto& e : (*assessments)[gap.assessment].evidence)
                    if (e.kind == "risk") drivers[e.id].push_back(gap.subject + " (" + gap.level + " mot mål " + gap.target + ")");
        }
        Table top{{"Risiko", "Tjeneste", "Tittel", "Nå", "Utvikling", "Modenhetsgap som driver den", "Eier"}, {}};
        for (const auto& r : ranked) {
            auto history = register_.history(c.who, r.ref);
            std::string trend = "–";
            if (history && history->size() >= 2) {
                const auto& last = history->at(history->size() - 1);
                const auto& before = history->at(history->size() - 2);
                const int now = matrix->severity(last.likelihood, last.consequence), then = matrix->severity(before.likelihood, before.consequence);
                trend = now > then ? "økende" : now < then ? "synkende" : (last.likelihood * last.consequence > before.likelihood * before.consequence ? "økende"
                                                                          : last.likelihood * last.consequence < before.likelihood * before.consequence
                                                                              ? "synkende"
                                                                              : "uendret");
            } else if (history) {
                trend = "ny";
            }
            const auto [l, k] = effective(r);
            const auto it = drivers.find(s(r.ref));
            std::string driven;
            if (it != drivers.end())
                for (const auto& g : it->second) driven += (driven.empty() ? "" : "; ") + g;
            top.rows.push_back({s(r.ref), s(names.value(r.service, r.service)), s(r.title), score(*matrix, l, k), trend, driven.empty() ? std::string("–") : driven,
                                s(r.owner)});
        }
        w.heading(2, "Toppriskoer på tvers av tjenester");
        w.tableOrNone(std::move(top), "Registeret har ingen åpne risikoer.");
    }

    // Per service.
    QStringList services;
    for (const auto& r : *all)
        if (!services.contains(r.service)) services << r.service;
    for (const auto& m : *models)
        if (!services.contains(m.service) && (c.request.service.isEmpty() || m.service == c.request.service)) services << m.service;
    std::sort(services.begin(), services.end(), [&](const QString& a, const QString& b) { return names.value(a, a).localeAwareCompare(names.value(b, b)) < 0; });
    auto rules = risk::loadRules({risk::shippedRulesDirectory()});
    if (!rules) return rules.error();
    int done = 0;
    for (const auto& service : services) {
        if (!c.step(10 + 85 * done++ / std::max<int>(1, services.size()), QStringLiteral("ROS for %1").arg(names.value(service, service)))) return cancelled();
        QList<risk::RiskEntry> risks;
        for (const auto& r : *all)
            if (r.service == service) risks << r;
        w.heading(2, s(names.value(service, service)));
        const auto model = std::find_if(models->begin(), models->end(), [&](const risk::StoredModel& m) { return m.service == service; });
        std::optional<risk::LoadedModel> loaded;
        if (model != models->end()) {
            w.keyValues({{"Trusselmodell", s(model->title)},
                         {"Versjon", std::to_string(model->version) + " (" + s(model->format) + ")"},
                         {"Importert", nbDateTime(model->importedAt) + " av " + s(model->importedBy)}});
            auto latest = register_.latestModel(c.who, service);
            if (!latest) return latest.error();
            loaded = std::move(*latest);
            writeDiagram(w, *loaded, *rules);
        } else {
            w.paragraph("Tjenesten har ingen trusselmodell i Vakt.");
        }
        int open = 0, accepted = 0;
        for (const auto& r : risks) {
            open += r.status == QLatin1String("open") ? 1 : 0;
            accepted += r.status == QLatin1String("accepted") ? 1 : 0;
        }
        w.paragraph(std::to_string(risks.size()) + " risikoer: " + std::to_string(open) + " åpne og " + std::to_string(accepted) + " akseptert.");
        w.heatMap(matrixMap(*matrix, risks, false, "Før tiltak (antall risikoer per celle)"));
        w.heatMap(matrixMap(*matrix, risks, true, "Etter tiltak (antall risikoer per celle)"));
        Table table{{"Risiko", "Tittel", "STRIDE", "Før tiltak", "Etter tiltak", "Status", "Eier", "Neste gjennomgang"}, {}};
        Table measureTable{{"Risiko", "Tiltak", "Ansvarlig", "Frist", "Status"}, {}};
        for (const auto& r : risks) {
            const auto [l, k] = effective(r);
            table.rows.push_back({s(r.ref), s(r.title), s(r.stride), score(*matrix, r.likelihood, r.consequence),
                                  r.residualLikelihood ? score(*matrix, l, k) : std::string("–"), statusText(r.status), s(r.owner), nbDate(r.reviewDate)});
            auto measures = register_.measures(c.who, r.ref);
            if (!measures) return measures.error();
            for (const auto& m : *measures) measureTable.rows.push_back({s(r.ref), s(m.title), s(m.owner), nbDate(m.due), s(m.status)});
        }
        w.heading(3, "Risikoer");
        w.tableOrNone(std::move(table));
        w.heading(3, "Tiltak");
        w.tableOrNone(std::move(measureTable), "Ingen tiltak er registrert.");
        if (loaded) {
            auto municipalTemplate = risk::buildRosTemplate(c.store, c.who, service);
            if (!municipalTemplate) return municipalTemplate.error();
            writeMunicipalTemplate(w, *municipalTemplate, *matrix);
        }
    }
    if (services.isEmpty()) w.paragraph("Registeret har ingen risikoer og ingen trusselmodeller.");
    return d;
}

}  // namespace vakt::reports
