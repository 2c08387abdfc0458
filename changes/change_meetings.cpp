// The weekly meeting: the agenda Vakt prepares, attendance and quorum, a decision per item, and
// the minutes, rendered once as HTML and PDF from one document, hashed into the trail and signed.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "changes/change_board.h"
#include "collector/audit/keys.h"
#include "core/base/crypto.h"
#include "core/catalog_service.h"
#include "core/civil_time.h"
#include "core/incidents.h"
#include "reports/document.h"
#include "reports/pdf.h"
#include "core/stored_time.h"

namespace vakt::changes {

namespace {
using stored::iso;
using stored::fromIso;
QString local(const QDateTime& t) { return t.toTimeZone(platformZone()).toString(QStringLiteral("dd.MM.yyyy HH:mm")); }
std::string s(const QString& q) { return q.toStdString(); }

// One kind of document, one signature domain: minutes never pass for anything else.
const std::string kMinutesKind = "change-board-minutes";

std::string digestOf(const QByteArray& html, const QByteArray& pdf) {
    return crypto::sha256Hex(std::string_view(html.constData(), std::size_t(html.size()))) + ":" +
           crypto::sha256Hex(std::string_view(pdf.constData(), std::size_t(pdf.size())));
}

QString decisionText(const QString& d) {
    if (d == Decision::Approve) return QStringLiteral("Godkjent");
    if (d == Decision::Reject) return QStringLiteral("Avvist");
    if (d == Decision::Defer) return QStringLiteral("Utsatt");
    if (d == QLatin1String("noted")) return QStringLiteral("Tatt til orientering");
    return QStringLiteral("Ikke behandlet");
}
}  // namespace

Result<qint64> ChangeBoard::openMeeting(const Session& who, const QDateTime& at, int quorum) {
    if (!who.allows(permission::ChangeDecide)) return denied(who, permission::ChangeDecide).error();
    if (quorum < 1 || quorum > 30) return fail("field 'quorum': 1 to 30");
    const QDateTime now = store_.clock().now();
    const QDateTime heldAt = at.isValid() ? at : now;
    Transaction tx(store_.db());
    if (!tx.started()) return tx.started().error();
    auto open = store_.db().query(QStringLiteral("SELECT id FROM change_meetings WHERE state = 'open'"));
    if (!open) return open.error();
    if (!open->empty()) return fail("meeting " + s(open->front().value(0).toString()) + " is still open: close it first", ErrorKind::Conflict);
    // Since the last meeting, or the last fortnight before the first.
    auto last = store_.db().query(QStringLiteral("SELECT max(held_at) FROM change_meetings WHERE state = 'closed'"));
    if (!last) return last.error();
    const QDateTime since = last->front().value(0).isNull() ? heldAt.addDays(-14) : fromIso(last->front().value(0));

    QList<AgendaItem> items;
    auto changes = list(who);
    if (!changes) return changes.error();
    for (const auto& c : *changes)
        if (ChangeState::pending(c.state)) items << AgendaItem{0, QStringLiteral("change"), c.ref, c.title, {}, {}, {}};
    for (const auto& c : *changes)
        if (c.category == ChangeCategory::Emergency && !ChangeState::pending(c.state) && c.createdAt >= since)
            items << AgendaItem{0, QStringLiteral("emergency"), c.ref, c.title, {}, {}, {}};
    IncidentFilter recent;
    recent.openedFrom = since;
    recent.priorities = {QStringLiteral("P1"), QStringLiteral("P2")};
    auto urgent = IncidentStore(store_).query(who, recent, 0, 200);
    if (!urgent) return urgent.error();
    recent.priorities.clear();
    recent.kinds = {IncidentKind::Security, IncidentKind::Breach};
    auto security = IncidentStore(store_).query(who, recent, 0, 200);
    if (!security) return security.error();
    QSet<qint64> seen;
    for (const auto& list : {*urgent, *security})
        for (const auto& i : list)
            if (!seen.contains(i.id)) {
                seen.insert(i.id);
                items << AgendaItem{0, QStringLiteral("incident"), QString::number(i.id), i.priority + QStringLiteral(" ") + i.title, {}, {}, {}};
            }
    auto standing = openItems(who);
    if (!standing) return standing.error();
    for (const auto& item : *standing) items << AgendaItem{0, QStringLiteral("item"), QString::number(item.id), item.title, {}, {}, {}};

    auto id = store_.db().insertReturningId(QStringLiteral("INSERT INTO change_meetings (held_at, chair, state, quorum) VALUES (?, ?, 'open', ?) RETURNING id"),
                                            {iso(heldAt), who.username, quorum});
    if (!id) return id.error();
    int position = 0;
    for (const auto& item : items)
        if (auto st = store_.db().exec(QStringLiteral("INSERT INTO change_meeting_items (meeting_id, position, kind, ref, title) VALUES (?, ?, ?, ?, ?)"),
                                       {*id, ++position, item.kind, item.ref, item.title});
            !st)
            return st.error();
    if (auto st = store_.record(who, QStringLiteral("change.meeting_open"), QStringLiteral("change_meeting"), QString::number(*id), {},
                                QJsonObject{{"held_at", iso(heldAt)}, {"quorum", quorum}, {"items", int(items.size())}});
        !st)
        return st.error();
    if (auto st = tx.commit(); !st) return st.error();
    return *id;
}

Result<Meeting> ChangeBoard::meeting(const Session& who, qint64 id) {
    if (!who.allows(permission::ChangeRead)) return denied(who, permission::ChangeRead).error();
    auto rows = store_.db().query(QStringLiteral("SELECT id, held_at, chair, state, quorum, attendees, minutes_sha256, signed_by, signature, signed_at"
                                                 " FROM change_meetings WHERE id = ?"),
                                  {id});
    if (!rows) return rows.error();
    if (rows->empty()) return fail("meeting " + std::to_string(id) + ": no such meeting", ErrorKind::NotFound);
    const auto& r = rows->front();
    Meeting m;
    m.id = r.value(0).toLongLong();
    m.heldAt = fromIso(r.value(1));
    m.chair = r.value(2).toString();
    m.state = r.value(3).toString();
    m.quorum = r.value(4).toInt();
    m.attendees = r.value(5).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
    m.minutesSha256 = r.value(6).toString();
    m.signedBy = r.value(7).toString();
    m.signatureBase64 = r.value(8).toString();
    m.signedAt = fromIso(r.value(9));
    auto items = store_.db().query(QStringLiteral("SELECT position, kind, ref, title, decision, conditions, note FROM change_meeting_items WHERE meeting_id = ? ORDER BY position"),
                                   {id});
    if (!items) return items.error();
    for (const auto& i : *items)
        m.items << AgendaItem{i.value(0).toInt(), i.value(1).toString(), i.value(2).toString(), i.value(3).toString(),
                              i.value(4).toString(), i.value(5).toString(), i.value(6).toString()};
    return m;
}

Result<QList<Meeting>> ChangeBoard::meetings(const Session& who) {
    if (!who.allows(permission::ChangeRead)) return denied(who, permission::ChangeRead).error();
    auto rows = store_.db().query(QStringLiteral("SELECT id FROM change_meetings ORDER BY held_at DESC, id DESC LIMIT 200"));
    if (!rows) return rows.error();
    QList<Meeting> out;
    for (const auto& r : *rows) {
        auto m = meeting(who, r.value(0).toLongLong());
        if (!m) return m.error();
        out << *m;
    }
    return out;
}

Status ChangeBoard::setAttendees(const Session& who, qint64 id, const QStringList& attendees) {
    if (!who.allows(permission::ChangeDecide)) return denied(who, permission::ChangeDecide);
    Transaction tx(store_.db());
    if (!tx.started()) return tx.started();
    auto m = meeting(who, id);
    if (!m) return m.error();
    if (m->state != QLatin1String("open")) return fail("meeting " + std::to_string(id) + " is closed", ErrorKind::Conflict);
    QStringList names;
    for (const auto& a : attendees) {
        const QString name = a.trimmed();
        if (name.isEmpty() || names.contains(name)) continue;
        auto user = store_.db().query(QStringLiteral("SELECT 1 FROM users WHERE username = ?"), {name});
        if (!user) return user.error();
        if (user->empty()) return fail("field 'attendees': '" + s(name.left(80)) + "' is not a user", ErrorKind::NotFound);
        names << name;
    }
    if (names.size() > 60) return fail("field 'attendees': at most 60");
    if (auto st = store_.db().exec(QStringLiteral("UPDATE change_meetings SET attendees = ? WHERE id = ?"), {names.join(QLatin1Char(',')), id}); !st) return st;
    if (auto st = store_.record(who, QStringLiteral("change.meeting_attendees"), QStringLiteral("change_meeting"), QString::number(id),
                                QJsonObject{{"attendees", QJsonArray::fromStringList(m->attendees)}}, QJsonObject{{"attendees", QJsonArray::fromStringList(names)}});
        !st)
        return st;
    return tx.commit();
}

Status ChangeBoard::decideItem(const Session& who, qint64 id, int position, const QString& decision, const QString& conditions, const QString& note) {
    if (!who.allows(permission::ChangeDecide)) return denied(who, permission::ChangeDecide);
    Transaction tx(store_.db());
    if (!tx.started()) return tx.started();
    auto m = meeting(who, id);
    if (!m) return m.error();
    if (m->state != QLatin1String("open")) return fail("meeting " + std::to_string(id) + " is closed", ErrorKind::Conflict);
    const auto item = std::find_if(m->items.begin(), m->items.end(), [&](const AgendaItem& i) { return i.position == position; });
    if (item == m->items.end()) return fail("meeting " + std::to_string(id) + ": no item " + std::to_string(position), ErrorKind::NotFound);
    if (!item->decision.isEmpty()) return fail("item " + std::to_string(position) + " is decided: " + s(item->decision), ErrorKind::Conflict);
    if (item->kind == QLatin1String("change")) {
        auto c = get(who, item->ref);
        if (!c) return c.error();
        // Decided outside the meeting since the agenda was set: the board takes note of it.
        if (!ChangeState::pending(c->state)) {
            if (decision != QLatin1String("noted"))
                return fail("item " + std::to_string(position) + ": " + s(item->ref) + " is " + s(c->state) + " already; take note of it ('noted')", ErrorKind::Conflict);
        } else if (auto st = decide(who, item->ref, decision, note, conditions); !st) {
            return st;
        }
    } else if (decision != QLatin1String("noted")) {
        return fail("field 'decision': an item that is not a change is 'noted'");
    }
    if (auto st = store_.db().exec(QStringLiteral("UPDATE change_meeting_items SET decision = ?, conditions = ?, note = ? WHERE meeting_id = ? AND position = ?"),
                                   {decision, conditions.trimmed(), note.trimmed(), id, position});
        !st)
        return st;
    if (auto st = store_.record(who, QStringLiteral("change.meeting_item"), QStringLiteral("change_meeting"), QString::number(id), {},
                                QJsonObject{{"position", position}, {"ref", item->ref}, {"decision", decision}});
        !st)
        return st;
    return tx.commit();
}

namespace {
reports::Document buildMinutes(const Meeting& m, const QList<ChangeRequest>& changes, const QHash<QString, QString>& names) {
    reports::Document d;
    d.title = s(QStringLiteral("Referat fra endringsrådet %1").arg(m.heldAt.toTimeZone(platformZone()).date().toString(QStringLiteral("dd.MM.yyyy"))));
    d.language = "nb";
    d.blocks.emplace_back(std::in_place_type<reports::KeyValues>, reports::KeyValues{{{"Møtetidspunkt", s(local(m.heldAt))},
                                           {"Møteleder", s(m.chair)},
                                           {"Til stede", s(m.attendees.join(QStringLiteral(", ")))},
                                           {"Beslutningsdyktig", s(QStringLiteral("ja: %1 til stede, minst %2 kreves").arg(m.attendees.size()).arg(m.quorum))}}});
    auto section = [&](const QString& kind, const char* heading, bool isChange) {
        reports::Table table;
        table.header = isChange ? std::vector<std::string>{"Sak", "Endring", "Berører", "Vindu", "Sikkerhet", "Beslutning", "Vilkår og merknad"}
                                : std::vector<std::string>{"Sak", "Tittel", "Behandling", "Merknad"};
        for (const auto& item : m.items) {
            if (item.kind != kind) continue;
            if (!isChange) {
                table.rows.push_back({s(item.ref), s(item.title), s(decisionText(item.decision)), s(item.note)});
                continue;
            }
            const auto c = std::find_if(changes.begin(), changes.end(), [&](const ChangeRequest& x) { return x.ref == item.ref; });
            QString touches, window, security;
            if (c != changes.end()) {
                QStringList t;
                for (const auto& key : c->targets) t << names.value(key, key);
                touches = t.join(QStringLiteral(", "));
                window = c->windowStart.isValid() ? local(c->windowStart) + QStringLiteral("–") + local(c->windowEnd) : QStringLiteral("ikke satt");
                security = c->assessed ? QStringLiteral("%1 S%2×K%3%4")
                                             .arg(c->assessment.stride.isEmpty() ? QStringLiteral("–") : c->assessment.stride)
                                             .arg(c->assessment.likelihood)
                                             .arg(c->assessment.consequence)
                                             .arg(c->assessment.securityRelevant ? QStringLiteral(", sikkerhetsrelevant, godkjent av ") +
                                                                                       (c->securityApprovedBy.isEmpty() ? QStringLiteral("–") : c->securityApprovedBy)
                                                                                 : QString())
                                       : QStringLiteral("ikke vurdert");
            }
            QString remark = item.conditions;
            if (!item.note.isEmpty()) remark += (remark.isEmpty() ? QString() : QStringLiteral("; ")) + item.note;
            table.rows.push_back({s(item.ref), s(item.title), s(touches), s(window), s(security), s(decisionText(item.decision)), s(remark)});
        }
        // Built in place: GCC 12 at -O2 warns, wrongly, when a std::variant is moved in here.
        d.blocks.emplace_back(std::in_place_type<reports::Heading>, 2, heading);
        if (table.rows.empty())
            d.blocks.emplace_back(std::in_place_type<reports::Paragraph>, "Ingen.");
        else
            d.blocks.emplace_back(std::in_place_type<reports::Table>, std::move(table));
    };
    section(QStringLiteral("change"), "Endringer til behandling", true);
    section(QStringLiteral("emergency"), "Hastendringer siden forrige møte", false);
    section(QStringLiteral("incident"), "Hendelser siden forrige møte", false);
    section(QStringLiteral("item"), "Faste saker: sikkerhet og arkitektur", false);
    return d;
}
}  // namespace

Result<reports::Document> ChangeBoard::minutesDocument(const Session& who, qint64 id) {
    auto m = meeting(who, id);
    if (!m) return m.error();
    auto changes = list(who);
    if (!changes) return changes.error();
    auto entries = CatalogService(store_).list(who);
    if (!entries) return entries.error();
    QHash<QString, QString> names;
    for (const auto& e : *entries) names.insert(e.key, e.name);
    return buildMinutes(*m, *changes, names);
}

Status ChangeBoard::closeMeeting(const Session& who, qint64 id, const audit::LedgerKeys* keys) {
    if (!who.allows(permission::ChangeDecide)) return denied(who, permission::ChangeDecide);
    Transaction tx(store_.db());
    if (!tx.started()) return tx.started();
    auto m = meeting(who, id);
    if (!m) return m.error();
    if (m->state != QLatin1String("open")) return fail("meeting " + std::to_string(id) + " is closed", ErrorKind::Conflict);
    if (!m->quorate())
        return fail("meeting " + std::to_string(id) + ": not quorate (" + std::to_string(m->attendees.size()) + " present, " + std::to_string(m->quorum) +
                        " required)",
                    ErrorKind::Conflict);
    for (const auto& item : m->items)
        if (item.decision.isEmpty())
            return fail("meeting " + std::to_string(id) + ": item " + std::to_string(item.position) + " (" + s(item.ref) + ") has no decision", ErrorKind::Conflict);
    if (keys)
        if (auto can = keys->canSign(); !can) return can;
    auto changes = list(who);
    if (!changes) return changes.error();
    auto entries = CatalogService(store_).list(who);
    if (!entries) return entries.error();
    QHash<QString, QString> names;
    for (const auto& e : *entries) names.insert(e.key, e.name);

    const QDateTime now = store_.clock().now();
    m->state = QStringLiteral("closed");
    reports::Document document = buildMinutes(*m, *changes, names);
    document.footer = {{"Referatet er låst", s(local(now)) + " av " + s(who.username)}};
    const std::string html = reports::renderHtml(document);
    auto pdf = reports::renderPdf(document);
    if (!pdf) return pdf.error();
    const QByteArray htmlBytes = QByteArray::fromStdString(html), pdfBytes = QByteArray::fromStdString(*pdf);
    const std::string digest = digestOf(htmlBytes, pdfBytes);
    QString signature;
    if (keys) {
        auto signedDigest = keys->signDocument(kMinutesKind, std::to_string(id), digest);
        if (!signedDigest) return signedDigest.error();
        signature = QString::fromStdString(*signedDigest);
    }
    if (auto st = store_.db().exec(QStringLiteral("UPDATE change_meetings SET state = 'closed', minutes_html = ?, minutes_pdf = ?, minutes_sha256 = ?,"
                                                  " signature = ?, signed_by = ?, signed_at = ? WHERE id = ?"),
                                   {htmlBytes, pdfBytes, QString::fromStdString(digest), signature, who.username, iso(now), id});
        !st)
        return st;
    // The digest goes into the hash-chained trail, so the minutes cannot be replaced unseen even
    // where no key signs them.
    if (auto st = store_.record(who, QStringLiteral("change.minutes"), QStringLiteral("change_meeting"), QString::number(id), QJsonObject{{"state", "open"}},
                                QJsonObject{{"state", "closed"}, {"sha256", QString::fromStdString(digest)}, {"signed", !signature.isEmpty()}});
        !st)
        return st;
    return tx.commit();
}

Result<QByteArray> ChangeBoard::minutesHtml(const Session& who, qint64 id) {
    if (!who.allows(permission::ChangeRead)) return denied(who, permission::ChangeRead).error();
    auto rows = store_.db().query(QStringLiteral("SELECT minutes_html FROM change_meetings WHERE id = ? AND state = 'closed'"), {id});
    if (!rows) return rows.error();
    if (rows->empty()) return fail("meeting " + std::to_string(id) + ": no minutes (is it closed?)", ErrorKind::NotFound);
    return rows->front().value(0).toByteArray();
}

Result<QByteArray> ChangeBoard::minutesPdf(const Session& who, qint64 id) {
    if (!who.allows(permission::ChangeRead)) return denied(who, permission::ChangeRead).error();
    auto rows = store_.db().query(QStringLiteral("SELECT minutes_pdf FROM change_meetings WHERE id = ? AND state = 'closed'"), {id});
    if (!rows) return rows.error();
    if (rows->empty()) return fail("meeting " + std::to_string(id) + ": no minutes (is it closed?)", ErrorKind::NotFound);
    return rows->front().value(0).toByteArray();
}

Result<MinutesCheck> ChangeBoard::verifyMinutes(const Session& who, qint64 id, const audit::LedgerKeys* trusted) {
    auto html = minutesHtml(who, id);
    if (!html) return html.error();
    auto pdf = minutesPdf(who, id);
    if (!pdf) return pdf.error();
    auto m = meeting(who, id);
    if (!m) return m.error();
    MinutesCheck check;
    const std::string digest = digestOf(*html, *pdf);
    check.hashMatches = QString::fromStdString(digest) == m->minutesSha256;
    if (!check.hashMatches) check.problem = QStringLiteral("the minutes are not the ones that were closed: their SHA-256 differs");
    check.signed_ = !m->signatureBase64.isEmpty();
    // The trail, hash-chained, says what was closed; a row rewritten with a fresh hash and its
    // signature removed disagrees with it (for those who may read the trail).
    if (who.allows(vakt::permission::TrailRead)) {
        auto entries = store_.trail(who, QStringLiteral("change_meeting"), QString::number(id));
        if (!entries) return entries.error();
        for (const auto& e : *entries) {
            if (e.action != "change.minutes") continue;
            const QJsonObject after = QJsonDocument::fromJson(QByteArray::fromStdString(e.after)).object();
            check.trailChecked = true;
            if (after.value("sha256").toString().toStdString() != digest) {
                check.hashMatches = false;
                check.problem = QStringLiteral("the minutes differ from what the trail recorded when the meeting was closed");
            }
            if (after.value("signed").toBool() && !check.signed_) check.problem = QStringLiteral("the minutes were signed when closed, and the signature is gone");
        }
    }
    // The signature is checked against the key the checker trusts, never one stored with the minutes.
    if (check.signed_ && trusted)
        check.signatureValid = trusted->verifyDocument(kMinutesKind, std::to_string(id), digest, m->signatureBase64.toStdString());
    if (check.signed_ && trusted && !check.signatureValid && check.problem.isEmpty())
        check.problem = QStringLiteral("the signature does not match the trusted key");
    // Given a key to check against, unsigned minutes prove nothing about who issued them.
    if (!check.signed_ && trusted && check.problem.isEmpty()) check.problem = QStringLiteral("the minutes are not signed");
    return check;
}

}  // namespace vakt::changes
