#include "desktop/audit/audit_page.h"

#include <QAction>
#include <QComboBox>
#include <QCoreApplication>
#include <QDateEdit>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollBar>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include "core/base/norway.h"
#include "desktop/audit/event_table.h"
#include "desktop/audit/finding_dialog.h"
#include "desktop/monitoring/monitoring_page.h"
#include "desktop/shell/formatting.h"
#include "desktop/shell/modules.h"
#include "desktop/shell/tables.h"

namespace vakt::desktop {

namespace {
constexpr int kPageSize = 200;
enum By { ByPerson = 0, ByActor = 1, ByOther = 2 };
int severityRank(const QString& s) { return s == QLatin1String("critical") ? 3 : s == QLatin1String("warning") ? 2 : 1; }
}  // namespace

AuditPage::AuditPage(AppContext& context, QWidget* parent) : Page(parent), ctx_(context), names_(AuditNames::load(context)) {
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(QStringLiteral("<h2>%1</h2>").arg(tr("Revisjonslogg")), this));

    // The findings first: they are what waits.
    auto* findingsRow = new QHBoxLayout;
    detectionsHeading_ = new QLabel(this);
    detectionsHeading_->setObjectName(QStringLiteral("auditDetectionsHeading"));
    findingsRow->addWidget(detectionsHeading_, 1);
    findingSeverity_ = new QComboBox(this);
    findingSeverity_->setObjectName(QStringLiteral("auditFindingSeverity"));
    findingSeverity_->addItem(tr("Alle alvorligheter"), QString());
    findingSeverity_->addItem(tr("Kritisk"), QStringLiteral("critical"));
    findingSeverity_->addItem(tr("Advarsel"), QStringLiteral("warning"));
    findingSeverity_->addItem(tr("Info"), QStringLiteral("info"));
    findingsRow->addWidget(findingSeverity_);
    auto* openFindingButton = new QPushButton(tr("Åpne funn"), this);
    openFindingButton->setObjectName(QStringLiteral("auditOpenFinding"));
    findingsRow->addWidget(openFindingButton);
    layout->addLayout(findingsRow);
    detections_ = readOnlyTable(QStringLiteral("auditDetections"),
                                {tr("Åpnet"), tr("Alvorlighet"), tr("Regel"), tr("Organisasjon"), tr("Tjeneste"), tr("Bevis"), tr("Tatt av")}, this,
                                true);
    // The most severe first, until the person sorts otherwise (remembered).
    detections_->horizontalHeader()->setSortIndicator(1, Qt::DescendingOrder);
    detections_->setSortingEnabled(true);
    detections_->setMaximumHeight(190);
    detections_->setWordWrap(false);
    rememberHeader(detections_->horizontalHeader(), QStringLiteral("auditDetections"));
    layout->addWidget(detections_);

