#include "desktop/audit/audit_page.h"

#include "desktop/shell/tables.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QtConcurrent/QtConcurrentRun>
#include <QDateEdit>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QTableWidget>
#include <QTimeZone>
#include <QVBoxLayout>

namespace vakt::desktop {

namespace {
constexpr int kPageSize = 200;

}  // namespace

AuditPage::AuditPage(AppContext& context, QWidget* parent) : QWidget(parent), ctx_(context) {
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(QStringLiteral("<h2>%1</h2>").arg(tr("Revisjonslogg")), this));

    auto* form = new QFormLayout;
    auto* who = new QHBoxLayout;
    by_ = new QComboBox(this);
    by_->setObjectName(QStringLiteral("auditBy"));
    by_->addItem(tr("Person (fødselsnummer eller d-nummer)"));
    by_->addItem(tr("Aktør (ansatt eller integrasjon)"));
    id_ = new QLineEdit(this);
    id_->setObjectName(QStringLiteral("auditId"));
    // Typed in, never shown back in clear.
    id_->setEchoMode(QLineEdit::Password);
    id_->setPlaceholderText(tr("Fødselsnummer, d-nummer eller aktør-id"));
    who->addWidget(by_);
    who->addWidget(id_, 1);
    form->addRow(tr("Søk etter"), who);
    auto* narrow = new QHBoxLayout;
    service_ = new QLineEdit(this);
    service_->setObjectName(QStringLiteral("auditService"));
    service_->setPlaceholderText(tr("Alle tjenester (for eksempel svarut)"));
    action_ = new QLineEdit(this);
    action_->setObjectName(QStringLiteral("auditAction"));
    action_->setPlaceholderText(tr("Alle handlinger (for eksempel person.lookup)"));
    narrow->addWidget(service_, 1);
    narrow->addWidget(action_, 1);
    form->addRow(tr("Tjeneste og handling"), narrow);
    auto* when = new QHBoxLayout;
    from_ = new QDateEdit(ctx_.store->clock().now().toLocalTime().date().addYears(-1), this);
    from_->setObjectName(QStringLiteral("auditFrom"));
    from_->setCalendarPopup(true);
    from_->setMinimumDate(QDate(1970, 1, 1));
    to_ = new QDateEdit(ctx_.store->clock().now().toLocalTime().date(), this);
    to_->setObjectName(QStringLiteral("auditTo"));
    to_->setCalendarPopup(true);
    when->addWidget(from_);
    when->addWidget(new QLabel(QStringLiteral("–"), this));
    when->addWidget(to_);
    when->addStretch();
    searchButton_ = new QPushButton(tr("Søk"), this);
    searchButton_->setObjectName(QStringLiteral("auditSearch"));
    searchButton_->setDefault(true);
    when->addWidget(searchButton_);
    form->addRow(tr("Periode"), when);
    layout->addLayout(form);

    status_ = new QLabel(this);
    status_->setObjectName(QStringLiteral("auditStatus"));
    status_->setWordWrap(true);
    layout->addWidget(status_);

    detectionsHeading_ = new QLabel(this);
    detectionsHeading_->setObjectName(QStringLiteral("auditDetectionsHeading"));
    layout->addWidget(detectionsHeading_);
    detections_ = readOnlyTable(QStringLiteral("auditDetections"), {tr("Alvorlighet"), tr("Regel"), tr("Bevis"), tr("Hva")}, this);
    detections_->setMaximumHeight(150);
    layout->addWidget(detections_);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    results_ = readOnlyTable(QStringLiteral("auditResults"),
                             {tr("Nr."), tr("Tidspunkt"), tr("Tjeneste"), tr("Handling"), tr("Resultat"), tr("Organisasjon")}, splitter, true);
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
    for (QLineEdit* field : {id_, service_, action_}) connect(field, &QLineEdit::returnPressed, this, &AuditPage::search);
    connect(verifyButton_, &QPushButton::clicked, this, &AuditPage::verifyLedger);
    connect(results_->verticalScrollBar(), &QScrollBar::valueChanged, this, [this](int value) {
        if (value >= results_->verticalScrollBar()->maximum() - 2) loadMore();
    });
    connect(results_, &QTableWidget::currentCellChanged, this, [this](int row) { showEvent(row); });

    const bool investigate = ctx_.session.allows(audit::permission::Investigate);
    const bool verify = ctx_.session.allows(audit::permission::Verify);
    auto keys = audit::LedgerKeys::load(ctx_.keysDir);
    if (!keys) {
        status_->setText(tr("Revisjonsloggen er ikke tilgjengelig: %1").arg(QString::fromStdString(keys.message())));
    } else {
        ledger_ = std::make_unique<audit::Ledger>(*ctx_.store, std::move(*keys));
        auto size = ledger_->size();
        ledgerState_->setText(size ? tr("Loggen har %n hendelse(r). Ikke verifisert i denne økten.", nullptr, static_cast<int>(*size))
                                   : QString::fromStdString(size.message()));
        if (!investigate) status_->setText(tr("Søk i revisjonsloggen krever rollen sikkerhetsansvarlig eller revisor."));
        else loadDetections();
    }
    detectionsHeading_->setVisible(ledger_ && investigate);
    detections_->setVisible(ledger_ && investigate);
    for (QWidget* w : std::initializer_list<QWidget*>{by_, id_, service_, action_, from_, to_, searchButton_}) w->setEnabled(ledger_ && investigate);
    verifyButton_->setEnabled(ledger_ && verify);
}

