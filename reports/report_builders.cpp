// The common parts of every report, and the registers that are tables: the service catalogue,
// incidents, privilege reviews and the change board.
#include "reports/report_builders.h"

#include <QTimeZone>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "access/access_service.h"
#include "changes/change_board.h"
#include "core/catalog_service.h"
#include "core/civil_time.h"
#include "core/incidents.h"
#include "reports/incident_stats.h"

namespace vakt::reports {

Error cancelled() { return Error{"cancelled", ErrorKind::Conflict}; }

std::string s(const QString& text) { return text.toStdString(); }

std::string nbDate(const QDate& day) { return day.isValid() ? s(day.toString(QStringLiteral("dd.MM.yyyy"))) : std::string("–"); }

std::string nbDateTime(const QDateTime& at) {
    if (!at.isValid()) return "–";
    const QDateTime local = at.toTimeZone(platformZone());
    return s(local.toString(QStringLiteral("dd.MM.yyyy 'kl.' HH.mm")));
}

std::string nbNumber(double value, int decimals) {
    if (!std::isfinite(value)) return "–";
    char text[64];
    std::snprintf(text, sizeof text, "%.*f", std::clamp(decimals, 0, 6), std::fabs(value));
    std::string digits(text), fraction;
    if (const auto dot = digits.find('.'); dot != std::string::npos) {
        fraction = "," + digits.substr(dot + 1);
        digits.resize(dot);
    }
    std::string grouped;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) grouped += "\u202F";  // narrow no-break space
        grouped += digits[i];
    }
    const bool negative = value < 0 && (grouped + fraction).find_first_not_of("0,\u202F") != std::string::npos;
    return (negative ? "−" : "") + grouped + fraction;
}

std::string nbPercent(double share) { return nbNumber(share * 100.0, 0) + "\u00A0%"; }

std::string nbDuration(double minutes) {
    if (minutes < 90) return nbNumber(minutes, 0) + "\u00A0min";
    if (minutes < 48 * 60) return nbNumber(minutes / 60.0, 1) + "\u00A0t";
    return nbNumber(minutes / 1440.0, 1) + "\u00A0d";
}