    auto* form = new QFormLayout;
    auto* who = new QHBoxLayout;
    by_ = new QComboBox(this);
    by_->setObjectName(QStringLiteral("auditBy"));
    by_->addItem(tr("Person (fødselsnummer eller d-nummer)"));
    by_->addItem(tr("Aktør (ansatt eller integrasjon)"));
    by_->addItem(tr("Organisasjon eller dokument (id som i loggen)"));
    id_ = new QLineEdit(this);
    id_->setObjectName(QStringLiteral("auditId"));
    showId_ = id_->addAction(themeIcon(QStringLiteral("view-visible"), QStyle::SP_FileDialogInfoView), QLineEdit::TrailingPosition);
    showId_->setObjectName(QStringLiteral("auditShowId"));
    showId_->setCheckable(true);
    showId_->setToolTip(tr("Vis nummeret mens du skriver"));
    who->addWidget(by_);
    who->addWidget(id_, 1);
    form->addRow(tr("Søk etter"), who);
    auto* narrow = new QHBoxLayout;
    service_ = new QComboBox(this);
    service_->setObjectName(QStringLiteral("auditService"));
    service_->setEditable(true);
    service_->addItem(QString());
    QStringList serviceNames = names_.services.values();
    serviceNames.sort(Qt::CaseInsensitive);
    service_->addItems(serviceNames);
    service_->lineEdit()->setPlaceholderText(tr("Alle tjenester (navn eller nøkkel, for eksempel SvarUt)"));
    service_->setMinimumContentsLength(24);
    action_ = new QLineEdit(this);
    action_->setObjectName(QStringLiteral("auditAction"));
    action_->setPlaceholderText(tr("Alle handlinger (for eksempel person.lookup)"));
    narrow->addWidget(service_, 1);
    narrow->addWidget(action_, 1);
    form->addRow(tr("Tjeneste og handling"), narrow);
    auto* when = new QHBoxLayout;
    const QDate today = ctx_.store->clock().now().toTimeZone(displayZone()).date();
    from_ = new QDateEdit(today.addYears(-1), this);
    from_->setObjectName(QStringLiteral("auditFrom"));
    from_->setCalendarPopup(true);
    from_->setMinimumDate(QDate(1970, 1, 1));
    to_ = new QDateEdit(today, this);
    to_->setObjectName(QStringLiteral("auditTo"));
    to_->setCalendarPopup(true);
    when->addWidget(from_);
    when->addWidget(new QLabel(QStringLiteral("–"), this));
    when->addWidget(to_);
    when->addWidget(new QLabel(tr("(%1)").arg(QString::fromUtf8(displayZone().id())), this));
    when->addStretch();
    searchButton_ = new QPushButton(tr("Søk"), this);
    searchButton_->setObjectName(QStringLiteral("auditSearch"));
    searchButton_->setDefault(true);
    when->addWidget(searchButton_);
    exportButton_ = new QPushButton(tr("Eksporter bevis …"), this);
    exportButton_->setObjectName(QStringLiteral("auditExport"));
    exportButton_->setToolTip(tr("Lagrer hendelsene i søket med bevis som en fil til politiet eller Datatilsynet"));
    exportButton_->setEnabled(false);
    when->addWidget(exportButton_);
    form->addRow(tr("Periode"), when);
    layout->addLayout(form);

    status_ = new QLabel(this);
    status_->setObjectName(QStringLiteral("auditStatus"));
    status_->setWordWrap(true);
    layout->addWidget(status_);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    results_ = eventTable(QStringLiteral("auditResults"), splitter);
    rememberHeader(results_->horizontalHeader(), QStringLiteral("auditResults"));
    detail_ = new QPlainTextEdit(splitter);
    detail_->setObjectName(QStringLiteral("auditDetail"));
    detail_->setReadOnly(true);
    detail_->setPlaceholderText(tr("Velg en hendelse for å se den og beviset for at den står i loggen."));
    layout->addWidget(splitter, 1);

    auto* ledgerRow = new QHBoxLayout;
    ledgerState_ = new QLabel(this);
    ledgerState_->setObjectName(QStringLiteral("auditLedgerState"));
    ledgerState_->setWordWrap(true);
    verifyButton_ = new QPushButton(tr("Verifiser loggen"), this);
    verifyButton_->setObjectName(QStringLiteral("auditVerify"));
    ledgerRow->addWidget(ledgerState_, 1);
    ledgerRow->addWidget(verifyButton_);
    layout->addLayout(ledgerRow);

