#include "servicedesk/desk_demo.h"

#include <QHash>

#include "core/organisation_service.h"
#include "servicedesk/desk_service.h"

namespace vakt::desk {

namespace {
struct DemoCase {
    const char* kind;
    const char* priority;
    const char* title;
    const char* description;
    const char* service;
    const char* kommunenummer;  // the reporting municipality, "" for none
    const char* reporter;
    int hoursAgo;
    const char* state;  // where it stands now
    const char* waitingOn;
    const char* assignee;
    const char* note;
};

// An ordinary few weeks at the desk: questions, faults, an outage on call, a vendor to wait
// for, a security incident the desk escalated, and a breach whose 72 hours are running.
const DemoCase kCases[] = {
    {"deviation", "P1", "SvarUt leverer ikke forsendelser til KS Fiks-mottak", "Forsendelser blir liggende i kø. Driftsleverandøren er varslet.",
     "svarut", "", "Driftsovervåking", 3, "in_progress", "", "", "Feilsøker sammen med driftsleverandøren"},
    {"breach", "P2", "DigiSos-søknad vist for feil saksbehandler", "En søknad om økonomisk sosialhjelp ble synlig for en saksbehandler i nabokommunen.",
     "digisos", "4601", "Saksbehandler, NAV Bergenhus", 30, "in_progress", "", "sikkerhetsansvarlig", "Tilgangen er stengt; omfang kartlegges"},
    {"security", "P2", "Mistenkelig mange oppslag i Fiks folkeregister fra én integrasjon", "Deteksjonsregel slo ut; brukerstøtte eskalerte.",
     "fiks-folkeregister", "5001", "Fagsystemleverandør", 20, "acknowledged", "", "sikkerhetsansvarlig", "Tatt av sikkerhetsansvarlig"},
    {"fault", "P2", "Innbyggere får feilmelding ved innlogging på Min side", "Feil etter ID-porten-oppdatering, gjelder mobil.",
     "minside", "0301", "Oslo kommune, kundesenter", 26, "waiting", "vendor", "ola.strand", "Venter på rettelse fra leverandør"},
    {"fault", "P3", "Vedlegg over 50 MB avvises i SvarUt", "Kommunen sender byggesaker med store tegninger.", "svarut", "5501", "Arkivleder",
     50, "waiting", "reporter", "brukerstotte", "Bedt om eksempel på forsendelse"},
    {"question", "P4", "Hvordan legger vi til en ny mottaker i Fiks IO?", "", "fiks-io", "1804", "IT-koordinator", 5, "new", "", "", ""},
    {"question", "P3", "Tilgang til KS Læring for nye ansatte", "", "ks-laering", "4601", "HR-rådgiver", 30, "new", "", "", ""},
    {"question", "P4", "Når kommer neste versjon av Del dokument?", "", "del-dokument", "0301", "Digitaliseringsrådgiver", 72, "acknowledged", "", "brukerstotte",
     "Sjekker med produktansvarlig"},
    {"deviation", "P2", "Treg respons i Fiks folkeregister", "Responstid over 5 sekunder i perioder.", "fiks-folkeregister", "", "Driftsovervåking", 80,
     "resolved", "", "ola.strand", "Indeks bygget om hos driftsleverandøren"},
    {"fault", "P3", "Bekymringsmelding-skjemaet mangler felt for telefonnummer", "", "bekymringsmelding", "5001", "Barnevernleder", 200, "closed", "",
     "brukerstotte", "Rettet i versjon 4.2"},
    {"question", "P4", "Opplæring i SvarUt for nye arkivmedarbeidere", "", "svarut", "1804", "Arkivmedarbeider", 400, "closed", "", "ola.strand",
     "Sendt lenke til kurs i KS Læring"},
    {"fault", "P3", "Utskrift fra SvarUt mangler logo", "", "svarut", "5501", "Dokumentsenter", 12, "in_progress", "", "ola.strand", "Gjenskapt feilen"},
};
}  // namespace

Result<int> loadDeskDemo(Store& store) {
    const Session admin{QStringLiteral("system:demo"), Role::Admin};
    const Session desk{QStringLiteral("brukerstotte"), Role::Brukerstotte};
    const Session officer{QStringLiteral("sikkerhetsansvarlig"), Role::Sikkerhetsansvarlig};
    DeskService service(store);
    const QDateTime now = store.clock().now();
    const QDate today = now.toTimeZone(deskZone()).date();

    // Christmas Eve and New Year's Eve: not public holidays, but the desk is closed.
    for (int year : {today.year(), today.year() + 1}) {
        if (auto s = service.addClosedDay(admin, QDate(year, 12, 24), QStringLiteral("Julaften")); !s) return s.error();
        if (auto s = service.addClosedDay(admin, QDate(year, 12, 31), QStringLiteral("Nyttårsaften")); !s) return s.error();
    }
    // Weekly on-call shifts from Monday 08:00, taken in turn, the last four weeks and the next two.
    const QDate monday = today.addDays(1 - today.dayOfWeek());
    const QString onCall[] = {QStringLiteral("ola.strand"), QStringLiteral("brukerstotte")};
    for (int week = -4; week < 2; ++week) {
        const QDateTime from(monday.addDays(7 * week), QTime(8, 0), deskZone());
        if (auto id = service.addShift(admin, onCall[(week + 4) % 2], from.toUTC(), from.addDays(7).toUTC()); !id) return id.error();
    }

    auto orgs = OrganisationService(store).organisations(admin);
    if (!orgs) return orgs.error();
    QHash<QString, QString> byKommunenummer;
    for (const auto& o : *orgs)
        if (!o.kommunenummer.isEmpty()) byKommunenummer.insert(o.kommunenummer, o.orgnr);

    IncidentStore incidents(store);
    int n = 0;
    for (const auto& d : kCases) {
        NewCase c;
        c.kind = QString::fromUtf8(d.kind);
        c.priority = QString::fromUtf8(d.priority);
        c.title = QString::fromUtf8(d.title);
        c.description = QString::fromUtf8(d.description);
        c.services = {QString::fromUtf8(d.service)};
        c.reporterOrgnr = byKommunenummer.value(QString::fromUtf8(d.kommunenummer));
        c.reporter = QString::fromUtf8(d.reporter);
        c.openedAt = now.addSecs(-3600LL * d.hoursAgo);
        const bool security = IncidentKind::isSecurity(c.kind);
        const Session& who = security ? officer : desk;
        auto id = incidents.createCase(desk, c);
        if (!id) return id.error();
        // Through the states a person would take it there.
        const QString state = QString::fromUtf8(d.state);
        QStringList path;
        if (state == IncidentState::Acknowledged) path << state;
        if (state == IncidentState::InProgress || state == IncidentState::Waiting || state == IncidentState::Resolved || state == IncidentState::Closed)
            path << IncidentState::InProgress;
        if (state == IncidentState::Waiting) path << state;
        if (state == IncidentState::Resolved || state == IncidentState::Closed) path << IncidentState::Resolved;
        if (state == IncidentState::Closed) path << state;
        for (qsizetype step = 0; step < path.size(); ++step) {
            CaseUpdate u;
            u.state = path[step];
            if (step == 0 && *d.assignee) u.assignee = QString::fromUtf8(d.assignee);
            if (path[step] == IncidentState::Waiting) u.waitingOn = QString::fromUtf8(d.waitingOn);
            const bool last = step + 1 == path.size();
            u.note = path[step] == IncidentState::Closed ? QStringLiteral("Bekreftet av melder") : last || path[step] == IncidentState::Resolved ? QString::fromUtf8(d.note) : QString();
            if (auto s = incidents.update(who, *id, u); !s) return s.error();
        }
        ++n;
    }
    return n;
}

}  // namespace vakt::desk
