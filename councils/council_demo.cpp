#include "councils/council_demo.h"

#include <QStringList>
#include <algorithm>
#include <iterator>

#include "core/civil_time.h"
#include "core/domain.h"
#include "core/incidents.h"
#include "core/organisation_service.h"
#include "councils/council_rules.h"
#include "councils/council_service.h"

namespace vakt::councils {

namespace {
// Fictional representatives; each municipality sends the same person to every meeting of a service.
const char* const kPeople[] = {"Kari Haugen",  "Per Johansen", "Ingrid Lunde", "Ole Martinsen", "Sigrid Aas",   "Lars Eide",    "Hilde Strand",
                               "Jonas Rønning", "Marit Foss",   "Anders Vik",   "Silje Nilsen",  "Terje Moe",    "Camilla Berg", "Geir Solberg",
                               "Heidi Lien",    "Morten Dahl",  "Nina Aasen",   "Bjørn Sæther",  "Tone Kvam",    "Even Holm"};
const char* const kTitles[] = {"arkivleder", "rådgiver digitalisering", "fagleder dokumentsenter", "IKT-koordinator", "seniorrådgiver"};

struct Municipality {
    QString orgnr, name;
    qint64 population = 0;
};

struct Representative {
    QString name, email, title;
};

// Lower-case ASCII for an address: æ ø å as ae o a, anything else that is not a letter or a
// digit as `gap`.
QString ascii(const QString& text, QChar gap) {
    QString out;
    for (const QChar c : text.toLower()) {
        if (c == QChar(0xE6))
            out += QStringLiteral("ae");
        else if (c == QChar(0xF8))
            out += QLatin1Char('o');
        else if (c == QChar(0xE5))
            out += QLatin1Char('a');
        else if ((c >= QLatin1Char('a') && c <= QLatin1Char('z')) || (c >= QLatin1Char('0') && c <= QLatin1Char('9')))
            out += c;
        else if (!out.isEmpty() && !out.endsWith(gap))
            out += gap;
    }
    while (out.endsWith(gap)) out.chop(1);
    return out;
}

Representative representative(const Municipality& m, int seed) {
    const QString name = QString::fromUtf8(kPeople[seed % int(std::size(kPeople))]);
    const QString first = name.section(QLatin1Char(' '), 0, 0), last = name.section(QLatin1Char(' '), 1);
    QString place = m.name;
    place.remove(QStringLiteral(" kommune"));
    return Representative{name, ascii(first, QLatin1Char('.')) + QLatin1Char('.') + ascii(last, QLatin1Char('.')) + QLatin1Char('@') +
                                    ascii(place, QLatin1Char('-')) + QStringLiteral(".kommune.example"),
                          QString::fromUtf8(kTitles[seed % int(std::size(kTitles))])};
}

// A weekday: meetings are not held at weekends.
QDate weekday(QDate day) {
    while (day.dayOfWeek() > 5) day = day.addDays(1);
    return day;
}

QDateTime at(const QDate& day, int hour) { return QDateTime(day, QTime(hour, 0), platformZone()).toUTC(); }

QString quarterText(const QDate& day, int ahead) {
    const rules::Day d{std::chrono::year{day.year()} / std::chrono::month{unsigned(day.month())} / std::chrono::day{unsigned(day.day())}};
    return QString::fromStdString(rules::formatQuarter(rules::addQuarters(rules::quarterOf(d), ahead)));
}

struct DemoRequest {
    const char* service;
    const char* title;
    const char* description;
    int from;              // the service's municipality by size; -1: the service-desk case below
    const char* deskCase;  // the title of the desk demo's case it came from
    const char* status;
    int quartersAhead;  // for accepted, planned and delivered
    const char* response;
};

const DemoRequest kRequests[] = {
    {"svarut", "Varsel til avsender når mottakeren ikke har åpnet forsendelsen",
     "Etter fem virkedager uten åpning bør avsender få beskjed, så brevet kan sendes på papir i tide.", 0, "", "accepted", 1,
     "Akseptert: passer med arbeidet på den nye varslingstjenesten. Kvartalet bekreftes når kapasiteten er avklart."},
    {"svarut", "Støtte for vedlegg over 50 MB", "Byggesaker med store tegninger avvises i dag og må deles opp i flere forsendelser.", -1,
     "Vedlegg over 50 MB avvises i SvarUt", "planned", 1, "Planlagt: grensen heves til 200 MB når lagringen er flyttet til ny plattform."},
    {"svarut", "Bedre søk i sendte forsendelser", "Søk på mottaker, saksnummer og dato i samme søk, og lagre søk som brukes ofte.", 1, "", "planned", 2,
     "Planlagt sammen med ny versjon av portalen."},
    {"svarut", "Trekke tilbake en forsendelse som ikke er åpnet", "Feilsendte brev bør kunne trekkes tilbake før mottakeren har åpnet dem.", 2, "",
     "planned", 3, "Planlagt; mottakssystemene må endres og varsles i god tid."},
    {"svarut", "Eksport av forsendelseslogg til arkivsystemet", "Loggen over sendte og mottatte forsendelser bør kunne arkiveres sammen med saken.", 6, "",
     "under_review", 0, "Vurderes sammen med arkivleverandørene før neste brukerrådsmøte."},
    {"svarut", "Mørk modus i SvarUt-portalen", "Flere saksbehandlere ønsker mørk modus.", 7, "", "rejected", 0,
     "Avvist for nå: portalen følger det felles designsystemet, som får mørk modus til neste år."},
    {"svarut", "Statistikk over forsendelser per avdeling", "Antall forsendelser og andel åpnet per avdeling og måned.", 8, "", "received", 0, ""},
    {"svarut", "Kvittering for mottatt forsendelse som PDF", "Mottakeren vil arkivere kvitteringen sammen med forsendelsen.", 3, "", "delivered", 0,
     "Levert i siste versjon."},
    {"fiks-folkeregister", "Varsel når en innbygger flytter ut av kommunen", "Kommunen vil vite om flyttinger ut, ikke bare inn.", 0, "", "planned", 1,
     "Planlagt: abonnement på flyttehendelser kommer i neste versjon."},
    {"fiks-folkeregister", "Oppslag på historiske adresser", "Saksbehandlere trenger adressehistorikk i barnevern- og skattesaker.", 1, "", "accepted", 2,
     "Akseptert: krever avklaring av hjemmel for hvert fagområde."},
    {"fiks-folkeregister", "Raskere svar på oppslag i store uttrekk", "Store uttrekk tar over fem sekunder per oppslag i perioder.", -1,
     "Treg respons i Fiks folkeregister", "planned", 3, "Planlagt: ny mellomlagring av oppslag og parallelle kall."},
    {"fiks-folkeregister", "Tilgang til sperrede adresser for barnevernet", "Barnevernet ber om å se sperrede adresser direkte.", 4, "", "rejected", 0,
     "Avvist: sperrede adresser utleveres bare etter særskilt vedtak, ikke gjennom oppslagstjenesten."},
};

// Monthly council meetings, oldest first: (agenda, minutes).
const char* const kSvarUtMeetings[][2] = {
    {"1. Referat fra forrige møte\n2. Status for ny mottaksflyt\n3. Gjennomgang av nye endringsønsker",
     "Mottaksflyten er testet hos to kommuner uten funn. Rådet ba om at store vedlegg prioriteres høyt."},
    {"1. Referat fra forrige møte\n2. Forslag til veikart for neste halvår\n3. Eventuelt",
     "Produktansvarlig la fram utkast til veikart. Rådet støttet rekkefølgen, med søk i sendte forsendelser før tilbaketrekking."},
    {"1. Referat fra forrige møte\n2. Driftsavvik i SvarUt i forrige måned\n3. Poengrunde for prioritering",
     "Brukerstøtte orienterte om avviket og tiltakene. Poengrunden åpnes før neste møte; hvert medlem har 10 poeng."},
    {"1. Referat fra forrige møte\n2. Resultat av poengrunden\n3. Valg på brukermøtet: tre perioder går ut",
     "Rådet gikk gjennom poengene. Tre medlemmer har perioder som går ut; kommunene oppfordres til å stille kandidater på brukermøtet."},
};
const char* const kFolkeregisterMeetings[][2] = {
    {"1. Konstituering\n2. Arbeidsform og møteplan\n3. Innkomne endringsønsker",
     "Rådet møtes månedlig på Teams. Endringsønskene ble gjennomgått, og produktansvarlig svarer innen neste møte."},
    {"1. Referat fra forrige møte\n2. Skattesesongen og last på oppslag\n3. Veikart",
     "Driftsleverandøren forbereder økt kapasitet før skattesesongen. Rådet støttet veikartet."},
};
}  // namespace

Result<int> loadCouncilDemo(Store& store) {
    const Session po{QStringLiteral("produktansvarlig"), Role::Produktansvarlig};
    const Session desk{QStringLiteral("brukerstotte"), Role::Brukerstotte};
    CouncilService council(store);
    const QDateTime now = store.clock().now();
    const QDate today = now.toTimeZone(platformZone()).date();

    OrganisationService orgs(store);
    auto kommuner = orgs.organisations(po, OrgKind::Kommune);
    if (!kommuner) return kommuner.error();
    auto agreements = orgs.agreements(po);
    if (!agreements) return agreements.error();
    QList<Municipality> bySize;
    for (const auto& k : *kommuner) bySize << Municipality{k.orgnr, k.name, k.population};
    std::stable_sort(bySize.begin(), bySize.end(), [](const Municipality& a, const Municipality& b) { return a.population > b.population; });
    // The largest municipalities with an agreement for the service in force on `day`.
    auto largestWith = [&](const QString& service, const QDate& day, int n) -> Result<QList<Municipality>> {
        QList<Municipality> out;
        for (const auto& m : bySize) {
            const bool agreed = std::any_of(agreements->begin(), agreements->end(), [&](const Agreement& a) {
                return a.orgnr == m.orgnr && a.serviceKey == service && a.since.isValid() && a.since <= day && (!a.until.isValid() || a.until >= day);
            });
            if (agreed) out << m;
            if (out.size() == n) return out;
        }
        return fail("councils demo: fewer than " + std::to_string(n) + " municipalities have an agreement for " + service.toStdString(), ErrorKind::Internal);
    };

    // A user meeting held on `day`: planned, everyone with an agreement invited, the municipalities
    // present, the minutes.
    auto userMeeting = [&](const QString& service, const QDate& day, const QString& place, const QString& agenda, const QString& minutes,
                           const QList<Municipality>& present, const QList<int>& seeds) -> Result<qint64> {
        NewMeeting m;
        m.serviceKey = service;
        m.kind = MeetingKind::UserMeeting;
        m.heldAt = at(day, 10);
        m.place = place;
        m.agenda = agenda;
        auto id = council.planMeeting(po, m);
        if (!id) return id.error();
        if (auto invited = council.inviteAll(po, *id); !invited) return invited.error();
        QList<Attendance> attendance;
        for (qsizetype i = 0; i < present.size(); ++i) {
            const Representative r = representative(present[i], seeds[i]);
            attendance << Attendance{present[i].orgnr, present[i].name, r.name + QStringLiteral(" (") + r.title + QLatin1Char(')')};
        }
        if (auto st = council.setAttendance(po, *id, attendance); !st) return st.error();
        if (auto st = council.recordNotes(po, *id, MeetingNotes{agenda, minutes, {}}); !st) return st.error();
        return *id;
    };
    auto candidate = [](const Municipality& m, int seed, int months) {
        const Representative r = representative(m, seed);
        return Candidate{r.email, r.name, m.orgnr, months};
    };
    // Council meetings on the given days; those not after today are held, with minutes and the
    // members then sitting present (but one, now and then).
    auto councilMeeting = [&](const QString& service, const QDate& day, const QString& agenda, const QString& minutes, int absent) -> Status {
        NewMeeting m;
        m.serviceKey = service;
        m.kind = MeetingKind::CouncilMeeting;
        m.heldAt = at(day, 13);
        m.place = QStringLiteral("Teams");
        m.agenda = agenda;
        auto id = council.planMeeting(po, m);
        if (!id) return id.error();
        if (minutes.isEmpty()) return {};
        auto everyone = council.members(po, service, true);
        if (!everyone) return everyone.error();
        QStringList present;
        for (const auto& member : *everyone)
            if (member.activeOn(day)) present << member.email;
        if (absent >= 0 && absent < present.size()) present.removeAt(absent);
        return council.recordNotes(po, *id, MeetingNotes{agenda, minutes, present});
    };

    // ---- SvarUt: elected at two user meetings; three terms from the first run out within weeks.
    const QString svarut = QStringLiteral("svarut");
    const QDate first = weekday(today.addMonths(-23)), second = weekday(today.addMonths(-10));
    auto svarutMunicipalities = largestWith(svarut, first, 11);
    if (!svarutMunicipalities) return svarutMunicipalities.error();
    const QList<Municipality>& s = *svarutMunicipalities;
    auto firstMeeting = userMeeting(svarut, first, QStringLiteral("KS-huset, Oslo"),
                                    QStringLiteral("1. Åpning\n2. Året som gikk i SvarUt\n3. Veikart\n4. Valg av brukerråd"),
                                    QStringLiteral("Produktansvarlig gikk gjennom året og veikartet. Brukerråd ble valgt: tre medlemmer for to år og tre for ett år, "
                                                   "så ikke alle går ut samtidig."),
                                    s.mid(0, 9), {0, 1, 2, 3, 4, 5, 6, 7, 8});
    if (!firstMeeting) return firstMeeting.error();
    QList<Candidate> elected;
    for (int i = 0; i < 3; ++i) elected << candidate(s[i], i, 24);
    for (int i = 3; i < 6; ++i) elected << candidate(s[i], i, 12);
    if (auto st = council.elect(po, *firstMeeting, elected); !st) return st.error();
    auto secondMeeting = userMeeting(svarut, second, QStringLiteral("Digitalt (Teams)"),
                                     QStringLiteral("1. Åpning\n2. Status for endringsønskene\n3. Valg av tre medlemmer til brukerrådet"),
                                     QStringLiteral("Tre medlemmer var på valg. Tre nye ble valgt for to år."),
                                     QList<Municipality>{s[0], s[1], s[2], s[6], s[7], s[8], s[9], s[10]}, {0, 1, 2, 6, 7, 8, 9, 10});
    if (!secondMeeting) return secondMeeting.error();
    elected.clear();
    for (int i = 6; i < 9; ++i) elected << candidate(s[i], i, 24);
    if (auto st = council.elect(po, *secondMeeting, elected); !st) return st.error();
    // The next user meeting is called before the three terms run out.
    NewMeeting next;
    next.serviceKey = svarut;
    next.kind = MeetingKind::UserMeeting;
    next.heldAt = at(weekday(today.addDays(25)), 10);
    next.place = QStringLiteral("KS-huset, Oslo");
    next.agenda = QStringLiteral("1. Åpning\n2. Veikart for neste år\n3. Valg av tre medlemmer til brukerrådet");
    auto nextMeeting = council.planMeeting(po, next);
    if (!nextMeeting) return nextMeeting.error();
    if (auto invited = council.inviteAll(po, *nextMeeting); !invited) return invited.error();

    // ---- Fiks folkeregister: elected three months ago; one member has since left.
    const QString folkeregister = QStringLiteral("fiks-folkeregister");
    const QDate registerDay = weekday(today.addMonths(-3));
    auto registerMunicipalities = largestWith(folkeregister, registerDay, 8);
    if (!registerMunicipalities) return registerMunicipalities.error();
    const QList<Municipality>& f = *registerMunicipalities;
    QList<int> seeds;
    for (int i = 0; i < 8; ++i) seeds << i + 7;
    auto registerMeeting = userMeeting(folkeregister, registerDay, QStringLiteral("Digitalt (Teams)"),
                                       QStringLiteral("1. Åpning\n2. Fiks folkeregister i kommunene\n3. Valg av brukerråd"),
                                       QStringLiteral("Første brukermøte for Fiks folkeregister. Seks medlemmer ble valgt for to år."), f, seeds);
    if (!registerMeeting) return registerMeeting.error();
    elected.clear();
    for (int i = 0; i < 6; ++i) elected << candidate(f[i], i + 7, 24);
    if (auto st = council.elect(po, *registerMeeting, elected); !st) return st.error();
    auto registerCouncil = council.members(po, folkeregister);
    if (!registerCouncil) return registerCouncil.error();
    const QString leaving = representative(f[2], 9).email;
    for (const auto& m : *registerCouncil)
        if (m.email == leaving)
            if (auto st = council.endMembership(po, m.id, today.addDays(-20), QStringLiteral("Har sluttet i kommunen")); !st) return st.error();

    // ---- Monthly council meetings, and the next one of each.
    for (int i = 0; i < 4; ++i)
        if (auto st = councilMeeting(svarut, weekday(today.addMonths(i - 4)), QString::fromUtf8(kSvarUtMeetings[i][0]), QString::fromUtf8(kSvarUtMeetings[i][1]),
                                     i % 2 == 0 ? -1 : i);
            !st)
            return st.error();
    if (auto st = councilMeeting(svarut, weekday(today.addDays(14)),
                                 QStringLiteral("1. Referat fra forrige møte\n2. Forberedelse av brukermøtet\n3. Veikart for neste år"), {}, -1);
        !st)
        return st.error();
    for (int i = 0; i < 2; ++i)
        if (auto st = councilMeeting(folkeregister, weekday(today.addMonths(i - 2)), QString::fromUtf8(kFolkeregisterMeetings[i][0]),
                                     QString::fromUtf8(kFolkeregisterMeetings[i][1]), i == 0 ? -1 : 1);
            !st)
            return st.error();
    if (auto st = councilMeeting(folkeregister, weekday(today.addDays(10)), QStringLiteral("1. Referat fra forrige møte\n2. Suppleringsvalg\n3. Eventuelt"), {}, -1);
        !st)
        return st.error();

    // ---- Change requests, the product owner's responses, and the council's points.
    int n = 0;
    for (const auto& d : kRequests) {
        const QString service = QString::fromUtf8(d.service);
        const QList<Municipality>& list = service == svarut ? s : f;
        NewRequest r;
        r.serviceKey = service;
        r.title = QString::fromUtf8(d.title);
        r.description = QString::fromUtf8(d.description);
        Session who = po;
        if (d.from < 0) {
            IncidentFilter filter;
            filter.service = service;
            filter.text = QString::fromUtf8(d.deskCase);
            auto cases = IncidentStore(store).query(po, filter, 0, 5);
            if (!cases) return cases.error();
            if (!cases->isEmpty()) {
                r.deskCase = cases->front().id;
                who = desk;  // the service desk brings what came in as a case
            }
            // A case without a reporting organisation: the largest municipality asked as well.
            if (cases->isEmpty() || cases->front().reporterOrgnr.isEmpty()) r.fromOrgnr = list[0].orgnr;
        } else {
            r.fromOrgnr = list[d.from].orgnr;
        }
        auto ref = council.submit(who, r);
        if (!ref) return ref.error();
        ++n;
        const QString target = QString::fromUtf8(d.status);
        const QString response = QString::fromUtf8(d.response);
        QStringList steps;  // the statuses it passes through
        if (target == RequestStatus::UnderReview) steps << RequestStatus::UnderReview;
        if (target == RequestStatus::Rejected) steps << RequestStatus::Rejected;
        if (target == RequestStatus::Accepted || target == RequestStatus::Planned || target == RequestStatus::Delivered) steps << RequestStatus::Accepted;
        if (target == RequestStatus::Planned || target == RequestStatus::Delivered) steps << RequestStatus::Planned;
        if (target == RequestStatus::Delivered) steps << RequestStatus::Delivered;
        for (const auto& step : steps) {
            Response answer;
            answer.status = step;
            answer.response = response;
            if (step != RequestStatus::UnderReview && step != RequestStatus::Rejected) answer.quarter = quarterText(today, d.quartersAhead);
            if (auto st = council.respond(po, *ref, answer); !st) return st.error();
        }
    }
    for (const QString& service : {svarut, folkeregister}) {
        const int month = today.month();
        const QString season = month <= 6 ? QStringLiteral("våren") : QStringLiteral("høsten");
        auto round = council.openRound(po, service, QStringLiteral("Prioritering %1 %2").arg(season).arg(today.year()), 10);
        if (!round) return round.error();
        auto all = council.requests(po, service);
        if (!all) return all.error();
        QStringList open;
        for (const auto& c : *all)
            if (RequestStatus::open(c.status)) open << c.ref;
        std::sort(open.begin(), open.end());
        auto sitting = council.members(po, service);
        if (!sitting) return sitting.error();
        const int shares[] = {4, 3, 2, 1};
        for (qsizetype k = 0; k < sitting->size(); ++k) {
            QMap<QString, int> points;
            for (qsizetype j = 0; j < std::min<qsizetype>(4, open.size()); ++j) points.insert(open[(k + j) % open.size()], shares[j]);
            if (auto st = council.givePoints(po, *round, (*sitting)[k].email, points); !st) return st.error();
        }
    }
    return n;
}

}  // namespace vakt::councils