    connect(searchButton_, &QPushButton::clicked, this, &AuditPage::search);
    connect(exportButton_, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Eksporter bevis"), QStringLiteral("bevis.json"), tr("JSON (*.json)"));
        if (!path.isEmpty()) exportEvidence(path);
    });
    for (QLineEdit* field : {id_, service_->lineEdit(), action_}) connect(field, &QLineEdit::returnPressed, this, &AuditPage::search);
    connect(by_, &QComboBox::currentIndexChanged, this, &AuditPage::updateIdField);
    connect(showId_, &QAction::toggled, this, &AuditPage::updateIdField);
    connect(verifyButton_, &QPushButton::clicked, this, &AuditPage::verifyLedger);
    connect(results_->verticalScrollBar(), &QScrollBar::valueChanged, this, [this](int value) {
        if (value >= results_->verticalScrollBar()->maximum() - 2) loadMore();
    });
    connect(results_, &QTableWidget::currentCellChanged, this, [this](int row) { showResult(row); });
    connect(findingSeverity_, &QComboBox::currentIndexChanged, this, &AuditPage::applyFindingFilter);
    connect(detections_, &QTableWidget::cellActivated, this, [this](int row) { openFinding(row); });
    connect(openFindingButton, &QPushButton::clicked, this, [this] { openFinding(detections_->currentRow()); });
    updateIdField();

    const bool investigate = ctx_.session.allows(audit::permission::Investigate);
    const bool verify = ctx_.session.allows(audit::permission::Verify);
    auto keys = audit::LedgerKeys::load(ctx_.keysDir);
    if (!keys) {
        status_->setText(tr("Revisjonsloggen er ikke tilgjengelig: nøkkelmappen kan ikke leses (%1).")
                             .arg(ctx_.keysDir.isEmpty() ? tr("ingen mappe er oppgitt; bruk --keys") : ctx_.keysDir));
        status_->setToolTip(errorDetail(keys.error()));
    } else {
        ledger_ = std::make_unique<audit::Ledger>(*ctx_.store, std::move(*keys));
        auto size = ledger_->size();
        ledgerState_->setText(size ? tr("Loggen har %n hendelse(r). Ikke verifisert i denne økten.", nullptr, static_cast<int>(*size))
                                   : describeError(size.error()));
        if (!investigate) status_->setText(tr("Søk i revisjonsloggen krever rollen sikkerhetsansvarlig eller revisor."));
        else loadDetections();
    }
    for (QWidget* w : std::initializer_list<QWidget*>{detectionsHeading_, detections_, findingSeverity_, openFindingButton})
        w->setVisible(ledger_ && investigate);
    for (QWidget* w : std::initializer_list<QWidget*>{by_, id_, service_, action_, from_, to_, searchButton_}) w->setEnabled(ledger_ && investigate);
    verifyButton_->setEnabled(ledger_ && verify);
}

AuditPage::~AuditPage() = default;

void AuditPage::updateIdField() {
    // Only a person's number is hidden; an integration's or organisation's id is not secret.
    const bool person = by_->currentIndex() == ByPerson;
    showId_->setVisible(person);
    id_->setEchoMode(person && !showId_->isChecked() ? QLineEdit::Password : QLineEdit::Normal);
    id_->setPlaceholderText(person ? tr("11 sifre") : by_->currentIndex() == ByActor ? tr("Ansattnummer eller integrasjons-id") : tr("Id som i loggen"));
}

void AuditPage::refresh() {
    names_ = AuditNames::load(ctx_);
    if (ledger_ && ctx_.session.allows(audit::permission::Investigate)) loadDetections();
}

void AuditPage::focusSearch() {
    id_->setFocus();
    id_->selectAll();
}

void AuditPage::showItems(const QString& which) {
    if (which.startsWith(QLatin1String("findings"))) {
        detections_->setFocus();
        if (detections_->rowCount() > 0) detections_->selectRow(0);
    }
}

bool AuditPage::buildQuery(audit::Ledger::Query& query) {
    QString id = id_->text().trimmed();
    if (id.isEmpty()) {
        status_->setText(tr("Skriv inn hvem du vil søke etter."));
        return false;
    }
    query = {};
    if (by_->currentIndex() == ByPerson) {
        // People write numbers with spaces; a wrong number must not look like "nobody looked them up".
        id.remove(QLatin1Char(' '));
        if (!std::all_of(id.begin(), id.end(), [](QChar c) { return c.isDigit(); })) {
            status_->setText(tr("Et fødselsnummer eller d-nummer har bare sifre. Ingen søk er gjort."));
            return false;
        }
        if (id.size() != 11) {
            status_->setText(tr("Et fødselsnummer eller d-nummer har 11 sifre; du skrev %n. Ingen søk er gjort.", nullptr, static_cast<int>(id.size())));
            return false;
        }
        if (!norway::isValidPersonId(id.toStdString())) {
            status_->setText(tr("Kontrollsifrene stemmer ikke: nummeret er skrevet feil. Ingen søk er gjort."));
            return false;
        }
        query.subject = id.toStdString();
    } else if (by_->currentIndex() == ByActor) {
        query.actor = id.toStdString();
    } else {
        query.subject = id.toStdString();
    }
    query.service = names_.serviceKey(service_->currentText()).toStdString();
    query.action = action_->text().trimmed().toStdString();
    query.fromMs = from_->date().startOfDay(displayZone()).toMSecsSinceEpoch();
    query.toMs = to_->date().addDays(1).startOfDay(displayZone()).toMSecsSinceEpoch() - 1;
    return true;
}

