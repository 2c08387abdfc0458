#include "desktop/access/access_page.h"

#include <QBrush>
#include <QClipboard>
#include <QColor>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFont>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QSignalBlocker>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>
#include <algorithm>
#include <utility>

#include "collector/audit/keys.h"
#include "desktop/access/access_dialogs.h"
#include "desktop/access/access_names.h"
#include "desktop/access/review_model.h"
#include "desktop/access/review_view.h"
#include "desktop/shell/formatting.h"
#include "desktop/shell/tables.h"

namespace vakt::desktop {

namespace {
constexpr const char kGreen[] = "#1b5e20";
constexpr int kIdRole = Qt::UserRole + 1;  // Qt::UserRole is the sort key (tables.h)
const QString kOpen = QStringLiteral("open");

QTableWidgetItem* numberCell(qint64 n) {
    QTableWidgetItem* cell = readOnlyCell(formatNumber(n), QVariant::fromValue(n));
    cell->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return cell;
}

void warnCell(QTableWidgetItem* cell) {
    cell->setForeground(QBrush(QColor(QLatin1String(kWarningRed))));
    QFont bold = cell->font();
    bold.setBold(true);
    cell->setFont(bold);
}

QString revocationActionTitle(const QString& action) {
    if (action == QLatin1String("revoke")) return AccessPage::tr("fjernes");
    if (action == QLatin1String("reduce")) return AccessPage::tr("reduseres");
    return action;
}

// Every flag at once, for "any flagged".
access::Flags allFlagBits() {
    access::Flags bits = 0;
    for (const access::Flag f : access::allFlags()) bits |= static_cast<access::Flags>(f);
    return bits;
}

bool writeFile(const QString& path, const QByteArray& bytes, QString* error) {
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() && file.commit()) return true;
    *error = file.errorString();
    return false;
}
}  // namespace

AccessPage::AccessPage(AppContext& context, QWidget* parent) : Page(parent), ctx_(context) {
    setObjectName(QStringLiteral("accessPage"));
    readsAll_ = ctx_.session.allows(access::permission::AccessReadAll);
    manages_ = ctx_.session.allows(access::permission::AccessManage);
    const bool reads = readsAll_ || ctx_.session.allows(access::permission::AccessRead);
    const bool reviews = ctx_.session.allows(access::permission::AccessReview);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(QStringLiteral("<h2>%1</h2>").arg(tr("Tilgangsgjennomgang")), this));
    access_ = new QLabel(this);
    access_->setObjectName(QStringLiteral("accessAccess"));
    access_->setWordWrap(true);
    access_->hide();
    layout->addWidget(access_);
    message_ = new QLabel(this);
    message_->setObjectName(QStringLiteral("accessMessage"));
    message_->setWordWrap(true);
    message_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(message_);

    if (!reads) {
        message_->setText(tr("Rollen din (%1) har ikke tilgang til tilgangsgjennomgangene.").arg(roleTitle(ctx_.session.role)));
        layout->addStretch(1);
        return;
    }
    if (!readsAll_) {
        // A reviewer sees only their own items: no campaign list, no one else's figures.
        review_ = new ReviewView(ctx_, this);
        layout->addWidget(review_, 1);
        connect(review_, &ReviewView::decided, this, &Page::attentionChanged);
        return;
    }

    tabs_ = new QTabWidget(this);
    tabs_->setObjectName(QStringLiteral("accessTabs"));
    layout->addWidget(tabs_, 1);
    buildOfficerView();
    if (reviews) {
        // Items nobody else may review come to the campaign's owner.
        review_ = new ReviewView(ctx_, tabs_);
        tabs_->addTab(review_, tr("Til meg"));
        connect(review_, &ReviewView::decided, this, [this] {
            loadCampaigns(currentCampaign());
            emit attentionChanged();
        });
    }
    if (!manages_) {
        access_->setText(tr("Lesetilgang: rollen din (%1) kan se gjennomgangene, framdriften, tilgangene og importene og kontrollere "
                            "attestasjoner, men ikke endre noe.")
                             .arg(roleTitle(ctx_.session.role)));
        access_->show();
    }
    const CatalogNames names = loadCatalogNames(ctx_);
    organisations_ = names.organisations;
    services_ = names.services;
    people_ = names.people;
    allModel_->setNames(organisations_, services_, people_);
    loadCampaigns(0);
    loadImports();
    updateActions();
}

