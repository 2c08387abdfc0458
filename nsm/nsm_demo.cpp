// The demo department's maturity over 2026: a first assessment in March, then each quarter, by
// the security officer on Vakt's 0–5 scale. Levels mostly rise as Vakt's own modules take over
// the work (the catalogue, privilege reviews, the change board, the collector and the audit
// ledger); one dips when a new browser was rolled out without the central settings.
#include "nsm/nsm_demo.h"

#include <array>

#include "core/domain.h"
#include "core/organisation_service.h"
#include "nsm/nsm_service.h"

namespace vakt::nsm {

namespace {

constexpr std::array<const char*, 4> kDates = {"2026-03-16", "2026-06-15", "2026-09-15", "2026-11-16"};
constexpr const char* kLastNextReview = "2027-03-15";

struct DemoPrinciple {
    const char* id;
    std::array<int, 4> levels;
    int target;
    std::array<const char*, 4> rationale;  // nullptr: as at the date before
};

// clang-format off
const DemoPrinciple kPrinciples[] = {
    {"1.1", {2, 2, 3, 3}, 4, {"Tjenester og leveranser er listet, men ansvar og avhengigheter er ikke beskrevet for alle tjenestene.", nullptr,
                              "Produktkatalogen dekker alle tjenester med eier, avhengigheter og avtaler; styrende dokumenter gjennomgås ennå ikke etter fast plan.", nullptr}},
    {"1.2", {1, 2, 2, 3}, 3, {"Oversikten over servere og programvare finnes hos driftsleverandøren, men ikke samlet hos oss.",
                              "Leverandørsystemer og komponenter er koblet til tjenestene i katalogen; arbeidsstasjonene er ikke kartlagt.", nullptr,
                              "Arbeidsstasjonene er kartlagt fra driftsleverandørens inventar og holdes oppdatert hver måned."}},
    {"1.3", {1, 2, 3, 3}, 4, {"Tilganger tildeles ved behov, uten samlet oversikt over hvem som har hva.",
                              "Tilgangene eksporteres fra plattformen og kan sammenlignes mellom eksportene.",
                              "Tilgangene gjennomgås halvårlig av ledere og tjenesteeiere; behov for tilgang er ikke beskrevet per rolle.", nullptr}},
    {"2.1", {2, 2, 2, 3}, 3, {"Sikkerhetskrav stilles i nye anskaffelser, men følges ikke opp i utviklingsløpet.", nullptr, nullptr,
                              "Trusselmodell og ROS-analyse kreves før produksjonssetting; sikkerhetskrav er med i standardavtalen med leverandørene."}},
    {"2.2", {2, 3, 3, 3}, 4, {"Arkitekturen er dokumentert for de største tjenestene, uten beskrivelse av soner og tillit.",
                              "Trusselmodellene for SvarUt og Fiks folkeregister viser soner og dataflyt; de øvrige tjenestene mangler.", nullptr, nullptr}},
    {"2.3", {1, 1, 2, 2}, 3, {"Servere og tjenester er ikke herdet etter en felles grunnlinje.", nullptr,
                              "Grunnlinje for herding er vedtatt og tatt i bruk på nye servere; eldre servere gjenstår.", nullptr}},
    {"2.4", {3, 3, 3, 3}, 3, {"Nettverket er delt i soner hos driftsleverandøren, med brannmurregler som gjennomgås årlig.", nullptr, nullptr, nullptr}},
    {"2.5", {2, 2, 2, 2}, 3, {"Dataflyt mellom tjenestene går gjennom API-gatewayen, men utgående trafikk er ikke begrenset.", nullptr, nullptr,
                              "Uendret: utgående trafikk fra tjenestene er fortsatt ikke begrenset; tiltaket er planlagt i 2027."}},
    {"2.6", {2, 2, 3, 4}, 4, {"Administratortilganger krever tofaktor, men tjenestekontoer og integrasjoner er ikke gjennomgått.", nullptr,
                              "Tilgangsgjennomgang med risikoflagg og signert attestasjon er innført.",
                              "Integrasjonenes tilganger er begrenset til det de trenger, og fjernede tilganger kontrolleres ved neste eksport."}},
    {"2.7", {3, 3, 3, 4}, 4, {"Data krypteres i transitt med TLS; databasene er kryptert i ro, men ikke alle filområder.", nullptr, nullptr,
                              "Også filområdene og sikkerhetskopiene er kryptert i ro; nøklene forvaltes hos driftsleverandøren."}},
    {"2.8", {3, 3, 2, 3}, 3, {"E-post er beskyttet med SPF, DKIM og DMARC; nettleserne oppdateres automatisk.", nullptr,
                              "Ny nettleser ble rullet ut uten de sentrale innstillingene; rettes i høst.",
                              "De sentrale innstillingene er på plass i den nye nettleseren på alle maskiner."}},
    {"2.9", {2, 2, 3, 3}, 4, {"Sikkerhetskopier tas daglig, men gjenoppretting er ikke testet.", nullptr,
                              "Gjenoppretting av Dokumentlager er testet; testen skal gjøres for alle tjenestene.", nullptr}},
    {"2.10", {1, 2, 3, 3}, 3, {"Endringer meldes på e-post uten fast vurdering av sikkerhet.",
                               "Endringsrådet er etablert; sikkerhetsansvarlig vurderer endringer med høy risiko.",
                               "Alle endringer går gjennom endringsrådet med sikkerhetsvurdering og frysperioder.", nullptr}},
    {"3.1", {2, 2, 2, 3}, 4, {"Sårbarhetsvarsler følges opp av driftsleverandøren; vi har ingen egen oversikt.", nullptr, nullptr,
                              "Alle eksponerte tjenester skannes ukentlig for sårbarheter, og funn følges opp som saker."}},
    {"3.2", {1, 2, 2, 3}, 4, {"Overvåkingen dekker tilgjengelighet, ikke sikkerhetshendelser.",
                              "Innsamleren henter metrikker og helsesjekker fra alle tjenestene.", nullptr,
                              "Revisjonsloggene samles i revisjonsloggen med deteksjoner; loggene fra driftsleverandøren gjenstår."}},
    {"3.3", {1, 1, 2, 2}, 3, {"Logger samles inn, men analyseres bare etter en hendelse.", nullptr,
                              "Deteksjonsregler for uvanlige oppslag varsler sikkerhetsansvarlig; ingen vakt utenom arbeidstid.", nullptr}},
    {"3.4", {1, 1, 1, 2}, 3, {"Inntrengningstest er ikke gjennomført de siste to årene.", nullptr, "Inntrengningstest av SvarUt er bestilt.",
                              "Inntrengningstest av SvarUt er gjennomført; funnene følges opp i ROS-registeret."}},
    {"4.1", {2, 2, 3, 3}, 4, {"Beredskapsplanen finnes, men roller og varslingslister er ikke oppdatert.", nullptr,
                              "Beredskapsplanen er oppdatert med roller og varsling; øvelse er planlagt i 2027.", nullptr}},
    {"4.2", {2, 2, 3, 3}, 3, {"Hendelser registreres i brukerstøtten, men klassifiseres ikke etter alvorlighet.", nullptr,
                              "Hendelser klassifiseres etter alvorlighet med måltider; sikkerhetshendelser går til sikkerhetsansvarlig.", nullptr}},
    {"4.3", {2, 3, 3, 3}, 4, {"Hendelser håndteres av den som er tilgjengelig, uten fast rutine.",
                              "Rutine for håndtering med vaktordning i arbeidstid; utenom arbeidstid hos driftsleverandøren.", nullptr, nullptr}},
    {"4.4", {1, 1, 2, 2}, 3, {"Hendelser evalueres sjelden.", nullptr, "Alvorlige hendelser evalueres, og tiltakene følges opp; mindre hendelser evalueres ikke.",
                              nullptr}},
};
// clang-format on

// Evidence that exists in the demo: catalogue documents and threat models, from a date on.
struct DemoEvidence {
    const char* principle;
    int from;  // index into kDates
    const char* kind;
    const char* id;
};
const DemoEvidence kEvidence[] = {
    {"1.1", 2, "document", "https://dokumenter.fellestjenester.example/svarut/arkitektur"},
    {"2.1", 3, "document", "https://dokumenter.fellestjenester.example/svarut/ros-4.2"},
    {"2.2", 1, "threat_model", "svarut"},
    {"2.2", 1, "threat_model", "fiks-folkeregister"},
    {"2.9", 2, "document", "https://dokumenter.fellestjenester.example/dokumentlager/ros"},
};

struct DemoDecision {
    const char* control;
    bool applicable;
    ControlStatus status;
    const char* justification;  // %1: the hosting provider (not applicable ones)
};
const DemoDecision kDecisions[] = {
    {"5.23", true, ControlStatus::Partial, "Tjenestene bruker skytjenester hos driftsleverandøren; kravene er avtalt, men ikke fulgt opp med revisjon."},
    {"7.5", false, ControlStatus::Unknown,
     "Tjenestene driftes i datasenteret til %1, som svarer for vern mot fysiske og miljømessige trusler etter driftsavtalen; fulgt opp som "
     "leverandørkontroll (5.19–5.22)."},
    {"7.7", true, ControlStatus::Implemented, "Gjelder våre egne kontorer: rutine for ryddig skrivebord og låst skjerm, kontrollert ved vernerunder."},
    {"7.8", false, ControlStatus::Unknown,
     "Serverne står i datasenteret til %1, som plasserer og beskytter utstyret etter driftsavtalen; fulgt opp som leverandørkontroll (5.19–5.22)."},
    {"7.11", false, ControlStatus::Unknown,
     "Strøm, kjøling og andre støttesystemer i datasenteret er ansvaret til %1 etter driftsavtalen; fulgt opp som leverandørkontroll (5.19–5.22)."},
    {"7.12", false, ControlStatus::Unknown,
     "Kablingen i datasenteret er ansvaret til %1 etter driftsavtalen; kontorene har ingen kabling for tjenestene."},
    {"8.13", true, ControlStatus::Partial, "Sikkerhetskopier tas daglig; gjenoppretting er testet for Dokumentlager, ikke for alle tjenestene."},
};

}  // namespace

Result<int> loadNsmDemo(Store& store) {
    const Session system{QStringLiteral("system:demo"), Role::Admin};
    const Session officer{QStringLiteral("sikkerhetsansvarlig"), Role::Sikkerhetsansvarlig};
    NsmService service(store);
    auto department = service.defaultDepartment(officer);
    if (!department) return department.error();
    auto hosts = OrganisationService(store).organisations(system, OrgKind::HostingProvider);
    if (!hosts) return hosts.error();
    const QString host = hosts->isEmpty() ? QStringLiteral("driftsleverandøren") : hosts->front().name;

    int recorded = 0;
    for (const DemoPrinciple& p : kPrinciples) {
        std::string rationale;
        for (std::size_t i = 0; i < kDates.size(); ++i) {
            if (p.rationale[i]) rationale = p.rationale[i];
            Assessment a;
            a.subject = p.id;
            a.scope.kind = AssessmentScope::Kind::Department;
            a.scope.key = department->toStdString();
            a.scale = "vakt-0-5";
            a.level = std::to_string(p.levels[i]);
            a.target = std::to_string(p.target);
            a.rationale = rationale;
            for (const DemoEvidence& e : kEvidence)
                if (std::string_view(e.principle) == p.id && static_cast<std::size_t>(e.from) <= i) a.evidence.push_back(EvidenceLink{e.kind, e.id});
            a.assessor = officer.username.toStdString();
            a.date = kDates[i];
            a.nextReview = i + 1 < kDates.size() ? kDates[i + 1] : kLastNextReview;
            auto id = service.assess(officer, std::move(a));
            if (!id) return fail("NSM demo, principle " + std::string(p.id) + " on " + kDates[i] + ": " + id.message(), id.kind());
            ++recorded;
        }
    }
    for (const DemoDecision& d : kDecisions) {
        QString justification = QString::fromUtf8(d.justification);
        if (justification.contains(QLatin1String("%1"))) justification = justification.arg(host);
        if (auto st = service.decideSoa(officer, SoaDecision{d.control, d.applicable, justification.toStdString(), d.status}); !st) return st.error();
    }
    return recorded;
}

}  // namespace vakt::nsm
