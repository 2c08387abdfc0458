// The demo platform's privileges: the operator's own administrators and service roles, three
// municipalities with population-register roles and integrations, two exports (so the history
// shows what changed), segregation-of-duties rules and an open campaign with some decisions.
#include "access/access_demo.h"

#include <QDate>
#include <algorithm>

#include "access/access_service.h"
#include "core/base/csv.h"
#include "core/civil_time.h"
#include "core/organisation_service.h"

namespace vakt::access {

namespace {
const QString kLeader = QStringLiteral("astrid.vold@fellestjenester.example");
const QString kOperatorDomain = QStringLiteral("@fellestjenester.example");

struct Row {
    QString holderType, holderId, email, name, orgnr, service, privilege, detail, area, holderArea, legalBasis;
    bool confidential = false;
    QString scopes, role, leader, grantedBy, grantedAt;
};

QByteArray csvOf(const QList<Row>& rows) {
    QString out = QStringLiteral(
        "holder_type,holder_id,holder_email,holder_name,orgnr,service,privilege,detail,service_area,holder_area,legal_basis,confidential,scopes,role,"
        "leader_email,granted_by,granted_at\n");
    for (const auto& r : rows) {
        std::vector<std::string> fields;
        for (const QString& f : {r.holderType, r.holderId, r.email, r.name, r.orgnr, r.service, r.privilege, r.detail, r.area, r.holderArea, r.legalBasis,
                                 r.confidential ? QStringLiteral("true") : QStringLiteral("false"), r.scopes, r.role, r.leader, r.grantedBy, r.grantedAt})
            fields.push_back(f.toStdString());
        out += QString::fromStdString(csv::formatRecord(fields));
    }
    return out.toUtf8();
}

Row person(const QString& email, const QString& orgnr, const QString& service, const QString& privilege, const QString& detail, const QString& role,
           const QString& leader, const QString& grantedAt) {
    Row r;
    r.holderType = QStringLiteral("person");
    r.email = email;
    r.orgnr = orgnr;
    r.service = service;
    r.privilege = privilege;
    r.detail = detail;
    r.role = role;
    r.leader = leader;
    r.grantedBy = leader;
    r.grantedAt = grantedAt;
    return r;
}

// Municipal staff the demo adds to the catalogue: the grants must name people it knows.
struct Staff {
    const char* first;
    const char* last;
    const char* title;
    const char* area;  // tjenesteområde
};
const Staff kStaff[] = {
    {"Kommunalsjef", "Oppvekst", "Kommunalsjef oppvekst", "barnevern"},  // the leader, first
    {"Sigrid", "Berge", "Saksbehandler barnevern", "barnevern"},
    {"Eirik", "Dale", "Saksbehandler barnevern", "barnevern"},
    {"Ragnhild", "Foss", "Saksbehandler barnevern", "barnevern"},
    {"Tor", "Haug", "Saksbehandler barnevern", "barnevern"},
    {"Solveig", "Lund", "Saksbehandler sosial", "sosial"},
    {"Knut", "Moe", "Arkivleder", "arkiv"},
    {"Anne", "Rud", "Saksbehandler barnevern", "barnevern"},
};
}  // namespace

Result<int> loadAccessDemo(Store& store) {
    const Session system{QStringLiteral("system:demo"), Role::Admin};
    const Session officer{QStringLiteral("sikkerhetsansvarlig"), Role::Sikkerhetsansvarlig};
    const Session leader{QStringLiteral("leder"), Role::Leder};
    OrganisationService orgs(store);
    auto operators = orgs.organisations(system, OrgKind::PlatformOperator);
    if (!operators) return operators.error();
    auto kommuner = orgs.organisations(system, OrgKind::Kommune);
    if (!kommuner) return kommuner.error();
    if (operators->isEmpty() || kommuner->size() < 3) return fail("the access demo needs the catalogue demo first", ErrorKind::Internal);
    const QString op = operators->front().orgnr;
    const QDate today = store.clock().now().toTimeZone(platformZone()).date();
    const QString lastYear = today.addYears(-1).toString(Qt::ISODate), longAgo = today.addYears(-3).toString(Qt::ISODate);

    QList<Row> rows;
    // The operator: administrators, service administrators and the service desk's privileges.
    auto staff = [&](const char* user, const QString& service, const char* privilege, const char* detail, const char* role, const QString& at) {
        rows << person(QString::fromUtf8(user) + kOperatorDomain, op, service, QString::fromUtf8(privilege), QString::fromUtf8(detail),
                       QString::fromUtf8(role), kLeader, at);
    };
    staff("astrid.vold", {}, "admin", "", "Avdelingsdirektør", longAgo);
    staff("kjetil.holm", {}, "admin", "", "Driftskoordinator", longAgo);
    staff("vegard.lien", {}, "admin", "", "Utvikler", longAgo);  // has left, still administrator
    staff("henrik.lunde", QStringLiteral("svarut"), "service_admin", "", "Teknisk leder", longAgo);
    staff("amalie.nilsen", QStringLiteral("fiks-folkeregister"), "service_admin", "", "Teknisk leder", lastYear);
    staff("sofie.haugen", QStringLiteral("svarut"), "service_admin", "", "Utvikler", lastYear);
    staff("jonas.berg", QStringLiteral("digisos"), "service_admin", "", "Utvikler", lastYear);
    staff("lars.eriksen", QStringLiteral("svarut"), "privilege", "deploy", "Utvikler", lastYear);
    staff("nora.johansen", QStringLiteral("svarut"), "privilege", "deploy", "Utvikler", lastYear);
    staff("magnus.hansen", QStringLiteral("svarut"), "privilege", "deploy", "Utvikler", lastYear);
    staff("emma.larsen", QStringLiteral("svarut"), "privilege", "deploy", "Utvikler", lastYear);
    staff("sofie.haugen", QStringLiteral("fiks-folkeregister"), "privilege", "prod-db-read", "Utvikler", lastYear);  // none of her peers has it
    for (const char* desk : {"marte.dahl", "ola.strand", "hanne.lie", "per.kristiansen", "silje.andersen"})
        staff(desk, QStringLiteral("svarut"), "privilege", "support:read-shipments", "Brukerstøtte", lastYear);
    staff("per.kristiansen", QStringLiteral("svarut"), "privilege", "support:resend-as-organisation", "Brukerstøtte", lastYear);
    staff("heidi.ronning", QStringLiteral("minside"), "privilege", "publish-notices", "Kommunikasjonsrådgiver", lastYear);
    // The largest three municipalities: staff with population-register roles, an administrator
    // and the case-handling system's integration.
    std::sort(kommuner->begin(), kommuner->end(), [](const Organisation& a, const Organisation& b) { return a.population > b.population; });
    int added = 0;
    for (int k = 0; k < 3; ++k) {
        const Organisation& kommune = (*kommuner)[k];
        const QString domain = QStringLiteral("@k%1.kommune.example").arg(kommune.kommunenummer);
        QString kommuneLeader;
        for (const auto& s : kStaff) {
            const QString email = (QString::fromUtf8(s.first) + QLatin1Char('.') + QString::fromUtf8(s.last)).toLower() + domain;
            Person p;
            p.name = QString::fromUtf8(s.first) + QLatin1Char(' ') + QString::fromUtf8(s.last);
            p.email = email;
            p.orgnr = kommune.orgnr;
            p.title = QString::fromUtf8(s.title);
            // One caseworker has left the municipality; the export still has her grants.
            p.employment = QString::fromUtf8(s.last) == QLatin1String("Rud") && k == 0 ? Employment::Left : Employment::Active;
            if (auto st = orgs.savePerson(system, p); !st) return st.error();
            ++added;
            if (kommuneLeader.isEmpty()) {
                kommuneLeader = email;
                rows << person(email, kommune.orgnr, {}, QStringLiteral("admin"), {}, p.title, {}, longAgo);
                continue;
            }
            Row r = person(email, kommune.orgnr, QStringLiteral("fiks-folkeregister"), QStringLiteral("folkeregister_role"),
                           QString::fromUtf8(s.area) == QLatin1String("sosial") ? QStringLiteral("Sosialtjeneste") : QStringLiteral("Barnevern"), p.title,
                           kommuneLeader, lastYear);
            r.area = QString::fromUtf8(s.area) == QLatin1String("arkiv") ? QStringLiteral("barnevern") : QString::fromUtf8(s.area);
            r.holderArea = QString::fromUtf8(s.area);
            r.confidential = true;
            r.legalBasis = QString::fromUtf8(s.area) == QLatin1String("sosial") ? QStringLiteral("Sosialtjenesteloven § 43") : QStringLiteral("Barnevernsloven § 13-4");
            if (QString::fromUtf8(s.last) == QLatin1String("Haug")) r.legalBasis.clear();  // confidential data without a legal basis
            rows << r;
            if (QString::fromUtf8(s.last) == QLatin1String("Berge"))
                rows << person(email, kommune.orgnr, QStringLiteral("svarut"), QStringLiteral("privilege"), QStringLiteral("send:oppvekst"), p.title, kommuneLeader,
                               lastYear);
        }
        // The kommunalsjef is also administrator: with a register role that would break the rules.
        if (k == 1) {
            Row r = person(kommuneLeader, kommune.orgnr, QStringLiteral("fiks-folkeregister"), QStringLiteral("folkeregister_role"), QStringLiteral("Barnevern"),
                           QStringLiteral("Kommunalsjef oppvekst"), {}, lastYear);
            r.area = r.holderArea = QStringLiteral("barnevern");
            r.confidential = true;
            r.legalBasis = QStringLiteral("Barnevernsloven § 13-4");
            rows << r;
        }
        Row integration;
        integration.holderType = QStringLiteral("integration");
        integration.holderId = QStringLiteral("fagsystem-%1").arg(kommune.kommunenummer);
        integration.name = QStringLiteral("Sak- og arkivsystem");
        integration.orgnr = kommune.orgnr;
        integration.service = QStringLiteral("svarut");
        integration.privilege = QStringLiteral("privilege");
        integration.detail = QStringLiteral("send:*");
        integration.scopes = k == 2 ? QStringLiteral("svarut.send;svarut.receive;fiks-arkiv.write;fiks-arkiv.read;fiks-io.send;fiks-io.receive")
                                    : QStringLiteral("svarut.send;svarut.receive");
        integration.grantedBy = kommuneLeader;
        integration.grantedAt = longAgo;
        rows << integration;
    }

    AccessService access(store);
    // Last half-year's export: before two developers got more and a caseworker's role moved.
    QList<Row> earlier;
    for (const auto& r : rows)
        if (r.detail != QLatin1String("prod-db-read") && r.detail != QLatin1String("support:resend-as-organisation")) earlier << r;
    for (auto& r : earlier)
        if (r.email.startsWith(QLatin1String("solveig.lund"))) r.role = QStringLiteral("Saksbehandler barnevern");
    if (auto report = access.importGrants(officer, QStringLiteral("konfigurasjon-forrige-halvår.csv"), csvOf(earlier), nullptr); !report) return report.error();
    if (auto report = access.importGrants(officer, QStringLiteral("konfigurasjon.csv"), csvOf(rows), nullptr); !report) return report.error();
    if (auto st = access.setSodRules(officer, QStringLiteral("rules:\n"
                                                            "  - id: admin-og-folkeregister\n"
                                                            "    name: Administrator skal ikke også ha folkeregisterrolle\n"
                                                            "    same_organisation: true\n"
                                                            "    conflicting:\n"
                                                            "      - {privilege: admin}\n"
                                                            "      - {privilege: folkeregister_role}\n"
                                                            "  - id: utrulling-og-produksjonsdata\n"
                                                            "    name: Den som ruller ut skal ikke lese produksjonsdata\n"
                                                            "    conflicting:\n"
                                                            "      - {privilege: service_admin}\n"
                                                            "      - {detail: prod-db-read}\n"));
        !st)
        return st.error();
    CampaignSpec spec;
    spec.name = QStringLiteral("Halvårlig tilgangsgjennomgang");
    spec.mode = Mode::Full;
    spec.reviewers = {ReviewerRule{ReviewerRule::Kind::Leader, {}}, ReviewerRule{ReviewerRule::Kind::ServiceOwner, {}}};
    spec.due = today.addDays(14);
    spec.reminderDays = 7;
    spec.unanswered = QString::fromLatin1(Unanswered::Escalate.data());
    auto campaign = access.createCampaign(officer, spec);
    if (!campaign) return campaign.error();
    // The department head has begun: the leaver's administrator role goes, two are kept.
    auto mine = access.myItems(leader, *campaign, true);
    if (!mine) return mine.error();
    int decided = 0;
    for (const auto& item : *mine) {
        if (decided >= 3) break;
        const QString email = QString::fromStdString(item.grant.holderEmail);
        const bool leaver = email.startsWith(QLatin1String("vegard.lien"));
        const bool keep = email.startsWith(QLatin1String("lars.eriksen")) || email.startsWith(QLatin1String("nora.johansen"));
        if (!leaver && !keep) continue;
        if (auto st = access.decide(leader, *campaign, item.number, leaver ? QStringLiteral("revoke") : QStringLiteral("keep"),
                                    leaver ? QStringLiteral("Sluttet i oktober") : QStringLiteral("Ruller ut SvarUt i sitt team"));
            !st)
            return st.error();
        ++decided;
    }
    return added;
}

}  // namespace vakt::access