void AccessPage::buildOfficerView() {
    // ---- Campaigns
    campaignsTab_ = new QWidget(tabs_);
    auto* campaignsLayout = new QVBoxLayout(campaignsTab_);
    auto* actions = new QHBoxLayout;
    new_ = new QPushButton(tr("Ny gjennomgang…"), campaignsTab_);
    new_->setObjectName(QStringLiteral("newCampaign"));
    new_->setShortcut(QKeySequence(QKeySequence::New));
    remind_ = new QPushButton(tr("Påminn"), campaignsTab_);
    remind_->setObjectName(QStringLiteral("remindCampaign"));
    close_ = new QPushButton(tr("Lukk og signer…"), campaignsTab_);
    close_->setObjectName(QStringLiteral("closeCampaign"));
    exportRevocations_ = new QPushButton(tr("Eksporter tilbaketrekkinger…"), campaignsTab_);
    exportRevocations_->setObjectName(QStringLiteral("exportRevocations"));
    exportAttestation_ = new QPushButton(tr("Eksporter attestasjon…"), campaignsTab_);
    exportAttestation_->setObjectName(QStringLiteral("exportAttestation"));
    verifyAttestation_ = new QPushButton(tr("Kontroller attestasjon…"), campaignsTab_);
    verifyAttestation_->setObjectName(QStringLiteral("verifyAttestation"));
    for (QPushButton* b : {new_, remind_, close_, exportRevocations_, exportAttestation_, verifyAttestation_}) actions->addWidget(b);
    actions->addStretch(1);
    campaignsLayout->addLayout(actions);
    campaigns_ = readOnlyTable(QStringLiteral("campaignTable"),
                               {tr("Gjennomgang"), tr("Type"), tr("Status"), tr("Avgjort"), tr("Flagget"), tr("Frist"), tr("Tilbaketrekkinger"),
                                tr("Ansvarlig")},
                               campaignsTab_, true);
    campaigns_->setWordWrap(false);
    campaigns_->horizontalHeader()->setSortIndicator(CampaignDue, Qt::DescendingOrder);
    rememberHeader(campaigns_->horizontalHeader(), QStringLiteral("accessCampaigns"));
    campaignsLayout->addWidget(campaigns_, 2);
    detail_ = new QLabel(campaignsTab_);
    detail_->setObjectName(QStringLiteral("campaignDetail"));
    detail_->setWordWrap(true);
    detail_->setTextFormat(Qt::RichText);
    detail_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    detail_->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    campaignsLayout->addWidget(detail_, 1);
    attestation_ = new QLabel(campaignsTab_);
    attestation_->setObjectName(QStringLiteral("attestationResult"));
    attestation_->setWordWrap(true);
    attestation_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    campaignsLayout->addWidget(attestation_);
    tabs_->addTab(campaignsTab_, tr("Gjennomganger"));

    // ---- Progress per reviewer
    progressTab_ = new QWidget(tabs_);
    auto* progressLayout = new QVBoxLayout(progressTab_);
    progressTitle_ = new QLabel(progressTab_);
    progressTitle_->setObjectName(QStringLiteral("progressTitle"));
    progressLayout->addWidget(progressTitle_);
    progress_ = readOnlyTable(QStringLiteral("progressTable"),
                              {tr("Gjennomgår"), tr("Tilganger"), tr("Avgjort"), tr("Gjenstår"), tr("Flagget"), tr("Forfalt")}, progressTab_, true);
    progress_->horizontalHeader()->setSortIndicator(ProgressLeft, Qt::DescendingOrder);
    rememberHeader(progress_->horizontalHeader(), QStringLiteral("accessProgress"));
    progressLayout->addWidget(progress_, 1);
    tabs_->addTab(progressTab_, tr("Framdrift"));

    // ---- All items
    itemsTab_ = new QWidget(tabs_);
    auto* itemsLayout = new QVBoxLayout(itemsTab_);
    itemsTitle_ = new QLabel(itemsTab_);
    itemsTitle_->setObjectName(QStringLiteral("itemsTitle"));
    itemsLayout->addWidget(itemsTitle_);
    auto* filters = new QHBoxLayout;
    flagFilter_ = new QComboBox(itemsTab_);
    flagFilter_->setObjectName(QStringLiteral("flagFilter"));
    flagFilter_->addItem(tr("Alle tilganger"), QVariant::fromValue<qulonglong>(0));
    flagFilter_->addItem(tr("Alle flaggede"), QVariant::fromValue<qulonglong>(kAnyFlag));
    for (const access::Flag f : access::allFlags())
        flagFilter_->addItem(tr("Flagg: %1").arg(AccessText::flagLabel(f)), QVariant::fromValue<qulonglong>(static_cast<access::Flags>(f)));
    search_ = new QLineEdit(itemsTab_);
    search_->setObjectName(QStringLiteral("itemSearch"));
    search_->setPlaceholderText(tr("Søk i innehaver, virksomhet, tjeneste eller detalj"));
    search_->setClearButtonEnabled(true);
    itemCount_ = new QLabel(itemsTab_);
    itemCount_->setObjectName(QStringLiteral("itemCount"));
    filters->addWidget(new QLabel(tr("Vis:"), itemsTab_));
    filters->addWidget(flagFilter_);
    filters->addWidget(search_, 1);
    filters->addWidget(itemCount_);
    itemsLayout->addLayout(filters);
    allModel_ = new ReviewItemModel(this);
    allItems_ = new QTableView(itemsTab_);
    allItems_->setObjectName(QStringLiteral("allItemsTable"));
    allItems_->setModel(allModel_);
    allItems_->setSelectionBehavior(QAbstractItemView::SelectRows);
    allItems_->setSelectionMode(QAbstractItemView::SingleSelection);
    allItems_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    allItems_->setTabKeyNavigation(false);
    allItems_->setWordWrap(false);
    allItems_->verticalHeader()->hide();
    allItems_->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    allItems_->setItemDelegateForColumn(ReviewItemModel::Flags, new FlagChipDelegate(allItems_));
    allItems_->horizontalHeader()->setSortIndicator(ReviewItemModel::Flags, Qt::DescendingOrder);
    allItems_->horizontalHeader()->setSortIndicatorShown(true);
    rememberHeader(allItems_->horizontalHeader(), QStringLiteral("accessItems"));
    allItems_->setSortingEnabled(true);
    itemsLayout->addWidget(allItems_, 1);
    tabs_->addTab(itemsTab_, tr("Alle tilganger"));

    // ---- Imports
    importsTab_ = new QWidget(tabs_);
    auto* importsLayout = new QVBoxLayout(importsTab_);
    auto* importRow = new QHBoxLayout;
    import_ = new QPushButton(tr("Importer tilganger…"), importsTab_);
    import_->setObjectName(QStringLiteral("importGrants"));
    auto* importHint = new QLabel(tr("Hver eksport fra plattformen lagres for seg: importen viser hva som er nytt, fjernet og endret siden sist, "
                                     "og om tilbaketrekkingene fra lukkede gjennomganger er gjennomført."),
                                  importsTab_);
    importHint->setWordWrap(true);
    importRow->addWidget(import_);
    importRow->addWidget(importHint, 1);
    importsLayout->addLayout(importRow);
    imports_ = readOnlyTable(QStringLiteral("importTable"),
                             {tr("Fil"), tr("Format"), tr("Importert"), tr("Av"), tr("Tilganger"), tr("Nye"), tr("Fjernet"), tr("Endret"),
                              tr("Tilbaketrekkinger kontrollert"), tr("Ikke gjennomført")},
                             importsTab_, true);
    imports_->setWordWrap(false);
    imports_->horizontalHeader()->setSortIndicator(2, Qt::DescendingOrder);
    rememberHeader(imports_->horizontalHeader(), QStringLiteral("accessImports"));
    importsLayout->addWidget(imports_, 1);
    tabs_->addTab(importsTab_, tr("Importer"));

    searchDelay_ = new QTimer(this);
    searchDelay_->setSingleShot(true);
    searchDelay_->setInterval(250);
    connect(searchDelay_, &QTimer::timeout, this, &AccessPage::loadAllItems);
    connect(search_, &QLineEdit::textChanged, searchDelay_, qOverload<>(&QTimer::start));
    connect(search_, &QLineEdit::returnPressed, this, &AccessPage::loadAllItems);
    connect(flagFilter_, &QComboBox::currentIndexChanged, this, &AccessPage::loadAllItems);
    connect(campaigns_, &QTableWidget::itemSelectionChanged, this, [this] {
        if (filling_) return;
        const QList<QTableWidgetItem*> selected = campaigns_->selectedItems();
        if (selected.isEmpty()) return;
        if (const QTableWidgetItem* name = campaigns_->item(selected.first()->row(), CampaignName)) showCampaign(name->data(kIdRole).toLongLong());
    });
    connect(new_, &QPushButton::clicked, this, &AccessPage::openNewCampaign);
    connect(remind_, &QPushButton::clicked, this, &AccessPage::openRemind);
    connect(close_, &QPushButton::clicked, this, &AccessPage::openClose);
    connect(exportRevocations_, &QPushButton::clicked, this, &AccessPage::openExportRevocations);
    connect(exportAttestation_, &QPushButton::clicked, this, &AccessPage::openExportAttestation);
    connect(verifyAttestation_, &QPushButton::clicked, this, &AccessPage::openVerifyAttestation);
    connect(import_, &QPushButton::clicked, this, &AccessPage::openImport);
}

