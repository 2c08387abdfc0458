#include "desktop/audit/finding_dialog.h"

#include <QDialogButtonBox>
#include <QInputDialog>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

#include "core/incidents.h"
#include "desktop/audit/event_table.h"
#include "desktop/monitoring/monitoring_page.h"
#include "desktop/shell/formatting.h"
#include "desktop/shell/tables.h"

namespace vakt::desktop {

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
    events_ = eventTable(QStringLiteral("findingEvents"), splitter);
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
    events_->setRowCount(0);
    for (const auto& e : evidence_) appendEvent(events_, e, names_);
    fitColumns(events_);
}

void FindingDialog::showEvidence(int row) { detail_->setPlainText(eventDetail(ledger_, ctx_.session, events_, row)); }

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

bool FindingDialog::handle(QString text, const QString& title, const QString& prompt, const QString& missing,
                           Status (IncidentStore::*save)(const Session&, qint64, const QString&)) {
    if (text.isEmpty()) {
        bool ok = false;
        text = QInputDialog::getMultiLineText(this, title, prompt, {}, &ok);
        if (!ok) return false;
    }
    if (text.trimmed().isEmpty()) {
        message_->setText(missing);
        return false;
    }
    IncidentStore incidents(*ctx_.store);
    return report((incidents.*save)(ctx_.session, id_, text));
}

bool FindingDialog::acknowledge(const QString& note) {
    return handle(note, tr("Ta funnet"), tr("Hva gjør du med funnet? (føres i endringsloggen)"), tr("Skriv hva du gjør med funnet."),
                  &IncidentStore::acknowledge);
}

bool FindingDialog::closeFinding(const QString& reason) {
    return handle(reason, tr("Lukk funnet"), tr("Hvorfor lukkes funnet? (føres i endringsloggen)"), tr("Skriv hvorfor funnet lukkes."),
                  &IncidentStore::close);
}

}  // namespace vakt::desktop
