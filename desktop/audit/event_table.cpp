#include "desktop/audit/event_table.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTableWidget>

#include "desktop/shell/formatting.h"
#include "desktop/shell/tables.h"

namespace vakt::desktop {

QTableWidget* eventTable(const QString& objectName, QWidget* parent) {
    return readOnlyTable(objectName,
                         {QCoreApplication::translate("EventTable", "Nr."), QCoreApplication::translate("EventTable", "Tidspunkt"),
                          QCoreApplication::translate("EventTable", "Tjeneste"), QCoreApplication::translate("EventTable", "Handling"),
                          QCoreApplication::translate("EventTable", "Resultat"), QCoreApplication::translate("EventTable", "Aktør"),
                          QCoreApplication::translate("EventTable", "Organisasjon")},
                         parent, true);
}

void appendEvent(QTableWidget* table, const audit::LedgerEvent& e, const AuditNames& names) {
    const int row = table->rowCount();
    table->insertRow(row);
    auto* number = readOnlyCell(QString::number(e.seq), e.seq);
    number->setData(Qt::UserRole + 1, QString::fromStdString(e.canonical));
    table->setItem(row, 0, number);
    table->setItem(row, 1, readOnlyCell(formatDateTime(QDateTime::fromMSecsSinceEpoch(e.timeMs, Qt::UTC)), e.timeMs));
    table->setItem(row, 2, readOnlyCell(names.service(e.service)));
    table->setItem(row, 3, readOnlyCell(e.action));
    table->setItem(row, 4, readOnlyCell(e.result));
    table->setItem(row, 5, readOnlyCell(AuditNames::actor(e.actorKey)));
    table->setItem(row, 6, readOnlyCell(names.organisation(e.actorOrg)));
}

QString eventDetail(audit::Ledger& ledger, const Session& session, QTableWidget* table, int row) {
    if (row < 0 || !table->item(row, 0)) return {};
    const qint64 seq = table->item(row, 0)->data(Qt::UserRole).toLongLong();
    const QByteArray canonical = table->item(row, 0)->data(Qt::UserRole + 1).toString().toUtf8();
    QString text = QString::fromUtf8(QJsonDocument::fromJson(canonical).toJson(QJsonDocument::Indented));
    auto proof = ledger.inclusionProof(session, static_cast<std::uint64_t>(seq));
    if (!proof)
        return text + QCoreApplication::translate("EventTable", "\nIngen bevis ennå: hendelsen er ikke med i et signert trehode (%1).")
                          .arg(describeError(proof.error()));
    const auto check = audit::checkProof(*proof, ledger.keys().publicPem());
    const QJsonObject head = (*proof)[QStringLiteral("head")].toObject();
    return text + QCoreApplication::translate("EventTable", "\nBevis: hendelse %1 står i treet med %2 hendelser (rot %3), signert %4. %5")
                      .arg(seq)
                      .arg(formatNumber(head[QStringLiteral("tree_size")].toInteger()))
                      .arg(head[QStringLiteral("root")].toString().left(16))
                      .arg(formatDateTime(QDateTime::fromMSecsSinceEpoch(head[QStringLiteral("timestamp_ms")].toInteger(), Qt::UTC)))
                      .arg(check ? QCoreApplication::translate("EventTable", "Beviset holder.")
                                 : QCoreApplication::translate(
                                       "EventTable", "Beviset holder ikke: hendelsen, treet eller signaturen stemmer ikke med loggens nøkkel."));
}

}  // namespace vakt::desktop
