// The Risk page's evidence, suggested re-scores, estimates and spreadsheets: what moves a risk
// besides a person's own score, and the register in and out of the spreadsheets people keep.
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QSpinBox>

#include "core/incidents.h"
#include "desktop/risk/risk_page.h"
#include "desktop/shell/formatting.h"

namespace vakt::desktop {

namespace {
QString kroner(double amount) { return RiskPage::tr("%1 kr").arg(QLocale().toString(amount, 'f', 0)); }

}  // namespace

QWidget* RiskPage::buildEvidenceActions(QWidget* parent) {
    auto* row = new QWidget(parent);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    linkEvidence_ = new QPushButton(tr("Koble hendelse …"), row);
    linkEvidence_->setObjectName(QStringLiteral("riskLinkEvidence"));
    linkEvidence_->setToolTip(tr("En hendelse (varsel, funn i revisjonsloggen, sak fra brukerstøtte) som viser at risikoen inntreffer."));
    estimate_ = new QPushButton(tr("Anslag …"), row);
    estimate_->setObjectName(QStringLiteral("riskEstimate"));
    estimate_->setToolTip(tr("Hvor ofte per år, og hva én hendelse koster med 90 % sikkerhet."));
    acceptSuggestion_ = new QPushButton(tr("Godta forslaget"), row);
    acceptSuggestion_->setObjectName(QStringLiteral("riskAcceptSuggestion"));
    rejectSuggestion_ = new QPushButton(tr("Avvis forslaget …"), row);
    rejectSuggestion_->setObjectName(QStringLiteral("riskRejectSuggestion"));
    for (QPushButton* b : {linkEvidence_, estimate_, acceptSuggestion_, rejectSuggestion_}) {
        b->setEnabled(false);
        layout->addWidget(b);
    }
    layout->addStretch(1);
    connect(linkEvidence_, &QPushButton::clicked, this, [this] { openLinkDialog(); });
    connect(estimate_, &QPushButton::clicked, this, [this] { openEstimateDialog(); });
    connect(acceptSuggestion_, &QPushButton::clicked, this, [this] { openSuggestionDialog(true); });
    connect(rejectSuggestion_, &QPushButton::clicked, this, [this] { openSuggestionDialog(false); });
    return row;
}

QString RiskPage::evidenceHtml(const risk::RiskEntry& r) {
    QString html;
    suggestion_.reset();
    if (auto pending = risks_.suggestions(ctx_.session, r.service))
        for (const auto& s : *pending)
            if (s.riskRef == r.ref) suggestion_ = s;
    if (suggestion_)
        html += QStringLiteral("<p style=\"background:#fff3cd\"><b>%1</b> %2</p>")
                    .arg(tr("Forslag til ny vurdering:").toHtmlEscaped(),
                         tr("%n hendelse(r) de siste %1 dagene (om lag %2 per år) tilsier sannsynlighet %3, ikke %4. Risikoeieren %5 godtar eller avviser.",
                            "", suggestion_->observed)
                             .arg(suggestion_->windowDays)
                             .arg(QLocale().toString(suggestion_->perYear(), 'f', 1))
                             .arg(suggestion_->likelihoodTo)
                             .arg(suggestion_->likelihoodFrom)
                             .arg(suggestion_->owner.isEmpty() ? tr("(ingen er satt)") : suggestion_->owner)
                             .toHtmlEscaped());
    if (auto evidence = risks_.evidence(ctx_.session, r.ref); evidence && !evidence->isEmpty()) {
        html += QStringLiteral("<p><b>%1</b></p><ul>").arg(tr("Hendelser koblet som bevis").toHtmlEscaped());
        for (const auto& e : *evidence)
            html += QStringLiteral("<li>%1 · %2 · %3</li>")
                        .arg(formatDateTime(e.observedAt).toHtmlEscaped(), QStringLiteral("#%1").arg(e.incidentId), e.title.toHtmlEscaped());
        html += QStringLiteral("</ul>");
    }
    if (auto estimates = risks_.estimates(ctx_.session, r.service))
        for (const auto& e : *estimates)
            if (e.riskRef == r.ref)
                html += QStringLiteral("<p>%1</p>")
                            .arg(tr("Anslag: %1 hendelser per år, %2 til %3 per hendelse (90 %), av %4.")
                                     .arg(QLocale().toString(e.estimate.perYear, 'g', 3), kroner(e.estimate.low), kroner(e.estimate.high),
                                          e.estimatedBy)
                                     .toHtmlEscaped());
    return html;
}

void RiskPage::updateEvidenceActions(const risk::RiskEntry* r) {
    const bool mayWrite = ctx_.session.allows(risk::permission::RiskWrite);
    const bool open = r && r->status != QLatin1String("closed");
    linkEvidence_->setEnabled(mayWrite && open);
    estimate_->setEnabled(mayWrite && open);
    const bool owner = r && suggestion_ && r->owner == ctx_.session.username && ctx_.session.allows(risk::permission::RiskAccept);
    for (QPushButton* b : {acceptSuggestion_, rejectSuggestion_}) {
        b->setVisible(suggestion_.has_value());
        b->setEnabled(owner);
        b->setToolTip(owner ? QString() : tr("Bare risikoeieren avgjør et forslag til ny vurdering."));
    }
    export_->setEnabled(ctx_.session.allows(risk::permission::RiskRead));
    import_->setEnabled(mayWrite);
}

std::optional<risk::Suggestion> RiskPage::suggestionOfSelected() const { return suggestion_; }

bool RiskPage::linkEvidenceToSelected(qint64 incident, const QString& note) {
    const auto* r = selected();
    return r && report(risks_.linkEvidence(ctx_.session, r->ref, incident, note));
}

bool RiskPage::decideSuggestionOfSelected(bool accept, const QString& note) {
    if (!suggestion_) return false;
    return report(risks_.decideSuggestion(ctx_.session, suggestion_->id, accept, note));
}

bool RiskPage::setEstimateOfSelected(const risk::LossEstimate& estimate, const QString& note) {
    const auto* r = selected();
    return r && report(risks_.setEstimate(ctx_.session, r->ref, estimate, note));
}

void RiskPage::openLinkDialog() {
    const auto* r = selected();
    if (!r) return;
    QDialog dialog(this);
    dialog.setObjectName(QStringLiteral("riskLinkDialog"));
    dialog.setWindowTitle(tr("Koble hendelse til risikoen"));
    auto* form = new QFormLayout(&dialog);
    auto* incident = new QSpinBox(&dialog);
    incident->setRange(1, 999999999);
    // The open incidents of the risk's service first, as the likely ones.
    if (auto open = IncidentStore(*ctx_.store).open(ctx_.session, {}, r->service); open && !open->isEmpty()) {
        incident->setValue(static_cast<int>(open->front().id));
        incident->setToolTip(tr("Åpen hendelse for tjenesten: #%1 %2").arg(open->front().id).arg(open->front().title));
    }
    auto* note = new QPlainTextEdit(&dialog);
    form->addRow(tr("Hendelse nr.:"), incident);
    form->addRow(tr("Merknad:"), note);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    if (dialog.exec() == QDialog::Accepted) linkEvidenceToSelected(incident->value(), note->toPlainText());
}

void RiskPage::openSuggestionDialog(bool accept) {
    if (!suggestion_) return;
    bool ok = true;
    const QString note = QInputDialog::getMultiLineText(this, accept ? tr("Godta forslaget") : tr("Avvis forslaget"),
                                                        accept ? tr("Merknad (valgfri):") : tr("Hvorfor avvises forslaget?"), QString(), &ok);
    if (ok) decideSuggestionOfSelected(accept, note);
}

void RiskPage::openEstimateDialog() {
    const auto* r = selected();
    if (!r) return;
    QDialog dialog(this);
    dialog.setObjectName(QStringLiteral("riskEstimateDialog"));
    dialog.setWindowTitle(tr("Anslag for risikoen"));
    auto* form = new QFormLayout(&dialog);
    auto* perYear = new QDoubleSpinBox(&dialog);
    perYear->setRange(0, 1000);
    perYear->setDecimals(2);
    perYear->setValue(0.5);
    auto* low = new QDoubleSpinBox(&dialog);
    auto* high = new QDoubleSpinBox(&dialog);
    for (QDoubleSpinBox* box : {low, high}) {
        box->setRange(1, 1e11);
        box->setDecimals(0);
        box->setGroupSeparatorShown(true);
        box->setSuffix(tr(" kr"));
    }
    low->setValue(50000);
    high->setValue(2000000);
    auto* note = new QPlainTextEdit(&dialog);
    form->addRow(tr("Hendelser per år:"), perYear);
    form->addRow(tr("Tap per hendelse, lavt (5 %):"), low);
    form->addRow(tr("Tap per hendelse, høyt (95 %):"), high);
    form->addRow(tr("Grunnlag:"), note);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    if (dialog.exec() == QDialog::Accepted) setEstimateOfSelected({perYear->value(), low->value(), high->value()}, note->toPlainText());
}

bool RiskPage::exportRegister(const QString& path) {
    auto tables = risks_.exportRegister(ctx_.session, service_->currentData().toString());
    if (!tables) return report(tables.error());
    if (!report(risk::writeRegisterFile(path, *tables))) return false;
    message_->setText(tr("Registeret (%n risiko(er)) er lagret i %1.", "", static_cast<int>(tables->risks.rows.size())).arg(path));
    return true;
}

std::optional<risk::ImportReport> RiskPage::importRegister(const QString& path, bool dryRun) {
    auto tables = risk::readRegisterFile(path);
    if (!tables) {
        report(tables.error());
        return std::nullopt;
    }
    return importTables(*tables, QFileInfo(path).fileName(), dryRun);
}

std::optional<risk::ImportReport> RiskPage::importTables(const risk::RegisterTables& tables, const QString& name, bool dryRun) {
    auto result = risks_.importRegister(ctx_.session, tables, name, dryRun);
    if (!result) {
        report(result.error());
        return std::nullopt;
    }
    report({});
    return *result;
}

void RiskPage::openExportDialog() {
    const QString path = QFileDialog::getSaveFileName(this, tr("Eksporter registeret"), QStringLiteral("ros-register.xlsx"),
                                                      tr("Regneark (*.xlsx);;CSV (*.csv)"));
    if (!path.isEmpty()) exportRegister(path);
}

void RiskPage::openImportDialog() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Importer register"), QString(), tr("Regneark (*.xlsx *.csv)"));
    if (path.isEmpty()) return;
    // Read once: what is previewed is what is imported.
    auto tables = risk::readRegisterFile(path);
    if (!tables) {
        report(tables.error());
        return;
    }
    const QString name = QFileInfo(path).fileName();
    const auto preview = importTables(*tables, name, true);
    if (!preview) return;
    QMessageBox box(QMessageBox::Question, tr("Importer register"),
                    tr("%1 nye risikoer, %2 endret, %3 uendret; %4 nye tiltak, %5 endret. Importere?")
                        .arg(preview->created)
                        .arg(preview->changed)
                        .arg(preview->unchanged)
                        .arg(preview->measuresAdded)
                        .arg(preview->measuresChanged),
                    QMessageBox::Yes | QMessageBox::Cancel, this);
    box.setDetailedText(preview->changes.join(QLatin1Char('\n')));
    if (box.exec() != QMessageBox::Yes) return;
    if (const auto done = importTables(*tables, name, false))
        message_->setText(tr("Importert fra %1: %2 nye, %3 endrede risikoer.").arg(name).arg(done->created).arg(done->changed));
}

}  // namespace vakt::desktop