void AuditPage::search() {
    if (!ledger_) return;
    const QString id = id_->text().trimmed();
    if (id.isEmpty()) {
        status_->setText(tr("Skriv inn hvem du vil søke etter."));
        return;
    }
    query_ = {};
    (by_->currentIndex() == 0 ? query_.subject : query_.actor) = id.toStdString();
    query_.service = service_->text().trimmed().toStdString();
    query_.action = action_->text().trimmed().toStdString();
    query_.fromMs = from_->date().startOfDay(QTimeZone::systemTimeZone()).toMSecsSinceEpoch();
    query_.toMs = to_->date().addDays(1).startOfDay(QTimeZone::systemTimeZone()).toMSecsSinceEpoch() - 1;
    cursor_.reset();
    exhausted_ = false;
    results_->setRowCount(0);
    detail_->clear();
    loadMore();
}

void AuditPage::loadMore() {
    if (!ledger_ || exhausted_) return;
    auto page = ledger_->search(ctx_.session, query_, kPageSize, cursor_);
    if (!page) {
        status_->setText(QString::fromStdString(page.message()));
        exhausted_ = true;
        return;
    }
    exhausted_ = page->size() < static_cast<std::size_t>(kPageSize);
    for (const auto& e : *page) {
        const int row = results_->rowCount();
        results_->insertRow(row);
        auto* number = readOnlyCell(QString::number(e.seq));
        number->setData(Qt::UserRole, QString::fromStdString(e.canonical));
        results_->setItem(row, 0, number);
        results_->setItem(row, 1, readOnlyCell(QDateTime::fromMSecsSinceEpoch(e.timeMs).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))));
        results_->setItem(row, 2, readOnlyCell(e.service));
        results_->setItem(row, 3, readOnlyCell(e.action));
        results_->setItem(row, 4, readOnlyCell(e.result));
        results_->setItem(row, 5, readOnlyCell(e.actorOrg));
        cursor_ = audit::Ledger::Cursor{e.timeMs, e.seq};
    }
    if (results_->rowCount() == 0) status_->setText(tr("Ingen hendelser i perioden."));
    else status_->setText(exhausted_ ? tr("%n hendelse(r).", nullptr, results_->rowCount())
                                : tr("Viser de første %n hendelsene; rull ned for flere.", nullptr, results_->rowCount()));
}

void AuditPage::showEvent(int row) {
    if (row < 0 || !results_->item(row, 0)) return;
    const qint64 seq = results_->item(row, 0)->text().toLongLong();
    const QString canonical = results_->item(row, 0)->data(Qt::UserRole).toString();
    QString text = QString::fromUtf8(QJsonDocument::fromJson(canonical.toUtf8()).toJson(QJsonDocument::Indented));
    auto proof = ledger_->inclusionProof(ctx_.session, static_cast<std::uint64_t>(seq));
    if (!proof) {
        text += tr("\nIngen bevis ennå: %1").arg(QString::fromStdString(proof.message()));
    } else {
        const auto check = audit::checkProof(*proof, ledger_->keys().publicPem());
        const QJsonObject head = (*proof)[QStringLiteral("head")].toObject();
        text += tr("\nBevis: hendelse %1 står i treet med %2 hendelser (rot %3), signert %4. %5")
                    .arg(seq)
                    .arg(head[QStringLiteral("tree_size")].toInteger())
                    .arg(head[QStringLiteral("root")].toString().left(16))
                    .arg(QDateTime::fromMSecsSinceEpoch(head[QStringLiteral("timestamp_ms")].toInteger()).toString(QStringLiteral("yyyy-MM-dd HH:mm")))
                    .arg(check ? tr("Beviset holder.") : tr("Beviset holder ikke: %1").arg(QString::fromStdString(check.message())));
    }
    detail_->setPlainText(text);
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
            ledgerState_->setText(tr("Loggen er uendret: %1 hendelser og %2 signerte trehoder stemmer (verifisert %3).")
                                      .arg(v.report.events)
                                      .arg(v.report.heads)
                                      .arg(ctx_.store->clock().now().toLocalTime().toString(QStringLiteral("HH:mm"))));
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
        if (!own) return {QString::fromStdString(own.message()), {}};
        auto keys = audit::LedgerKeys::load(keysDir);
        if (!keys) return {QString::fromStdString(keys.message()), {}};
        audit::Ledger ledger(**own, std::move(*keys));
        auto report = ledger.verify(session);
        if (!report) return {QString::fromStdString(report.message()), {}};
        return {{}, *report};
    }));
}

void AuditPage::loadDetections() {
    auto open = ledger_->openDetections(ctx_.session);
    if (!open) {
        detectionsHeading_->setText(QString::fromStdString(open.message()));
        return;
    }
    detectionsHeading_->setText(open->empty() ? tr("Ingen åpne funn fra deteksjonsreglene.")
                                              : tr("Åpne funn fra deteksjonsreglene: %1").arg(open->size()));
    detections_->setRowCount(static_cast<int>(open->size()));
    for (int row = 0; row < static_cast<int>(open->size()); ++row) {
        const auto& d = (*open)[static_cast<std::size_t>(row)];
        const QString severity = d.severity == QLatin1String("critical") ? tr("Kritisk")
                                 : d.severity == QLatin1String("warning") ? tr("Advarsel")
                                                                          : tr("Info");
        detections_->setItem(row, 0, readOnlyCell(severity));
        detections_->setItem(row, 1, readOnlyCell(d.rule));
        detections_->setItem(row, 2, readOnlyCell(tr("%n hendelse(r)", nullptr, static_cast<int>(d.evidence))));
        detections_->setItem(row, 3, readOnlyCell(d.summary));
    }
}

void AuditPage::prepareScreenshot() {
    // A picture of the page shows whether the log is intact, not just how many events it holds.
    if (!verifyButton_->isEnabled()) return;
    verifyLedger();
    while (verifying_) QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
}

}  // namespace vakt::desktop