// ---- Reading

void AccessPage::refresh() {
    if (review_) review_->reload();
    if (!tabs_) return;
    loadCampaigns(currentCampaign());
    loadImports();
}

void AccessPage::focusSearch() {
    if (tabs_) {
        tabs_->setCurrentWidget(itemsTab_);
        search_->setFocus();
        search_->selectAll();
    } else if (review_) {
        review_->table()->setFocus();
    }
}

int AccessPage::attention() const { return review_ ? review_->openCount() : 0; }

void AccessPage::prepareScreenshot() {
    if (campaigns_ && campaigns_->selectedItems().isEmpty() && campaigns_->rowCount() > 0) campaigns_->selectRow(0);
    if (review_ && review_->isVisible()) review_->table()->setFocus();
}

void AccessPage::showItems(const QString& which) {
    const QString view = which.trimmed();
    if (view == QLatin1String("mine")) {
        if (tabs_ && review_) tabs_->setCurrentWidget(review_);
        if (review_) review_->table()->setFocus();
        return;
    }
    if (!tabs_) return;
    if (view == QLatin1String("campaigns")) tabs_->setCurrentWidget(campaignsTab_);
    else if (view == QLatin1String("progress")) tabs_->setCurrentWidget(progressTab_);
    else if (view == QLatin1String("items") || view == QLatin1String("all")) tabs_->setCurrentWidget(itemsTab_);
    else if (view == QLatin1String("flagged")) {
        tabs_->setCurrentWidget(itemsTab_);
        setFlagFilter(kAnyFlag);
    } else if (view == QLatin1String("imports")) tabs_->setCurrentWidget(importsTab_);
}

QString AccessPage::message() const { return message_->text(); }
int AccessPage::shownCampaigns() const { return campaigns_ ? campaigns_->rowCount() : 0; }
int AccessPage::shownItems() const { return allModel_ ? allModel_->count() : 0; }
QString AccessPage::attestationResult() const { return attestation_ ? attestation_->text() : QString(); }

QString AccessPage::personText(const QString& email) const {
    const QString name = people_.value(email.toLower());
    return name.isEmpty() ? email : QStringLiteral("%1 (%2)").arg(name, email);
}

