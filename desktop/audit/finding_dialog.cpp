#include "desktop/audit/finding_dialog.h"

#include <QDialogButtonBox>
#include <QInputDialog>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

#include "core/incidents.h"
#include "desktop/monitoring/monitoring_page.h"
#include "desktop/shell/formatting.h"
#include "desktop/shell/tables.h"

namespace vakt::desktop {

QString eventDetail(audit::Ledger& ledger, const Session& session, qint64 seq, const std::string& canonical) {
    QString text = QString::fromUtf8(QJsonDocument::fromJson(QByteArray::fromStdString(canonical)).toJson(QJsonDocument::Indented));
    auto proof = ledger.inclusionProof(session, static_cast<std::uint64_t>(seq));
    if (!proof) return text + FindingDialog::tr("\nIngen bevis ennå: hendelsen er ikke med i et signert trehode (%1).").arg(describeError(proof.error()));
    const auto check = audit::checkProof(*proof, ledger.keys().publicPem());
    const QJsonObject head = (*proof)[QStringLiteral("head")].toObject();
    return text + FindingDialog::tr("\nBevis: hendelse %1 står i treet med %2 hendelser (rot %3), signert %4. %5")
                      .arg(seq)
                      .arg(formatNumber(head[QStringLiteral("tree_size")].toInteger()))
                      .arg(head[QStringLiteral("root")].toString().left(16))
                      .arg(formatDateTime(QDateTime::fromMSecsSinceEpoch(head[QStringLiteral("timestamp_ms")].toInteger(), Qt::UTC)))
                      .arg(check ? FindingDialog::tr("Beviset holder.")
                                 : FindingDialog::tr("Beviset holder ikke: hendelsen, treet eller signaturen stemmer ikke med loggens nøkkel."));
}

FindingDialog::FindingDialog(AppContext& context, audit::Ledger& ledger, const AuditNames& names, qint64 incidentId, QWidget* parent)
    : QDialog(parent), ctx_(context), ledger_(ledger), names_(names), id_(incidentId) {
    setObjectName(QStringLiteral("findingDialog"));
    setWindowTitle(tr("Funn fra deteksjonsreglene"));
    auto* layout = new QVBoxLayout(this);
    heading_ = new QLabel(this);
    heading_->setObjectName(QStringLiteral("findingHeading"));
    heading_->setWordWrap(true);
    heading_->setTextFormat(Qt::RichText);
    layout->addWidget(heading_);
    state_ = new QLabel(this);
    state_->setObjectName(QStringLiteral("findingState"));
    state_->setWordWrap(true);
    layout->addWidget(state_);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    events_ = readOnlyTable(QStringLiteral("findingEvents"),
                            {tr("Nr."), tr("Tidspunkt"), tr("Tjeneste"), tr("Handling"), tr("Resultat"), tr("Aktør"), tr("Organisasjon")}, splitter,
                            true);
    detail_ = new QPlainTextEdit(splitter);
    detail_->setObjectName(QStringLiteral("findingDetail"));
    detail_->setReadOnly(true);
    detail_->setPlaceholderText(tr("Velg en hendelse for å se den og beviset for at den står i loggen."));
    layout->addWidget(splitter, 1);
    message_ = new QLabel(this);
    message_->setObjectName(QStringLiteral("findingMessage"));
    message_->setWordWrap(true);
    message_->setStyleSheet(QStringLiteral("color: #b00020"));
    layout->addWidget(message_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    acknowledge_ = buttons->addButton(tr("Ta funnet …"), QDialogButtonBox::ActionRole);
    acknowledge_->setObjectName(QStringLiteral("findingAcknowledge"));
    close_ = buttons->addButton(tr("Lukk funnet …"), QDialogButtonBox::ActionRole);
    close_->setObjectName(QStringLiteral("findingClose"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(acknowledge_, &QPushButton::clicked, this, [this] { acknowledge(); });
    connect(close_, &QPushButton::clicked, this, [this] { closeFinding(); });
    connect(events_, &QTableWidget::currentCellChanged, this, [this](int row) { showEvidence(row); });
    resize(1000, 700);
    load();
}

int FindingDialog::evidenceShown() const { return events_->rowCount(); }

void FindingDialog::load() {
    auto incident = IncidentStore(*ctx_.store).get(ctx_.session, id_);
    if (!incident) {
        heading_->setText(describeError(incident.error()));
        acknowledge_->setEnabled(false);
        close_->setEnabled(false);
        return;
    }
    auto events = ledger_.findingEvidence(ctx_.session, id_);
    if (events) evidence_ = *events;
    else message_->setText(describeError(events.error()));
    const QString organisation = evidence_.empty() ? QString() : names_.organisation(evidence_.front().actorOrg);
    heading_->setText(QStringLiteral("<h3>%1</h3><p>%2</p><p>%3</p>")
                          .arg(incident->title.toHtmlEscaped(),
                               tr("%1 · %2 · åpnet %3").arg(severityTitle(incident->severity), organisation.isEmpty() ? names_.service(incident->service) : organisation,
                                                           formatDateTime(incident->openedAt)).toHtmlEscaped(),
                               AuditNames::shortenPseudonyms(inUserLanguage(incident->summary, incident->summaryEn)).toHtmlEscaped()));
    QStringList state;
    if (incident->status == QLatin1String("closed"))
        state << tr("Lukket av %1: %2").arg(incident->closedBy, incident->closeReason);
    else if (incident->acknowledgedAt.isValid())
        state << tr("Tatt av %1 %2: %3").arg(incident->acknowledgedBy, formatDateTime(incident->acknowledgedAt), incident->acknowledgeNote);
    else
        state << tr("Ingen har tatt funnet ennå.");
    state << tr("%n hendelse(r) som bevis.", nullptr, static_cast<int>(evidence_.size()));
    state_->setText(state.join(QLatin1Char(' ')));
    const bool open = incident->status == QLatin1String("open");
    const bool mayHandle = ctx_.session.allows(permission::IncidentHandle) && ctx_.session.allows(permission::IncidentHandleSecurity);
    for (QPushButton* b : {acknowledge_, close_}) {
        b->setEnabled(open && mayHandle);
        b->setToolTip(mayHandle ? QString() : tr("Bare sikkerhetsansvarlig kan ta og lukke funn fra revisjonsloggen."));
    }
    events_->setRowCount(static_cast<int>(evidence_.size()));
    for (int r = 0; r < static_cast<int>(evidence_.size()); ++r) {
        const auto& e = evidence_[static_cast<std::size_t>(r)];
        events_->setItem(r, 0, readOnlyCell(QString::number(e.seq), e.seq));
        events_->setItem(r, 1, readOnlyCell(formatDateTime(QDateTime::fromMSecsSinceEpoch(e.timeMs, Qt::UTC)), e.timeMs));
        events_->setItem(r, 2, readOnlyCell(names_.service(e.service)));
        events_->setItem(r, 3, readOnlyCell(e.action));
        events_->setItem(r, 4, readOnlyCell(e.result));
        events_->setItem(r, 5, readOnlyCell(AuditNames::actor(e.actorKey)));
        events_->setItem(r, 6, readOnlyCell(names_.organisation(e.actorOrg)));
    }
    fitColumns(events_);
}

void FindingDialog::showEvidence(int row) {
    if (row < 0 || row >= static_cast<int>(evidence_.size())) return;
    const auto& e = evidence_[static_cast<std::size_t>(row)];
    detail_->setPlainText(eventDetail(ledger_, ctx_.session, e.seq, e.canonical));
}

bool FindingDialog::report(const Status& s) {
    if (!s) {
        message_->setText(describeError(s.error()));
        message_->setToolTip(errorDetail(s.error()));
        return false;
    }
    message_->clear();
    load();
    emit changed();
    return true;
}

bool FindingDialog::acknowledge(const QString& note) {
    QString text = note;
    if (text.isEmpty()) {
        bool ok = false;
        text = QInputDialog::getMultiLineText(this, tr("Ta funnet"), tr("Hva gjør du med funnet? (føres i endringsloggen)"), {}, &ok);
        if (!ok) return false;
    }
    if (text.trimmed().isEmpty()) {
        message_->setText(tr("Skriv hva du gjør med funnet."));
        return false;
    }
    return report(IncidentStore(*ctx_.store).acknowledge(ctx_.session, id_, text));
}

bool FindingDialog::closeFinding(const QString& reason) {
    QString text = reason;
    if (text.isEmpty()) {
        bool ok = false;
        text = QInputDialog::getMultiLineText(this, tr("Lukk funnet"), tr("Hvorfor lukkes funnet? (føres i endringsloggen)"), {}, &ok);
        if (!ok) return false;
    }
    if (text.trimmed().isEmpty()) {
        message_->setText(tr("Skriv hvorfor funnet lukkes."));
        return false;
    }
    return report(IncidentStore(*ctx_.store).close(ctx_.session, id_, text));
}

}  // namespace vakt::desktop
