#include "desktop/shell/modules.h"

#include <QApplication>

#include "desktop/access/access_page.h"
#include "desktop/audit/audit_page.h"
#include "desktop/catalog/catalog_page.h"
#include "desktop/changes/changes_page.h"
#include "desktop/councils/councils_page.h"
#include "desktop/incidents/incidents_page.h"
#include "desktop/monitoring/monitoring_page.h"
#include "desktop/overview/overview_page.h"
#include "desktop/reports/reports_page.h"
#include "desktop/risk/risk_page.h"

namespace vakt::desktop {

QIcon themeIcon(const QString& name, QStyle::StandardPixmap fallback) {
    return QIcon::fromTheme(name, QApplication::style()->standardIcon(fallback));
}

std::vector<ModuleInfo> availableModules() {
    return {
        {QStringLiteral("overview"), [] { return QApplication::translate("Modules", "Oversikt"); }, themeIcon(QStringLiteral("go-home"), QStyle::SP_DirHomeIcon),
         [](AppContext& ctx, QWidget* parent) -> Page* { return new OverviewPage(ctx, parent); },
         [] {
             return QApplication::translate("Modules", "<h3>Oversikt</h3><p>Det som venter på deg nå: åpne varsler og hendelser etter alvorlighet, åpne funn fra "
                      "deteksjonsreglene, tjenester som ikke er oppe og ROS-analyser og DPIA-er som er for gamle eller mangler.</p>"
                      "<p>Klikk på et tall for å åpne listen bak det. Tallene i sidestolpen viser det samme for hver side.</p>"
                      "<p><b>F5</b> oppdaterer, <b>Ctrl+F</b> går til sidens søk, <b>F1</b> viser denne hjelpen.</p>");
         }},
        {QStringLiteral("incidents"), [] { return QApplication::translate("Modules", "Hendelser"); },
         themeIcon(QStringLiteral("emblem-important"), QStyle::SP_MessageBoxCritical),
         [](AppContext& ctx, QWidget* parent) -> Page* { return new IncidentsPage(ctx, parent); },
         [] {
             return QApplication::translate("Modules", "<h3>Hendelser</h3><p>Alle saker: spørsmål og feilmeldinger fra brukerstøtte, driftsavvik fra "
                      "overvåkingen, sikkerhetshendelser og personvernbrudd. Køen viser det mest hastende først: åpne saker, "
                      "prioritet og nærmeste frist. <i>Frist</i> teller ned til svarfristen og deretter løsningsfristen; "
                      "rødt er forfalt. For personvernbrudd vises 72-timersfristen til Datatilsynet til bruddet er meldt.</p>"
                      "<p>Filtrer på kø, status, prioritet og type, <i>Bare forfalte</i> og <i>Mine</i>, eller søk. "
                      "<b>Ny hendelse</b> (<b>Ctrl+N</b>) registrerer en sak. Velg en sak for å se fristene, koblingene, "
                      "berørte virksomheter og tidslinjen, og endre status, prioritet eller tildeling med et notat. "
                      "Velg flere saker (Ctrl- eller Shift-klikk) for å endre dem samlet; du får vite hvilke som ikke ble endret, og hvorfor.</p>"
                      "<p>Sikkerhetshendelser og personvernbrudd håndteres av sikkerhetsansvarlig: brukerstøtte eskalerer en sak "
                      "med <b>Eskaler til sikkerhet</b>. <b>Varsle berørte</b> skriver et varsel til hver virksomhet med avtale "
                      "på sakens tjenester.</p>");
         }},
        {QStringLiteral("changes"), [] { return QApplication::translate("Modules", "Endringer"); },
         themeIcon(QStringLiteral("view-calendar"), QStyle::SP_FileDialogListView),
         [](AppContext& ctx, QWidget* parent) -> Page* { return new ChangesPage(ctx, parent); },
         [] {
             return QApplication::translate("Modules", "<h3>Endringer</h3><p>Endringsrådets saker: endringer fra drift, forvaltning, brukerstøtte og "
                      "prosjekter, hver med sin sikkerhetsvurdering (STRIDE, sannsynlighet og konsekvens). <i>Liste</i> viser det som "
                      "venter på rådet først; filtrer på status og på tjenesten eller komponenten endringen berører, eller søk. "
                      "Velg en endring for å se vinduet, vurderingen, beslutningen med vilkår, samtykket fra sikkerhetsansvarlig, "
                      "ROS-oppgavene godkjenningen laget og hendelsene den forårsaket. Konflikter vises som advarsler: samme eller "
                      "avhengige tjenester i samme vindu, frysperioder og for mange endringer på én dag.</p>"
                      "<p><b>Ny endring</b> (<b>Ctrl+N</b>) melder en endring; en standardendring lages fra en forhåndsgodkjent mal. "
                      "En sikkerhetsrelevant endring godkjennes aldri uten sikkerhetsansvarlig, og i en frysperiode godkjennes bare "
                      "hastendringer med begrunnelse.</p>"
                      "<p><i>Kalender</i> viser måneden: fete datoer har endringer, røde har konflikter og skraverte er frosset. "
                      "<i>Møte</i> åpner ukens møte med dagsordenen Vakt setter opp. Registrer hvem som er til stede, gå gjennom "
                      "sakene med <b>Forrige</b> og <b>Neste</b> og fatt en beslutning på hver. <b>Avslutt møtet og lag referat</b> "
                      "skriver referatet, fører SHA-256 i endringsloggen og signerer det med virksomhetens nøkkel når den finnes.</p>");
         }},
        {QStringLiteral("access"), [] { return QApplication::translate("Modules", "Tilgangsgjennomgang"); },
         themeIcon(QStringLiteral("system-users"), QStyle::SP_DialogApplyButton),
         [](AppContext& ctx, QWidget* parent) -> Page* { return new AccessPage(ctx, parent); },
         [] {
             return QApplication::translate("Modules", "<h3>Tilgangsgjennomgang</h3><p>Hvem har tilgang til hva på plattformen, og trenger de den "
                      "fortsatt? Som leder eller produktansvarlig ser du bare tilgangene du skal gjennomgå. Flaggede tilganger står "
                      "øverst; hold musen over et flagg for å se hvorfor, f.eks. at tilgangen ikke er brukt på 90 dager.</p>"
                      "<p>Avgjør med tastaturet i tabellen: <b>B</b> beholder, <b>F</b> fjerner, <b>R</b> reduserer (du blir spurt "
                      "hva tilgangen skal bli), <b>D</b> delegerer (du blir spurt hvem som skal avgjøre). Neste åpne tilgang blir "
                      "valgt. Enter og mellomrom avgjør ingenting, så ingenting beholdes ved et uhell. En administratortilgang "
                      "beholdes bare med en begrunnelse (<b>Ctrl+Enter</b> bekrefter). Ingen gjennomgår sine egne tilganger.</p>"
                      "<p>Sikkerhetsansvarlig importerer eksporten av tilganger fra plattformen, starter gjennomganger, følger "
                      "framdriften per gjennomgåer, minner på, og lukker gjennomgangen med en attestasjon signert med "
                      "virksomhetens nøkkel. <b>Kontroller attestasjon</b> sjekker en attestasjonsfil mot nøkkelen i nøkkelmappen, "
                      "aldri mot en nøkkel i filen. Revisor ser alt, men endrer ingenting.</p>");
         }},
        {QStringLiteral("councils"), [] { return QApplication::translate("Modules", "Brukerråd"); },
         themeIcon(QStringLiteral("x-office-address-book"), QStyle::SP_FileDialogInfoView),
         [](AppContext& ctx, QWidget* parent) -> Page* { return new CouncilsPage(ctx, parent); },
         [] {
             return QApplication::translate("Modules", "<h3>Brukerråd</h3><p>Brukermøtet og brukerrådet for hver tjeneste. Velg tjenesten øverst. "
                      "<i>Brukerrådet</i> viser medlemmene og periodene deres; røde varsler sier at rådet har færre enn 5 medlemmer, "
                      "at perioder går ut innen 60 dager eller er ute, eller at det ikke er holdt brukermøte på et år.</p>"
                      "<p><i>Brukermøter</i>: alle med avtale om tjenesten kan komme. Sett opp møtet, <b>Inviter alle med avtale</b>, "
                      "før oppmøtet og velg brukerrådet: 5 til 8 representanter fra virksomheter som var til stede, én per "
                      "virksomhet. Vakt sier fra mens du fyller ut hvis valget bryter reglene.</p>"
                      "<p><i>Endringsønsker</i> kommer fra virksomhetene eller fra saker i brukerstøtte. Produktansvarlig svarer og "
                      "setter status og kvartal; medlemmene fordeler poeng i en poengrunde (10 poeng hver som standard). "
                      "<i>Veikart</i> viser de aksepterte ønskene per kvartal, med flest poeng først. <i>Brukerrådsmøter</i> har "
                      "saksliste og referat. <b>Eksporter</b> lagrer brukerrådet som HTML, JSON eller CSV.</p>");
         }},
        {QStringLiteral("catalog"), [] { return QApplication::translate("Modules", "Produktkatalog"); },
         themeIcon(QStringLiteral("view-list-details"), QStyle::SP_FileDialogDetailedView),
         [](AppContext& ctx, QWidget* parent) -> Page* { return new CatalogPage(ctx, parent); },
         [] {
             return QApplication::translate("Modules", "<h3>Produktkatalog</h3><p>Alle tjenester og komponenter plattformen leverer, med produktansvarlig, "
                      "avhengigheter, nasjonale felleskomponenter, roller og dokumenter (ROS-analyse og DPIA).</p>"
                      "<p>Søk og filtrer i listen til venstre; velg en oppføring for å se og endre den. Endringer lagres med "
                      "<b>Lagre</b> og føres i endringsloggen. ROS og DPIA skal fornyes minst hvert år: filteret "
                      "<i>ROS eller DPIA mangler/er utdatert</i> viser hva som er for gammelt eller mangler.</p>"
                      "<p>Lesetilgang: feltene er grå og kan ikke endres.</p>");
         }},
        {QStringLiteral("monitoring"), [] { return QApplication::translate("Modules", "Drift"); }, themeIcon(QStringLiteral("utilities-system-monitor"), QStyle::SP_ComputerIcon),
         [](AppContext& ctx, QWidget* parent) -> Page* { return new MonitoringPage(ctx, parent); },
         [] {
             return QApplication::translate("Modules", "<h3>Drift</h3><p>Tilstanden til hver tjeneste slik vakt-collector måler den: oppe, redusert (et åpent varsel "
                      "eller noen mål svarer ikke) eller nede, tilgjengelighet, feilrate og responstid.</p>"
                      "<p>Hvert tall sier hvor gammelt det er og hvor mye data det bygger på. Har collectoren ikke rapportert på "
                      "en stund, sier en rød melding øverst det, og ingen tjeneste vises som oppe.</p>"
                      "<p>Velg en tjeneste for å se grafen; velg periode over grafen.</p>");
         }},
        {QStringLiteral("audit"), [] { return QApplication::translate("Modules", "Revisjonslogg"); }, themeIcon(QStringLiteral("security-high"), QStyle::SP_FileDialogContentsView),
         [](AppContext& ctx, QWidget* parent) -> Page* { return new AuditPage(ctx, parent); },
         [] {
             return QApplication::translate("Modules", "<h3>Revisjonslogg</h3><p>Hvem slo opp denne personen, og hva gjorde denne ansatte eller integrasjonen? "
                      "Fødselsnummer og d-nummer kontrolleres før søket og vises aldri tilbake; loggen har bare pseudonymer.</p>"
                      "<p><b>Funn</b> fra deteksjonsreglene står øverst. Åpne et funn for å se hendelsene bak det med bevis, og "
                      "ta det eller lukk det med en begrunnelse. Alt du søker på og åpner, føres i endringsloggen.</p>"
                      "<p><b>Verifiser loggen</b> regner hele loggen om og sjekker de signerte trehodene.</p>");
         }},
        {QStringLiteral("risk"), [] { return QApplication::translate("Modules", "Risiko"); }, themeIcon(QStringLiteral("dialog-warning"), QStyle::SP_MessageBoxWarning),
         [](AppContext& ctx, QWidget* parent) -> Page* { return new RiskPage(ctx, parent); },
         [] {
             return QApplication::translate("Modules", "<h3>Risiko og ROS</h3><p>Risikoregisteret for alle tjenester: trusler som reglene finner i "
                      "trusselmodellene (STRIDE), med sannsynlighet, konsekvens per dimensjon, tiltak og beslutninger.</p>"
                      "<p>Risikomatrisen viser hvor risikoene ligger; klikk en rute for å se bare dem. Over akseptkriteriene "
                      "kan bare risikoeieren akseptere, med begrunnelse og utløpsdato, og aldri den som vurderte risikoen. "
                      "Aksepten faller bort når den utløper eller nivået stiger.</p>"
                      "<p><b>Tjeneste</b> viser dataflytdiagrammet og truslene. <b>Konsekvens av endring</b> viser hvem en "
                      "endring, sårbarhet, hendelse eller et avbrudd når gjennom verdikjeden, og lager oppgaver for ROS-ene "
                      "som må gjennomgås.</p>");
         }},
        {QStringLiteral("reports"), [] { return QApplication::translate("Modules", "Rapporter"); },
         themeIcon(QStringLiteral("x-office-document"), QStyle::SP_FileIcon),
         [](AppContext& ctx, QWidget* parent) -> Page* { return new ReportsPage(ctx, parent); },
         [] {
             return QApplication::translate("Modules", "<h3>Rapporter</h3><p>Rapporter til ledelsen og revisorer, laget fra dataene teamene "
                      "jobber i: modenhet mot NSMs grunnprinsipper, ROS, hendelser, tilgangsgjennomganger, endringsrådets referater, "
                      "produktkatalogen og anvendelseserklæringen (SoA).</p>"
                      "<p>Velg rapport, periode og eventuelt tjeneste. <b>Forhåndsvis</b> viser rapporten uten å lagre noe. "
                      "<b>Lagre rapport</b> (<b>Ctrl+S</b>) skriver den som PDF, HTML, ODT (redigerbar), XLSX eller CSV, og fører "
                      "filens SHA-256 i endringsloggen. Store rapporter lages i bakgrunnen; <b>Avbryt</b> stopper dem.</p>"
                      "<p>Hver rapport viser dataenes dato, databasen, hvem som laget den og innholdets SHA-256. Du ser bare det "
                      "rollen din kan lese i registrene rapporten bygger på.</p>");
         }},
    };
}

QString roleTitle(Role role) {
    switch (role) {
        case Role::Admin: return QApplication::translate("Roles", "Administrator");
        case Role::Sikkerhetsansvarlig: return QApplication::translate("Roles", "Sikkerhetsansvarlig");
        case Role::Brukerstotte: return QApplication::translate("Roles", "Brukerstøtte");
        case Role::Produktansvarlig: return QApplication::translate("Roles", "Produktansvarlig");
        case Role::Leder: return QApplication::translate("Roles", "Leder");
        case Role::Endringsrad: return QApplication::translate("Roles", "Endringsråd");
        case Role::Revisor: return QApplication::translate("Roles", "Revisor (lesetilgang)");
    }
    return {};
}

}  // namespace vakt::desktop