void AccessPage::loadCampaigns(qint64 keep) {
    if (!campaigns_) return;
    auto list = access::AccessService(*ctx_.store).campaigns(ctx_.session);
    all_.clear();
    if (!list) report(Status{list.error()});
    else all_ = *list;

    filling_ = true;
    campaigns_->setSortingEnabled(false);
    campaigns_->clearContents();
    campaigns_->setRowCount(static_cast<int>(all_.size()));
    const QDate today = ctx_.store->clock().today();
    for (int row = 0; row < static_cast<int>(all_.size()); ++row) {
        const access::Campaign& c = all_.at(row);
        const bool open = c.state == kOpen;
        QTableWidgetItem* name = readOnlyCell(c.name);
        name->setData(kIdRole, QVariant::fromValue(c.id));
        campaigns_->setItem(row, CampaignName, name);
        campaigns_->setItem(row, CampaignMode, readOnlyCell(AccessText::modeTitle(c.mode)));
        campaigns_->setItem(row, CampaignState, readOnlyCell(AccessText::stateTitle(c.state)));
        const double share = c.items > 0 ? static_cast<double>(c.decided) / c.items : 1.0;
        QTableWidgetItem* progress = readOnlyCell(tr("%1 av %2 (%3)").arg(formatNumber(c.decided), formatNumber(c.items), formatPercent(share, 0)),
                                                  QVariant::fromValue(share));
        campaigns_->setItem(row, CampaignProgress, progress);
        campaigns_->setItem(row, CampaignFlagged, numberCell(c.flagged));
        QTableWidgetItem* due = readOnlyCell(formatDate(c.due), QVariant::fromValue(c.due.toJulianDay()));
        if (open && c.due.isValid() && c.due < today) {
            warnCell(due);
            due->setToolTip(tr("Fristen er passert, og gjennomgangen er ikke lukket."));
        }
        campaigns_->setItem(row, CampaignDue, due);
        campaigns_->setItem(row, CampaignRevocations, numberCell(c.revocations));
        campaigns_->setItem(row, CampaignOwner, readOnlyCell(c.ownerEmail.isEmpty() ? c.owner : personText(c.ownerEmail)));
    }
    campaigns_->setSortingEnabled(true);
    fitColumns(campaigns_);
    qint64 select = 0;
    for (int row = 0; row < campaigns_->rowCount(); ++row) {
        const qint64 id = campaigns_->item(row, CampaignName)->data(kIdRole).toLongLong();
        if (row == 0 || id == keep) {
            select = id;
            campaigns_->selectRow(row);
        }
        if (id == keep) break;
    }
    filling_ = false;
    showCampaign(select);
}

void AccessPage::showCampaign(qint64 id) {
    campaign_.reset();
    for (const access::Campaign& c : std::as_const(all_))
        if (c.id == id) campaign_ = c;
    detail_->setText(campaignDetail());
    const QString title = campaign_ ? tr("Gjennomgang: %1").arg(campaign_->name) : tr("Velg en gjennomgang under «Gjennomganger».");
    progressTitle_->setText(title);
    itemsTitle_->setText(title);
    loadProgress();
    loadAllItems();
    updateActions();
}

QString AccessPage::campaignDetail() const {
    if (!campaign_) return tr("Ingen gjennomgang er valgt.").toHtmlEscaped();
    const access::Campaign& c = *campaign_;
    auto esc = [](const QString& s) { return s.toHtmlEscaped(); };
    QStringList lines;
    lines << QStringLiteral("<b>%1</b> · %2 · %3").arg(esc(c.name), esc(AccessText::modeTitle(c.mode)), esc(AccessText::stateTitle(c.state)));
    lines << esc(tr("Omfang: %1").arg(AccessText::scopeText(c.scope)));
    lines << esc(tr("Opprettet %1 av %2. Frist %3, påminnelse %4 dager før. Ubesvarte ved fristen: %5.")
                     .arg(formatDateTime(c.createdAt), c.ownerEmail.isEmpty() ? c.owner : personText(c.ownerEmail), formatDate(c.due))
                     .arg(c.reminderDays)
                     .arg(AccessText::unansweredTitle(c.unanswered)));
    lines << esc(c.twoStage ? tr("To trinn: en til bekrefter hver avgjørelse.") : tr("Ett trinn."));
    lines << esc(tr("Tilganger: %1, avgjort %2, flagget %3.").arg(formatNumber(c.items), formatNumber(c.decided), formatNumber(c.flagged)));
    lines << esc(tr("Øyeblikksbilde fra import %1, SHA-256 %2").arg(QString::number(c.snapshotImportId), c.snapshotSha256));
    if (c.state != kOpen) {
        lines << esc(tr("Lukket %1 av %2. Tilbaketrekkinger: %3.").arg(formatDateTime(c.closedAt), c.closedBy, formatNumber(c.revocations)));
        lines << esc(c.signatureBase64.isEmpty() ? tr("Attestasjon: SHA-256 %1, ikke signert.").arg(c.attestationSha256)
                                                 : tr("Attestasjon: SHA-256 %1, signert med virksomhetens nøkkel.").arg(c.attestationSha256));
    }
    return lines.join(QStringLiteral("<br>"));
}