Document openDocument(const BuildContext& c, const std::string& title, std::vector<std::pair<std::string, std::string>> extra) {
    Document d;
    d.title = title;
    d.language = "nb";
    d.author = s(c.who.username);
    d.subject = s(reportKindTitle(c.request.kind));
    d.keywords = "Vakt, " + s(reportKindName(c.request.kind));
    d.creator = "Vakt";
    d.createdUtc = s(c.now.toUTC().toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss'Z'")));
    std::vector<std::pair<std::string, std::string>> about = {
        {"Dataenes dato", nbDateTime(c.now)},
        {"Periode", nbDate(c.request.period->from) + "–" + nbDate(c.request.period->to)},
        {"Database", s(c.store.location())},
        {"Generert av", s(c.who.username) + " (" + s(roleCode(c.who.role)) + ")"},
    };
    for (auto& e : extra) about.push_back(std::move(e));
    // The title is the document's own (renderers print it once, at the top).
    Writer{d}.keyValues(std::move(about));
    return d;
}

Result<Document> buildReport(const BuildContext& c) {
    Result<Document> out = fail("unknown report", ErrorKind::Internal);
    switch (c.request.kind) {
        case ReportKind::Nsm: out = buildNsmReport(c); break;
        case ReportKind::Soa: out = buildSoaReport(c); break;
        case ReportKind::Ros: out = buildRosReport(c); break;
        case ReportKind::Incidents: out = buildIncidentReport(c); break;
        case ReportKind::AccessReview: out = buildAccessReviewReport(c); break;
        case ReportKind::Changes: out = buildChangesReport(c); break;
        case ReportKind::Catalog: out = buildCatalogReport(c); break;
    }
    return out;
}

// ---- The service catalogue --------------------------------------------------------------------

namespace {

std::string documentStateText(DocumentState state) {
    switch (state) {
        case DocumentState::Current: return "gjeldende";
        case DocumentState::Outdated: return "utdatert (over 12 mnd)";
        case DocumentState::Missing: return "mangler";
    }
    return {};
}

std::string lifecycleText(const QString& code) {
    static const QHash<QString, const char*> names = {{Lifecycle::Planned, "planlagt"},     {Lifecycle::Development, "under utvikling"},
                                                      {Lifecycle::Production, "i drift"},    {Lifecycle::Retiring, "utfases"},
                                                      {Lifecycle::Retired, "avviklet"}};
    return names.contains(code) ? names.value(code) : s(code);
}

}  // namespace

Result<Document> buildCatalogReport(const BuildContext& c) {
    if (!c.step(10, QStringLiteral("Leser produktkatalogen"))) return cancelled();
    CatalogService catalog(c.store);
    auto entries = catalog.all(c.who);
    if (!entries) return entries.error();
    auto summaries = catalog.list(c.who);
    if (!summaries) return summaries.error();
    QHash<QString, CatalogSummary> summaryOf;
    for (const auto& e : *summaries) summaryOf.insert(e.key, e);

    Document d = openDocument(c, "Produktkatalogen med dokumentstatus");
    Writer w{d};
    int services = 0, current = 0, followUp = 0;
    Table table{{"Nøkkel", "Navn", "Type", "Livsløp", "Produktansvarlig", "Sist gjennomgått", "ROS", "DPIA", "Avtaler", "Avhenger av"}, {}};
    Table documents{{"Tjeneste", "Dokument", "Type", "Versjon", "Dato", "Status"}, {}};
    for (const auto& e : *entries) {
        const CatalogSummary sum = summaryOf.value(e.key);
        const bool service = e.kind == EntryKind::Service;
        services += service ? 1 : 0;
        const DocumentState ros = documentState(e.documents, DocumentKind::Ros, c.today);
        const DocumentState dpia = documentState(e.documents, DocumentKind::Dpia, c.today);
        if (service && ros == DocumentState::Current && dpia == DocumentState::Current) ++current;
        if (service && documentsNeedFollowUp(sum, c.today)) ++followUp;
        const QDate rosDate = newestDocumentDate(e.documents, DocumentKind::Ros), dpiaDate = newestDocumentDate(e.documents, DocumentKind::Dpia);
        table.rows.push_back({s(e.key), s(e.name), service ? "tjeneste" : "komponent", lifecycleText(e.lifecycle), s(sum.productOwner),
                              nbDate(e.lastReviewed), (rosDate.isValid() ? nbDate(rosDate) + ", " : std::string()) + documentStateText(ros),
                              (dpiaDate.isValid() ? nbDate(dpiaDate) + ", " : std::string()) + documentStateText(dpia), std::to_string(sum.agreements),
                              s(e.dependsOn.join(QStringLiteral(", ")))});
        for (const auto& doc : e.documents)
            documents.rows.push_back({s(e.name), s(doc.title), s(doc.kind), s(doc.version), nbDate(doc.date),
                                      documentStateText(documentAge(doc.date, c.today))});
    }
    w.heading(2, "Sammendrag");
    w.paragraph("Katalogen har " + std::to_string(entries->size()) + " oppføringer, av dem " + std::to_string(services) + " tjenester. " +
                std::to_string(current) + " av " + std::to_string(services) + " tjenester har både ROS og DPIA som er gjeldende (under 12 måneder); " +
                std::to_string(followUp) + " må følges opp.");
    w.heading(2, "Tjenester og komponenter");
    w.tableOrNone(std::move(table), "Katalogen er tom.");
    w.heading(2, "Dokumenter");
    w.tableOrNone(std::move(documents), "Ingen dokumenter er registrert.");
    return d;
}

// ---- Incidents ----------------------------------------------------------------------------------

namespace {

std::int64_t ms(const QDateTime& t) { return t.toMSecsSinceEpoch(); }
std::optional<std::int64_t> optMs(const QDateTime& t) { return t.isValid() ? std::optional<std::int64_t>(t.toMSecsSinceEpoch()) : std::nullopt; }

std::string kindText(const std::string& code) {
    static const std::map<std::string, std::string> names = {
        {"question", "henvendelse"}, {"fault", "feilmelding"}, {"deviation", "driftsavvik"}, {"security", "sikkerhetshendelse"}, {"breach", "personvernbrudd"}};
    const auto it = names.find(code);
    return it != names.end() ? it->second : code;
}

std::string withinText(const DurationStats& d) {
    if (d.withTarget == 0) return "–";
    return nbPercent(static_cast<double>(d.withinTarget) / static_cast<double>(d.withTarget)) + " (" + std::to_string(d.withinTarget) + " av " +
           std::to_string(d.withTarget) + ")";
}

std::string durationText(const std::optional<double>& minutes) { return minutes ? nbDuration(*minutes) : std::string("–"); }

Table groupTable(const std::string& what, const std::map<std::string, IncidentGroup>& groups, const std::function<std::string(const std::string&)>& name) {
    Table t{{what, "Åpnet", "Løst", "Åpne", "Median respons", "Respons innen mål", "Median løsning", "90-persentil løsning", "Løst innen mål"}, {}};
    for (const auto& [key, g] : groups)
        t.rows.push_back({key.empty() ? std::string("(ingen)") : name(key), std::to_string(g.opened), std::to_string(g.resolved), std::to_string(g.stillOpen),
                          durationText(g.respond.medianMinutes), withinText(g.respond), durationText(g.resolve.medianMinutes),
                          durationText(g.resolve.p90Minutes), withinText(g.resolve)});
    return t;
}

}  // namespace

Result<Document> buildIncidentReport(const BuildContext& c) {
    if (!c.step(5, QStringLiteral("Leser hendelser"))) return cancelled();
    const Period& period = *c.request.period;
    const QDateTime from(period.from, QTime(0, 0), platformZone()), to(period.to.addDays(1), QTime(0, 0), platformZone());
    IncidentStore incidents(c.store);
    IncidentFilter filter;
    filter.openedFrom = from;
    if (!c.request.service.isEmpty()) filter.service = c.request.service;
    std::vector<IncidentFacts> facts;
    QHash<QString, QString> serviceNames;
    if (auto entries = CatalogService(c.store).list(c.who); entries)
        for (const auto& e : *entries) serviceNames.insert(e.key, e.name);
    for (int offset = 0;; offset += 500) {
        auto page = incidents.query(c.who, filter, offset, 500);
        if (!page) return page.error();
        for (const auto& i : *page) {
            IncidentFacts f;
            f.service = s(i.service);
            f.kind = s(i.kind);
            f.priority = s(i.priority);
            f.severity = s(i.severity);
            f.source = s(i.source);
            f.openedMs = ms(i.openedAt);
            f.respondedMs = optMs(i.respondedAt.isValid() ? i.respondedAt : i.acknowledgedAt);
            f.respondByMs = optMs(i.respondBy);
            const QDateTime done = i.resolvedAt.isValid() ? i.resolvedAt : (i.status == QLatin1String("closed") ? i.updatedAt : QDateTime());
            f.resolvedMs = optMs(done);
            f.resolveByMs = optMs(i.resolveBy);
            facts.push_back(std::move(f));
        }
        if (page->size() < 500) break;
        if (!c.step(std::min(60, 5 + offset / 500), QStringLiteral("Leser hendelser (%1)").arg(offset + 500))) return cancelled();
    }
    const int offsetMinutes = platformZone().offsetFromUtc(c.now) / 60;
    const IncidentSummary sum = summariseIncidents(facts, ms(from), ms(to), ms(c.now), offsetMinutes);

    Document d = openDocument(c, "Hendelser " + nbDate(period.from) + "–" + nbDate(period.to),
                              {{"Tjeneste", c.request.service.isEmpty() ? std::string("alle") : s(c.request.service)}});
    Writer w{d};
    w.heading(2, "Sammendrag");
    if (sum.all.opened == 0) {
        w.paragraph("Ingen hendelser ble åpnet i perioden.");
        return d;
    }
    std::string summary = std::to_string(sum.all.opened) + " hendelser ble åpnet i perioden; " + std::to_string(sum.all.resolved) + " er løst og " +
                          std::to_string(sum.all.stillOpen) + " er fortsatt åpne.";
    if (sum.all.resolve.withTarget > 0) summary += " Av dem med løsningsfrist ble " + withinText(sum.all.resolve) + " løst innen fristen.";
    if (sum.all.resolve.medianMinutes) summary += " Median tid til løsning var " + nbDuration(*sum.all.resolve.medianMinutes) + ".";
    w.paragraph(summary);
    w.keyValues({{"Åpnet", std::to_string(sum.all.opened)},
                 {"Løst", std::to_string(sum.all.resolved)},
                 {"Fortsatt åpne", std::to_string(sum.all.stillOpen)},
                 {"Respons innen mål", withinText(sum.all.respond)},
                 {"Løst innen mål", withinText(sum.all.resolve)},
                 {"Median tid til respons", durationText(sum.all.respond.medianMinutes)},
                 {"Median tid til løsning", durationText(sum.all.resolve.medianMinutes)}});

    BarChart trend;
    trend.title = "Åpnede hendelser per måned";
    trend.valueLabel = "antall";
    Series opened{"Åpnet", {}};
    double most = 1;
    for (const auto& [month, count] : sum.openedByMonth) {
        trend.labels.push_back(month);
        opened.values.push_back(static_cast<double>(count));
        most = std::max(most, static_cast<double>(count));
    }
    trend.series.push_back(std::move(opened));
    trend.maximum = most;
    w.heading(2, "Utvikling");
    w.barChart(std::move(trend));

    w.heading(2, "Etter tjeneste");
    w.table(groupTable("Tjeneste", sum.byService, [&](const std::string& key) { return s(serviceNames.value(QString::fromStdString(key), QString::fromStdString(key))); }));
    w.heading(2, "Etter type");
    w.table(groupTable("Type", sum.byKind, kindText));
    w.heading(2, "Etter prioritet");
    w.table(groupTable("Prioritet", sum.byPriority, [](const std::string& k) { return k; }));
    w.heading(2, "Etter alvorlighet");
    w.table(groupTable("Alvorlighet", sum.bySeverity, [](const std::string& k) { return k; }));
    w.paragraph("Respons er første gang saken ble tatt (ut av «ny» eller kvittert); løsning er løst eller lukket. Frister kommer fra "
                "brukerstøttens servicemål for sakens prioritet; saker uten frist telles ikke i «innen mål». En frist som har passert uten "
                "respons eller løsning teller som ikke nådd.");
    return d;
}

// ---- Privilege reviews --------------------------------------------------------------------------

Result<Document> buildAccessReviewReport(const BuildContext& c) {
    if (!c.step(5, QStringLiteral("Leser tilgangsgjennomganger"))) return cancelled();
    access::AccessService service(c.store);
    auto campaigns = service.campaigns(c.who);
    if (!campaigns) return campaigns.error();
    QList<access::Campaign> chosen;
    for (const auto& campaign : *campaigns) {
        if (c.request.campaign ? campaign.id == c.request.campaign
                               : c.request.period->contains(campaign.createdAt.toTimeZone(platformZone()).date()))
            chosen << campaign;
    }
    if (c.request.campaign && chosen.isEmpty()) return fail("campaign " + std::to_string(c.request.campaign) + " does not exist", ErrorKind::NotFound);
    Document d = openDocument(c, c.request.campaign ? "Tilgangsgjennomgang " + std::to_string(c.request.campaign) : std::string("Tilgangsgjennomganger"));
    Writer w{d};
    Table overview{{"Nr.", "Navn", "Modus", "Status", "Opprettet", "Frist", "Linjer", "Avgjort", "Flagget", "Tilbakekallinger"}, {}};
    for (const auto& campaign : chosen)
        overview.rows.push_back({std::to_string(campaign.id), s(campaign.name), std::string(access::modeCode(campaign.mode)),
                                 campaign.state == QLatin1String("closed") ? "lukket" : "åpen", nbDate(campaign.createdAt.toTimeZone(platformZone()).date()),
                                 nbDate(campaign.due), std::to_string(campaign.items), std::to_string(campaign.decided), std::to_string(campaign.flagged),
                                 std::to_string(campaign.revocations)});
    w.heading(2, "Oversikt");
    w.tableOrNone(std::move(overview), "Ingen gjennomganger i perioden.");
    int done = 0;
    for (const auto& campaign : chosen) {
        if (!c.step(10 + 80 * done++ / std::max<int>(1, chosen.size()), QStringLiteral("Gjennomgang %1").arg(campaign.id))) return cancelled();
        w.heading(2, std::to_string(campaign.id) + ": " + s(campaign.name));
        auto join = [](const std::vector<std::string>& items) {
            std::string out;
            for (const auto& i : items) out += (out.empty() ? "" : ", ") + i;
            return out.empty() ? std::string("alle") : out;
        };
        w.keyValues({{"Omfang: virksomheter", join(campaign.scope.organisations)},
                     {"Omfang: tjenester", join(campaign.scope.services)},
                     {"Omfang: rettigheter", join(campaign.scope.privileges)},
                     {"Eier", s(campaign.owner)},
                     {"Øyeblikksbildets SHA-256", s(campaign.snapshotSha256)},
                     {"Lukket", campaign.closedAt.isValid() ? nbDateTime(campaign.closedAt) + " av " + s(campaign.closedBy) : std::string("nei")},
                     {"Attestasjonens SHA-256", campaign.attestationSha256.isEmpty() ? std::string("–") : s(campaign.attestationSha256)},
                     {"Signert (Ed25519)", campaign.signatureBase64.isEmpty() ? std::string("nei") : std::string("ja; kontroller med «vakt access verify»")}});
        auto items = service.items(c.who, campaign.id);
        if (!items) return items.error();
        std::map<std::string, int> decisions;
        std::map<std::string, int> flags;
        for (const auto& item : *items) {
            ++decisions[item.decision.isEmpty() ? std::string("ubesvart") : s(item.decision)];
            for (const auto& f : access::flagCodes(item.flags)) ++flags[f];
        }
        Table tally{{"Beslutning", "Linjer"}, {}};
        for (const auto& [decision, count] : decisions) tally.rows.push_back({decision, std::to_string(count)});
        w.heading(3, "Beslutninger");
        w.tableOrNone(std::move(tally));
        Table flagTable{{"Flagg", "Linjer"}, {}};
        for (const auto& [flag, count] : flags) flagTable.rows.push_back({flag, std::to_string(count)});
        w.heading(3, "Risikoflagg");
        w.tableOrNone(std::move(flagTable));
        if (campaign.state == QLatin1String("closed")) {
            auto revocations = service.revocations(c.who, campaign.id);
            if (!revocations) return revocations.error();
            Table list{{"Handling", "Innehaver", "Virksomhet", "Tjeneste", "Rettighet", "Detalj", "Redusert til", "Besluttet av"}, {}};
            for (const auto& r : *revocations) {
                const std::string holder = r.grant.holderType == "person" ? r.grant.holderEmail : r.grant.holderName;
                list.rows.push_back({r.action == "revoke" ? "tilbakekall" : "reduser", holder, r.grant.orgnr, r.grant.service, r.grant.privilege, r.grant.detail,
                                     r.reduceTo, r.decidedBy});
            }
            w.heading(3, "Tilbakekallinger");
            w.tableOrNone(std::move(list));
        } else {
            w.paragraph("Gjennomgangen er åpen: tilbakekallingslisten lages når den lukkes.");
        }
    }
    return d;
}

// ---- The change board ---------------------------------------------------------------------------

Result<Document> buildChangesReport(const BuildContext& c) {
    if (!c.step(5, QStringLiteral("Leser endringsrådets møter"))) return cancelled();
    changes::ChangeBoard board(c.store);
    auto meetings = board.meetings(c.who);
    if (!meetings) return meetings.error();
    QList<changes::Meeting> chosen;
    for (const auto& m : *meetings)
        if (c.request.meeting ? m.id == c.request.meeting : c.request.period->contains(m.heldAt.toTimeZone(platformZone()).date())) chosen << m;
    if (c.request.meeting && chosen.isEmpty()) return fail("meeting " + std::to_string(c.request.meeting) + " does not exist", ErrorKind::NotFound);
    std::sort(chosen.begin(), chosen.end(), [](const changes::Meeting& a, const changes::Meeting& b) { return a.heldAt < b.heldAt; });

    Document d = openDocument(c, "Endringsrådets referater");
    Writer w{d};
    auto all = board.list(c.who);
    if (!all) return all.error();
    int decided = 0, assessed = 0, relevant = 0;
    std::map<std::string, int> byDecision;
    for (const auto& change : *all) {
        if (!change.decidedAt.isValid() || !c.request.period->contains(change.decidedAt.toTimeZone(platformZone()).date())) continue;
        ++decided;
        assessed += change.assessed ? 1 : 0;
        relevant += change.assessment.securityRelevant ? 1 : 0;
        ++byDecision[s(change.state)];
    }
    w.heading(2, "Sammendrag");
    w.paragraph(std::to_string(chosen.size()) + " møter i perioden. " + std::to_string(decided) + " endringer ble besluttet; " + std::to_string(assessed) +
                " av dem hadde en sikkerhetsvurdering og " + std::to_string(relevant) + " var sikkerhetsrelevante.");
    int done = 0;
    for (const auto& m : chosen) {
        if (!c.step(10 + 85 * done++ / std::max<int>(1, chosen.size()), QStringLiteral("Møte %1").arg(m.id))) return cancelled();
        auto minutes = board.minutesDocument(c.who, m.id);
        if (!minutes) return minutes.error();
        w.heading(2, minutes->title + (m.state == QLatin1String("closed") ? std::string() : std::string(" (møtet pågår)")));
        for (auto& block : minutes->blocks) {
            // The minutes' own headings sit one level below the meeting's.
            if (auto* h = std::get_if<Heading>(&block)) h->level = std::min(3, h->level + 1);
            d.blocks.push_back(std::move(block));
        }
        if (m.state == QLatin1String("closed") && !m.minutesSha256.isEmpty())
            w.keyValues({{"Referatets SHA-256", s(m.minutesSha256)}, {"Signert av", m.signedBy.isEmpty() ? std::string("–") : s(m.signedBy)}});
    }
    if (chosen.isEmpty()) w.paragraph("Ingen møter i perioden.");
    return d;
}

}  // namespace vakt::reports
