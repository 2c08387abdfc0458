#include "riskmodel/ros_template.h"

#include <QHash>
#include <QSet>

#include "core/base/xlsx.h"
#include "core/catalog_service.h"
#include "riskmodel/register.h"
#include "riskmodel/register_rows.h"

namespace vakt::risk {

namespace {

// The template's labels in both languages; the stories themselves stay as written.
struct Labels {
    bool en;
    QString operator()(const char* nb, const char* english) const { return QString::fromUtf8(en ? english : nb); }
};

StoryRisk storyRisk(RiskService& risks, const Session& who, const RiskEntry& r) {
    StoryRisk s{r.ref, r.title, r.level, r.status, r.owner, {}, true};
    auto measures = risks.measures(who, r.ref);
    if (measures)
        for (const auto& m : *measures)
            s.measures << QStringLiteral("%1 (%2%3)").arg(m.title, m.status,
                                                          m.due.isValid() ? QStringLiteral(", ") + m.due.toString(Qt::ISODate) : QString());
    return s;
}

std::vector<std::string> row(const QStringList& cells) {
    std::vector<std::string> out;
    for (const QString& c : cells) out.push_back(c.toStdString());
    return out;
}

}  // namespace

Result<RosTemplate> buildRosTemplate(Store& store, const Session& who, const QString& service) {
    RiskService risks(store);
    auto loaded = risks.latestModel(who, service);
    if (!loaded) return loaded.error();
    const Model& model = loaded->model;
    RosTemplate t;
    t.service = service;
    t.serviceName = service;
    t.generated = store.clock().today();
    t.modelTitle = q(model.title);
    if (auto models = risks.models(who))
        for (const auto& m : *models)
            if (m.service == service) t.modelVersion = m.version;
    // The catalogue's words for the service, where the reader may see them.
    if (auto entry = CatalogService(store).get(who, service); entry && entry->has_value()) {
        t.serviceName = (*entry)->name;
        t.serviceDescription = (*entry)->description;
    }
    for (const auto& a : model.assets)
        t.assets << RosTemplate::Asset{q(a.title), a.confidentiality ? QString::fromLatin1(confidentialityName(*a.confidentiality)) : QString(),
                                       a.integrity ? QString::fromLatin1(ratingName(*a.integrity)) : QString(),
                                       a.availability ? QString::fromLatin1(ratingName(*a.availability)) : QString()};

    auto all = risks.risks(who, service, true);
    if (!all) return all.error();
    QHash<QString, const RiskEntry*> byRef, byThreat;
    for (const auto& r : *all) {
        byRef[r.ref] = &r;
        if (!r.threatId.isEmpty()) byThreat[r.threatId] = &r;
    }
    QSet<QString> named;
    QHash<QString, QString> personaTitle, personaKind;
    for (const auto& p : model.personas) {
        personaTitle[q(p.id)] = q(p.title);
        personaKind[q(p.id)] = QString::fromLatin1(personaKindName(p.kind));
    }
    QHash<QString, QString> currentId;
    for (const auto* list : {&model.elements, &model.flows})
        for (const auto& e : *list)
            for (const auto& alias : e.aliases) currentId[q(alias)] = q(e.id);
    for (const auto& u : model.stories) {
        UserStoryView view{q(u.id), q(u.text), q(u.persona), personaTitle.value(q(u.persona)), personaKind.value(q(u.persona)), {}, {}};
        for (const auto& e : u.elements)
            if (const Element* element = model.findElement(currentId.value(q(e), q(e)).toStdString())) view.elements << q(element->title);
        for (const auto& rs : u.riskStories) {
            RiskStoryView story{q(rs.id), q(rs.text), {}};
            auto add = [&](const QString& key, const RiskEntry* r) {
                if (!r) {
                    story.risks << StoryRisk{key, {}, {}, {}, {}, {}, false};
                    return;
                }
                named.insert(r->ref);
                story.risks << storyRisk(risks, who, *r);
            };
            for (const auto& threat : rs.threats) {
                // RULE/ELEMENT, where ELEMENT may be an old id the element still answers to.
                QString id = q(threat);
                const QString element = id.section(QLatin1Char('/'), 1);
                if (!model.findElement(element.toStdString()))
                    if (const auto it = currentId.find(element); it != currentId.end()) id = id.section(QLatin1Char('/'), 0, 0) + QLatin1Char('/') + *it;
                add(q(threat), byThreat.value(id));
            }
            for (const auto& ref : rs.risks) add(q(ref), byRef.value(q(ref)));
            view.riskStories << story;
        }
        t.stories << view;
    }
    for (const auto& r : *all)
        if (!named.contains(r.ref) && r.status != QLatin1String("closed") && r.status != QLatin1String("false_positive"))
            t.otherRisks << storyRisk(risks, who, r);

    auto m = risks.matrix(who);
    if (!m) return m.error();
    for (auto [bands, steps] : {std::pair{&m->likelihood, &t.likelihood}, std::pair{&m->consequence, &t.consequence}})
        for (std::size_t i = 0; i < bands->size(); ++i) {
            const MatrixBand& b = (*bands)[i];
            *steps << RosTemplate::Step{static_cast<int>(i) + 1, q(b.label.nb), q(b.label.en), q(b.frequency.nb), q(b.frequency.en)};
        }
    return t;
}

QByteArray rosTemplateXlsx(const RosTemplate& t, bool english) {
    const Labels tr{english};
    const QStringList municipal{tr("Kommunens sannsynlighet (1–5)", "Municipality's likelihood (1–5)"),
                                tr("Kommunens konsekvens (1–5)", "Municipality's consequence (1–5)"),
                                tr("Kommunens tiltak", "Municipality's measures"), tr("Ansvarlig i kommunen", "Responsible in the municipality"),
                                tr("Frist", "Due")};
    xlsx::Workbook book;

    xlsx::Sheet about;
    about.name = "Om tjenesten";
    about.rows.push_back(row({tr("ROS-mal", "ROS template"), t.serviceName}));
    about.rows.push_back(row({tr("Tjeneste", "Service"), t.service}));
    about.rows.push_back(row({tr("Beskrivelse", "Description"), t.serviceDescription}));
    about.rows.push_back(
        row({tr("Trusselmodell", "Threat model"), QStringLiteral("%1 (%2 %3)").arg(t.modelTitle, tr("versjon", "version"), QString::number(t.modelVersion))}));
    about.rows.push_back(row({tr("Laget", "Generated"), t.generated.toString(Qt::ISODate)}));
    about.rows.push_back(row({tr("Slik bruker dere malen", "How to use it"),
                              tr("Arkene Brukerhistorier og Risikoer viser plattformens vurdering og tiltak. Fyll inn kommunens egen "
                                 "vurdering i de tomme kolonnene, etter skalaene i arket Matrise.",
                                 "The sheets Brukerhistorier and Risikoer show the platform's assessment and measures. Fill in the "
                                 "municipality's own assessment in the empty columns, on the scales in the sheet Matrise.")}));
    about.rows.push_back({});
    about.rows.push_back(row({tr("Data", "Data"), tr("Konfidensialitet", "Confidentiality"), tr("Integritet", "Integrity"),
                              tr("Tilgjengelighet", "Availability")}));
    for (const auto& a : t.assets) about.rows.push_back(row({a.title, a.confidentiality, a.integrity, a.availability}));
    book.sheets.push_back(std::move(about));

    auto riskCells = [](const StoryRisk& r) {
        return QStringList{r.ref, r.raised ? r.title : QStringLiteral("—"), r.level, r.status, r.measures.join(QStringLiteral("; "))};
    };
    xlsx::Sheet stories;
    stories.name = "Brukerhistorier";
    QStringList header{tr("Persona", "Persona"), tr("Type", "Kind"), tr("Brukerhistorie", "User story"), tr("Risikohistorie", "Risk story"),
                       tr("Plattformens risiko", "Platform risk"), tr("Risiko", "Risk"), tr("Nivå", "Level"), tr("Status", "Status"),
                       tr("Plattformens tiltak", "Platform measures")};
    header << municipal;
    stories.rows.push_back(row(header));
    for (const auto& u : t.stories) {
        QList<RiskStoryView> list = u.riskStories;
        if (list.isEmpty()) list << RiskStoryView{};
        for (const auto& rs : list) {
            QList<StoryRisk> risks = rs.risks;
            if (risks.isEmpty()) risks << StoryRisk{};
            for (const auto& r : risks) {
                stories.rows.push_back(row(QStringList{u.personaTitle, u.personaKind, u.text, rs.text} + riskCells(r)));
            }
        }
    }
    book.sheets.push_back(std::move(stories));

    xlsx::Sheet risks;
    risks.name = "Risikoer";
    QStringList riskHeader{tr("Ref", "Ref"), tr("Risiko", "Risk"), tr("Nivå", "Level"), tr("Status", "Status"), tr("Plattformens tiltak", "Platform measures")};
    riskHeader << municipal;
    risks.rows.push_back(row(riskHeader));
    QSet<QString> listed;
    for (const auto& u : t.stories)
        for (const auto& rs : u.riskStories)
            for (const auto& r : rs.risks)
                if (r.raised && !listed.contains(r.ref)) {
                    listed.insert(r.ref);
                    risks.rows.push_back(row(riskCells(r)));
                }
    for (const auto& r : t.otherRisks) risks.rows.push_back(row(riskCells(r)));
    book.sheets.push_back(std::move(risks));

    xlsx::Sheet scale;
    scale.name = "Matrise";
    scale.rows.push_back(row({tr("Sannsynlighet", "Likelihood"), tr("Betegnelse", "Label"), tr("Hyppighet", "Frequency")}));
    for (const auto& b : t.likelihood)
        scale.rows.push_back(row({QString::number(b.value), english ? b.en : b.nb, english ? b.frequencyEn : b.frequencyNb}));
    scale.rows.push_back({});
    scale.rows.push_back(row({tr("Konsekvens", "Consequence"), tr("Betegnelse", "Label")}));
    for (const auto& c : t.consequence) scale.rows.push_back(row({QString::number(c.value), english ? c.en : c.nb}));
    book.sheets.push_back(std::move(scale));
    return QByteArray::fromStdString(xlsx::write(book));
}

QString rosTemplateMarkdown(const RosTemplate& t, bool english) {
    const Labels tr{english};
    // Markdown table cells cannot hold a bar or a line break.
    auto cell = [](QString s) { return s.replace(QLatin1Char('|'), QStringLiteral("\\|")).replace(QLatin1Char('\n'), QLatin1Char(' ')); };
    QString out;
    out += QStringLiteral("# %1: %2\n\n").arg(tr("ROS-mal", "ROS template"), t.serviceName);
    // One arg() with every value, so a title with "%1" in it is not filled in.
    out += QStringLiteral("%1 %2 (%3 %4), %5 %6.\n\n")
               .arg(tr("Bygget på trusselmodellen", "Built on the threat model"), t.modelTitle, tr("versjon", "version"),
                    QString::number(t.modelVersion), tr("laget", "generated"), t.generated.toString(Qt::ISODate));
    if (!t.serviceDescription.isEmpty()) out += t.serviceDescription + QStringLiteral("\n\n");
    out += QStringLiteral("## %1\n\n| %2 | %3 | %4 | %5 |\n|---|---|---|---|\n")
               .arg(tr("Data tjenesten behandler", "Data the service processes"), tr("Data", "Data"), tr("Konfidensialitet", "Confidentiality"),
                    tr("Integritet", "Integrity"), tr("Tilgjengelighet", "Availability"));
    for (const auto& a : t.assets)
        out += QStringLiteral("| %1 | %2 | %3 | %4 |\n").arg(cell(a.title), a.confidentiality, a.integrity, a.availability);
    out += QStringLiteral("\n## %1\n").arg(tr("Brukerhistorier og risikohistorier", "User stories and risk stories"));
    QString persona;
    for (const auto& u : t.stories) {
        if (u.personaTitle != persona) {
            persona = u.personaTitle;
            out += QStringLiteral("\n### %1 (%2)\n").arg(persona, u.personaKind);
        }
        out += QStringLiteral("\n**%1**\n").arg(u.text);
        for (const auto& rs : u.riskStories) {
            out += QStringLiteral("\n- %1\n").arg(rs.text);
            for (const auto& r : rs.risks) {
                if (!r.raised) {
                    out += QStringLiteral("  - `%1`: %2\n").arg(r.ref, tr("ikke reist av gjeldende analyse", "not raised by the current analysis"));
                    continue;
                }
                out += QStringLiteral("  - `%1` %2: %3, %4\n").arg(r.ref, r.title, r.level, r.status);
                for (const QString& m : r.measures) out += QStringLiteral("    - %1: %2\n").arg(tr("Tiltak", "Measure"), m);
            }
            out += QStringLiteral("  - %1: ____  %2: ____  %3: ______________________\n")
                       .arg(tr("Kommunens sannsynlighet", "Municipality's likelihood"), tr("konsekvens", "consequence"), tr("tiltak", "measures"));
        }
    }
    if (!t.otherRisks.isEmpty()) {
        out += QStringLiteral("\n## %1\n\n| Ref | %2 | %3 | %4 |\n|---|---|---|---|\n")
                   .arg(tr("Andre risikoer for tjenesten", "Other risks of the service"), tr("Risiko", "Risk"), tr("Nivå", "Level"),
                        tr("Tiltak", "Measures"));
        for (const auto& r : t.otherRisks)
            out += QStringLiteral("| `%1` | %2 | %3 | %4 |\n").arg(r.ref, cell(r.title), r.level, cell(r.measures.join(QStringLiteral("; "))));
    }
    out += QStringLiteral("\n## %1\n\n").arg(tr("Skala", "Scale"));
    for (const auto& b : t.likelihood)
        out += QStringLiteral("- %1 %2: %3 (%4)\n")
                   .arg(tr("Sannsynlighet", "Likelihood"), QString::number(b.value), english ? b.en : b.nb, english ? b.frequencyEn : b.frequencyNb);
    for (const auto& c : t.consequence)
        out += QStringLiteral("- %1 %2: %3\n").arg(tr("Konsekvens", "Consequence"), QString::number(c.value), english ? c.en : c.nb);
    return out;
}

}  // namespace vakt::risk