void AccessPage::loadProgress() {
    progress_->setSortingEnabled(false);
    progress_->clearContents();
    progress_->setRowCount(0);
    if (!campaign_) return;
    auto rows = access::AccessService(*ctx_.store).progress(ctx_.session, campaign_->id);
    if (!rows) {
        report(Status{rows.error()});
        return;
    }
    progress_->setRowCount(static_cast<int>(rows->size()));
    for (int row = 0; row < static_cast<int>(rows->size()); ++row) {
        const access::ReviewerProgress& p = rows->at(row);
        QTableWidgetItem* who = readOnlyCell(p.reviewer.isEmpty() ? tr("(ingen kan gjennomgå)") : personText(p.reviewer));
        if (p.reviewer.isEmpty()) {
            warnCell(who);
            who->setToolTip(tr("Innehaveren er den eneste reglene peker på, også eieren av gjennomgangen. Velg en annen eier eller en navngitt regel."));
        }
        progress_->setItem(row, ProgressReviewer, who);
        progress_->setItem(row, ProgressItems, numberCell(p.items));
        progress_->setItem(row, ProgressDecided, numberCell(p.decided));
        progress_->setItem(row, ProgressLeft, numberCell(p.items - p.decided));
        progress_->setItem(row, ProgressFlagged, numberCell(p.flagged));
        QTableWidgetItem* overdue = numberCell(p.overdue);
        if (p.overdue > 0) warnCell(overdue);
        progress_->setItem(row, ProgressOverdue, overdue);
    }
    progress_->setSortingEnabled(true);
    fitColumns(progress_);
}

bool AccessPage::setFlagFilter(access::Flags flags) {
    if (!flagFilter_) return false;
    const int i = flagFilter_->findData(QVariant::fromValue<qulonglong>(flags));
    if (i < 0) return false;
    if (i == flagFilter_->currentIndex()) loadAllItems();
    else flagFilter_->setCurrentIndex(i);  // loads the items
    return true;
}

void AccessPage::setItemSearch(const QString& text) {
    if (!search_) return;
    {
        const QSignalBlocker block(search_);
        search_->setText(text);
    }
    loadAllItems();
}

void AccessPage::loadAllItems() {
    if (!allModel_) return;
    searchDelay_->stop();
    QList<access::ReviewItem> items;
    if (campaign_) {
        access::ItemFilter filter;
        const auto chosen = static_cast<access::Flags>(flagFilter_->currentData().toULongLong());
        filter.anyFlag = chosen == kAnyFlag ? allFlagBits() : chosen;
        filter.search = search_->text().trimmed();
        auto found = access::AccessService(*ctx_.store).items(ctx_.session, campaign_->id, filter);
        if (!found) report(Status{found.error()});
        else items = *found;
    }
    allModel_->setItems(items, ctx_.store->clock().now());
    fitColumns(allItems_);
    itemCount_->setText(campaign_ ? tr("Viser %1 av %2").arg(formatNumber(allModel_->count()), formatNumber(campaign_->items)) : QString());
}

void AccessPage::loadImports() {
    if (!imports_) return;
    auto list = access::AccessService(*ctx_.store).imports(ctx_.session);
    imports_->setSortingEnabled(false);
    imports_->clearContents();
    imports_->setRowCount(0);
    if (!list) {
        report(Status{list.error()});
        return;
    }
    imports_->setRowCount(static_cast<int>(list->size()));
    for (int row = 0; row < static_cast<int>(list->size()); ++row) {
        const access::GrantImport& i = list->at(row);
        QTableWidgetItem* file = readOnlyCell(i.fileName);
        file->setToolTip(tr("SHA-256: %1").arg(i.sha256));
        imports_->setItem(row, 0, file);
        imports_->setItem(row, 1, readOnlyCell(i.format.toUpper()));
        imports_->setItem(row, 2, readOnlyCell(formatDateTime(i.importedAt), QVariant::fromValue(i.importedAt.toMSecsSinceEpoch())));
        imports_->setItem(row, 3, readOnlyCell(i.importedBy));
        imports_->setItem(row, 4, numberCell(i.grants));
        imports_->setItem(row, 5, numberCell(i.added));
        imports_->setItem(row, 6, numberCell(i.removed));
        imports_->setItem(row, 7, numberCell(i.changed));
        imports_->setItem(row, 8, numberCell(i.revocationsChecked));
        QTableWidgetItem* lingering = numberCell(i.revocationsNotEffective);
        if (i.revocationsNotEffective > 0) {
            warnCell(lingering);
            lingering->setToolTip(tr("Tilganger som skulle vært fjernet eller redusert, finnes fortsatt i denne eksporten."));
        }
        imports_->setItem(row, 9, lingering);
    }
    imports_->setSortingEnabled(true);
    fitColumns(imports_);
}

bool AccessPage::selectCampaign(qint64 id) {
    if (!campaigns_) return false;
    for (int row = 0; row < campaigns_->rowCount(); ++row) {
        if (campaigns_->item(row, CampaignName)->data(kIdRole).toLongLong() != id) continue;
        campaigns_->selectRow(row);
        if (currentCampaign() != id) showCampaign(id);
        return currentCampaign() == id;
    }
    return false;
}

QString AccessPage::keyProblem(bool sign) const {
    if (ctx_.keysDir.isEmpty()) return tr("ingen nøkkelmappe er oppgitt (--keys)");
    auto keys = audit::LedgerKeys::load(ctx_.keysDir);
    if (!keys) return tr("nøkkelmappen %1 kan ikke leses").arg(QDir::toNativeSeparators(ctx_.keysDir));
    if (sign && !keys->canSign()) return tr("nøkkelmappen har ikke signeringsnøkkelen");
    return {};
}