void AuditPage::search() {
    if (!ledger_) return;
    audit::Ledger::Query query;
    if (!buildQuery(query)) {
        results_->setRowCount(0);
        detail_->clear();
        exportButton_->setEnabled(false);
        return;
    }
    query_ = query;
    cursor_.reset();
    exhausted_ = false;
    results_->setRowCount(0);
    detail_->clear();
    loadMore();
    exportButton_->setEnabled(results_->rowCount() > 0);
}

void AuditPage::loadMore() {
    if (!ledger_ || exhausted_) return;
    auto page = ledger_->search(ctx_.session, query_, kPageSize, cursor_);
    if (!page) {
        status_->setText(describeError(page.error()));
        status_->setToolTip(errorDetail(page.error()));
        exhausted_ = true;
        return;
    }
    exhausted_ = page->size() < static_cast<std::size_t>(kPageSize);
    for (const auto& e : *page) {
        appendEvent(results_, e, names_);
        cursor_ = audit::Ledger::Cursor{e.timeMs, e.seq};
    }
    fitColumns(results_);
    const int n = results_->rowCount();
    if (n == 0) status_->setText(tr("Ingen hendelser i perioden."));
    else status_->setText(exhausted_ ? tr("%n hendelse(r).", nullptr, n) : tr("Viser de første %n hendelsene; rull ned for flere.", nullptr, n));
}

bool AuditPage::exportEvidence(const QString& path) {
    if (!ledger_) return false;
    auto bundle = ledger_->evidence(ctx_.session, query_);
    if (!bundle) {
        status_->setText(tr("Bevis ble ikke eksportert: %1").arg(describeError(bundle.error())));
        status_->setToolTip(errorDetail(bundle.error()));
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(*bundle).toJson(QJsonDocument::Indented)) < 0 || !file.commit()) {
        status_->setText(tr("Kunne ikke skrive %1: %2").arg(path, file.errorString()));
        return false;
    }
    status_->setText(tr("Bevis for %n hendelse(r) er lagret i %1.", nullptr, static_cast<int>((*bundle)[QStringLiteral("events")].toArray().size()))
                         .arg(path));
    return true;
}

void AuditPage::showResult(int row) {
    if (ledger_ && row >= 0) detail_->setPlainText(eventDetail(*ledger_, ctx_.session, results_, row));
}

void AuditPage::verifyLedger() {
    if (!ledger_ || verifying_) return;
    verifying_ = new QFutureWatcher<Verification>(this);
    verifyButton_->setEnabled(false);
    ledgerState_->setStyleSheet({});
    ledgerState_->setText(tr("Verifiserer loggen …"));
    // A large ledger takes seconds to recompute, so it runs on its own connection, off the UI thread.
    const Store* store = ctx_.store.get();
    const Session session = ctx_.session;
    const QString keysDir = ctx_.keysDir;
    auto* watcher = verifying_;
    connect(watcher, &QFutureWatcher<Verification>::finished, this, [this, watcher] {
        const Verification v = watcher->result();
        if (!v.error.isEmpty()) {
            ledgerState_->setText(v.error);
        } else if (v.report.intact()) {
            const int heads = static_cast<int>(v.report.heads);
            ledgerState_->setText(tr("Loggen er uendret: %1 hendelser og %n signerte trehode(r) stemmer (verifisert %2).", nullptr, heads)
                                      .arg(formatNumber(static_cast<qint64>(v.report.events)), formatTime(ctx_.store->clock().now())));
        } else {
            ledgerState_->setText(tr("Loggen er endret: %1").arg(QString::fromStdString(v.report.problem)));
            ledgerState_->setStyleSheet(QStringLiteral("color: #b00020; font-weight: bold"));
        }
        verifyButton_->setEnabled(true);
        watcher->deleteLater();
        verifying_ = nullptr;
    });
    watcher->setFuture(QtConcurrent::run([store, session, keysDir]() -> Verification {
        auto own = store->openAnother();
        if (!own) return {describeError(own.error()), {}};
        auto keys = audit::LedgerKeys::load(keysDir);
        if (!keys) return {describeError(keys.error()), {}};
        audit::Ledger ledger(**own, std::move(*keys));
        auto report = ledger.verify(session);
        if (!report) return {describeError(report.error()), {}};
        return {{}, *report};
    }));
}

