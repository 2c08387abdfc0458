#include "changes/change_demo.h"

#include "changes/change_board.h"
#include "core/civil_time.h"

namespace vakt::changes {

namespace {
struct DemoChange {
    const char* title;
    const char* origin;
    const char* category;
    const char* targets;    // comma separated
    int dayOffset;          // from today
    int startHour, hours;   // Norwegian time
    const char* stride;     // "" = not assessed yet
    int likelihood, consequence;
    bool securityRelevant;
    const char* freezeReason;
};

// What waits for this week's board: overlapping work on SvarUt and the document store it depends
// on, a security-relevant certificate change the officer must approve, an emergency patch in the
// year-end freeze, and ordinary maintenance.
const DemoChange kWaiting[] = {
    {"Oppgradere PostgreSQL i dokumentlageret til 16", "maintenance", "normal", "dokumentlager", 6, 20, 3, "TD", 2, 4, false, ""},
    {"Ny versjon av SvarUt-mottak med endret kø", "project", "normal", "svarut", 6, 21, 2, "D", 2, 3, false, ""},
    {"Bytte TLS-sertifikat og chiffre for Fiks IO", "operations", "normal", "fiks-io", 7, 19, 1, "STI", 2, 5, true, ""},
    {"Ny tilgangsstyring for saksbehandlere i DigiSos", "project", "normal", "digisos", 8, 18, 4, "SIE", 3, 5, true, ""},
    {"Flytte Min side til ny klynge hos driftsleverandøren", "operations", "normal", "minside", 9, 20, 4, "", 0, 0, false, ""},
};

// Decided last week, in the minutes.
const DemoChange kDecided[] = {
    {"Oppdatere Fiks folkeregister-adapteren", "maintenance", "normal", "fiks-folkeregister", -5, 20, 2, "T", 2, 3, false, ""},
    {"Nytt utskriftsoppsett i Print", "service_desk", "normal", "print", 3, 19, 1, "D", 1, 2, false, ""},
};
}  // namespace

Result<int> loadChangeDemo(Store& store) {
    const Session board{QStringLiteral("endringsrad"), Role::Endringsrad};
    const Session officer{QStringLiteral("sikkerhetsansvarlig"), Role::Sikkerhetsansvarlig};
    const Session desk{QStringLiteral("brukerstotte"), Role::Brukerstotte};
    ChangeBoard changes(store);
    const QDateTime now = store.clock().now();
    const QDate today = now.toTimeZone(platformZone()).date();
    auto at = [&](int day, int hour) { return QDateTime(today.addDays(day), QTime(hour, 0), platformZone()).toUTC(); };

    if (auto s = changes.saveTemplate(board, StandardTemplate{QStringLiteral("tls-fornyelse"), QStringLiteral("Fornye TLS-sertifikat (samme nøkkeltype)"),
                                                              QStringLiteral("Automatisk fornyelse hos driftsleverandøren, kontrollert etterpå."),
                                                              QStringLiteral("Legg tilbake forrige sertifikat fra hvelvet."), {QStringLiteral("svarut")}});
        !s)
        return s.error();
    // Year-end: nothing but emergencies from 20 December to 3 January; the tax season freezes
    // Fiks folkeregister through March and April.
    const int year = today.month() == 1 ? today.year() - 1 : today.year();
    const QDateTime yearEnd(QDate(year, 12, 20), QTime(0, 0), platformZone());
    if (auto id = changes.addFreeze(board, Freeze{0, QStringLiteral("Årsskifte"), QStringLiteral("all"), {}, yearEnd.toUTC(),
                                                  QDateTime(QDate(year + 1, 1, 4), QTime(0, 0), platformZone()).toUTC(),
                                                  QStringLiteral("Kommunenes årsoppgjør"), {}});
        !id)
        return id.error();
    if (auto id = changes.addFreeze(board, Freeze{0, QStringLiteral("Skattesesong"), QStringLiteral("services"), {QStringLiteral("fiks-folkeregister")},
                                                  QDateTime(QDate(year + 1, 3, 1), QTime(0, 0), platformZone()).toUTC(),
                                                  QDateTime(QDate(year + 1, 5, 1), QTime(0, 0), platformZone()).toUTC(),
                                                  QStringLiteral("Skattemeldingen: høy last på folkeregisteroppslag"), {}});
        !id)
        return id.error();
    if (auto id = changes.raiseItem(officer, QStringLiteral("security"), QStringLiteral("Utfasing av TLS 1.2 hos alle integrasjoner innen 1. juni")); !id)
        return id.error();
    if (auto id = changes.raiseItem(board, QStringLiteral("architecture"), QStringLiteral("Felles køløsning for Fiks IO og SvarUt")); !id) return id.error();

    int n = 0;
    auto add = [&](const DemoChange& d, const Session& who) -> Result<QString> {
        NewChange c;
        c.title = QString::fromUtf8(d.title);
        c.origin = QString::fromUtf8(d.origin);
        c.category = QString::fromUtf8(d.category);
        c.targets = QString::fromUtf8(d.targets).split(QLatin1Char(','));
        c.windowStart = at(d.dayOffset, d.startHour);
        c.windowEnd = c.windowStart.addSecs(3600LL * d.hours);
        c.rollbackPlan = QStringLiteral("Rull tilbake til forrige versjon fra siste øyeblikksbilde; varsle brukerstøtte.");
        c.freezeReason = QString::fromUtf8(d.freezeReason);
        auto ref = changes.add(who, c);
        if (!ref) return ref.error();
        ++n;
        if (*d.stride) {
            if (auto s = changes.assess(officer, *ref, SecurityAssessment{QString::fromUtf8(d.stride), d.likelihood, d.consequence, d.securityRelevant, {}}); !s)
                return s.error();
        }
        return ref;
    };
    // Last week's meeting: both approved, one carried out and reviewed.
    QStringList decided;
    for (const auto& d : kDecided) {
        auto ref = add(d, desk);
        if (!ref) return ref.error();
        decided << *ref;
    }
    auto last = changes.openMeeting(board, at(-7, 10), 3);
    if (!last) return last.error();
    if (auto s = changes.setAttendees(board, *last, {QStringLiteral("endringsrad"), QStringLiteral("sikkerhetsansvarlig"), QStringLiteral("produktansvarlig"),
                                                     QStringLiteral("brukerstotte")});
        !s)
        return s.error();
    auto m = changes.meeting(board, *last);
    if (!m) return m.error();
    for (const auto& item : m->items) {
        const bool change = item.kind == QLatin1String("change");
        if (auto s = changes.decideItem(board, *last, item.position, change ? Decision::Approve : QStringLiteral("noted"),
                                        change ? QStringLiteral("Brukerstøtte varsles dagen før") : QString(), {});
            !s)
            return s.error();
    }
    if (auto s = changes.closeMeeting(board, *last); !s) return s.error();
    if (auto s = changes.implement(desk, decided[0], at(-5, 22)); !s) return s.error();
    if (auto s = changes.review(desk, decided[0], QStringLiteral("success"), QStringLiteral("Gikk som planlagt; ingen henvendelser etterpå"), {}); !s)
        return s.error();
    if (auto s = changes.schedule(desk, decided[1], at(3, 19), at(3, 20)); !s) return s.error();

    // This week's: waiting for the board.
    for (const auto& d : kWaiting)
        if (auto ref = add(d, desk); !ref) return ref.error();
    // A standard change from the template, approved by it.
    NewChange renewal;
    renewal.title = QStringLiteral("Fornye SvarUt-sertifikatet");
    renewal.category = ChangeCategory::Standard;
    renewal.templateKey = QStringLiteral("tls-fornyelse");
    renewal.windowStart = at(7, 7);
    renewal.windowEnd = at(7, 8);
    if (auto ref = changes.add(desk, renewal); !ref) return ref.error();
    ++n;
    return n;
}

}  // namespace vakt::changes