void AccessPage::updateActions() {
    if (!tabs_) return;
    const bool have = campaign_.has_value();
    const bool open = have && campaign_->state == kOpen;
    const bool closed = have && !open;
    const QString readOnly = tr("Rollen din kan se gjennomgangene, men ikke endre dem.");
    new_->setEnabled(manages_);
    new_->setToolTip(manages_ ? tr("Start en gjennomgang av den siste importen (Ctrl+N).") : readOnly);
    import_->setEnabled(manages_);
    import_->setToolTip(manages_ ? tr("Les en eksport av tilgangene fra plattformen (CSV eller JSON).") : readOnly);
    remind_->setEnabled(manages_ && open);
    remind_->setToolTip(!manages_ ? readOnly
                        : !open   ? tr("Bare åpne gjennomganger har noen å minne på.")
                                  : tr("Fører en påminnelse for alle med åpne tilganger når fristen er nær, og kopierer adressene."));
    close_->setEnabled(manages_ && open);
    const QString signing = keyProblem(true);
    close_->setToolTip(!manages_ ? readOnly
                       : !open   ? tr("Gjennomgangen er lukket.")
                       : !signing.isEmpty() ? tr("Kan ikke lukkes her: %1.").arg(signing)
                                            : tr("Ubesvarte tilganger får utfallet som er valgt; attestasjonen signeres med virksomhetens nøkkel."));
    exportRevocations_->setEnabled(closed);
    exportRevocations_->setToolTip(closed ? tr("Listen over tilganger som skal fjernes eller reduseres, som CSV eller JSON, til plattformens konfigurasjon.")
                                          : tr("Listen er endelig når gjennomgangen er lukket."));
    exportAttestation_->setEnabled(closed);
    exportAttestation_->setToolTip(closed ? tr("Den signerte attestasjonen: hvem avgjorde hva, og når.")
                                          : tr("Attestasjonen lages når gjennomgangen lukkes."));
    const QString checking = keyProblem(false);
    verifyAttestation_->setToolTip(checking.isEmpty() ? tr("Kontroller en attestasjonsfil mot den betrodde nøkkelen i nøkkelmappen.")
                                                      : tr("Kan ikke kontrollere her: %1.").arg(checking));
}

// ---- Changing

bool AccessPage::report(const Status& s, const QString& done) {
    warning_ = !s;
    return showOutcome(message_, s, done);
}

void AccessPage::fail(const QString& text) {
    message_->setText(text);
    message_->setToolTip({});
    message_->setStyleSheet(QStringLiteral("color: %1").arg(QLatin1String(kWarningRed)));
    warning_ = true;
}

void AccessPage::succeed(const QString& text) {
    message_->setText(text);
    message_->setToolTip({});
    message_->setStyleSheet({});
    warning_ = false;
}

bool AccessPage::noCampaign() {
    fail(tr("Velg en gjennomgang i listen først."));
    return false;
}

QString AccessPage::importReportText(const access::ImportReport& imported) const {
    const access::GrantImport& i = imported.import;
    QStringList lines;
    lines << tr("Fil: %1 (%2)").arg(i.fileName, i.format.toUpper());
    lines << tr("SHA-256: %1").arg(i.sha256);
    lines << tr("Importert %1 av %2").arg(formatDateTime(i.importedAt), i.importedBy);
    lines << tr("Tilganger: %1. Nye: %2. Fjernet: %3. Endret: %4.")
                 .arg(formatNumber(i.grants), formatNumber(i.added), formatNumber(i.removed), formatNumber(i.changed));
    if (i.revocationsChecked > 0)
        lines << tr("Tilbaketrekkinger kontrollert: %1. Ikke gjennomført: %2.").arg(formatNumber(i.revocationsChecked), formatNumber(i.revocationsNotEffective));
    if (!imported.notEffective.isEmpty()) {
        lines << QString() << tr("Ikke gjennomført (finnes fortsatt i eksporten):");
        for (const access::ImportReport::Lingering& l : imported.notEffective)
            lines << tr("  %1 skulle %2 (gjennomgang «%3»)").arg(l.grantKey, revocationActionTitle(l.action), l.campaignName);
    }
    const std::pair<QString, const QStringList*> sections[] = {
        {tr("Nye tilganger:"), &imported.addedKeys}, {tr("Fjernede tilganger:"), &imported.removedKeys}, {tr("Endrede tilganger:"), &imported.changedKeys}};
    for (const auto& [heading, keys] : sections) {
        if (keys->isEmpty()) continue;
        lines << QString() << heading;
        for (const QString& key : *keys) lines << QStringLiteral("  ") + key;
    }
    return lines.join(QLatin1Char('\n'));
}

std::optional<access::ImportReport> AccessPage::importFile(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        importText_ = tr("Kunne ikke lese %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        fail(importText_);
        return std::nullopt;
    }
    // Refused before reading: a file larger than any export would only fill memory.
    if (std::size_t(file.size()) > access::kMaxCsvBytes) {
        importText_ = tr("%1 er større enn %2 MB og leses ikke.").arg(QDir::toNativeSeparators(path)).arg(access::kMaxCsvBytes / (1024 * 1024));
        fail(importText_);
        return std::nullopt;
    }
    const QByteArray content = file.readAll();
    const QString name = QFileInfo(path).fileName();
    // Person ids in the export are pseudonymised with the ledger's key before anything is
    // stored; without that key only an export without ids can be read.
    std::optional<Result<audit::LedgerKeys>> keys;
    const audit::LedgerKeys* pseudonymiser = nullptr;
    if (!ctx_.keysDir.isEmpty()) {
        keys.emplace(audit::LedgerKeys::load(ctx_.keysDir));
        if (*keys && (*keys)->canPseudonymise()) pseudonymiser = &keys->value();
    }
    auto imported = access::AccessService(*ctx_.store).importGrants(ctx_.session, name, content, pseudonymiser);
    if (!imported) {
        // Every problem with its FILE:LINE, for the dialog that keeps them.
        importText_ = describeError(imported.error()) + QStringLiteral("\n\n") + errorDetail(imported.error());
        report(Status{imported.error()});
        return std::nullopt;
    }
    importText_ = importReportText(*imported);
    loadImports();
    const access::GrantImport& i = imported->import;
    const QString done = tr("%1 er importert: %2 tilganger, %3 nye, %4 fjernet, %5 endret.")
                             .arg(name, formatNumber(i.grants), formatNumber(i.added), formatNumber(i.removed), formatNumber(i.changed));
    if (i.revocationsNotEffective > 0)
        fail(done + QLatin1Char(' ') +
             tr("%1 tilbaketrekkinger fra lukkede gjennomganger er ikke gjennomført: tilgangene finnes fortsatt.").arg(formatNumber(i.revocationsNotEffective)));
    else
        succeed(done);
    return *imported;
}

