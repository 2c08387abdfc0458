// Notices to the organisations a case affects: drafted in plain Norwegian and written as message
// files for the desk to send from its own mail client (Vakt has no network to the municipalities).
#include <QDir>
#include <QFileInfo>
#include <QJsonObject>
#include <QSaveFile>
#include <QUuid>

#include "core/base/crypto.h"
#include "core/catalog_service.h"
#include "servicedesk/desk_service.h"
#include "core/stored_time.h"

namespace vakt::desk {

namespace {
using stored::iso;
using stored::fromIso;

QString localTime(const QDateTime& t) { return t.toTimeZone(deskZone()).toString(QStringLiteral("dd.MM.yyyy 'kl.' HH:mm")); }

QString stateText(const QString& state) {
    if (state == IncidentState::New || state == IncidentState::Acknowledged) return QStringLiteral("Vi har mottatt saken og ser på den.");
    if (state == IncidentState::InProgress) return QStringLiteral("Vi arbeider med saken.");
    if (state == IncidentState::Waiting) return QStringLiteral("Vi venter på svar fra en leverandør eller fra den som meldte saken.");
    if (state == IncidentState::Resolved) return QStringLiteral("Saken er løst.");
    return QStringLiteral("Saken er avsluttet.");
}

QString kindSubject(const QString& kind) {
    if (kind == IncidentKind::Security) return QStringLiteral("Sikkerhetshendelse");
    if (kind == IncidentKind::Breach) return QStringLiteral("Brudd på personopplysningssikkerheten");
    if (kind == IncidentKind::Deviation || kind == IncidentKind::Fault) return QStringLiteral("Driftsmelding");
    return QStringLiteral("Melding");
}

// RFC 2047: a header in UTF-8 as base64, so no character in a title can end the header; long
// texts as several encoded words of at most 75 characters, folded onto continuation lines.
QByteArray encodedWord(const QString& text) {
    QByteArray out;
    QString rest = text;
    while (!rest.isEmpty() || out.isEmpty()) {
        // 45 bytes of UTF-8 give 60 characters of base64; cut between characters, not inside one.
        qsizetype take = rest.size();
        while (rest.left(take).toUtf8().size() > 45) take = take * 3 / 4;
        while (take > 0 && take < rest.size() && rest.at(take - 1).isHighSurrogate()) --take;
        if (take == 0 && !rest.isEmpty()) take = 1;
        if (!out.isEmpty()) out += "\r\n ";
        out += "=?UTF-8?B?" + rest.left(take).toUtf8().toBase64() + "?=";
        rest = rest.mid(take);
        if (rest.isEmpty()) break;
    }
    return out;
}

// An address as it may stand in a header: no line breaks, controls, commas or angle brackets
// (a catalogue person's e-mail is checked only for an '@' when saved).
bool plainAddress(const QString& address) {
    if (address.isEmpty() || address.size() > 254 || !address.contains(QLatin1Char('@'))) return false;
    for (QChar c : address)
        if (c.unicode() < 0x21 || c.unicode() == 0x7f || c == QLatin1Char(',') || c == QLatin1Char('<') || c == QLatin1Char('>') || c == QLatin1Char(';') ||
            c == QLatin1Char('"'))
            return false;
    return true;
}

QString names(const QStringList& keys, CatalogService& catalog, const Session& who) {
    QStringList out;
    for (const auto& key : keys) {
        auto entry = catalog.get(who, key);
        out << (entry && *entry ? (*entry)->name : key);
    }
    if (out.size() <= 1) return out.join(QString());
    const QString last = out.takeLast();
    return out.join(QStringLiteral(", ")) + QStringLiteral(" og ") + last;
}
}  // namespace

Result<std::pair<QString, QString>> DeskService::draftNotice(const Session& who, qint64 incidentId, const QString& orgnr) {
    auto incident = IncidentStore(store_).get(who, incidentId);
    if (!incident) return incident.error();
    auto parties = affectedParties(who, incidentId);
    if (!parties) return parties.error();
    const auto party = std::find_if(parties->begin(), parties->end(), [&](const AffectedParty& p) { return p.orgnr == orgnr; });
    if (party == parties->end())
        return fail("organisation " + orgnr.left(20).toStdString() + ": has no agreement on the services of incident " + std::to_string(incidentId),
                    ErrorKind::NotFound);
    CatalogService catalog(store_);
    const QString services = names(party->services, catalog, who);
    const QString subject = kindSubject(incident->kind) + QStringLiteral(": ") + incident->title + QStringLiteral(" (sak ") +
                            QString::number(incidentId) + QLatin1Char(')');
    // Plain words the municipality can act on: what, since when, where it stands, what to do.
    // The case's internal description stays with us; the desk adds what it wants before sending.
    QString body;
    body += QStringLiteral("Hei,\n\n");
    body += QStringLiteral("Vi skriver til %1 fordi dere bruker %2, som er berørt av en hendelse hos oss.\n\n").arg(party->name, services);
    body += QStringLiteral("Hva har skjedd: %1.\n").arg(incident->title);
    body += QStringLiteral("Når: registrert %1.\n").arg(localTime(incident->openedAt));
    body += QStringLiteral("Status nå: %1\n\n").arg(stateText(incident->state));
    if (incident->kind == IncidentKind::Breach)
        body += QStringLiteral("Hendelsen kan gjelde personopplysninger dere er behandlingsansvarlig for. Vurder om dere selv må melde avvik til "
                               "Datatilsynet; fristen er 72 timer etter at dere ble kjent med bruddet.\n\n");
    else if (incident->kind == IncidentKind::Security)
        body += QStringLiteral("Vi gir beskjed når vi vet mer. Vurder om hendelsen påvirker deres egen risiko- og sårbarhetsanalyse (ROS).\n\n");
    else
        body += QStringLiteral("Dere trenger ikke gjøre noe nå. Vi gir beskjed når saken er løst.\n\n");
    body += QStringLiteral("Oppgi saksnummer %1 hvis dere tar kontakt. Svar gjerne på denne e-posten.\n\n").arg(incidentId);
    body += QStringLiteral("Vennlig hilsen\nBrukerstøtte\n");
    return std::pair{subject, body};
}

Result<QStringList> DeskService::writeNotices(const Session& who, qint64 incidentId, const QString& directory, const QStringList& orgnrs) {
    if (!who.allows(permission::DeskNotify)) return denied(who, permission::DeskNotify).error();
    auto incident = IncidentStore(store_).get(who, incidentId);
    if (!incident) return incident.error();
    // What a security incident or breach tells the municipalities is the security officer's call.
    if ((IncidentKind::isSecurity(incident->kind) || incident->source == QLatin1String("audit")) && !who.allows(vakt::permission::IncidentHandleSecurity))
        return denied(who, vakt::permission::IncidentHandleSecurity).error();
    auto parties = affectedParties(who, incidentId);
    if (!parties) return parties.error();
    QList<AffectedParty> chosen;
    for (const auto& p : *parties)
        if (orgnrs.isEmpty() || orgnrs.contains(p.orgnr)) chosen << p;
    for (const auto& orgnr : orgnrs)
        if (std::none_of(chosen.begin(), chosen.end(), [&](const AffectedParty& p) { return p.orgnr == orgnr; }))
            return fail("organisation " + orgnr.left(20).toStdString() + ": has no agreement on the services of incident " + std::to_string(incidentId),
                        ErrorKind::NotFound);
    if (chosen.isEmpty()) return fail("incident " + std::to_string(incidentId) + ": no organisation has an agreement on its services");
    QDir dir(directory);
    if (!dir.exists() && !QDir().mkpath(directory)) return fail("notices: cannot create directory " + directory.toStdString());

    // The recipients: the people the catalogue has at each organisation.
    auto people = CatalogService(store_).people(who);
    if (!people) return people.error();
    const QDateTime now = store_.clock().now();
    const QString from = [&] {
        auto configured = store_.meta(QStringLiteral("desk.from"));
        return configured && plainAddress(*configured) ? *configured : QStringLiteral("brukerstotte@localhost");
    }();

    Transaction tx(store_.db());
    if (!tx.started()) return tx.started().error();
    QStringList written;
    for (const auto& p : chosen) {
        auto draft = draftNotice(who, incidentId, p.orgnr);
        if (!draft) return draft.error();
        QStringList to;
        for (const auto& person : *people)
            if (person.orgnr == p.orgnr && person.employment == Employment::Active && plainAddress(person.email)) to << person.email;
        QByteArray message;
        message += "From: " + encodedWord(QStringLiteral("Brukerstøtte")) + " <" + from.toUtf8() + ">\r\n";
        if (!to.isEmpty()) message += "To: " + to.join(QStringLiteral(", ")).toUtf8() + "\r\n";
        message += "Subject: " + encodedWord(draft->first) + "\r\n";
        message += "Date: " + now.toUTC().toString(Qt::RFC2822Date).toUtf8() + "\r\n";
        message += "Message-ID: <" + QUuid::createUuid().toString(QUuid::WithoutBraces).toUtf8() + "@vakt>\r\n";
        message += "X-Vakt-Incident: " + QByteArray::number(incidentId) + "\r\n";
        message += "X-Vakt-Organisation: " + p.orgnr.toUtf8() + "\r\n";
        message += "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n";
        message += draft->second.toUtf8().replace("\n", "\r\n");
        // Never over an earlier notice: a second run in the same second gets its own file.
        const QString stem = QStringLiteral("sak-%1-%2-%3").arg(incidentId).arg(p.orgnr, now.toUTC().toString(QStringLiteral("yyyyMMdd'T'HHmmss")));
        QString name = stem + QStringLiteral(".eml");
        for (int n = 2; QFileInfo::exists(dir.filePath(name)); ++n) name = stem + QStringLiteral("-%1.eml").arg(n);
        const QString path = dir.filePath(name);
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(message) != message.size() || !file.commit()) {
            for (const auto& done : written) QFile::remove(done);
            return fail("notices: cannot write " + path.toStdString() + ": " + file.errorString().toStdString());
        }
        const QString digest = QString::fromStdString(crypto::sha256Hex(std::string_view(message.constData(), std::size_t(message.size()))));
        if (auto s = store_.db().exec(QStringLiteral("INSERT INTO desk_notices (incident_id, orgnr, file, sha256, written_at, written_by) VALUES (?, ?, ?, ?, ?, ?)"),
                                      {incidentId, p.orgnr, name, digest, iso(now), who.username});
            !s)
            return s.error();
        if (auto s = store_.record(who, QStringLiteral("desk.notice"), QStringLiteral("incident"), incident->fingerprint, {},
                                   QJsonObject{{"organisation", p.orgnr}, {"file", name}, {"sha256", digest}, {"recipients", int(to.size())}});
            !s)
            return s.error();
        written << path;
    }
    if (auto s = tx.commit(); !s) return s.error();
    return written;
}

Result<QList<Notice>> DeskService::notices(const Session& who, qint64 incidentId) {
    if (!who.allows(vakt::permission::IncidentRead)) return denied(who, vakt::permission::IncidentRead).error();
    auto rows = store_.db().query(QStringLiteral("SELECT id, orgnr, file, sha256, written_by, written_at FROM desk_notices WHERE incident_id = ? ORDER BY id"),
                                  {incidentId});
    if (!rows) return rows.error();
    QList<Notice> out;
    for (const auto& r : *rows)
        out << Notice{r.value(0).toLongLong(), r.value(1).toString(), r.value(2).toString(), r.value(3).toString(), r.value(4).toString(), fromIso(r.value(5))};
    return out;
}

}  // namespace vakt::desk
