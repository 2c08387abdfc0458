// The council for the product owner's files and the council itself: JSON with everything, the
// change requests as CSV for a spreadsheet, and one HTML document (reports::Document) with the
// members and their terms, the warnings, the requests with points and responses, the roadmap by
// quarter and the meetings with their minutes.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <string_view>

#include "core/base/csv.h"
#include "core/civil_time.h"
#include "core/field_checks.h"
#include "core/stored_time.h"
#include "councils/council_service.h"
#include "reports/document.h"

namespace vakt::councils {

namespace {
using stored::iso;

std::string utf8(const QString& text) { return text.toStdString(); }
QString isoOrEmpty(const QDateTime& t) { return t.isValid() ? iso(t) : QString(); }
QString dateText(const QDate& d) { return d.isValid() ? d.toString(Qt::ISODate) : QString(); }
QString localDay(const QDate& d) { return d.isValid() ? d.toString(QStringLiteral("dd.MM.yyyy")) : QStringLiteral("–"); }
QString localTime(const QDateTime& t) {
    return t.isValid() ? t.toTimeZone(platformZone()).toString(QStringLiteral("dd.MM.yyyy HH:mm")) : QStringLiteral("–");
}

// The documents are Norwegian, as the change board's minutes are; the desktop translates its own.
QString statusNb(const QString& s) {
    if (s == RequestStatus::Received) return QStringLiteral("Mottatt");
    if (s == RequestStatus::UnderReview) return QStringLiteral("Under vurdering");
    if (s == RequestStatus::Accepted) return QStringLiteral("Akseptert");
    if (s == RequestStatus::Planned) return QStringLiteral("Planlagt");
    if (s == RequestStatus::Delivered) return QStringLiteral("Levert");
    if (s == RequestStatus::Rejected) return QStringLiteral("Avvist");
    return s;
}
QString kindNb(const QString& k) { return k == MeetingKind::UserMeeting ? QStringLiteral("Brukermøte") : QStringLiteral("Brukerrådsmøte"); }
QString meetingStateNb(const QString& s) {
    if (s == MeetingState::Planned) return QStringLiteral("Planlagt");
    if (s == MeetingState::Held) return QStringLiteral("Holdt");
    if (s == MeetingState::Cancelled) return QStringLiteral("Avlyst");
    return s;
}

QString warningNb(const HealthWarning& w) {
    if (w.kind == WarningKind::BelowMinimum) return QStringLiteral("Brukerrådet har %1 medlemmer; det skal ha minst 5.").arg(w.count);
    if (w.kind == WarningKind::WillFallBelowMinimum)
        return QStringLiteral("%1 faller brukerrådet til %2 medlemmer når perioder går ut; det skal ha minst 5.").arg(localDay(w.day)).arg(w.count);
    if (w.kind == WarningKind::TermEnding)
        return QStringLiteral("Perioden til %1 (%2) går ut %3, om %4 dager.").arg(w.name, w.email, localDay(w.day)).arg(w.days);
    if (w.kind == WarningKind::TermExpired)
        return QStringLiteral("Perioden til %1 (%2) gikk ut %3: velg en etterfølger eller registrer at medlemmet er gått ut.").arg(w.name, w.email, localDay(w.day));
    if (w.kind == WarningKind::NoRecentUserMeeting)
        return w.day.isValid() ? QStringLiteral("Ingen brukermøter siden %1; det skal holdes minst én gang i året.").arg(localDay(w.day))
                               : QStringLiteral("Det er ikke holdt noe brukermøte.");
    return w.text;
}

QJsonObject memberJson(const Member& m, const QDate& today) {
    return QJsonObject{{"email", m.email},          {"name", m.name},           {"orgnr", m.orgnr},
                       {"organisation", m.organisation}, {"term_start", dateText(m.termStart)}, {"term_end", dateText(m.termEnd)},
                       {"left_on", dateText(m.leftOn)},  {"left_reason", m.leftReason},   {"active", m.activeOn(today)},
                       {"elected_at_meeting", m.electedAt}};
}

QJsonObject requestJson(const ChangeRequest& c) {
    return QJsonObject{{"ref", c.ref},
                       {"title", c.title},
                       {"description", c.description},
                       {"status", c.status},
                       {"quarter", c.quarter},
                       {"points", c.points},
                       {"from_orgnr", c.fromOrgnr},
                       {"from", c.fromOrganisation},
                       {"desk_case", c.deskCase},
                       {"submitted_by", c.submittedBy},
                       {"submitted_at", isoOrEmpty(c.submittedAt)},
                       {"response", c.response},
                       {"responded_by", c.respondedBy},
                       {"responded_at", isoOrEmpty(c.respondedAt)}};
}

QJsonObject meetingJson(const Meeting& m) {
    QJsonArray attendance;
    for (const auto& a : m.attendance) attendance.append(QJsonObject{{"orgnr", a.orgnr}, {"organisation", a.organisation}, {"representatives", a.representatives}});
    QJsonObject o{{"id", m.id},           {"kind", m.kind},     {"held_at", isoOrEmpty(m.heldAt)}, {"place", m.place},
                  {"state", m.state},     {"agenda", m.agenda}, {"minutes", m.minutes}};
    if (m.kind == MeetingKind::UserMeeting) {
        o.insert("invited", int(m.invitations.size()));
        o.insert("attendance", attendance);
        o.insert("elected", m.elected);
    } else {
        o.insert("attendees", QJsonArray::fromStringList(m.attendees));
    }
    return o;
}
}  // namespace

Result<QByteArray> CouncilService::exportCouncil(const Session& who, const QString& serviceKey, const QString& format) {
    if (!who.allows(permission::CouncilRead)) return denied(who, permission::CouncilRead).error();
    if (auto st = checkCode(format, {QStringLiteral("json"), QStringLiteral("csv"), QStringLiteral("html")}, "format"); !st) return st.error();
    auto service = serviceName(who, serviceKey);
    if (!service) return service.error();
    auto all = requests(who, serviceKey);
    if (!all) return all.error();

    if (format == QLatin1String("csv")) {
        std::string out = csv::formatRecord({"ref", "status", "quarter", "points", "title", "from_orgnr", "from", "desk_case", "submitted_by", "submitted_at",
                                             "response", "responded_by", "responded_at"});
        // Titles and responses come from outside (organisations, the service desk): a cell that a
        // spreadsheet would run as a formula gets a leading apostrophe.
        auto cell = [](const QString& text) {
            std::string v = text.toStdString();
            if (!v.empty() && std::string_view("=+-@\t\r").find(v.front()) != std::string_view::npos) v.insert(v.begin(), '\'');
            return v;
        };
        for (const auto& c : *all)
            out += csv::formatRecord({utf8(c.ref), utf8(c.status), utf8(c.quarter), std::to_string(c.points), cell(c.title), utf8(c.fromOrgnr),
                                      cell(c.fromOrganisation), c.deskCase > 0 ? std::to_string(c.deskCase) : std::string(), cell(c.submittedBy),
                                      utf8(isoOrEmpty(c.submittedAt)), cell(c.response), cell(c.respondedBy), utf8(isoOrEmpty(c.respondedAt))});
        return QByteArray::fromStdString(out);
    }

    auto everyone = members(who, serviceKey, true);
    if (!everyone) return everyone.error();
    auto warnings = health(who, serviceKey);
    if (!warnings) return warnings.error();
    auto plan = roadmap(who, serviceKey);
    if (!plan) return plan.error();
    auto held = meetings(who, serviceKey);
    if (!held) return held.error();
    auto pointRounds = rounds(who, serviceKey);
    if (!pointRounds) return pointRounds.error();
    const QDate day = today();
    const QDateTime now = store_.clock().now();

    if (format == QLatin1String("json")) {
        QJsonArray memberList, warningList, requestList, roadmapList, meetingList, roundList;
        for (const auto& m : *everyone) memberList.append(memberJson(m, day));
        for (const auto& w : *warnings)
            warningList.append(QJsonObject{{"kind", w.kind}, {"text", w.text}, {"email", w.email}, {"day", dateText(w.day)}, {"count", w.count}, {"days", w.days}});
        for (const auto& c : *all) requestList.append(requestJson(c));
        for (const auto& q : *plan) {
            QJsonArray refs;
            for (const auto& c : q.requests) refs.append(QJsonObject{{"ref", c.ref}, {"title", c.title}, {"status", c.status}, {"points", c.points}});
            roadmapList.append(QJsonObject{{"quarter", q.quarter}, {"requests", refs}});
        }
        for (const auto& m : *held) meetingList.append(meetingJson(m));
        for (const auto& r : *pointRounds) {
            auto given = allocations(who, r.id);
            if (!given) return given.error();
            QJsonArray byMember;
            for (const auto& a : *given) {
                QJsonObject points;
                for (auto it = a.points.begin(); it != a.points.end(); ++it) points.insert(it.key(), it.value());
                byMember.append(QJsonObject{{"email", a.email}, {"name", a.name}, {"points", points}});
            }
            roundList.append(QJsonObject{{"id", r.id}, {"title", r.title}, {"budget", r.budget}, {"opened_at", isoOrEmpty(r.openedAt)},
                                         {"closed_at", isoOrEmpty(r.closedAt)}, {"allocations", byMember}});
        }
        const QJsonObject document{{"service", serviceKey},     {"service_name", *service},  {"generated_at", iso(now)},
                                   {"members", memberList},     {"warnings", warningList},   {"requests", requestList},
                                   {"roadmap", roadmapList},    {"meetings", meetingList},   {"rounds", roundList}};
        return QJsonDocument(document).toJson(QJsonDocument::Indented);
    }

    // HTML: one document, as the board's minutes are made.
    reports::Document d;
    d.title = utf8(QStringLiteral("Brukerråd for %1").arg(*service));
    d.language = "nb";
    int sitting = 0;
    for (const auto& m : *everyone) sitting += m.activeOn(day) ? 1 : 0;
    QDateTime lastUserMeeting, nextMeeting;
    for (const auto& m : *held) {
        if (m.kind == MeetingKind::UserMeeting && m.state == MeetingState::Held && m.heldAt <= now && (!lastUserMeeting.isValid() || m.heldAt > lastUserMeeting))
            lastUserMeeting = m.heldAt;
        if (m.state == MeetingState::Planned && m.heldAt > now && (!nextMeeting.isValid() || m.heldAt < nextMeeting)) nextMeeting = m.heldAt;
    }
    d.blocks.emplace_back(std::in_place_type<reports::KeyValues>,
                          reports::KeyValues{{{"Tjeneste", utf8(*service + QStringLiteral(" (") + serviceKey + QLatin1Char(')'))},
                                              {"Medlemmer nå", std::to_string(sitting) + " (5 til 8)"},
                                              {"Siste brukermøte", utf8(localTime(lastUserMeeting))},
                                              {"Neste møte", utf8(localTime(nextMeeting))}}});
    // Built in place: GCC 12 at -O2 warns, wrongly, when a std::variant is moved in here.
    d.blocks.emplace_back(std::in_place_type<reports::Heading>, 2, "Varsler");
    if (warnings->isEmpty()) {
        d.blocks.emplace_back(std::in_place_type<reports::Paragraph>, "Ingen: brukerrådet er fulltallig, ingen perioder går ut de neste 60 dagene, og brukermøtet er holdt.");
    } else {
        reports::BulletList list;
        for (const auto& w : *warnings) list.items.push_back(utf8(warningNb(w)));
        d.blocks.emplace_back(std::in_place_type<reports::BulletList>, std::move(list));
    }

    d.blocks.emplace_back(std::in_place_type<reports::Heading>, 2, "Medlemmer og perioder");
    reports::Table memberTable;
    memberTable.header = {"Navn", "Virksomhet", "E-post", "Periode fra", "Periode til", "Status"};
    for (const auto& m : *everyone) {
        const QString state = m.activeOn(day) ? QStringLiteral("Sitter")
                              : m.leftOn.isValid() ? QStringLiteral("Gått ut %1 (%2)").arg(localDay(m.leftOn), m.leftReason)
                              : m.termStart > day  ? QStringLiteral("Ikke begynt")
                                                   : QStringLiteral("Perioden er ute");
        memberTable.rows.push_back({utf8(m.name), utf8(m.organisation), utf8(m.email), utf8(localDay(m.termStart)), utf8(localDay(m.termEnd)), utf8(state)});
    }
    if (memberTable.rows.empty())
        d.blocks.emplace_back(std::in_place_type<reports::Paragraph>, "Ingen valgt ennå.");
    else
        d.blocks.emplace_back(std::in_place_type<reports::Table>, std::move(memberTable));

    d.blocks.emplace_back(std::in_place_type<reports::Heading>, 2, "Endringsønsker");
    reports::Table requestTable;
    requestTable.header = {"Ref", "Tittel", "Fra", "Status", "Kvartal", "Poeng", "Svar fra produktansvarlig"};
    for (const auto& c : *all) {
        QString from = c.fromOrganisation;
        if (c.deskCase > 0) from += (from.isEmpty() ? QString() : QStringLiteral(", ")) + QStringLiteral("sak %1 i brukerstøtte").arg(c.deskCase);
        requestTable.rows.push_back({utf8(c.ref), utf8(c.title), utf8(from), utf8(statusNb(c.status)), utf8(c.quarter), std::to_string(c.points), utf8(c.response)});
    }
    if (requestTable.rows.empty())
        d.blocks.emplace_back(std::in_place_type<reports::Paragraph>, "Ingen.");
    else
        d.blocks.emplace_back(std::in_place_type<reports::Table>, std::move(requestTable));

    d.blocks.emplace_back(std::in_place_type<reports::Heading>, 2, "Veikart");
    if (plan->isEmpty()) d.blocks.emplace_back(std::in_place_type<reports::Paragraph>, "Ingen endringsønsker er planlagt ennå.");
    for (const auto& q : *plan) {
        d.blocks.emplace_back(std::in_place_type<reports::Heading>, 3, utf8(q.quarter));
        reports::Table table;
        table.header = {"Ref", "Tittel", "Status", "Poeng"};
        for (const auto& c : q.requests) table.rows.push_back({utf8(c.ref), utf8(c.title), utf8(statusNb(c.status)), std::to_string(c.points)});
        d.blocks.emplace_back(std::in_place_type<reports::Table>, std::move(table));
    }

    d.blocks.emplace_back(std::in_place_type<reports::Heading>, 2, "Møter");
    reports::Table meetingTable;
    meetingTable.header = {"Tidspunkt", "Møte", "Sted", "Status", "Til stede"};
    for (const auto& m : *held) {
        QStringList present = m.attendees;
        if (m.kind == MeetingKind::UserMeeting) {
            present.clear();
            for (const auto& a : m.attendance) present << a.organisation;
        }
        meetingTable.rows.push_back({utf8(localTime(m.heldAt)), utf8(kindNb(m.kind)), utf8(m.place), utf8(meetingStateNb(m.state)), utf8(present.join(QStringLiteral(", ")))});
    }
    if (meetingTable.rows.empty())
        d.blocks.emplace_back(std::in_place_type<reports::Paragraph>, "Ingen.");
    else
        d.blocks.emplace_back(std::in_place_type<reports::Table>, std::move(meetingTable));
    for (const auto& m : *held) {
        if (m.agenda.trimmed().isEmpty() && m.minutes.trimmed().isEmpty()) continue;
        d.blocks.emplace_back(std::in_place_type<reports::Heading>, 3, utf8(kindNb(m.kind) + QLatin1Char(' ') + localTime(m.heldAt)));
        if (!m.agenda.trimmed().isEmpty()) d.blocks.emplace_back(std::in_place_type<reports::Paragraph>, utf8(QStringLiteral("Saksliste:\n") + m.agenda.trimmed()));
        if (!m.minutes.trimmed().isEmpty())
            d.blocks.emplace_back(std::in_place_type<reports::Paragraph>,
                                  utf8((m.state == MeetingState::Cancelled ? QStringLiteral("Avlyst: ") : QStringLiteral("Referat:\n")) + m.minutes.trimmed()));
    }
    d.footer = {{"Eksportert", utf8(localTime(now)) + " av " + utf8(who.username)}};
    return QByteArray::fromStdString(reports::renderHtml(d));
}

}  // namespace vakt::councils