std::optional<qint64> AccessPage::createCampaign(const access::CampaignSpec& spec) {
    auto created = access::AccessService(*ctx_.store).createCampaign(ctx_.session, spec);
    if (!created) {
        report(Status{created.error()});
        return std::nullopt;
    }
    const qint64 id = *created;
    loadCampaigns(id);
    if (review_) review_->reload();
    if (campaign_ && campaign_->id == id)
        succeed(tr("Gjennomgangen «%1» er opprettet med %2 tilganger, %3 av dem flagget.")
                    .arg(campaign_->name, formatNumber(campaign_->items), formatNumber(campaign_->flagged)));
    else
        succeed(tr("Gjennomgangen «%1» er opprettet.").arg(spec.name));
    emit attentionChanged();
    return id;
}

std::optional<QStringList> AccessPage::remindCurrent() {
    if (!campaign_) {
        noCampaign();
        return std::nullopt;
    }
    auto reminded = access::AccessService(*ctx_.store).remind(ctx_.session, campaign_->id);
    if (!reminded) {
        report(Status{reminded.error()});
        return std::nullopt;
    }
    if (reminded->isEmpty()) {
        succeed(tr("Ingen å minne på nå: ingen har åpne tilganger, eller fristen er mer enn %1 dager unna.").arg(campaign_->reminderDays));
    } else {
        // Vakt sends no e-mail itself: the addresses go where the officer can paste them.
        QGuiApplication::clipboard()->setText(reminded->join(QStringLiteral(", ")));
        succeed(tr("Påminnelsen er ført for %1: %2. Adressene er kopiert, så du kan sende dem e-post.")
                    .arg(QString::number(reminded->size()), reminded->join(QStringLiteral(", "))));
    }
    return *reminded;
}

bool AccessPage::closeCurrent() {
    if (!campaign_) return noCampaign();
    const QString problem = keyProblem(true);
    if (!problem.isEmpty()) {
        fail(tr("Gjennomgangen lukkes med en signert attestasjon, men %1.").arg(problem));
        return false;
    }
    auto keys = audit::LedgerKeys::load(ctx_.keysDir);
    if (!keys) {
        report(Status{keys.error()});
        return false;
    }
    const qint64 id = campaign_->id;
    if (!report(access::AccessService(*ctx_.store).close(ctx_.session, id, *keys))) return false;
    loadCampaigns(id);
    if (review_) review_->reload();
    emit attentionChanged();
    if (!campaign_ || campaign_->id != id) return false;
    succeed(tr("«%1» er lukket. Attestasjonen er signert (SHA-256 %2), og listen over tilbaketrekkinger er endelig: %3.")
                .arg(campaign_->name, campaign_->attestationSha256, formatNumber(campaign_->revocations)));
    return campaign_->state != kOpen;
}

bool AccessPage::exportRevocationsTo(const QString& path, bool json) {
    if (!campaign_) return noCampaign();
    auto list = access::AccessService(*ctx_.store).revocations(ctx_.session, campaign_->id);
    if (!list) return report(Status{list.error()});
    const std::string text = json ? access::revocationsJson(*list) : access::revocationsCsv(*list);
    QString error;
    if (!writeFile(path, QByteArray::fromStdString(text), &error)) {
        fail(tr("Kunne ikke skrive %1: %2").arg(QDir::toNativeSeparators(path), error));
        return false;
    }
    succeed(tr("%1 tilbaketrekkinger fra «%2» er lagret i %3.")
                .arg(formatNumber(static_cast<qint64>(list->size())), campaign_->name, QDir::toNativeSeparators(path)));
    return true;
}

bool AccessPage::exportAttestationTo(const QString& path) {
    if (!campaign_) return noCampaign();
    auto bytes = access::AccessService(*ctx_.store).attestation(ctx_.session, campaign_->id);
    if (!bytes) return report(Status{bytes.error()});
    QString error;
    if (!writeFile(path, *bytes, &error)) {
        fail(tr("Kunne ikke skrive %1: %2").arg(QDir::toNativeSeparators(path), error));
        return false;
    }
    succeed(tr("Attestasjonen for «%1» er lagret i %2.").arg(campaign_->name, QDir::toNativeSeparators(path)));
    return true;
}