void AuditPage::loadDetections() {
    auto open = ledger_->openDetections(ctx_.session);
    if (!open) {
        detectionsHeading_->setText(describeError(open.error()));
        return;
    }
    unhandledFindings_ = 0;
    detections_->setSortingEnabled(false);
    detections_->setRowCount(static_cast<int>(open->size()));
    for (int row = 0; row < static_cast<int>(open->size()); ++row) {
        const auto& d = (*open)[static_cast<std::size_t>(row)];
        if (d.acknowledgedBy.isEmpty()) ++unhandledFindings_;
        const QDateTime opened = QDateTime::fromString(d.openedAt, Qt::ISODate);
        auto* when = readOnlyCell(formatDateTime(opened), opened.toMSecsSinceEpoch());
        when->setData(Qt::UserRole + 1, d.id);
        detections_->setItem(row, 0, when);
        auto* severity = readOnlyCell(severityTitle(d.severity), severityRank(d.severity));
        severity->setData(Qt::UserRole + 2, d.severity);
        detections_->setItem(row, 1, severity);
        auto* rule = readOnlyCell(d.rule);
        rule->setToolTip(AuditNames::shortenPseudonyms(inUserLanguage(d.summary, d.summaryEn)));
        detections_->setItem(row, 2, rule);
        detections_->setItem(row, 3, readOnlyCell(d.actorOrg.isEmpty() ? QStringLiteral("–") : names_.organisation(d.actorOrg)));
        detections_->setItem(row, 4, readOnlyCell(names_.service(d.service)));
        detections_->setItem(row, 5, readOnlyCell(tr("%n hendelse(r)", nullptr, static_cast<int>(d.evidence)), d.evidence));
        detections_->setItem(row, 6, readOnlyCell(d.acknowledgedBy.isEmpty() ? QStringLiteral("–") : d.acknowledgedBy));
    }
    detections_->setSortingEnabled(true);
    fitColumns(detections_);
    detectionsHeading_->setText(open->empty() ? tr("Ingen åpne funn fra deteksjonsreglene.")
                                              : QStringLiteral("<b>%1</b>").arg(tr("%n åpne funn fra deteksjonsreglene, %1 ikke tatt", nullptr,
                                                                                     static_cast<int>(open->size()))
                                                                                      .arg(unhandledFindings_)));
    applyFindingFilter();
    emit attentionChanged();
}

void AuditPage::applyFindingFilter() {
    const QString severity = findingSeverity_->currentData().toString();
    for (int row = 0; row < detections_->rowCount(); ++row)
        detections_->setRowHidden(row, !severity.isEmpty() && detections_->item(row, 1)->data(Qt::UserRole + 2).toString() != severity);
}

FindingDialog* AuditPage::openFinding(int row) {
    if (!ledger_ || row < 0 || !detections_->item(row, 0)) return nullptr;
    auto* dialog = new FindingDialog(ctx_, *ledger_, names_, detections_->item(row, 0)->data(Qt::UserRole + 1).toLongLong(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &FindingDialog::changed, this, &AuditPage::loadDetections);
    dialog->show();
    return dialog;
}

void AuditPage::prepareScreenshot() {
    // A picture of the page shows whether the log is intact, not just how many events it holds.
    if (!verifyButton_->isEnabled()) return;
    verifyLedger();
    while (verifying_) QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
}

}  // namespace vakt::desktop