std::optional<access::AttestationCheck> AccessPage::verifyAttestationFile(const QString& path) {
    auto showResult = [this](const QString& text, bool good) {
        if (attestation_) {
            attestation_->setText(text);
            attestation_->setStyleSheet(QStringLiteral("color: %1").arg(QLatin1String(good ? kGreen : kWarningRed)));
        }
        if (good) succeed(text);
        else fail(text);
    };
    const QString name = QFileInfo(path).fileName();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        showResult(tr("Kunne ikke lese %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()), false);
        return std::nullopt;
    }
    if (file.size() > 64 * 1024 * 1024) {
        showResult(tr("%1 er større enn %2 MB og er ingen attestasjon.").arg(QDir::toNativeSeparators(path)).arg(64), false);
        return std::nullopt;
    }
    const QByteArray bytes = file.readAll();
    // Only the key directory's public key is trusted: a key inside the file proves nothing.
    const QString problem = keyProblem(false);
    if (!problem.isEmpty()) {
        showResult(tr("%1 kan ikke kontrolleres: %2. Vakt stoler bare på nøkkelen i nøkkelmappen, aldri på en nøkkel i filen.").arg(name, problem), false);
        return std::nullopt;
    }
    auto keys = audit::LedgerKeys::load(ctx_.keysDir);
    if (!keys) {
        showResult(tr("%1 kan ikke kontrolleres: %2").arg(name, errorDetail(keys.error())), false);
        return std::nullopt;
    }
    const access::AttestationCheck check = access::AccessService::verifyAttestation(bytes, *keys);
    if (check.ok()) {
        showResult(tr("%1: attestasjonen er ekte. Innholdet er uendret og signert med den betrodde nøkkelen fra nøkkelmappen.").arg(name), true);
    } else {
        const QString what = !check.hashMatches       ? tr("Innholdet stemmer ikke med det som ble signert.")
                             : !check.signatureValid ? tr("Signaturen er ikke gyldig for den betrodde nøkkelen.")
                                                     : tr("Attestasjonen holder ikke.");
        showResult(tr("%1: attestasjonen holder ikke. %2 (%3)").arg(name, what, check.problem), false);
    }
    return check;
}

// ---- Dialogs and file choosers

NewCampaignDialog* AccessPage::newCampaignDialog() {
    auto sorted = [](const QHash<QString, QString>& names) {
        Choices choices;
        for (auto it = names.cbegin(); it != names.cend(); ++it) choices.emplaceBack(it.key(), it.value());
        std::sort(choices.begin(), choices.end(), [](const auto& a, const auto& b) { return QString::localeAwareCompare(a.second, b.second) < 0; });
        return choices;
    };
    auto* d = new NewCampaignDialog(sorted(organisations_), sorted(services_), ctx_.store->clock().today(), this);
    d->setSubmit([this, d] { return createCampaign(d->spec()) ? QString() : message(); });
    return d;
}

void AccessPage::openNewCampaign() {
    if (!manages_ || !new_) return;
    runOwned(newCampaignDialog());
}

void AccessPage::openImport() {
    if (!manages_ || !import_) return;
    const QString path = QFileDialog::getOpenFileName(this, tr("Importer tilganger"), QDir::homePath(),
                                                      tr("Tilgangseksport (*.csv *.json);;Alle filer (*)"));
    if (path.isEmpty()) return;
    const bool imported = importFile(path).has_value();
    const QString name = QFileInfo(path).fileName();
    // Not modal: the problems stay in view while the file is put right.
    auto* dialog = new ImportResultDialog(tr("Import av tilganger"),
                                          imported ? tr("%1 er importert.").arg(name)
                                                   : tr("%1 ble ikke importert. Ingenting er lagret; rett feilene under og importer filen på nytt.").arg(name),
                                          importText_, !imported, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

void AccessPage::openRemind() {
    if (remind_ && remind_->isEnabled()) remindCurrent();
}

void AccessPage::openClose() {
    if (!close_ || !close_->isEnabled() || !campaign_) return;
    const int left = std::max(0, campaign_->items - campaign_->decided);
    const QString question =
        left > 0 ? tr("Lukke «%1»? %2 tilganger er ikke avgjort og får utfallet «%3». Attestasjonen signeres med virksomhetens nøkkel, "
                      "og avgjørelsene kan ikke endres etterpå.")
                       .arg(campaign_->name, formatNumber(left), AccessText::unansweredTitle(campaign_->unanswered))
                 : tr("Lukke «%1»? Attestasjonen signeres med virksomhetens nøkkel, og avgjørelsene kan ikke endres etterpå.").arg(campaign_->name);
    if (QMessageBox::question(this, tr("Lukk og signer"), question, QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel) != QMessageBox::Yes) return;
    closeCurrent();
}

void AccessPage::openExportRevocations() {
    if (!campaign_ || !exportRevocations_->isEnabled()) return;
    QString filter;
    const QString csv = tr("CSV (*.csv)"), json = tr("JSON (*.json)");
    const QString path = QFileDialog::getSaveFileName(this, tr("Eksporter tilbaketrekkinger"),
                                                      QDir::home().filePath(QStringLiteral("tilbaketrekkinger-%1.csv").arg(campaign_->id)),
                                                      csv + QStringLiteral(";;") + json, &filter);
    if (path.isEmpty()) return;
    exportRevocationsTo(path, filter == json || path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive));
}

void AccessPage::openExportAttestation() {
    if (!campaign_ || !exportAttestation_->isEnabled()) return;
    const QString path = QFileDialog::getSaveFileName(this, tr("Eksporter attestasjon"),
                                                      QDir::home().filePath(QStringLiteral("attestasjon-%1.json").arg(campaign_->id)),
                                                      tr("Attestasjon (*.json)"));
    if (!path.isEmpty()) exportAttestationTo(path);
}

void AccessPage::openVerifyAttestation() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Kontroller attestasjon"), QDir::homePath(), tr("Attestasjon (*.json);;Alle filer (*)"));
    if (!path.isEmpty()) verifyAttestationFile(path);
}

}  // namespace vakt::desktop
